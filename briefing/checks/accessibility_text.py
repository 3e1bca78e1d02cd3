"""The printed text fields of a pack, with where each sits, and where a phrase inside one starts.

The accessibility rules read text field by field. A finding about a sentence points at the
line and column where that sentence starts in the pack file, not only at the field: the phrase
is looked for in the stretch of the file that holds the field's value (from where the value
begins to where the next value does). One index of the file, made once per check, gives every
line's start and every value's start, so a finding costs the length of its field, never of the
whole file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.checks.finding import Location

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from briefing.checks.rule import CheckContext
    from briefing.packfile.positions import PathKey, Positions


WORD_RUN = re.compile(r"\w+")  # a word, as findings are placed by


@dataclass(frozen=True)
class TextField:
    """One printed text of the pack. `markdown` is "blocks" (paragraphs and lists), "inline"
    (one line: a bullet, a key message) or "" (printed exactly as typed)."""

    path: PathKey
    text: str
    markdown: str
    name: str  # in messages: "the summary of “Title”", "key message 2"
    section: int | None = None  # 1-based, for the app
    item: int | None = None
    field: str | None = None  # the field the app focuses


def text_fields(context: CheckContext, articles: bool = False) -> list[TextField]:
    """Every text the pack prints, in printed order. With `articles`, also the articles'
    titles, authors and sources (printed in bylines and Sources). Listed once for all the
    rules that read them."""
    key = f"text-fields.{articles}"
    made = context.memo.get(key)
    if not isinstance(made, list):
        # The articles' fields come after the others, which are listed once for both.
        made = (
            [*text_fields(context), *_article_fields(context)]
            if articles
            else list(_text_fields(context))
        )
        context.memo[key] = made
    return made


def _text_fields(context: CheckContext) -> Iterator[TextField]:
    pack = context.pack
    yield TextField(("title",), pack.title, "", "the title", field="title")
    yield TextField(("subtitle",), pack.subtitle, "", "the subtitle", field="subtitle")
    yield TextField(
        ("organisation",), pack.organisation, "", "the organisation", field="organisation"
    )
    yield TextField(("prepared_by",), pack.prepared_by, "", "“prepared by”", field="prepared_by")
    yield TextField(("intro",), pack.intro, "blocks", "the introduction", field="intro")
    for k, text in enumerate(pack.key_messages):
        yield TextField(
            ("key_messages", k), text, "inline", f"key message {k + 1}", field="key_messages"
        )
    if pack.event is not None:
        event = pack.event
        yield TextField(("event", "name"), event.name, "", "the event name", field="event")
        yield TextField(("event", "venue"), event.venue, "", "the venue", field="event")
        for a, entry in enumerate(event.agenda):
            for key in ("item", "speaker"):
                yield TextField(
                    ("event", "agenda", a, key),
                    getattr(entry, key),
                    "",
                    f"agenda entry {a + 1}",
                    field="event",
                )
    for s, section in enumerate(pack.sections):
        where = {"section": s + 1}
        yield TextField(
            ("sections", s, "title"),
            section.title,
            "",
            f"the title of section {s + 1}",
            field="title",
            **where,
        )
        yield TextField(
            ("sections", s, "intro"),
            section.intro,
            "blocks",
            f"the introduction to section {s + 1}",
            field="intro",
            **where,
        )
        for i, item in enumerate(section.items):
            article = pack.articles.get(item.article)
            title = f"“{article.title if article else item.article}”"
            at = ("sections", s, "items", i)
            place = {"section": s + 1, "item": i + 1}
            yield TextField(
                (*at, "summary"),
                item.summary,
                "blocks",
                f"the summary of {title}",
                field="summary",
                **place,
            )
            for k, text in enumerate(item.implications):
                yield TextField(
                    (*at, "implications", k),
                    text,
                    "inline",
                    f"implication {k + 1} of {title}",
                    field="implications",
                    **place,
                )
            for q, quote in enumerate(item.quotes):
                yield TextField(
                    (*at, "quotes", q, "text"),
                    quote.text,
                    "",
                    f"quote {q + 1} of {title}",
                    field="quotes",
                    **place,
                )
            for k, text in enumerate(item.questions):
                yield TextField(
                    (*at, "questions", k),
                    text,
                    "inline",
                    f"question {k + 1} of {title}",
                    field="questions",
                    **place,
                )


def _article_fields(context: CheckContext) -> Iterator[TextField]:
    """The articles' titles, authors, sources and references (printed in bylines and
    Sources)."""
    for key, art in context.pack.articles.items():
        yield TextField(("articles", key, "title"), art.title, "", f"the title of article “{key}”")
        for a, author in enumerate(art.authors):
            yield TextField(
                ("articles", key, "authors", a), author, "", f"an author of article “{key}”"
            )
        yield TextField(
            ("articles", key, "source"), art.source, "", f"the source of article “{key}”"
        )
        yield TextField(
            ("articles", key, "reference"),
            art.reference,
            "",
            f"the reference of article “{key}”",
        )


def field_location(
    context: CheckContext, field: TextField, phrase: str = "", exact: bool = False
) -> Location:
    """Where `phrase` (a stretch of the field's text, matched word by word, or character for
    character with `exact`) starts in the pack file; where the field's value starts when the
    phrase cannot be found there (e.g. it was written with escapes)."""
    base = context.at(field.path, section=field.section, item=field.item, field=field.field)
    if not phrase or context.pack_path is None or base.line is None:
        return base
    index = source_index(context)
    if index is None:
        return base
    found = index.find(base.line, base.column or 1, phrase, exact)
    if found is None:
        return base
    return Location(base.file, found[0], found[1], base.section, base.item, base.field)


class SourceIndex:
    """The pack file's text with where each line and each value starts: a place is found by
    halving (bisect), and a phrase is looked for only within its field's value."""

    def __init__(self, text: str, positions: Positions | None) -> None:
        self.text = text
        self.lines = [0, *(match.end() for match in re.finditer("\n", text))]
        starts = {
            self.offset(line, column)
            for line, column in (positions.values.values() if positions is not None else ())
        }
        self.values = sorted(starts)

    def offset(self, line: int, column: int) -> int:
        if line > len(self.lines):
            return len(self.text)
        return self.lines[line - 1] + column - 1

    def place(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.lines, offset)
        return line, offset - self.lines[line - 1] + 1

    def find(
        self, line: int, column: int, phrase: str, exact: bool = False
    ) -> tuple[int, int] | None:
        """Where `phrase` starts in the value that starts at (line, column)."""
        words = [phrase] if exact else WORD_RUN.findall(phrase)[:8]
        if not self.text or not words or line > len(self.lines):
            return None
        start = self.offset(line, column)
        after = bisect.bisect_right(self.values, start)
        end = self.values[after] if after < len(self.values) else len(self.text)
        at = (
            self.text.find(phrase, start, end)
            if exact
            else find_words(self.text, tuple(words), start, end)
        )
        return None if at < 0 else self.place(at)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches


def find_words(text: str, words: tuple[str, ...], start: int, end: int) -> int:
    r"""Where `words` (runs of word characters) stand in text[start:end], -1 when they do
    not: the first where a word starts, each next after a run of other characters, as
    between words YAML may have folded a line (a newline, then the indentation) and the
    writer may have typed Markdown (**, *, [ ]). The last may begin a longer word. What
    the pattern (?<!\w)w1\W+w2... finds, without making a pattern for every finding.

    The places of the longest word are looked at (a short first word, "a" or "the", is
    found at every turn): from each, the words before it are read backwards and those after
    it forwards, and the first place where all stand is the answer."""
    anchor = max(range(len(words)), key=lambda i: len(words[i]))
    found = -1
    at = text.find(words[anchor], start, end)
    while at >= 0:
        first = _back(text, words[:anchor], at, start)
        if (
            first >= 0
            and (found < 0 or first < found)
            and _forward(text, words[anchor + 1 :], at + len(words[anchor]), end)
        ):
            found = first
            if anchor == 0:
                return found  # the places come in order: the first is the answer
        at = text.find(words[anchor], at + 1, end)
    return found


def _back(text: str, words: tuple[str, ...], at: int, start: int) -> int:
    """Where the first of `words` starts when they stand in order before the word at `at`,
    each with a run of other characters after it, none before `start`, the first not inside
    a longer word; -1 when they do not."""
    for word in reversed(words):
        gap = at
        while gap > start and not _is_word(text[gap - 1]):
            gap -= 1
        if gap == at:
            return -1  # no run of other characters before the word after it
        at = gap - len(word)
        if at < start or not text.startswith(word, at, gap):
            return -1
    return at if at == 0 or not _is_word(text[at - 1]) else -1


def _forward(text: str, words: tuple[str, ...], here: int, end: int) -> bool:
    """Whether `words` stand, in order, each after a run of other characters, from `here`."""
    for word in words:
        gap = here
        while gap < end and not _is_word(text[gap]):
            gap += 1
        if gap == here or not text.startswith(word, gap, end):
            return False
        here = gap + len(word)
    return True


def source_index(context: CheckContext) -> SourceIndex | None:
    """The index of the pack file the findings point into, made once for all the rules."""
    if context.pack_path is None:
        return None
    made = context.memo.get("source-index")
    if not isinstance(made, SourceIndex):
        made = SourceIndex(_file_text(context.pack_path), context.positions)
        context.memo["source-index"] = made
    return made


@lru_cache(maxsize=4)
def _read(path: Path, stamp: float) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def _file_text(path: Path) -> str:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return ""
    return _read(path, stamp)


def words_of(text: str) -> list[str]:
    return re.findall(r"[^\W_][\w'’\-]*", text)


def opening(text: str, words: int = 6) -> str:
    """The first few words of a sentence, for a message: “A review of a new edited…”."""
    parts = text.split()
    more = "…" if len(parts) > words else ""
    return f"“{' '.join(parts[:words])}{more}”"
