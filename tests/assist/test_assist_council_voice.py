"""Implications in the council's voice: the points an officer accepts are kept with the library
and teach later suggestions, in every pack and on the command line; each draft asks what its
claim means for the council function the claim touches."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.cli import main
from briefing.library import Library
from briefing.library.accepted import MOST

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

# An article that only describes: every point offered for it is a draft in officers' form.
DESCRIBES = (
    "Commercial property and district finances\n\n"
    "Westerley Borough Council bought a shopping centre for £80m in 2019 with money "
    "borrowed from the government's lending body.\n\n"
    "Rents from the centre have fallen by a third since then, and the council's "
    "budget now depends on income from commercial property.\n"
)
VOICE = [
    "The council should review its exposure to commercial rents.",
    "The council should report the property portfolio's risks to audit committee.",
    "The council should check the reserves held against falls in income.",
]


def test_accepted_points_are_kept_in_the_library_folder(tmp_path: Path) -> None:
    lib = Library(tmp_path / "library", cache_dir=tmp_path / "cache")
    assert lib.accepted_implications() == []
    lib.remember_implications(["First   point.", "Second point."])
    lib.remember_implications(["First point.", "  "])  # a repeat moves to the end
    assert lib.accepted_implications() == ["Second point.", "First point."]
    kept = (tmp_path / "library" / "accepted-implications.txt").read_text(encoding="utf-8")
    assert kept.startswith("#") and kept.endswith("Second point.\nFirst point.\n")
    assert not (tmp_path / "library" / ".briefing.lock").exists()
    # The file is the officer's to edit: a line added by hand is read, comments are not.
    with (tmp_path / "library" / "accepted-implications.txt").open("a", encoding="utf-8") as f:
        f.write("# a note\nA point typed by hand.\n")
    assert lib.accepted_implications()[-1] == "A point typed by hand."
    lib.remember_implications([f"Point {n}." for n in range(MOST + 20)])
    assert len(lib.accepted_implications()) == MOST  # the newest are kept
    assert lib.accepted_implications()[-1] == f"Point {MOST + 19}."


def test_a_damaged_file_only_loses_the_voice(tmp_path: Path) -> None:
    lib = Library(tmp_path / "library", cache_dir=tmp_path / "cache")
    (tmp_path / "library").mkdir()
    (tmp_path / "library" / "accepted-implications.txt").write_bytes(b"\xff\xfe\x00bad\x00")
    assert lib.accepted_implications() == []
    lib.remember_implications(["A fresh point."])  # written whole again, readable
    assert lib.accepted_implications() == ["A fresh point."]


def test_the_command_line_drafts_in_the_libraries_voice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "article.txt"
    source.write_text(DESCRIBES, encoding="utf-8")
    library = tmp_path / "library"
    assert main(["import", str(source), "--library", str(library)]) == 0
    article_id = Library(library).articles()[0].id
    capsys.readouterr()

    def drafts() -> list[str]:
        assert (
            main(["suggest", "implications", article_id, "--json", "--library", str(library)]) == 0
        )
        points = json.loads(capsys.readouterr().out)["implications"]
        return [p["text"] for p in points if p["draft"]]

    before = drafts()
    assert before and not any(p.startswith("The council should") for p in before)
    Library(library).remember_implications(VOICE)  # accepted in earlier packs
    after = drafts()
    assert after and all(p.startswith("The council should") for p in after)


def test_each_draft_asks_what_its_claim_means_for_the_council_function_it_touches() -> None:
    from briefing.assist import suggest_implications

    text = (
        "New rules for councils\n\n"
        "Ministers are telling councils to find more sites for travellers in their local "
        "plans.\n\n"
        "Police community support officers are to be given new powers against anti-social "
        "behaviour in town centres.\n\n"
        "The settlement gives councils an average grant increase of 3% next year.\n"
    )
    points = {p.source: p for p in suggest_implications(text) if p.draft}
    assert len(points) == 3
    for source, asks, function in (
        (text.split("\n\n")[1], "reflect this in the local plan", "housing and planning"),
        (text.split("\n\n")[2], "with the community safety partnership", "community safety"),
        (text.split("\n\n")[3].strip(), "the medium-term financial plan", "finance"),
    ):
        point = points[source]
        opening, claim = point.text.split(": ")  # one ask, then the claim it was drafted from
        assert asks in opening and opening.startswith(("Members may wish", "Councils may need"))
        assert claim.rstrip(".")[1:] in source
        assert f"on {function}" in point.reason and "Draft" in point.reason


def test_a_claim_about_sharing_lessons_asks_councils_to_share_them() -> None:
    from briefing.assist import suggest_implications

    text = (
        "Learning from the pilots\n\n"
        "Councils running chatbot trials are willing to share their successes with other "
        "councils but seldom the trials that went wrong.\n"
    )
    drafts = [p for p in suggest_implications(text) if p.draft]
    assert drafts, "a claim about sharing lessons is drafted"
    assert "failures included, with other councils" in drafts[0].text
    assert "on shared learning" in drafts[0].reason


_CLAIM = st.sampled_from(
    [
        "Councils in the region expect demand for home care to rise by a fifth.",
        "The county council has frozen recruitment to all but frontline posts.",
        "Ministers will give councils new powers to close unsafe buildings.",
        "More money is to be made available for councils to repair roads.",
        "Police recorded a rise in shoplifting in town centres last year.",
        "Housing associations are building fewer homes for social rent than planned.",
        "The weather was fine on the day of the visit to the new depot.",
        "“We cannot go on like this,” said the leader of the council.",
        "Schools in the county face a £4m gap in the high needs budget.",
        "There was one warning about timing: councils facing reorganisation may delay new contracts.",
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_CLAIM, min_size=1, max_size=8))
def test_drafts_of_generated_articles_ask_once_and_keep_the_claim(claims: list[str]) -> None:
    from briefing.assist import suggest_implications

    text = "A heading\n\n" + "\n\n".join(claims)
    points = suggest_implications(text)
    assert points == suggest_implications(text)  # the same every time
    asked: set[str] = set()
    for point in (p for p in points if p.draft and ": " in p.text):
        opening, claim = point.text.split(": ")
        assert opening.startswith(("Members may wish to", "Councils may need to"))
        assert claim.rstrip(".")[1:] in point.source and point.source in claims
        assert "said" not in claim and "“" not in claim  # nobody's words are put as a claim
        assert opening not in asked or opening.endswith("as well")  # one full ask a function
        asked.add(opening)
