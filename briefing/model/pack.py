"""The pack: cover details, sections of items, and the articles and themes they use.

These dataclasses mirror pack format 1 (see docs/pack-format.md). They hold data
only: loading, validation and saving live in `briefing.packfile`, printing in `briefing.compose`.
Empty strings and empty lists stand for "not given"; `None` is used where a value has no empty form
(dates, optional sub-records).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date, datetime

KINDS = ("member-briefing", "event-handout")
CLASSIFICATIONS = ("OFFICIAL", "OFFICIAL-SENSITIVE", "none")
PAPERS = ("A4", "A5")
SCHEDULES = ("12A", "7A")  # see briefing.model.schedules
EXEMPT_CHOICES = ("include", "withhold")
FORMS = ("full", "summary")
# Audiences every pack knows, with built-in meanings (briefing.compose.audience), whether or not
# the pack lists them under `audiences`; `members` is the full version.
BUILT_IN_AUDIENCES = ("members", "public", "summary")
FULL_AUDIENCE = "members"


@dataclass
class Contact:
    name: str = ""
    email: str = ""
    phone: str = ""

    def is_empty(self) -> bool:
        return not (self.name or self.email or self.phone)


@dataclass
class Layout:
    paper: str = "A4"
    large_print: bool = False
    template: str = ""  # path relative to the pack file; "" = the bundled reference template
    logo: str = ""  # path relative to the pack file
    logo_alt: str = ""


@dataclass
class Budget:
    """How long the pack may be: None means no limit (pages of the real PDF, printed words)."""

    pages: int | None = None
    words: int | None = None

    def is_empty(self) -> bool:
        return self.pages is None and self.words is None


@dataclass
class AgendaEntry:
    time: str
    item: str
    speaker: str = ""


@dataclass
class Event:
    name: str = ""
    venue: str = ""
    starts: datetime | date | None = None
    agenda: list[AgendaEntry] = field(default_factory=list)


@dataclass
class Quote:
    text: str
    page: str = ""  # as written: "177", "176-7", "p.12"
    by: str = ""  # who said it, when not the article's authors (e.g. the book's editors)


@dataclass
class Exemption:
    """Why a section or item is exempt information: a paragraph of the pack's schedule."""

    paragraph: int  # 1-7 under Schedule 12A, 1-15 under Schedule 7A
    reason: str = ""  # a short reason, for the record of what was withheld (never printed)


@dataclass
class Item:
    article: str  # a key of Pack.articles
    summary: str = ""
    implications: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    short_summary: str = ""  # the one line the summary version prints; "" = first sentence
    exempt: Exemption | None = None
    audiences: list[str] = field(default_factory=list)  # [] = every audience
    language: str = ""  # "cy" for an item written in Welsh; "" = English (UK)


@dataclass
class Section:
    title: str
    theme: str = ""  # a key of Pack.themes, or ""
    intro: str = ""
    items: list[Item] = field(default_factory=list)
    exempt: Exemption | None = None


@dataclass
class Audience:
    """One version the pack builds. Empty values take the defaults of the audience's name
    (see briefing.compose.audience): `members` includes exempt items, `summary` is short."""

    subtitle: str = ""
    classification: str = ""  # "" = the pack's own
    budget: Budget | None = None  # None = the pack's own
    exempt: str = ""  # "include" | "withhold" | "" (the name's default)
    form: str = ""  # "full" | "summary" | "" (the name's default)


@dataclass
class Article:
    title: str
    authors: list[str] = field(default_factory=list)
    source: str = ""
    published: date | None = None
    url: str = ""
    doi: str = ""
    reference: str = ""
    themes: list[str] = field(default_factory=list)
    body: str = ""  # optional copy of the article's text, for reference while editing
    accessed: date | None = None  # when an online article was read, for "(Accessed: …)"


@dataclass
class Theme:
    label: str
    colour: str = ""  # "#RRGGBB" or ""


@dataclass
class Pack:
    title: str
    sections: list[Section] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    subtitle: str = ""
    kind: str = "member-briefing"
    date: date | None = None
    organisation: str = ""
    prepared_by: str = ""
    contact: Contact = field(default_factory=Contact)
    classification: str = "none"
    draft: bool = False
    layout: Layout = field(default_factory=Layout)
    budget: Budget = field(default_factory=Budget)
    intro: str = ""
    key_messages: list[str] = field(default_factory=list)
    event: Event | None = None
    exempt_schedule: str = "12A"
    audiences: dict[str, Audience] = field(default_factory=dict)
    format: int = 1
    short_title: str = ""  # for the running footer, when the title is too long for it
    ignore_words: list[str] = field(default_factory=list)  # spell check passes them in this pack

    def items(self) -> list[Item]:
        """Every item in printed order."""
        return [item for section in self.sections for item in section.items]

    @property
    def marking(self) -> str:
        """The protective marking to print, or "" when the pack has none."""
        return "" if self.classification == "none" else self.classification
