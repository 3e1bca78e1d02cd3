"""A quotation in the untagged PDF breaks between its lines at a page's foot, but never leaves
its accent bar there with no line of the quotation beside it (or a single line alone)."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.platypus import Paragraph as RLParagraph

from briefing.document.model import BlockQuote, Cover, Document, DocumentMeta, Run
from briefing.export.pdf.reportlab.pages import page_setup
from briefing.export.pdf.reportlab.story import StoryBuilder
from briefing.export.pdf.reportlab.styles import styles_for

WORDS = "scrutiny of flood plans across the parish and the county council " * 6


def _lines(part: Any) -> int:
    """Lines of quotation text the first row of a piece of the quote holds."""
    cell = part._cellvalues[0][0]
    flowables = cell if isinstance(cell, list | tuple) else [cell]
    total = 0
    for flowable in flowables:
        if isinstance(flowable, RLParagraph):
            total += len(flowable.blPara.lines) if hasattr(flowable, "blPara") else 0
    return total


@pytest.mark.parametrize("large_print", [False, True])
def test_a_quote_split_at_a_page_foot_keeps_two_lines_beside_its_bar(large_print: bool) -> None:
    quote = BlockQuote(runs=[Run(WORDS)], attribution="A. Officer (2025), p. 12")
    meta = DocumentMeta(title="Quotes", large_print=large_print)
    document = Document(meta=meta, cover=Cover(title="Quotes"), blocks=[quote])
    styles = styles_for(large_print)
    setup = page_setup(meta.paper, styles)
    builder = StoryBuilder(document, styles, setup)
    (table,) = [f for f in builder.body() if type(f).__name__.endswith("Table")]
    width = setup.text_width
    _, whole = table.wrap(width, 10_000)
    leading = styles.quote.leading
    tried = 0
    for tenth in range(1, int(whole * 10), 7):
        room = tenth / 10
        parts = table.split(width, room)
        if not parts:
            continue  # the whole quote goes over to the next page
        tried += 1
        first = parts[0]
        first.wrap(width, room)
        assert _lines(first) >= 2, (
            f"with {room:.1f} pt left ({room / leading:.1f} lines) the quote's bar is left at "
            f"the page's foot beside {_lines(first)} line(s)"
        )
    assert tried > 0  # a long quotation does break across pages
