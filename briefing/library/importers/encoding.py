"""Decoding a text file's bytes, for every importer that reads text: UTF-8, UTF-8 with BOM,
UTF-16, the East Asian encodings (Shift-JIS, GB18030, EUC-KR, Big5) and Windows-1252."""

from __future__ import annotations

import codecs
import re

from briefing.library.importers.source import (
    ImportFailure,
    looks_binary,
)


def decode(name: str, data: bytes) -> tuple[str, str]:
    """(text, encoding). UTF-8 is tried strictly first: Windows-1252 would accept any bytes at all,
    so it is only the fallback for files saved by older Windows programs."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), "utf-16"
            except UnicodeDecodeError:
                raise ImportFailure(
                    name, "the file says it is UTF-16 text but is damaged."
                ) from None
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
    east_asian = _east_asian(data)
    if east_asian is not None:
        return east_asian
    # cp1252 leaves five byte values undefined; they become U+FFFD rather than stop the import.
    return data.decode("cp1252", errors="replace"), "cp1252"


# What charset_normalizer may name for text where most characters take two bytes; anything else
# it suggests is ignored (for Western text it guesses Central European as often as Windows-1252).
_EAST_ASIAN = {
    "cp932",
    "shift_jis",
    "shift_jis_2004",
    "euc_jp",
    "iso2022_jp",
    "gb18030",
    "gb2312",
    "gbk",
    "big5",
    "big5hkscs",
    "cp950",
    "cp949",
    "euc_kr",
    "johab",
}
_SAMPLE = 1024 * 1024
_MARKUP = re.compile(rb"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)


def _east_asian(data: bytes) -> tuple[str, str] | None:
    """Japanese, Chinese or Korean text saved in its own legacy encoding with no declaration:
    most bytes are high (two per character), which Western text never has. The encoding is
    found by charset_normalizer on a sample, and accepted only when it is an East Asian one."""
    sample = data[:_SAMPLE]
    words = _MARKUP.sub(b"", sample[:262144])  # a saved page: its text, not its tags
    if not words or sum(1 for byte in words if byte >= 0x80) < 0.2 * len(words):
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None or best.encoding not in _EAST_ASIAN:
        return None
    return data.decode(best.encoding, errors="replace"), best.encoding
