"""The example packs in packs/ load cleanly, build to .docx and PDF, and show the whole format."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document as open_docx
from pypdf import PdfReader

from briefing.files.naming import file_stem
from briefing.packfile import load_pack

REPO = Path(__file__).resolve().parents[1]
PACKS_DIR = REPO / "packs"
PACKS = sorted(PACKS_DIR.glob("*.yaml"))
PACK_IDS = [p.stem for p in PACKS]

# The MJ round table report has no title of its own; the member briefing gives it one.
UNTITLED_ARTICLE_KEY = "mj-ai-round-table"


def _squash(text: str) -> str:
    """One space between words, so titles that wrap across lines still match."""
    return re.sub(r"\s+", " ", text).strip()


def _pdf_text(path: Path) -> str:
    return _squash(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def _docx_text(path: Path) -> str:
    doc = open_docx(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return _squash(" ".join(parts))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Build every example pack once through the real command line, as a user would."""
    results: dict[str, dict[str, Path]] = {}
    for pack_file in PACKS:
        outdir = tmp_path_factory.mktemp(pack_file.stem)
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "briefing",
                "build",
                str(pack_file),
                "-o",
                str(outdir),
                "--format",
                "both",
            ],
            capture_output=True,
            text=True,
            cwd=outdir,
            timeout=300,
        )
        assert proc.returncode == 0, f"{pack_file.name} failed to build:\n{proc.stderr}"
        printed = [Path(line) for line in proc.stdout.splitlines() if line.strip()]
        results[pack_file.stem] = {path.suffix.lstrip("."): path for path in printed}
    return results


def _raw(pack_file: Path) -> dict:
    with pack_file.open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


def test_there_are_three_example_packs_of_both_kinds() -> None:
    kinds = {_raw(p).get("kind", "member-briefing") for p in PACKS}
    assert {"member-briefing", "event-handout"} <= kinds
    assert {"member-briefing", "event-handout", "large-print-briefing"} <= set(PACK_IDS)


@pytest.mark.parametrize("pack_file", PACKS, ids=PACK_IDS)
def test_example_pack_loads_without_problems(pack_file: Path) -> None:
    pack = load_pack(pack_file)
    assert pack.items(), f"{pack_file.name} has no items"
    for item in pack.items():
        assert item.article in pack.articles
        assert item.summary.strip(), f"{item.article} has no summary"
        assert item.implications, f"{item.article} has no implication points"
    assert pack.layout.logo == "" or pack.layout.logo_alt, "a logo needs alt text"


@pytest.mark.parametrize("pack_file", PACKS, ids=PACK_IDS)
def test_validate_command_accepts_example_pack(pack_file: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "briefing", "validate", str(pack_file)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "OK" in proc.stdout


def test_example_pack_files_start_with_schema_comment() -> None:
    for pack_file in PACKS:
        first = pack_file.read_text(encoding="utf-8").splitlines()[0]
        assert (
            first == "# yaml-language-server: $schema=../briefing/schema/pack-format-1.schema.json"
        )


@pytest.mark.parametrize("pack_file", PACKS, ids=PACK_IDS)
def test_example_pack_builds_both_files_named_from_title(
    pack_file: Path, built: dict[str, dict[str, Path]]
) -> None:
    pack = load_pack(pack_file)
    files = built[pack_file.stem]
    assert set(files) == {"docx", "pdf"}
    for fmt, path in files.items():
        assert path.is_file() and path.stat().st_size > 2000
        assert path.name == f"{file_stem(pack.title)}.{fmt}"
    assert files["pdf"].read_bytes().startswith(b"%PDF-")
    with zipfile.ZipFile(files["docx"]) as archive:
        assert "word/document.xml" in archive.namelist()


@pytest.mark.parametrize("pack_file", PACKS, ids=PACK_IDS)
def test_built_files_show_cover_title_and_every_article_title(
    pack_file: Path, built: dict[str, dict[str, Path]]
) -> None:
    pack = load_pack(pack_file)
    pdf_text = _pdf_text(built[pack_file.stem]["pdf"])
    docx_text = _docx_text(built[pack_file.stem]["docx"])
    for text, where in ((pdf_text, "PDF"), (docx_text, ".docx")):
        assert _squash(pack.title) in text, f"cover title missing from the {where}"
        for item in pack.items():
            title = _squash(pack.articles[item.article].title)
            assert title in text, f"{title!r} missing from the {where} of {pack_file.name}"


def test_member_briefing_covers_every_corpus_article(
    built: dict[str, dict[str, Path]], corpus_dir: Path
) -> None:
    expected = yaml.safe_load((corpus_dir / "expected.yaml").read_text(encoding="utf-8"))
    pack = load_pack(PACKS_DIR / "member-briefing.yaml")
    titles = []
    for corpus_file in expected.values():
        for entry in corpus_file["items"]:
            titles.append(entry["title"] or pack.articles[UNTITLED_ARTICLE_KEY].title)
    assert len(titles) == 8
    pdf_text = _pdf_text(built["member-briefing"]["pdf"])
    used = {_squash(pack.articles[item.article].title) for item in pack.items()}
    for title in titles:
        assert _squash(title) in used, f"no item for {title!r}"
        assert _squash(title) in pdf_text


def test_member_briefing_prints_markup_like_text_as_typed(
    built: dict[str, dict[str, Path]],
) -> None:
    pdf_text = _pdf_text(built["member-briefing"]["pdf"])
    docx_text = _docx_text(built["member-briefing"]["docx"])
    for text in (pdf_text, docx_text):
        assert "Q&A" in text
        assert "<500" in text
        assert "Špaček" in text  # the book's reference, with its accented name


def test_member_briefing_shows_marking_logo_and_contact(
    built: dict[str, dict[str, Path]],
) -> None:
    pdf_path = built["member-briefing"]["pdf"]
    pdf_text = _pdf_text(pdf_path)
    assert "OFFICIAL" in pdf_text
    assert "policy@example.gov.uk" in pdf_text
    assert "01234 567890" in pdf_text
    with zipfile.ZipFile(built["member-briefing"]["docx"]) as archive:
        assert any(name.startswith("word/media/") for name in archive.namelist())
        assert "Example Borough Council logo" in archive.read("word/document.xml").decode()


def test_event_handout_is_a5_draft_with_agenda(built: dict[str, dict[str, Path]]) -> None:
    pdf_path = built["event-handout"]["pdf"]
    box = PdfReader(pdf_path).pages[0].mediabox
    # A5 is 148 x 210 mm, 419.5 x 595.3 points.
    assert abs(float(box.width) - 419.5) < 2 and abs(float(box.height) - 595.3) < 2
    text = _pdf_text(pdf_path)
    for expected in ("DRAFT", "Andover", "4 November 2025", "10:00", "Panel Q&A and close"):
        assert expected in text, expected


def test_large_print_pack_uses_the_house_template(built: dict[str, dict[str, Path]]) -> None:
    with zipfile.ZipFile(built["large-print-briefing"]["docx"]) as archive:
        styles = archive.read("word/styles.xml").decode()
    assert "Verdana" in styles
    text = _pdf_text(built["large-print-briefing"]["pdf"])
    assert "OFFICIAL-SENSITIVE" in text


def _schema_keys(schema: dict, node: dict, path: str, out: set[str]) -> None:
    """Every key path the schema documents, with "*" for free-form map keys and list items."""
    if "$ref" in node:
        target: dict = schema
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    for combiner in ("allOf", "anyOf", "oneOf"):
        for sub in node.get(combiner, []):
            _schema_keys(schema, sub, path, out)
    for key, sub in node.get("properties", {}).items():
        child = f"{path}.{key}" if path else key
        out.add(child)
        _schema_keys(schema, sub, child, out)
    free = (
        [node["additionalProperties"]] if isinstance(node.get("additionalProperties"), dict) else []
    )
    free += list(node.get("patternProperties", {}).values())
    for sub in free:
        out.add(f"{path}.*")
        _schema_keys(schema, sub, f"{path}.*", out)
    if isinstance(node.get("items"), dict):
        _schema_keys(schema, node["items"], f"{path}[]", out)


def _data_keys(value: object, path: str, out: set[str], free_maps: set[str]) -> None:
    if isinstance(value, dict):
        for key, sub in value.items():
            name = "*" if path in free_maps else key
            child = f"{path}.{name}" if path else name
            out.add(child)
            _data_keys(sub, child, out, free_maps)
    elif isinstance(value, list):
        for sub in value:
            _data_keys(sub, f"{path}[]", out, free_maps)


def test_example_packs_together_use_every_documented_key() -> None:
    from briefing.files.shipped import schema_path

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    documented: set[str] = set()
    _schema_keys(schema, schema, "", documented)
    free_maps = {p[:-2] for p in documented if p.endswith(".*")}
    used: set[str] = set()
    for pack_file in PACKS:
        _data_keys(_raw(pack_file), "", used, free_maps)
    # Article bodies are third-party text, which the examples deliberately do not reproduce.
    unused = {p for p in documented - used if not p.endswith(".body") and not p.endswith(".*")}
    assert not unused, f"keys no example pack shows: {sorted(unused)}"


@pytest.mark.parametrize(
    ("pack", "audience"),
    [
        *((p, None) for p in PACKS),
        (PACKS_DIR / "member-briefing.yaml", "public"),
        (PACKS_DIR / "member-briefing.yaml", "summary"),
    ],
    ids=lambda value: getattr(value, "stem", value),
)
def test_the_example_packs_follow_their_own_advice(
    pack: Path, audience: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    """An example is what a new user copies: `briefing check` finds nothing in it, not even
    advice (a sentence over 25 words, a hard summary), in any version it builds."""
    from briefing.cli import main

    argv = ["check", str(pack), "--json", *(["--audience", audience] if audience else [])]
    status = main(argv)
    findings = json.loads(capsys.readouterr().out)
    assert [f"{f['line']}: {f['rule']}: {f['message']}" for f in findings] == []
    assert status == 0
