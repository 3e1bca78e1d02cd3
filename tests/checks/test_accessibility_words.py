"""Reading words for the accessibility report: sentences, capitals, link text, contrast."""

from __future__ import annotations

from briefing.checks.accessibility_colours import contrast, darker, ratio_text
from briefing.checks.accessibility_words import (
    capitals_runs,
    is_bare_address,
    is_vague_link_text,
    long_sentences,
    sentences,
)


def test_sentences_do_not_end_at_abbreviations_initials_or_page_numbers() -> None:
    text = (
        "Cllr. Jones opened it, e.g. The Plan. See p. 12 of the report. A. Officer wrote "
        "it. Was it agreed? Yes!"
    )
    assert [s for _, s in sentences(text)] == [
        "Cllr. Jones opened it, e.g. The Plan.",
        "See p. 12 of the report.",
        "A. Officer wrote it.",
        "Was it agreed?",
        "Yes!",
    ]


def test_a_sentence_of_26_words_is_long_and_one_of_25_is_not() -> None:
    twenty_five = " ".join(["word"] * 24) + " end."
    assert list(long_sentences(twenty_five)) == []
    ((offset, _, words),) = long_sentences("Short one. " + "More " + twenty_five)
    assert (offset, words) == (11, 26)


def test_capitals_need_four_words_and_leave_acronyms_and_the_marking_alone() -> None:
    assert [w for _, w in capitals_runs("The NHS, the LGA and CIPFA agree.")] == []
    assert [w for _, w in capitals_runs("OFFICIAL-SENSITIVE: handle with care")] == []
    assert [w for _, w in capitals_runs("DO NOT SHARE this")] == []  # three words
    assert [w for _, w in capitals_runs("Note: THIS IS A FINAL VERSION, thanks")] == [
        "THIS IS A FINAL VERSION"
    ]


def test_vague_link_text_and_bare_addresses() -> None:
    assert is_vague_link_text("Click here.") and is_vague_link_text("Read more")
    assert not is_vague_link_text("the council's budget page")
    assert is_bare_address("https://www.example.gov.uk/plan")
    assert is_bare_address("www.example.gov.uk")
    assert not is_bare_address("policy@example.gov.uk")  # an e-mail address reads fine


def test_contrast_matches_wcag_and_the_suggestion_passes() -> None:
    assert round(contrast("#000000", "#FFFFFF"), 1) == 21.0
    assert round(contrast("#767676", "#FFFFFF"), 2) == 4.54  # the usual lightest passing grey
    assert ratio_text(contrast("#777777", "#FFFFFF")) == "4.4:1"  # never rounded up to pass
    assert contrast(darker("#F4C542"), "#FFFFFF") >= 4.5
