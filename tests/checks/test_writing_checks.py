"""`briefing check` on the pack's writing: misspellings with suggestions, words GOV.UK asks
writers to avoid, repeated words, very hard summaries, each at its own line and column."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing.cli import main

LONG = (
    "The board agreed that the council would review every lease in the town centre "
    "before the spring, write to each tenant about the new rent, and report to "
    "members in June with a plan for empty shops and the hall."
)
assert len(LONG.split()) == 40

PLANTED = f"""briefing_pack: 1
title: Town centre leases
intro: |
  This pack sets out what the councl heard from traders this year.
sections:
  - title: Leases
    items:
      - article: a1
        summary: |
          The goverment asked councils to recieve bids by March. We will utilise
          the the money for repairs.

          {LONG}
        implications:
          - Members may wish to ask when the market hall will reopen.
        questions:
          - Will the plan be ready in June?
articles:
  a1:
    title: Leases in the town centre
"""

CLEAN = """briefing_pack: 1
title: Town centre leases
intro: |
  This pack sets out what the council heard from traders in Gwynedd this year.
sections:
  - title: Leases
    items:
      - article: a1
        summary: |
          The government asked councils to send bids by March. We will use the money
          for repairs to the market hall, and the LGA will share advice with each council.
        implications:
          - Members may wish to ask when the market hall will reopen.
articles:
  a1:
    title: Leases in the town centre
"""

WRITING = ("spelling", "plain-words", "repeated-word", "reading-ease", "long-sentence")


def _place(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based line and column of the nth occurrence of needle in text."""
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    before = text[:at]
    return before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1


def _check(
    folder: Path, text: str, capsys: pytest.CaptureFixture[str], *extra: str
) -> list[dict[str, object]]:
    path = folder / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path), "--json", *extra]) == 0
    return [f for f in json.loads(capsys.readouterr().out) if f["rule"] in WRITING]


def _misspelt(found: list[dict[str, object]]) -> set[str]:
    return {
        re.search(r"“([^”]+)” is not in", str(f["message"])).group(1)  # type: ignore[union-attr]
        for f in found
        if f["rule"] == "spelling"
    }


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    monkeypatch.setenv("BRIEFING_LIBRARY", str(folder))
    return folder


def test_check_reports_each_planted_mistake_at_its_line_and_column_with_the_fix(
    tmp_path: Path, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _check(tmp_path, PLANTED, capsys)
    expected = {
        ("spelling", "councl"): (_place(PLANTED, "councl"), "“council”"),
        ("spelling", "goverment"): (_place(PLANTED, "goverment"), "“government”"),
        ("spelling", "recieve"): (_place(PLANTED, "recieve"), "“receive”"),
        ("plain-words", "utilise"): (_place(PLANTED, "utilise"), "write use"),
        ("repeated-word", "the the"): (_place(PLANTED, "the the"), "delete one"),
    }
    for key, ((line, column), advice) in expected.items():
        finding = next(
            f for f in found if f["rule"] == key[0] and f"“{key[1]}”" in str(f["message"])
        )
        assert (finding["line"], finding["column"]) == (line, column), key
        assert finding["severity"] == "advice"
        assert advice in str(finding["message"]), finding["message"]
    long = [f for f in found if f["rule"] == "long-sentence"]
    assert len(long) == 1 and "has 40 words" in str(long[0]["message"])
    assert (long[0]["line"], long[0]["column"]) == _place(PLANTED, "The board agreed")
    # Nothing else: the questions, points and titles are correctly spelt.
    assert len(found) == len(expected) + 1, [f["message"] for f in found]


def test_the_printed_report_reads_file_line_column_and_the_suggestion(
    tmp_path: Path, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(PLANTED, encoding="utf-8")
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    line, column = _place(PLANTED, "councl")
    assert (
        f"{path}:{line}:{column}: advice: In the introduction, “councl” is not in the UK "
        "English dictionary: did you mean “council”"
    ) in out


def test_a_pack_written_correctly_reports_no_writing_advice(
    tmp_path: Path, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _check(tmp_path, CLEAN, capsys) == []


def test_words_in_the_team_list_and_the_packs_ignore_list_pass(
    tmp_path: Path, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = PLANTED.replace("traders this year", "traders in Abererch and Blaenplwyf")
    names = _misspelt(_check(tmp_path, text, capsys))
    assert {"Abererch", "Blaenplwyf"} <= names
    (library / "words.txt").write_text("# our places\nAbererch\n", encoding="utf-8")
    ignored = text.replace(
        "title: Town centre leases\n", "title: Town centre leases\nignore_words: [Blaenplwyf]\n"
    )
    names = _misspelt(_check(tmp_path, ignored, capsys))
    assert not {"Abererch", "Blaenplwyf"} & names
    assert "councl" in names


def test_library_option_names_the_word_list_to_use(
    tmp_path: Path, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "shared-drive-library"
    other.mkdir()
    (other / "words.txt").write_text("councl\n", encoding="utf-8")
    try:
        found = _check(tmp_path, PLANTED, capsys, "--library", str(other))
    finally:
        from briefing.library.words import use_library

        use_library(None)
    assert "councl" not in " ".join(str(f["message"]) for f in found)


def test_an_item_marked_welsh_is_checked_with_the_welsh_dictionary(
    tmp_path: Path, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    welsh = (
        CLEAN.replace(
            "      - article: a1\n        summary: |\n",
            "      - article: a1\n        language: cy\n        summary: |\n",
        )
        .replace(
            "The government asked councils to send bids by March. We will use the money\n"
            "          for repairs to the market hall, and the LGA will share advice with each "
            "council.",
            "Mae'r cyngor wedi gofyn am syniadau gan y cyhoedd. Bydd y gwaith yn dechrau "
            "yn y gwanwyn\n          ar ôl i'r pwyllgor gytuno ar y cynllun.",
        )
        .replace(
            "Members may wish to ask when the market hall will reopen.",
            "Gall aelodau ofyn pryd bydd y neuadd yn agor eto.",
        )
    )
    assert "language: cy" in welsh and "cyngor" in welsh
    assert _check(tmp_path, welsh, capsys) == []
    typo = welsh.replace("gwanwyn", "gwanwynn")
    found = _check(tmp_path, typo, capsys)
    assert (
        len(found) == 1
        and "“gwanwynn” is not in the Welsh (Cymraeg) dictionary" in str(found[0]["message"])
        and "“gwanwyn”" in str(found[0]["message"])
    )


@pytest.mark.parametrize(
    "pack", sorted((Path(__file__).parents[2] / "packs").glob("*.yaml")), ids=lambda p: p.stem
)
def test_the_example_packs_have_no_spelling_wording_or_repeated_word_advice(
    pack: Path, library: Path
) -> None:
    """The example packs' known advice is long sentences and, for two summaries written for
    specialists, their reading ease; nothing is misspelt, doubled or on GOV.UK's avoid list."""
    from briefing.build import BuildRequest, view
    from briefing.checks.table import run_checks

    found = [
        f
        for f in run_checks(view(BuildRequest.for_file(pack)))
        if f.rule in ("spelling", "plain-words", "repeated-word")
    ]
    assert found == []
