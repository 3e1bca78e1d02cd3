"""Saved web pages as real sites and programs write them: unclosed and stray tags, line breaks in
headings, older encodings, byte order marks, declared character sets and Word's web pages. Each
page is read as a browser shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.library.importers import import_path, read_source

if TYPE_CHECKING:
    from pathlib import Path

HEAD = "<html><head><title>Parish news</title></head><body><main><h1>Parish news</h1>"
FOOT = "</main></body></html>"


def _page(tmp_path: Path, body: str | bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    if isinstance(body, str):
        body = (HEAD + body + FOOT).encode("utf-8")
    path.write_bytes(body)
    return path


def test_paragraphs_never_closed_stay_separate(tmp_path: Path) -> None:
    # How pages were written before closing tags were usual: each <p> ends the one before.
    page = _page(
        tmp_path,
        "<p>The village hall reopens on Saturday after its new roof.<p>Bookings "
        "for the spring open next week.<p>Volunteers are still wanted.",
    )
    [article] = import_path(page)
    assert article.body == (
        "The village hall reopens on Saturday after its new roof.\n\n"
        "Bookings for the spring open next week.\n\nVolunteers are still "
        "wanted."
    )


def test_list_items_and_table_cells_never_closed(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "<p>What the parish council agreed:</p><ul><li>A new bench<li>Two "
        "litter bins<li>Repairs to the gate</ul><table><tr><th>Item<th>Cost"
        "<tr><td>Bench<td>£450<tr><td>Bins<td>£120</table>",
    )
    [article] = import_path(page)
    assert "- A new bench\n- Two litter bins\n- Repairs to the gate" in article.body
    assert "Item | Cost\n\nBench | £450\n\nBins | £120" in article.body


def test_stray_closing_tags_lose_nothing_and_repeat_nothing(tmp_path: Path) -> None:
    page = _page(
        tmp_path,
        "<p>The footpath by the church is closed.</p></p></div><p>It reopens "
        "in June.</span></p></li>",
    )
    [article] = import_path(page)
    assert article.body == "The footpath by the church is closed.\n\nIt reopens in June."


def test_a_line_break_inside_a_heading(tmp_path: Path) -> None:
    page = tmp_path / "heading.html"
    page.write_text(
        "<html><body><article><h1>Budget<br>2026 to 2027</h1><p>The council set a "
        "budget that protects libraries.</p><h2>Parks<br/>and play</h2><p>Play areas "
        "are repaired first.</p></article></body></html>",
        encoding="utf-8",
    )
    source = read_source(page)
    assert source.meta["title"] == "Budget 2026 to 2027"
    [article] = import_path(page)
    assert article.title == "Budget 2026 to 2027"
    assert article.body.startswith(
        "The council set a budget that protects libraries.\n\nParks and play\n\nPlay areas"
    )
    heading = source.text.split("\n").index("Parks and play") + 1
    assert source.headings[heading] == 2


def test_windows_1252_bytes(tmp_path: Path) -> None:
    # Saved by an older Windows program: curly quotes, a pound sign and an e-acute in cp1252.
    body = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; '
        'charset=windows-1252"><title>Caf\u00e9 grant</title></head><body><p>The '
        "council\u2019s \u00a35,000 grant helps the caf\u00e9 stay open \u2013 for now."
        "</p></body></html>"
    ).encode("cp1252")
    [article] = import_path(_page(tmp_path, body))
    assert article.title == "Caf\u00e9 grant"
    assert (
        article.body == "The council\u2019s \u00a35,000 grant helps the caf\u00e9 stay open "
        "\u2013 for now."
    )


def test_byte_order_marks(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Bin collections</title></head><body><p>Bins are collected "
        "on Tuesdays from March.</p></body></html>"
    )
    for encoding, bom in (
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
    ):
        path = _page(tmp_path, bom + page.encode(encoding), f"bins-{encoding}.html")
        [article] = import_path(path)
        assert article.title == "Bin collections", encoding
        assert article.body == "Bins are collected on Tuesdays from March.", encoding


def test_a_declared_character_set_does_not_override_the_bytes(tmp_path: Path) -> None:
    # The bytes are UTF-8 whatever the page claims (a common mistake when pages are copied).
    for declaration in (
        '<meta charset="windows-1252">',
        '<meta charset="utf-16">',
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
    ):
        page = (
            f"<html><head>{declaration}<title>Caf\u00e9s</title></head><body><p>Two "
            "caf\u00e9s open in the market \u2014 both run by volunteers.</p></body></html>"
        )
        [article] = import_path(_page(tmp_path, page.encode("utf-8")))
        assert article.title == "Caf\u00e9s", declaration
        assert article.body == "Two caf\u00e9s open in the market \u2014 both run by volunteers."


def test_xhtml_with_an_xml_declaration(tmp_path: Path) -> None:
    page = (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD '
        'XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html '
        'xmlns="http://www.w3.org/1999/xhtml"><head><title>Ward surgery</title></head><body>'
        "<p>Councillor surgeries move to the library \u2019s upstairs room.</p></body></html>"
    )
    [article] = import_path(_page(tmp_path, page.encode("utf-8"), "ward.xhtml.html"))
    assert article.title == "Ward surgery"
    assert article.body == "Councillor surgeries move to the library \u2019s upstairs room."


def test_a_word_web_page(tmp_path: Path) -> None:
    # What Word's "Save as Web Page" writes: Office namespaces, conditional comments, <o:p>.
    page = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"><head>
<meta name=Generator content="Microsoft Word 15">
<title>Grants round</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>Clerk</o:Author>
</o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm;} --></style></head>
<body lang=EN-GB style='tab-interval:36.0pt'><div class=WordSection1>
<h1>Community grants round opens<o:p></o:p></h1>
<p class=MsoNormal>Groups can apply for up to <b>&pound;2,000</b> towards new
projects.<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt'><![if !supportLists]><span
style='font-family:Symbol'>&middot;<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span><![endif]>Sports clubs<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt'><![if !supportLists]><span
style='font-family:Symbol'>&middot;<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span><![endif]>Youth groups<o:p></o:p></p>
</div></body></html>"""
    [article] = import_path(_page(tmp_path, page.encode("utf-8"), "grants.htm"))
    assert article.title == "Community grants round opens"
    assert article.body.startswith("Groups can apply for up to £2,000 towards new projects.")
    assert "Sports clubs" in article.body and "Youth groups" in article.body
    for junk in ("Clerk", "MsoNormal", "supportLists", "endif", "margin"):
        assert junk not in article.body


def test_control_characters_come_through_as_the_file_holds_them(tmp_path: Path) -> None:
    # A form feed is white space; other control characters are kept, so that validating the
    # pack can point at them, rather than turned into replacement characters.
    page = _page(tmp_path, "<p>Road\x0cworks start\x01 on Monday.</p>")
    [article] = import_path(page)
    assert article.body == "Road works start\x01 on Monday."
