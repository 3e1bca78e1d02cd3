"""A part of a briefing laid out on its own (the app's first look at an edited item's pages)
gives exactly the pages the whole briefing, laid out after the same edit, prints there; when it
cannot be sure of that it gives nothing."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing.compose import compose
from briefing.export.pdf.typst.part import lay_out_part, marks, spliced
from briefing.export.pdf.typst.writer import render_typst_pdf
from briefing.model import Article, Item, Pack, Section

SECTIONS, PER_SECTION = 4, 10


def committee_pack() -> Pack:
    """Forty items in four sections, of three lengths, so headings fall anywhere on a page."""
    pack = Pack(title="Committee pack", date=date(2025, 11, 4), organisation="Example Council")
    for s in range(SECTIONS):
        section = Section(title=f"Theme {s + 1}")
        for i in range(PER_SECTION):
            key = f"a{s}-{i}"
            pack.articles[key] = Article(
                title=f"Paper {s + 1}.{i + 1} on street lighting",
                source="Example blog",
                published=date(2025, 10, 1 + i),
            )
            section.items.append(
                Item(
                    article=key,
                    summary=f"Ward {s}-{i} weighs what lighting costs against what it saves. "
                    * (3 + 4 * ((s + i) % 3)),
                    implications=["Review the plan.", "Ask about partners."],
                )
            )
        pack.sections.append(section)
    return pack


def laid_out(pack: Pack) -> bytes:
    return render_typst_pdf(compose(pack, Path("."))).data


def page_texts(pdf: bytes) -> list[str]:
    """Each page's words, its "of N" left out (a part keeps the page count it was given)."""
    document = pdfium.PdfDocument(pdf)
    try:
        texts = [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()
    return [re.sub(r"Page (\d+) of \d+", r"Page \1", text) for text in texts]


BEFORE = committee_pack()
BEFORE_PDF = laid_out(BEFORE)


def edited(s: int, i: int, words: int) -> Pack:
    pack = committee_pack()
    pack.sections[s].items[i].summary += " Zebra crossings near the school gates." * words
    return pack


def part_after(pack: Pack, s: int, i: int) -> tuple[bytes, object]:
    before = marks(BEFORE_PDF)
    count = len(page_texts(BEFORE_PDF))
    part = lay_out_part(compose(pack, Path(".")), before, count, f"item-{s + 1}-{i + 1}")
    return BEFORE_PDF, part


def test_an_edited_items_pages_laid_out_alone_are_the_whole_briefings() -> None:
    s, i = 2, 4
    pack = edited(s, i, 3)
    before, part = part_after(pack, s, i)
    assert part is not None
    whole = laid_out(pack)
    shown, expected = page_texts(spliced(before, part)), page_texts(whole)
    assert len(shown) == len(page_texts(before))  # the pages around it stay in place
    changed = range(part.first, part.first + part.count)
    item_pages = [n for n in changed if "Zebra crossings" in expected[n]]
    assert item_pages, "the part holds the edited words' pages"
    for n in changed:
        assert shown[n] == expected[n]
    # Drawn, the item's pages are the same to the pixel.
    ours, theirs = pdfium.PdfDocument(spliced(before, part)), pdfium.PdfDocument(whole)
    for n in item_pages:
        a, b = ours[n].render(scale=0.5).to_pil(), theirs[n].render(scale=0.5).to_pil()
        assert a.tobytes() == b.tobytes()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    s=st.integers(0, SECTIONS - 1),
    i=st.integers(0, PER_SECTION - 1),
    words=st.integers(0, 40),
)
# The part's last item was once set as the end of a briefing: its summary kept with its short
# implications moved to the next page, and the page before it was not the whole briefing's.
@example(s=0, i=3, words=38)
def test_a_part_is_either_the_whole_briefings_pages_or_nothing(s: int, i: int, words: int) -> None:
    pack = edited(s, i, words)
    before, part = part_after(pack, s, i)
    if part is None:
        return
    assert part.count >= 1
    shown, expected = page_texts(spliced(before, part)), page_texts(laid_out(pack))
    for n in range(part.first, min(part.first + part.count, len(expected))):
        assert shown[n] == expected[n]


def test_no_part_when_the_headings_before_the_item_changed() -> None:
    pack = edited(2, 4, 2)
    pack.articles["a1-3"].title = "A paper renamed since the pages were laid out"
    assert part_after(pack, 2, 4)[1] is None


def test_no_part_for_an_item_on_the_first_page_after_the_contents() -> None:
    assert part_after(edited(0, 0, 2), 0, 0)[1] is None
