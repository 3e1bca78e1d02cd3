"""Sentences the drafting aids must not lose or run together: a hyphenated opening word is not
a remark ("No-one …"), and a sentence opening in lower case ("iPads …") is its own sentence
unless it goes on after an abbreviation ("… etc. and …")."""

from __future__ import annotations

import pytest

from briefing.assist.text import is_remark, split_sentences


@pytest.mark.parametrize(
    "claim",
    [
        "No-one knows how much the county will lose next year.",
        "Well-being boards must now publish a plan each spring.",
        "Sure-footed councils have already moved their reserves.",
    ],
)
def test_a_hyphenated_opening_word_is_a_claim_not_a_remark(claim: str) -> None:
    assert not is_remark(claim)


@pytest.mark.parametrize(
    "remark", ["Yes, the hall is large.", "Yes — the hall is large.", "No - not this year."]
)
def test_an_opening_aside_is_still_a_remark(remark: str) -> None:
    assert is_remark(remark)


def test_a_sentence_opening_in_lower_case_stands_alone() -> None:
    text = "The grant rises by 5 per cent. iPads go to every ward office. eBay sales rose."
    assert split_sentences(text) == [
        "The grant rises by 5 per cent.",
        "iPads go to every ward office.",
        "eBay sales rose.",
    ]


def test_a_sentence_goes_on_after_an_abbreviation() -> None:
    text = "It covers parks, roads, etc. and much else. The rest is new."
    assert split_sentences(text) == [
        "It covers parks, roads, etc. and much else.",
        "The rest is new.",
    ]
