"""The Word files as a second, independent reader sees them: pandoc reads every example pack's
.docx (`pandoc -f docx -t json`) and finds its headings, list items, table rows and marking
statement, in the order the briefing gives them (when pandoc is installed).

LibreOffice (test_docx_libreoffice.py) lays the files out; pandoc reads their structure alone,
so a heading that is only big bold text, a list item that is a plain paragraph or a table
written as tabbed lines would fail here."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from briefing.build import BuildRequest, check
from briefing.checks.pieces import fold
from briefing.document.model import BulletList, Contents, Heading, Paragraph, Table

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.document.model import Document

PACKS = sorted((Path(__file__).resolve().parents[2] / "packs").glob("*.yaml"))
PANDOC = shutil.which("pandoc")

pytestmark = pytest.mark.skipif(
    PANDOC is None, reason="pandoc is not installed (apt-get install pandoc; tests/run.sh does)"
)

Part = tuple[str, str]  # (kind, folded text): "heading", "item", "row" or "marking"


def _inline_text(node: Any) -> str:
    """The text of pandoc inlines (or blocks), spaces and line breaks as spaces."""
    if isinstance(node, list):
        return "".join(_inline_text(child) for child in node)
    if not isinstance(node, dict):
        return ""
    kind = node.get("t")
    content: Any = node.get("c")
    if kind == "Str":
        return str(content)
    if kind in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if kind in ("Code", "Math", "RawInline"):
        return str(content[-1])
    if kind in ("Link", "Image", "Span", "Quoted", "Cite"):
        return _inline_text(content[1])
    return _inline_text(content)


def _read(blocks: list[Any]) -> Iterator[Part]:
    """What pandoc found, in order: headings, list items, table rows and every paragraph."""
    for block in blocks:
        kind, content = block["t"], block.get("c")
        if kind == "Header":
            yield "heading", fold(_inline_text(content[2]))
        elif kind in ("BulletList", "OrderedList"):
            for item in content if kind == "BulletList" else content[1]:
                yield "item", fold(_inline_text(item))
        elif kind == "Table":
            head, bodies = content[3], content[4]
            rows = [*head[1]]
            for body in bodies:
                rows += [*body[2], *body[3]]
            for row in rows:
                yield "row", fold("".join(_inline_text(cell[4]) for cell in row[1]))
        elif kind in ("Para", "Plain"):
            yield "paragraph", fold(_inline_text(content))
        elif kind in ("Div", "BlockQuote"):
            yield from _read(content[1] if kind == "Div" else content)


def _expected(document: Document) -> list[Part]:
    """What the briefing holds that a reader of the structure must find, in order."""
    marking = document.meta.marking
    parts: list[Part] = []
    for block in document.blocks:
        if isinstance(block, (Heading, Contents)):  # the contents' own title is a heading
            parts.append(
                ("heading", fold(block.text if isinstance(block, Heading) else block.title))
            )
        elif isinstance(block, BulletList):
            parts += [("item", fold("".join(run.text for run in item))) for item in block.items]
        elif isinstance(block, Table):
            parts += [("row", fold("".join(cells))) for cells in [block.header, *block.rows]]
        elif isinstance(block, Paragraph) and marking and block.role == "note":
            text = "".join(run.text for run in block.runs)
            if marking in text:
                parts.append(("marking", fold(text)))
    return parts


@pytest.mark.parametrize("pack_file", PACKS, ids=[p.stem for p in PACKS])
def test_pandoc_reads_headings_lists_tables_and_marking_in_order(
    pack_file: Path, tmp_path: Path
) -> None:
    (job,) = check(BuildRequest.for_file(pack_file, formats=("docx",))).jobs
    docx_file = tmp_path / f"{pack_file.stem}.docx"
    docx_file.write_bytes(job.rendered["docx"].data)
    assert PANDOC is not None
    done = subprocess.run(
        [PANDOC, "-f", "docx", "-t", "json", str(docx_file)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    found = list(_read(json.loads(done.stdout)["blocks"]))
    expected = _expected(job.document)
    assert any(kind == "heading" for kind, _ in expected)
    assert any(kind == "item" for kind, _ in expected)
    # Each part is found after the one before it: a heading as a heading, a list item as a
    # list item, a table row as a row; the marking statement as a paragraph of its own.
    at = 0
    for kind, text in expected:
        wanted = ("paragraph", text) if kind == "marking" else (kind, text)
        rest = found[at:]
        assert wanted in rest, f"pandoc does not find the {kind} {text!r} after part {at}"
        at += rest.index(wanted) + 1
    # Nothing else reads as a heading (the cover's lines and the contents' entries are paragraphs).
    headings = [text for kind, text in found if kind == "heading"]
    assert headings == [text for kind, text in expected if kind == "heading"]
    if job.document.meta.marking:
        assert any(kind == "marking" for kind, _ in expected), "no marking statement"
