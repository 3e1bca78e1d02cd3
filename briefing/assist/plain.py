"""An article body (plain text or Markdown, with stray HTML) as the blocks a reader sees.

The drafting aids read the body the way it would be displayed: headings, paragraphs, list items
and block quotes, with Markdown links reduced to their words, entities such as "&pound;" turned
into characters, and images, inline HTML, tables and code fences left out. markdown-it (the
CommonMark parser the app already uses) does the parsing, so nothing here guesses at syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

Kind = Literal["heading", "paragraph", "item", "quote"]
_BULLET_LINE = re.compile(r"^\s*(?:[•●▪◦‣∙·]|[-*]\s|\d{1,2}[.)]\s)\s*")
_END_MARK = re.compile(r"\s*[■□▪]\s*$")


@dataclass(frozen=True)
class Block:
    """One block of the article as displayed."""

    kind: Kind
    text: str


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def blocks(body: str) -> list[Block]:
    """The body's headings, paragraphs, list items and quotations, in reading order."""
    out: list[Block] = []
    quote_depth = 0
    in_table = 0
    kind: Kind = "paragraph"
    for token in _parser().parse(body.replace("\r", "")):
        if token.type == "blockquote_open":
            quote_depth += 1
        elif token.type == "blockquote_close":
            quote_depth -= 1
        elif token.type == "table_open":
            in_table += 1
        elif token.type == "table_close":
            in_table -= 1
        elif token.type == "heading_open":
            kind = "heading"
        elif token.type == "list_item_open":
            kind = "item"
        elif token.type in ("heading_close", "list_item_close") or (
            token.type == "paragraph_open" and kind != "item"
        ):
            kind = "paragraph"
        elif token.type in ("code_block", "fence") and not in_table:
            _add(out, "quote" if quote_depth else "paragraph", token.content)
        elif token.type == "inline" and not in_table:
            _add(out, "quote" if quote_depth and kind != "heading" else kind, _inline(token))
    return out


def _add(out: list[Block], kind: Kind, text: str) -> None:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return
    if kind == "paragraph" and any(_BULLET_LINE.match(ln) for ln in lines):
        for line in lines:  # "•" bullets typed as text: each line is an item
            bullet = _BULLET_LINE.match(line)
            clean = line[bullet.end() :] if bullet else line
            out.append(Block("item" if bullet else "paragraph", _tidy(clean)))
        return
    text = _tidy(" ".join(lines))
    if text:
        out.append(Block(kind, text))


def _tidy(text: str) -> str:
    return _END_MARK.sub("", " ".join(text.split())).strip()


def _inline(token: Token) -> str:
    """The words of an inline token: link text kept, images and HTML tags dropped."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)
