"""The HTML writer: a Document becomes one self-contained, accessible web page.

One file with everything inside it: the stylesheet inline, pictures as `data:` addresses, no
JavaScript, and a Content-Security-Policy that forbids loading anything from elsewhere. Semantic
HTML5 (language, title, skip link, contents in `<nav>`, `<main>`, headings in order, lists,
quotations with attribution, tables with header cells) in the house style, readable on a phone
and at 400% zoom, with a print stylesheet. Only the document model is read here, and every piece
of text goes through the element builder, which escapes it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import assert_never

from briefing.document.model import (
    INSERTED,
    BlockQuote,
    BulletList,
    Contents,
    Document,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Run,
    Table,
)
from briefing.export.common.links import safe_href
from briefing.export.html.elements import Element, el, serialise, text_with_breaks
from briefing.export.html.media import picture
from briefing.export.html.style import stylesheet
from briefing.files.safe_write import atomic_write_bytes

__all__ = ["CONTENT_SECURITY_POLICY", "render_html", "write_html"]

# Nothing may be loaded from anywhere: pictures are inside the file and so is the stylesheet.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)
MAIN_ID = "main-content"
_LONG_WORD = re.compile(r"(\S{17,})")
# A long word's pieces: up to and including a / ? & = . - _ :, or at most 12 characters.
_BREAK_AFTER = re.compile(r"[^/?&=.\-_:]{1,12}[/?&=.\-_:]*|[/?&=.\-_:]+")
_ROLE_CLASS = {"byline": "byline", "note": "note", "lead": "lead", "reference": "reference"}


def render_html(document: Document) -> bytes:
    """The web page for document, as UTF-8 bytes (the same document gives the same bytes).

    Raises BriefingError (with a plain message) for a picture that cannot be read.
    """
    return serialise(_Page(document).build()).encode("utf-8", "replace")


def write_html(document: Document, target: Path) -> Path:
    """Render document and write it to target safely; returns target."""
    return atomic_write_bytes(Path(target), render_html(document))


class _Page:
    def __init__(self, document: Document) -> None:
        self.doc = document
        self.keys = document.link_keys()
        self.last_level = 1  # the title is the page's only h1

    def build(self) -> Element:
        meta = self.doc.meta
        title = " ".join((meta.title or self.doc.cover.title).split()) or "Briefing"
        head = el(
            "head",
            el("meta", charset="utf-8"),
            el("meta", http_equiv="Content-Security-Policy", content=CONTENT_SECURITY_POLICY),
            el("meta", name="viewport", content="width=device-width, initial-scale=1"),
            el("meta", name="referrer", content="no-referrer"),
            el("title", title),
        )
        if meta.author:
            head.append(el("meta", name="author", content=meta.author))
        if meta.subject:
            head.append(el("meta", name="description", content=meta.subject))
        if meta.keywords:
            head.append(el("meta", name="keywords", content=", ".join(meta.keywords)))
        head.extend(
            [el("meta", name="generator", content="Briefing"), el("style", stylesheet(meta))]
        )
        body = el(
            "body",
            self._masthead(),
            self._main(),
            self._footer(),
            class_="draft" if meta.draft else None,
        )
        return el("html", head, body, lang=meta.language or "en-GB")

    # Around the content -------------------------------------------------------------------

    def _marking(self) -> Element | None:
        marking = self.doc.meta.marking
        if not marking:
            return None
        return el(
            "p", el("span", "Classification: ", class_="visually-hidden"), marking, class_="marking"
        )

    def _masthead(self) -> Element:
        c = self.doc.cover
        band = el("div", class_="wrap band")
        if c.kind_label:
            band.append(el("p", c.kind_label, class_="kind"))
        if c.organisation:
            band.append(el("p", c.organisation, class_="organisation"))
        return el(
            "header",
            el("a", "Skip to main content", href=f"#{MAIN_ID}", class_="skip-link"),
            self._marking(),
            band if band.children else None,
            class_="masthead",
        )

    def _cover(self) -> Element:
        c = self.doc.cover
        cover = el("div", class_="cover")
        if c.logo is not None:
            cover.append(el("div", picture(c.logo), class_="logo"))
        cover.append(el("h1", *text_with_breaks(c.title)))
        if c.subtitle:
            cover.append(el("p", *text_with_breaks(c.subtitle), class_="subtitle"))
        details = el("div", class_="details")
        if c.date_text:
            details.append(el("p", c.date_text, class_="date"))
        if c.edition:
            details.append(el("p", c.edition, class_="edition"))
        if c.prepared_by:
            details.append(el("p", c.prepared_by))
        details.extend(el("p", el("strong", f"{label}:"), " ", value) for label, value in c.details)
        if self.doc.meta.draft:
            details.append(el("p", "DRAFT", class_="draft-label"))
        if details.children:
            cover.append(details)
        return cover

    def _main(self) -> Element:
        main = el("main", self._cover(), id=MAIN_ID, class_="wrap")
        _Body(self, main).add_blocks()
        return main

    def _footer(self) -> Element:
        meta = self.doc.meta
        running = " ".join((meta.running_title or meta.title).split())
        return el(
            "footer",
            el("div", el("p", running) if running else None, self._marking(), class_="wrap"),
            class_="page-foot",
        )


class _Body:
    """Adds the blocks to <main>, opening a <section> at each level 1 and 2 heading."""

    def __init__(self, page: _Page, main: Element) -> None:
        self.page = page
        self.doc = page.doc
        self.stack: list[tuple[int, Element]] = [(0, main)]
        self.references: Element | None = None
        self.break_before = False

    @property
    def container(self) -> Element:
        return self.stack[-1][1]

    def add_blocks(self) -> None:
        for index, block in enumerate(self.doc.blocks):
            if isinstance(block, PageBreak):
                self.break_before = True
                continue
            if isinstance(block, Heading):
                self._heading(index, block)
                continue
            if isinstance(block, Paragraph) and block.role == "reference":
                if self.references is None:
                    self.references = self._add(el("ul", class_="references"))
                self.references.append(el("li", *runs(block.runs)))
                continue
            self.references = None
            element = self._block(index, block)
            if element is not None:
                self._add(element)

    def _add(self, element: Element) -> Element:
        if self.break_before:
            element.add_class("page-break")
            self.break_before = False
        self.container.append(element)
        return element

    def _heading(self, index: int, block: Heading) -> None:
        self.references = None
        level = self._level(block.level + 1)
        heading = el(f"h{level}", *text_with_breaks(block.text), id=self.page.keys[index])
        if block.level > 2:
            self._add(heading)
            return
        while self.stack[-1][0] >= block.level:
            self.stack.pop()
        self.stack.append((block.level, self._add(el("section", heading))))

    def _level(self, wanted: int) -> int:
        """The heading level to write: never more than one below the one before."""
        level = max(2, min(wanted, self.page.last_level + 1, 6))
        self.page.last_level = level
        return level

    def _block(
        self,
        index: int,
        block: Paragraph | BulletList | BlockQuote | Table | Image | Contents,
    ) -> Element | None:
        """Every block but headings and page breaks, which add_blocks handles itself (None:
        nothing to show, such as a table with no cells)."""
        if isinstance(block, Paragraph):
            return el("p", *runs(block.runs), class_=_ROLE_CLASS.get(block.role))
        if isinstance(block, BulletList):
            return el("ul", *(el("li", *runs(item)) for item in block.items))
        if isinstance(block, BlockQuote):
            quote = el("figure", el("blockquote", el("p", *runs(block.runs))), class_="quote")
            if block.attribution:
                quote.append(el("figcaption", block.attribution))
            return quote
        if isinstance(block, Table):
            return _table(block)
        if isinstance(block, Image):
            return el("div", picture(block), class_="picture")
        if isinstance(block, Contents):
            return self._contents(index, block)
        assert_never(block)  # mypy proves every block type is written

    def _contents(self, index: int, block: Contents) -> Element:
        key = self.page.keys[index]
        title_id = f"{key}-title"
        outer = el("ul")
        parents: list[tuple[int, Element]] = [(0, outer)]
        for later in range(index + 1, len(self.doc.blocks)):
            entry = self.doc.blocks[later]
            if not (
                isinstance(entry, Heading) and entry.in_contents and entry.level <= block.max_level
            ):
                continue
            while len(parents) > 1 and parents[-1][0] >= entry.level:
                parents.pop()
            item = el("li", el("a", " ".join(entry.text.split()), href=f"#{self.page.keys[later]}"))
            parents[-1][1].append(item)
            nested = el("ul")
            item.append(nested)
            parents.append((entry.level, nested))
        _drop_empty_lists(outer)
        heading = el(f"h{self._level(2)}", block.title, id=title_id)
        return el(
            "nav",
            heading,
            outer if outer.children else None,
            id=key,
            class_="contents",
            aria_labelledby=title_id,
        )


def runs(items: list[Run]) -> list[Element | str]:
    """Inline runs as text, <strong>, <em> and links (web and e-mail addresses only)."""
    out: list[Element | str] = []
    for run in items:
        nodes: list[Element | str] = text_with_breaks(run.text)
        if not nodes:
            continue
        if run.bold:
            nodes = [el("strong", *nodes)]
        if run.italic:
            nodes = [el("em", *nodes)]
        if run.lang:  # Welsh in an English page: read aloud and checked as Welsh
            nodes = [el("span", *nodes, lang=run.lang)]
        if run.change:
            out.append(_tracked(run.change == INSERTED, nodes))
            continue
        href = safe_href(run.href)
        if href:
            shown = run.text.strip()
            addresses = {href, href.removeprefix("mailto:")}
            nodes = [
                el("a", *nodes, href=href, class_=None if shown in addresses else "print-address")
            ]
        out.extend(nodes)
    return out


def _tracked(inserted: bool, nodes: list[Element | str]) -> Element:
    """A tracked change as <ins> or <del>: underlined or struck through (not shown by colour
    alone, and kept in high contrast), and said in words to screen readers by the stylesheet
    (html_style), which do not all announce the elements themselves; the page's own text stays
    the briefing's words."""
    return el("ins" if inserted else "del", *nodes)


def _table(block: Table) -> Element | None:
    columns = max([len(block.header)] + [len(row) for row in block.rows])
    if not columns:
        return el("p", block.caption, class_="caption") if block.caption else None

    def padded(values: list[str]) -> list[str]:
        return list(values) + [""] * (columns - len(values))

    table = el("table", el("caption", block.caption) if block.caption else None)
    if block.header:
        table.append(
            el(
                "thead",
                el(
                    "tr",
                    *(el("th", *cell_text(value), scope="col") for value in padded(block.header)),
                ),
            )
        )
    if block.rows:
        table.append(
            el(
                "tbody",
                *(
                    el("tr", *(el("td", *cell_text(value)) for value in padded(row)))
                    for row in block.rows
                ),
            )
        )
    return table


def cell_text(text: str) -> list[Element | str]:
    """A table cell's text, with places to break inside very long words (web addresses).

    Table columns are as wide as their longest word, so one long address could push the table
    past a phone's screen; a `<wbr>` after its punctuation, and every so often, lets it wrap.
    """
    out: list[Element | str] = []
    for node in text_with_breaks(text):
        if isinstance(node, Element):
            out.append(node)
            continue
        for piece in _LONG_WORD.split(node):
            if _LONG_WORD.fullmatch(piece):
                for chunk in _BREAK_AFTER.findall(piece):
                    out += [chunk, el("wbr")]
                out.pop()
            elif piece:
                out.append(piece)
    return out


def _drop_empty_lists(node: Element) -> None:
    node.children = [
        child
        for child in node.children
        if not (isinstance(child, Element) and child.tag == "ul" and not child.children)
    ]
    for child in node.children:
        if isinstance(child, Element):
            _drop_empty_lists(child)
