"""Layout that holds in both PDF engines: tables break between rows with the header repeated and
nothing over the footer, columns take their widths from the content, the marking statement and
headings never stand alone on a page, and words stay inside their cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from page_words import Page, layout_problems, pages, stranded_headings

from briefing.compose import compose
from briefing.document.model import (
    Block,
    Cover,
    Document,
    DocumentMeta,
    Heading,
    Paragraph,
    Run,
    Table,
)
from briefing.export.common.table_layout import CELL_INSETS, column_widths
from briefing.export.registry import render
from briefing.model import AgendaEntry, Event, Layout, Pack, Section
from briefing.packfile import load_pack

HANDOUT = Path(__file__).parents[1] / "fixtures" / "welsh-handout.yaml"
NAME = "Cllr Gwenllian ap Rhys-Llŷr"


def _body_words(page: Page) -> list[str]:
    """The page's words without its furniture (marking, running title, page number)."""
    furniture = {"OFFICIAL", "Page", "of", str(page.number)}
    return [w.text for w in page.words if w.text not in furniture and "…" not in w.text]


def _find(words: list[str], phrase: str, start: int = 0) -> int:
    """Where the phrase's words begin in words, each after the one before (a table's columns
    are read across the row, so the words of one cell may have another cell's between them);
    -1 when they are not all there in that order."""
    wanted = phrase.split()
    at = begin = -1
    for word in wanted:
        try:
            at = words.index(word, max(at + 1, start))
        except ValueError:
            return -1
        begin = at if begin < 0 else begin
    return begin


def _row_at(words: list[str], row: list[str], start: int) -> int:
    """Where a table row begins in words after start: its first cell, then each cell's words in
    order after that (-1: a cell is missing)."""
    begin = _find(words, row[0], start)
    if begin < 0 or any(_find(words, cell, begin) < 0 for cell in row[1:] if cell):
        return -1
    return begin


def _lines_of(page: Page, phrase: str) -> list[int]:
    """For each place the phrase is printed on the page, how many lines it takes (None found:
    an empty list)."""
    words = phrase.split()
    found = []
    for i, w in enumerate(page.words):
        if w.text != words[0]:
            continue
        run = [w]
        for want in words[1:]:
            following = [
                x
                for x in page.words[i:]
                if x.text == want and x not in run and x.y0 >= run[-1].y0 - 1
            ]
            if not following:
                break
            run.append(following[0])
        if len(run) == len(words):
            found.append(len({round(x.y0) for x in run}))
    return found


def test_the_welsh_handout_keeps_every_row_and_nothing_stands_alone(pdf_engine: str) -> None:
    pack = load_pack(HANDOUT)
    document = compose(pack, HANDOUT.parent)
    pdf = render("pdf", document, pdf_engine).data
    assert layout_problems(pdf, "A5", "OFFICIAL") == []
    read = pages(pdf)
    words = [w.text for p in read for w in p.words]
    assert pack.event is not None
    at = 0
    for entry in pack.event.agenda:
        at = _row_at(words, [entry.time, entry.item, entry.speaker], at)
        assert at >= 0, f"the row {entry.time} {entry.item} is missing or out of order"
    assert "14:00 Close Chair" in " ".join(words)
    statement = next(p for p in read if "classified" in p.text)
    assert "Agenda" in statement.text and "Registration" in statement.text
    for page in read[1:]:
        body = _body_words(page)
        assert body[:1] != ["Agenda"] or len(body) > 1, f"page {page.number} holds only a heading"
    # The name takes two lines (the page has room for it) and the long word stays whole.
    name_lines = [n for p in read for n in _lines_of(p, NAME)]
    assert name_lines and max(name_lines) <= 2
    assert "Facilitators" in [w.text for p in read for w in p.words]


def _agenda_pack(rows: int, paper: str, large: bool) -> Pack:
    names = [
        NAME,
        "Siobhán Ní Bhriain, Head of Resilience",
        "Facilitators",
        "Chair",
        "Dr Llewelyn Pryce-Vaughan-Llywelyn",
    ]
    agenda = [
        AgendaEntry(
            f"{9 + n // 6:02d}:{(n % 6) * 10:02d}",
            f"Session {n + 1}: what the flooding taught us about emergency "
            f"plans{' and keyholders' * (n % 3)}",
            names[n % len(names)],
        )
        for n in range(rows)
    ]
    agenda[-1] = AgendaEntry("16:30", "Close", "Chair")
    return Pack(
        title="Forty sessions",
        kind="event-handout",
        classification="OFFICIAL",
        layout=Layout(paper=paper, large_print=large),
        event=Event(name="Resilience day", venue="Shire Hall", agenda=agenda),
    )


@pytest.mark.parametrize(
    ("paper", "large"), [("A5", True), ("A5", False), ("A4", True), ("A4", False)]
)
def test_an_agenda_of_forty_rows_keeps_every_row_inside_the_pages(
    pdf_engine: str, paper: str, large: bool
) -> None:
    pack = _agenda_pack(40, paper, large)
    pdf = render("pdf", compose(pack, Path(".")), pdf_engine).data
    assert layout_problems(pdf, paper, "OFFICIAL") == []
    read = pages(pdf)
    words = [w.text for p in read for w in p.words]
    assert pack.event is not None
    at = 0
    for n, entry in enumerate(pack.event.agenda):
        at = _row_at(words, [entry.time, entry.item, entry.speaker], at)
        assert at >= 0, f"row {n + 1} ({entry.time} {entry.item}) is missing or out of order"
    assert "16:30 Close Chair" in " ".join(words)
    # The header row heads every page the table reaches.
    table_pages = [p for p in read if any(w.text == "Session" for w in p.words)]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert "Time Session Speaker" in page.text


def _filler_then_agenda(fillers: int, rows: int) -> Document:
    filler = "A line of filler text that takes exactly one line."
    blocks: list[Block] = [Paragraph([Run(f"{filler} {n}")]) for n in range(fillers)]
    table = Table(
        ["Time", "Session", "Speaker"],
        [[f"1{n % 10}:00", f"Session {n} on parish emergency plans", NAME] for n in range(rows)],
    )
    blocks += [Heading(1, "Agenda"), table]
    meta = DocumentMeta(title="Keep with next", paper="A5", large_print=True)
    return Document(meta, Cover(title="Keep with next"), blocks)


@pytest.mark.parametrize("rows", [4, 20])
def test_a_heading_before_a_table_is_never_left_at_the_foot_of_a_page(
    pdf_engine: str, rows: int
) -> None:
    # Every filler length that brings the heading near the foot of the first body page.
    for fillers in range(8, 19):
        pdf = render("pdf", _filler_then_agenda(fillers, rows), pdf_engine).data
        assert layout_problems(pdf, "A5") == [], fillers
        for page in pages(pdf)[1:]:
            words = [w.text for w in page.words]
            if "Agenda" in words:
                tail = words[words.index("Agenda") :]
                assert tail[1:4] == ["Time", "Session", "Speaker"], f"alone with {fillers}"
                assert "Session 0" in " ".join(tail), f"no row after the heading ({fillers})"


def test_a_word_longer_than_its_column_is_broken_inside_the_cell(pdf_engine: str) -> None:
    place = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"
    table = Table(
        ["Time", "Session", "Venue"],
        [["10:00", "Welcome", place], ["10:30", f"Walk to {place} station", ""]],
    )
    meta = DocumentMeta(title="Long words", paper="A5", large_print=True)
    pdf = render("pdf", Document(meta, Cover(title="Long words"), [table]), pdf_engine).data
    assert layout_problems(pdf, "A5") == []
    text = "".join(w.text for p in pages(pdf) for w in p.words)
    assert text.count(place) == 2  # every letter printed, in order


# The column rule itself, on widths from a stand-in font (every character 6 points wide).


def _six(text: str, bold: bool) -> float:
    return 6.0 * len(text)


def test_columns_that_fit_share_the_spare_width_in_proportion() -> None:
    widths = column_widths(["Time", "Session"], [["10:00", "Welcome"]], 2, 300, _six)
    assert sum(widths) == pytest.approx(300)
    assert widths[0] < widths[1]


def test_a_time_column_is_as_narrow_as_its_times_and_a_name_keeps_to_two_lines() -> None:
    rows = [
        ["09:30", "A long session about the parish plans " * 3, NAME],
        ["10:00", "Break", "Facilitators"],
    ]
    widths = column_widths(["Time", "Session", "Speaker"], rows, 3, 330, _six)
    assert sum(widths) == pytest.approx(330)
    assert widths[0] == pytest.approx(6 * 5 + CELL_INSETS + 1)  # "09:30"
    speaker = widths[2] - CELL_INSETS
    assert speaker >= 6 * len("Facilitators")
    assert speaker >= 6 * len("Cllr Gwenllian")  # two lines: "Cllr Gwenllian" "ap Rhys-Llŷr"


def test_columns_never_narrower_than_their_widest_word_while_the_width_allows() -> None:
    rows = [["10:00", "Registration " * 20, "Facilitators"]]
    widths = column_widths(["Time", "Session", "Speaker"], rows, 3, 240, _six)
    assert widths[1] - CELL_INSETS >= 6 * len("Registration")
    assert widths[2] - CELL_INSETS >= 6 * len("Facilitators")


def test_words_wider_than_the_page_share_it_fairly_and_a_narrow_column_keeps_its_width() -> None:
    widths = column_widths([], [["x" * 40, "y" * 20]], 2, 120, _six)
    assert widths == pytest.approx([60, 60])
    widths = column_widths([], [["10:00", "y" * 40]], 2, 120, _six)
    assert widths == pytest.approx([6 * 5 + CELL_INSETS + 1, 120 - (6 * 5 + CELL_INSETS + 1)])


def test_measure_is_asked_once_per_word() -> None:
    asked: list[tuple[str, bool]] = []

    def counting(text: str, bold: bool) -> float:
        asked.append((text, bold))
        return _six(text, bold)

    rows = [["10:00", "Plans and plans and plans", "Chair"]] * 30
    column_widths(["Time", "Session", "Speaker"], rows, 3, 100, counting)
    assert len(asked) == len(set(asked))


def test_the_marking_statement_joins_the_first_page_of_a_handout_without_an_agenda(
    pdf_engine: str,
) -> None:
    pack = load_pack(HANDOUT)
    pack.event = None
    pack.intro = ""
    pdf = render("pdf", compose(pack, HANDOUT.parent), pdf_engine).data
    statement = next(p for p in pages(pdf) if "classified" in p.text)
    assert "Before the discussion" in statement.text


def test_an_empty_section_of_a_handout_does_not_leave_its_heading_alone_on_a_page(
    pdf_engine: str,
) -> None:
    pack = load_pack(HANDOUT)
    pack.sections.append(Section(title="Notes from the tables", items=[]))
    document = compose(pack, HANDOUT.parent)
    pdf = render("pdf", document, pdf_engine).data
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert stranded_headings(pdf, headings, "OFFICIAL") == []
    page = next(p for p in pages(pdf) if "tables" in p.text.split())
    assert "Sources" in page.text.split()
