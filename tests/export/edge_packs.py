"""Packs that go beyond the examples: an A5 large-print handout with a long venue and title,
Welsh, Irish and Czech names, typed web addresses and a very long summary (words of our own)."""

from __future__ import annotations

from datetime import date, datetime

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
)

LONG_TITLE = (
    "Keeping the lights on: how smaller district and parish councils prepared for, "
    "coped with and recovered from winter flooding and a cyber attack"
)
LONG_VENUE = (
    "The Council Chamber, Civic Offices, Riverside Business Park, Upper Meadow Road, "
    "Llanfair Caereinion, Powys SY21 0AA (enter by the north door)"
)


def long_summary(words: int) -> str:
    sentence = (
        "Officers walked the flood plain with parish clerks and wrote down which lanes "
        "closed first, who kept keys to the village halls and where the generators were. "
    )
    per = len(sentence.split())
    paragraphs = []
    for n in range(words // per):
        paragraphs.append(sentence.strip() if n % 4 else f"Paragraph {n // 4 + 1}. {sentence}")
    return "\n\n".join(" ".join(paragraphs[i : i + 4]) for i in range(0, len(paragraphs), 4))


def _articles() -> dict[str, Article]:
    return {
        "welsh": Article(
            title="Cynghorau bach mewn argyfwng",
            authors=["Dafydd ap Gwŷn", "Heledd ferch Rhys"],
            source="Cylchgrawn Llywodraeth Leol",
            published=date(2024, 5, 2),
            url="https://example.cymru/argyfwng",
            accessed=date(2025, 1, 9),
        ),
        "irish": Article(
            title="Parish resilience after the storms",
            authors=["Siobhán Ní Bhriain", "Seán Ó Súilleabháin"],
            source="Local Resilience Review",
            published=date(2025, 2, 14),
            url="https://example.ie/resilience",
        ),
        "czech": Article(
            title="What a book on fragmented government tells district councils",
            authors=["Ann MacArthur"],
            source="Policy blog",
            published=date(2025, 11, 1),
            url="https://example.org/fragmented",
            doi="10.1000/example.book",
            reference="Balík, S. and Špaček, D. (eds.) (2026) Fragmented local "
            "government and crises",
        ),
    }


def edge_pack(large_print: bool = True, paper: str = "A5", handout: bool = True) -> Pack:
    agenda = [
        AgendaEntry(
            "09:30",
            "Registration, coffee and a chance to meet the emergency planners",
            "Democratic Services Manager",
        ),
        AgendaEntry("10:00", "Welcome", "Chair of the Finance and Resources Committee"),
        AgendaEntry(
            "10:15",
            "What the flooding taught us about parish emergency plans",
            "Siobhán Ní Bhriain, Head of Resilience",
        ),
        AgendaEntry("11:00", "Cyber recovery: restoring payments within a week", "Speaker"),
        AgendaEntry("11:45", "Questions and close", "Chair"),
    ]
    items = [
        Item(
            article="welsh",
            summary="Short councils act fast. Read more at "
            "www.example.cymru/adroddiad or write to ymholiadau@example.cymru.",
            implications=["Keep a list of keyholders at https://example.gov.uk/keys."],
            quotes=[Quote(text="Roedd pawb yn adnabod ei gilydd", page="4")],
            questions=["Who holds our generator keys?"],
        ),
        Item(
            article="irish",
            summary=long_summary(2000),
            implications=["Share plans with neighbouring parishes."],
        ),
        Item(
            article="czech",
            summary="The book compares fourteen countries.",
            implications=["Small councils need mutual aid agreements."],
            quotes=[Quote(text="Size was no barrier to a quick response", page="177")],
        ),
    ]
    return Pack(
        title=LONG_TITLE,
        subtitle="Handout for delegates" if handout else "Briefing for members",
        kind="event-handout" if handout else "member-briefing",
        date=date(2025, 11, 4),
        organisation="Example District Council",
        prepared_by="Emergency Planning Team",
        contact=Contact(name="Resilience Officer", email="resilience@example.gov.uk"),
        classification="OFFICIAL",
        draft=True,
        layout=Layout(paper=paper, large_print=large_print),
        intro="Read the notes at https://example.gov.uk/winter before the day.",
        key_messages=["Plans work when parishes own them."],
        event=Event(
            name="Winter resilience workshop",
            venue=LONG_VENUE,
            starts=datetime(2025, 11, 4, 9, 30),
            agenda=agenda,
        )
        if handout
        else None,
        sections=[Section(title="Lessons from the winter", items=items)],
        articles=_articles(),
    )
