"""Search: ranking, filters, prefix matching, hostile queries, and the index cache."""

from __future__ import annotations

import os
from datetime import date

import pytest

from briefing.library import Library


@pytest.fixture
def filled(lib: Library, samples, make_draft) -> Library:
    lib.add_drafts(samples)
    lib.add_drafts(
        [
            make_draft(
                "Housing delivery",
                "Parks parks parks parks parks appear often in this long text about "
                "housing, but the word is not in the title.",
                authors=["Dee Mason"],
                source="Planning Now",
                published=date(2023, 2, 1),
            )
        ]
    )
    theme = lib.add_theme("Parks")
    lib.assign(["parks-budgets-under-strain", "councillor-workloads"], theme)
    return lib


def test_title_hits_rank_above_body_hits(filled: Library):
    hits = filled.search("parks")
    assert hits[0].id == "parks-budgets-under-strain"
    assert {h.id for h in hits} == {
        "parks-budgets-under-strain",
        "councillor-workloads",
        "housing-delivery",
    }
    assert hits[0].authors == ["Dr Ada Greenwood"] and hits[0].themes == ["parks"]
    assert hits[0].published == date(2024, 5, 2) and "play areas" in hits[0].snippet


def test_last_word_matches_as_a_prefix_while_typing(filled: Library):
    assert [h.id for h in filled.search("social car")] == ["adult-social-care-waiting-lists"]
    assert filled.search("social car ") == []  # a finished word "car" is a whole word
    # Two letters are too few to be a prefix: they match a whole word only.
    assert filled.search("social ca") == []
    assert {h.id for h in filled.search("council")} >= {"councillor-workloads"}


def test_filters_theme_source_author_dates(filled: Library):
    assert {h.id for h in filled.search("parks", theme="parks")} == {
        "parks-budgets-under-strain",
        "councillor-workloads",
    }
    assert [h.id for h in filled.search("", source="care weekly")] == [
        "adult-social-care-waiting-lists"
    ]
    assert {h.id for h in filled.search("", author="greenwood")} == {
        "parks-budgets-under-strain",
        "councillor-workloads",
    }
    assert [h.id for h in filled.search("parks", date_from=date(2025, 1, 1))] == [
        "councillor-workloads"
    ]
    assert [h.id for h in filled.search("", date_to=date(2023, 12, 31))] == ["housing-delivery"]
    # An empty query lists everything, newest first.
    assert [h.id for h in filled.search("")][0] == "councillor-workloads"
    assert filled.sources() == ["Care Weekly", "Planning Now", "Town Hall Review"]
    assert "Chen Li" in filled.authors()


@pytest.mark.parametrize(
    "query",
    [
        'AI AND "',
        "NEAR(",
        '"',
        "parks OR",
        "title:parks",
        "(((",
        "*",
        "park's \"budg",
        "a\x00b",
        "NOT",
    ],
)
def test_hostile_queries_never_error(filled: Library, query: str):
    assert isinstance(filled.search(query), list)
    assert isinstance(filled.search(query, theme="parks", author="'%_"), list)


@pytest.mark.parametrize("query", ["-parks", "^parks", "parks AND", "PARKS*", "(parks)"])
def test_operators_typed_by_users_are_plain_words(filled: Library, query: str):
    assert filled.search(query)[0].id == "parks-budgets-under-strain"


def test_accents_and_apostrophes_match(lib: Library, make_draft):
    lib.add_drafts([make_draft("Balík on Czech councils", "The council's view of crises.")])
    assert lib.search("balik")[0].title == "Balík on Czech councils"
    assert lib.search("council's")[0].title == "Balík on Czech councils"


def test_index_follows_changed_and_deleted_files(filled: Library):
    path = filled.root / "articles" / "housing-delivery.md"
    text = path.read_text(encoding="utf-8").replace("housing, but", "zeppelins, but")
    path.write_text(text, encoding="utf-8")
    fresh = Library(filled.root)
    assert [h.id for h in fresh.search("zeppelins")] == ["housing-delivery"]
    os.remove(path)
    fresh.refresh()
    assert fresh.search("zeppelins") == []
    assert Library(filled.root).search("zeppelins") == []


def test_index_lives_outside_the_library(filled: Library, cache_dir):
    assert filled.index.path.is_relative_to(cache_dir)
    assert not any(p.suffix.startswith(".sqlite") for p in filled.root.rglob("*"))


def test_damaged_index_is_deleted_and_rebuilt(filled: Library):
    index_file = filled.index.path
    filled.index.close()
    index_file.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (index_file.parent / (index_file.name + suffix)).unlink(missing_ok=True)
    fresh = Library(filled.root)
    assert [h.id for h in fresh.search("waiting")] == ["adult-social-care-waiting-lists"]
    assert fresh.index.rebuilt
    # And a missing index is simply made again.
    fresh.index.close()
    index_file.unlink()
    assert len(Library(filled.root).search("parks")) == 3


def test_an_author_filter_finds_articles_added_while_it_is_set(filled: Library, make_draft):
    """The author filter stays set while an officer types query after query; an article by
    that author added meanwhile, here or by another copy of the app, is found at once."""
    assert {h.id for h in filled.search("", author="mason")} == {"housing-delivery"}
    filled.add_drafts([make_draft("Mason on parks", "Parks text.", authors=["Dee Mason"])])
    assert {h.id for h in filled.search("", author="mason")} == {
        "housing-delivery",
        "mason-on-parks",
    }
    other = Library(filled.root)  # another copy of the app, sharing the same index
    other.add_drafts([make_draft("More from Mason", "Parks again.", authors=["Dee Mason"])])
    filled.folder.sync(force=False)  # the folder scan itself may wait: the index has changed
    assert {h.id for h in filled.index.search("", author="mason")} == {
        "housing-delivery",
        "mason-on-parks",
        "more-from-mason",
    }
