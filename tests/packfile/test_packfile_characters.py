"""Text a Word or PDF file cannot store is found by `validate`, so `build` never meets it."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from docx import Document as WordDocument
from pypdf import PdfReader

from briefing.cli import main
from briefing.packfile import load_pack

if TYPE_CHECKING:
    from pathlib import Path

PACK = """\
briefing_pack: 1
title: {title}
organisation: Example Borough Council
sections:
  - title: {section}
    items:
      - article: a1
        summary: {summary}
articles:
  a1:
    title: {article}
"""


def write(
    tmp_path: Path,
    title: str = "Plain title",
    section: str = "Housing",
    summary: str = "Rents rose.",
    article: str = "Rents",
) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(
        PACK.format(title=title, section=section, summary=summary, article=article),
        encoding="utf-8",
    )
    return path


def test_a_vertical_tab_from_pasted_word_text_becomes_a_line_break(tmp_path: Path) -> None:
    pack = load_pack(write(tmp_path, summary='"First line\\vSecond line"'))
    assert pack.sections[0].items[0].summary == "First line\nSecond line"


def test_validate_refuses_a_control_character_with_its_line_and_column(tmp_path, capsys) -> None:
    path = write(tmp_path, summary="Rents\x01 rose.")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:8:23: the file contains a control character (code 0x01)" in err
    assert "Traceback" not in err
    assert main(["build", str(path), "-q"]) == 1
    assert not list(tmp_path.glob("*.docx")) and not list(tmp_path.glob("*.pdf"))


def test_an_escaped_control_character_is_refused_too(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, title='"Budget\\x1b[31m update"')
    assert main(["validate", str(path)]) == 1
    assert (
        f"{path}:2:8: the text holds an invisible control character (U+001B)"
        in capsys.readouterr().err
    )


def test_a_lone_surrogate_in_a_section_title_is_refused(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, section='"Housing \\ud800 needs"')
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:5:12: the text holds half of a character (U+D800" in err


def test_a_surrogate_pair_written_as_two_escapes_is_one_character(tmp_path: Path) -> None:
    path = write(tmp_path, article='"Awards \\ud83c\\udfc6"')
    assert load_pack(path).articles["a1"].title == "Awards \U0001f3c6"
    # The untagged engine prints a character no font has as a box; the tagged one refuses it.
    assert main(["build", str(path), "-q", "--pdf-engine", "reportlab"]) == 0
    outline = PdfReader(tmp_path / "Plain title.pdf").outline
    assert any("Awards \U0001f3c6" in str(entry) for entry in _flatten(outline))


def _flatten(outline: list) -> list:
    return [e for item in outline for e in (_flatten(item) if isinstance(item, list) else [item])]


def test_a_long_title_shortens_the_word_property_not_the_document(tmp_path: Path) -> None:
    title = "Strategic review of " + "housing, transport and care " * 12 + "services"
    path = write(tmp_path, title=title)
    assert main(["validate", str(path)]) == 0
    assert main(["build", str(path), "-o", str(tmp_path / "out"), "-q"]) == 0
    built = next((tmp_path / "out").glob("*.docx"))
    word = WordDocument(str(built))
    assert len(word.core_properties.title) == 255
    assert word.core_properties.title.endswith("…")
    assert title.startswith(word.core_properties.title[:-1].rstrip())
    body = zipfile.ZipFile(io.BytesIO(built.read_bytes())).read("word/document.xml").decode()
    assert "housing, transport and care services" in body  # the cover keeps the whole title
    assert PdfReader(next((tmp_path / "out").glob("*.pdf"))).metadata.title == title


def test_text_typed_in_the_app_with_unstorable_characters_still_builds(tmp_path: Path) -> None:
    from briefing.build import BuildRequest, build

    pack = load_pack(write(tmp_path))
    pack.title = "Rents\x0bupdate \ud800"
    pack.sections[0].items[0].summary = "Costs\x01 rose \udfff sharply."
    written = build(BuildRequest(pack, tmp_path, outdir=tmp_path))
    word = WordDocument(str(written[0]))
    assert word.core_properties.title == "Rents\nupdate "
    text = "".join(page.extract_text() for page in PdfReader(written[1]).pages)
    assert "Costs rose sharply." in " ".join(text.split())
