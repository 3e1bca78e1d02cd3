"""Audience versions: the one place that decides what each version of a pack may contain.

`for_audience(pack, name)` returns a Version: a new Pack holding only what that audience may
see (exempt and other audiences' items gone, with every article and theme only they used), the
audience's own subtitle, marking and budget, and a record of what was left out. Everything
downstream (compose, word counts, every writer) reads only the filtered pack, so nothing of a
withheld item can reach a file.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from briefing.model import Budget, Pack
from briefing.model.pack import FULL_AUDIENCE
from briefing.model.schedules import Schedule, schedule
from briefing.model.versions import audience_choices, settings
from briefing.uk.wording import and_list, plural

if TYPE_CHECKING:
    from briefing.packfile.positions import PathKey

SUMMARY_PAGES = 2  # the built-in summary's page budget, unless the pack sets one


@dataclass(frozen=True)
class Withheld:
    """One section or item left out of a version, and the rule that left it out."""

    section: int  # 1-based position in the full pack
    item: int | None  # 1-based within the section; None for a whole section
    title: str  # the article's or section's title (for the council's record only)
    article: str  # article id ("" for a section)
    paragraph: int | None  # the schedule paragraph, or None when left out by `audiences`
    reason: str  # the exemption's reason, or which audiences the item is limited to
    items: int = 1  # items this entry stands for (a withheld section counts its items)

    @property
    def place(self) -> str:
        return f"section {self.section}" + (f", item {self.item}" if self.item else "")


@dataclass
class Version:
    """A pack as one audience sees it."""

    name: str
    pack: Pack  # the filtered pack: the only thing compose and the writers see
    form: str  # "full" | "summary"
    withholds_exempt: bool
    schedule: Schedule
    withheld: list[Withheld] = field(default_factory=list)
    # Where each kept section and item sits in the full pack (0-based), for in_pack().
    sections_at: list[int] = field(default_factory=list)
    items_at: list[list[int]] = field(default_factory=list)
    own_keys: frozenset[str] = frozenset()  # the keys the audience sets itself (subtitle …)

    @property
    def is_full(self) -> bool:
        return self.name == FULL_AUDIENCE

    def in_pack(self, path: PathKey) -> PathKey:
        """A place in this version's pack as a place in the pack file: sections and items are
        numbered as the file numbers them, and a subtitle or marking the audience sets is
        found under its own entry."""
        if (
            len(path) >= 2
            and path[0] == "sections"
            and isinstance(path[1], int)
            and path[1] < len(self.sections_at)
        ):
            s = path[1]
            rest = path[2:]
            if (
                len(rest) >= 2
                and rest[0] == "items"
                and isinstance(rest[1], int)
                and rest[1] < len(self.items_at[s])
            ):
                rest = ("items", self.items_at[s][rest[1]], *rest[2:])
            return ("sections", self.sections_at[s], *rest)
        if path and path[0] in self.own_keys:
            return ("audiences", self.name, *path)
        return path

    def exempt_counts(self) -> dict[int, int]:
        """Items withheld under each paragraph, in paragraph order."""
        counts: Counter[int] = Counter()
        for entry in self.withheld:
            if entry.paragraph is not None:
                counts[entry.paragraph] += entry.items
        return dict(sorted(counts.items()))

    def other_audience_items(self) -> int:
        return sum(entry.items for entry in self.withheld if entry.paragraph is None)


def for_audience(pack: Pack, name: str | None = None) -> Version:
    """The pack as audience `name` sees it (None: the full `members` version)."""
    name = name or FULL_AUDIENCE
    audience, withhold, form = settings(pack, name)
    chosen = schedule(pack.exempt_schedule)
    withheld: list[Withheld] = []
    sections = []
    sections_at: list[int] = []
    items_at: list[list[int]] = []
    for s_no, section in enumerate(pack.sections, 1):
        if withhold and section.exempt is not None:
            withheld.append(
                Withheld(
                    s_no,
                    None,
                    section.title,
                    "",
                    section.exempt.paragraph,
                    section.exempt.reason,
                    max(1, len(section.items)),
                )
            )
            continue
        kept = []
        kept_at: list[int] = []
        for i_no, item in enumerate(section.items, 1):
            title = _title(pack, item.article)
            if withhold and item.exempt is not None:
                withheld.append(
                    Withheld(
                        s_no, i_no, title, item.article, item.exempt.paragraph, item.exempt.reason
                    )
                )
            elif item.audiences and name not in item.audiences:
                withheld.append(
                    Withheld(
                        s_no,
                        i_no,
                        title,
                        item.article,
                        None,
                        "limited to " + ", ".join(item.audiences),
                    )
                )
            else:
                kept.append(item)
                kept_at.append(i_no - 1)
        # A section whose items all went goes too: its title and intro are about them.
        if kept or not section.items:
            sections.append(replace(section, items=kept))
            sections_at.append(s_no - 1)
            items_at.append(kept_at)
    # A new pack of new lists (the caller's pack is never changed); unchanged records are shared.
    out = _keep_only_used(replace(pack, sections=sections))
    if audience.subtitle:
        out.subtitle = audience.subtitle
    if audience.classification:
        out.classification = audience.classification
    if audience.budget is not None:
        out.budget = replace(audience.budget)
    elif form == "summary" and name == "summary" and out.budget.pages is None:
        out.budget = Budget(pages=SUMMARY_PAGES, words=out.budget.words)
    if form == "summary":
        out = _shorten(out)
    own = frozenset(
        key
        for key, value in (
            ("subtitle", audience.subtitle),
            ("classification", audience.classification),
            ("budget", audience.budget),
        )
        if value
    )
    return Version(name, out, form, withhold, chosen, withheld, sections_at, items_at, own)


def versions_leaving_out(pack: Pack, section: int, item: int) -> list[str]:
    """The versions the app offers (audience_choices) that leave out item `item` of section
    `section` (both 1-based), as for_audience decides: exempt, or limited to other audiences."""
    names = []
    for name, _ in audience_choices(pack):
        if any(
            entry.section == section and entry.item in (None, item)
            for entry in for_audience(pack, name).withheld
        ):
            names.append(name)
    return names


def _title(pack: Pack, article_id: str) -> str:
    article = pack.articles.get(article_id)
    return article.title if article is not None else article_id


def _keep_only_used(pack: Pack) -> Pack:
    """Drop articles no kept item cites and themes nothing kept uses, so no property,
    keyword or source list can mention them."""
    used = {item.article for item in pack.items()}
    articles = {key: a for key, a in pack.articles.items() if key in used}
    themes = {s.theme for s in pack.sections if s.theme}
    themes.update(t for a in articles.values() for t in a.themes)
    return replace(
        pack,
        articles=articles,
        audiences={},
        themes={key: t for key, t in pack.themes.items() if key in themes},
    )


def _shorten(pack: Pack) -> Pack:
    """The summary form: each item keeps one line; nothing else of it is printed."""
    sections = [
        replace(
            section,
            intro="",
            items=[
                replace(
                    item,
                    summary=one_line(item.short_summary or item.summary),
                    short_summary="",
                    implications=[],
                    quotes=[],
                    questions=[],
                )
                for item in section.items
            ],
        )
        for section in pack.sections
    ]
    articles = {key: replace(a, body="") for key, a in pack.articles.items()}
    return replace(pack, intro="", sections=sections, articles=articles)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z0-9“\"‘'(])")


def one_line(text: str) -> str:
    """The first sentence of a summary, as plain text ("" for none)."""
    from briefing.compose.markdown import plain_text  # the Markdown reader loads when needed

    plain = " ".join(plain_text(text).split())
    if not plain:
        return ""
    match = _SENTENCE_END.search(plain)
    return plain[: match.start()].strip() if match else plain


def withheld_statement(version: Version) -> str:
    """What a version says about what it leaves out, without any of its content:
    "2 items withheld under paragraph 3 of Schedule 12A to the Local Government Act 1972."."""
    sentences = []
    counts = version.exempt_counts()
    total = sum(counts.values())
    if len(counts) == 1:
        ((paragraph, _),) = counts.items()
        sentences.append(
            f"{plural(total, 'item')} withheld under paragraph {paragraph} of "
            f"{version.schedule.name}."
        )
    elif counts:
        parts = [f"{n:,} under paragraph {p}" for p, n in counts.items()]
        sentences.append(
            f"{plural(total, 'item')} withheld under {version.schedule.name}: {and_list(parts)}."
        )
    elif version.withholds_exempt:
        sentences.append("No exempt items were withheld from this version.")
    elsewhere = version.other_audience_items()
    if elsewhere:
        sentences.append(
            f"{plural(elsewhere, 'item')} "
            f"{'is' if elsewhere == 1 else 'are'} only in other versions."
        )
    return " ".join(sentences)
