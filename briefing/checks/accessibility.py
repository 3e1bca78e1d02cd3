"""Accessibility rules on the pack's own words: title, alt text, headings, links, capitals,
sentence length, italics and summary length. Each finding says where and what to do."""

from __future__ import annotations

from functools import lru_cache
from pathlib import PurePath
from typing import TYPE_CHECKING, cast

from briefing.checks.accessibility_text import TextField, field_location, opening, text_fields
from briefing.checks.accessibility_words import (
    LONG_SENTENCE_WORDS,
    TYPED_ADDRESS,
    capitals_runs,
    is_bare_address,
    is_vague_link_text,
    long_sentences,
)
from briefing.checks.rule import CheckContext, Rule
from briefing.compose import markdown
from briefing.compose.counts import (
    markdown_word_count,
    marked_words,
    quick_word_count,
    word_count,
    word_marks,
)
from briefing.document.model import BulletList, Paragraph, Run

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from briefing.checks.finding import Finding
    from briefing.packfile.positions import PathKey

# Words a summary should stay within for each kind of pack: a member briefing is read at a
# desk before a meeting; a handout is read in a break between sessions.
SUMMARY_WORDS = {"member-briefing": 150, "event-handout": 120}
ITALIC_PARAGRAPH_WORDS = 10  # a short italic line ("Draft for comment") is no wall of italics
_GENERIC_ALT = frozenset({"logo", "image", "picture", "photo", "graphic", "img", "icon"})


def _paragraphs(context: CheckContext, field: TextField) -> tuple[tuple[Run, ...], ...]:
    """The runs of each paragraph (or bullet, or line) the field prints: as the briefing
    composed them when it holds the field (no second parse), else parsed here."""
    if field.markdown:
        composed = _composed(context).get(field.path)
        if composed is not None:
            return composed
    return _parsed(field.text, field.markdown)


def _composed(context: CheckContext) -> dict[PathKey, tuple[tuple[Run, ...], ...]]:
    """The paragraphs and list items of the composed briefing, by the pack field they print
    (when the version prints every field in full)."""
    made = context.memo.get("accessibility.composed")
    if isinstance(made, dict):
        return made
    found: dict[PathKey, list[tuple[Run, ...]]] = {}
    if context.version.form == "full":
        place = context.version.in_pack
        for block in context.document.blocks:
            if isinstance(block, Paragraph) and block.origin:
                found.setdefault(place(block.origin), []).append(tuple(block.runs))
            elif isinstance(block, BulletList):
                for runs, origin in zip(block.items, block.origins, strict=False):
                    found.setdefault(place(origin), []).append(tuple(runs))
    composed = {path: tuple(runs) for path, runs in found.items()}
    context.memo["accessibility.composed"] = composed
    return composed


@lru_cache(maxsize=8192)
def _parsed(text: str, form: str) -> tuple[tuple[Run, ...], ...]:
    """Parsed once for all the rules that read a field's paragraphs (runs are frozen)."""
    if form == "blocks":
        found: list[tuple[Run, ...]] = []
        for block in markdown.blocks(text):
            if isinstance(block, Paragraph):
                found.append(tuple(block.runs))
            elif isinstance(block, BulletList):
                found.extend(tuple(item) for item in block.items)
        return tuple(found)
    if form == "inline":
        return (tuple(markdown.inline_runs(text)),)
    return ((Run(text),),) if text.strip() else ()


def _plain(runs: Sequence[Run]) -> str:
    return "".join(run.text for run in runs)


def plain_texts(context: CheckContext, field: TextField) -> tuple[str, ...]:
    """The printed text of each paragraph of a field: made once for every rule that reads it."""
    made = context.memo.get("accessibility.plain")
    if not isinstance(made, dict):
        made = context.memo["accessibility.plain"] = {}
    texts = made.get(field.path)
    if texts is None:
        texts = made[field.path] = tuple(_plain(runs) for runs in _paragraphs(context, field))
    return cast("tuple[str, ...]", texts)


def _title(context: CheckContext) -> Iterator[Finding]:
    if not context.pack.title.strip():
        yield NO_TITLE.finding(
            "The pack has no title. Screen readers announce a document by its title, and an "
            "accessible PDF cannot be made without one: add a title (e.g. “Budget "
            "consultation 2026”).",
            context.at(("title",), key=True, field="title"),
        )


def _alt_text(context: CheckContext) -> Iterator[Finding]:
    layout = context.pack.layout
    if layout.logo and not layout.logo_alt.strip():
        yield ALT_TEXT.finding(
            f"The logo “{layout.logo}” has no alt text, so screen reader users do not know what "
            "it shows and an accessible PDF cannot be made: add logo_alt under layout (e.g. "
            "“Example Borough Council logo”).",
            context.at(("layout", "logo"), key=True, field="layout.logo_alt"),
        )


def _alt_text_meaning(context: CheckContext) -> Iterator[Finding]:
    layout = context.pack.layout
    alt = layout.logo_alt.strip()
    if not (layout.logo and alt):
        return
    as_file = PurePath(alt.replace("\\", "/"))
    if (
        alt.lower() in _GENERIC_ALT
        or as_file.suffix.lower() in (".png", ".jpg", ".jpeg")
        or alt == PurePath(layout.logo).name
    ):
        yield ALT_MEANING.finding(
            f"The logo's alt text “{alt}” does not say what the picture shows: describe it, "
            f"e.g. “{context.pack.organisation or 'Example Borough Council'} logo”.",
            context.at(("layout", "logo_alt"), field="layout.logo_alt"),
        )


def _links(context: CheckContext, want_vague: bool) -> Iterator[Finding]:
    for field in text_fields(context):
        if not field.markdown:
            continue
        for runs in _paragraphs(context, field):
            for run in runs:
                if run.href:
                    text = run.text.strip()
                    if want_vague and is_vague_link_text(text):
                        yield VAGUE_LINK.finding(
                            f"In {field.name}, the link text “{text}” does not say where the "
                            "link goes; screen reader users often hear links on their own. Use "
                            "words that name the page, e.g. [the council's budget "
                            "page](https://…).",
                            field_location(context, field, f"[{text}]"),
                        )
                    elif not want_vague and is_bare_address(text):
                        yield _bare(context, field, text)
                elif not want_vague and _may_hold_address(run.text):
                    for match in TYPED_ADDRESS.finditer(run.text):
                        yield _bare(context, field, match.group())


def _may_hold_address(text: str) -> bool:
    """A quick test that leaves out most text: a typed address has "://" or "www."."""
    return "://" in text or "www." in text.casefold()


def _bare(context: CheckContext, field: TextField, address: str) -> Finding:
    return BARE_LINK.finding(
        f"In {field.name}, the address {address} is the link's only text; a screen reader "
        "spells it out character by character. Give it words that say where it goes, e.g. "
        "[the members' briefing page](https://…).",
        field_location(context, field, address),
    )


def _vague_links(context: CheckContext) -> Iterator[Finding]:
    return _links(context, want_vague=True)


def _bare_links(context: CheckContext) -> Iterator[Finding]:
    return _links(context, want_vague=False)


def _capitals(context: CheckContext) -> Iterator[Finding]:
    for field in text_fields(context, articles=True):
        for text in plain_texts(context, field):
            for _, words in capitals_runs(text):
                yield CAPITALS.finding(
                    f"In {field.name}, “{words}” is in capitals, which is harder to read and "
                    "some screen readers spell out letter by letter: write it in sentence case "
                    "(use bold if it needs to stand out).",
                    field_location(context, field, words),
                )


def _long_sentences(context: CheckContext) -> Iterator[Finding]:
    for field in text_fields(context):
        if field.path[-1] == "title" or field.path[-2:-1] == ("quotes",):
            continue  # titles are not prose; a quotation must stay as it was said
        for text in plain_texts(context, field):
            for _, sentence, words in long_sentences(text):
                yield LONG_SENTENCE.finding(
                    f"In {field.name}, the sentence beginning {opening(sentence)} has {words} "
                    f"words. GOV.UK advises {LONG_SENTENCE_WORDS} or fewer: split it or cut "
                    "words.",
                    field_location(context, field, sentence),
                )


def _italics(context: CheckContext) -> Iterator[Finding]:
    for field in text_fields(context):
        if field.markdown != "blocks":
            continue
        for runs in _paragraphs(context, field):
            text = _plain(runs)
            # Whether it is all in italics first: most paragraphs are not, and need no count.
            if all(run.italic for run in runs if run.text.strip()) and (
                word_count(text) >= ITALIC_PARAGRAPH_WORDS
            ):
                yield ITALICS.finding(
                    f"In {field.name}, the whole paragraph beginning {opening(text)} is in "
                    "italics, which is hard to read at length: remove the *…* around it and "
                    "put only a few words in italics, or none.",
                    field_location(context, field, text),
                )


def _summary_length(context: CheckContext) -> Iterator[Finding]:
    limit = SUMMARY_WORDS.get(context.pack.kind, SUMMARY_WORDS["member-briefing"])
    kind = "event handout" if context.pack.kind == "event-handout" else "member briefing"
    for field in text_fields(context):
        if field.field != "summary":
            continue
        if field.markdown != "blocks":
            words = markdown_word_count(field.text)
        else:
            # The paragraphs already parsed for the other rules: the same words as
            # markdown_word_count, counted without parsing the summary again, and only when
            # the quick bound says they may be too many.
            texts = plain_texts(context, field)
            marks = [word_marks(text) for text in texts]
            if (
                sum(
                    quick_word_count(text)[0] if mark is None else marked_words(mark)
                    for text, mark in zip(texts, marks, strict=True)
                )
                <= limit
            ):
                continue
            words = sum(
                word_count(text) if mark is None else marked_words(mark)
                for text, mark in zip(texts, marks, strict=True)
            )
        if words > limit:
            yield SUMMARY_LENGTH.finding(
                f"{field.name[0].upper()}{field.name[1:]} has {words} words; in a {kind}, "
                f"summaries of {limit} words or fewer are easier to take in. Keep the main "
                "point and cut detail, or split it into a short paragraph and a list.",
                field_location(context, field),
            )


NO_TITLE = Rule(
    "document-title", "error", "The pack has no title (the document title).", "pack", _title
)
ALT_TEXT = Rule("alt-text", "error", "A picture (the logo) has no alt text.", "pack", _alt_text)
ALT_MEANING = Rule(
    "alt-text-meaning",
    "warning",
    "Alt text that is a file name or a single word such as “logo”.",
    "pack",
    _alt_text_meaning,
)
VAGUE_LINK = Rule(
    "link-text",
    "warning",
    "Link text such as “click here”, “here” or “read more”.",
    "pack",
    _vague_links,
)
BARE_LINK = Rule(
    "bare-link", "advice", "A web address used as the text of a link.", "pack", _bare_links
)
CAPITALS = Rule(
    "capitals", "warning", "Four or more words in a row in capitals.", "pack", _capitals
)
LONG_SENTENCE = Rule(
    "long-sentence",
    "advice",
    f"A sentence longer than {LONG_SENTENCE_WORDS} words.",
    "pack",
    _long_sentences,
)
ITALICS = Rule("italic-paragraph", "warning", "A whole paragraph in italics.", "pack", _italics)
SUMMARY_LENGTH = Rule(
    "summary-length",
    "advice",
    "A summary longer than suits its kind of pack (150 words in a member "
    "briefing, 120 in an event handout).",
    "pack",
    _summary_length,
)

RULES: tuple[Rule, ...] = (
    NO_TITLE,
    ALT_TEXT,
    ALT_MEANING,
    VAGUE_LINK,
    BARE_LINK,
    CAPITALS,
    LONG_SENTENCE,
    ITALICS,
    SUMMARY_LENGTH,
)
