"""Pack to YAML text: block style, the canonical key order, multi-line text as `|` blocks.

The output is stable (the same pack always gives the same text) so packs diff well in git, and
loading it gives back an equal Pack. Keys holding empty or default values are left out.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from briefing.model.pack import (
        Article,
        Audience,
        Budget,
        Event,
        Exemption,
        Item,
        Layout,
        Pack,
        Section,
    )


class _Dumper(yaml.SafeDumper):
    """Indents lists under their key (as the format page shows) and never writes aliases."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def choose_scalar_style(self) -> str:
        # PyYAML gives up on `|` when a line ends in spaces (a Markdown hard break) and falls
        # back to one long quoted line; a literal block keeps such spaces exactly, so keep it.
        event: Any = self.event
        if event.style == "|" and not self.flow_level and not self.simple_key_context:
            if self.analysis is None:
                self.analysis = self.analyze_scalar(event.value)
            return "|"
        return super().choose_scalar_style()


# Characters YAML reads back differently unless escaped (line-break variants, the byte-order
# mark): text holding them is written double-quoted, where the emitter escapes them.
_NOT_IN_BLOCKS = ("\r", "\x85", "\u2028", "\u2029", "\ufeff")
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = None
    if any(c in text for c in _NOT_IN_BLOCKS) or _NON_PRINTABLE.search(text):
        style = '"'  # escaped, so nothing is read back as a different line break
    elif "\n" in text:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_pack(pack: Pack) -> str:
    return yaml.dump(
        pack_to_data(pack),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,  # never fold long lines: one line of text stays one line
        indent=2,
    )


def pack_to_data(pack: Pack) -> dict[str, Any]:
    """Plain data in the canonical key order of the format page."""
    out: dict[str, Any] = {"briefing_pack": pack.format, "title": pack.title}
    _put(out, "short_title", pack.short_title)
    _put(out, "subtitle", pack.subtitle)
    _put(out, "kind", pack.kind, default="member-briefing")
    _put(out, "date", pack.date)  # a date object: written plain, 2025-11-04
    _put(out, "organisation", pack.organisation)
    _put(out, "prepared_by", pack.prepared_by)
    contact: dict[str, Any] = {}
    for key in ("name", "email", "phone"):
        _put(contact, key, getattr(pack.contact, key))
    _put(out, "contact", contact)
    _put(out, "classification", pack.classification, default="none")
    _put(out, "draft", pack.draft, default=False)
    _put(out, "layout", _layout(pack.layout))
    _put(out, "budget", _budget(pack.budget))
    _put(out, "intro", pack.intro)
    _put(out, "key_messages", list(pack.key_messages))
    if pack.event is not None:
        out["event"] = _event(pack.event)
    _put(out, "exempt_schedule", pack.exempt_schedule, default="12A")
    _put(out, "audiences", {name: _audience(a) for name, a in pack.audiences.items()})
    out["sections"] = [_section(s) for s in pack.sections]
    _put(out, "articles", {key: _article(a) for key, a in pack.articles.items()})
    themes = {}
    for key, theme in pack.themes.items():
        entry: dict[str, Any] = {"label": theme.label}
        _put(entry, "colour", theme.colour)
        themes[key] = entry
    _put(out, "themes", themes)
    _put(out, "ignore_words", list(pack.ignore_words))
    return out


def _put(out: dict[str, Any], key: str, value: Any, default: Any = None) -> None:
    """Set key unless the value is empty or the default."""
    if value is None or (isinstance(value, (str, list, dict)) and not value):
        return
    if default is not None and value == default:
        return
    out[key] = value


def _budget(budget: Budget) -> dict[str, Any]:
    return {key: value for key in ("pages", "words") if (value := getattr(budget, key)) is not None}


def _audience(audience: Audience) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("subtitle", "classification"):
        _put(out, key, getattr(audience, key))
    if audience.budget is not None:
        out["budget"] = _budget(audience.budget)
    for key in ("exempt", "form"):
        _put(out, key, getattr(audience, key))
    return out


def _exemption(exempt: Exemption) -> dict[str, Any]:
    out: dict[str, Any] = {"paragraph": exempt.paragraph}
    _put(out, "reason", exempt.reason)
    return out


def _layout(layout: Layout) -> dict[str, Any]:
    out: dict[str, Any] = {}
    _put(out, "paper", layout.paper, default="A4")
    _put(out, "large_print", layout.large_print, default=False)
    for key in ("template", "logo", "logo_alt"):
        _put(out, key, getattr(layout, key))
    return out


def _event(event: Event) -> dict[str, Any]:
    out: dict[str, Any] = {}
    _put(out, "name", event.name)
    _put(out, "venue", event.venue)
    _put(out, "starts", _starts(event.starts))
    agenda = []
    for entry in event.agenda:
        row: dict[str, Any] = {"time": entry.time, "item": entry.item}
        _put(row, "speaker", entry.speaker)
        agenda.append(row)
    _put(out, "agenda", agenda)
    return out


def _starts(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(
            timespec="minutes" if value.second == value.microsecond == 0 else "auto"
        )
    return value.isoformat()


def _section(section: Section) -> dict[str, Any]:
    out: dict[str, Any] = {"title": section.title}
    if section.exempt is not None:
        out["exempt"] = _exemption(section.exempt)
    _put(out, "theme", section.theme)
    _put(out, "intro", section.intro)
    _put(out, "items", [_item(i) for i in section.items])
    return out


def _item(item: Item) -> dict[str, Any]:
    out: dict[str, Any] = {"article": item.article}
    if item.exempt is not None:
        out["exempt"] = _exemption(item.exempt)
    _put(out, "audiences", list(item.audiences))
    _put(out, "language", item.language)
    _put(out, "summary", item.summary)
    _put(out, "short_summary", item.short_summary)
    _put(out, "implications", list(item.implications))
    quotes = []
    for quote in item.quotes:
        row: dict[str, Any] = {"text": quote.text}
        # "177" goes back as the number it was typed as; "176-7" or "p.12" stay text.
        page: Any = quote.page
        if page.isascii() and page.isdigit() and str(int(page)) == page:
            page = int(page)
        _put(row, "page", page)
        _put(row, "by", quote.by)
        quotes.append(row)
    _put(out, "quotes", quotes)
    _put(out, "questions", list(item.questions))
    return out


def _article(article: Article) -> dict[str, Any]:
    out: dict[str, Any] = {"title": article.title}
    _put(out, "authors", list(article.authors))
    _put(out, "source", article.source)
    _put(out, "published", article.published)
    _put(out, "accessed", article.accessed)
    for key in ("url", "doi", "reference"):
        _put(out, key, getattr(article, key))
    _put(out, "themes", list(article.themes))
    _put(out, "body", article.body)
    return out
