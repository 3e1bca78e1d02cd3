"""Reports and pages as they are laid out: PDF running headers, footers and page numbers, words
hyphenated at line ends, two columns drawn row by row; listing pages; bylines in e-mails."""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A5, landscape
from reportlab.pdfgen import canvas

from briefing.library.importers import import_path

if TYPE_CHECKING:
    from pathlib import Path

LEFT = [
    "Councils across the region have agreed to",
    "pool their procurement of road salt so",
    "that one contract covers every highway au-",
    "thority, which officers expect to save a",
    "tenth of the cost each winter.",
]
RIGHT = [
    "The contract will be reviewed after two",
    "winters, and councils may leave it with",
    "a year's notice if the savings are not",
    "delivered as promised in the business",
    "case that members approved.",
]


def _two_column_report(path: Path, pages: int = 2) -> None:
    """A report in two columns, each row drawn left then right (so the file's order of text is
    not the reading order), with a running header, a footer and page numbers."""
    out = BytesIO()
    size = landscape(A5)
    c = canvas.Canvas(out, pagesize=size)
    for page in range(1, pages + 1):
        c.setFont("Helvetica", 7)
        c.drawString(40, size[1] - 25, "Highways Review · Winter maintenance")
        c.drawRightString(size[0] - 40, 20, f"Page {page} of {pages}")
        y = size[1] - 60
        if page == 1:
            c.setFont("Helvetica-Bold", 18)
            c.drawString(40, y, "Sharing the cost of road salt")
            y -= 24
            c.setFont("Helvetica", 10)
            c.drawString(40, y, "By Cllr Dana Whitlock")
            y -= 24
        c.setFont("Times-Roman", 10)
        for left, right in zip(LEFT, RIGHT, strict=True):
            c.drawString(40, y, left)
            c.drawString(size[0] / 2 + 10, y, right)
            y -= 13
        c.showPage()
    c.save()
    path.write_bytes(out.getvalue())


def test_two_columns_are_read_column_by_column(tmp_path: Path) -> None:
    report = tmp_path / "salt.pdf"
    _two_column_report(report)
    [article] = import_path(report)
    assert article.title == "Sharing the cost of road salt"
    assert article.authors == ["Dana Whitlock"]
    body = article.body
    # The left column's sentence is whole, and the word broken at its line end is joined.
    assert (
        "Councils across the region have agreed to pool their procurement of road salt so "
        "that one contract covers every highway authority, which officers expect to save a "
        "tenth of the cost each winter."
    ) in body
    assert body.index("tenth of the cost") < body.index("The contract will be reviewed")
    for furniture in ("Highways Review", "Page 1", "Page 2", "of 2"):
        assert furniture not in body


def test_a_listing_page_becomes_one_entry_an_item(tmp_path: Path) -> None:
    items = "".join(
        f"<li class='news-item'><h3><a href='https://example.org/news/{n}'>{title}</a></h3>"
        f"<time datetime='2025-0{n + 1}-14'>14 {month} 2025</time><p>{teaser}</p></li>"
        for n, (title, month, teaser) in enumerate(
            [
                ("Library hours extended", "January", "Six branches open later on weekdays."),
                ("New recycling bins arrive", "February", "Every household gets a food caddy."),
                ("Budget consultation opens", "March", "Residents can comment until April."),
            ]
        )
    )
    page = tmp_path / "news.html"
    page.write_text(
        f"<html><body><nav><a href='/'>Home</a></nav><main><h1>News</h1>"
        f"<ul class='news'>{items}</ul></main></body></html>",
        encoding="utf-8",
    )
    entries = import_path(page)
    assert [e.title for e in entries] == [
        "Library hours extended",
        "New recycling bins arrive",
        "Budget consultation opens",
    ]
    assert entries[1].url == "https://example.org/news/1"
    assert entries[1].body == "Every household gets a food caddy."
    assert str(entries[2].published) == "2025-03-14"
    assert all(any(f.startswith("from a listing page") for f in e.flags) for e in entries)


def test_an_article_with_related_links_is_not_a_listing(tmp_path: Path) -> None:
    related = "".join(
        f"<div class='card'><h3><a href='/r{n}'>Related story {n}</a></h3><p>1 May 2025</p></div>"
        for n in range(4)
    )
    text = " ".join(["Councils have agreed a shared approach to winter gritting routes."] * 12)
    page = tmp_path / "article.html"
    page.write_text(
        f"<html><body><article><h1>Gritting routes agreed</h1><p>{text}</p>"
        f"<p>{text}</p></article><aside>{related}</aside></body></html>",
        encoding="utf-8",
    )
    [article] = import_path(page)
    assert article.title == "Gritting routes agreed"
    assert not any(f.startswith("from a listing page") for f in article.flags)


def test_an_email_byline_gives_the_author(tmp_path: Path) -> None:
    mail = tmp_path / "newsletter.eml"
    mail.write_text(
        "From: Town Hall Review <news@example.org>\nSubject: Parking income falls\n"
        "Date: Tue, 4 Mar 2025 09:00:00 +0000\nContent-Type: text/plain\n\n"
        "By Dr Sofia Marr\n\nParking income fell in most town centres last year, "
        "as more people shopped online.\n",
        encoding="utf-8",
    )
    [article] = import_path(mail)
    assert article.authors == ["Sofia Marr"]
    assert article.body.startswith("Parking income fell")
    assert article.source == "Town Hall Review"


def test_a_closing_link_to_the_original_gives_the_url(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(
        "# Parking income falls\n\nParking income fell in most town centres last "
        "year.\n\nOriginally published at https://example.org/2025/parking.\n",
        encoding="utf-8",
    )
    [article] = import_path(post)
    assert article.url == "https://example.org/2025/parking"
    assert "Originally published" not in article.body
