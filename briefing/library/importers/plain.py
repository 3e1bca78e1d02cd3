"""Plain text files (.txt) and pasted text: decoding UTF-8, UTF-8 with BOM, UTF-16 and Windows-1252."""

from __future__ import annotations

import codecs

from briefing.library.importers.source import (
    ImportFailure,
    SourceText,
    looks_binary,
    normalise_newlines,
    require_text,
)


def decode(name: str, data: bytes) -> tuple[str, str]:
    """(text, encoding). UTF-8 is tried strictly first: Windows-1252 would accept any bytes at all,
    so it is only the fallback for files saved by older Windows programs."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), "utf-16"
            except UnicodeDecodeError:
                raise ImportFailure(name, "the file says it is UTF-16 text but is damaged.") from None
    if looks_binary(data):
        raise ImportFailure(
            name,
            "this is not a text file (it contains binary data). If it is a document, save it as "
            ".docx, .pdf or .txt and import that.",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five byte values undefined; they become U+FFFD rather than stop the import.
    return data.decode("cp1252", errors="replace"), "cp1252"


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
