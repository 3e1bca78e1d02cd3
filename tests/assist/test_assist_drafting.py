"""Drafting aids on the sample articles (the project's own, and the shared corpus when present):
suggestions are the article's own sentences, of sensible length, never bios, credits or quotes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from briefing.assist import (
    candidate_implications,
    draft_summary,
    suggest_implications,
    suggest_themes,
    summarise,
)
from briefing.library.importers import import_path
from tests.assist.cuts import only_cut

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.library.records import DraftArticle

# What each set of sample articles should give: the collection file first, then the round
# table; the heading of the implications section in the first article; a theme that fits each
# article; and an existing theme the last article is about.
SETS: dict[str, dict[str, Any]] = {
    "samples": {
        "files": ["council-blog-collection.txt", "contact-centre-round-table.txt"],
        "implications_heading": "Lessons for district councils",
        "labels": [
            "Crisis and resilience",
            "Intervention and improvement",
            "Councillors",
            "Democratic participation",
            "Digital and data",
            "Digital and data",
            "Digital and data",
        ],
        "last_theme": ("cc", "Contact centres"),
    },
    "corpus": {
        "files": ["inlogov-blog-collection.txt", "mj-ai-round-table.txt"],
        "implications_heading": "Implications for UK local government",
        "labels": [
            "Crisis and resilience",
            "Intervention and improvement",
            "Councillors",
            "Democratic participation",
            "Devolution",
            "AI",
            "AI",
        ],
        "last_theme": ("ai", "Artificial intelligence"),
    },
}


@pytest.fixture(scope="module")
def articles(article_dir: Path) -> list[DraftArticle]:
    files = SETS[_set_of(article_dir)]["files"]
    return [a for name in files for a in import_path(article_dir / name)]


def _set_of(folder: Path) -> str:
    return "samples" if (folder / "council-blog-collection.txt").is_file() else "corpus"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_summary_is_made_of_article_sentences_within_budget(articles: list[DraftArticle]) -> None:
    for article in articles:
        _check_summary(article)


def _check_summary(article: DraftArticle) -> None:
    draft = summarise(article.body, max_words=120)
    summary = draft.text
    assert 40 <= len(summary.split()) <= 120
    body = _flat(article.body)
    # Every chosen sentence is in the article, in reading order; one shown shortened is the
    # article's sentence with words taken out, none added or reworded.
    positions = [body.find(p.source or p.text) for p in draft.sentences]
    assert all(p >= 0 for p in positions), summary
    assert positions == sorted(positions)
    for picked in draft.sentences:
        assert only_cut(picked.source or picked.text, picked.text), picked
    for bad in (
        "Picture credit",
        "first appeared",
        "first published",
        "Reference:",
        "http",
        "is an Associate",
        "are academics",
        "is director of",
    ):
        assert bad not in summary
    assert not summary.startswith(("“", "‘", '"'))


def test_summary_respects_a_small_budget_and_empty_text(articles: list[DraftArticle]) -> None:
    summary = draft_summary(articles[0].body, max_words=40)
    assert 0 < len(summary.split()) <= 40
    assert draft_summary("") == ""
    assert draft_summary("Short heading\n\nToo short.") == ""


def test_summary_ignores_a_bio_left_in_the_text(articles: list[DraftArticle]) -> None:
    # The full original (with bio, reference and credit lines) still gives a clean summary.
    for article in articles[:-2]:
        summary = draft_summary(article.original)
        assert article.bio.split(".")[0] not in summary if article.bio else True
        assert "Picture credit" not in summary and "http" not in summary


def test_implications_are_article_sentences_with_policy_signals(
    articles: list[DraftArticle],
) -> None:
    for article in articles:
        _check_implications(article)


def _check_implications(article: DraftArticle) -> None:
    suggestions = suggest_implications(article.body, limit=5)
    assert len(suggestions) <= 5
    body = _flat(article.body).lower()
    for suggestion in suggestions:
        point = suggestion.text
        assert 5 <= len(point.split()) <= 90
        assert point[0].isupper()
        assert "http" not in point and "Picture credit" not in point
        assert suggestion.source and _flat(suggestion.source).lower() in body
        assert suggestion.reason and suggestion.paragraph >= 0
        if suggestion.draft:
            # A draft says so, opens as an officer writes, and is made of its source's words
            # (a recommendation recast, or the claim itself, shortened, after a colon).
            assert point.startswith(("Members may wish to", "Councils may need to"))
            assert "Draft" in suggestion.reason
            if ": " in point:
                claim = point.split(": ", 1)[1]
                assert only_cut(suggestion.source, claim), point  # words taken out, none added
            else:
                said = set(suggestion.source.lower().split())
                rest = point.lower().rstrip(".").split()[4:]
                assert sum(w in said for w in rest) >= 0.6 * len(rest), point
        else:
            # Shortening only drops a leading "However," and cuts at a clause break.
            assert point[1:].rstrip(".").lower() in body, point


def test_implications_come_from_the_implications_section_when_there_is_one(
    articles: list[DraftArticle], article_dir: Path
) -> None:
    first = articles[0]
    start = first.body.index(SETS[_set_of(article_dir)]["implications_heading"])
    section = _flat(first.body[start:]).lower()
    points = suggest_implications(first.body, limit=4)
    assert len(points) == 4
    # The article's own points first, leaving room for one drafted from its key claim.
    assert all(p.from_list and p.text[1:].rstrip(".").lower() in section for p in points[:3])
    assert points[3].from_list or (points[3].draft and "Draft" in points[3].reason)


def test_implications_without_a_section_use_policy_signals() -> None:
    points = candidate_implications(
        "Heading\n\nThe weather was fine on the day of the visit to the new depot.\n\n"
        "Councils should publish their fleet plans before the new contracts are let.\n\n"
        "The risk is that smaller councils need to pay more for the same vehicles."
    )
    # The sentence with more signals ("risk", "councils", "need to") ranks first; the weather
    # is no claim to draft a point from.
    assert points == [
        "The risk is that smaller councils need to pay more for the same vehicles.",
        "Councils should publish their fleet plans before the new contracts are let.",
    ]


def test_existing_themes_come_first_then_new_ones(
    articles: list[DraftArticle], article_dir: Path
) -> None:
    theme_id, label = SETS[_set_of(article_dir)]["last_theme"]
    themes = {theme_id: label, "housing": "Housing", "staff": "Workforce"}
    suggestions = suggest_themes(articles[-1].body, themes, limit=5)
    assert suggestions[0].theme_id == theme_id and not suggestions[0].is_new
    assert "housing" not in [s.theme_id for s in suggestions]  # not what the article is about
    existing = [s for s in suggestions if not s.is_new]
    assert suggestions[: len(existing)] == existing
    assert any(s.is_new for s in suggestions)
    assert len(suggestions) <= 5


def test_new_theme_suggestions_fit_each_article(
    articles: list[DraftArticle], article_dir: Path
) -> None:
    wanted = SETS[_set_of(article_dir)]["labels"]
    for article, label in zip(articles[: len(wanted)], wanted, strict=True):
        labels = [s.label for s in suggest_themes(article.body, limit=5)]
        assert label in labels, article.title
        assert len(labels) == len(set(labels))


def test_suggestions_are_deterministic(articles: list[DraftArticle]) -> None:
    text = articles[3].body
    assert draft_summary(text) == draft_summary(text)
    assert suggest_themes(text) == suggest_themes(text)


_RESTATED = """The county council will raise council tax by 4.99 per cent from April to meet rising demand for adult social care.

Council tax bills for a Band D home will rise by about £90 a year under the plan agreed by the cabinet.

Rising demand for adult social care means the county council must raise council tax by the most it can from April, the cabinet heard.

A new fund of £2 million will help voluntary groups run warm spaces and food banks through the winter.

Opposition councillors said the rise was too steep for families already struggling with bills.
"""


def test_summary_says_each_point_once_and_finds_room_for_the_others() -> None:
    draft = draft_summary(_RESTATED, 80)
    assert draft.startswith("The county council will raise council tax by 4.99 per cent")
    assert "must raise council tax by the most it can" not in draft  # the opening said again
    assert "£90 a year" in draft and "£2 million" in draft
