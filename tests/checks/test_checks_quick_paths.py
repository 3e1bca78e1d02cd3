"""The quick ways the checks read a pack find exactly what the plain ways find: where a phrase
stands in the pack file, sentences and long sentences, long words, runs of capitals, word
counts, and the rules a build of some formats runs."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing.build import BuildRequest, view
from briefing.checks import for_formats, run_checks
from briefing.checks.accessibility_text import find_words
from briefing.checks.accessibility_words import (
    _ABBREVIATIONS,
    _CAPITALS_PAIR,
    _SENTENCE_END,
    LONG_SENTENCE_WORDS,
    capital_pairs_at_most,
    long_sentences,
    sentences,
)
from briefing.checks.text_hazards import _LONG, LONG_WORD, may_run_past
from briefing.checks.writing import _words_before
from briefing.compose.counts import _WORD, quick_word_count, word_count
from briefing.model import Article, Item, Pack, Section
from briefing.writing.readability import paragraph_words, words_of

# Letters, digits and underscores (word characters, ASCII and not), and what stands between
# words in a pack file: spaces, folded lines, Markdown, apostrophes and stops.
TEXT = st.text(alphabet="ab_1é٣ \n*[]-'’.,", max_size=40)
WORD = st.text(alphabet="ab_1é٣", min_size=1, max_size=3)


def _pattern_finds(text: str, words: tuple[str, ...], start: int, end: int) -> int:
    """The plain way: a pattern made for the phrase."""
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(re.escape(word) for word in words))
    match = pattern.search(text, start, end)
    return -1 if match is None else match.start()


@settings(max_examples=500, deadline=None)
@given(TEXT, st.lists(WORD, min_size=1, max_size=4), st.integers(0, 45), st.integers(0, 45))
@example("ab b", ["a", "b"], 0, 4)  # a word that only begins the text's word is not it
@example("xab", ["ab"], 1, 3)  # nor one ending it, though the stretch starts there
def test_a_phrase_is_found_where_its_pattern_finds_it(
    text: str, words: list[str], start: int, end: int
) -> None:
    start, end = min(start, len(text)), min(max(start, end), len(text))
    assert find_words(text, tuple(words), start, end) == _pattern_finds(
        text, tuple(words), start, end
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=4), st.data())
def test_a_phrase_taken_from_the_text_is_found(words: list[str], data: st.DataObject) -> None:
    gaps = data.draw(st.lists(st.sampled_from([" ", "\n    ", "** ", "'. "]), min_size=4))
    phrase = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    text = data.draw(TEXT) + " " + phrase
    assert find_words(text, tuple(words), 0, len(text)) == _pattern_finds(
        text, tuple(words), 0, len(text)
    )
    assert find_words(text, tuple(words), 0, len(text)) >= 0


# Sentences of any length, with the abbreviations and initials that do not end one.
SENTENCE = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(
        st.sampled_from(
            ["The", "council", "e.g.", "A.", "Cllr", "well-being", "3.5", "p.", "—"]
            + ["approx.", "xapprox.", "Officers", "naïveté", "QUORATE", "e.g", "Prof."]
        ),
        min_size=1,
        max_size=34,
    ),
    st.sampled_from([".", "?", "!", "…", ".”", ""]),
)


def _plain_long_sentences(text: str) -> list[tuple[int, str, int]]:
    """The plain way: every sentence split off and counted."""
    found = []
    for offset, sentence in sentences(text):
        count = word_count(sentence)
        if count > LONG_SENTENCE_WORDS:
            found.append((offset, sentence, count))
    return found


@settings(max_examples=300, deadline=None)
@given(
    st.lists(SENTENCE, max_size=4),
    st.sampled_from([" ", "  ", "\n", "\u00a0", " “"]),
    st.sampled_from(["", " ", "\n  ", "“"]),
)
def test_long_sentences_are_those_the_sentence_by_sentence_count_finds(
    said: list[str], gap: str, lead: str
) -> None:
    """Counted from the paragraph's marks, or by the bound and then the pattern."""
    text = lead + gap.join(said)
    assert list(long_sentences(text)) == _plain_long_sentences(text)


def test_a_build_of_some_formats_runs_only_the_rules_about_them() -> None:
    """The fonts rule (the PDF's alone) is not run for a Word build: its findings are what
    running every rule and keeping those about the formats made gives."""
    pack = Pack(
        "Spring briefing 春",
        articles={"a1": Article("Housing \U0001fae8 study")},
        sections=[Section("Housing", items=[Item("a1", summary="Rents rose ꙮ.")])],
    )
    context = view(BuildRequest(pack, Path()))
    every = run_checks(context)
    assert "unprintable-characters" in {finding.rule for finding in every}
    for formats in (("docx",), ("pdf",), ("docx", "html"), ("pdf", "docx")):
        assert for_formats(run_checks(context, "pack", formats), formats) == for_formats(
            every, formats
        )


# Text of every kind a pack holds: ASCII letters and capitals, the characters that join words
# or end sentences, letters and digits beyond ASCII (with and without case, and those whose
# lower case is ASCII: the Kelvin sign, the dotted capital I), typographic punctuation, a
# number that is no digit, and half of a surrogate pair (a pack may carry one).
MIXED = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("aZb1_ -'.,!?\n\t") + list("’‘“”–—…£€•\u00a0\u202féÉßΣς")),
        st.sampled_from(["\u212a", "\u0130", "\u017f", "\u0663", "\u2460", "\u216b"]),
        st.sampled_from(["\ud800", "\u00a0", "\u3000", "\U0001f3c6", "\u05d0"]),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(MIXED, st.lists(SENTENCE, max_size=6).map(" ".join)))
@example("a-b-c d'e.f x--y -z. 3.5 .")  # joiners between runs, and ones that join nothing
@example("\u212a\u0130 É’s")
def test_words_are_counted_as_the_pattern_counts_them(text: str) -> None:
    """ASCII text is counted without the pattern (the count is exact), and the quick bound is
    never below the count, so a paragraph passed over for it holds no long sentence."""
    count = len(_WORD.findall(text))
    assert word_count(text) == count
    quick, exact = quick_word_count(text)
    assert quick >= count
    if exact or text.isascii():
        assert exact
        assert quick == count


@settings(max_examples=500, deadline=None)
@given(MIXED)
@example("ÉÉ ΣΣ AB ①② É’É")
def test_the_quick_count_of_capital_pairs_is_never_below_the_patterns(text: str) -> None:
    assert capital_pairs_at_most(text) >= len(_CAPITALS_PAIR.findall(text))


# Runs of letters, the characters that break a long word, and every kind of space.
RUNS = st.lists(
    st.one_of(
        st.text(alphabet="ab-/\u2010é\U0001f3c6", min_size=1, max_size=60),
        st.sampled_from([" ", "\n", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "\t"]),
    ),
    max_size=8,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(RUNS)
def test_text_passed_over_for_long_words_has_none(text: str) -> None:
    """Nor is any text passed over that has a run that long between spaces."""
    assert may_run_past(text, LONG_WORD) == (max(map(len, text.split()), default=0) > LONG_WORD)
    if not may_run_past(text, LONG_WORD):
        assert _LONG.search(text) is None


def _plain_sentences(text: str) -> list[tuple[int, str]]:
    """The plain way: the word before each stop found by a pattern."""
    last_word = re.compile(r"\S+$")
    found, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        word = last_word.search(text, max(start, match.start() - 40), match.start())
        last = word.group().lower().rstrip(".") if word else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        sentence = text[start : match.end()].strip()
        if sentence:
            found.append((start, sentence))
        start = match.end()
    rest = text[start:].strip()
    if rest:
        found.append((start + (len(text[start:]) - len(text[start:].lstrip())), rest))
    return found


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            SENTENCE,
            st.sampled_from(["e.g.", "p.", "A.", "Dr.", "etc.", "x" * 45 + ".", "(ibid.)"]),
            st.text(alphabet="aB .?!\u2026\u00a0\u2003\n\x1c\u201d)", max_size=12),
        ),
        max_size=6,
    ),
    st.sampled_from([" ", "  ", "\n", "\u00a0", "\u2003 ", ""]),
)
@example(["The.", "B\n?", "The."], " ")  # $ matches before a last newline: "B" is an initial
def test_sentences_end_where_the_pattern_for_the_last_word_says(parts: list[str], gap: str) -> None:
    text = gap.join(parts)
    assert list(sentences.__wrapped__(text)) == _plain_sentences(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="ab_1é٣ -.’", min_size=1, max_size=50), max_size=12).map(" ".join),
    st.integers(0, 400),
)
def test_the_words_before_a_misspelt_word_are_read_from_just_before_it(
    text: str, offset: int
) -> None:
    offset = min(offset, len(text))
    assert _words_before(text, offset) == re.findall(r"\w+", text[:offset])[-3:]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(SENTENCE, st.sampled_from(["’tis so.", "don't!", "it’s", "'x'", "a''b"])),
        max_size=5,
    ),
    st.sampled_from([" ", "\n", "\u00a0", " “"]),
    st.sampled_from(["", " ", "\n  ", "“"]),
)
def test_the_reading_ease_reads_each_sentences_words_from_the_paragraph(
    said: list[str], gap: str, lead: str
) -> None:
    text = lead + gap.join(said)
    split = sentences(text)
    assert paragraph_words(text, split) == [words_of(sentence) for _, sentence in split]
