"""Saving over a hand-edited pack keeps its comments, and never at the cost of the data."""

from __future__ import annotations

import dataclasses
import time
from typing import TYPE_CHECKING

import pytest

from briefing.model.pack import Article, Item, Pack, Section
from briefing.packfile import dump_pack, keep_comments, load_pack, save_pack

if TYPE_CHECKING:
    from pathlib import Path

COMMENTED = """\
# yaml-language-server: $schema=../briefing/schema/pack-format-1.schema.json
# Pack for the November members' briefing.

briefing_pack: 1
title: Housing and care  # working title
# the subtitle is agreed with the chair
subtitle: Briefing for members
sections:
  # housing first, as the committee asked
  - title: Housing
    items:
      # lead item
      - article: rents  # chosen by the head of service
        summary: |
          Rents rose faster than wages.
          Councils felt it first.
        implications:
          - Waiting lists grow.  # check this figure with finance
          # the next point is from the scrutiny report
          - Temporary housing costs rise.
      # keep this one short
      - article: repairs
        summary: Repairs backlog.
  - title: Care
    items:
      # ask the director about this one
      - article: care-fees
        summary: Care fees.
articles:
  rents:
    title: Rents and wages
  repairs:
    title: The repairs backlog
  care-fees:
    title: Care fees
# end of the hand-written notes
"""


@pytest.fixture
def pack_file(tmp_path: Path) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def test_header_comment_and_schema_line_survive_a_save(pack_file):
    pack = load_pack(pack_file)
    pack.title = "Housing, care and more"
    save_pack(pack, pack_file)
    text = pack_file.read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../briefing/schema/"
        "pack-format-1.schema.json\n# Pack for the November members' "
        "briefing.\n\nbriefing_pack: 1\n"
    )
    assert "title: Housing, care and more  # working title\n" in text
    assert text.endswith("# end of the hand-written notes\n")
    assert load_pack(pack_file) == pack


def test_comments_on_keys_and_inside_an_item_survive_editing_its_summary(pack_file):
    pack = load_pack(pack_file)
    pack.sections[0].items[0].summary = "Rents rose much faster than wages.\nSee table 2.\n"
    save_pack(pack, pack_file)
    text = pack_file.read_text(encoding="utf-8")
    for comment in (
        "# the subtitle is agreed with the chair\nsubtitle:",
        "  # housing first, as the committee asked\n  - title: Housing\n",
        "      # lead item\n      - article: rents  # chosen by the head of service\n",
        "          - Waiting lists grow.  # check this figure with finance\n"
        "          # the next point is from the scrutiny report\n",
        "      # keep this one short\n      - article: repairs\n",
    ):
        assert comment in text
    assert (
        "summary: |\n          Rents rose much faster than wages.\n          See table 2.\n" in text
    )
    assert load_pack(pack_file) == pack


def test_moving_an_item_to_another_section_keeps_its_comments(pack_file):
    pack = load_pack(pack_file)
    moved = pack.sections[0].items.pop(1)  # repairs, "keep this one short"
    pack.sections[1].items.insert(0, moved)
    save_pack(pack, pack_file)
    text = pack_file.read_text(encoding="utf-8")
    care = text.index("  - title: Care\n")
    assert text.index("# keep this one short\n      - article: repairs\n") > care
    assert text.index("# ask the director about this one\n      - article: care-fees") > care
    assert text.index("# lead item\n      - article: rents") < care
    assert load_pack(pack_file) == pack


def test_deleting_an_item_removes_its_comment_and_keeps_the_others(pack_file):
    pack = load_pack(pack_file)
    del pack.sections[0].items[0]  # rents, with "lead item" and the finance note
    del pack.articles["rents"]
    save_pack(pack, pack_file)
    text = pack_file.read_text(encoding="utf-8")
    assert "lead item" not in text and "finance" not in text and "head of service" not in text
    assert "      # keep this one short\n      - article: repairs\n" in text
    assert "# ask the director about this one\n" in text
    assert text.startswith("# yaml-language-server:")
    assert load_pack(pack_file) == pack


TRICKY = [
    "yes",
    "no",
    "null",
    "~",
    "on",
    "10:00",
    "0177",
    "#hash",
    "text # not a comment",
    "  leading spaces",
    "trailing  ",
    "multi\nline",
    "ends with newline\n",
    "hard break  \nnext\n",
    "Špaček £ – “quoted” • 🙂",
    "'single'",
    '"double"',
    "y",
    "",
    "crlf\r\nline",
    "2025-11-04",
    "- dash",
    "key: value",
]


@pytest.mark.parametrize("value", TRICKY)
def test_tricky_text_round_trips_through_a_commented_file(pack_file, value):
    pack = load_pack(pack_file)
    pack.sections[0].items[1].summary = value
    pack.sections[0].items[0].implications[1] = value or "x"
    pack.subtitle = value
    merged = keep_comments.merged_text(COMMENTED, _data(pack))
    assert merged is not None and "# keep this one short" in merged
    save_pack(pack, pack_file)
    assert load_pack(pack_file) == pack
    assert "# lead item" in pack_file.read_text(encoding="utf-8")


def test_saving_twice_without_changes_is_byte_identical(pack_file):
    pack = load_pack(pack_file)
    save_pack(pack, pack_file)
    first = pack_file.read_bytes()
    save_pack(load_pack(pack_file), pack_file)
    assert pack_file.read_bytes() == first
    assert first.decode("utf-8") == COMMENTED  # nothing changed, so nothing moved


def test_a_merge_that_would_change_the_data_falls_back_to_the_canonical_dump(
    pack_file, monkeypatch
):
    pack = load_pack(pack_file)
    pack.title = "Changed"
    monkeypatch.setattr(
        keep_comments, "merged_text", lambda old, data: old
    )  # a "merge" that ignores the new data
    save_pack(pack, pack_file)
    assert pack_file.read_text(encoding="utf-8") == dump_pack(pack)


def test_new_files_and_files_that_do_not_parse_get_the_canonical_dump(tmp_path, pack_file):
    pack = load_pack(pack_file)
    new = tmp_path / "new.yaml"
    save_pack(pack, new)
    assert new.read_text(encoding="utf-8") == dump_pack(pack)
    broken = tmp_path / "broken.yaml"
    broken.write_text("# notes\ntitle: [unclosed\n", encoding="utf-8")
    save_pack(pack, broken)
    assert broken.read_text(encoding="utf-8") == dump_pack(pack)
    tagged = tmp_path / "tagged.yaml"  # never handed to the round-trip loader
    tagged.write_text(
        "# notes\n"
        + COMMENTED.replace("title: Rents and wages", "title: !!python/object:os.system x")
    )
    save_pack(pack, tagged)
    assert tagged.read_text(encoding="utf-8") == dump_pack(pack)


def test_save_as_carries_the_comments_of_the_loaded_file(tmp_path, pack_file):
    pack = load_pack(pack_file)
    pack.sections[1].items[0].summary = "Care fees rose."
    copy = tmp_path / "copy.yaml"
    save_pack(pack, copy, comments_from=pack_file)
    text = copy.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server:")
    assert "# ask the director about this one\n" in text
    assert load_pack(copy) == pack
    assert pack_file.read_text(encoding="utf-8") == COMMENTED


def test_new_keys_go_in_at_their_canonical_place(pack_file):
    pack = load_pack(pack_file)
    pack.organisation = "Example Borough Council"
    pack.key_messages = ["Rents matter."]
    pack.sections[0].items[1].questions = ["What is the backlog?"]
    save_pack(pack, pack_file)
    text = pack_file.read_text(encoding="utf-8")
    assert text.index("subtitle:") < text.index("organisation:") < text.index("key_messages:")
    assert text.index("key_messages:") < text.index("sections:")
    assert "        summary: Repairs backlog.\n        questions:\n          - What is" in text
    assert load_pack(pack_file) == pack


def _data(pack: Pack):
    from briefing.packfile.dump import pack_to_data

    return pack_to_data(pack)


def _big_pack(n: int) -> Pack:
    sections = [
        Section(
            title=f"Section {s}",
            items=[
                Item(
                    article=f"a{s}-{i}",
                    summary=f"Summary {s}-{i}.\nSecond line.\n",
                    implications=["One point.", "Another point."],
                    questions=["Why?"],
                )
                for i in range(n // 10)
            ],
        )
        for s in range(10)
    ]
    articles = {
        i.article: Article(title=f"Article {i.article}", authors=["A. Author"])
        for s in sections
        for i in s.items
    }
    return Pack(title="Big pack", sections=sections, articles=articles)


def test_saving_a_large_commented_pack_keeps_its_comments(tmp_path):
    """Not a timed test: the figures are printed for the record (pytest -s)."""
    pack = _big_pack(300)
    path = tmp_path / "big.yaml"
    lines = dump_pack(pack).splitlines(keepends=True)
    text = "".join(
        line + ("      # note\n" if line.startswith("      - article:") else "") for line in lines
    )
    path.write_text("# header\n" + text, encoding="utf-8")
    edited = dataclasses.replace(pack, title="Bigger pack")
    start = time.perf_counter()
    save_pack(edited, path)
    merged = time.perf_counter() - start
    start = time.perf_counter()
    save_pack(edited, tmp_path / "plain.yaml")
    plain = time.perf_counter() - start
    saved = path.read_text(encoding="utf-8")
    assert saved.count("      # note\n") == 300 and saved.startswith("# header\n")
    print(f"300-item save: with comments {merged * 1000:.0f} ms, canonical {plain * 1000:.0f} ms")
