"""What a build says about versions, in every format: the edition on the cover, in the footer
and in the file's properties; the "Changes since version N" page; the supplement."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timedelta, timezone

import docx
import pikepdf
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from revisions_pack import VERSION_2, write_pack

from briefing.build import BuildRequest, build
from briefing.errors import BriefingError
from briefing.history.issue import issue_version, rebuild_version

MONDAY = datetime(2026, 12, 7, 9, 30, tzinfo=timezone(timedelta(0)))
ISSUED = "Version 1 · issued 7 December 2026"
FORMATS = ("docx", "pdf", "html")


def _texts(path):
    """(cover text, the text of the rest, the file's subject property) of a built file."""
    data = path.read_bytes()
    if path.suffix == ".docx":
        document = docx.Document(io.BytesIO(data))
        paragraphs = [p.text for p in document.paragraphs]
        footers = " ".join(p.text for s in document.sections for p in s.footer.paragraphs)
        cover_end = next(
            n for n, p in enumerate(document.paragraphs) if p._p.xpath(".//w:br[@w:type='page']")
        )
        return (
            "\n".join(paragraphs[: cover_end + 1]),
            "\n".join(paragraphs[cover_end + 1 :]) + "\n" + footers,
            document.core_properties.subject,
        )
    if path.suffix == ".pdf":
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() for page in reader.pages]
        with pikepdf.open(io.BytesIO(data)) as pdf:
            xmp = str(pdf.open_metadata())
        return pages[0], "\n".join(pages[1:]), xmp
    page = BeautifulSoup(data.decode("utf-8"), "html.parser")
    cover = page.find(class_="cover")
    subject = page.find("meta", attrs={"name": "description"})["content"]
    return cover.get_text(" "), page.get_text(" "), subject


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    folder = tmp_path_factory.mktemp("editions")
    pack = write_pack(folder)
    issue_version(pack, outdir=folder / "v1", formats=FORMATS, officer="Sam Officer", now=MONDAY)
    pack.write_text(VERSION_2, encoding="utf-8")
    return pack


def _build(pack, outdir, **options):
    request = BuildRequest.for_file(pack, formats=FORMATS, outdir=outdir, **options)
    outdir.mkdir(parents=True, exist_ok=True)
    return {path.suffix: path for path in build(request)}


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_an_issued_version_says_so_on_its_cover_footer_and_properties(issued, suffix):
    path = issued.parent / "v1" / f"Housing and care update{suffix}"
    cover, rest, subject = _texts(path)
    assert ISSUED in " ".join(cover.split())
    assert ISSUED in subject
    if suffix != ".html":  # the web page has no running footer
        assert "Version 1" in rest


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_a_build_of_unissued_changes_is_a_draft_after_the_last_version(issued, tmp_path, suffix):
    files = _build(issued, tmp_path)
    cover, _, subject = _texts(files[suffix])
    assert "Draft after version 1" in " ".join(cover.split())
    assert "Draft after version 1" in subject and ISSUED not in subject


@pytest.fixture(scope="module")
def changes_page(issued, tmp_path_factory):
    return _build(issued, tmp_path_factory.mktemp("changes"), changes_since=1)


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_the_changes_page_is_in_every_format(changes_page, suffix):
    _, rest, _ = _texts(changes_page[suffix])
    text = " ".join(rest.split())
    assert "Changes since version 1" in text
    assert "Version 1 was issued on 7 December 2026." in text
    assert "Summary: “£35m” became “£38m”" in text
    assert (
        "New item “Rent arrears after the cost of living crisis” in “Housing” (item 1.2)." in text
    )
    assert "Item “Bringing empty homes back into use” removed (it was item 1.3)." in text
    # The page comes before the sections it is about.
    assert text.index("Changes since version 1", text.index("Key messages")) < text.index(
        "The rising cost of temporary accommodation Jo Analyst"
    )


def test_the_changes_page_is_a_real_heading_in_word_and_the_tagged_pdf(changes_page):
    document = docx.Document(str(changes_page[".docx"]))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert ("Heading 1", "Changes since version 1") in headings
    assert ("Heading 2", "New items") in headings
    with pikepdf.open(changes_page[".pdf"]) as pdf:
        outline = [item.title for item in pdf.open_outline().root]
        assert "Changes since version 1" in outline
        tags = []

        def walk(node):
            kids = node.get("/K")
            if isinstance(node, pikepdf.Dictionary) and "/S" in node:
                tags.append(str(node["/S"]))
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary):
                    walk(kid)

        walk(pdf.Root.StructTreeRoot)
        assert {"/H1", "/H2", "/L", "/LI"} <= set(tags)
    page = BeautifulSoup(changes_page[".html"].read_text(encoding="utf-8"), "html.parser")
    heading = page.find("h2", string="Changes since version 1")  # the page's title is its h1
    assert heading is not None
    assert heading.find_next("h3").get_text() == "The briefing as a whole"


@pytest.fixture(scope="module")
def supplement(issued, tmp_path_factory):
    return _build(issued, tmp_path_factory.mktemp("supplement"), supplement_since=1)


def test_the_supplement_holds_only_new_and_changed_items_numbered_as_in_the_full_briefing(
    supplement,
):
    assert supplement[".pdf"].name == "Housing and care update - supplement 1.pdf"
    document = docx.Document(str(supplement[".docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    item_headings = [h for h in headings if h[:1].isdigit() and "." in h.split()[0][:-1]]
    assert item_headings == [
        "1.1 The rising cost of temporary accommodation",
        "1.2 Rent arrears after the cost of living crisis",
        "2.2 Fragile home care market",
        "3.2 Council tax collection rates",
    ]
    assert "1. Housing" in headings and "3. Finance" in headings
    assert "2. Adult social care" in headings  # for the item made exempt (members see it)
    # What a member holding version 1 needs to find each item in it: a new item says so, an
    # item numbered differently there says its number then; one in the same place says nothing.
    texts = [p.text for p in document.paragraphs]
    after = {h: texts[texts.index(h) + 1] for h in item_headings}
    assert after["1.2 Rent arrears after the cost of living crisis"] == "New since version 1."
    assert after["2.2 Fragile home care market"] == "Item 2.1 in version 1."
    assert after["3.2 Council tax collection rates"] == "New since version 1."
    assert "version 1" not in after["1.1 The rising cost of temporary accommodation"]
    cover, rest, _ = _texts(supplement[".pdf"])
    assert "Supplement 1 to Housing and care update" in " ".join(cover.split())
    assert "Four pressures" not in rest  # the introduction is in the full briefing only
    text = " ".join(rest.split())
    assert "Care workers' pay lags" not in text  # unchanged: not in the supplement


def test_nothing_new_means_no_supplement(issued, tmp_path):
    pack = issued.parent / "same.yaml"
    write_pack(
        issued.parent,
        issued.read_text(encoding="utf-8").replace("Four pressures", "Three pressures"),
        "same.yaml",
    )
    issue_version(pack, outdir=tmp_path, formats=("html",), now=MONDAY)
    with pytest.raises(BriefingError, match="Nothing has changed since version 1"):
        _build(pack, tmp_path / "s", supplement_since=1)


def test_a_version_issued_with_its_changes_page_rebuilds_to_the_same_bytes(issued, tmp_path):
    issue_version(
        issued,
        outdir=tmp_path / "v2",
        formats=FORMATS,
        changes_since=1,
        now=MONDAY + timedelta(days=3),
    )
    made = {p.name: p.read_bytes() for p in (tmp_path / "v2").iterdir()}
    assert "Changes since version 1" in _texts(tmp_path / "v2" / "Housing and care update.html")[1]
    rebuilt = rebuild_version(issued, 2, tmp_path / "again")
    assert rebuilt.identical and len(rebuilt.files) == 3
    for path, _ in rebuilt.files:
        assert path.read_bytes() == made[path.name]
    with zipfile.ZipFile(tmp_path / "v2" / "Housing and care update.docx") as archive:
        assert b"Version 2 \xc2\xb7 issued 10 December 2026" in archive.read("word/document.xml")
