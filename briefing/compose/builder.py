"""Pack -> document model: the order and wording of everything a briefing prints (no file I/O)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.compose import markdown
from briefing.compose.audience import Version, for_audience, withheld_statement
from briefing.compose.sources import attribution, byline, sources_list
from briefing.document.model import (
    Block,
    BlockQuote,
    BulletList,
    Contents,
    Cover,
    Document,
    DocumentMeta,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Run,
    Table,
)
from briefing.document.storable import storable_copy
from briefing.uk.dates import uk_date, uk_time
from briefing.uk.labels import KIND_LABELS, marking_statement

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from briefing.document.model import Origin
    from briefing.model import Article, Item, Pack

IMPLICATIONS_HEADING = "Implications for UK local government"
QUOTES_HEADING = "Quotes"
QUESTIONS_HEADING = "Questions members may wish to ask"
DRAFT_NOTE = "DRAFT — not for circulation."
SUMMARY_HEADING = "The briefing in brief"
SUMMARY_NOTE = "This is a summary: one line on each item; the full briefing has the rest."

# A pack this size runs past a few pages, so it gets a contents list.
CONTENTS_MIN_SECTIONS = 2
CONTENTS_MIN_ITEMS = 4


def wants_contents(pack: Pack) -> bool:
    return len(pack.sections) >= CONTENTS_MIN_SECTIONS or len(pack.items()) >= CONTENTS_MIN_ITEMS


def _resolve(base_dir: Path, relative: str) -> Path | None:
    if not relative.strip():
        return None
    path = Path(relative)
    return path if path.is_absolute() else (Path(base_dir) / path).absolute()


def event_when(starts: date | None) -> str:
    """ "4 November 2025, 10:00" for a date and time; "4 November 2025" for a date."""
    if isinstance(starts, datetime):
        return f"{uk_date(starts)}, {uk_time(starts)}"
    return uk_date(starts)


def prepared_by_line(who: str) -> str:
    """ "Prepared by Policy Team"; a name typed with its own "Prepared by" is not prefixed twice."""
    who = who.strip()
    if not who or who.lower().startswith("prepared by"):
        return who
    return f"Prepared by {who}"


def _cover(pack: Pack, base_dir: Path, edition: str = "") -> Cover:
    logo = None
    logo_path = _resolve(base_dir, pack.layout.logo)
    if logo_path is not None:
        alt = pack.layout.logo_alt.strip() or (
            f"{pack.organisation} logo" if pack.organisation else "Logo"
        )
        logo = Image(path=logo_path, alt=alt)
    details = event_details(pack)
    if not cover_fits(pack, details):
        details = []  # printed under "About the event" instead, first thing after the cover
    date_text = uk_date(pack.date)
    if any(date_text and date_text in value for _, value in details):
        date_text = ""  # the event's date and time already say it, once
    origins: dict[str, Origin] = {
        "title": ("title",),
        "subtitle": ("subtitle",),
        "kind_label": ("kind",),
        "organisation": ("organisation",),
        "date_text": ("date",),
        "prepared_by": ("prepared_by",),
        "Event": ("event", "name"),
        "Venue": ("event", "venue"),
    }
    for label, _ in details:
        origins.setdefault(label, ("event", "starts"))
    return Cover(
        title=pack.title,
        subtitle=pack.subtitle,
        kind_label=KIND_LABELS.get(pack.kind, ""),
        organisation=pack.organisation,
        date_text=date_text,
        prepared_by=prepared_by_line(pack.prepared_by),
        logo=logo,
        details=details,
        origins=origins,
        edition=edition,
    )


def _same_words(a: str, b: str) -> bool:
    def words(text: str) -> str:
        return " ".join("".join(c for c in text.casefold() if c.isalnum() or c.isspace()).split())

    wa, wb = words(a), words(b)
    return bool(wa and wb) and (wa in wb or wb in wa)


# How much one cover holds, in lines of body text, and how many characters fill a line, for
# each paper and print size (Arial on the text width; the coloured band takes about 7 lines).
COVER_LINES = {("A4", False): 45, ("A4", True): 32, ("A5", False): 30, ("A5", True): 21}
LINE_CHARS = {("A4", False): 80, ("A4", True): 60, ("A5", False): 56, ("A5", True): 42}
_BAND_LINES = 7
_TITLE_SCALE = 1.65  # the smallest cover title is about this many times body size


def _lines(text: str, chars: float) -> int:
    return -(-len(text) // max(int(chars), 1)) if text else 0


def cover_fits(pack: Pack, details: list[tuple[str, str]]) -> bool:
    """Whether the cover, with these details, fits one page at its tightest (an estimate with
    room to spare; the writers fit the spacing and title size exactly)."""
    key = (pack.layout.paper, pack.layout.large_print)
    chars = LINE_CHARS.get(key, 56)
    used = _BAND_LINES + _lines(pack.title, chars / _TITLE_SCALE) * _TITLE_SCALE * 0.85
    used += _lines(pack.subtitle, chars / 1.3) * 1.3 + 1
    used += _lines(uk_date(pack.date), chars) + _lines(prepared_by_line(pack.prepared_by), chars)
    used += sum(_lines(f"{label}: {value}", chars) for label, value in details)
    used += 2 if pack.draft else 0
    return used <= COVER_LINES.get(key, 30)


def event_details(pack: Pack) -> list[tuple[str, str]]:
    """What a delegate needs from the cover of a handout, labelled, each once: the event (not
    when it only repeats the title), its date and time, and the venue."""
    ev = pack.event
    if pack.kind != "event-handout" or ev is None:
        return []
    name = "" if _same_words(ev.name, pack.title) else ev.name.strip()
    starts = event_when(ev.starts)
    label = "Date and time" if isinstance(ev.starts, datetime) else "Date"
    return [(k, v) for k, v in (("Event", name), (label, starts), ("Venue", ev.venue.strip())) if v]


def _keywords(pack: Pack) -> list[str]:
    """Labels of the themes the pack uses (sections first, then articles), in first-use order."""
    ids: list[str] = [s.theme for s in pack.sections if s.theme]
    for item in pack.items():
        article = pack.articles.get(item.article)
        if article is not None:
            ids.extend(article.themes)
    labels: list[str] = []
    for theme_id in ids:
        theme = pack.themes.get(theme_id)
        label = theme.label if theme is not None else theme_id
        if label and label not in labels:
            labels.append(label)
    return labels


# Characters of running title that fit one footer line beside "Page 99 of 99" (Arial at the
# footer size on the text width of each paper, with room to spare).
RUNNING_TITLE_CHARS = {("A4", False): 60, ("A4", True): 42, ("A5", False): 38, ("A5", True): 24}


def shorten(text: str, limit: int) -> str:
    """text cut at a word to at most limit characters, ending with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[: limit - 1]
    return cut.rstrip(" ,;:–—-") + "…"


def running_title(pack: Pack, edition: str = "") -> str:
    """The title in the footer of every page: `short_title` when given, else the title cut
    at a word so it never shares its line with the page number; then the edition ("Version 2
    · issued 7 December 2026", or just "Version 2" when the line is short)."""
    limit = RUNNING_TITLE_CHARS.get((pack.layout.paper, pack.layout.large_print), 38)
    title = pack.short_title.strip() or pack.title
    if not edition:
        return shorten(title, limit)
    short = edition.split(" · ")[0]
    for tag in (edition, short):
        room = limit - len(tag) - 3
        if room >= MIN_TITLE_CHARS:
            return f"{shorten(title, room)} · {tag}"
    return shorten(short, limit)


MIN_TITLE_CHARS = 12  # the least of the title worth printing beside the edition


def _meta(pack: Pack, base_dir: Path, edition: str = "") -> DocumentMeta:
    subject = pack.subtitle or KIND_LABELS.get(pack.kind, "")
    return DocumentMeta(
        title=pack.title,
        author=pack.organisation or pack.prepared_by,
        # The file's properties (Word's, the PDF's XMP, the page's description) say the version.
        subject=" · ".join(part for part in (subject, edition) if part),
        keywords=_keywords(pack),
        language="en-GB",
        marking=pack.marking,
        draft=pack.draft,
        paper=pack.layout.paper,
        large_print=pack.layout.large_print,
        template=_resolve(base_dir, pack.layout.template),
        running_title=running_title(pack, edition),
        date=pack.date,
    )


def _bullets(texts: list[str], origin: Origin) -> BulletList | None:
    """One bullet per text; `origin` is the list's place in the pack (each bullet adds its
    index)."""
    made = [
        (runs, (*origin, k))
        for k, runs in enumerate(markdown.inline_runs(t) for t in texts)
        if runs
    ]
    return (
        BulletList(items=[runs for runs, _ in made], origins=[place for _, place in made])
        if made
        else None
    )


def _agenda_blocks(pack: Pack) -> list[Block]:
    """The agenda, straight after a handout's cover (the event, date and venue are on the
    cover, so nothing repeats them here)."""
    ev = pack.event
    if pack.kind != "event-handout" or ev is None or not ev.agenda:
        return []
    rows = [[entry.time, entry.item, entry.speaker] for entry in ev.agenda]
    origins: list[Origin] = [("event", "agenda", a) for a in range(len(rows))]
    heading = Heading(1, "Agenda", anchor="agenda", origin=("event", "agenda"))
    if not any(entry.speaker for entry in ev.agenda):
        return [
            heading,
            Table(header=["Time", "Session"], rows=[r[:2] for r in rows], origins=origins),
        ]
    return [heading, Table(header=["Time", "Session", "Speaker"], rows=rows, origins=origins)]


def _about_blocks(pack: Pack) -> list[Block]:
    """The event's details, only when they would not fit on the cover."""
    details = event_details(pack)
    if not details or cover_fits(pack, details):
        return []
    return [
        Heading(1, "About the event", anchor="event", origin=("event",)),
        *(
            Paragraph([Run(f"{label}: ", bold=True), Run(value)], origin=("event",))
            for label, value in details
        ),
    ]


def item_title(item: Item, article: Article | None) -> str:
    """The heading an item is printed under: its article's title."""
    return article.title if article is not None else f"Missing article “{item.article}”"


def _item_blocks(item: Item, article: Article | None, number: str, at: Origin) -> list[Block]:
    """One item's blocks; `at` is its place in the pack ("sections", s, "items", i)."""
    title = item_title(item, article)
    by: Origin = ("articles", item.article)
    out: list[Block] = [
        Heading(
            2,
            title,
            anchor=f"item-{number}",
            origin=(*by, "title") if article is not None else (*at, "article"),
        )
    ]
    if article is not None:
        line = byline(article)
        if line:
            out.append(Paragraph([Run(line)], role="byline", origin=by))
    lang = item_language(item)
    out.extend(in_language(lang, markdown.blocks(item.summary, origin=(*at, "summary"))))
    implications = _bullets(item.implications, (*at, "implications"))
    if implications:
        out += [
            Heading(3, IMPLICATIONS_HEADING, in_contents=False, origin=(*at, "implications")),
            *in_language(lang, [implications]),
        ]
    quotes = [(q, quote) for q, quote in enumerate(item.quotes) if quote.text.strip()]
    if quotes:
        out.append(Heading(3, QUOTES_HEADING, in_contents=False, origin=(*at, "quotes")))
        for q, quote in quotes:
            out.append(
                BlockQuote(
                    runs=[Run(quote.text.strip(), lang=lang)],
                    attribution=attribution(article, quote.page, quote.by),
                    origin=(*at, "quotes", q, "text"),
                )
            )
    questions = _bullets(item.questions, (*at, "questions"))
    if questions:
        out += [
            Heading(3, QUESTIONS_HEADING, in_contents=False, origin=(*at, "questions")),
            *in_language(lang, [questions]),
        ]
    return out


def item_language(item: Item) -> str:
    """The language an item's own words are printed as when not the briefing's English: "cy"
    for an item marked Welsh (its headings, title and byline stay English)."""
    return "" if item.language in ("", "en") else item.language


def in_language(lang: str, blocks: Sequence[Block]) -> list[Block]:
    """`blocks` with every run marked as written in `lang` ("" leaves them as they are)."""
    if not lang:
        return list(blocks)
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph | BlockQuote):
            block = replace(block, runs=[replace(r, lang=lang) for r in block.runs])
        elif isinstance(block, BulletList):
            block = replace(
                block, items=[[replace(r, lang=lang) for r in runs] for runs in block.items]
            )
        out.append(block)
    return out


def _contact_blocks(pack: Pack) -> list[Block]:
    contact = pack.contact
    if contact.is_empty():
        return []
    out: list[Block] = [
        Heading(1, "Contact", anchor="contact", origin=("contact",)),
        Paragraph([Run("For more information about this briefing, contact:")], origin=("contact",)),
    ]
    if contact.name:
        out.append(Paragraph([Run(contact.name, bold=True)], origin=("contact", "name")))
    if contact.email:
        out.append(
            Paragraph(
                [Run("Email: "), Run(contact.email, href=f"mailto:{contact.email}")],
                origin=("contact", "email"),
            )
        )
    if contact.phone:
        out.append(Paragraph([Run(f"Telephone: {contact.phone}")], origin=("contact", "phone")))
    return out


def compose(pack: Pack, base_dir: Path, audience: str | None = None) -> Document:
    """The whole briefing as `audience` sees it (None: the full version), in printed order;
    paths (logo, template) resolve against base_dir."""
    return compose_version(for_audience(pack, audience), base_dir)


def compose_version(
    version: Version,
    base_dir: Path,
    *,
    edition: str = "",
    changes: Sequence[Block] = (),
    only: Mapping[tuple[int, int], str] | None = None,
    title: str = "",
    subtitle: str = "",
) -> Document:
    """A version's document: reads only the filtered pack and what was withheld from it.

    `edition` says which issued version it is (cover, footer, properties); `changes` is a
    "Changes since version N" page, placed before the first section; `only` makes a supplement:
    just the items at these (section, item) places, numbered as in the full briefing, each with
    its note under its heading ("New since version 1."; "" for none), without the introduction
    and key messages, under `title` and `subtitle`."""
    pack = version.pack
    if title or subtitle:
        pack = replace(
            pack,
            title=title or pack.title,
            subtitle=subtitle or pack.subtitle,
            short_title="" if title else pack.short_title,
        )
    handout = pack.kind == "event-handout"
    summary = version.form == "summary"
    blocks: list[Block] = []
    marking = marking_statement(pack.marking)
    if marking and not summary:
        blocks.append(Paragraph([Run(marking)], role="note", origin=("classification",)))
    if pack.draft:
        blocks.append(Paragraph([Run(DRAFT_NOTE, bold=True)], role="note", origin=("draft",)))
    # The summary says it all in one note, so its front matter stays short.
    notes = (marking, SUMMARY_NOTE) if summary else ()
    statement = " ".join(t for t in (*notes, withheld_statement(version)) if t)
    if statement:
        blocks.append(
            Paragraph([Run(statement)], role="note", origin=("classification",) if notes else ())
        )
    # A delegate's first question is "what happens when": the agenda leads a handout.
    blocks.extend(_about_blocks(pack))
    blocks.extend(_agenda_blocks(pack))
    if not summary and wants_contents(pack):
        blocks.append(Contents())
    if only is None:
        blocks.extend(markdown.blocks(pack.intro, first_role="lead", origin=("intro",)))
        key_messages = _bullets(pack.key_messages, ("key_messages",))
        if key_messages:
            blocks += [
                Heading(1, "Key messages", anchor="key-messages", origin=("key_messages",)),
                key_messages,
            ]
    blocks.extend(changes)  # what changed, before the sections it is about
    if summary:
        blocks.extend(_summary_blocks(pack, only))
    else:
        # The marking and draft notes lead the first page of text: they never take a page alone.
        front = any(not (isinstance(b, Paragraph) and b.role == "note") for b in blocks)
        blocks.extend(_full_blocks(pack, handout, front, only))
    blocks.extend(_contact_line(pack) if summary else _contact_blocks(pack))
    document = Document(
        meta=_meta(pack, base_dir, edition), cover=_cover(pack, base_dir, edition), blocks=blocks
    )
    return storable_copy(document)


def _contact_line(pack: Pack) -> list[Block]:
    """The summary's contact details: one line, so the summary stays within its pages."""
    contact = pack.contact
    if contact.is_empty():
        return []
    runs = [Run("Contact: ", bold=True)]
    parts: list[Run] = [Run(text) for text in (contact.name, contact.phone) if text]
    if contact.email:
        parts.insert(1 if contact.name else 0, Run(contact.email, href=f"mailto:{contact.email}"))
    for n, run in enumerate(parts):
        runs += [Run(", ")] if n else []
        runs.append(run)
    return [Paragraph(runs, origin=("contact",))]


def _summary_blocks(pack: Pack, only: Mapping[tuple[int, int], str] | None = None) -> list[Block]:
    """Each section's items as one bullet each: the title (linked to the article) and one line
    (with `only`, just the items at those places)."""
    blocks: list[Block] = []
    for s_no, section in enumerate(pack.sections, 1):
        lines: list[list[Run]] = []
        origins: list[Origin] = []
        for i, item in enumerate(section.items):
            if only is not None and (s_no, i + 1) not in only:
                continue
            origins.append(("sections", s_no - 1, "items", i, "summary"))
            article = pack.articles.get(item.article)
            title = article.title if article is not None else item.article
            runs = [Run(title, bold=True, href=article.url if article is not None else "")]
            lang = item_language(item)
            if item.summary and lang:
                runs += [Run(": "), Run(item.summary, lang=lang)]
            elif item.summary:
                runs.append(Run(f": {item.summary}"))
            lines.append(runs)
        if lines:
            blocks += [
                Heading(
                    2, section.title, anchor=f"sec-{s_no}", origin=("sections", s_no - 1, "title")
                ),
                BulletList(items=lines, origins=origins),
            ]
    # The sections sit under one heading, at the smaller level, so the summary stays short.
    return [Heading(1, SUMMARY_HEADING, anchor="in-brief"), *blocks] if blocks else []


def _full_blocks(
    pack: Pack, handout: bool, after_front: bool, only: Mapping[tuple[int, int], str] | None = None
) -> list[Block]:
    """Every section and item, then the sources. With `only` (a supplement), just the items at
    those places and their sections, each headed with its number in the full briefing ("2.3"),
    so members can find where it belongs, and its note ("Item 2.2 in version 1.") under it."""
    blocks: list[Block] = []
    used: dict[str, None] = {}  # the articles cited, in order (a dict: found in one step)

    def new_page() -> None:
        # Handouts print one article per page so pages can be picked out or printed two-up; a
        # heading with nothing under it (an empty section) stays with what follows instead.
        if handout and (blocks or after_front) and not (blocks and isinstance(blocks[-1], Heading)):
            blocks.append(PageBreak())

    for s_no, section in enumerate(pack.sections, 1):
        kept = [
            (i_no, item)
            for i_no, item in enumerate(section.items, 1)
            if only is None or (s_no, i_no) in only
        ]
        if only is not None and not kept:
            continue
        new_page()
        at: Origin = ("sections", s_no - 1)
        title = section.title if only is None else f"{s_no}. {section.title}"
        blocks.append(Heading(1, title, anchor=f"sec-{s_no}", origin=(*at, "title")))
        if only is None:
            blocks.extend(markdown.blocks(section.intro, origin=(*at, "intro")))
        for n, (i_no, item) in enumerate(kept):
            if handout and n:
                blocks.append(PageBreak())
            article = pack.articles.get(item.article)
            if article is not None:
                used.setdefault(item.article)
            made = _item_blocks(item, article, f"{s_no}-{i_no}", (*at, "items", i_no - 1))
            if only is not None and isinstance(made[0], Heading):
                made[0] = replace(made[0], text=f"{s_no}.{i_no} {made[0].text}")
                if only[s_no, i_no]:
                    made.insert(1, Paragraph([Run(only[s_no, i_no])], role="byline"))
            blocks.extend(made)

    if used:
        new_page()
        blocks.append(Heading(1, "Sources", anchor="sources", origin=("articles",)))
        blocks.extend(
            Paragraph(runs, role="reference", origin=("articles",))
            for runs in sources_list([pack.articles[key] for key in used])
        )
    return blocks
