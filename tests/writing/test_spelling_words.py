"""The spelling engine, the team's word list, words to avoid, repeated words and reading ease,
each on plain text."""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.library.words import HEADER, add_team_word, built_in_words, team_words
from briefing.writing.plain_words import PLAINER, plainer_words, repeated_words
from briefing.writing.readability import reading_ease, syllables
from briefing.writing.spelling import WordSet, misspelt, speller, words_to_check

if TYPE_CHECKING:
    from pathlib import Path


def test_the_shipped_dictionary_is_british_english() -> None:
    spell = speller("en")
    for word in (
        "colour",
        "organise",
        "programme",
        "travelling",
        "councillors",
        "council's",
        "centre",
        "licence",
        "Gwynedd",
    ):
        assert spell.is_word(word), word
    for word in ("councl", "goverment", "recieve", "color", "center"):
        assert not spell.is_word(word), word


def test_the_dictionary_loads_without_its_number_rules_and_leaves_its_files_alone(
    tmp_path: Path, monkeypatch
) -> None:
    """The compound rules only serve ordinals ("21st"), which are never checked; the speller
    loads from a copy without them, leaves nothing behind and never changes the shipped
    files."""
    import hashlib
    import tempfile
    from pathlib import Path

    from briefing.writing.spelling import Speller, dictionary_files

    aff, dic = (Path(p) for p in dictionary_files("en"))
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (aff, dic)]
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    spell = Speller("en")
    spell.load()
    assert list(tmp_path.iterdir()) == []
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in (aff, dic)] == before
    assert b"COMPOUNDRULE" in aff.read_bytes()
    assert spell.is_word("council") and not spell.is_word("councl")
    assert spell.suggest("councl")[0] == "council"


def test_typing_slips_get_the_intended_word_first() -> None:
    spell = speller("en")
    for typed, meant in (
        ("councl", "council"),
        ("goverment", "government"),
        ("recieve", "receive"),
        ("seperate", "separate"),
        ("occured", "occurred"),
        ("neccessary", "necessary"),
        ("buisness", "business"),
        ("Councl", "Council"),
    ):
        assert spell.suggest(typed)[0] == meant, (typed, spell.suggest(typed))


def test_acronyms_numbers_addresses_and_single_letters_are_not_checked() -> None:
    text = (
        "The NHS and the LGA's s151 officer met on 4 May 2026; see www.example.gov.uk "
        "or write to team@example.gov.uk about the A road."
    )
    assert [w for _, w in words_to_check(text)] == [
        "The",
        "and",
        "the",
        "officer",
        "met",
        "on",
        "May",
        "see",
        "or",
        "write",
        "to",
        "about",
        "the",
        "road",
    ]


def test_a_run_of_letters_longer_than_any_word_is_left_to_the_long_words_check() -> None:
    run = ("Antidisestablishmentarianism" * 600)[:16_000]
    assert misspelt(f"Before {run} after.", lambda word: False) == [
        (0, "Before"),
        (16_008, "after"),
    ]
    assert speller("en").suggest(run) == ()  # no edit of it is tried: it would take gigabytes


def test_a_hyphenated_word_is_reported_by_its_unknown_part_at_its_own_offset() -> None:
    text = "A well-being and council-wide plan with a housng-led offer."
    assert list(misspelt(text, speller("en").is_word)) == [(text.index("housng"), "housng")]


def test_word_set_accepts_capitalised_and_possessive_forms() -> None:
    words = WordSet.of(["wellbeing", "Gwynedd"])
    assert "Wellbeing" in words and "wellbeing" in words and "Gwynedd's" in words
    assert "gwynedd" not in words and "Wellbeings" not in words


def test_the_built_in_terms_include_the_common_local_government_ones() -> None:
    assert {"LGA", "MHCLG", "s151", "SEND", "Cllr", "EHCPs"} <= built_in_words()


def test_team_word_list_is_created_shared_and_kept_whole_under_concurrent_adds(
    tmp_path: Path,
) -> None:
    library = tmp_path / "library"
    assert team_words(library) == frozenset()
    words = [f"Word{n}" for n in range(12)]
    threads = [threading.Thread(target=add_team_word, args=(library, w)) for w in words]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    text = (library / "words.txt").read_text(encoding="utf-8")
    assert text.startswith(HEADER)
    assert team_words(library) == frozenset(words)
    add_team_word(library, "Word3")  # already there: not written twice
    assert (library / "words.txt").read_text(encoding="utf-8").count("Word3\n") == 1


def test_words_to_avoid_are_found_with_their_plain_alternative() -> None:
    text = "We will utilise the fund in order to support, prior to April, going forward."
    found = [(f.text, f.entry.instead) for f in plainer_words(text)]
    assert found == [
        ("utilise", "use"),
        ("in order to", "to"),
        ("prior to", "before"),
        ("going forward", "from now on or in future"),
    ]
    assert list(plainer_words("The council used the fund and drove forward.")) == []


def test_repeated_words_but_not_correct_doubles() -> None:
    text = "We sent the the letter. What had had happened was that that was late."
    assert list(repeated_words(text)) == [(text.index("the the"), "the the")]


def test_reading_ease_is_higher_for_plain_writing() -> None:
    plain = reading_ease(["We will fix the roof.", "It will cost less than we thought."])
    hard = reading_ease(
        [
            "The authority's comprehensive infrastructure rationalisation "
            "programme necessitates considerable organisational reconfiguration."
        ]
    )
    assert plain is not None and hard is not None
    assert plain.score > 80 > 0 > hard.score
    assert "rationalisation" in hard.hard_words and plain.hard_words == ()
    assert reading_ease(["", "1 2 3"]) is None


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_read_without_error_and_offsets_point_at_the_word(text: str) -> None:
    for offset, word in words_to_check(text):
        assert text[offset : offset + len(word)] == word
    for offset, word in misspelt(text, speller("en").is_word):
        assert text[offset : offset + len(word)] == word
    for found in plainer_words(text):
        assert text[found.offset : found.offset + len(found.text)] == found.text
    assert all(syllables(w) >= 1 for w in text.split())


def _one_by_one(text: str) -> list[tuple[int, str]]:
    """The slow, obvious reading: every word of the text looked up in turn."""
    spell = speller("en")
    found = []
    for offset, word in words_to_check(text):
        if spell.is_word(word):
            continue
        if "-" not in word:
            found.append((offset, word))
            continue
        at = offset
        for part in word.split("-"):
            if len(part) > 1 and not part.isupper() and not spell.is_word(part):
                found.append((at, part))
            at += len(part) + 1
    return found


VOCABULARY = [
    "council",
    "councl",
    "the",
    "housing",
    "housng-led",
    "well-being",
    "LGA's",
    "s151",
    "'quoted'",
    "www.example.gov.uk",
    "goverment",
    "Abererch",
    "plan.",
    "co-operate",
    "recieve",
    "team@example.org",
    "—",
    "(see",
    "it's",
    "2026",
]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY), max_size=40),
    st.lists(st.sampled_from([" ", "  ", "\n", ", ", "; "]), min_size=1),
)
def test_the_fast_reading_finds_what_reading_word_by_word_finds(words, gaps) -> None:
    from briefing.writing.spelling import SpellCheck

    text = "".join(w + gaps[i % len(gaps)] for i, w in enumerate(words))
    check = SpellCheck(speller("en").is_word)
    assert check.find(text) == _one_by_one(text)
    assert check.find(text) == _one_by_one(text)  # and again, from what it remembers


_PHRASE_WORDS = sorted(
    {word for entry in PLAINER for form in entry.forms for word in re.split(r"[\s-]+", form)}
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PHRASE_WORDS).map(
                lambda word: word.upper() if len(word) % 3 == 0 else word
            ),
            st.sampled_from(["the", "The", "council", "is", "order", "a1", "x_y", "Ærø"]),
        ),
        max_size=12,
    ),
    st.lists(
        st.sampled_from([" ", "  ", "\n", "-", "'", "’", ", ", ". "]), min_size=12, max_size=12
    ),
)
def test_words_to_avoid_and_repeated_words_are_found_wherever_the_full_search_finds_them(
    words: list[str], gaps: list[str]
) -> None:
    """The quick look for the words each search needs never skips a text the full pattern
    would find something in."""
    import briefing.writing.plain_words as plain

    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    full = [
        match.start(1)
        for match in plain._PATTERN.finditer(text)
        if " ".join(match.group(1).lower().split()) in plain._INDEX
    ]
    assert [found.offset for found in plainer_words(text)] == full
    repeats = [
        match.start()
        for match in plain._REPEAT.finditer(text)
        if match.group(1).lower() not in plain._FINE_TWICE
    ]
    assert [offset for offset, _ in repeated_words(text)] == repeats


def test_suggestions_come_in_the_same_order_in_every_run(tmp_path):
    """The words offered for a slip are the same, in the same order, whichever way Python
    happens to order its sets in a run (string hashing differs from process to process)."""
    import os
    import subprocess
    import sys

    code = (
        "from briefing.writing.spelling import speller\n"
        "s = speller('en')\n"
        "for word in ('teh', 'adn', 'wrok', 'cuncil', 'hte', 'fo', 'tow', 'biuld'):\n"
        "    print(word, s.suggest(word))\n"
    )
    runs = set()
    for seed in ("1", "2", "3", "4"):
        env = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            "BRIEFING_CACHE_DIR": str(tmp_path / f"cache-{seed}"),
        }
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        runs.add(out.stdout)
    assert len(runs) == 1, "\n---\n".join(sorted(runs))
