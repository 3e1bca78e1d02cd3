"""Reading the words of a text: sentences, runs of capitals, vague or bare link text.

Plain functions over plain text (no pack, no positions), so each is easy to test on its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.compose.counts import marked_words, quick_word_count, word_count, word_marks
from briefing.writing.ascii_text import ascii_bytes

if TYPE_CHECKING:
    from collections.abc import Iterator

LONG_SENTENCE_WORDS = 25  # GOV.UK: sentences of 25 words or fewer
CAPITALS_RUN_WORDS = 4
# Two letters in a row that may be capitals (isupper decides): a word in capitals has them.
_CAPITALS_PAIR = re.compile(r"[^\W\d_a-z]{2}")
# For a quick count of at least as many pairs, in C: in the text's UTF-8 an ASCII capital and
# the first byte of any other character become "A" (it may be a letter in capitals, or a
# letter with no case), the other bytes of a character go, and anything else is a space.
_CAPITALS_BYTES = bytes(
    ord("A") if ord("A") <= b <= ord("Z") or b >= 0xC0 else ord(" ") for b in range(256)
)
_FOLLOWING_BYTES = bytes(range(0x80, 0xC0))

# Link text that says nothing about where the link goes (GOV.UK style guide, WCAG 2.4.4).
VAGUE_LINK_TEXT = frozenset(
    {
        "click here",
        "here",
        "click",
        "read more",
        "more",
        "this link",
        "link",
        "this page",
        "find out more",
        "learn more",
        "more information",
        "more info",
        "go",
        "this",
        "see here",
        "click this link",
        "follow this link",
        "website",
    }
)

# Words a pack prints in capitals on purpose: the protective marking and the DRAFT mark.
MARKING_WORDS = frozenset({"OFFICIAL", "SENSITIVE", "OFFICIAL-SENSITIVE", "DRAFT"})

# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    {
        "e.g",
        "i.e",
        "etc",
        "cf",
        "vs",
        "p",
        "pp",
        "no",
        "nos",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "st",
        "cllr",
        "approx",
        "fig",
        "vol",
        "ed",
        "eds",
        "al",
    }
)
_LONGEST_ABBREVIATION = 7  # letters: one more than the longest above ("approx")
# Sentences end where white space follows, so no word spans two.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ADDRESS = re.compile(r"(?i)^(?:https?://|www\.)\S+$")
TYPED_ADDRESS = re.compile(
    r"(?i)(?<![\w(\[<])(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"”’]"
)


@lru_cache(maxsize=8192)
def sentences(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, sentence) for each sentence of a paragraph of plain text (kept for the next
    rule that reads the same paragraph: the long sentences and the reading ease)."""
    return tuple(_sentences(text))


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        stop = match.start()
        if (
            stop - start < _LONGEST_ABBREVIATION
            or not text[stop - _LONGEST_ABBREVIATION : stop].isalpha()
        ):
            # The word the stop follows, in the last few characters: what \S+$ finds there,
            # without trying a pattern at each of them ($ also matches before a last
            # newline). Seven letters before the stop (most sentences) make no abbreviation
            # and no initial, and need no look.
            window = text[max(start, stop - 40) : stop]
            if window.endswith("\n"):
                window = window[:-1]
            last = (
                window.rsplit(None, 1)[-1].lower().rstrip(".")
                if window and not window[-1].isspace()
                else ""
            )
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue  # "e.g. The", "p. 12", an initial ("A. Officer")
        sentence = text[start : match.end()].strip()
        if sentence:
            yield start, sentence
        start = match.end()
    rest = text[start:].strip()
    if rest:
        yield start + (len(text[start:]) - len(text[start:].lstrip())), rest


def long_sentences(text: str) -> Iterator[tuple[int, str, int]]:
    """(offset, sentence, words) for each sentence over LONG_SENTENCE_WORDS words. A
    paragraph of few enough words is passed over without splitting it; the words of ASCII
    text (and most other: see word_marks) are counted from marks made once for the paragraph
    and its sentences, and those of other text only when a quick bound says it may be long."""
    marks = word_marks(text)
    words = quick_word_count(text)[0] if marks is None else marked_words(marks)
    if words <= LONG_SENTENCE_WORDS:
        return  # no sentence of it is long (most paragraphs): none is split off
    for offset, sentence in sentences(text):
        if marks is not None:
            begin = text.find(sentence, offset)  # a first sentence may follow white space
            count = marked_words(marks[begin : begin + len(sentence)])
        else:
            count, exact = quick_word_count(sentence)
            if count > LONG_SENTENCE_WORDS and not exact:
                count = word_count(sentence)
        if count > LONG_SENTENCE_WORDS:
            yield offset, sentence, count


def capitals_runs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, words) for each run of CAPITALS_RUN_WORDS or more words set in capitals.

    Single letters ("A") carry a run on but do not count; acronyms on their own (NHS, LGA)
    never make a run, and the marking words break one.
    """
    if (
        capital_pairs_at_most(text) < CAPITALS_RUN_WORDS
        or len(_CAPITALS_PAIR.findall(text)) < CAPITALS_RUN_WORDS
    ):
        return  # too few words in capitals for a run of them (most text)
    run: list[re.Match[str]] = []

    def flush() -> Iterator[tuple[int, str]]:
        counted = [m for m in run if len(m.group()) > 1]
        if len(counted) >= CAPITALS_RUN_WORDS:
            yield run[0].start(), text[run[0].start() : run[-1].end()]
        run.clear()

    for match in _WORD.finditer(text):
        word = match.group()
        if word.isupper() and word not in MARKING_WORDS:
            run.append(match)
        elif run:
            yield from flush()
    if run:
        yield from flush()


def capital_pairs_at_most(text: str) -> int:
    """At least len(_CAPITALS_PAIR.findall(text)), found many times quicker: each character
    the pattern takes becomes an "A", and a run of n of them holds n // 2 pairs, as in the
    text (a run may take in more characters than the pattern does, never fewer). Common
    punctuation beyond ASCII is read as its ASCII stand-in, which the pattern takes neither."""
    data = ascii_bytes(text) or text.encode("utf-8", "surrogatepass")
    return data.translate(_CAPITALS_BYTES, _FOLLOWING_BYTES).count(b"AA")


def is_vague_link_text(text: str) -> bool:
    return re.sub(r"[^\w\s]", "", text).strip().lower() in VAGUE_LINK_TEXT


def is_bare_address(text: str) -> bool:
    """Link text that is a web address rather than words (an e-mail address is fine)."""
    return bool(_ADDRESS.match(text.strip()))
