"""An item marked Welsh is marked as Welsh in every file built, so screen readers speak it with
Welsh sounds and Word checks its spelling in Welsh: lang="cy" in the web page, w:lang cy-GB on
its Word runs and Lang on its tagged PDF structure elements. Its headings, title and byline,
and the rest of the briefing, stay English (UK)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pikepdf
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from briefing.build import BuildRequest, build
from briefing.compose.builder import IMPLICATIONS_HEADING
from briefing.packfile import load_pack

PACKS = Path(__file__).resolve().parents[2] / "packs"
WELSH = "Mae'r cyngor yn wynebu pwysau ariannol mawr eleni."
POINT = "Dylai'r aelodau nodi'r adroddiad."
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    pack = load_pack(PACKS / "member-briefing.yaml")
    item = pack.sections[0].items[0]
    item.language, item.summary, item.implications = "cy", WELSH, [POINT]
    out = tmp_path_factory.mktemp("welsh")
    files = build(BuildRequest(pack, PACKS.resolve(), ("docx", "pdf", "html"), (None,), outdir=out))
    return {path.suffix: path for path in files}


def test_the_web_page_marks_the_welsh_item_lang_cy(built):
    page = BeautifulSoup(built[".html"].read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == "en-GB"
    welsh = [span.get_text() for span in page.find_all(lang="cy")]
    assert WELSH in welsh and POINT in welsh
    heading = page.find(string=IMPLICATIONS_HEADING)
    assert heading is not None and heading.find_parent(lang="cy") is None  # our words: English


def test_the_word_file_gives_the_welsh_runs_their_language(built):
    with zipfile.ZipFile(built[".docx"]) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    languages = {}
    for run in body.iter(f"{W}r"):
        text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        lang = run.find(f"{W}rPr/{W}lang")
        languages[text] = None if lang is None else lang.get(f"{W}val")
    assert languages[WELSH] == "cy-GB" and languages[POINT] == "cy-GB"
    assert languages[IMPLICATIONS_HEADING] is None  # the document's own: English (UK)


def _tagged(node, found):
    if isinstance(node, pikepdf.Dictionary):
        if "/Lang" in node:
            found.append((str(node.get("/S")), str(node.Lang)))
        kids = node.get("/K")
        if kids is not None:
            _tagged(kids, found)
    elif isinstance(node, pikepdf.Array):
        for kid in node:
            _tagged(kid, found)
    return found


def test_the_tagged_pdf_gives_the_welsh_paragraphs_their_language(built):
    with pikepdf.open(built[".pdf"]) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        tagged = _tagged(pdf.Root.StructTreeRoot, [])
    welsh = [kind for kind, lang in tagged if lang.lower().startswith("cy")]
    assert "/P" in welsh and "/LBody" in welsh  # the summary and the point


def test_the_redline_marks_a_welsh_items_words_welsh(tmp_path):
    """The redline's inserted and deleted words of an item marked Welsh are Welsh too."""
    from datetime import UTC, datetime

    from briefing.compare.diff import compare_packs
    from briefing.compare.redline import redline_document
    from briefing.compose.audience import for_audience

    old = load_pack(PACKS / "member-briefing.yaml")
    old.sections[0].items[0].language = "cy"
    old.sections[0].items[0].summary = WELSH
    new = load_pack(PACKS / "member-briefing.yaml")
    new.sections[0].items[0].language = "cy"
    new.sections[0].items[0].summary = WELSH.replace("mawr", "enfawr")
    document = redline_document(
        for_audience(old),
        for_audience(new),
        compare_packs(old, new),
        PACKS.resolve(),
        since=1,
        by="Sam Officer",
        on=datetime(2026, 12, 10, tzinfo=UTC),
    )
    runs = [run for block in document.blocks for run in getattr(block, "runs", [])]
    changed = [(run.text, run.lang) for run in runs if run.change]
    assert ("enfawr", "cy") in changed and ("mawr", "cy") in changed
