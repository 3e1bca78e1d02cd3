"""Hypothesis strategies for packs that stretch the layout: every page size and print size, a
marking or none, cover details long and short, agendas of 0 to 40 rows with long names and long
words, items of every length with quotes, long titles, and words in every script the bundled
font covers left to right (Latin with its accents, Greek and Cyrillic).

The packs are plain data, written as pack-file text and read by the real loader. The words are
our own; names are cited as their languages cite them.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st


def _split(words: str) -> list[str]:
    return words.split()


# Ordinary words, and words of each script the bundled font covers.
ENGLISH = _split(
    "council residents flooding plans budget parish scrutiny housing transport care "
    "services schools libraries waste roads grants partners survey review report "
    "members officers committee strategy support community"
)
SCRIPTS = {
    "Welsh": _split("Cyngor Sir Gâr ymgynghoriad Caerdydd llifogydd Llŷn Gwenllian cymuned"),
    "Irish": _split("Comhairle Contae Siobhán Ní Bhriain Ó Súilleabháin pobal"),
    "Polish": _split("Rada Miejska Łódź Gdańsk Zażółć gęślą jaźń źdźbło"),
    "Czech": _split("Špaček Balík Dvořák městský úřad Hradec Králové"),
    "Turkish": _split("İstanbul Büyükşehir Belediyesi ağaç çiçek"),
    "Vietnamese": _split("Thành phố Hồ Chí Minh Đà Nẵng Hội đồng"),
    "Greek": _split("Δημοτικό συμβούλιο Αθήνα Θεσσαλονίκη πλημμύρες"),
    "Cyrillic": _split("Київська обласна рада Львів громада Беларусь"),
    # (written right to left: drawn and read back in reading order by either engine)
    "Hebrew": _split("מועצת העיר תל אביב ירושלים חיפה שכונה דיור תוכנית"),
}
# Long words that are real, and a Welsh name with its hyphen.
LONG_WORDS = [
    "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
    "Rechtsschutzversicherungsgesellschaften",
    "internationalisation",
    "Donaudampfschiffahrtsgesellschaftskapitän",
    "counterintelligence",
    "Αντιδημαρχία",
    "Високопревосходительство",
    "Rhys-Llŷr",
    "ap",
]
NAMES = [
    "Cllr Gwenllian ap Rhys-Llŷr",
    "Siobhán Ní Bhriain",
    "Seán Ó Súilleabháin",
    "Dr Llewelyn Pryce-Vaughan-Llywelyn",
    "Facilitators",
    "Chair",
    "Zofia Łukasiewicz",
    "Stanislav Špaček",
    "Head of Emergency Planning and Community Resilience",
    "Νίκος Παπαδόπουλος",
    "Олена Шевченко",
    "Democratic Services",
]

# Mostly ordinary words, often another script's, now and then a long one.
_WORDS = st.integers(0, 11).flatmap(
    lambda n: st.sampled_from(
        LONG_WORDS
        if n == 0
        else ENGLISH
        if n > 3
        else [w for words in SCRIPTS.values() for w in words]
    )
)
# In a table cell, words that three columns can hold side by side even in large print on A5
# (wider ones must break, which the verify step reports): long names, not place-name records.
_CELL_WORDS = _WORDS.filter(lambda w: len(w) <= 14)
_SPEAKERS = [name for name in NAMES if max(map(len, name.split())) <= 14]


def phrase(low: int, high: int, words: st.SearchStrategy[str] = _WORDS) -> st.SearchStrategy[str]:
    return st.lists(words, min_size=low, max_size=high).map(" ".join)


def _sentences(low: int, high: int) -> st.SearchStrategy[str]:
    return st.lists(
        phrase(4, 16).map(lambda s: s[:1].upper() + s[1:] + "."), min_size=low, max_size=high
    ).map(" ".join)


def _times(n: int) -> list[str]:
    return [f"{9 + (n_ * 20) // 60 % 10:02d}:{(n_ * 20) % 60:02d}" for n_ in range(n)]


@st.composite
def layout_pack(draw: Any) -> dict[str, Any]:  # noqa: C901 - one draw per pack key the layout depends on
    """A pack's data, every link resolving, shaped to try the layout."""
    n_articles = draw(st.integers(1, 3))
    articles = {}
    for n in range(n_articles):
        article: dict[str, Any] = {"title": draw(phrase(1, 18)) or "Untitled"}
        if draw(st.booleans()):
            article["authors"] = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3))
        if draw(st.booleans()):
            article["source"] = draw(phrase(1, 6))
        if draw(st.booleans()):
            article["url"] = f"https://example.org/{n}/{draw(st.sampled_from(ENGLISH))}"
        articles[f"a{n}"] = article

    def item() -> dict[str, Any]:
        entry: dict[str, Any] = {"article": f"a{draw(st.integers(0, n_articles - 1))}"}
        paragraphs = draw(st.lists(_sentences(1, 8), max_size=4))
        if paragraphs:
            entry["summary"] = "\n\n".join(paragraphs)
        for key, most in (("implications", 4), ("questions", 3)):
            points = draw(st.lists(phrase(1, 30), max_size=most))
            if any(points):
                entry[key] = [p for p in points if p]
        quotes = draw(st.lists(phrase(1, 40), max_size=2))
        if any(quotes):
            entry["quotes"] = [
                {"text": q, "page": str(draw(st.integers(1, 400)))} for q in quotes if q
            ]
        return entry

    # At least one item: a pack with nothing but headings is rightly reported near-empty.
    # Section titles of up to six words: two of twelve (an empty section's and the next one's,
    # a place name of four lines in each) over an item's long title make a run of headings
    # taller than an A5 large-print page, which no layout can keep off a page's foot.
    sections = [
        {
            "title": draw(phrase(1, 6)) or "Section",
            "items": [item() for _ in range(draw(st.integers(0 if n else 1, 4)))],
        }
        for n in range(draw(st.integers(1, 3)))
    ]
    kind = draw(st.sampled_from(["event-handout", "member-briefing"]))
    data: dict[str, Any] = {
        "briefing_pack": 1,
        "title": draw(phrase(1, 24)) or "Briefing",
        "kind": kind,
        "classification": draw(st.sampled_from(["none", "OFFICIAL", "OFFICIAL-SENSITIVE"])),
        "draft": draw(st.booleans()),
        "layout": {
            "paper": draw(st.sampled_from(["A4", "A5"])),
            "large_print": draw(st.booleans()),
        },
        "sections": sections,
        "articles": articles,
    }
    for key, strategy in (
        ("subtitle", phrase(1, 14)),
        ("organisation", phrase(1, 12)),
        ("prepared_by", phrase(1, 10, _CELL_WORDS)),
        ("intro", _sentences(1, 6)),
    ):
        value = draw(st.one_of(st.just(""), strategy))
        if value:
            data[key] = value
    if draw(st.booleans()):
        data["date"] = "2026-03-12"
    messages = [m for m in draw(st.lists(phrase(1, 25), max_size=4)) if m]
    if messages:
        data["key_messages"] = messages
    if draw(st.booleans()):
        data["contact"] = {
            "name": draw(st.sampled_from(NAMES)),
            "email": "officer@example.gov.uk",
            "phone": "01234 567890",
        }
    rows = draw(st.integers(0, 40))
    if kind == "event-handout" or draw(st.booleans()):
        agenda = []
        for time in _times(rows):
            entry = {"time": time, "item": draw(phrase(1, 16, _CELL_WORDS)) or "Session"}
            speaker = draw(
                st.one_of(st.just(""), st.sampled_from(_SPEAKERS), phrase(1, 6, _CELL_WORDS))
            )
            if speaker:
                entry["speaker"] = speaker
            agenda.append(entry)
        data["event"] = {
            "name": draw(phrase(1, 8)) or "Event",
            "venue": draw(phrase(1, 20)) or "Hall",
            "starts": "2026-03-12T09:30",
            "agenda": agenda,
        }
    return data


def as_pack_text(data: dict[str, Any]) -> str:
    """Pack-file text for the data (JSON is YAML)."""
    return json.dumps(data, ensure_ascii=False, indent=1)
