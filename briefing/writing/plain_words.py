"""Words and phrases the GOV.UK style guide asks writers to avoid, with a plainer way to say it.

The guide's point: readers understand common words faster, and "buzzwords" and jargon hide
what is really being done. The list below puts that guidance in our own words. Words that are
fine in some senses ("deliver" a leaflet, a "key" to a door) are left out: advice must be right
when it fires, or officers learn to ignore it.
"""

from __future__ import annotations

import itertools
import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.writing.ascii_text import ascii_bytes

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence


@dataclass(frozen=True)
class Plainer:
    """One entry: the forms to look for (lower case, whole words) and what to write instead."""

    forms: tuple[str, ...]
    instead: str
    why: str = ""


# forms: every inflection worth catching; the first is the one messages name.
PLAINER: tuple[Plainer, ...] = (
    # Long words with a short, common equivalent.
    Plainer(
        (
            "utilise",
            "utilises",
            "utilised",
            "utilising",
            "utilisation",
            "utilize",
            "utilizes",
            "utilized",
            "utilizing",
            "utilization",
        ),
        "use",
    ),
    Plainer(("commence", "commences", "commenced", "commencing", "commencement"), "start or begin"),
    Plainer(("terminate", "terminates", "terminated", "terminating"), "end or stop"),
    Plainer(("endeavour", "endeavours", "endeavoured", "endeavouring"), "try"),
    Plainer(("ascertain", "ascertains", "ascertained", "ascertaining"), "find out"),
    Plainer(
        ("facilitate", "facilitates", "facilitated", "facilitating"),
        "help, run or make possible (say which)",
    ),
    Plainer(("in order to",), "to"),
    Plainer(("prior to",), "before"),
    Plainer(("with regard to", "with regards to", "in regard to", "in relation to"), "about"),
    Plainer(("in excess of",), "more than"),
    Plainer(("in the event that", "in the event of"), "if"),
    Plainer(("due to the fact that", "owing to the fact that"), "because"),
    Plainer(("at this moment in time", "at this point in time", "at the present time"), "now"),
    Plainer(("a number of",), "some, several or the number itself"),
    Plainer(("notwithstanding",), "despite or even though"),
    Plainer(("henceforth",), "from now on"),
    Plainer(("forthwith",), "now or at once"),
    Plainer(("whilst",), "while"),
    Plainer(("amongst",), "among"),
    # Buzzwords GOV.UK names: say what is actually being done.
    Plainer(
        ("going forward", "moving forward"), "from now on or in future", "it is vague about when"
    ),
    Plainer(("leverage", "leverages", "leveraged", "leveraging"), "use or make the most of"),
    Plainer(
        ("empower", "empowers", "empowered", "empowering", "empowerment"),
        "allow or give power to (say how)",
    ),
    Plainer(
        ("incentivise", "incentivises", "incentivised", "incentivising"), "encourage (say how)"
    ),
    Plainer(
        ("disincentivise", "disincentivises", "disincentivised", "disincentivising"),
        "discourage (say how)",
    ),
    Plainer(
        ("streamline", "streamlines", "streamlined", "streamlining"),
        "simplify or speed up (say what changes)",
    ),
    Plainer(("robust",), "strong, thorough or reliable (say which)"),
    Plainer(("overarching",), "main or overall, or leave it out"),
    Plainer(("liaise", "liaises", "liaised", "liaising"), "work with or talk to"),
    Plainer(("collaborate", "collaborates", "collaborated", "collaborating"), "work with"),
    Plainer(("dialogue",), "talks, discussion or meeting"),
    Plainer(
        ("combat", "combats", "combating", "combatting"),
        "stop, reduce or prevent",
        "it is a military metaphor",
    ),
    Plainer(
        ("tackle", "tackles", "tackled", "tackling"),
        "deal with, reduce or stop",
        "it is a metaphor",
    ),
    Plainer(("countering",), "preventing or answering"),
    Plainer(("slimming down",), "removing or cutting (say what)"),
    Plainer(
        ("deploy", "deploys", "deployed", "deploying"),
        "use or put in place",
        "it is a military metaphor",
    ),
    Plainer(("drive out", "drives out", "driving out"), "remove or stop"),
    Plainer(("impacted", "impacting"), "affected or affecting"),
    Plainer(("ring-fencing", "ring fencing"), "keeping for, or setting aside for"),
    Plainer(("synergy", "synergies"), "working together, or say the benefit"),
    Plainer(("best practice",), "what works well (say what it is)"),
    Plainer(("holistic",), "whole or complete (say what is included)"),
    Plainer(("paradigm", "paradigms"), "model or way of thinking"),
    Plainer(
        ("stakeholder", "stakeholders"),
        "the people or groups involved (name them)",
        "it does not say who",
    ),
)

_INDEX = {form: entry for entry in PLAINER for form in entry.forms}
_FORMS = sorted(_INDEX, key=len, reverse=True)  # the longest first: "in the event of" first


def _pattern(forms: Iterable[str]) -> re.Pattern[str]:
    """A pattern finding these forms as whole words, the first of them that fits where two
    begin alike."""
    either = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)
    return re.compile(rf"(?<![\w'’-])({either})(?![\w'’]|-\w)", re.IGNORECASE)


_PATTERN = _pattern(_FORMS)


@dataclass(frozen=True)
class PlainerFound:
    offset: int
    text: str  # as written
    entry: Plainer


# The longest word of every form ("order" of "in order to"): a text holding none of them as a
# whole word holds no form, and finding its words is far quicker than trying the pattern's
# hundred forms at every letter.
_WORD = re.compile(r"\w+")
_KEY_WORD = {form: max(_WORD.findall(form), key=len).encode() for form in _FORMS}
_KEY_WORDS = frozenset(_KEY_WORD.values())
# Characters beyond ASCII that the pattern takes for an ASCII letter when it ignores case (the
# dotted and dotless i, the long s, the Kelvin sign): with one of them a form may be there
# though its words are not, and the whole pattern looks.
_LIKE_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
# The words of ASCII text in lower case, read in C: a word character (\w) becomes itself in
# lower case, anything else, and any byte of a character beyond ASCII, a space.
_ASCII_WORD_BYTES = bytes(
    ord(chr(b).lower()) if b < 128 and (chr(b).isalnum() or chr(b) == "_") else ord(" ")
    for b in range(256)
)


@lru_cache(maxsize=8192)
def ascii_words(text: str) -> tuple[bytes, ...]:
    """The words of `text` made only of ASCII, in lower case: for ASCII text (or text whose
    only other characters are common punctuation: see ascii_bytes), exactly its words (runs
    of word characters) in lower case, in order; for other text, those words among others (a
    word with a letter beyond ASCII comes in pieces). Read once for both checks below (a paragraph
    is kept until the second reads it)."""
    data = ascii_bytes(text) or text.lower().encode("utf-8", "surrogatepass")
    return tuple(data.translate(_ASCII_WORD_BYTES).split())


def plainer_words(text: str) -> Iterator[PlainerFound]:
    """Each word or phrase of `text` that has a plainer alternative, in order."""
    keys = _KEY_WORDS.intersection(ascii_words(text))
    if not keys:
        return  # every form's longest word is ASCII: none of them is in the text
    # Only the forms whose longest word is there can be found, and the pattern of them
    # alone (far quicker than a hundred) finds each where the whole pattern would.
    like_ascii = not text.isascii() and any(map(text.__contains__, _LIKE_ASCII))
    pattern = _PATTERN if like_ascii else _pattern_of(frozenset(keys))
    for match in pattern.finditer(text):
        found = match.group(1)
        entry = _INDEX.get(" ".join(found.lower().split()))
        if entry is not None:
            yield PlainerFound(match.start(1), found, entry)


@lru_cache(maxsize=256)
def _pattern_of(keys: frozenset[bytes]) -> re.Pattern[str]:
    """The pattern of the forms whose longest word is one of `keys`."""
    return _pattern(form for form in _FORMS if _KEY_WORD[form] in keys)


# Repeated words: "the the", "to to". A few are correct doubled ("had had", "that that").
_REPEAT = re.compile(r"(?<![\w'’-])([^\W\d_]+)\s+(\1)(?![\w'’-])", re.IGNORECASE)
_FINE_TWICE = frozenset(
    {
        "had",
        "that",
        "is",
        "bye",
        "very",
        "no",
        "far",
        "so",
        "tut",
        "knock",
        "ha",
        "dum",
        "there",
        "again",
        "more",
        "over",
        "round",
        "on",
        "cha",
        "chop",
        "wagga",
        "hush",
        "pom",
    }
)


def repeated_words(text: str) -> Iterator[tuple[int, str]]:
    """(offset, "the the") for each word written twice in a row by mistake."""
    words: Sequence[object] = (
        _WORD.findall(text.casefold()) if ascii_bytes(text) is None else ascii_words(text)
    )
    if not any(map(operator.eq, words, itertools.islice(words, 1, None))):
        return  # no word follows itself (found quicker than by trying the pattern everywhere)
    for match in _REPEAT.finditer(text):
        if match.group(1).lower() not in _FINE_TWICE:
            yield match.start(), match.group()
