"""UK dates, markings and file names are decided in one place and read the UK way."""

from __future__ import annotations

from datetime import date, datetime

from briefing.files.naming import file_stem, slug
from briefing.uk.dates import uk_date, uk_time
from briefing.uk.labels import marking_statement
from briefing.uk.wording import plural


def test_uk_dates_have_no_leading_zero_or_ordinal() -> None:
    assert uk_date(date(2025, 11, 4)) == "4 November 2025"
    assert uk_date(datetime(2025, 9, 25, 10, 0)) == "25 September 2025"
    assert uk_date(None) == ""
    assert uk_time(datetime(2025, 11, 4, 9, 5)) == "09:05"


def test_marking_statement_only_when_classified() -> None:
    assert (
        marking_statement("OFFICIAL-SENSITIVE") == "This document is classified OFFICIAL-SENSITIVE."
    )
    assert marking_statement("") == ""


def test_output_names_come_from_the_title_and_are_safe_everywhere() -> None:
    assert file_stem("Resilience, reform and AI") == "Resilience, reform and AI"
    assert file_stem("Q3: what's next?") == "Q3 - what's next？"
    assert file_stem("CON") == "briefing"
    assert file_stem("   ...   ") == "briefing"
    long = file_stem("word " * 40)
    assert len(long) <= 100 and not long.endswith(" ")


def test_forbidden_characters_become_readable_substitutes_not_gaps() -> None:
    assert file_stem("Housing 2025/26: options") == "Housing 2025-26 - options"
    assert file_stem("Pay rises <5% or >10%") == "Pay rises under 5% or over 10%"
    assert file_stem('The "Lean" council | a case\\study') == "The 'Lean' council - a case-study"
    assert file_stem("Is small beautiful?") == "Is small beautiful？"


def test_long_title_keeps_its_words_and_is_cut_at_one() -> None:
    title = (
        "Resilience, reform and the future of local democracy: what members need to know "
        "about devolution, reorganisation and the councils of 2030"
    )
    stem = file_stem(title)
    assert stem.startswith("Resilience, reform and the future of local democracy - what members")
    assert len(stem) <= 100 and title.replace(":", " -").startswith(stem)
    assert stem.split()[-1] in [w.strip(",") for w in title.split()]  # a whole word


def test_slugs_are_ascii_ids() -> None:
    assert slug("Crisis and resilience") == "crisis-and-resilience"
    assert slug("Špaček & Balík") == "spacek-balik"
    assert slug("£££") == "item"


def test_counts_read_as_plain_english() -> None:
    assert plural(1, "section") == "1 section"
    assert plural(0, "item") == "0 items"
    assert plural(1250, "word") == "1,250 words"
