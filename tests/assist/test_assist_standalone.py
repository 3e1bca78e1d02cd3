"""Drafting aids offer whole sentences that read on their own, never captions, sign-up lines
or references, and implications that recommend rather than describe; `briefing suggest` gives
the same results on the command line."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from briefing.assist import draft_summary, suggest_implications
from briefing.assist.text import needs_previous, split_sentences
from briefing.cli import main
from briefing.library.importers import import_path

if TYPE_CHECKING:
    from pathlib import Path

# An article of our own, written to tempt a careless summariser: a fragment that opens with
# "First,", pronoun-led sentences, a caption, a sign-up line, a references section and a
# description of someone else's report.
TEMPTING = """\
Parking, pavements and the parish pump

Street works in market towns cost councils far more than the published budgets suggest.

First, 'pothole season', a phrase heard in every county hall each spring.

Highway teams in three shire counties reported that emergency repairs now take a third of \
their maintenance budgets. They said the money comes from planned resurfacing, which then \
slips another year. This leaves roads in a worse state and drives up the cost of the next \
winter's repairs.

Figure 2: Repairs by month in one county, 2019 to 2024.

In their recent report the Roads Institute make the case that councils have been starved of \
capital for a decade and describes the backlog in detail.

Councils should publish a five-year resurfacing plan so that residents can see when their \
street will be treated.

To register for the webinar on 3 March, book your place now via the events page.

References

Smith, A. (2024) Roads and budgets in rural England. London: Example Press.
"""


def test_summary_sentences_stand_alone_and_come_from_the_body() -> None:
    summary = draft_summary(TEMPTING, max_words=80)
    sentences = split_sentences(summary)
    assert sentences, "a summary was offered"
    body_order = split_sentences(" ".join(TEMPTING.split()))
    for position, sentence in enumerate(sentences):
        if needs_previous(sentence):
            # it comes with the sentence it leans on, straight before it in the article
            assert position > 0
            assert body_order.index(sentence) == body_order.index(sentences[position - 1]) + 1
    for never in (
        "First, 'pothole season'",
        "Figure 2",
        "register for the webinar",
        "Smith, A. (2024)",
    ):
        assert never not in summary


def test_a_pronoun_sentence_never_opens_the_summary_alone() -> None:
    summary = draft_summary(TEMPTING, max_words=30)
    assert not needs_previous(summary)


def test_implications_recommend_and_never_describe_a_report() -> None:
    points = suggest_implications(TEMPTING)
    texts = [p.text for p in points]
    assert any(t.startswith("Councils should publish a five-year resurfacing plan") for t in texts)
    assert not any("make the case" in t or "Roads Institute" in t for t in texts)
    for point in points:
        # shown with the words around it, or (a draft) with the sentence it was written from
        if point.draft and ": " not in point.text:
            assert point.source in point.context  # a recommendation recast
            continue
        shown = point.text.split(": ", 1)[1] if point.draft else point.text
        assert shown.rstrip(".")[1:] in point.context
        assert not point.from_list  # this article has no implications list of its own
    # The article's own recommendation comes before any draft.
    assert not points[0].draft
    assert [p.draft for p in points] == sorted(p.draft for p in points)


def test_the_articles_own_implications_list_comes_first() -> None:
    text = TEMPTING + (
        "\n\nImplications for councils\n\n"
        "Highway budgets need to protect planned resurfacing from emergency repairs.\n\n"
        "Members should ask for the repair backlog to be reported every quarter.\n"
    )
    points = suggest_implications(text)
    assert [p.from_list for p in points[:2]] == [True, True]
    assert points[0].text.startswith("Highway budgets need to protect")
    assert points[1].text.startswith("Members should ask")
    assert not any(p.from_list for p in points[2:])


@pytest.fixture(scope="module")
def sample_library(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Path:
    library = tmp_path_factory.mktemp("library")
    assert (
        main(
            [
                "import",
                str(samples_dir / "council-blog-collection.txt"),
                str(samples_dir / "contact-centre-round-table.txt"),
                "--library",
                str(library),
            ]
        )
        == 0
    )
    return library


def test_suggest_command_works_on_every_sample_article(
    sample_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["library", "list", "--json", "--library", str(sample_library)]) == 0
    ids = [a["id"] for a in json.loads(capsys.readouterr().out)]
    assert len(ids) >= 7
    for article_id in ids:
        for what in ("summary", "implications", "themes"):
            assert (
                main(["suggest", what, article_id, "--json", "--library", str(sample_library)]) == 0
            )
            data = json.loads(capsys.readouterr().out)
            assert data["article"] == article_id
        assert (
            main(
                [
                    "suggest",
                    "summary",
                    article_id,
                    "--words",
                    "50",
                    "--library",
                    str(sample_library),
                ]
            )
            == 0
        )
        assert len(capsys.readouterr().out.split()) <= 50


def test_suggest_matches_what_the_app_offers(
    sample_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.library import Library

    article = Library(sample_library).articles()[0]
    assert (
        main(["suggest", "implications", article.id, "--json", "--library", str(sample_library)])
        == 0
    )
    offered = [p["text"] for p in json.loads(capsys.readouterr().out)["implications"]]
    assert offered == [p.text for p in suggest_implications(article.body)]


def test_suggest_names_an_unknown_article(
    sample_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["suggest", "summary", "no-such-article", "--library", str(sample_library)]) == 1
    assert "no-such-article" in capsys.readouterr().err


def test_suggest_on_every_corpus_article(corpus_dir: Path) -> None:
    for name in ("inlogov-blog-collection.txt", "mj-ai-round-table.txt"):
        for article in import_path(corpus_dir / name):
            summary = draft_summary(article.body)
            assert summary and not needs_previous(summary), article.title
            for point in suggest_implications(article.body):
                assert not needs_previous(point.text), point.text
