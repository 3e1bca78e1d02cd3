"""The optional `budget` key: loading, problems at their line and column, and saving."""

from __future__ import annotations

from pathlib import Path

import pytest
from packfile_samples import MINIMAL, problems_in

from briefing.errors import PackError
from briefing.model import Budget
from briefing.packfile import dump_pack, load_pack, loads_pack, save_pack

WITH_BUDGET = MINIMAL.replace("sections:", "budget:\n  pages: 4\n  words: 1500\nsections:")


def test_budget_loads_into_the_model(write_pack):
    pack = load_pack(write_pack(WITH_BUDGET))
    assert pack.budget == Budget(pages=4, words=1500)


def test_budget_is_optional_and_either_limit_may_be_left_out():
    assert loads_pack(MINIMAL, Path("p.yaml")).budget == Budget()
    only_pages = MINIMAL.replace("sections:", "budget: {pages: 6}\nsections:")
    assert loads_pack(only_pages, Path("p.yaml")).budget == Budget(pages=6)
    empty = MINIMAL.replace("sections:", "budget:\n  pages:\nsections:")
    assert loads_pack(empty, Path("p.yaml")).budget == Budget()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "  pages: four",
            'budget pages "four" must be a whole number of pages, e.g. 4, '
            "or delete the line for no limit",
        ),
        (
            "  pages: 2.5",
            "budget pages 2.5 must be a whole number of pages, e.g. 4, "
            "or delete the line for no limit",
        ),
        ("  pages: 0", "budget pages 0 must be 1 or more, e.g. 4, or delete the line for no limit"),
        (
            "  words: -10",
            "budget words -10 must be 1 or more, e.g. 1500, or delete the line for no limit",
        ),
        (
            '  words: "1500"',
            'budget words "1500" must be a whole number of words, e.g. 1500, '
            "or delete the line for no limit",
        ),
    ],
)
def test_bad_budget_values_are_reported_at_the_value(line, message):
    text = MINIMAL.replace("sections:", f"budget:\n{line}\nsections:")
    assert problems_in(text) == [(4, line.index(":") + 3, message)]


def test_misspelt_budget_key_names_the_nearest_one(write_pack):
    path = write_pack(MINIMAL.replace("sections:", "budget:\n  page: 4\nsections:"))
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert str(caught.value).splitlines() == [
        f'{path}:4:3: unknown key "page" in budget: did you mean "pages"?'
    ]


def test_budget_that_is_not_a_set_of_keys():
    text = MINIMAL.replace("sections:", "budget: 4\nsections:")
    [(line, column, message)] = problems_in(text)
    assert (line, column) == (3, 9)
    assert message == "budget should be a set of keys (key: value lines), not the number 4"


def test_budget_round_trips_after_layout_and_is_left_out_when_empty(tmp_path):
    pack = loads_pack(WITH_BUDGET, Path("p.yaml"))
    pack.layout.paper = "A5"
    text = dump_pack(pack)
    assert "layout:\n  paper: A5\nbudget:\n  pages: 4\n  words: 1500\nsections:\n" in text
    saved = save_pack(pack, tmp_path / "saved.yaml")
    assert load_pack(saved) == pack

    pack.budget = Budget(words=900)
    assert "budget:\n  words: 900\nsections:" in dump_pack(pack)
    pack.budget = Budget()
    assert dump_pack(pack) == dump_pack(loads_pack(MINIMAL, Path("p.yaml"))).replace(
        "sections:", "layout:\n  paper: A5\nsections:"
    )
    assert "budget" not in dump_pack(pack)
