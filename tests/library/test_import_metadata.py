"""Metadata read from article text: author lines, UK dates, DOIs, "first appeared" lines, credits."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.library.importers import import_text
from briefing.library.importers.metadata import (
    parse_author_line,
    parse_first_appeared,
    parse_uk_date,
    picture_credit,
    read_uk_date,
)
from briefing.library.importers.split import propose_title


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Amira Haddad", ["Amira Haddad"]),
        ("Cllr Tom Price / Jo Wu / Prof Ed Mensah", ["Tom Price", "Jo Wu", "Ed Mensah"]),
        ("Ruth Bell and Dr Owen Hart", ["Ruth Bell", "Owen Hart"]),
        (
            "Dr A. J. Fenwick, Dr Lise van der Berg, and Prof Kwame Boateng",
            ["A. J. Fenwick", "Lise van der Berg", "Kwame Boateng"],
        ),
        ("By Helen Ng, Chief Executive, Northshire County Council", ["Helen Ng"]),
        ("Zuzana Nováková", ["Zuzana Nováková"]),
    ],
)
def test_author_lines(line: str, names: list[str]) -> None:
    parsed = parse_author_line(line)
    assert parsed is not None and parsed.names == names


@pytest.mark.parametrize(
    "line",
    [
        "Renewing Local Leadership",
        "Where next for reform?",
        "The Camden Model: Embedding Participation",
        "Participants at the round table",
        "Lisa Moore, director of place – Westshire Council",
        "Councils are under pressure.",
        "Intervention 2.0",
    ],
)
def test_headings_and_other_lines_are_not_author_lines(line: str) -> None:
    assert parse_author_line(line) is None


def test_byline_keeps_the_role() -> None:
    parsed = parse_author_line("By Helen Ng, Chief Executive, Northshire County Council")
    assert parsed is not None and parsed.role == "Chief Executive, Northshire County Council"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 3 March 2024 titled", date(2024, 3, 3)),
        ("in the Gazette, 1st June 2023, available", date(2023, 6, 1)),
        ("22nd of Sept 2025", date(2025, 9, 22)),
        ("published February 7, 2022", date(2022, 2, 7)),
        ("on 2021-12-09", date(2021, 12, 9)),
        ("dated 09/12/2021", date(2021, 12, 9)),  # day first, as in the UK
        ("31 February 2024", None),
        ("no date here", None),
    ],
)
def test_uk_dates(text: str, expected: date | None) -> None:
    assert parse_uk_date(text) == expected


def test_first_appeared_forms() -> None:
    first = parse_first_appeared(
        "This article first appeared in the Local Chronicle on 3 March 2024 titled "
        "“Bins, budgets and ballots”. It is available here: https://example.org/bins."
    )
    assert first is not None
    assert (first.publication, first.date, first.url, first.title) == (
        "Local Chronicle",
        date(2024, 3, 3),
        "https://example.org/bins",
        "Bins, budgets and ballots",
    )
    second = parse_first_appeared(
        "This article was first published in The Planner, 1st June "
        "2023, available online here: https://example.org/p"
    )
    assert second is not None
    assert (second.publication, second.date, second.url) == (
        "Planner",
        date(2023, 6, 1),
        "https://example.org/p",
    )
    assert parse_first_appeared("This article argues that councils first appeared in 1889.") is None


def test_picture_credits() -> None:
    assert (
        picture_credit("Picture credit: Jane Roe / Northshire Council")
        == "Jane Roe / Northshire Council"
    )
    assert picture_credit("Image: https://example.org/photo.jpg") == "https://example.org/photo.jpg"
    assert picture_credit("Pictures of the event are online.") == ""


def test_proposed_titles_are_short_and_end_sensibly() -> None:
    assert propose_title("Libraries reopen. More text.") == "Libraries reopen"
    long = (
        "Three years after the county was split in two, the new unitary councils have "
        "published the first joint review of what changed for residents."
    )
    title = propose_title(long)
    assert len(title.split()) <= 12 and long.startswith(title)
    assert title.split()[-1].lower() not in {"the", "to", "and", "of", "a"}


def test_article_with_no_author_line_after_the_end_of_the_previous_one() -> None:
    text = (
        "Bridges and budgets\n\nMaya Chen\n\n"
        "The county's bridges need repair work that the capital programme cannot yet fund.\n\n"
        "Maya Chen is a transport planner and writes about infrastructure.\n\n"
        "Picture credit: Northshire archive\n\n"
        "A note on school transport\n\n"
        "School transport costs have doubled in five years, and members want to know why.\n"
    )
    first, second = import_text(text, "notes")
    assert (first.title, first.authors, first.picture_credit) == (
        "Bridges and budgets",
        ["Maya Chen"],
        "Northshire archive",
    )
    assert first.bio.startswith("Maya Chen is a transport planner")
    assert (second.title, second.authors, second.start_line) == (
        "A note on school transport",
        [],
        11,
    )


def test_doi_from_a_doi_org_link_in_the_text() -> None:
    [article] = import_text(
        "Measuring place\n\nSam Holt\n\nThe full study is at https://doi.org/10.5555/place.2024.7 "
        "and covers forty councils over ten years of data.\n",
        "x",
    )
    assert article.doi == "10.5555/place.2024.7"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 November 2025", date(2025, 11, 4)),
        ("4th Nov. 2025", date(2025, 11, 4)),
        ("November 4, 2025", date(2025, 11, 4)),
        ("2025-11-04", date(2025, 11, 4)),
        ("04/11/2025", date(2025, 11, 4)),
        ("  4  November  2025. ", date(2025, 11, 4)),
    ],
)
def test_a_typed_date_is_read_whole(text: str, expected: date) -> None:
    assert read_uk_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31 February 2025",
        "4 November",
        "Published 4 November 2025",
        "4 November 2025 at noon",
        "soon",
    ],
)
def test_a_typed_date_with_anything_else_is_not_a_date(text: str) -> None:
    assert read_uk_date(text) is None
