"""Composition: a Pack becomes the document model in the order pack-format.md prescribes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.compose import compose
from briefing.document.model import (
    BlockQuote,
    BulletList,
    Contents,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from briefing.model import Item, Section

BASE = Path("/packs/here")


def _text(block: object) -> str:
    if isinstance(block, Paragraph | BlockQuote):
        return "".join(r.text for r in block.runs)
    if isinstance(block, Heading):
        return block.text
    if isinstance(block, BulletList):
        return " | ".join("".join(r.text for r in item) for item in block.items)
    return ""


def _h1s(doc: Document) -> list[str]:
    return [h.text for h in doc.headings() if h.level == 1]


def test_cover_has_title_kind_organisation_uk_date_and_logo(pack) -> None:
    cover = compose(pack, BASE).cover
    assert cover.title == "Resilience and reform"
    assert cover.subtitle == "Briefing for members"
    assert cover.kind_label == "Member briefing"
    assert cover.organisation == "Example Borough Council"
    assert cover.date_text == "4 November 2025"
    assert cover.prepared_by == "Prepared by Policy Team"
    assert cover.logo is not None
    assert cover.logo.path == BASE / "images" / "logo.png"
    assert cover.logo.alt == "Example Borough Council logo"
    assert cover.lines == []


def test_prepared_by_typed_with_its_own_prefix_is_not_prefixed_twice(make_pack) -> None:
    cover = compose(make_pack(prepared_by="Prepared by Democratic Services"), BASE).cover
    assert cover.prepared_by == "Prepared by Democratic Services"
    assert compose(make_pack(prepared_by="  "), BASE).cover.prepared_by == ""


def test_meta_carries_properties_for_both_writers(pack, tmp_path) -> None:
    pack.layout.template = "templates/house.docx"
    meta = compose(pack, tmp_path).meta
    assert meta.title == "Resilience and reform"
    assert meta.author == "Example Borough Council"
    assert meta.subject == "Briefing for members"
    assert meta.keywords == ["Crisis and resilience", "Reform"]
    assert meta.language == "en-GB"
    assert meta.marking == "OFFICIAL"
    assert meta.template == tmp_path / "templates" / "house.docx"
    assert meta.template.is_absolute()
    assert meta.running_title == "Resilience and reform"


def test_meta_falls_back_to_prepared_by_and_kind(make_pack) -> None:
    meta = compose(make_pack(organisation="", subtitle=""), BASE).meta
    assert meta.author == "Policy Team"
    assert meta.subject == "Member briefing"
    assert meta.template is None


def test_marking_statement_comes_right_after_the_cover(pack) -> None:
    first = compose(pack, BASE).blocks[0]
    assert isinstance(first, Paragraph) and first.role == "note"
    assert _text(first) == "This document is classified OFFICIAL."


def test_unclassified_pack_has_no_marking_statement(make_pack) -> None:
    doc = compose(make_pack(classification="none"), BASE)
    assert doc.meta.marking == ""
    assert not any("classified" in _text(b) for b in doc.blocks)


def test_draft_pack_says_so_in_the_text(make_pack) -> None:
    doc = compose(make_pack(draft=True), BASE)
    assert doc.meta.draft
    notes = [_text(b) for b in doc.blocks[:3]]
    assert "DRAFT — not for circulation." in notes


def test_contents_only_for_packs_of_more_than_a_few_pages(make_pack, pack) -> None:
    assert any(isinstance(b, Contents) for b in compose(pack, BASE).blocks)  # two sections
    one = pack.sections[0]
    small = make_pack(sections=[one])
    assert not any(isinstance(b, Contents) for b in compose(small, BASE).blocks)
    many = Section(title="One", items=[Item(article="small-councils", summary="s")] * 4)
    assert any(isinstance(b, Contents) for b in compose(make_pack(sections=[many]), BASE).blocks)


def test_order_is_intro_key_messages_sections_sources_contact(pack) -> None:
    doc = compose(pack, BASE)
    assert _h1s(doc) == ["Key messages", "Crisis and resilience", "Reform", "Sources", "Contact"]
    kinds = [type(b).__name__ for b in doc.blocks[:5]]
    assert kinds == ["Paragraph", "Contents", "Paragraph", "Paragraph", "Heading"]
    lead, second = doc.blocks[2], doc.blocks[3]
    assert isinstance(lead, Paragraph) and lead.role == "lead" and _text(lead) == "Why this pack."
    assert isinstance(second, Paragraph) and second.role == "body"


def test_key_messages_are_bullets_with_markdown(pack) -> None:
    blocks = compose(pack, BASE).blocks
    i = next(n for n, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Key messages")
    bullets = blocks[i + 1]
    assert isinstance(bullets, BulletList)
    assert [[(r.text, r.bold) for r in item] for item in bullets.items] == [
        [("Small is ", False), ("quick", True)],
        [("Evidence first", False)],
    ]


def test_sections_and_items_have_anchors_and_no_skipped_levels(pack) -> None:
    doc = compose(pack, BASE)
    anchors = [h.anchor for h in doc.headings() if h.anchor]
    assert [a for a in anchors if a.startswith(("sec-", "item-"))] == [
        "sec-1",
        "item-1-1",
        "sec-2",
        "item-2-1",
    ]
    level = 0
    for heading in doc.headings():
        assert heading.level <= level + 1, f"{heading.text!r} skips a level"
        level = heading.level
    assert doc.headings()[0].level == 1


def test_item_prints_byline_summary_implications_quotes_questions(pack) -> None:
    blocks = compose(pack, BASE).blocks
    start = next(
        n for n, b in enumerate(blocks) if isinstance(b, Heading) and b.anchor == "item-1-1"
    )
    item = blocks[start : start + 11]
    assert _text(item[0]) == "How small councils coped with two emergencies"
    assert item[0].level == 2
    assert isinstance(item[1], Paragraph) and item[1].role == "byline"
    assert _text(item[1]) == "Paul Joyce – INLOGOV blog – 1 November 2025"
    assert _text(item[2]) == "Small councils acted quickly."
    assert _text(item[3]) == "A second paragraph."
    assert (item[4].level, _text(item[4])) == (3, "Implications for UK local government")
    assert _text(item[5]) == "Keep local knowledge | Plan with community groups"
    assert _text(item[6]) == "Quotes"
    assert isinstance(item[7], BlockQuote)
    assert _text(item[7]) == "We did what we could with what we had"
    assert item[7].attribution == "Balík and Špaček (2026, p. 177), quoted in Joyce (2025)"
    assert _text(item[8]) == "Questions members may wish to ask"
    assert _text(item[9]) == "Who would we call first?"


def test_quote_attribution_lists_surnames_for_three_authors_and_page_ranges(pack) -> None:
    quotes = [b for b in compose(pack, BASE).blocks if isinstance(b, BlockQuote)]
    assert quotes[1].attribution == "Lowther, Joyce and Whiteman (2025, pp. 12–13)"


def test_byline_joins_authors_in_plain_english(pack) -> None:
    bylines = [
        _text(b)
        for b in compose(pack, BASE).blocks
        if isinstance(b, Paragraph) and b.role == "byline"
    ]
    assert (
        bylines[1]
        == "Jason Lowther, Paul Joyce and Philip Whiteman – INLOGOV blog – 16 October 2025"
    )


def test_missing_summary_prints_nothing_for_it(make_pack, pack) -> None:
    pack.sections[1].items[0].summary = ""
    blocks = compose(pack, BASE).blocks
    start = next(
        n for n, b in enumerate(blocks) if isinstance(b, Heading) and b.anchor == "item-2-1"
    )
    assert blocks[start + 1].role == "byline"
    assert isinstance(blocks[start + 2], Heading) and blocks[start + 2].level == 3


def test_sources_filed_by_family_name_with_links(pack) -> None:
    blocks = compose(pack, BASE).blocks
    refs = [b for b in blocks if isinstance(b, Paragraph) and b.role == "reference"]
    # The blog post and the book it is about are both listed; the unused article is not.
    assert len(refs) == 3
    first = _text(refs[0])
    assert first.startswith("Balík, S. and Špaček, D. (eds.) (2026) Fragmented local government")
    assert "https://doi.org/10.1007/978-3-032-01897-7" in {r.href for r in refs[0].runs}
    blog = _text(refs[1])
    assert blog.startswith(
        "Joyce, P. (2025) How small councils coped with two emergencies. "
        "INLOGOV blog, 1 November 2025. Available at: "
    )
    links = {r.text: r.href for r in refs[1].runs if r.href}
    assert links["https://example.org/small-councils"] == "https://example.org/small-councils"
    third = _text(refs[2])
    assert third.startswith(
        "Lowther, J., Joyce, P. and Whiteman, P. (2025) A third model of "
        "intervention. INLOGOV blog, 16 October 2025."
    )
    assert any(r.italic and r.text == "INLOGOV blog" for r in refs[2].runs)
    assert all(r.text.lower() != "click here" for ref in refs for r in ref.runs)


def test_article_used_twice_is_listed_once(make_pack, pack) -> None:
    pack.sections[1].items.append(Item(article="small-councils", summary="again"))
    refs = [
        b for b in compose(pack, BASE).blocks if isinstance(b, Paragraph) and b.role == "reference"
    ]
    assert len(refs) == 3  # the blog post, the book it is about, the other post


def test_contact_has_name_mailto_link_and_phone(pack) -> None:
    blocks = compose(pack, BASE).blocks
    start = next(n for n, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Contact")
    texts = [_text(b) for b in blocks[start + 1 :]]
    assert "A. Officer" in texts
    assert "Email: policy@example.gov.uk" in texts
    assert "Telephone: 01234 567890" in texts
    email = next(b for b in blocks[start:] if "Email" in _text(b))
    assert email.runs[-1].href == "mailto:policy@example.gov.uk"


def test_no_contact_section_without_contact_details(make_pack) -> None:
    from briefing.model import Contact

    assert "Contact" not in _h1s(compose(make_pack(contact=Contact()), BASE))


def test_event_handout_cover_and_agenda(handout) -> None:
    doc = compose(handout, BASE)
    assert doc.cover.kind_label == "Event handout"
    assert doc.cover.details == [
        ("Event", "21st Century Councillor"),
        ("Date and time", "4 November 2025, 10:00"),
        ("Venue", "Andover"),
    ]
    assert doc.cover.date_text == ""  # the date is said once, with the time
    assert doc.meta.paper == "A5"
    # The agenda comes straight after the cover; nothing repeats the cover's details.
    assert _h1s(doc)[0] == "Agenda" and "About the event" not in _h1s(doc)
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert table.header == ["Time", "Session", "Speaker"]
    assert table.rows == [["10:00", "Welcome", "Chair"], ["10:15", "What councillors told us", ""]]


def test_event_date_without_time(make_handout) -> None:
    pack = make_handout()
    pack.event.starts = date(2025, 11, 4)
    assert compose(pack, BASE).cover.details[1] == ("Date", "4 November 2025")


def test_handout_starts_each_section_and_item_on_a_new_page(make_handout) -> None:
    pack = make_handout()
    pack.sections[0].items.append(Item(article="intervention", summary="x"))
    blocks = compose(pack, BASE).blocks
    for n, block in enumerate(blocks):
        if isinstance(block, Heading) and block.anchor in ("sec-1", "sec-2", "item-1-2", "sources"):
            assert isinstance(blocks[n - 1], PageBreak), block.text


def test_member_briefing_has_no_page_breaks(pack) -> None:
    assert not any(isinstance(b, PageBreak) for b in compose(pack, BASE).blocks)


def test_event_block_only_for_handouts(make_pack, make_handout) -> None:
    assert "About the event" not in _h1s(compose(make_pack(event=make_handout().event), BASE))


def test_item_whose_article_is_missing_still_composes(pack) -> None:
    pack.sections[0].items[0].article = "nowhere"
    doc = compose(pack, BASE)
    assert any("nowhere" in h.text for h in doc.headings())
