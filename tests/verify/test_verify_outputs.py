"""Every built file proves itself: verify finds a table row or a paragraph taken out of a Word
file, a web page or either engine's PDF, names it and where it is in the pack, and the build
writes nothing; it finds text moved over the footer or off the page, a page left nearly empty
and a name broken across lines. The example packs pass in every format and engine."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from tampering import (
    docx_without,
    html_without,
    pdf_moved,
    pdf_page_keeping,
    pdf_without_line,
)

from briefing.build import (
    VERIFY_RULES,
    BuildRequest,
    ChecksFailed,
    Report,
    build,
    check,
    verify_files,
)
from briefing.checks.pdf_read import read_pages
from briefing.cli import main
from briefing.export.registry import PDF_ENGINES

ROOT = Path(__file__).resolve().parents[2]
PACKS = ROOT / "packs"
HANDOUT = PACKS / "event-handout.yaml"
AGENDA = ROOT / "tests" / "fixtures" / "a5-large-print-agenda.yaml"
ENGINES = list(PDF_ENGINES)
LAST_ROW = "12:15"  # the handout's last agenda row: "12:15 Panel Q&A and close, Chair"


def _line_of(path: Path, text: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line
    )


def _verify_findings(report: Report) -> list[str]:
    return [str(f) for f in report.findings if f.rule in VERIFY_RULES]


@pytest.fixture(scope="module", params=ENGINES)
def handout(request: pytest.FixtureRequest) -> Report:
    """The example handout built in memory in every format, the PDF by each engine."""
    return check(
        BuildRequest.for_file(HANDOUT, formats=("docx", "pdf", "html"), pdf_engine=request.param)
    )


def test_the_handout_as_built_passes_verify(handout: Report) -> None:
    assert handout.built == ["docx", "pdf", "html"]
    assert _verify_findings(handout) == []


@pytest.mark.parametrize("pack", sorted(PACKS.glob("*.yaml")), ids=lambda p: p.stem)
@pytest.mark.parametrize("engine", ENGINES)
def test_every_example_pack_passes_verify_in_every_format(pack: Path, engine: str) -> None:
    report = check(
        BuildRequest.for_file(
            pack, formats=("docx", "pdf", "html"), pdf_engine=engine, audiences=("all",)
        )
    )
    assert len(report.jobs) >= 1 and report.built == ["docx", "pdf", "html"]
    assert _verify_findings(report) == []


def _row_missing(handout: Report, fmt: str, data: bytes) -> str:
    job = handout.jobs[0]
    found = [f for f in verify_files(job, {fmt: data}) if f.rule == "output-complete"]
    assert len(found) == 1, [str(f) for f in found]  # one finding for the row, not per cell
    return str(found[0])


def _expect_the_last_row(message: str, what: str) -> None:
    line = _line_of(HANDOUT, f'time: "{LAST_ROW}"')
    assert message.startswith(
        f"{HANDOUT}:{line}:7: error: The {what} as built does not hold "
        f"the table row “{LAST_ROW} Panel Q&A and close Chair” "
        "(event, agenda entry 5)"
    ), message
    assert "not written" in message


def test_a_row_taken_out_of_the_word_file_is_named_with_its_place(handout: Report) -> None:
    built = handout.jobs[0].rendered["docx"].data
    _expect_the_last_row(
        _row_missing(handout, "docx", docx_without(built, "tr", LAST_ROW)), "Word file"
    )


def test_a_row_taken_out_of_the_web_page_is_named_with_its_place(handout: Report) -> None:
    built = handout.jobs[0].rendered["html"].data
    _expect_the_last_row(
        _row_missing(handout, "html", html_without(built, "tr", LAST_ROW)), "web page"
    )


def test_a_row_taken_out_of_the_pdf_is_named_with_its_place(handout: Report) -> None:
    built = handout.jobs[0].rendered["pdf"].data
    spoiled = pdf_without_line(built, LAST_ROW)
    assert "Panel Q" not in "".join(run.text for page in read_pages(spoiled) for run in page.runs)
    tagged = PDF_ENGINES[handout.jobs[0].request.pdf_engine].tagged
    _expect_the_last_row(_row_missing(handout, "pdf", spoiled), "tagged PDF" if tagged else "PDF")


@pytest.mark.parametrize(("fmt", "element"), [("docx", "p"), ("html", "li")])
def test_a_list_item_taken_out_is_named_with_its_place(
    handout: Report, fmt: str, element: str
) -> None:
    job = handout.jobs[0]
    message = "Support for councillors should be planned"
    spoil = docx_without if fmt == "docx" else html_without
    (finding,) = [
        f
        for f in verify_files(job, {fmt: spoil(job.rendered[fmt].data, element, message)})
        if f.rule == "output-complete"
    ]
    assert "the list item “Support for councillors should be planned,…”" in finding.message
    assert "(section 1, item 1, implication 1)" in finding.message
    assert finding.location.line == _line_of(HANDOUT, message)


def test_a_heading_taken_out_of_the_pdf_is_named(handout: Report) -> None:
    job = handout.jobs[0]
    spoiled = pdf_without_line(job.rendered["pdf"].data, "Key messages")
    (finding,) = [f for f in verify_files(job, {"pdf": spoiled}) if f.rule == "output-complete"]
    assert "the heading “Key messages”" in finding.message
    assert finding.location.line == _line_of(HANDOUT, "key_messages:") + 1  # the first one


def test_text_moved_over_the_footer_or_off_the_page_is_an_error(handout: Report) -> None:
    job = handout.jobs[0]
    built = job.rendered["pdf"].data
    page = read_pages(built)[1]
    run = next(run for run in page.runs if run.text.startswith("at the break"))
    over = pdf_moved(built, "at the break", 0, -(run.bottom - 40))
    messages = [f.message for f in verify_files(job, {"pdf": over}) if f.rule == "output-off-page"]
    assert any("“at the break.” is drawn over the running footer" in m for m in messages), messages
    off = pdf_moved(built, "at the break", page.width, 0)
    messages = [f.message for f in verify_files(job, {"pdf": off}) if f.rule == "output-off-page"]
    assert any("Page 2 of the" in m and "runs off the page" in m for m in messages), messages


def test_a_page_left_with_only_its_heading_is_a_warning_naming_it(handout: Report) -> None:
    job = handout.jobs[0]
    spoiled = pdf_page_keeping(job.rendered["pdf"].data, 3, "Key messages")
    found = [f for f in verify_files(job, {"pdf": spoiled}) if f.rule == "near-empty-page"]
    assert [f.severity for f in found] == ["warning"]
    assert (
        found[0].message.startswith("Page 3 of the")
        and "holds only the heading “Key messages”" in found[0].message
    )


def test_a_build_whose_file_fails_verify_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefing.export.docx.writer as docx_writer

    real = docx_writer.render_docx

    def loses_the_last_row(document):  # type: ignore[no-untyped-def]
        return docx_without(real(document), "tr", LAST_ROW)

    monkeypatch.setattr(docx_writer, "render_docx", loses_the_last_row)
    old = tmp_path / "The 21st Century Councillor.pdf"
    old.write_bytes(b"last week's PDF")
    request = BuildRequest.for_file(HANDOUT, formats=("docx", "pdf"), outdir=tmp_path)
    with pytest.raises(ChecksFailed) as caught:
        build(request)
    assert "does not hold the table row “12:15" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == [old.name]
    assert old.read_bytes() == b"last week's PDF"


def test_a_tagged_pdf_laid_out_without_a_row_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build lays the tagged PDF out on a thread while it checks the pack and works out
    what verify looks for; the PDF as laid out is still the judge."""
    import briefing.export.pdf.typst.writer as typst_writer

    real = typst_writer.typst_layout

    def loses_the_last_row(document, progress=None):  # type: ignore[no-untyped-def]
        lay_out = real(document, progress)

        def spoiled():  # type: ignore[no-untyped-def]
            made = lay_out()
            return replace(made, data=pdf_without_line(made.data, LAST_ROW))

        return spoiled

    monkeypatch.setattr(typst_writer, "typst_layout", loses_the_last_row)
    request = BuildRequest.for_file(HANDOUT, formats=("docx", "pdf"), outdir=tmp_path)
    with pytest.raises(ChecksFailed) as caught:
        build(request)
    assert "The tagged PDF as built does not hold the table row “12:15" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_refuses_the_build_and_check_lists_the_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import briefing.export.html.writer as html_writer

    real = html_writer.render_html
    monkeypatch.setattr(
        html_writer, "render_html", lambda document: html_without(real(document), "tr", LAST_ROW)
    )
    assert main(["build", str(HANDOUT), "-o", str(tmp_path), "--format", "html", "-q"]) == 1
    assert "does not hold the table row" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    assert main(["check", str(HANDOUT)]) == 1
    out = capsys.readouterr().out
    assert re.search(
        rf"{re.escape(str(HANDOUT))}:\d+:7: error: The web page as built does not "
        "hold the table row",
        out,
    ), out


@pytest.mark.parametrize("engine", ENGINES)
def test_the_large_print_agenda_keeps_every_row_on_the_page(engine: str) -> None:
    """The A5 large-print handout, with its OFFICIAL marking and a long Welsh name."""
    report = check(BuildRequest.for_file(AGENDA, formats=("pdf",), pdf_engine=engine))
    errors = [str(f) for f in report.findings if f.severity == "error"]
    assert errors == []
    text = " ".join(
        run.text for page in read_pages(report.jobs[0].rendered["pdf"].data) for run in page.runs
    )
    assert "14:00" in text and "Close" in text


def _forty_rows(tmp_path: Path) -> Path:
    rows = "\n".join(
        f'    - {{time: "{9 + n // 4:02d}:{n % 4 * 15:02d}", item: Session {n + 1} '
        f"on the draft plan for the valley, speaker: Cllr Gwenllian ap Rhys-Llŷr}}"
        for n in range(40)
    )
    text = AGENDA.read_text(encoding="utf-8")
    start = text.index("  agenda:\n") + len("  agenda:\n")
    end = text.index("sections:")
    path = tmp_path / "forty.yaml"
    path.write_text(text[:start] + rows + "\n" + text[end:], encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ENGINES)
def test_an_agenda_of_forty_rows_keeps_every_row_on_the_page(tmp_path: Path, engine: str) -> None:
    request = BuildRequest.for_file(
        _forty_rows(tmp_path), formats=("docx", "pdf", "html"), pdf_engine=engine
    )
    report = check(request)
    errors = [str(f) for f in report.findings if f.severity == "error"]
    assert errors == []
    (tmp_path / "out").mkdir()
    written = build(replace(request, outdir=tmp_path / "out"))
    assert len(written) == 3


SCRIPTS = {
    "Welsh": "Cyhoeddodd y cyngor gynllun newydd ar gyfer tai ŵyr ac ŷd yn yr ardal.",
    "Greek": "Η δημοτική αρχή δημοσίευσε νέο σχέδιο για τη στέγαση των κατοίκων.",
    "Ukrainian": "Рада опублікувала новий план щодо житла для мешканців району.",
    "Vietnamese": "Hội đồng đã công bố kế hoạch nhà ở mới cho khu vực này.",
    "Arabic": "نشر المجلس خطة جديدة للإسكان في المنطقة هذا العام.",
    "Hebrew": "המועצה פרסמה תוכנית חדשה לדיור באזור השנה.",
}


@pytest.mark.parametrize("engine", ENGINES)
def test_text_in_other_scripts_reads_back_whole(tmp_path: Path, engine: str) -> None:
    """Text in every script reads back whole from either engine's PDF, right-to-left text
    included (drawn in visual order, read back in reading order)."""
    items = "\n".join(
        f"""      - article: {name.lower()}
        summary: "{text}"
        implications: ["In {name}: {text}"]"""
        for name, text in SCRIPTS.items()
    )
    articles = "\n".join(
        f"""  {name.lower()}:
    title: "{name}: {text[:30]}"
    authors: [A. Officer]"""
        for name, text in SCRIPTS.items()
    )
    path = tmp_path / "scripts.yaml"
    path.write_text(
        f"""briefing_pack: 1
title: Housing news in the languages of the borough
sections:
  - title: Housing
    items:
{items}
articles:
{articles}
""",
        encoding="utf-8",
    )
    report = check(BuildRequest.for_file(path, formats=("docx", "pdf", "html"), pdf_engine=engine))
    assert "docx" in report.built and "html" in report.built
    assert _verify_findings(report) == []
    job = report.jobs[0]
    if "pdf" in report.built:  # (the tagged PDF needs a font for every script here)
        spoiled = pdf_without_line(job.rendered["pdf"].data, "In Ukrainian")
        (finding,) = [f for f in verify_files(job, {"pdf": spoiled}) if f.rule == "output-complete"]
        assert "the list item “In Ukrainian: Рада опублікувала" in finding.message


HEBREW_SUMMARY = "The council met the group מועצת העיר תל אביב on 12 May, with **bold שלום** too."
HEBREW_POINT = "אזור מגורים חדש נפתח בעיר בשנת 2026."


def _hebrew_built(tmp_path: Path, engine: str) -> tuple[Path, Report]:
    """A pack with a Hebrew phrase inside English and a Hebrew list item, checked (its PDF
    built in memory by `engine`, and verified)."""
    path = tmp_path / "hebrew.yaml"
    path.write_text(
        f"""briefing_pack: 1
title: Housing news
sections:
  - title: Housing
    items:
      - article: a
        summary: "{HEBREW_SUMMARY}"
        implications:
          - Officers should read the plan.
          - "{HEBREW_POINT}"
          - Members should ask about the timetable.
articles:
  a:
    title: Council plans
    authors: [A. Officer]
""",
        encoding="utf-8",
    )
    report = check(BuildRequest.for_file(path, formats=("pdf",), pdf_engine=engine))
    assert _verify_findings(report) == []
    return path, report


def _lefts(data: bytes, after: str) -> dict[str, float]:
    """The left edge of each character's first drawing from `after` on, on its page."""
    for page in pdfium.PdfDocument(data):
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        if after not in text:
            continue
        lefts: dict[str, float] = {}
        for index, char in enumerate(text[text.index(after) :], text.index(after)):
            if char not in lefts and not char.isspace():
                lefts[char] = textpage.get_charbox(index)[0]
        return lefts
    raise AssertionError(f"no page holds {after!r}")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_hebrew_phrase_inside_english_reads_right_to_left(tmp_path: Path, engine: str) -> None:
    """The first letter of a Hebrew word, and the first word of a Hebrew phrase, are drawn
    rightmost, while the English around keeps its place (the untagged engine as the tagged)."""
    _, report = _hebrew_built(tmp_path, engine)
    x = _lefts(report.jobs[0].rendered["pdf"].data, "group")
    # "group" before the phrase, "on" after it; inside, מועצת (first) right of אביב (last),
    # and in מועצת its first letter מ right of its later צ.
    assert x["g"] < x["א"] < x["צ"] < x["מ"] < x["n"]
    assert x["ם"] < x["ש"]  # a bold Hebrew word alone reads right to left too


@pytest.mark.parametrize("engine", ENGINES)
def test_a_hebrew_paragraph_taken_out_of_the_pdf_is_named(tmp_path: Path, engine: str) -> None:
    path, report = _hebrew_built(tmp_path, engine)
    job = report.jobs[0]
    spoiled = pdf_without_line(job.rendered["pdf"].data, "מגורים", anywhere=True)
    (finding,) = [f for f in verify_files(job, {"pdf": spoiled}) if f.rule == "output-complete"]
    assert "the list item “אזור מגורים חדש" in finding.message
    assert finding.location.line == _line_of(path, HEBREW_POINT)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_word_longer_than_the_line_stays_on_the_page(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "long.yaml"
    word = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochcommunityhub"
    path.write_text(
        f"""briefing_pack: 1
title: A long name
layout:
  paper: A5
  large_print: true
sections:
  - title: Places
    items:
      - article: a
        summary: "The meeting is at {word} on Tuesday."
        implications: ["Members may attend."]
articles:
  a:
    title: Venues
""",
        encoding="utf-8",
    )
    report = check(BuildRequest.for_file(path, formats=("pdf",), pdf_engine=engine))
    assert [str(f) for f in report.findings if f.rule == "output-off-page"] == []


@pytest.mark.parametrize("engine", ENGINES)
def test_a_word_wider_than_any_column_is_named_with_where_it_breaks(
    tmp_path: Path, engine: str
) -> None:
    """A word no column can hold is the pack's to shorten, not a fault of the layout: the
    warning says so, and where the word is broken."""
    word = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"
    path = tmp_path / "wide.yaml"
    path.write_text(
        f"""briefing_pack: 1
title: A long place
kind: event-handout
layout: {{paper: A5, large_print: true}}
event:
  name: Open day
  venue: Village hall
  starts: 2026-03-12T09:30
  agenda:
    - {{time: "09:30", item: Welcome, speaker: Chair}}
    - {{time: "10:00", item: Visit to {word}, speaker: Democratic Services}}
sections:
  - title: Places
    items:
      - article: a
        summary: "The meeting is on Tuesday."
articles:
  a:
    title: Venues
""",
        encoding="utf-8",
    )
    report = check(BuildRequest.for_file(path, formats=("pdf",), pdf_engine=engine))
    (found,) = [f for f in report.findings if f.rule == "broken-word"]
    assert found.severity == "warning"
    assert f"“{word}” in the table row “10:00 Visit to" in found.message
    head = re.search(r"is broken after “(\w+)”", found.message)
    assert head and word.startswith(head[1]) and 0 < len(head[1]) < len(word), found.message
    assert "wider than its column can be" in found.message and "Shorten it" in found.message
    assert "fault in Briefing's layout" not in found.message
    assert found.location.line == _line_of(path, "10:00")


_PLACE = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch"
_TOO_MUCH = " ".join([_PLACE, "Rechtsschutzversicherungsgesellschaften", "council"] * 4)


def _too_much(first: str) -> str:
    return f"{first} {_TOO_MUCH}"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_cover_too_full_for_its_page_is_a_warning_naming_its_text(
    engine: str, tmp_path: Path
) -> None:
    """Title, organisation and subtitle that even at body size need more than an A5
    large-print cover: the cover runs onto page 2, and verify says so."""
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "briefing_pack: 1\nkind: member-briefing\n"
        f"title: {_too_much('Roads')}\norganisation: {_too_much('Parish')}\n"
        f"subtitle: {_too_much('Housing')}\n"
        "layout: {paper: A5, large_print: true}\n"
        "sections: [{title: Housing, items: [{article: a, summary: Plans for roads.}]}]\n"
        "articles: {a: {title: Roads}}\n",
        encoding="utf-8",
    )
    report = check(BuildRequest.for_file(pack, formats=("pdf",), pdf_engine=engine))
    found = [f for f in report.findings if f.rule == "cover-spills"]
    assert [f.severity for f in found] == ["warning"], _verify_findings(report)
    assert "runs onto page 2 (the cover's title “Roads" in found[0].message
    assert "Shorten them." in found[0].message
