"""Exempt sections and items and audiences in pack files: read, checked at line and column, saved."""

from __future__ import annotations

from pathlib import Path

from packfile_samples import problems_in

from briefing.model import Audience, Budget, Exemption
from briefing.packfile import dump_pack, loads_pack

PACK = """\
briefing_pack: 1
title: Test pack
exempt_schedule: SCHEDULE
audiences:
  members:
    subtitle: Full version
  public:
    classification: OFFICIAL
    budget: {pages: 6}
  summary:
    form: summary
sections:
  - title: Housing
    exempt:
      paragraph: 4
      reason: Talks with the unions
    items:
      - article: a1
        exempt: {paragraph: PARAGRAPH, reason: Contract terms}
        audiences: [AUDIENCE]
        short_summary: One line.
articles:
  a1:
    title: An article
"""


def pack_text(schedule: str = "12A", paragraph: str = "3", audience: str = "members") -> str:
    return (
        PACK.replace("SCHEDULE", schedule)
        .replace("PARAGRAPH", paragraph)
        .replace("AUDIENCE", audience)
    )


def test_exemptions_and_audiences_load_into_the_model() -> None:
    pack = loads_pack(pack_text(), Path("pack.yaml"))
    assert pack.exempt_schedule == "12A"
    assert pack.sections[0].exempt == Exemption(4, "Talks with the unions")
    item = pack.sections[0].items[0]
    assert (item.exempt, item.audiences, item.short_summary) == (
        Exemption(3, "Contract terms"),
        ["members"],
        "One line.",
    )
    assert pack.audiences == {
        "members": Audience(subtitle="Full version"),
        "public": Audience(classification="OFFICIAL", budget=Budget(pages=6)),
        "summary": Audience(form="summary"),
    }


def test_exemptions_and_audiences_survive_a_save() -> None:
    pack = loads_pack(pack_text(), Path("pack.yaml"))
    text = dump_pack(pack)
    assert loads_pack(text, Path("pack.yaml")) == pack
    # The exemption is written beside what it marks, where a reader sees it first.
    assert "  - title: Housing\n    exempt:\n      paragraph: 4\n" in text
    assert "      - article: a1\n        exempt:\n          paragraph: 3\n" in text


def test_a_paragraph_outside_schedule_12a_names_the_range_and_points_at_it() -> None:
    [(line, column, message)] = problems_in(pack_text(paragraph="9"))
    assert (line, column) == (19, 29)
    assert message.startswith(
        "exempt paragraph 9 is not a paragraph of Schedule 12A to the "
        "Local Government Act 1972: use 1 to 7"
    )
    assert "exempt_schedule: 7A" in message


def test_schedule_7a_allows_paragraphs_up_to_15() -> None:
    assert problems_in(pack_text(schedule="7A", paragraph="15")) == []
    [(_, _, message)] = problems_in(pack_text(schedule="7A", paragraph="16"))
    assert "Schedule 7A to the Local Government (Scotland) Act 1973: use 1 to 15" in message


def test_paragraph_zero_and_words_are_refused() -> None:
    [(_, _, message)] = problems_in(pack_text(paragraph="0"))
    assert "exempt paragraph 0 is not a paragraph" in message
    [(_, _, message)] = problems_in(pack_text(paragraph="three"))
    assert "should be a whole number" in message


def test_an_unknown_audience_on_an_item_suggests_the_nearest_name() -> None:
    [(line, column, message)] = problems_in(pack_text(audience="pubic"))
    assert (line, column) == (20, 21)
    assert message == 'no audience "pubic" in audiences: did you mean "public"?'


def test_built_in_audience_names_need_no_declaration() -> None:
    text = pack_text(audience="summary").replace("  summary:\n    form: summary\n", "")
    assert problems_in(text) == []


def test_an_audience_called_all_or_with_spaces_is_refused() -> None:
    [(line, _, message)] = problems_in(pack_text().replace("  members:\n", "  all:\n"))
    assert line == 5 and 'cannot be called "all"' in message
    [(_, _, message)] = problems_in(pack_text().replace("  members:\n", "  Cabinet Members:\n"))
    assert "lower-case letters, digits and hyphens" in message


def test_unknown_schedule_and_form_list_the_choices() -> None:
    [(_, _, message)] = problems_in(pack_text(schedule="12B"))
    assert message == 'exempt_schedule cannot be "12B": use one of 12A, 7A'
    [(_, _, message)] = problems_in(pack_text().replace("form: summary", "form: short"))
    assert 'cannot be "short": use one of full, summary' in message
