"""Older pack formats are migrated on load through the registry in migrate.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from packfile_samples import MINIMAL, problems_in

from briefing.packfile import dump_pack, loads_pack, migrate


def test_no_migrations_are_needed_for_format_1():
    assert migrate.CURRENT == 1
    assert migrate.MIGRATIONS == {}


def test_an_old_format_is_migrated_on_load(monkeypatch):
    # A made-up format 0 that called section titles "heading" and had no version 1 keys.
    def from_0(data):
        data["sections"] = [
            {("title" if key == "heading" else key): value for key, value in section.items()}
            for section in data["sections"]
        ]
        data["briefing_pack"] = 1
        return data

    monkeypatch.setitem(migrate.MIGRATIONS, 0, from_0)
    old = MINIMAL.replace("briefing_pack: 1", "briefing_pack: 0").replace(
        "  - title: Housing", "  - heading: Housing"
    )
    pack = loads_pack(old, Path("old.yaml"))
    assert pack.format == 1
    assert pack.sections[0].title == "Housing"
    assert dump_pack(pack) == MINIMAL  # saved in the current format


def test_problems_after_migration_still_point_into_the_old_file(monkeypatch):
    monkeypatch.setitem(migrate.MIGRATIONS, 0, lambda data: {**data, "briefing_pack": 1})
    old = MINIMAL.replace("briefing_pack: 1", "briefing_pack: 0") + "date: soon\n"
    assert problems_in(old) == [
        (10, 7, 'date "soon" is not a date: write it as YYYY-MM-DD, e.g. 2025-11-04'),
    ]


def test_a_version_with_no_migration_is_reported():
    line, column, message = problems_in(MINIMAL.replace("briefing_pack: 1", "briefing_pack: 0"))[0]
    assert (line, column) == (1, 16)
    assert "briefing_pack 0 is not a format Briefing knows" in message


@pytest.mark.parametrize("value", ['"1"', "one", "1.5", "true"])
def test_version_must_be_a_whole_number(value):
    (found,) = problems_in(MINIMAL.replace("briefing_pack: 1", f"briefing_pack: {value}"))
    assert found[:2] == (1, 16)
    assert found[2].startswith("briefing_pack should be a whole number")
