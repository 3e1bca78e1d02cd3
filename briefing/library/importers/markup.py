"""Markup in text that is read as Markdown: what marks a file as Markdown whatever its name, the
lines that are not words (template tags, pictures, badges, comments, heading underlines), and
inline HTML, entities and Markdown syntax turned into the words a reader sees.

    looks_like_markdown(text)  -> True for front matter, a header block, headings or template tags
    furniture(line)            -> True for a line with nothing to read on it
    clean_inline(line)         -> the line with HTML, entities and template tags made into text
    words_of(markdown)         -> plain words: no Markdown syntax (titles, search snippets)
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

# "Key: value" lines a blog engine writes above a post (Pelican, MultiMarkdown, Jekyll exports).
HEADER_KEYS = (
    "title",
    "author",
    "authors",
    "date",
    "published",
    "modified",
    "updated",
    "category",
    "categories",
    "tags",
    "keywords",
    "slug",
    "summary",
    "excerpt",
    "description",
    "subtitle",
    "standfirst",
    "source",
    "publication",
    "url",
    "link",
    "canonical",
    "canonical_url",
    "lang",
    "status",
    "layout",
    "doi",
    "reference",
    "themes",
    "byline",
    "template",
    "save_as",
    "image",
    "cover",
)
HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z_ -]{0,24}):[ \t]+(?P<value>\S.*)$")
_ATX = re.compile(r"^\s{0,3}#{1,6}\s+\S", re.MULTILINE)
_SETEXT = re.compile(r"^[^\s=\-#>*].*\n\s{0,3}(?:={3,}|-{3,})\s*$", re.MULTILINE)
_TEMPLATE = re.compile(r"\{%[^{}\n]{0,500}%\}|\{\{[^{}\n]{0,500}\}\}|\{#[^{}\n]{0,500}#\}")
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)")
_BADGE = re.compile(r"\[!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)\]\([^()\n]{0,2000}\)")
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,40}(?:\s[^<>]{0,2000})?/?>")
_COMMENT = re.compile(r"<!--[^<>]{0,2000}?-->")
_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-{3,})\s*$")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*\*(?=\S)([^*\n]{1,500})(?<=\S)\*\*|(?<![\w_])__(?=\S)([^_\n]{1,500})(?<=\S)__|(?<![\w*])\*(?=\S)([^*\n]{1,500})(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]{1,500})(?<=\S)_(?![\w_])"
)
_HEADING_MARKS = re.compile(r"(?m)^\s{0,3}#{1,6}\s+|(?<![ \t])[ \t]+#+[ \t]*$")
_QUOTE_MARKS = re.compile(r"(?m)^[ \t]{0,3}>[ \t]?")
_EMPTY_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*$")
_CITE = re.compile(r"^\s*<cite\b[^>]*>(?!\s*source\b)(.*?)</cite>\s*$", re.IGNORECASE)
_ANCHOR = re.compile(
    r"<a\s[^<>]{0,500}?href=[\"'](https?://[^\"'\s<>()]{1,2000})[\"'][^<>]{0,500}>([^<]{1,500})</a>",
    re.IGNORECASE,
)
_BLOCK_TAGS = re.compile(
    r"</?(?:p|div|br|section|article|figure|figcaption|span|center)\b[^<>]{0,2000}>", re.IGNORECASE
)


def front_matter_fence(text: str) -> str:
    """'---' or '+++' when the text starts with a front matter block that is closed, else ''."""
    fence = text[:3]
    if fence not in ("---", "+++") or text[3:4] != "\n":
        return ""
    closing = r"^(?:---|\.\.\.)\s*$" if fence == "---" else r"^\+\+\+\s*$"
    if re.search(closing, text[4:], re.MULTILINE) is None:
        return ""
    # A Markdown rule ("---") over ordinary text is not front matter: its first line is a key.
    first = text[4:].split("\n", 1)[0]
    keyed = HEADER_LINE.match(first) or re.match(r"^[A-Za-z_][\w-]*\s*[:=]", first)
    return fence if keyed else ""


def header_block(text: str) -> int:
    """The number of lines of a "Title: …" header block at the top of the text (0 if none): every
    line until the first blank one is "Key: value", one key is Title, all are keys blogs use."""
    lines = text.split("\n")
    count = 0
    keys: list[str] = []
    for line in lines:
        if not line.strip():
            break
        match = HEADER_LINE.match(line)
        if match is None:
            return 0
        keys.append(match.group("key").strip().lower())
        count += 1
    if not keys or "title" not in keys or not all(k in HEADER_KEYS for k in keys):
        return 0
    return count


def looks_like_markdown(text: str) -> bool:
    """Whether a file (whatever its name) holds Markdown: front matter, a header block, a heading
    (# or underlined) or template tags at the start of a line."""
    head = text[:200_000]
    return bool(
        front_matter_fence(head)
        or header_block(head)
        or _ATX.search(head)
        or _SETEXT.search(head)
        or re.search(r"^\{[%{]", head, re.MULTILINE)
    )


def is_underline(line: str) -> bool:
    """A setext heading's underline ("=====" or "-----")."""
    return bool(_UNDERLINE.match(line))


# Lines longer than this (no one writes them; a damaged or hostile file does) are left as they
# are: the patterns below look a bounded way ahead, but from every place on the line.
LONG_LINE = 20_000


def _by_line(change: Callable[[str], str], text: str) -> str:
    if len(text) <= LONG_LINE:
        return change(text)
    return "\n".join(change(line) if len(line) <= LONG_LINE else line for line in text.split("\n"))


def furniture(line: str) -> bool:
    """A line with nothing to read: template tags, pictures, badges, comments, empty tags, a
    heading mark with no heading."""
    if len(line) > LONG_LINE:
        return False
    if _EMPTY_HEADING.match(line):
        return True
    rest = _COMMENT.sub("", _TEMPLATE.sub("", line))
    rest = _IMAGE.sub("", _BADGE.sub("", rest))
    rest = _TAG.sub("", rest)
    return not rest.strip() and bool(line.strip())


def clean_inline(line: str) -> str:
    """Template tags, pictures, comments and HTML tags taken out, entities made characters; the
    Markdown emphasis and links stay (the library's text is Markdown)."""
    if not any(c in line for c in "{<&!"):
        return line
    return _by_line(_clean, line)


def _clean(line: str) -> str:
    text = _COMMENT.sub("", _TEMPLATE.sub("", line))
    text = _IMAGE.sub("", _BADGE.sub("", text))
    text = _CITE.sub(r"Source: \1", text)  # a citation line names where the article is from
    text = _ANCHOR.sub(lambda m: f"[{m.group(2).strip()}]({m.group(1)})", text)
    text = _BLOCK_TAGS.sub(" ", text)
    text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def words_of(markdown: str) -> str:
    """Plain words of Markdown text: headings, emphasis, links, pictures, tags and entities
    become the words a reader sees."""
    return _by_line(_words, markdown)


def _words(markdown: str) -> str:
    text = clean_inline(markdown)
    # (each pattern only where its mark is: most text has none, and this runs on every body)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "#" in text:
        text = _HEADING_MARKS.sub("", text)
    if ">" in text:
        text = _QUOTE_MARKS.sub("", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(lambda m: next(g for g in m.groups() if g is not None), text)
    return text
