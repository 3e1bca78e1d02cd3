"""The web's own accessibility engine on the HTML of every example pack (and of a pack full of
text that looks like markup): axe-core in headless Chromium finds no WCAG 2.0/2.1/2.2 A or AA
problem and no best-practice problem, the page asks for nothing outside itself, and it reflows
at 320 CSS pixels (a phone, or 400% zoom) without sideways scrolling."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from html_pages import (
    EXAMPLE_PACKS,
    HOSTILE,
    HOSTILE_TITLE,
    REVISION_PAGES,
    SCRIPT,
    build_html,
)

if TYPE_CHECKING:
    from pathlib import Path

NAMES = [p.stem for p in EXAMPLE_PACKS] + ["hostile", *REVISION_PAGES]


def test_every_example_pack_and_the_hostile_pack_were_checked(axe_report: dict) -> None:
    assert set(axe_report["pages"]) == set(NAMES)
    assert axe_report["axe"].startswith("4.")


@pytest.mark.parametrize("name", NAMES)
def test_axe_finds_no_violations(axe_report: dict, name: str) -> None:
    violations = axe_report["pages"][name]["violations"]
    assert violations == [], "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in violations
    )


@pytest.mark.parametrize("name", NAMES)
def test_the_page_requests_nothing_outside_itself(axe_report: dict, name: str) -> None:
    assert axe_report["pages"][name]["outside"] == []


@pytest.mark.parametrize("name", NAMES)
def test_no_sideways_scrolling_on_a_phone_or_at_400_percent_zoom(
    axe_report: dict, name: str
) -> None:
    assert axe_report["pages"][name]["overflow"] == {"1280": 0, "390": 0, "320": 0}


def test_hostile_text_is_printed_as_typed_and_never_becomes_markup(
    html_pages: dict[str, Path],
) -> None:
    raw = html_pages["hostile"].read_text(encoding="utf-8")
    soup = BeautifulSoup(raw, "html.parser")
    assert soup.find("script") is None and soup.find("iframe") is None
    assert soup.find("u") is None and soup.find("b") is None and soup.find("i") is None
    assert not [tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    text = soup.get_text()
    assert soup.title.string == " ".join(HOSTILE_TITLE.split())
    assert soup.h1.get_text() == HOSTILE_TITLE
    for value in (
        HOSTILE["organisation"],
        HOSTILE["prepared_by"],
        HOSTILE["key_message"],
        HOSTILE["agenda_item"],
        HOSTILE["speaker"],
        HOSTILE["article_title"],
        HOSTILE["quote"],
        HOSTILE["question"],
        '<a href="https://example.net/">raw link</a> &amp; &lt;tags&gt;',
    ):
        assert value in text, value
    assert raw.count(SCRIPT) == 0  # only ever as escaped text
    logo = soup.select_one(".logo img")
    assert logo["alt"] == HOSTILE["logo_alt"]
    # Links typed in the light Markdown: the web address is live, javascript: is not a link.
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert "https://example.org/fees?year=2026&band=%22c%22" in hrefs  # as markdown-it encodes it
    assert not [h for h in hrefs if h.lower().startswith("javascript")]
    assert "terms" in text


def test_the_same_pack_builds_to_the_same_bytes(
    html_pages: dict[str, Path], tmp_path: Path
) -> None:
    pack = next(p for p in EXAMPLE_PACKS if p.stem == "member-briefing")
    (again,) = build_html(pack, tmp_path)
    assert again.read_bytes() == html_pages["member-briefing"].read_bytes()


def test_format_all_writes_word_pdf_and_html(tmp_path: Path) -> None:
    pack = next(p for p in EXAMPLE_PACKS if p.stem == "event-handout")
    written = build_html(pack, tmp_path, "all")
    assert sorted(p.suffix for p in written) == [".docx", ".html", ".pdf"]
    assert all(p.stat().st_size > 1000 for p in written)
    # `both` stays Word and PDF (tests/test_example_packs.py builds every pack with it).
    from briefing.export.registry import expand

    assert expand("both") == ("docx", "pdf") and expand("all") == ("docx", "pdf", "html")
