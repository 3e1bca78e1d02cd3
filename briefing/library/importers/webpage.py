"""Saved web pages (.html, .htm): the article's main text, title and author. Nothing is fetched.

The page is parsed by lxml (libxml2's HTML parser, which never loads a DTD, an entity or anything
else from the network or disk, and does not expand entities a page declares). The file's size is
checked when it is read, the page's depth before anything walks it. The article's main text is
found by readability-lxml (the Readability algorithm browsers' reader views use), given the
tree parsed and checked here; a page it finds nothing on is read by the simpler rules below, so
a page with words on it is never refused as empty.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

import lxml.html
from lxml import etree

from briefing.library.importers.encoding import decode
from briefing.library.importers.metadata import date_line as md_date_line
from briefing.library.importers.source import (
    ImportFailure,
    SourceText,
    normalise_newlines,
    require_text,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

_DROP = (
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "noscript",
    "svg",
    "button",
    "template",
    "object",
    "embed",
    "img",
    "picture",
    "video",
    "audio",
    "canvas",
    "select",
    "textarea",
    "input",
    "link",
    "meta",
)
# Page furniture that sites put inside the article container.
_FURNITURE = re.compile(
    r"(^|[-_ ])(share|social|comments?|related|newsletter|cookie|subscribe|advert|promo|"
    r"breadcrumbs?|sidebar|menu)([-_ ]|$)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"(^|[-_])(byline|author)([-_]|$)", re.IGNORECASE)
_BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "tr",
    "dt",
    "dd",
    "figcaption",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "dl",
    "figure",
    "td",
    "th",
}
_NESTED_BLOCKS = ("ul", "ol", "div", "table")
# Elements whose text is not part of the words around them (code, styles, templates, ruby
# annotations): an element's text leaves theirs out.
_NOT_WORDS = ("script", "style", "template", "rt", "rp")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Control characters cannot be stored in the parsed page (it is XML inside). Those that are white
# space become spaces (all text is read with its spacing normalised); the others travel as
# private-use stand-ins and are put back, so the text holds what the file holds (and a later
# check can say where a control character is).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CARRIED = [*range(0x09), *range(0x0E, 0x1C), 0xFFFE, 0xFFFF]
_HIDE = {c: " " for c in (0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x1F)} | {
    c: chr(0xF0000 + n) for n, c in enumerate(_CARRIED)
}
_SHOW = {0xF0000 + n: chr(c) for n, c in enumerate(_CARRIED)}
_STAND_INS = re.compile(f"[{chr(min(_SHOW))}-{chr(max(_SHOW))}]")

Element = Any  # an lxml element (lxml ships no type hints)

MAX_DEPTH = 400
# True when some element sits more than MAX_DEPTH levels deep (the page itself is level 1).
# (Evaluated in C, one step per level; compiled on each use, so threads share nothing.)
_TOO_DEEP = "boolean(" + "/*" * (MAX_DEPTH + 1) + ")"


def _parse(name: str, raw: str) -> Element:
    """The page as a tree, or an ImportFailure. libxml2 builds it without recursion; its depth is
    checked here, before anything that walks it."""
    # huge_tree lifts libxml2's limit of 10 million characters on one run of text or one
    # attribute (a saved page with a large picture inline), which would otherwise cut the page
    # short without a word; the file's size is limited when it is read.
    # (lxml.html's parser is libxml2's HTML parser with lxml.html's element classes.)
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        recover=True,
        no_network=True,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
        collect_ids=False,
    )
    try:
        if _CONTROLS.search(raw):
            raw = raw.translate(_HIDE)
        root = etree.fromstring(raw.encode("utf-8", "replace"), parser)
    except (etree.LxmlError, ValueError):
        root = None
    limits = [e.message for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]
    deep = root is not None and root.xpath(_TOO_DEEP)
    if deep or any("depth" in message for message in limits):
        raise ImportFailure(
            name,
            f"the page nests its parts more than {MAX_DEPTH} deep (or "
            "leaves that many unclosed), which no article needs. Open it in a "
            "browser and save it again, or copy its text into a .txt file.",
        )
    if limits:
        raise ImportFailure(
            name,
            "the page is too large to read. Open it in a browser and "
            "save it again, or copy its text into a .txt file.",
        )
    if root is None:
        require_text(name, "")
    return root


def _show_controls(text: str) -> str:
    return text.translate(_SHOW) if _STAND_INS.search(text) else text


def _tokens(element: Element, attribute: str) -> list[str]:
    return str(element.get(attribute) or "").split()


def _first(elements: Iterator[Element]) -> Element | None:
    return next(elements, None)


def _meta_table(root: Element) -> dict[str, str]:
    """Every <meta> name, property or itemprop with its content, read in one pass (the first
    of each wins)."""
    table: dict[str, str] = {}
    for tag in root.iter("meta"):
        content = " ".join(str(tag.get("content") or "").split())
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = str(tag.get(attr) or "")
            if key:
                table.setdefault(f"{attr}={key}", content)
    return table


def _meta(table: dict[str, str], *keys: str) -> str:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            if f"{attr}={key}" in table:
                return table[f"{attr}={key}"]
    return ""


def _words_of(element: Element, out: list[str]) -> None:
    if element.text:
        out.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _NOT_WORDS:
            _words_of(child, out)
        if child.tail:
            out.append(child.tail)


def _strings(element: Element) -> str:
    """The element's text as written (inline markup adds nothing; see _space_blocks)."""
    if not len(element):
        return str(element.text or "")
    if _first(element.iterdescendants(*_NOT_WORDS)) is None:
        return "".join(element.itertext())
    out: list[str] = []
    _words_of(element, out)
    return "".join(out)


def _has_words(element: Element) -> bool:
    """Whether _text(element) would not be empty (stops at the first word)."""
    if _first(element.iterdescendants(*_NOT_WORDS)) is None:
        return any(piece.strip() for piece in element.itertext())
    return bool(_text(element))


def _text(element: Element) -> str:
    # No separator: inline markup ("<b>care</b>.") must not gain spaces; block elements get
    # their own spacing from _space_blocks.
    return " ".join(_strings(element).split())


def _space_blocks(root: Element) -> None:
    """Put white space inside block elements and line breaks, so words never run together."""
    for br in root.iter("br"):
        br.text = "\n"
    for tag in root.iter(*_BLOCKS):
        tag.text = " " + (tag.text or "")
        if len(tag):
            last = tag[-1]
            last.tail = (last.tail or "") + " "
        else:
            tag.text += " "


def _remove(element: Element) -> None:
    """Take the element out, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:  # the page itself: nothing of it is left
        element.clear()
        return
    if element.tail:
        before = element.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _is_furniture(tag: Element) -> bool:
    marks = " ".join([str(tag.get("id") or ""), *_tokens(tag, "class")])
    return (
        bool(marks.strip() and _FURNITURE.search(marks))
        or tag.get("role") == "navigation"
        or str(tag.get("aria-hidden") or "") == "true"
        or tag.get("hidden") is not None
    )


def _main(root: Element) -> Element:
    articles = list(root.iter("article"))
    if articles:
        return max(articles, key=lambda t: len(_text(t)))
    for candidate in (_first(root.iter("main")), _first(iter(root.xpath("//*[@role='main']")))):
        if candidate is not None and _has_words(candidate):
            return candidate
    # The element whose own paragraphs hold the most text.
    scores: dict[Element, int] = {}
    for p in root.iter("p"):
        parent = p.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + len(_text(p))
    if scores:
        return max(scores.items(), key=lambda pair: pair[1])[0]
    body = _first(root.iter("body"))
    return body if body is not None else root


# Pages with more elements than this are read by the simple rules alone: Readability's scoring
# is not linear in the page's size (a 20 MB page of many sections would take minutes).
READABILITY_ELEMENTS = 40_000
_MARK = "data-briefing-n"


_LISTING_HEADINGS = ("h1", "h2", "h3", "h4")


def _teaser(item: Element) -> dict[str, str] | None:
    """Title, date, teaser and link of one item on a listing page, or None when the item is not
    one teaser (no single linked heading, or as long as an article)."""
    headings = list(item.iter(*_LISTING_HEADINGS))
    if len(headings) != 1 or len(_text(item)) > 1000:
        return None
    heading = headings[0]
    link = _first(a for a in heading.iter("a") if a.get("href"))
    if link is None:
        return None
    title = _text(heading)
    href = str(link.get("href") or "")
    time_tag = _first(item.iter("time"))
    date = str(time_tag.get("datetime") or _text(time_tag)) if time_tag is not None else ""
    rest: list[str] = []
    for block in item.iter("p", "div", "span"):
        words = _text(block) if not len(block) or block.tag == "p" else ""
        if not words or words == title:
            continue
        if not date and md_date_line(words) is not None:
            date = words
        elif words != date:
            rest.append(words)
    return {
        "title": title,
        "date": date,
        "teaser": " ".join(dict.fromkeys(rest)),
        "url": href if href.startswith(("http://", "https://")) else "",
    }


def _listing(root: Element) -> list[dict[str, str]]:
    """The items of a listing page ("title, date, teaser", again and again), or [] when the page
    is not one: three or more alike items each of one linked heading and a few lines, with
    little other text on the page (so the "related articles" under an article never count)."""
    for parent in root.iter("div", "section", "main", "ul", "ol", "article", "body"):
        kids = [c for c in parent if isinstance(c.tag, str)]
        if len(kids) < 3:
            continue
        kinds = Counter((c.tag, str(c.get("class") or "")) for c in kids)
        kind, count = kinds.most_common(1)[0]
        if count < 3:
            continue
        items = [c for c in kids if (c.tag, str(c.get("class") or "")) == kind]
        teasers = [_teaser(item) for item in items]
        if any(t is None for t in teasers):
            continue
        # Teasers say something beyond a headline (a list of linked headlines is a menu).
        if sum(1 for t in teasers if t and (t["teaser"] or t["date"])) < 2 * len(teasers) / 3:
            continue
        outside = sum(
            len(_text(p).split())
            for p in root.iter("p")
            if parent not in p.iterancestors()
            and not any(a.tag in ("nav", "header", "footer", "aside") for a in p.iterancestors())
        )
        # …and the items hold most of the page's words (not a "related posts" box beside an
        # article whose text is not in paragraphs).
        page_words = (
            len(_text(body).split()) if (body := _first(root.iter("body"))) is not None else 0
        )
        if outside <= 120 and len(_text(parent).split()) * 2 >= page_words:
            return [t for t in teasers if t is not None]
    return []


def _byline(root: Element) -> Element | None:
    byline = _first(e for e in root.xpath("//*[@rel]") if "author" in _tokens(e, "rel"))
    if byline is None:
        byline = _first(
            e
            for e in root.xpath("//*[@class]")
            if any(_BYLINE.search(c) for c in _tokens(e, "class"))
        )
    return byline


def _readable(name: str, root: Element) -> list[Element]:
    """The parts of the page that hold the article, as Readability chooses them, or [] when it
    finds nothing (or the page is too large for it). They are the page's own elements: the text
    is read from them by the rules here, which keep the lists and tables Readability's cleaning
    would drop from a short article."""
    from readability import Document

    if sum(1 for _ in root.iter()) > READABILITY_ELEMENTS:
        return []
    # Every element is numbered (on the page, then copied), so the parts Readability keeps in its
    # own cleaned copy are found again on the page.
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    for number, element in enumerate(elements):
        element.set(_MARK, str(number))
    try:
        summary = Document(copy.deepcopy(root)).summary(html_partial=True)
        chosen = _parse(name, summary) if summary.strip() else None
    except Exception:  # any failure of the library falls back to the rules here
        chosen = None
    finally:
        for element in elements:
            element.attrib.pop(_MARK, None)
    if chosen is None:
        return []
    parts: list[Element] = []
    for element in chosen.iter():
        mark = element.get(_MARK)
        found = (
            elements[int(mark)] if mark and mark.isdigit() and int(mark) < len(elements) else None
        )
        if found is None:
            continue
        if found.tag in ("html", "body"):
            return []  # the whole page: the rules here find its main part better
        # A part of its own, unless it sits on the page inside the part that holds it here
        # (Readability gathers parts from around the page into one).
        holder = _first(a for a in element.iterancestors() if a.get(_MARK))
        if holder is not None and elements[int(holder.get(_MARK))] in found.iterancestors():
            continue
        if not any(p in found.iterancestors() for p in parts):
            parts.append(found)
    return parts


def _listing_source(name: str, encoding: str, teasers: list[dict[str, str]]) -> SourceText:
    """A listing page as text, one block an item (title, date, teaser, link); each item becomes
    an entry of its own (see split.py)."""
    blocks = [
        "\n".join(v for v in (t["title"], t["date"], t["teaser"], t["url"]) if v) for t in teasers
    ]
    text = _show_controls("\n\n".join(blocks))
    return SourceText(
        text=text,
        name=name,
        format="html",
        encoding=encoding,
        meta={"listing": [{k: _show_controls(v) for k, v in t.items()} for t in teasers]},
    )


def read_html(name: str, data: bytes) -> SourceText:  # noqa: C901 - the page's parts read in order; to split into steps
    raw, encoding = decode(name, data)
    root = _parse(name, normalise_newlines(raw))
    teasers = _listing(root)
    if teasers:
        return _listing_source(name, encoding, teasers)
    readable = _readable(name, root)
    _space_blocks(root)

    # Title and byline first: they usually sit in a <header> that is dropped below.
    metas = _meta_table(root)
    h1 = _first(root.iter("h1"))
    title_tag = _first(root.iter("title"))
    title = (
        _meta(metas, "og:title", "twitter:title")
        or (_text(h1) if h1 is not None else "")
        or (_text(title_tag) if title_tag is not None else "")
    )
    author = _meta(metas, "author", "article:author", "dc.creator", "citation_author")
    if author.startswith("http"):
        author = ""
    byline = _byline(root)
    if byline is not None:
        if not author:
            author = _text(byline)
        _remove(byline)  # kept as the author, not repeated as the first line of text
    author = re.sub(r"^\s*by\s+", "", author, flags=re.IGNORECASE)

    meta: dict[str, object] = {}
    if title:
        meta["title"] = title
    if author:
        meta["author_line"] = author
    standfirst = _meta(metas, "og:description", "description", "twitter:description")
    if standfirst:
        meta["standfirst"] = standfirst  # the page's own summary of the article
    site = _meta(metas, "og:site_name")
    if site:
        meta["source"] = site
    canonical = _first(e for e in root.iter("link") if "canonical" in _tokens(e, "rel"))
    url = _meta(metas, "og:url") or (
        str(canonical.get("href") or "") if canonical is not None else ""
    )
    if url.startswith(("http://", "https://")):
        meta["url"] = url
    published = _meta(
        metas, "article:published_time", "date", "dc.date", "citation_publication_date"
    )
    if not published:
        time_tag = _first(e for e in root.iter("time") if e.get("datetime") is not None)
        if time_tag is not None:
            published = str(time_tag.get("datetime") or "")
    if published:
        meta["published"] = published[:10]
    doi = _meta(metas, "citation_doi", "dc.identifier")
    if doi:
        meta["doi"] = doi

    # What holds the article Readability found is never page furniture, whatever its name
    # ("penci_sidebar" around a whole post, a page-wide <form>).
    holders = {a for part in readable for a in part.iterancestors()}
    for tag in list(root.iter(*_DROP)):
        if tag not in holders:
            _remove(tag)
    # Only elements with one of the attributes furniture is marked by are looked at.
    for tag in root.xpath("//*[@id or @class or @role or @aria-hidden or @hidden]"):
        if tag not in holders and _is_furniture(tag):
            _remove(tag)  # (one inside another already removed goes with it)

    lines: list[str] = []
    headings: dict[int, int] = {}
    list_items: set[int] = set()

    def emit(text: str, tag_name: str) -> None:
        if text.isspace():
            return
        text = " ".join(text.split())
        if not text:
            return
        if not lines and title and text == title:
            return  # the title is kept as metadata, not repeated in the body
        if lines:
            lines.append("")
        if tag_name == "li":
            lines.append(f"- {text}")
            list_items.add(len(lines))
        else:
            lines.append(text)
        if tag_name in _HEADINGS:
            headings[len(lines)] = _HEADINGS[tag_name]

    def block(child: Element) -> None:
        name = child.tag
        if (
            not len(child)
            or _first(child.iterdescendants(*_BLOCKS)) is None
            or name in ("p", "li")
            and _first(child.iterdescendants(*_NESTED_BLOCKS)) is None
        ):
            emit(_strings(child), name)
        elif name == "tr":
            cells = [_text(c) for c in child.iterdescendants("td", "th")]
            emit(" | ".join(c for c in cells if c), "tr")
        else:
            walk(child)

    def walk(tag: Element) -> None:
        inline: list[str] = [tag.text] if tag.text else []
        for child in tag:
            name = child.tag
            if not isinstance(name, str):
                pass
            elif name == "br":
                inline.append(" ")
            elif name in _BLOCKS:
                if inline:
                    emit("".join(inline), tag.tag)
                    inline = []
                block(child)
            else:
                inline.append(_strings(child))
            if child.tail:
                inline.append(child.tail)
        if inline:
            emit("".join(inline), tag.tag)

    for part in readable:
        if root in part.iterancestors():  # (not taken out as furniture above)
            block(part) if part.tag in _BLOCKS else walk(part)
    if not lines:
        walk(_main(root))
    if not lines:  # no paragraphs anywhere: the words the page shows, as they come
        body = _first(root.iter("body"))
        walk(body if body is not None else root)
    text = require_text(name, "\n".join(lines))
    text = _show_controls(text)
    meta = {key: _show_controls(str(value)) for key, value in meta.items()}
    return SourceText(
        text=text,
        name=name,
        format="html",
        encoding=encoding,
        headings=headings,
        list_items=list_items,
        meta=meta,
    )
