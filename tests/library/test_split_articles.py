"""Sample articles split into the articles expected.yaml lists, with metadata taken from the text:
the project's own samples always, and the shared corpus when it is beside the project."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import yaml

from briefing.library.importers import import_path, import_text
from briefing.library.importers.metadata import HONORIFICS

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.library.records import DraftArticle


def _expected(folder: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    return loaded


def _bare(name: str) -> str:
    words = name.split()
    while words and words[0].rstrip(".") in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def test_each_file_splits_as_expected(article_dir: Path) -> None:
    for file_name, expected in _expected(article_dir).items():
        articles = import_path(article_dir / file_name)
        assert len(articles) == expected["articles"], file_name
        for article, want in zip(articles, expected["items"], strict=True):
            _matches(article, want)


def _matches(article: DraftArticle, want: dict[str, Any]) -> None:
    if want["title"] is None:
        assert article.title_was_proposed
        assert "title proposed: no title line found" in article.flags
    else:
        assert article.title.strip() == want["title"].strip()
        assert not article.title_was_proposed
    assert {_bare(a) for a in article.authors} == {_bare(a) for a in want["authors"]}
    assert article.doi == want.get("doi", "")
    first = want.get("first_appeared")
    if first:
        assert article.first_appeared is not None
        assert article.first_appeared.publication == first["publication"]
        assert article.first_appeared.date == first["date"]
        assert article.first_appeared.url == first["url"]
        assert article.url == first["url"]  # the article had no URL of its own
    else:
        assert article.first_appeared is None


def test_nothing_is_lost_the_originals_cover_the_whole_file(article_dir: Path) -> None:
    for file_name in _expected(article_dir):
        text = (article_dir / file_name).read_text(encoding="utf-8")
        articles = import_path(article_dir / file_name)
        assert "\n".join(a.original for a in articles).split() == text.split()
        lines = text.split("\n")
        for article in articles:
            assert article.original.startswith(lines[article.start_line - 1])
            assert article.source_file == file_name


def test_sample_collection_metadata_bios_credits_and_bullets(samples_dir: Path) -> None:
    articles = import_path(samples_dir / "council-blog-collection.txt")
    floods, audit, councillors, panels, data = articles

    assert floods.reference.startswith("Okafor, T. and Lindqvist, E. (eds.) (2025)")
    assert "Reference:" not in floods.body
    assert floods.bio.startswith("Helen Marsh is a Senior Fellow")
    assert "Senior Fellow" not in floods.body and "Senior Fellow" in floods.original
    # "•           X" bullets come out as one "- " list, with no blank lines inside it.
    assert (
        "- Who holds the up-to-date list of vulnerable residents\n- Which halls can open at night"
    ) in floods.body
    assert "•" not in floods.body
    assert "\n\nLessons for district councils\n\n" in floods.body  # a subheading stays inside

    assert audit.first_appeared is not None
    assert audit.first_appeared.title == "Scrutiny that sticks"
    assert "first appeared" not in audit.body
    assert audit.bio.startswith("Dr Tom Reyes is a lecturer")
    assert "\n\nAudit 1.5\n\n" in audit.body
    assert "\n\nWhat a third model needs\n\n" in audit.body

    assert "- Casework arrives before any training has started" in councillors.body
    assert councillors.bio == ""

    assert panels.body.startswith("Citizen panels in Harbourside and the Northfield")
    assert panels.bio.count("\n\n") == 1  # two authors' bios
    assert panels.picture_credit.startswith("Harbourside youth panel rehearsal")
    assert panels.published == date(2025, 6, 12)

    assert data.bio.startswith("Dr Grace Mbeki, Dr Owen Price, and Dr Lena Sørensen are")
    assert "are researchers" not in data.body
    for article in articles:
        assert "\n\n\n" not in article.body
        assert not any(line != line.strip() for line in article.body.split("\n"))


def test_sample_round_table_proposed_title_repeat_flag_and_participants(samples_dir: Path) -> None:
    path = samples_dir / "contact-centre-round-table.txt"
    report, comment = import_path(path)
    first_sentence = path.read_text(encoding="utf-8").split("\n")[0]
    words = report.title.split()
    assert 4 <= len(words) <= 12
    assert first_sentence.startswith(report.title.rstrip("."))
    assert words[-1].lower() not in {"to", "and", "the", "a", "of"}
    assert "paragraph repeated at lines 4 and 9" in report.flags
    assert report.start_line == 1 and comment.start_line == 11
    assert report.body.count("explaining the change to residents mattered") == 2  # kept twice
    assert "Participants at the Example Systems round table" in comment.body
    assert comment.body.rstrip().endswith("editor – Council Weekly")
    assert comment.authors == ["Morgan Hale"]
    assert "Director of Public Services, Example Systems" in comment.bio


def test_blog_collection_metadata_bios_credits_and_bullets(corpus_dir: Path) -> None:
    articles = import_path(corpus_dir / "inlogov-blog-collection.txt")
    czech, intervention, councillor, renewing, cyclopean, ai = articles

    assert czech.reference.startswith("Balík, S. and Špaček, D. (eds.) (2026)")
    assert "Reference:" not in czech.body
    assert czech.bio.startswith("Paul Joyce is an Associate at INLOGOV")
    assert "Paul Joyce is an Associate" not in czech.body
    assert "Paul Joyce is an Associate" in czech.original
    # "•           X" bullets come out as one "- " list, with no blank lines inside it.
    assert "- The quality of relationships\n- The level of trust\n" in czech.body
    assert "•" not in czech.body

    assert intervention.first_appeared is not None
    assert intervention.first_appeared.title == "How not to damage democracy"
    assert "first appeared" not in intervention.body
    assert intervention.bio.startswith("Dr Jason Lowther is director of INLOGOV")
    # Subheadings stay inside their article.
    assert "\n\nIntervention 2.0\n\n" in intervention.body
    assert "\n\nWhere next for intervention?\n\n" in intervention.body

    assert "- Perma-austerity has deepened" in councillor.body
    assert councillor.bio == ""

    assert renewing.body.startswith("Legislative Theatre with West Midlands Combined Authority\n\n")
    assert renewing.bio.count("\n\n") == 1  # two authors' bios
    assert renewing.picture_credit.startswith("Inspire Legislative Theatre, March 2025")
    assert renewing.published == date(2025, 9, 25)

    assert cyclopean.picture_credit.startswith("https://stock.adobe.com/")
    assert cyclopean.bio.startswith("Chris Game is an INLOGOV Associate")
    assert ai.bio.startswith(
        "Dr Caroline Webb, Dr Stephen Jeffares, and Dr Tarsem Singh Cooner are"
    )
    assert "are academics" not in ai.body
    for article in articles:
        assert "\n\n\n" not in article.body
        assert not any(line != line.strip() for line in article.body.split("\n"))


def test_round_table_proposed_title_repeat_flag_and_participants(corpus_dir: Path) -> None:
    report, comment = import_path(corpus_dir / "mj-ai-round-table.txt")
    first_sentence = (
        (corpus_dir / "mj-ai-round-table.txt").read_text(encoding="utf-8").split("\n")[0]
    )
    words = report.title.split()
    assert 4 <= len(words) <= 12
    assert first_sentence.startswith(report.title.rstrip("."))
    assert words[-1].lower() not in {"to", "and", "the", "a", "of"}
    assert "paragraph repeated at lines 24 and 31" in report.flags
    assert report.start_line == 1 and comment.start_line == 36
    # The repeated paragraph is kept, not dropped.
    assert report.body.count("shaping the message around the technology was vital") == 2
    # The participants list stays with the article it follows, and is not a byline.
    assert "Participants at The MJ / Capita round table" in comment.body
    assert comment.body.rstrip().endswith("deputy editor – The MJ")
    assert comment.authors == ["Bryan Webb"]
    assert "Head of IT, Capita" in comment.bio


def test_pasted_text_splits_the_same_way(article_dir: Path) -> None:
    for file_name in _expected(article_dir):
        text = (article_dir / file_name).read_text(encoding="utf-8")
        pasted = import_text(text.replace("\n", "\r\n"), "clipboard")
        assert [a.title for a in pasted] == [a.title for a in import_path(article_dir / file_name)]
        assert pasted[0].source_file == "clipboard"
