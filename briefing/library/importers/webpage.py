"""Saved web pages (.html, .htm): the article's main text, title and author. Nothing is fetched."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

from briefing.library.importers.plain import decode
from briefing.library.importers.source import (
    ImportFailure,
    SourceText,
    normalise_newlines,
    require_text,
)

_DROP = ("script", "style", "nav", "header", "footer", "aside", "form", "iframe", "noscript",
         "svg", "button", "template", "object", "embed", "img", "picture", "video", "audio",
         "canvas", "select", "textarea", "input", "link", "meta")
# Page furniture that sites put inside the article container.
_FURNITURE = re.compile(
    r"(^|[-_ ])(share|social|comments?|related|newsletter|cookie|subscribe|advert|promo|"
    r"breadcrumbs?|sidebar|menu)([-_ ]|$)", re.IGNORECASE)
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dt", "dd",
           "figcaption", "div", "section", "article", "main", "ul", "ol", "table", "tbody",
           "thead", "dl", "figure", "td", "th"}


_NESTED_BLOCKS = {"ul", "ol", "div", "table"}


def _holds(tag: Tag, names: set[str]) -> bool:
    """Whether any element inside tag is one of names (a plain walk: bs4's find builds a
    matcher on every call, which dominated the time on a long page)."""
    return any(isinstance(d, Tag) and d.name in names for d in tag.descendants)


def _meta_table(soup: BeautifulSoup) -> dict[str, str]:
    """Every <meta> name, property or itemprop with its content, read in one pass (the first
    of each wins)."""
    table: dict[str, str] = {}
    for tag in soup.find_all("meta"):
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


def _text(tag: Tag) -> str:
    # No separator: inline markup ("<b>care</b>.") must not gain spaces; block elements get
    # their own spacing from _space_blocks.
    return " ".join(tag.get_text().split())


def _space_blocks(soup: BeautifulSoup) -> None:
    """Put white space inside block elements and line breaks, so words never run together.

    The space goes inside each element (first and last child): placing it beside the element
    would make BeautifulSoup search the parent's children for every one, which is quadratic on a
    long page.
    """
    for br in soup.find_all("br"):
        br.append("\n")
    for tag in soup.find_all(_BLOCKS):
        tag.insert(0, " ")
        tag.append(" ")


# Elements that never hold others, and text in which tags are not tags.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr", "!doctype"}
_OPAQUE = re.compile(r"<!--.*?-->|<(script|style|textarea)\b.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
MAX_DEPTH = 400


def too_deep(raw: str, limit: int = MAX_DEPTH) -> bool:
    """Whether the page nests elements more than `limit` deep, counted as the parser will (an
    element never closed holds everything after it). Read before parsing, in one pass."""
    stack: list[str] = []
    open_names: dict[str, int] = {}
    for match in _TAG.finditer(_OPAQUE.sub("", raw)):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or self_closing:
            continue
        if not closing:
            stack.append(name)
            open_names[name] = open_names.get(name, 0) + 1
            if len(stack) > limit:
                return True
        elif open_names.get(name):
            while stack:
                top = stack.pop()
                open_names[top] -= 1
                if top == name:
                    break
    return False


def _main(soup: BeautifulSoup) -> Tag:
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda t: len(_text(t)))
    for candidate in (soup.find("main"), soup.find(True, attrs={"role": "main"})):
        if isinstance(candidate, Tag) and _text(candidate):
            return candidate
    # The element whose own paragraphs hold the most text.
    scores: dict[int, tuple[int, Tag]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if isinstance(parent, Tag):
            old = scores.get(id(parent), (0, parent))[0]
            scores[id(parent)] = (old + len(_text(p)), parent)
    if scores:
        return max(scores.values(), key=lambda pair: pair[0])[1]
    return soup.body if isinstance(soup.body, Tag) else soup


def read_html(name: str, data: bytes) -> SourceText:
    raw, encoding = decode(name, data)
    if too_deep(raw):
        raise ImportFailure(name, f"the page nests its parts more than {MAX_DEPTH} deep (or "
                            "leaves that many unclosed), which no article needs. Open it in a "
                            "browser and save it again, or copy its text into a .txt file.")
    soup = BeautifulSoup(normalise_newlines(raw), "html.parser")
    _space_blocks(soup)

    # Title and byline first: they usually sit in a <header> that is dropped below.
    metas = _meta_table(soup)
    h1 = soup.find("h1")
    title_tag = soup.find("title")
    title = (_meta(metas, "og:title", "twitter:title")
             or (_text(h1) if isinstance(h1, Tag) else "")
             or (_text(title_tag) if isinstance(title_tag, Tag) else ""))
    author = _meta(metas, "author", "article:author", "dc.creator", "citation_author")
    if author.startswith("http"):
        author = ""
    byline = soup.find(True, attrs={"rel": "author"}) or soup.find(
        class_=re.compile(r"(^|[-_])(byline|author)([-_]|$)", re.IGNORECASE))
    if isinstance(byline, Tag):
        if not author:
            author = _text(byline)
        byline.decompose()  # kept as the author, not repeated as the first line of text
    author = re.sub(r"^\s*by\s+", "", author, flags=re.IGNORECASE)

    meta: dict[str, object] = {}
    if title:
        meta["title"] = title
    if author:
        meta["author_line"] = author
    site = _meta(metas, "og:site_name")
    if site:
        meta["source"] = site
    canonical = soup.find("link", attrs={"rel": "canonical"})
    url = _meta(metas, "og:url") or (str(canonical.get("href") or "") if isinstance(canonical, Tag) else "")
    if url.startswith(("http://", "https://")):
        meta["url"] = url
    published = _meta(metas, "article:published_time", "date", "dc.date", "citation_publication_date")
    if not published:
        time_tag = soup.find("time", attrs={"datetime": True})
        if isinstance(time_tag, Tag):
            published = str(time_tag.get("datetime") or "")
    if published:
        meta["published"] = published[:10]
    doi = _meta(metas, "citation_doi", "dc.identifier")
    if doi:
        meta["doi"] = doi

    for tag in soup.find_all(_DROP):
        tag.decompose()
    for tag in soup.find_all(True):
        if vars(tag).get("_decomposed"):  # (tag.decomposed searches the subtree when False)
            continue
        marks = " ".join([str(tag.get("id") or ""), *[str(c) for c in tag.get("class") or []]])
        if (marks.strip() and _FURNITURE.search(marks)) or tag.get("role") == "navigation" \
                or str(tag.get("aria-hidden") or "") == "true" or tag.get("hidden") is not None:
            tag.decompose()

    lines: list[str] = []
    headings: dict[int, int] = {}
    list_items: set[int] = set()

    def emit(text: str, tag_name: str) -> None:
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
        if re.fullmatch(r"h[1-6]", tag_name):
            headings[len(lines)] = int(tag_name[1])

    def walk(tag: Tag) -> None:
        inline: list[str] = []
        for child in tag.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not comments, CDATA or doctype
                    inline.append(str(child))
            elif isinstance(child, Tag):
                if child.name == "br":
                    inline.append(" ")
                elif child.name in _BLOCKS:
                    emit("".join(inline), tag.name)
                    inline = []
                    if not _holds(child, _BLOCKS) or child.name in ("p", "li") and not _holds(
                            child, _NESTED_BLOCKS):
                        emit(child.get_text(), child.name)
                    elif child.name == "tr":
                        cells = [_text(c) for c in child.find_all(("td", "th"))]
                        emit(" | ".join(c for c in cells if c), "tr")
                    else:
                        walk(child)
                else:
                    inline.append(child.get_text())
        emit("".join(inline), tag.name)

    walk(_main(soup))
    text = require_text(name, "\n".join(lines))
    return SourceText(text=text, name=name, format="html", encoding=encoding, headings=headings,
                      list_items=list_items, meta=meta)
