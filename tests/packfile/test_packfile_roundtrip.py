"""Saving is stable and loses nothing: load -> dump -> load gives an equal Pack."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from packfile_samples import MINIMAL

from briefing.files.safe_write import WriteError
from briefing.model.pack import (
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
from briefing.packfile import dump_pack, load_pack, loads_pack, save_pack

TRICKY = [
    "  leading spaces",
    "trailing spaces  ",
    "yes",
    "no",
    "null",
    "~",
    "true",
    "on",
    "10:00",
    "1:30:00",
    "#hash",
    "text # not a comment",
    ": colon",
    "key: value",
    "- dash",
    "? query",
    "'single'",
    '"double"',
    "it's",
    "<b>bold</b> & <font color=red>",
    "a\ttab",
    "@at",
    "`tick",
    "%percent",
    "!bang",
    "&anchor",
    "*star",
    "{brace}",
    "[bracket]",
    "|pipe",
    ">fold",
    "0123",
    "1e3",
    ".5",
    "0x1F",
    "2025-11-04",
    "Špaček £ – “quoted” ‘single’ • …",
    "",
    "multi\nline",
    "ends with newline\n",
    "two trailing\n\n",
    "\nleading newline",
    "  indented\nblock\n",
    "line with trailing space \nnext",
    "tab\tin block\nsecond",
    "crlf\r\nline",
    "nel\x85line",
    "sep\u2028line",
    "del\x7f",
    "spaces only\n  ",
    " \n",
    "\n",
    "  \n  ",
    "a\n\tb\n",
    "hard break  \nnext line\n",
    "x\n \n",
    "\n\n",
    "  ",
    "emoji 🙂",
    "a" * 300,
    "long " * 80,
]


def test_full_example_round_trips(tmp_path):
    pack = sample_pack()
    text = dump_pack(pack)
    assert loads_pack(text, tmp_path / "p.yaml") == pack
    assert dump_pack(loads_pack(text, tmp_path / "p.yaml")) == text


def test_dump_uses_block_style_canonical_order_and_literal_blocks():
    text = dump_pack(sample_pack())
    assert "{" not in text and "[" not in text.replace("[links]", "")
    order = [
        "briefing_pack:",
        "title:",
        "subtitle:",
        "kind:",
        "date:",
        "organisation:",
        "prepared_by:",
        "contact:",
        "classification:",
        "draft:",
        "layout:",
        "intro:",
        "key_messages:",
        "event:",
        "sections:",
        "articles:",
        "themes:",
    ]
    positions = [text.index("\n" + key) if key != "briefing_pack:" else 0 for key in order]
    assert positions == sorted(positions)
    assert "intro: |\n  Why this pack.\n\n  - and a bullet\n" in text
    assert "\nsections:\n  - title: Crisis\n" in text
    assert "    authors:\n      - Ann Author\n" in text
    assert "date: 2025-11-04\n" in text and "starts: 2025-11-04T10:00\n" in text
    assert "page: 177\n" in text and "page: 176-7\n" in text
    assert "reference: Špaček, D. (2026) Crises – a study “in quotes”. £5.\n" in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_defaults_and_empty_values_are_left_out():
    text = dump_pack(loads_pack(MINIMAL, Path("p.yaml")))
    assert text == MINIMAL


def test_hand_written_pack_round_trips_to_the_same_pack():
    hand = MINIMAL.replace("title: Test pack", "title: 'Test pack'") + "draft: no\n"
    first = loads_pack(hand, Path("p.yaml"))
    again = loads_pack(dump_pack(first), Path("p.yaml"))
    assert again == first


@pytest.mark.parametrize("text", TRICKY, ids=range(len(TRICKY)))
def test_tricky_strings_survive_in_every_kind_of_field(text):
    pack = sample_pack()
    pack.title = text or "x"
    pack.subtitle = text
    pack.intro = text
    pack.key_messages = [text or "x", text or "x"]
    pack.contact.phone = text
    pack.sections[0].items[0].summary = text
    pack.sections[0].items[0].quotes[0].page = text
    pack.event.agenda[0].time = text or "x"  # type: ignore[union-attr]
    pack.articles["a1"].body = text
    pack.articles["a1"].authors = [text or "x"]
    dumped = dump_pack(pack)
    assert loads_pack(dumped, Path("p.yaml")) == pack
    assert dump_pack(loads_pack(dumped, Path("p.yaml"))) == dumped


def test_multi_line_text_is_a_literal_block_and_long_lines_are_not_folded():
    pack = sample_pack()
    pack.sections[0].items[0].summary = "First paragraph.\n\nSecond " + "word " * 60 + "end.\n"
    pack.subtitle = "long " * 60
    text = dump_pack(pack)
    assert "        summary: |\n          First paragraph.\n\n          Second word" in text
    assert f"subtitle: {('long ' * 60).strip()} " in text or f"subtitle: '{'long ' * 60}'" in text
    assert all(len(line) < 400 for line in text.splitlines())


def test_many_generated_packs_round_trip():
    rng = random.Random(20251104)
    for _ in range(150):
        pack = random_pack(rng)
        text = dump_pack(pack)
        loaded = loads_pack(text, Path("p.yaml"))
        assert loaded == pack, text
        assert dump_pack(loaded) == text


def test_save_then_load(tmp_path):
    pack = sample_pack()
    path = save_pack(pack, tmp_path / "saved.yaml")
    assert path == tmp_path / "saved.yaml"
    assert path.read_text(encoding="utf-8") == dump_pack(pack)
    assert load_pack(path) == pack


def test_failed_save_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "pack.yaml"
    target.write_text(MINIMAL, encoding="utf-8")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", refuse)
    with pytest.raises(WriteError) as caught:
        save_pack(sample_pack(), target)
    assert "previous file has not been changed" in str(caught.value)
    assert target.read_text(encoding="utf-8") == MINIMAL
    assert [p.name for p in tmp_path.iterdir()] == ["pack.yaml"]


def sample_pack() -> Pack:
    return Pack(
        title="Resilience and reform",
        subtitle="Briefing for members",
        kind="event-handout",
        date=date(2025, 11, 4),
        organisation="Northbrook District Council",
        prepared_by="Policy Team",
        contact=Contact("J. Example", "policy@example.gov.uk", "01632 960000"),
        classification="OFFICIAL",
        draft=True,
        layout=Layout(paper="A5", large_print=True),
        intro="Why this pack.\n\n- and a bullet\n",
        key_messages=["One thing.", "Another thing."],
        event=Event(
            "Seminar",
            "Civic Centre",
            datetime(2025, 11, 4, 10, 0),
            [AgendaEntry("10:00", "Welcome", "Chair"), AgendaEntry("10:30", "Talk")],
        ),
        sections=[
            Section(
                "Crisis",
                "crisis",
                "Before the items.\n",
                [
                    Item(
                        "a1",
                        "Our summary.\n",
                        ["Plan.", "Act."],
                        [Quote("Said.", "177"), Quote("Also said.", "176-7")],
                        ["Why?"],
                    ),
                ],
            ),
            Section("Other"),
        ],
        articles={
            "a1": Article(
                "A study",
                ["Ann Author", "Ben Writer"],
                "A blog",
                date(2025, 11, 1),
                "https://example.org/a",
                "10.1000/x",
                "Špaček, D. (2026) Crises – a study “in quotes”. £5.",
                ["crisis"],
                "Body text.\n",
            )
        },
        themes={"crisis": Theme("Crisis", "#1d70b8")},
    )


def random_text(rng: random.Random, required: bool = False) -> str:
    choice = rng.random()
    if choice < 0.4:
        text = rng.choice(TRICKY)
    elif choice < 0.7:
        text = "".join(rng.choice(TRICKY) for _ in range(rng.randint(1, 3)))
    else:
        alphabet = "ab :#-'\"\n\t|>!&*%@`{}[],?Š£–“”🙂 \u00a0"
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
    if required and not text:
        text = "x"
    return text


def random_pack(rng: random.Random) -> Pack:
    ids = [f"id-{n}" for n in range(rng.randint(1, 4))]
    themes = {
        f"t{n}": Theme(random_text(rng, True), rng.choice(["", "#A0b1C2"]))
        for n in range(rng.randint(0, 3))
    }
    day = date(2020, 1, 1) + timedelta(days=rng.randint(0, 3000))
    starts = rng.choice(
        [
            None,
            day,
            datetime(
                day.year,
                day.month,
                day.day,
                rng.randint(0, 23),
                rng.randint(0, 59),
                rng.choice([0, 0, 30]),
            ),
        ]
    )
    sections = []
    for _ in range(rng.randint(1, 3)):
        items = [
            Item(
                rng.choice(ids),
                random_text(rng),
                [random_text(rng, True) for _ in range(rng.randint(0, 2))],
                [
                    Quote(
                        random_text(rng, True),
                        rng.choice(["", "5", "05", "176-7", random_text(rng)]),
                    )
                    for _ in range(rng.randint(0, 2))
                ],
                [random_text(rng, True) for _ in range(rng.randint(0, 2))],
            )
            for _ in range(rng.randint(0, 3))
        ]
        theme = rng.choice([""] + list(themes))
        sections.append(Section(random_text(rng, True), theme, random_text(rng), items))
    return Pack(
        title=random_text(rng, True),
        subtitle=random_text(rng),
        kind=rng.choice(["member-briefing", "event-handout"]),
        date=rng.choice([None, day]),
        organisation=random_text(rng),
        contact=Contact(random_text(rng), "", random_text(rng)),
        classification=rng.choice(["none", "OFFICIAL", "OFFICIAL-SENSITIVE"]),
        draft=rng.random() < 0.5,
        layout=Layout(rng.choice(["A4", "A5"]), rng.random() < 0.5),
        intro=random_text(rng),
        key_messages=[random_text(rng, True) for _ in range(rng.randint(0, 3))],
        event=rng.choice(
            [
                None,
                Event(
                    random_text(rng),
                    random_text(rng),
                    starts,
                    [AgendaEntry(random_text(rng, True), random_text(rng, True), random_text(rng))],
                ),
            ]
        ),
        sections=sections,
        articles={
            key: Article(
                random_text(rng, True),
                [random_text(rng, True)],
                random_text(rng),
                rng.choice([None, day]),
                rng.choice(["", "https://example.org/x?a=1&b=2"]),
                random_text(rng),
                random_text(rng),
                rng.sample(list(themes), k=min(len(themes), rng.randint(0, 2))),
                random_text(rng),
            )
            for key in ids
        },
        themes=themes,
    )
