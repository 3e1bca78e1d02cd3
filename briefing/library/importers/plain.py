"""Plain text files (.txt) and pasted text; a text file holding Markdown is read as Markdown."""

from __future__ import annotations

from briefing.library.importers.encoding import decode
from briefing.library.importers.source import (
    ImportFailure,
    SourceText,
    normalise_newlines,
    require_text,
)


def read_txt(name: str, data: bytes) -> SourceText:
    """A text file; one that holds Markdown (front matter, a header block, headings, template
    tags), as blogs export posts, is read as Markdown, the same as a .md copy of it."""
    text, encoding = decode(name, data)
    text = require_text(name, normalise_newlines(text))
    from briefing.library.importers.markup import looks_like_markdown

    if looks_like_markdown(text):
        from briefing.library.importers.markdown import markdown_source

        return markdown_source(name, text, encoding)
    return SourceText(text=text, name=name, format="txt", encoding=encoding)


def read_pasted(text: str, name: str = "pasted text") -> SourceText:
    text = normalise_newlines(text.lstrip("\ufeff"))
    if "\x00" in text:
        raise ImportFailure(name, "the pasted text contains binary data; paste plain text.")
    return SourceText(text=require_text(name, text), name=name, format="paste", encoding="utf-8")
