"""The dictionary's answers kept between runs: a fresh speller meeting only words looked up
before answers without loading the dictionary, and always exactly as the dictionary does."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.writing.spelling import Speller
from briefing.writing.spelling_memory import KEEP_EVERY_S, memory_file
from tests.checks.test_writing_checks import PLANTED

if TYPE_CHECKING:
    from pathlib import Path

# Dictionary words, slips, names the dictionary lacks, Welsh and made-up runs of letters.
WORDS = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "council",
                "councl",
                "Council",
                "goverment",
                "recieve",
                "well-being",
                "Gwenllian",
                "Špaček",
                "Llanelli",
                "colour",
                "color",
                "council's",
                "organise",
                "a",
            ]
        ),
        st.text(alphabet="abcdeilnorstuy'-", min_size=1, max_size=9),
    ),
    min_size=1,
    max_size=12,
)
PLAIN = Speller("en")  # the dictionary itself: never reads or keeps answers
PLAIN._recalled = True


def _answers(spell: Speller, words: list[str]) -> list[tuple[bool, tuple[str, ...]]]:
    found = []
    for word in words:
        known = spell.is_word(word)
        found.append((known, () if known else spell.suggest(word, thorough=False)))
    return found


@settings(max_examples=20, deadline=None)
@given(WORDS, WORDS)
def test_answers_kept_from_a_run_are_the_dictionarys_own(
    earlier: list[str], later: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_CACHE_DIR", folder)
        first = Speller("en")
        assert _answers(first, earlier) == _answers(PLAIN, earlier)
        first.remember()

        again = Speller("en")
        assert _answers(again, earlier) == _answers(PLAIN, earlier)
        assert not again.loaded  # every word was answered by the first run
        assert _answers(again, later) == _answers(PLAIN, later)


def test_a_damaged_or_unwritable_memory_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    kept = Speller("en")
    assert kept.is_word("council") and not kept.is_word("councl")
    kept.remember()
    path = kept._memory_file()
    assert path is not None and path.is_file()
    for damage in (
        b"{not json",
        b'{"format": 1, "known": {"councl": "yes"}, "nearby": {}}',
        b'{"format": 1, "known": {"councl": false}, "nearby": {"councl": [7]}}',
    ):
        path.write_bytes(damage)
        spell = Speller("en")
        assert spell.is_word("council") and not spell.is_word("councl")
        assert spell.suggest("councl")[0] == "council"
    if os.geteuid() != 0:  # the owner of every folder may write into it whatever its mode
        path.unlink()
        path.parent.chmod(0o500)
        try:
            spell = Speller("en")
            assert not spell.is_word("councl")
            spell.remember()  # nothing written, nothing raised
            assert not path.exists()
        finally:
            path.parent.chmod(0o700)


def test_another_dictionary_or_speller_keeps_its_answers_apart(tmp_path: Path) -> None:
    aff, dic, code = (tmp_path / name for name in ("en_GB.aff", "en_GB.dic", "spelling.py"))
    for path in (aff, dic, code):
        path.write_text("x", encoding="utf-8")
    before = memory_file("en_GB", str(aff), str(dic), str(code))
    code.write_text("changed", encoding="utf-8")
    assert memory_file("en_GB", str(aff), str(dic), str(code)) != before
    assert memory_file("cy_GB", str(aff), str(dic), str(code)) != memory_file(
        "en_GB", str(aff), str(dic), str(code)
    )
    assert memory_file("en_GB", str(tmp_path / "gone.aff"), str(dic)) is None


def test_a_speller_packed_into_an_archive_still_keeps_its_answers(tmp_path: Path) -> None:
    """A frozen app's modules have no source file on disk: its version stands for the code."""
    aff, dic, code = (tmp_path / name for name in ("en_GB.aff", "en_GB.dic", "spelling.py"))
    for path in (aff, dic, code):
        path.write_text("x", encoding="utf-8")
    packed = memory_file("en_GB", str(aff), str(dic), code=str(tmp_path / "archive" / "s.pyc"))
    assert packed is not None
    assert packed == memory_file("en_GB", str(aff), str(dic), code=str(tmp_path / "gone.pyc"))
    assert packed != memory_file("en_GB", str(aff), str(dic), code=str(code))


CHECK_IN_A_FRESH_PROCESS = """
import json, sys
from briefing.cli import main
from briefing.writing.spelling import speller
main(["check", sys.argv[1], "--json"])
print(json.dumps(speller("en").loaded))
"""


def test_a_second_check_finds_the_same_without_loading_the_dictionary(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(PLANTED, encoding="utf-8")
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    env["BRIEFING_LIBRARY"] = str(tmp_path / "library")
    runs = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", CHECK_IN_A_FRESH_PROCESS, str(pack)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        *report, loaded = done.stdout.strip().splitlines()
        runs.append((json.loads("\n".join(report)), json.loads(loaded)))
    (first, loaded_first), (second, loaded_second) = runs
    assert loaded_first and not loaded_second
    assert second == first
    assert {"councl", "goverment", "recieve"} <= {
        re.findall(r"“([^”]+)” is not in", f["message"])[0]
        for f in first
        if f["rule"] == "spelling"
    }


def test_a_long_session_adds_to_the_kept_answers_now_and_then(tmp_path, monkeypatch) -> None:
    """The app checks the pack after each pause in the typing: the kept answers are added to
    at most every KEEP_EVERY_S, not read and written again after every check."""
    from types import SimpleNamespace

    import briefing.writing.spelling as spelling

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    clock = [1000.0]
    monkeypatch.setattr(
        spelling, "time", SimpleNamespace(monotonic=lambda: clock[0]), raising=False
    )
    session = Speller("en")
    session.is_word("councl")
    session.remember()  # the first check's answers are kept at once
    (kept,) = (tmp_path / "spelling").iterdir()
    first = kept.read_bytes()
    session.is_word("goverment")
    clock[0] += KEEP_EVERY_S / 2
    session.remember()
    assert kept.read_bytes() == first  # not yet
    clock[0] += KEEP_EVERY_S
    session.remember()
    later = Speller("en")
    assert later.is_word("goverment") is False
    assert later.is_word("councl") is False
    assert not later.loaded  # both answers were kept
