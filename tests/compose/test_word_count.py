"""One word count: the item's count, the pack's budget and the summary check agree on the same
text, and a dash, a bullet or Markdown markup is never counted as a word."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.build import BuildRequest, view
from briefing.checks.table import run_checks
from briefing.compose.counts import count_words, markdown_word_count, word_count

# Six words a sentence; the dashes between them are punctuation, not words.
SENTENCE = "Parks – and play areas – stay open. "


def test_a_dash_or_a_bullet_on_its_own_is_not_a_word() -> None:
    assert word_count(SENTENCE) == 6
    assert word_count("• Review the plan — then report") == 5
    # Joined words stay one word each: hyphens, apostrophes, decimal and abbreviation points.
    assert word_count("The council's well-being plan costs 3.5m, e.g. for parks.") == 9
    assert word_count("") == 0


def test_markdown_markup_is_not_a_word() -> None:
    text = "**Bold** move: see [the annual report](https://example.org/a/long/path) – now"
    assert markdown_word_count(text) == 7
    assert markdown_word_count("  \n") == 0


def test_item_count_budget_and_summary_checks_count_alike(make_pack) -> None:
    pack = make_pack()
    item = pack.sections[0].items[0]
    without = count_words(pack)
    item.summary = SENTENCE * 45  # 270 words, 360 if the dashes were counted
    with_summary = count_words(pack)
    added = with_summary.items[0].words - without.items[0].words
    assert added == 270 - markdown_word_count(make_pack().sections[0].items[0].summary)
    assert with_summary.words - without.words == added

    # The checks' advice on the summary's length says 270 too.
    advice = [
        f.message
        for f in run_checks(view(BuildRequest(pack, Path())))
        if f.rule == "summary-length"
    ]
    assert len(advice) == 1 and re.search(r"\bhas 270 words\b", advice[0]), advice
