"""Drafting aids on the sample corpus: suggestions are the article's own sentences, of sensible
length, and never bios, credits or quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.assist import candidate_implications, draft_summary, suggest_themes
from briefing.library.importers import import_path

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
ARTICLES = [
    *import_path(CORPUS / "inlogov-blog-collection.txt"),
    *import_path(CORPUS / "mj-ai-round-table.txt"),
]
IDS = [a.title[:30] for a in ARTICLES]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_summary_is_made_of_article_sentences_within_budget(article) -> None:  # type: ignore[no-untyped-def]
    summary = draft_summary(article.body, max_words=120)
    assert 40 <= len(summary.split()) <= 120
    body = _flat(article.body)
    # Every chosen sentence is in the article, in reading order.
    from briefing.assist.text import split_sentences

    positions = [body.find(sentence) for sentence in split_sentences(summary)]
    assert all(p >= 0 for p in positions), summary
    assert positions == sorted(positions)
    for bad in ("Picture credit", "first appeared", "first published", "Reference:", "http",
                "is an Associate", "are academics", "is director of"):
        assert bad not in summary
    assert not summary.startswith(("“", "‘", '"'))


def test_summary_respects_a_small_budget_and_empty_text() -> None:
    summary = draft_summary(ARTICLES[0].body, max_words=40)
    assert 0 < len(summary.split()) <= 40
    assert draft_summary("") == ""
    assert draft_summary("Short heading\n\nToo short.") == ""


def test_summary_ignores_a_bio_left_in_the_text() -> None:
    # The full original (with bio, reference and credit lines) still gives a clean summary.
    for article in ARTICLES[:6]:
        summary = draft_summary(article.original)
        assert article.bio.split(".")[0] not in summary if article.bio else True
        assert "Picture credit" not in summary and "http" not in summary


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_implications_are_article_sentences_with_policy_signals(article) -> None:  # type: ignore[no-untyped-def]
    points = candidate_implications(article.body, limit=5)
    assert len(points) <= 5
    body = _flat(article.body).lower()
    for point in points:
        assert 5 <= len(point.split()) <= 70
        assert point[0].isupper()
        # Shortening only drops a leading "However," and cuts at a clause break.
        core = point[1:].rstrip(".").lower()
        assert core in body, point
        assert "http" not in point and "Picture credit" not in point


def test_implications_come_from_the_implications_section_when_there_is_one() -> None:
    czech = ARTICLES[0]
    start = czech.body.index("Implications for UK local government")
    section = _flat(czech.body[start:]).lower()
    points = candidate_implications(czech.body, limit=4)
    assert len(points) == 4
    assert all(p[1:].rstrip(".").lower() in section for p in points)


def test_implications_without_a_section_use_policy_signals() -> None:
    points = candidate_implications(
        "Heading\n\nThe weather was fine on the day of the visit to the new depot.\n\n"
        "Councils should publish their fleet plans before the new contracts are let.\n\n"
        "The risk is that smaller councils need to pay more for the same vehicles.")
    # The sentence with more signals ("risk", "councils", "need to") ranks first.
    assert points == [
        "The risk is that smaller councils need to pay more for the same vehicles.",
        "Councils should publish their fleet plans before the new contracts are let.",
    ]


def test_existing_themes_come_first_then_new_ones() -> None:
    ai_comment = ARTICLES[-1]
    themes = {"ai": "Artificial intelligence", "housing": "Housing", "staff": "Workforce"}
    suggestions = suggest_themes(ai_comment.body, themes, limit=5)
    assert suggestions[0].theme_id == "ai" and not suggestions[0].is_new
    assert "housing" not in [s.theme_id for s in suggestions]  # not what the article is about
    existing = [s for s in suggestions if not s.is_new]
    assert suggestions[: len(existing)] == existing
    assert any(s.is_new for s in suggestions)
    assert len(suggestions) <= 5


@pytest.mark.parametrize(("index", "label"), [
    (0, "Crisis and resilience"),
    (1, "Intervention and improvement"),
    (2, "Councillors"),
    (3, "Democratic participation"),
    (4, "Devolution"),
    (5, "AI"),
    (6, "AI"),
])
def test_new_theme_suggestions_fit_each_article(index: int, label: str) -> None:
    labels = [s.label for s in suggest_themes(ARTICLES[index].body, limit=5)]
    assert label in labels
    assert len(labels) == len(set(labels))


def test_suggestions_are_deterministic() -> None:
    text = ARTICLES[3].body
    assert draft_summary(text) == draft_summary(text)
    assert suggest_themes(text) == suggest_themes(text)
