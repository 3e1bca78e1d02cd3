"""A handout serves delegates: the cover says event, date and time, and venue once, with labels;
the agenda comes straight after the cover; nothing repeats the cover or the title."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from briefing.compose import compose
from briefing.document import Heading, Paragraph, Table
from briefing.model import AgendaEntry, Article, Event, Item, Layout, Pack, Section


def _handout(event_name: str) -> Pack:
    items = [Item(article=f"a{n}", summary="Read it.") for n in range(4)]
    return Pack(
        title="Winter resilience workshop",
        kind="event-handout",
        intro="Welcome.",
        key_messages=["Plan early."],
        layout=Layout(paper="A5"),
        event=Event(
            name=event_name,
            venue="Civic Offices, Riverside",
            starts=datetime(2025, 11, 4, 9, 30),
            agenda=[AgendaEntry("09:30", "Welcome", "Chair")],
        ),
        sections=[Section(title="Reading", items=items)],
        articles={f"a{n}": Article(title=f"Article {n}") for n in range(4)},
    )


def test_cover_labels_each_detail_once() -> None:
    doc = compose(_handout("Parish emergency planning day"), Path("."))
    assert doc.cover.details == [
        ("Event", "Parish emergency planning day"),
        ("Date and time", "4 November 2025, 09:30"),
        ("Venue", "Civic Offices, Riverside"),
    ]
    text = " ".join("".join(r.text for r in b.runs) for b in doc.blocks if isinstance(b, Paragraph))
    assert "Civic Offices" not in text  # not repeated in an "About the event" section


def test_event_name_that_repeats_the_title_is_not_printed_twice() -> None:
    doc = compose(_handout("The winter resilience workshop"), Path("."))
    assert [label for label, _ in doc.cover.details] == ["Date and time", "Venue"]


def test_agenda_comes_straight_after_the_cover_before_contents_and_articles() -> None:
    blocks = compose(_handout("Planning day"), Path(".")).blocks
    assert isinstance(blocks[0], Heading) and blocks[0].text == "Agenda"
    assert isinstance(blocks[1], Table)
    kinds = [type(b).__name__ for b in blocks[2:4]]
    assert kinds[0] == "Contents"
