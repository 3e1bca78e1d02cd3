"""Each supported format imports to the right text, structure and metadata (own fixtures)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from briefing.library.importers import import_path, import_text, read_source
from briefing.library.importers.source import ImportFailure

if TYPE_CHECKING:
    from pathlib import Path

POST = (
    "Parish precepts under pressure\n\n"
    "Cllr Ann Ortiz and Ravi Mehta\n\n"
    "Town and parish councils raised their precepts by an average of 9% this year, the largest "
    "rise for a decade, as they took on services that district councils could no longer fund.\n\n"
    "What members should ask\n\n"
    "Members should ask which services are moving and what the tax rise means for £ bills.\n\n"
    "Ann Ortiz is a councillor in a market town and chairs its finance committee.\n"
)


def test_txt_in_windows_1252_with_pound_and_curly_quotes(tmp_path: Path) -> None:
    text = POST.replace("what the tax", "\u201cwhat the tax\u201d").replace("\n", "\r\n")
    path = tmp_path / "old-laptop.txt"
    path.write_bytes(text.encode("cp1252"))
    source = read_source(path)
    assert source.encoding == "cp1252"
    assert "\r" not in source.text
    [article] = import_path(path)
    assert article.title == "Parish precepts under pressure"
    assert article.authors == ["Ann Ortiz", "Ravi Mehta"]
    assert "\u201cwhat the tax rise means for £ bills.\u201d" not in article.body  # quote moved
    assert "\u201cwhat the tax\u201d rise means for £ bills." in article.body
    assert article.bio.startswith("Ann Ortiz is a councillor")
    assert "What members should ask" in article.body  # a subheading, not a new article


def test_txt_utf8_with_bom_and_plain_utf8(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + POST.encode("utf-8"))
    plain = tmp_path / "plain.txt"
    plain.write_text(POST.replace("Ravi", "Ravi Š."), encoding="utf-8")
    assert read_source(bom).encoding == "utf-8-sig"
    assert not read_source(bom).text.startswith("\ufeff")
    assert import_path(bom)[0].title == "Parish precepts under pressure"
    assert read_source(plain).encoding == "utf-8"


def test_hard_wrapped_text_is_joined_into_paragraphs(tmp_path: Path) -> None:
    wrapped = (
        "Bus franchising after the act\n\nJo Patel\n\n"
        "Combined authorities can now take buses back into public control, and several\n"
        "have started the process. The first routes are expected to change hands next\n"
        "spring, with fares capped across the whole area.\n\n"
        "Smaller authorities are watching closely.\n"
    )
    path = tmp_path / "wrapped.txt"
    path.write_text(wrapped, encoding="utf-8")
    [article] = import_path(path)
    assert article.authors == ["Jo Patel"]
    assert "several have started the process" in article.body
    assert article.body.count("\n\n") == 1


def test_markdown_front_matter_becomes_metadata(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: Adult social care charging\nauthors: [Dr Lee Chan, Sam Orr]\n"
        "source: Care Weekly\npublished: 2025-03-04\nurl: https://example.org/charging\n"
        "doi: 10.1234/abc.5\nthemes: [Social care, Finance]\n---\n"
        "# Adult social care charging\n\nThe cap on care costs has been **delayed** again.\n"
        "Councils had planned for it.\n\n## Background\n\n* first point\n* second point\n",
        encoding="utf-8",
    )
    [article] = import_path(path)
    assert article.title == "Adult social care charging"
    assert article.authors == ["Lee Chan", "Sam Orr"]
    assert (article.source, article.published, article.url, article.doi) == (
        "Care Weekly",
        date(2025, 3, 4),
        "https://example.org/charging",
        "10.1234/abc.5",
    )
    assert article.themes == ["Social care", "Finance"]
    assert article.start_line == 10  # the line of the heading in the file itself
    assert "**delayed** again. Councils had planned for it." in article.body  # still Markdown
    assert "## Background" in article.body
    assert "- first point\n- second point" in article.body
    assert article.original.startswith("---\ntitle: Adult social care charging")


def test_markdown_bad_front_matter_names_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    path.write_text("---\ntitle: [unclosed\n---\nText here.\n", encoding="utf-8")
    with pytest.raises(ImportFailure) as caught:
        import_path(path)
    assert "broken.md" in str(caught.value)
    assert "not valid YAML" in str(caught.value)


def test_docx_headings_lists_tables_and_properties(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Waste collection review"
    document.core_properties.author = "python-docx"
    document.add_heading("Waste collection review", level=1)
    document.add_paragraph("Dr Kim Lowe")
    document.add_paragraph(
        "Weekly food waste collections become mandatory in England from "
        "next April, and most councils still need to buy vehicles."
    )
    document.add_heading("Costs", level=2)
    document.add_paragraph("New caddies for every home", style="List Bullet")
    document.add_paragraph("Extra crews on rural rounds", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Item", "Cost"
    table.cell(1, 0).text, table.cell(1, 1).text = "Vehicles", "£2.1m"
    path = tmp_path / "waste.docx"
    document.save(str(path))

    source = read_source(path)
    assert source.format == "docx"
    assert sorted(source.headings.values()) == [1, 2]
    assert source.meta.get("authors") is None  # python-docx's default author is not a writer
    [article] = import_path(path)
    assert article.title == "Waste collection review"
    assert article.authors == ["Kim Lowe"]
    assert "- New caddies for every home\n- Extra crews on rural rounds" in article.body
    assert "Vehicles | £2.1m" in article.body
    assert "\n\nCosts\n\n" in article.body


def test_docx_with_two_articles_under_top_headings(tmp_path: Path) -> None:
    document = docx.Document()
    for title in ("Libraries as warm spaces", "Parks funding after the settlement"):
        document.add_heading(title, level=1)
        document.add_heading("Context", level=2)
        document.add_paragraph(
            "A paragraph of ordinary text that explains the context in "
            "enough words to read as the body of an article."
        )
    path = tmp_path / "two.docx"
    document.save(str(path))
    assert [a.title for a in import_path(path)] == [
        "Libraries as warm spaces",
        "Parks funding after the settlement",
    ]


HTML = """<!doctype html><html><head>
<title>Council news | Example site</title>
<meta property="og:title" content="Rough sleeping count rises for a third year">
<meta name="author" content="Dr Nia Evans">
<meta property="og:site_name" content="Housing Today">
<link rel="canonical" href="https://example.org/rough-sleeping">
<meta property="article:published_time" content="2025-02-11T08:00:00Z">
<style>p { color: red }</style>
<script>document.write("tracking code")</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<h1>Rough sleeping count rises for a third year</h1></header>
<aside class="sidebar">Most read: something else</aside>
<article>
<h1>Rough sleeping count rises for a third year</h1>
<p>The annual snapshot found more people sleeping rough in <b>every</b> English region.</p>
<img src="https://tracker.example.com/pixel.gif" alt="">
<h2>What councils say</h2>
<p>Councils say &lt;b&gt;prevention&lt;/b&gt; funding arrived too late in the year.</p>
<ul><li>More outreach workers</li><li>Longer hostel stays</li></ul>
<div class="share-buttons">Share on social media</div>
<form><input name="email"> Sign up to our newsletter</form>
<iframe src="https://ads.example.com"></iframe>
<noscript>Enable JavaScript</noscript>
</article>
<footer>Copyright and cookies</footer>
</body></html>"""


def test_html_main_text_only_and_nothing_fetched(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [article] = import_path(path)
    assert article.title == "Rough sleeping count rises for a third year"
    assert article.authors == ["Nia Evans"]
    assert article.source == "Housing Today"
    assert article.url == "https://example.org/rough-sleeping"
    assert article.published == date(2025, 2, 11)
    body = article.body
    assert body.startswith("The annual snapshot found more people sleeping rough in every")
    assert "What councils say" in body
    assert "<b>prevention</b> funding" in body  # escaped markup stays literal text
    assert "- More outreach workers\n- Longer hostel stays" in body
    for junk in (
        "tracking code",
        "color",
        "Home",
        "Most read",
        "Share on",
        "newsletter",
        "Enable JavaScript",
        "Copyright",
        "pixel.gif",
        "ads.example",
    ):
        assert junk not in body


def test_html_without_article_uses_largest_text_block(tmp_path: Path) -> None:
    path = tmp_path / "plain.htm"
    path.write_text(
        "<html><head><title>Planning reform</title></head><body>"
        "<div id='menu'><p>Home</p></div><div><p class='byline'>By Jo Bloggs</p>"
        "<p>A long first paragraph about planning reform "
        "and what it means for local plans.</p><p>A second paragraph follows it here.</p>"
        "<ul><li><p>Nested item</p></li><li>Plain <a href='#'>item</a></li></ul></div>"
        "</body></html>",
        encoding="utf-8",
    )
    [article] = import_path(path)
    assert article.title == "Planning reform"
    assert article.authors == ["Jo Bloggs"]
    assert article.body.startswith("A long first paragraph") and "Home" not in article.body
    assert "- Nested item\n- Plain item" in article.body


def _pdf_with_text(path: Path) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    lines = [
        "Flood resilience in coastal districts",
        "",
        "Mark Oduya",
        "",
        "Coastal districts face rising costs from flooding, and the latest national",
        "assessment shows that sea defences in several places will need major repair within",
        "ten years. Councils argue that the current funding rules favour areas with high prop-",
        "erty values and leave smaller towns behind.",
        "",
        "A fairer formula would weigh the number of homes at risk as well as their value.",
    ]
    y = 780
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 16
    pdf.drawString(280, 40, "1")
    pdf.showPage()
    pdf.save()


def test_pdf_text_layer_rebuilds_paragraphs_and_joins_hyphens(tmp_path: Path) -> None:
    path = tmp_path / "flood.pdf"
    _pdf_with_text(path)
    [article] = import_path(path)
    assert article.title == "Flood resilience in coastal districts"
    assert article.authors == ["Mark Oduya"]
    assert "high property values" in article.body
    assert (
        "Coastal districts face rising costs from flooding, and the latest national "
        "assessment shows" in article.body
    )
    assert article.body.rstrip().endswith("as well as their value.")
    assert article.body.count("\n\n") == 1


def test_pasted_text_with_one_article_and_no_author() -> None:
    [article] = import_text(
        "Council tax referendum limits\n\nThe government has confirmed that the referendum "
        "limit for council tax will stay at the same level for another year.\n",
        "clipboard",
    )
    assert article.title == "Council tax referendum limits"
    assert article.authors == []
    assert article.flags == []
