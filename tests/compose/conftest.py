"""Packs built in code for the composition tests (plain data, no files)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from briefing.model import (
    AgendaEntry,
    Article,
    Contact,
    Event,
    Item,
    Layout,
    Pack,
    Quote,
    Section,
    Theme,
)


def build_pack(**overrides: object) -> Pack:
    """A two-section member briefing using every key of the format; override what a test needs."""
    articles = {
        "small-councils": Article(
            title="How small councils coped with two emergencies",
            authors=["Paul Joyce"],
            source="INLOGOV blog",
            published=date(2025, 11, 1),
            url="https://example.org/small-councils",
            doi="10.1007/978-3-032-01897-7",
            reference="Balík, S. and Špaček, D. (eds.) (2026) Fragmented local government and crises",
            themes=["crisis"],
        ),
        "intervention": Article(
            title="A third model of intervention",
            authors=["Jason Lowther", "Paul Joyce", "Philip Whiteman"],
            source="INLOGOV blog",
            published=date(2025, 10, 16),
            url="https://example.org/intervention",
            themes=["reform"],
        ),
        "unused": Article(title="An article nobody chose"),
    }
    sections = [
        Section(
            title="Crisis and resilience",
            theme="crisis",
            intro="Why size matters in an emergency.",
            items=[
                Item(
                    article="small-councils",
                    summary="Small councils acted **quickly**.\n\nA second paragraph.",
                    implications=["Keep local knowledge", "Plan with *community* groups"],
                    quotes=[Quote(text="We did what we could with what we had", page="177")],
                    questions=["Who would we call first?"],
                )
            ],
        ),
        Section(
            title="Reform",
            theme="reform",
            items=[
                Item(
                    article="intervention",
                    summary="Intervention has changed twice.",
                    implications=["Tailor recovery plans"],
                    quotes=[Quote(text="One size does not fit all", page="12-13")],
                )
            ],
        ),
    ]
    values: dict[str, object] = dict(
        title="Resilience and reform",
        subtitle="Briefing for members",
        date=date(2025, 11, 4),
        organisation="Example Borough Council",
        prepared_by="Policy Team",
        contact=Contact(name="A. Officer", email="policy@example.gov.uk", phone="01234 567890"),
        classification="OFFICIAL",
        intro="Why this pack.\n\nHow to use it.",
        key_messages=["Small is **quick**", "Evidence first"],
        sections=sections,
        articles=articles,
        themes={"crisis": Theme(label="Crisis and resilience"), "reform": Theme(label="Reform")},
        layout=Layout(logo="images/logo.png", logo_alt="Example Borough Council logo"),
    )
    values.update(overrides)
    return Pack(**values)  # type: ignore[arg-type]


def build_handout(**overrides: object) -> Pack:
    event = Event(
        name="21st Century Councillor",
        venue="Andover",
        starts=datetime(2025, 11, 4, 10, 0),
        agenda=[
            AgendaEntry("10:00", "Welcome", "Chair"),
            AgendaEntry("10:15", "What councillors told us", ""),
        ],
    )
    values: dict[str, object] = dict(kind="event-handout", event=event, layout=Layout(paper="A5"))
    values.update(overrides)
    return build_pack(**values)


@pytest.fixture
def pack() -> Pack:
    return build_pack()


@pytest.fixture
def handout() -> Pack:
    return build_handout()


@pytest.fixture
def make_pack():  # type: ignore[no-untyped-def]
    """The pack factory, for tests that change a few keys."""
    return build_pack


@pytest.fixture
def make_handout():  # type: ignore[no-untyped-def]
    return build_handout
