"""Checked plain data to the Pack dataclasses (run only once the data has no problems)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.model.pack import (
    AgendaEntry,
    Article,
    Audience,
    Budget,
    Contact,
    Event,
    Exemption,
    Item,
    Layout,
    Pack,
    Quote,
    Section,
    Theme,
)
from briefing.packfile.checks import parse_date, parse_starts

if TYPE_CHECKING:
    from datetime import date


def to_pack(data: dict[str, Any]) -> Pack:
    event = data.get("event")
    return Pack(
        format=data["briefing_pack"],
        title=data["title"],
        subtitle=data.get("subtitle", ""),
        short_title=data.get("short_title", ""),
        kind=data.get("kind", "member-briefing"),
        date=_date(data.get("date")),
        organisation=data.get("organisation", ""),
        prepared_by=data.get("prepared_by", ""),
        contact=Contact(**data.get("contact", {})),
        classification=data.get("classification", "none"),
        draft=data.get("draft", False),
        layout=Layout(**data.get("layout", {})),
        budget=_budget(data.get("budget", {})),
        intro=data.get("intro", ""),
        key_messages=list(data.get("key_messages", [])),
        event=_event(event) if event is not None else None,
        exempt_schedule=data.get("exempt_schedule", "12A"),
        audiences={name: _audience(a or {}) for name, a in data.get("audiences", {}).items()},
        sections=[_section(s) for s in data["sections"]],
        articles={key: _article(a) for key, a in data.get("articles", {}).items()},
        themes={key: Theme(**t) for key, t in data.get("themes", {}).items()},
        ignore_words=list(data.get("ignore_words", [])),
    )


def _budget(data: dict[str, Any]) -> Budget:
    # 4.0 passes the schema as a whole number; the model holds ints.
    return Budget(**{k: int(v) for k, v in data.items()})


def _audience(data: dict[str, Any]) -> Audience:
    budget = data.get("budget")
    return Audience(
        subtitle=data.get("subtitle", ""),
        classification=data.get("classification", ""),
        budget=_budget(budget) if budget is not None else None,
        exempt=data.get("exempt", ""),
        form=data.get("form", ""),
    )


def _exemption(data: dict[str, Any] | None) -> Exemption | None:
    if data is None:
        return None
    return Exemption(paragraph=int(data["paragraph"]), reason=data.get("reason", ""))


def _date(value: str | None) -> date | None:
    return parse_date(value) if value else None


def _event(data: dict[str, Any]) -> Event:
    starts = data.get("starts")
    return Event(
        name=data.get("name", ""),
        venue=data.get("venue", ""),
        starts=parse_starts(starts) if starts else None,
        agenda=[AgendaEntry(**entry) for entry in data.get("agenda", [])],
    )


def _section(data: dict[str, Any]) -> Section:
    return Section(
        title=data["title"],
        theme=data.get("theme", ""),
        intro=data.get("intro", ""),
        items=[_item(i) for i in data.get("items", [])],
        exempt=_exemption(data.get("exempt")),
    )


def _item(data: dict[str, Any]) -> Item:
    return Item(
        article=data["article"],
        summary=data.get("summary", ""),
        short_summary=data.get("short_summary", ""),
        implications=list(data.get("implications", [])),
        quotes=[
            Quote(text=q["text"], page=str(q.get("page", "")), by=q.get("by", ""))
            for q in data.get("quotes", [])
        ],
        questions=list(data.get("questions", [])),
        exempt=_exemption(data.get("exempt")),
        audiences=list(data.get("audiences", [])),
        language=data.get("language", ""),
    )


def _author(value: str | dict[str, str]) -> str:
    """A name given in parts becomes "Family, Given", the form citations always read literally."""
    if isinstance(value, dict):
        given = value.get("given", "").strip()
        return f"{value['family'].strip()}, {given}".strip()
    return value


def _article(data: dict[str, Any]) -> Article:
    fields = dict(data)
    fields["published"] = _date(fields.get("published"))
    fields["accessed"] = _date(fields.get("accessed"))
    fields["authors"] = [_author(a) for a in fields.get("authors", [])]
    fields["themes"] = list(fields.get("themes", []))
    return Article(**fields)
