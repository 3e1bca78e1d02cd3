"""Saved web pages: inline markup never adds spaces, and a byline is not repeated in the text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.library.importers import import_path

if TYPE_CHECKING:
    from pathlib import Path

PAGE = """<html><head><title>Site | Budgets</title><meta name="author" content="Jo Bloggs"></head>
<body><article><h1>Council budgets under strain</h1><p class="byline">By Jo Bloggs</p>
<p>Demand for <b>adult social care</b>, <a href="/x">housing</a> and <em>SEND</em>.<br>Next line</p>
<table><tr><td><p>Cell one</p><p>more</p></td><td>Cell two</td></tr></table>
</article></body></html>"""


def test_inline_markup_keeps_punctuation_tight_and_bylines_out(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    [article] = import_path(page)
    assert article.authors == ["Jo Bloggs"]
    assert "adult social care, housing and SEND. Next line" in article.body
    assert "By Jo Bloggs" not in article.body
    assert "Cell one more | Cell two" in article.body
