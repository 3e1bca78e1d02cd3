"""Audience versions: what each version keeps, what it says it withheld, and the summary form."""

from __future__ import annotations

from pathlib import Path

from briefing.compose import compose
from briefing.compose.audience import for_audience, one_line, withheld_statement
from briefing.document.model import BulletList, Heading, Paragraph
from briefing.model import Audience, Budget, Exemption, Item, Pack


def _text(pack: Pack, audience: str | None = None) -> str:
    document = compose(pack, Path("."), audience)
    parts: list[str] = [document.cover.subtitle]
    for block in document.blocks:
        if isinstance(block, Heading):
            parts.append(block.text)
        elif isinstance(block, Paragraph):
            parts.append("".join(run.text for run in block.runs))
        elif isinstance(block, BulletList):
            parts.extend("".join(run.text for run in runs) for runs in block.items)
    return "\n".join(parts)


def _exempt_pack(make_pack, paragraph: int = 3) -> Pack:  # type: ignore[no-untyped-def]
    pack = make_pack()
    pack.sections[1].items[0].exempt = Exemption(paragraph, "Contract terms")
    return pack


def test_a_pack_without_audiences_composes_as_before(pack: Pack) -> None:
    assert compose(pack, Path(".")) == compose(pack, Path("."), "members")
    assert "withheld" not in _text(pack)


def test_public_leaves_out_the_exempt_item_and_says_so_without_its_content(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = _exempt_pack(make_pack)
    members, public = _text(pack), _text(pack, "public")
    assert "A third model of intervention" in members
    assert "A third model of intervention" not in public
    assert (
        "1 item withheld under paragraph 3 of Schedule 12A to the Local Government Act 1972."
    ) in public
    assert "Contract terms" not in public and "Contract terms" not in members
    version = for_audience(pack, "public")
    assert "intervention" not in version.pack.articles  # its source entry goes with it
    assert "reform" not in version.pack.themes  # and the theme only it used
    assert pack.sections[1].items  # the caller's pack is untouched


def test_the_statement_counts_items_under_each_paragraph(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = _exempt_pack(make_pack)
    pack.sections[0].exempt = Exemption(1, "Names a resident")
    version = for_audience(pack, "public")
    assert withheld_statement(version) == (
        "2 items withheld under Schedule 12A to the Local Government Act 1972: 1 under "
        "paragraph 1 and 1 under paragraph 3."
    )
    assert [entry.place for entry in version.withheld] == ["section 1", "section 2, item 1"]


def test_a_scottish_pack_cites_schedule_7a(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = _exempt_pack(make_pack, 12)
    pack.exempt_schedule = "7A"
    assert withheld_statement(for_audience(pack, "public")) == (
        "1 item withheld under paragraph 12 of Schedule 7A to the Local Government (Scotland) "
        "Act 1973."
    )


def test_an_item_limited_to_members_is_only_in_their_version(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack()
    pack.sections[0].items[0].audiences = ["members"]
    assert "How small councils coped" in _text(pack)
    public = _text(pack, "public")
    assert "How small councils coped" not in public
    assert "1 item is only in other versions." in public
    assert "withheld under" not in public


def test_each_audience_sets_its_subtitle_marking_and_budget(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack(
        audiences={
            "public": Audience(
                subtitle="Public version", classification="none", budget=Budget(pages=6)
            )
        }
    )
    version = for_audience(pack, "public")
    assert (version.pack.subtitle, version.pack.marking, version.pack.budget.pages) == (
        "Public version",
        "",
        6,
    )
    assert "This document is classified" not in _text(pack, "public")
    assert for_audience(pack, "members").pack.subtitle == "Briefing for members"


def test_members_can_be_told_to_withhold_and_public_to_include(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = _exempt_pack(make_pack)
    pack.audiences = {"members": Audience(exempt="withhold"), "public": Audience(exempt="include")}
    assert "A third model" not in _text(pack, "members")
    assert "A third model" in _text(pack, "public")


def test_the_summary_prints_key_messages_and_one_line_per_item(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack()
    pack.sections[1].items[0].short_summary = "Intervention, in one line."
    text = _text(pack, "summary")
    assert "Small is quick" in text  # key messages
    assert "How small councils coped with two emergencies: Small councils acted quickly." in text
    assert "A third model of intervention: Intervention, in one line." in text
    for gone in (
        "A second paragraph",
        "Keep local knowledge",
        "Who would we call first",
        "Why this pack",
        "Why size matters",
        "Sources",
        "One size does not fit all",
    ):
        assert gone not in text
    version = for_audience(pack, "summary")
    assert version.pack.budget.pages == 2  # the built-in summary's budget
    assert "This is a summary" in text


def test_any_audience_can_take_the_summary_form(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack(audiences={"cabinet": Audience(form="summary", exempt="include")})
    pack.sections[1].items[0] = Item(article="intervention", summary="Secret.", exempt=Exemption(3))
    text = _text(pack, "cabinet")
    assert "A third model of intervention: Secret." in text
    assert for_audience(pack, "cabinet").pack.budget.pages is None  # only `summary` gets 2


def test_one_line_is_the_first_sentence_as_plain_text() -> None:
    assert one_line("Councils **acted** fast. Then they waited.") == "Councils acted fast."
    assert one_line("Costs rose by 5.5% in 2024. Next.") == "Costs rose by 5.5% in 2024."
    assert one_line("“Quick,” she said. Later.") == "“Quick,” she said."
    assert one_line("No full stop at all") == "No full stop at all"
    assert one_line("") == ""
