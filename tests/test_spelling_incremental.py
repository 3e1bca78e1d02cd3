"""The app's underlining of a long paragraph as the officer types: only the words around the
change are checked again, and the result is always what checking the whole paragraph gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.gui.spell_check import _respanned
from briefing.writing.spelling import SpellCheck, WordSet

# A stand-in dictionary: a word with a "q" in it is misspelt; everything else is a word.
CHECK = SpellCheck(lambda word: "q" not in word, WordSet.of(["qatar"]))


def spans(text: str) -> list[tuple[int, int]]:
    return [(start, len(word)) for start, word in CHECK.find(text)]


PIECES = st.sampled_from(
    [
        "the",
        "council",
        "qouncil",
        "well-being",
        "well-qeing",
        "Qatar",
        "qatar's",
        "s151",
        "NHS",
        "www.q.gov.uk",
        "a@q.org",
        "it's",
        "'qed'",
        " ",
        " ",
        " ",
        "\t",
        ".",
        ",",
        "-",
        "'",
        "q",
        "é",
        "—",
    ]
)
TEXT = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.integers(0, 200), st.integers(0, 12), TEXT)
def test_checking_only_the_change_gives_what_checking_the_whole_gives(old, at, cut, typed):
    at = min(at, len(old))
    new = old[:at] + typed + old[at + cut :]
    checked: list[str] = []

    def check(part: str) -> list[tuple[int, int]]:
        checked.append(part)
        return spans(part)

    assert _respanned(old, spans(old), new, check) == spans(new)
    assert len(checked) == 1


def test_one_key_in_a_long_paragraph_checks_the_word_typed_into():
    words = ["council"] * 2000
    words[10] = words[1990] = "qouncil"
    old = " ".join(words)
    at = len(old) // 2
    new = old[:at] + "q" + old[at:]
    checked: list[str] = []
    found = _respanned(old, spans(old), new, lambda part: checked.append(part) or spans(part))
    assert found == spans(new) and len(found) == 3
    assert len(checked) == 1 and len(checked[0].split()) == 1  # the one word typed into
