"""Sentences about the piece itself (how it came to be written, where it first ran, its title,
"this column") are never offered in a summary nor drafted into implications, and no draft is
built on a remark or an aside that makes no claim about councils, services, policy or money."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.assist import suggest_implications, summarise
from briefing.assist.implications import makes_claim
from briefing.assist.text import is_unofferable
from briefing.cli import main

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

# A columnist's blog that opens by talking about itself, then makes its case.
BLOG = """\
Like an earlier post of mine, most of what follows was written in the first place as a \
column for the Eastmoor Gazette rather than for an academic readership, so it is breezier \
than usual.

A few paragraphs have been added since, and one thing is certain to differ: the title.

At the time of writing this intro I cannot say what the paper's sub-editors will call it.

Shire councils in England are being merged into unitary authorities serving half a million \
people or more, and the government wants the new councils in place by 2028.

Yes, there are plenty of grand civic halls – the Guildhall, the Corn Exchange and the Shire \
Hall for a start, etc. – but none of them decides how big a council should be.

The merged councils will take over budgets worth more than £2bn a year, and ministers expect \
savings of at least £40m from shared back offices.

Critics warn that councillors in merged authorities will each represent far more residents, \
which could weaken the link between voters and local decisions.

Town and parish councils may be asked to take on services such as parks and libraries that \
the new authorities no longer want to run.

Councils facing reorganisation will need to agree a single plan for their area by the autumn, \
or ministers will impose one.
"""

ABOUT_PIECE = (
    "earlier post of mine",
    "written in the first place",
    "the title",
    "At the time of writing",
)


def _mentions_the_piece(text: str) -> bool:
    return any(phrase.lower() in text.lower() for phrase in ABOUT_PIECE)


def test_the_summary_never_opens_on_the_author_talking_about_the_piece() -> None:
    draft = summarise(BLOG, 120)
    assert draft.sentences, "the blog makes claims a summary can offer"
    assert not any(_mentions_the_piece(p.source or p.text) for p in draft.sentences)
    assert "unitary authorities" in draft.sentences[0].text
    # the remark about civic halls is not offered either, nor cut in two at "etc."
    assert not any("civic halls" in p.text or p.text.startswith("–") for p in draft.sentences)


def test_no_implication_is_drafted_from_the_piece_or_from_a_remark() -> None:
    points = suggest_implications(BLOG, limit=5)
    assert len(points) >= 3
    for point in points:
        assert not _mentions_the_piece(point.text) and not _mentions_the_piece(point.source)
        assert "civic halls" not in point.source
        assert "start with" not in point.text.lower()
    # the claims about the merger, its money and its deadline are what the drafts are built on
    sources = " ".join(p.source for p in points)
    assert "£2bn" in sources or "unitary authorities" in sources
    assert "single plan" in sources


def test_the_command_line_leaves_the_piece_out_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "merger-column.md"
    source.write_text("---\ntitle: Bigger councils, fewer voices\n---\n\n" + BLOG, "utf-8")
    library = tmp_path / "library"
    assert main(["import", str(source), "--library", str(library)]) == 0
    capsys.readouterr()
    assert main(["library", "list", "--json", "--library", str(library)]) == 0
    article_id = json.loads(capsys.readouterr().out)[0]["id"]
    assert main(["suggest", "summary", article_id, "--library", str(library)]) == 0
    summary = capsys.readouterr().out
    assert "unitary authorities" in summary and not _mentions_the_piece(summary)
    assert main(["suggest", "implications", article_id, "--library", str(library)]) == 0
    points = capsys.readouterr().out
    assert points.strip() and not _mentions_the_piece(points) and "civic halls" not in points


def test_what_counts_as_about_the_piece() -> None:
    about = [
        "This week's column is about potholes rather than budgets.",
        "As in a recent blog of mine, I start with a warning about the numbers.",
        "I have written this for a general audience, not for specialists.",
        "It first appeared as a column in the local newspaper.",
        "Most of it was written originally for a weekly magazine.",
        "The one thing that will change is the title.",
        "Good points, but not for a short newspaper column.",
    ]
    claims = [
        "The council will publish an article 4 direction for the town centre.",
        "The headline figure is a 5% rise in council tax.",
        "I wrote to the minister last week asking for more funding.",
        "The strategy was first published in 2019 and is now being revised.",
        "This article suggests some lessons from earlier intervention models.",
    ]
    assert all(is_unofferable(s) for s in about)
    assert not any(is_unofferable(s) for s in claims)


def test_a_claim_needs_councils_services_policy_or_money() -> None:
    assert not makes_claim("yes, there are many grand halls – the Guildhall and Shire Hall, etc")
    assert not makes_claim("the Council House and the Corn Exchange are large stone buildings")
    assert makes_claim("Northfold Borough Council faces a gap of £12m next year", for_councils=True)
    assert makes_claim("It is vital that we plan now for an ageing population")


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["blog", "column", "post", "piece", "article"]),
    st.sampled_from(["Eastmoor Gazette", "Northfold Times", "Westvale Herald"]),
    st.integers(min_value=1, max_value=4),
)
def test_any_note_about_where_the_piece_ran_is_left_out(kind: str, paper: str, at: int) -> None:
    note = f"This {kind} was first written for the {paper}, so its style is lighter than usual."
    paragraphs = BLOG.split("\n\n")
    text = "\n\n".join([*paragraphs[:at], note, *paragraphs[at:]])
    offered = [p.source or p.text for p in summarise(text, 120).sentences]
    offered += [p.source for p in suggest_implications(text, limit=5)]
    offered += [p.text for p in suggest_implications(text, limit=5)]
    assert not any(re.search(paper, s) for s in offered)
