"""The quick ways the writing checks read a paragraph (its bytes, read in C) find exactly what
their patterns find: the words to avoid and repeated words, the words of the reading ease and
the tokens the spell check judges."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing.writing import plain_words, readability, spelling

# Word characters ASCII and not, what joins or parts words (apostrophes, hyphens, stops,
# spaces), typographic punctuation, letters whose lower case is ASCII (the Kelvin sign, the
# dotted capital I), digits beyond ASCII and half of a surrogate pair.
MIXED = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("aZb1_ -'.,@/:\n") + list("’‘“”–—…£€•\u00a0\u202féÉßς")),
        st.sampled_from(["\u212a", "\u0130", "\u017f", "\u0663", "\ud800", "\u00a0", "\x1f"]),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)
# Prose of the words the checks look for, joined in every way.
PROSE = st.lists(
    st.sampled_from(
        [
            "in order to",
            "in the event of",
            "in the event that",
            "prior to",
            "a number of",
            "\u017ftakeholders",
            "\u212aey",
            "Utilise",
            "robust",
            "the",
            "The",
            "stakeholders",
            "had",
            "don't",
            "well-being",
            "-x",
            "a--b",
            "b-",
            "’",
            "naïve",
            "rock'n'roll",
            "'tis",
            "o'",
            "3.5",
            "www.example.org",
            "a@b.com",
            " ",
            "\n",
            ".",
            ",",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(MIXED, PROSE))
@example("\u212a robust")  # the Kelvin sign's lower case is an ASCII k
def test_ascii_words_are_the_patterns_words_in_ascii(text: str) -> None:
    """For ASCII text, exactly the pattern's words in lower case; for other text, every word of
    them that is all ASCII (the words to avoid are), so no text holding one is passed over."""
    found = [word.encode() for word in re.findall(r"\w+", text.lower())]
    quick = plain_words.ascii_words(text)
    if text.isascii():
        assert list(quick) == found
    assert {word for word in found if word.isascii()} <= set(quick)


@settings(max_examples=300, deadline=None)
@given(st.one_of(MIXED, PROSE))
@example("in the event that in the event of, prior to a number of robust")
@example("\u017ftakeholders and \u0130n order to, in order to")  # the pattern takes ſ for s
def test_words_to_avoid_and_repeated_words_are_found_as_before(text: str) -> None:
    """The quick test before each pattern passes over no text the pattern finds something in,
    and the pattern of the forms whose words are there finds what the whole pattern finds."""
    every = [
        (m.start(1), m.group(1))
        for m in plain_words._PATTERN.finditer(text)
        if " ".join(m.group(1).lower().split()) in plain_words._INDEX
    ]
    assert [(f.offset, f.text) for f in plain_words.plainer_words(text)] == every
    twice = [
        (m.start(), m.group())
        for m in plain_words._REPEAT.finditer(text)
        if m.group(1).lower() not in plain_words._FINE_TWICE
    ]
    assert list(plain_words.repeated_words(text)) == twice


@settings(max_examples=500, deadline=None)
@given(st.one_of(MIXED, PROSE))
@example("don't 'tis a''b")
@example("council’s rock’n’roll councils’ ’tis a’’b \x1f")
def test_the_reading_ease_reads_the_patterns_words(text: str) -> None:
    assert readability.words_of(text) == readability._WORD.findall(text)


@settings(max_examples=500, deadline=None)
@given(st.one_of(MIXED, PROSE))
@example("well-being -x a--b b- o' 'tis")
@example("council’s “well-being”\x1f’s")  # the character ’ is held as while read
def test_the_spell_check_judges_the_patterns_tokens(text: str) -> None:
    assert spelling._tokens(text) == set(spelling._TOKEN.findall(text))
