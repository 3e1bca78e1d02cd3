"""The redline files: a Word file with real tracked changes (as Word and LibreOffice read them)
and a web page marking insertions and deletions in words as well as by look."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta, timezone

import docx
import pytest
from bs4 import BeautifulSoup
from docx.oxml.ns import qn
from libreoffice import SOFFICE, convert
from revisions_pack import VERSION_2, write_pack

from briefing.history.changes import compare_versions, write_redlines
from briefing.history.issue import issue_version

MONDAY = datetime(2026, 12, 7, 9, 30, tzinfo=timezone(timedelta(0)))


@pytest.fixture(scope="module")
def redlines(tmp_path_factory):
    """Version 1 issued on Monday; version 2 issued on Thursday by Sam Officer; the redline of
    version 1 → 2 for members and for the public."""
    folder = tmp_path_factory.mktemp("redline")
    pack = write_pack(folder)
    issue_version(pack, outdir=folder / "out", formats=("docx",), now=MONDAY)
    pack.write_text(VERSION_2, encoding="utf-8")
    issue_version(
        pack,
        outdir=folder / "out",
        formats=("docx",),
        officer="Sam Officer",
        now=MONDAY + timedelta(days=3),
    )
    out = {}
    for audience in ("members", "public"):
        compared = compare_versions(pack, 1, 2, audience)
        files = write_redlines(compared, folder / audience)
        out[audience] = {path.suffix: path for path in files}
    return out


def _changes(xml_root):
    """(kind, author, date, text) of every tracked change in a document.xml tree."""
    out = []
    for tag, kind in ((qn("w:ins"), "ins"), (qn("w:del"), "del")):
        for change in xml_root.iter(tag):
            texts = [t.text or "" for t in change.iter(qn("w:t"), qn("w:delText"))]
            out.append((kind, change.get(qn("w:author")), change.get(qn("w:date")), "".join(texts)))
    return out


def test_word_file_holds_tracked_changes_by_the_officer_with_the_date(redlines):
    path = redlines["members"][".docx"]
    assert path.name == "Housing and care update - changes since version 1.docx"
    changes = _changes(docx.Document(str(path)).element.body)
    assert ("del", "Sam Officer", "2026-12-10T09:30:00Z", "£35m") in changes
    assert ("ins", "Sam Officer", "2026-12-10T09:30:00Z", "£38m") in changes
    assert (
        "ins",
        "Sam Officer",
        "2026-12-10T09:30:00Z",
        "When will the new hostel open?",
    ) in changes
    # A deleted word is deleted text (w:delText), never ordinary text Word would print.
    body = docx.Document(str(path)).element.body
    deleted = [t.text for d in body.iter(qn("w:del")) for t in d.iter(qn("w:t"))]
    assert deleted == []
    removed = " ".join(text for kind, _, _, text in changes if kind == "del")
    assert "Empty homes could house families" in removed
    # Every change has its own id, apart from the bookmarks'.
    ids = [el.get(qn("w:id")) for el in body.iter(qn("w:ins"), qn("w:del"), qn("w:bookmarkStart"))]
    assert len(ids) == len(set(ids))


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_keeps_the_tracked_changes(redlines, tmp_path):
    source = redlines["members"][".docx"]
    saved = convert(source, "docx:MS Word 2007 XML", tmp_path / "lo")
    with zipfile.ZipFile(saved) as archive:
        from lxml import etree

        root = etree.fromstring(archive.read("word/document.xml"))
    changes = _changes(root)
    kinds = {(kind, text) for kind, _, _, text in changes}
    assert ("del", "£35m") in kinds and ("ins", "£38m") in kinds
    assert {author for _, author, _, _ in changes} == {"Sam Officer"}
    assert all(date and date.startswith("2026-12-10T09:30:00") for _, _, date, _ in changes)


def test_web_page_marks_changes_in_words_and_by_underline_and_strike(redlines):
    page = BeautifulSoup(redlines["members"][".html"].read_text(encoding="utf-8"), "html.parser")
    dels = [d.get_text() for d in page.find_all("del")]
    inss = [i.get_text() for i in page.find_all("ins")]
    assert "£35m" in dels and "£38m" in inss
    css = page.find("style").get_text()
    assert "ins {" in css and "text-decoration: underline" in css.split("ins {")[1].split("}")[0]
    assert "text-decoration: line-through" in css.split("del {")[1].split("}")[0]
    # Said in words to screen readers (read from the stylesheet, hidden from sight).
    assert 'ins::before { content: " inserted text: "; }' in css
    assert 'del::after { content: " (end of deleted text) "; }' in css
    assert "clip-path: inset(50%)" in css.split("ins::before, ins::after")[1].split("}")[0]


def test_the_public_redline_holds_nothing_of_the_item_made_exempt(redlines):
    for path in redlines["public"].values():
        data = path.read_bytes()
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                data = b" ".join(archive.read(name) for name in archive.namelist())
        text = data.decode("utf-8", "replace").lower()
        assert "care market" not in text and "provider" not in text, path.name
        assert "£38m" in text


def test_the_redline_says_which_version_it_shows_on_its_cover_and_in_its_properties(redlines):
    page = BeautifulSoup(redlines["members"][".html"].read_text(encoding="utf-8"), "html.parser")
    assert "Version 2 · issued 10 December 2026" in page.get_text(" ")
    word = docx.Document(str(redlines["members"][".docx"]))
    text = " ".join(p.text for p in word.paragraphs)
    assert "Version 2 · issued 10 December 2026" in text
    assert "Version 2" in word.core_properties.subject


def test_a_redline_to_the_pack_as_it_is_now_says_it_is_a_draft(tmp_path):
    pack = write_pack(tmp_path)
    issue_version(pack, outdir=tmp_path / "out", formats=("docx",), now=MONDAY)
    pack.write_text(VERSION_2, encoding="utf-8")
    files = write_redlines(compare_versions(pack, 1), tmp_path / "redline", ("html",))
    assert "Draft after version 1" in files[0].read_text(encoding="utf-8")
