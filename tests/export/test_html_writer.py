"""The HTML writer: the page is parsed and read as a browser and a screen reader would see it
(structure, headings, contents links, lists, quotes, tables, links, pictures), and text that
looks like markup stays text."""

from __future__ import annotations

import base64
import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from briefing.document.model import (
    BlockQuote,
    Cover,
    Document,
    DocumentMeta,
    Heading,
    Image,
    Paragraph,
    Run,
    Table,
)
from briefing.errors import BriefingError
from briefing.export.html.writer import CONTENT_SECURITY_POLICY, render_html

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

Soup = BeautifulSoup


def _parse(document: Document) -> tuple[str, Soup]:
    raw = render_html(document).decode("utf-8")
    return raw, BeautifulSoup(raw, "html.parser")


@pytest.fixture
def page(make_sample_document: Callable[..., Document], sample_logo: Path) -> tuple[str, Soup]:
    return _parse(make_sample_document(logo=sample_logo))


def test_a_complete_self_contained_page(page: tuple[str, Soup]) -> None:
    raw, soup = page
    assert raw.startswith("<!DOCTYPE html>\n")
    assert soup.html["lang"] == "en-GB"
    assert soup.title.string == "Resilience, reform and local AI"
    assert soup.find("meta", charset="utf-8")
    assert soup.find("meta", attrs={"name": "viewport"})
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert policy["content"] == CONTENT_SECURITY_POLICY
    assert "default-src 'none'" in policy["content"] and "img-src data:" in policy["content"]
    # Nothing runs and nothing is fetched: no scripts, no linked files, no event handlers.
    assert soup.find_all(["script", "link", "iframe", "object", "embed", "base"]) == []
    assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
    assert all(img["src"].startswith("data:image/") for img in soup.find_all("img"))
    style = soup.style.string
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert 'font-family: Arial, "Liberation Sans"' in style and "sans-serif" in style
    assert "@media print" in style and "@page" in style and ":focus-visible" in style


def test_skip_link_comes_first_and_lands_on_main(page: tuple[str, Soup]) -> None:
    _, soup = page
    first_link = soup.body.find("a")
    assert first_link.get_text() == "Skip to main content"
    main = soup.find("main")
    assert first_link["href"] == f"#{main['id']}"
    assert soup.find_all("main") == [main]


def test_marking_at_top_and_bottom_and_cover_information(page: tuple[str, Soup]) -> None:
    _, soup = page
    header, footer = soup.body.find("header", recursive=False), soup.body.find("footer")
    assert header.select_one(".marking").get_text() == "Classification: OFFICIAL"
    assert footer.select_one(".marking").get_text() == "Classification: OFFICIAL"
    assert header.select_one(".kind").get_text() == "Member briefing"
    assert header.select_one(".organisation").get_text() == "Example Borough Council"
    cover = soup.select_one("main .cover")
    assert cover.h1.get_text() == "Resilience, reform and local AI"
    assert cover.select_one(".subtitle").get_text() == (
        "Briefing for members of the Scrutiny Committee"
    )
    details = [p.get_text() for p in cover.select(".details p")]
    assert details == [
        "4 November 2025",
        "Prepared by Policy and Partnerships Team",
        "Meeting: 12 November 2025",
    ]
    assert cover.select(".details strong")[-1].get_text() == "Meeting:"
    assert soup.select(".draft-label") == [] and "draft" not in soup.body.get("class", [])


def test_logo_is_inside_the_file_with_its_alt_text(
    page: tuple[str, Soup], sample_logo: Path
) -> None:
    _, soup = page
    logo = soup.select_one(".cover .logo img")
    assert logo["alt"] == "Example Borough Council logo"
    kind, _, payload = logo["src"].partition(",")
    assert kind == "data:image/png;base64"
    assert base64.b64decode(payload) == sample_logo.read_bytes()
    assert (logo["width"], logo["height"]) == ("240", "120")


def test_one_h1_and_headings_never_skip_a_level(
    page: tuple[str, Soup], sample_document: Document
) -> None:
    _, soup = page
    headings = soup.find_all(re.compile(r"^h[1-6]$"))
    levels = [int(h.name[1]) for h in headings]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
    texts = [h.get_text() for h in headings]
    assert texts == [
        "Resilience, reform and local AI",
        "Contents",
        *[h.text for h in sample_document.headings()],
    ]
    # Document level 1 is <h2>, 2 is <h3>, 3 is <h4> (the title is the page's <h1>).
    assert soup.find("h2", id="sec-1").get_text() == "Crisis and resilience"
    assert soup.find("h3", id="item-1-1")
    assert soup.find("h4", string="Implications for UK local government")


def test_each_section_and_item_is_a_section_element(page: tuple[str, Soup]) -> None:
    _, soup = page
    top = soup.main.find_all("section", recursive=False)
    assert [s.find(re.compile("^h"), recursive=False).get_text() for s in top] == [
        "Key messages",
        "Crisis and resilience",
        "Artificial intelligence",
        "Sources",
        "Contact",
    ]
    items = top[1].find_all("section", recursive=False)
    assert [s.h3.get_text() for s in items] == [
        "Local government in central Europe during two crises"
    ]
    # The page break before "Crisis and resilience" starts a new page when printed.
    assert "page-break" in top[1]["class"]


def test_contents_is_a_nav_whose_links_reach_every_heading(page: tuple[str, Soup]) -> None:
    _, soup = page
    nav = soup.find("nav")
    assert nav["aria-labelledby"] == nav.h2["id"] and nav.h2.get_text() == "Contents"
    top = [li.a.get_text() for li in nav.ul.find_all("li", recursive=False)]
    assert top == [
        "Key messages",
        "Crisis and resilience",
        "Artificial intelligence",
        "Sources",
    ]  # "Contact" is not in the contents
    nested = nav.ul.find_all("li", recursive=False)[1].ul
    assert [a.get_text() for a in nested.find_all("a")] == [
        "Local government in central Europe during two crises"
    ]
    for link in nav.find_all("a"):
        target = soup.find(id=link["href"].removeprefix("#"))
        assert target is not None and target.name in ("h2", "h3")
        assert target.get_text() == link.get_text()
    ids = [t["id"] for t in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_lists_quotes_and_tables_are_real_elements(page: tuple[str, Soup]) -> None:
    _, soup = page
    key = soup.find(id="key-messages").find_next("ul")
    assert [li.get_text() for li in key.find_all("li")] == [
        "Small councils adapted quickly during both crises.",
        "Funding reform is not a substitute for capacity.",
    ]
    assert key.find("strong").get_text() == "not"
    figure = soup.find("figure", class_="quote")
    assert figure.blockquote.get_text(strip=True) == (
        "Trust built before a crisis is what gets used during it."
    )
    assert figure.figcaption.get_text() == "Paul Joyce, p. 177"
    table = soup.find("table")
    assert table.caption.get_text() == "Agenda"
    heads = table.thead.find_all("th")
    assert [th.get_text() for th in heads] == ["Time", "Item", "Speaker"]
    assert {th["scope"] for th in heads} == {"col"}
    rows = table.tbody.find_all("tr")
    assert [td.get_text() for td in rows[1].find_all("td")] == [
        "10:15",
        "AI in council services: what works",
        "Head of Digital",
    ]
    assert soup.select_one("p.byline").get_text() == "Paul Joyce · INLOGOV blog · 1 November 2025"
    assert soup.select_one("p.lead").get_text() == "Why this section matters to members."


def test_sources_are_a_list_with_live_links(page: tuple[str, Soup]) -> None:
    _, soup = page
    sources = soup.find(id="sources").find_parent("section")
    entries = sources.select("ul.references > li")
    assert len(entries) == 1
    link = entries[0].a
    assert link["href"] == link.get_text() == "https://example.org/post"
    assert "print-address" not in link.get("class", [])  # the address is already the text


def test_web_and_email_links_are_live_and_other_schemes_are_text(page: tuple[str, Soup]) -> None:
    _, soup = page
    links = {a.get_text(): a for a in soup.main.find_all("a") if not a.find_parent("nav")}
    assert links["full report"]["href"] == "https://example.org/report?a=1&b=2"
    assert links["full report"]["class"] == ["print-address"]  # printed with its address
    assert links["email the team"]["href"] == "mailto:policy@example.gov.uk"
    assert "this one is not a link" not in links
    assert "this one is not a link" in soup.main.get_text()
    assert not [a for a in soup.find_all("a") if a["href"].lower().startswith("javascript")]


def test_text_that_looks_like_markup_is_printed_as_typed(
    page: tuple[str, Soup], literal_markup: str
) -> None:
    raw, soup = page
    assert literal_markup in soup.get_text()
    assert soup.find("b") is None and soup.find("font") is None
    assert "&lt;b&gt;sharply&lt;/b&gt; &amp; &lt;font color=red&gt;" in raw


HOSTILE = '</title></style><script>alert("x")</script> & "q" \'a\' <!-- c -->'


def _hostile_document(logo: Path) -> Document:
    meta = DocumentMeta(
        title=HOSTILE,
        author=HOSTILE,
        subject=HOSTILE,
        keywords=[HOSTILE],
        marking=HOSTILE,
        running_title=HOSTILE,
        draft=True,
    )
    cover = Cover(
        title=HOSTILE,
        subtitle=HOSTILE,
        kind_label=HOSTILE,
        organisation=HOSTILE,
        date_text=HOSTILE,
        prepared_by=HOSTILE,
        details=[(HOSTILE, HOSTILE)],
        logo=Image(logo, HOSTILE),
    )
    blocks = [
        Heading(1, HOSTILE, anchor='x" onclick="alert(1)'),
        Paragraph(
            [
                Run(
                    HOSTILE,
                    bold=True,
                    italic=True,
                    href='https://example.org/?q="><script>alert(1)</script>',
                )
            ]
        ),
        BlockQuote([Run(HOSTILE)], attribution=HOSTILE),
        Table([HOSTILE], [[HOSTILE, HOSTILE]], caption=HOSTILE),
        Image(logo, HOSTILE),
    ]
    return Document(meta=meta, cover=cover, blocks=blocks)


def test_hostile_text_in_every_field_never_becomes_markup(sample_logo: Path) -> None:
    raw, soup = _parse(_hostile_document(sample_logo))
    assert soup.find_all(["script", "iframe"]) == []
    assert "<script" not in raw and "</title></style>" not in raw
    assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
    assert soup.title.string == " ".join(HOSTILE.split())
    assert soup.h1.get_text() == HOSTILE
    for selector in (
        ".kind",
        ".organisation",
        ".subtitle",
        "main h2",
        "blockquote",
        "figcaption",
        "caption",
        "th",
        "td",
        "section p strong",
    ):
        assert soup.select_one(selector).get_text(strip=True) == HOSTILE, selector
    assert soup.select_one("header .marking").get_text() == f"Classification: {HOSTILE}"
    assert {img["alt"] for img in soup.find_all("img")} == {HOSTILE}
    assert soup.find("meta", attrs={"name": "author"})["content"] == HOSTILE
    assert soup.find("h2")["id"] == 'x" onclick="alert(1)'  # an attribute value, nothing more
    link = soup.main.find("a")
    assert link["href"] == 'https://example.org/?q="><script>alert(1)</script>'
    # The print stylesheet prints the marking too: as a CSS string of letters, digits and
    # escapes, so it can neither end the string nor the stylesheet.
    style = soup.style.string
    assert "<" not in style
    (marking,) = set(re.findall(r'@top-center \{ content: ("[^"]*");', style))
    assert re.fullmatch(r'"(?:[A-Za-z0-9]|\\[0-9a-f]{6})*"', marking)
    assert "draft" in soup.body["class"] and soup.select_one(".draft-label").get_text() == "DRAFT"


def test_control_characters_are_dropped(make_sample_document: Callable[..., Document]) -> None:
    document = make_sample_document()
    document.blocks.append(Paragraph([Run("bell\x07 and null\x00 and escape\x1b end")]))
    raw, soup = _parse(document)
    assert "bell and null and escape end" in soup.get_text()
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", raw)


def test_the_same_document_gives_the_same_bytes(
    make_sample_document: Callable[..., Document], sample_logo: Path
) -> None:
    first = render_html(make_sample_document(logo=sample_logo))
    assert render_html(make_sample_document(logo=sample_logo)) == first


def test_large_print_and_a5_change_the_type_and_the_printed_page(
    make_sample_document: Callable[..., Document],
) -> None:
    standard = _parse(make_sample_document())[1].style.string
    large = _parse(make_sample_document(large_print=True, paper="A5"))[1].style.string
    assert "font-size: 1rem;" in standard and "size: A4;" in standard
    assert "font-size: 1.333rem;" in large and "size: A5;" in large  # 16 pt body text


def test_no_marking_means_no_marking_lines(make_sample_document: Callable[..., Document]) -> None:
    _, soup = _parse(make_sample_document(marking=""))
    assert soup.select(".marking") == []
    assert "@top-center { content: none;" in soup.style.string


def test_an_unreadable_picture_is_a_plain_message(
    make_sample_document: Callable[..., Document], tmp_path: Path
) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("this is not a picture")
    with pytest.raises(BriefingError, match=r"Cannot read the picture .*logo\.png.*PNG or JPEG"):
        render_html(make_sample_document(logo=fake))


def test_other_picture_formats_are_refused_as_every_writer_refuses_them(
    make_sample_document: Callable[..., Document], tmp_path: Path
) -> None:
    from PIL import Image as PILImage

    bmp = tmp_path / "crest.bmp"
    PILImage.new("RGB", (30, 20), "#0B3C5D").save(bmp)
    with pytest.raises(BriefingError, match=r"crest\.bmp.*save it .*as \.png or \.jpg"):
        render_html(make_sample_document(logo=bmp))
