"""Search finds what officers mean: other forms of a word, exact words first, prefixes only from
three letters, and "did you mean" from the library's own words."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.library.query import correction, stem_key, words

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.library import Library

ARTICLES = {
    "Two districts merged into one unitary": "The councils merged their **back offices** and "
    "shared a chief executive; see [the order](https://example.org/order).",
    "Merger talks stall": "A merger of two county councils was proposed and then dropped.",
    "Councillor casework": "A survey of councillors found casework rising every year.",
    "AI in planning": "One council uses AI to check planning applications are complete.",
    "Goals for the year": "The council aims to cut waiting times and clear the backlog.",
    "Devolution deals": "The devolution framework gives mayors new powers over transport.",
    "Parish precepts": "Parish councils raised their precepts faster than district councils.",
}


@pytest.fixture
def library(lib: Library, make_draft) -> Library:  # type: ignore[no-untyped-def]
    lib.add_drafts([make_draft(title, body) for title, body in ARTICLES.items()])
    return lib


def titles(library: Library, query: str) -> list[str]:
    return [h.title for h in library.search(query)]


def test_other_forms_of_a_word_are_found_and_the_exact_word_ranks_first(library: Library):
    assert titles(library, "merger") == [
        "Merger talks stall",
        "Two districts merged into one unitary",
    ]
    assert titles(library, "merged") == [
        "Two districts merged into one unitary",
        "Merger talks stall",
    ]
    assert titles(library, "councillor") == ["Councillor casework"]
    assert titles(library, "councillors") == ["Councillor casework"]
    assert titles(library, "back office") == ["Two districts merged into one unitary"]


def test_short_words_are_whole_words_and_prefixes_start_at_three_letters(library: Library):
    assert titles(library, "AI") == ["AI in planning"]  # not "aims"
    assert "Goals for the year" in titles(library, "aims")
    assert titles(library, "pa") == []
    assert "Parish precepts" in titles(library, "par")
    # A whole word typed is found before the words it begins.
    assert titles(library, "devolution")[0] == "Devolution deals"


def test_nothing_found_offers_the_library_spelling(library: Library):
    assert library.search("devolusion") == []
    assert library.did_you_mean("devolusion") == "devolution"
    assert library.search("councilor") == []
    assert library.did_you_mean("councilor") in ("councillor", "councillors")
    assert library.did_you_mean("parish merger") == ""  # the library's own words
    assert library.did_you_mean("xqzvbnm") == ""  # nothing close: no guess


def test_snippets_hold_words_not_markup(library: Library):
    hit = library.search("offices")[0]
    assert "back offices" in hit.snippet
    assert "**" not in hit.snippet and "](" not in hit.snippet and "https" not in hit.snippet


def test_the_command_line_says_did_you_mean(library: Library, tmp_path: Path):
    env = {
        **os.environ,
        "BRIEFING_CACHE_DIR": str(library.index.path.parents[1]),
        "BRIEFING_LIBRARY": str(library.root),
    }
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "search", "devolusion"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0
    assert "Nothing found." in result.stdout
    assert "Did you mean “devolution”?" in result.stderr
    found = subprocess.run(
        [sys.executable, "-m", "briefing", "search", "merger", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert [h["title"] for h in json.loads(found.stdout)] == [
        "Merger talks stall",
        "Two districts merged into one unitary",
    ]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("merger", "merged"),
        ("councillor", "councillors"),
        ("authority", "authorities"),
        ("policy", "policies"),
        ("manager", "managing"),
        ("housing", "houses"),
        ("devolve", "devolved"),
        ("budget", "budgets"),
    ],
)
def test_forms_of_one_word_share_a_key(one: str, other: str):
    assert stem_key(one) == stem_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("ai", "aims"), ("police", "policy"), ("parish", "paris"), ("council", "counsel")],
)
def test_different_words_keep_different_keys(one: str, other: str):
    assert stem_key(one) != stem_key(other)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=40))
def test_any_typing_makes_safe_words(text: str):
    for word in words(text):
        assert all(t.isalnum() for t in word.tokens)
        assert '"' not in word.quoted()[1:-1]


def test_a_correction_is_only_a_word_the_library_has():
    library_words = {"councillor": 5, "councillors": 9, "devolution": 4, "programme": 2}

    def terms_from(low: str, high: str) -> list[tuple[str, int]]:
        return [(w, n) for w, n in sorted(library_words.items()) if low <= w < high]

    assert correction("program", terms_from) == "programme"
    assert correction("devolusion", terms_from) == "devolution"
    assert correction("councillor", terms_from) == ""
    assert correction("housing", terms_from) == ""
