"""Search on a library with more hits than get snippets: order, snippets, filters, limit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefing.library.index import SNIPPETS

if TYPE_CHECKING:
    from briefing.library import Library

FILLER = (
    "Members met on Tuesday to review the quarterly report and agreed to return to the "
    "matter at the next meeting after officers had gathered further evidence from "
    "neighbouring authorities and local groups, with a view to a decision in spring. "
)
TOTAL = SNIPPETS + 15


@pytest.fixture
def many(lib: Library, make_draft) -> Library:
    drafts = []
    for n in range(TOTAL):
        # The searched word sits after the opening words, so only a snippet can show it.
        title = f"Zephyr grants round {n}" if n < 3 else f"Meeting note number {n}"
        source = "Town Hall Review" if n % 2 else "Planning Now"
        body = FILLER * 3 + "The zephyr fund " + ("pays for benches. " * (1 + n % 4))
        drafts.append(make_draft(title, body, authors=[f"Writer {n}"], source=source))
    report = lib.add_drafts(drafts)
    assert len(report.added) == TOTAL
    return lib


def test_title_hits_first_and_snippets_only_for_the_first_hits(many: Library):
    hits = many.search("zephyr")
    assert len(hits) == TOTAL
    assert {h.title for h in hits[:3]} == {f"Zephyr grants round {n}" for n in range(3)}
    assert all("zephyr" in h.snippet.lower() for h in hits[:SNIPPETS])
    # The rest show the article's opening words instead, never an empty line.
    assert all(h.snippet.startswith("Members met on Tuesday") for h in hits[SNIPPETS:])


def test_filtered_search_gives_snippets_to_its_own_first_hits(many: Library):
    hits = many.search("zeph", source="Town Hall Review")
    assert len(hits) == TOTAL // 2
    assert all(h.source == "Town Hall Review" for h in hits)
    assert all("zephyr" in h.snippet.lower() for h in hits[:SNIPPETS])


def test_limit_keeps_the_best_hits(many: Library):
    best = many.search("zephyr")
    top = many.search("zephyr", limit=5)
    assert [h.id for h in top] == [h.id for h in best[:5]]
    assert all("zephyr" in h.snippet.lower() for h in top)
    # A second search starts counting afresh: its first hits get snippets too.
    assert all("zephyr" in h.snippet.lower() for h in many.search("benches")[:SNIPPETS])


def test_a_search_that_shows_no_snippets_asks_for_none(many: Library):
    """The app's list shows no snippets, so its searches make none: the same hits, in the same
    order, each with the article's opening words."""
    shown = many.search("zephyr")
    listed = many.search("zephyr", snippets=0)
    assert [h.id for h in listed] == [h.id for h in shown]
    assert all(h.snippet.startswith("Members met on Tuesday") for h in listed)
