"""What changed between two versions: items and sections added, removed and moved, and the
words changed, as each audience may see them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from revisions_pack import VERSION_1, VERSION_2, write_pack

from briefing.compare.diff import compare_packs
from briefing.compare.report import as_data, as_text
from briefing.compare.words import DELETED, INSERTED, SAME, edits, pieces
from briefing.packfile import load_pack


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare")
    return (
        load_pack(write_pack(folder, VERSION_1, "one.yaml")),
        load_pack(write_pack(folder, VERSION_2, "two.yaml")),
    )


def _by_title(changes):
    return {change.title: change for change in changes.items}


def test_a_figure_changed_in_a_summary_reads_as_old_to_new():
    assert [
        str(e) for e in edits("It will cost £35m this year.", "It will cost £38m this year.")
    ] == ["“£35m” → “£38m”"]
    assert [str(e) for e in edits("Costs rose.", "Costs rose sharply.")] == ["added “sharply”"]
    assert [str(e) for e in edits("The slow red fox", "The quick brown fox")] == [
        "“slow red” → “quick brown”"
    ]


def test_every_kind_of_change_between_two_versions_is_found(packs):
    changes = compare_packs(*packs)
    items = _by_title(changes)
    assert items["Rent arrears after the cost of living crisis"].kind == "added"
    assert items["Council tax collection rates"].kind == "added"
    assert items["Bringing empty homes back into use"].kind == "removed"
    homes = items["Social homes behind target"]
    assert homes.kind == "moved" and (str(homes.old), str(homes.new)) == ("1.2", "3.1")
    assert homes.new is not None and homes.new.section_title == "Finance"
    # Of two items that swapped places, one is reported as moved (the other kept its order).
    assert items["Fragile home care market"].kind == "moved"
    assert "Care workers' pay" not in items
    costs = items["The rising cost of temporary accommodation"]
    assert costs.kind == "changed"
    fields = {f.label: [str(e) for e in f.edits()] for f in costs.fields}
    assert fields["Summary"] == ["“£35m” → “£38m”"]
    assert fields["Quote 1"] == ["“costliest” → “dearest”"]
    assert fields["Question 2"] == ["added “When will the new hostel open?”"]
    exempted = {f.label: f.new for f in items["Fragile home care market"].fields}
    assert exempted == {"Exemption": "exempt under paragraph 3"}
    assert [(s.kind, s.title, str(s.new)) for s in changes.sections] == [("added", "Finance", "3")]
    assert [(f.label, [str(e) for e in f.edits()]) for f in changes.front] == [
        ("Introduction", ["“Three” → “Four”"])
    ]
    assert changes.withdrawn == 0


def test_the_public_version_never_names_an_item_made_exempt(packs):
    changes = compare_packs(*packs, "public")
    assert "Fragile home care market" not in _by_title(changes)
    assert changes.withdrawn == 1
    text = as_text(changes, "Public changes")
    assert "care market" not in text.lower() and "provider" not in text.lower()
    assert "1 item in the earlier version is not in this version." in text
    # Carers' pay stays item 2.1 in the public version: no move to report.
    assert "Care workers' pay" not in _by_title(changes)


def test_no_change_is_no_change(packs):
    changes = compare_packs(packs[0], packs[0])
    assert changes.empty
    assert "No item was added, removed, moved or changed." in as_text(changes, "Same")


def test_the_text_and_json_say_the_same(packs):
    changes = compare_packs(*packs)
    data = as_data(changes)
    assert data["counts"] == {"added": 2, "removed": 1, "moved": 2, "changed": 1, "withdrawn": 0}
    text = as_text(changes, "Changes")
    assert "Items: 2 added, 1 removed, 2 moved and 1 changed." in text
    for item in data["items"]:
        assert item["title"] in text
    summary = next(f for i in data["items"] for f in i["fields"] if f["field"] == "Summary")
    assert summary["edits"] == [{"old": "£35m", "new": "£38m"}]
    assert "Summary: “£35m” → “£38m”" in text


def test_a_renamed_section_is_the_same_section(packs):
    old, new = packs
    renamed = VERSION_1.replace("  - title: Adult social care", "  - title: Social care for adults")
    from briefing.packfile import loads_pack

    changes = compare_packs(old, loads_pack(renamed, "renamed.yaml"))
    assert not changes.items
    assert [(s.kind, [f.label for f in s.fields]) for s in changes.sections] == [
        ("changed", ["Section title"])
    ]


_words = st.lists(
    st.sampled_from(
        [
            "the",
            "council",
            "£35m",
            "£38m",
            "homes,",
            "care.",
            "(a)",
            "rose",
            "fell",
            "Ynys",
            "Môn",
            "—",
            "42%",
        ]
    ),
    max_size=25,
)


@given(_words, _words)
def test_a_redline_holds_both_texts_whole(old, new):
    old_text, new_text = " ".join(old), " ".join(new)
    parts = pieces(old_text, new_text)
    assert "".join(p.text for p in parts if p.kind in (SAME, DELETED)).split() == old_text.split()
    assert "".join(p.text for p in parts if p.kind in (SAME, INSERTED)).split() == new_text.split()
    assert (old_text.split() == new_text.split()) == (not edits(old_text, new_text))
