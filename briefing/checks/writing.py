"""Rules on the pack's writing: spelling in UK English (Welsh for items marked Welsh), words
GOV.UK asks writers to avoid, repeated words and summaries that are very hard to read.

All advice: the officer decides. Each finding points at the word's own line and column in the
pack file. Words the team added to the library's word list (words.txt), the built-in
local-government terms and the pack's `ignore_words` are never reported as misspelt.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from briefing.checks.accessibility import plain_texts
from briefing.checks.accessibility_text import (
    WORD_RUN,
    TextField,
    field_location,
    source_index,
    text_fields,
)
from briefing.checks.accessibility_words import sentences
from briefing.checks.finding import Location
from briefing.checks.rule import CheckContext, Rule
from briefing.library.words import built_in_words, library_in_use, team_words
from briefing.writing.plain_words import plainer_words, repeated_words
from briefing.writing.readability import HARD, Ease, ease_of, paragraph_words
from briefing.writing.spelling import LANGUAGE_NAMES, SpellCheck, WordSet, speller

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.checks.finding import Finding

# Names and places, not prose: never checked for spelling or wording.
_NAMES = frozenset({"organisation", "prepared_by"})
_NAME_KEYS = frozenset({"venue", "speaker"})
MIN_WORDS = 20  # a summary of a line or two is too short for its reading ease to be fair


def _prose(context: CheckContext) -> Iterator[TextField]:
    for field in text_fields(context):
        if field.field in _NAMES or field.path[-1] in _NAME_KEYS:
            continue
        yield field


def language_of(context: CheckContext, field: TextField) -> str:
    """The language a field is written in: its item's `language`, else English."""
    if field.item is None or field.section is None:
        return "en"
    try:
        item = context.pack.sections[field.section - 1].items[field.item - 1]
    except IndexError:
        return "en"
    return item.language or "en"


def accepted_words(context: CheckContext) -> WordSet:
    """The words every spelling check accepts for this pack."""
    return WordSet.of(built_in_words(), team_words(library_in_use()), context.pack.ignore_words)


def word_location(context: CheckContext, field: TextField, text: str, offset: int) -> Location:
    """Where the word starting at `offset` of the field's printed paragraph `text` sits in the
    pack file: the words before it find the place, then the word itself is counted to."""
    before = _words_before(text, offset)
    word = WORD_RUN.match(text, offset)
    phrase = " ".join([*before, word.group() if word else ""]).strip()
    found = field_location(context, field, phrase)
    index = source_index(context)
    if not before or index is None or found.line is None:
        return found
    words = WORD_RUN.finditer(index.text, index.offset(found.line, found.column or 1))
    match = next(itertools.islice(words, len(before), None), None)
    if match is None:
        return found
    line, column = index.place(match.start())
    return Location(found.file, line, column, found.section, found.item, found.field)


def _words_before(text: str, offset: int, count: int = 3) -> list[str]:
    """The last `count` words (runs of word characters) of text[:offset], read from the
    stretch just before `offset` when it holds more than `count` (so none of them is cut)."""
    window = max(0, offset - 40 * count)
    words = WORD_RUN.findall(text, window, offset)
    if window and len(words) <= count:
        words = WORD_RUN.findall(text, 0, offset)
    return words[-count:]


def _spelling(context: CheckContext) -> Iterator[Finding]:
    accepted = accepted_words(context)
    checks: dict[str, SpellCheck] = {}  # one per language: each word is judged once a pack
    for field in _prose(context):
        language = language_of(context, field)
        spell = speller(language)
        check = checks.get(language) or checks.setdefault(
            language, SpellCheck(spell.is_word, accepted)
        )
        dictionary = "" if language == "en" else f" {LANGUAGE_NAMES[language]}"
        for text in plain_texts(context, field):
            for offset, word in check.find(text):
                offers = spell.suggest(word, thorough=False)
                advice = (
                    f"did you mean {_or_list(offers[:3])}?"
                    if offers
                    else "check it, or add it to the word list if it is right."
                )
                yield SPELLING.finding(
                    f"In {field.name}, “{word}” is not in the{dictionary or ' UK English'} "
                    f"dictionary: {advice}",
                    word_location(context, field, text, offset),
                )
    for language in checks:
        speller(language).remember()  # the next run need not load the dictionary


def _or_list(words: tuple[str, ...]) -> str:
    quoted = [f"“{w}”" for w in words]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def _plain_words(context: CheckContext) -> Iterator[Finding]:
    for field in _prose(context):
        if "quotes" in field.path or language_of(context, field) != "en":
            continue  # a quotation stays as it was said
        for text in plain_texts(context, field):
            for found in plainer_words(text):
                why = f" ({found.entry.why})" if found.entry.why else ""
                yield PLAIN_WORDS.finding(
                    f"In {field.name}, GOV.UK asks writers to avoid “{found.text}”{why}: "
                    f"write {found.entry.instead}.",
                    word_location(context, field, text, found.offset),
                )


def _repeated(context: CheckContext) -> Iterator[Finding]:
    for field in _prose(context):
        for text in plain_texts(context, field):
            for offset, twice in repeated_words(text):
                yield REPEATED.finding(
                    f"In {field.name}, “{twice}” repeats a word: delete one.",
                    word_location(context, field, text, offset),
                )


def summary_ease(context: CheckContext) -> Iterator[tuple[TextField, Ease]]:
    """The reading ease of each English summary that has words, in printed order."""
    for field in text_fields(context):
        if field.field != "summary" or language_of(context, field) != "en":
            continue
        ease = ease_of(
            words
            for text in plain_texts(context, field)
            for words in paragraph_words(text, sentences(text))
        )
        if ease is not None:
            yield field, ease


def pack_ease(context: CheckContext) -> Ease | None:
    """The reading ease of all the pack's English summaries taken together."""
    return ease_of(
        words
        for field in text_fields(context)
        if field.field == "summary" and language_of(context, field) == "en"
        for text in plain_texts(context, field)
        for words in paragraph_words(text, sentences(text))
    )


def readability(
    context: CheckContext, hardest: int = 5
) -> tuple[Ease | None, list[tuple[TextField, Ease]]]:
    """The reading ease of the pack's summaries together, and its `hardest` summaries (of
    MIN_WORDS words or more, lowest score first): what the app's checks panel shows."""
    scored = [(field, ease) for field, ease in summary_ease(context) if ease.words >= MIN_WORDS]
    return pack_ease(context), sorted(scored, key=lambda pair: pair[1].score)[:hardest]


def _reading_ease(context: CheckContext) -> Iterator[Finding]:
    for field, ease in summary_ease(context):
        if ease.score >= HARD or ease.words < MIN_WORDS:
            continue  # a line or two is too short to score fairly
        hurt = f" The longest words: {', '.join(ease.hard_words)}." if ease.hard_words else ""
        yield READING_EASE.finding(
            f"{field.name[0].upper()}{field.name[1:]} has a reading ease of {ease.score:.0f} "
            f"out of 100 ({ease.label()}; plain English scores 60 or more): its sentences "
            f"average {ease.words / ease.sentences:.0f} words.{hurt} Use shorter sentences "
            "and everyday words.",
            field_location(context, field),
        )


SPELLING = Rule(
    "spelling",
    "advice",
    "A word not in the UK English dictionary (Welsh for items marked Welsh), with suggestions.",
    "pack",
    _spelling,
)
PLAIN_WORDS = Rule(
    "plain-words",
    "advice",
    "A word or phrase GOV.UK asks writers to avoid, with a plainer one.",
    "pack",
    _plain_words,
)
REPEATED = Rule(
    "repeated-word", "advice", "A word written twice in a row (“the the”).", "pack", _repeated
)
READING_EASE = Rule(
    "reading-ease",
    "advice",
    f"A summary with a reading ease below {HARD} (very hard to read), with the "
    "words that make it so.",
    "pack",
    _reading_ease,
)

RULES: tuple[Rule, ...] = (SPELLING, PLAIN_WORDS, REPEATED, READING_EASE)

__all__ = ["RULES", "accepted_words", "language_of", "pack_ease", "readability", "summary_ease"]
