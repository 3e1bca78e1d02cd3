"""Every key of pack format 1 loads into the Pack model."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from packfile_samples import MINIMAL

from briefing.errors import PackError
from briefing.model.pack import AgendaEntry, Contact, Event, Layout, Quote, Theme
from briefing.packfile import load_pack, loads_pack

FULL = """\
briefing_pack: 1
title: Councils, crises and change
subtitle: Briefing for members
kind: event-handout
date: 2025-11-04
organisation: Northbrook District Council
prepared_by: Scrutiny Support Team
contact: {name: J. Example, email: scrutiny@example.gov.uk, phone: "01632 960000"}
classification: OFFICIAL-SENSITIVE
draft: true
layout:
  paper: A5
  large_print: true
  template: house.docx
  logo: crest.png
  logo_alt: Northbrook crest
intro: |
  Read this before **Tuesday**.

  - point one
key_messages:
  - Smaller councils moved quickly.
  - Trust mattered.
event:
  name: Members' seminar
  venue: Civic Centre
  starts: 2025-11-04T10:00
  agenda:
    - {time: 10:00, item: Welcome, speaker: Chair}
    - {time: "10:15", item: Discussion}
sections:
  - title: Resilience
    theme: resilience
    intro: Before the items.
    items:
      - article: first
        summary: |
          Our own words.
        implications:
          - Plan ahead.
        quotes:
          - {text: "Said once.", page: 177}
          - {text: "Said twice.", page: "176-7"}
        questions:
          - What did we learn?
  - title: Empty section
articles:
  first:
    title: A study of two crises
    authors: [Ann Author, Ben Writer]
    source: A blog
    published: 2025-11-01
    url: https://example.org/post
    doi: 10.1000/example
    reference: "Author, A. (2025) A study. Publisher."
    themes: [resilience]
    body: |
      The whole text.
themes:
  resilience: {label: Resilience, colour: "#1d70b8"}
"""


@pytest.fixture
def full_pack(tmp_path: Path):
    (tmp_path / "house.docx").write_bytes(b"PK")  # only existence and extension are checked
    (tmp_path / "crest.png").write_bytes(b"\x89PNG")
    path = tmp_path / "full.yaml"
    path.write_text(FULL, encoding="utf-8")
    return load_pack(path)


def test_cover_keys_load(full_pack):
    p = full_pack
    assert p.format == 1
    assert p.title == "Councils, crises and change"
    assert p.subtitle == "Briefing for members"
    assert p.kind == "event-handout"
    assert p.date == date(2025, 11, 4)
    assert p.organisation == "Northbrook District Council"
    assert p.prepared_by == "Scrutiny Support Team"
    assert p.contact == Contact("J. Example", "scrutiny@example.gov.uk", "01632 960000")
    assert p.classification == "OFFICIAL-SENSITIVE"
    assert p.marking == "OFFICIAL-SENSITIVE"
    assert p.draft is True


def test_layout_keys_load(full_pack):
    assert full_pack.layout == Layout(
        paper="A5",
        large_print=True,
        template="house.docx",
        logo="crest.png",
        logo_alt="Northbrook crest",
    )


def test_text_keys_keep_their_markdown_as_written(full_pack):
    assert full_pack.intro == "Read this before **Tuesday**.\n\n- point one\n"
    assert full_pack.key_messages == ["Smaller councils moved quickly.", "Trust mattered."]


def test_event_keys_load_and_unquoted_time_stays_text(full_pack):
    # YAML 1.1 reads an unquoted 10:00 as the number 600; a pack keeps it as typed.
    assert full_pack.event == Event(
        name="Members' seminar",
        venue="Civic Centre",
        starts=datetime(2025, 11, 4, 10, 0),
        agenda=[AgendaEntry("10:00", "Welcome", "Chair"), AgendaEntry("10:15", "Discussion")],
    )


def test_sections_and_items_load(full_pack):
    first, second = full_pack.sections
    assert (first.title, first.theme, first.intro) == (
        "Resilience",
        "resilience",
        "Before the items.",
    )
    assert second.title == "Empty section" and second.items == []
    item = first.items[0]
    assert item.article == "first"
    assert item.summary == "Our own words.\n"
    assert item.implications == ["Plan ahead."]
    assert item.quotes == [Quote("Said once.", "177"), Quote("Said twice.", "176-7")]
    assert item.questions == ["What did we learn?"]


def test_articles_and_themes_load(full_pack):
    article = full_pack.articles["first"]
    assert article.title == "A study of two crises"
    assert article.authors == ["Ann Author", "Ben Writer"]
    assert article.source == "A blog"
    assert article.published == date(2025, 11, 1)
    assert article.url == "https://example.org/post"
    assert article.doi == "10.1000/example"
    assert article.reference == "Author, A. (2025) A study. Publisher."
    assert article.themes == ["resilience"]
    assert article.body == "The whole text.\n"
    assert full_pack.themes == {"resilience": Theme("Resilience", "#1d70b8")}


def test_defaults_when_optional_keys_are_left_out():
    pack = loads_pack(MINIMAL, Path("pack.yaml"))
    assert pack.kind == "member-briefing"
    assert pack.classification == "none" and pack.marking == ""
    assert pack.draft is False
    assert pack.layout == Layout()
    assert pack.event is None and pack.date is None
    assert pack.themes == {}


def test_empty_optional_keys_mean_not_given():
    text = MINIMAL + "subtitle:\nintro:\ndate:\nlayout:\n  paper:\n"
    pack = loads_pack(text, Path("pack.yaml"))
    assert (pack.subtitle, pack.intro, pack.date, pack.layout.paper) == ("", "", None, "A4")


def test_event_starts_may_be_a_date():
    pack = loads_pack(MINIMAL + "event:\n  starts: 2025-11-04\n", Path("pack.yaml"))
    assert pack.event is not None and pack.event.starts == date(2025, 11, 4)


def test_text_fields_take_yaml_numbers_and_booleans_as_typed():
    text = MINIMAL.replace("title: Test pack", "title: yes").replace(
        "title: An article", "title: 1984"
    )
    pack = loads_pack(text, Path("pack.yaml"))
    assert pack.title == "yes"
    assert pack.articles["a1"].title == "1984"


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_pack(path).title == "Test pack"


def test_missing_file_is_a_plain_message(tmp_path):
    with pytest.raises(PackError) as caught:
        load_pack(tmp_path / "nowhere.yaml")
    assert "nowhere.yaml: no such file" in str(caught.value)


def test_a_folder_is_not_a_pack(tmp_path):
    with pytest.raises(PackError) as caught:
        load_pack(tmp_path)
    assert (
        str(caught.value)
        == f"{tmp_path}: this is a folder, not a pack file: give the path of a .yaml file"
    )


def test_quote_page_keeps_what_was_typed():
    text = MINIMAL.replace(
        "      - article: a1\n",
        "      - article: a1\n        quotes:\n          - {text: A, page: 12.50}\n"
        "          - {text: B, page: 0177}\n          - {text: C, page: 177}\n",
    )
    pages = [q.page for q in loads_pack(text, Path("p.yaml")).sections[0].items[0].quotes]
    assert pages == ["12.50", "0177", "177"]
