"""`briefing build` and `briefing validate` meet user mistakes with a message, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main

PACK = """\
briefing_pack: 1
title: Mistakes pack
sections:
  - title: Housing
    items:
      - article: a1
        summary: Councils are reviewing their temporary accommodation spending.
articles:
  a1:
    title: Temporary accommodation costs
"""


def write_pack(folder: Path, extra: str = "") -> Path:
    path = folder / "pack.yaml"
    path.write_text(PACK + extra, encoding="utf-8")
    return path


def test_build_explains_a_folder_where_the_output_file_goes(tmp_path: Path, capsys) -> None:
    pack = write_pack(tmp_path)
    out = tmp_path / "out"
    (out / "Mistakes pack.pdf").mkdir(parents=True)
    assert main(["build", str(pack), "-o", str(out), "--format", "pdf", "-q"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "Mistakes pack.pdf: there is a folder with that name" in err
    assert "choose another folder" in err


LAYOUT = "layout:\n  logo: crest.png\n  logo_alt: Example crest\n  template: house.docx\n"


def good_layout_files(folder: Path) -> None:
    from briefing.export.docx.writer import reference_template

    (folder / "house.docx").write_bytes(reference_template().read_bytes())
    (folder / "crest.png").write_bytes(
        (
            Path(__file__).resolve().parents[2] / "packs" / "images" / "example-council-logo.png"
        ).read_bytes()
    )


def test_validate_accepts_a_real_logo_and_template(tmp_path: Path, capsys) -> None:
    good_layout_files(tmp_path)
    pack = write_pack(tmp_path, LAYOUT)
    assert main(["validate", str(pack)]) == 0
    assert capsys.readouterr().out.startswith(f"{pack}: OK (1 section, 1 item)")


def test_a_word_template_saved_as_dotx_is_used_like_a_docx(tmp_path: Path, capsys) -> None:
    """A council's template as Word saves one (.dotx): validate accepts it and the briefing
    takes its styles, as a Word document (.docx) Word opens for editing."""
    import io
    import zipfile

    import docx
    from docx.shared import RGBColor

    template = docx.Document()
    template.styles["Heading 1"].font.color.rgb = RGBColor(0x1E, 0x5C, 0x3A)
    saved = io.BytesIO()
    template.save(saved)
    with (
        zipfile.ZipFile(saved) as source,
        zipfile.ZipFile(tmp_path / "house.dotx", "w", zipfile.ZIP_DEFLATED) as dotx,
    ):
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dotx.writestr(member, data)
    pack = write_pack(tmp_path, "layout:\n  template: house.dotx\n")
    assert main(["validate", str(pack)]) == 0
    assert main(["build", str(pack), "--format", "docx", "-q"]) == 0
    built = tmp_path / "Mistakes pack.docx"
    with zipfile.ZipFile(built) as package:
        assert b"document.main+xml" in package.read("[Content_Types].xml")
        assert b"template.main+xml" not in package.read("[Content_Types].xml")
    heading = docx.Document(str(built)).styles["Heading 1"]
    assert heading.font.color.rgb == RGBColor(0x1E, 0x5C, 0x3A)
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "crest.png",
            b"a text file renamed to .png\n",
            "The logo file “crest.png” is not a PNG or JPEG picture, whatever its name says: "
            "save it from an image editor as .png or .jpg.",
        ),
        ("crest.png", b"", "The logo file “crest.png” is empty (0 bytes)"),
        (
            "house.docx",
            b"not a zip archive at all",
            "The Word template file “house.docx” is not a Word document, whatever its name says: "
            "save it from Word as a Word Document (.docx).",
        ),
        ("house.docx", b"", "The Word template file “house.docx” is empty (0 bytes)"),
    ],
)
def test_validate_looks_inside_the_logo_and_template(
    tmp_path: Path, capsys, name: str, content: bytes, expected: str
) -> None:
    good_layout_files(tmp_path)
    (tmp_path / name).write_bytes(content)
    pack = write_pack(tmp_path, LAYOUT)
    assert main(["validate", str(pack)]) == 1
    captured = capsys.readouterr()
    assert "OK" not in captured.out
    assert "Traceback" not in captured.err
    # The same line as `briefing check` prints: FILE:LINE:COL of the layout key, then why.
    (line,) = [line for line in captured.err.splitlines() if ": error: " in line]
    key = "logo" if name == "crest.png" else "template"
    lines = pack.read_text(encoding="utf-8").splitlines()
    row = next(n for n, text in enumerate(lines, 1) if text.strip().startswith(f"{key}:"))
    assert line.startswith(f"{pack}:{row}:"), line
    assert line.split(": error: ", 1)[1].startswith(expected)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("crest.png", b"a text file renamed to .png\n", "is not a PNG or JPEG picture"),
        ("house.docx", b"not a zip archive at all", "is not a Word document"),
    ],
)
def test_build_stops_on_an_unusable_logo_or_template_and_writes_nothing(
    tmp_path: Path, capsys, name: str, content: bytes, expected: str
) -> None:
    good_layout_files(tmp_path)
    (tmp_path / name).write_bytes(content)
    pack = write_pack(tmp_path, LAYOUT)
    out = tmp_path / "out"
    assert main(["build", str(pack), "-o", str(out), "--format", "docx", "-q"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert expected in err and name in err
    assert list(out.iterdir()) == []


def test_validate_and_build_explain_a_pack_that_is_a_folder_empty_or_not_utf8(
    tmp_path: Path, capsys
) -> None:
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "empty.yaml").write_bytes(b"")
    (tmp_path / "latin1.yaml").write_bytes(PACK.replace("Housing", "Caf\u00e9s").encode("latin-1"))
    for name, expected in (
        ("folder.yaml", "this is a folder, not a pack file"),
        ("empty.yaml", "1:1: the file is empty"),
        ("latin1.yaml", "4:15: the file is not UTF-8 text"),
    ):
        for command in ("validate", "build"):
            assert (
                main(
                    [command, str(tmp_path / name), "-q"]
                    if command == "build"
                    else [command, str(tmp_path / name)]
                )
                == 1
            )
            err = capsys.readouterr().err
            assert "Traceback" not in err
            assert err.startswith(f"{tmp_path / name}:") and expected in err, err
