"""File names decided in one place: output names come from the pack title."""

from __future__ import annotations

import functools
import re

# Characters Windows forbids in names, each replaced by something that keeps the meaning.
# "?" and "*" become their full-width forms (allowed everywhere; OneDrive does the same).
_SUBSTITUTES = {
    ":": " -",
    "/": "-",
    "\\": "-",
    "|": " - ",
    "<": " under ",
    ">": " over ",
    '"': "'",
    "?": "？",
    "*": "＊",
}
_CONTROL = r"[\x00-\x1f\x7f\ud800-\udfff]"  # and half-characters
# Bidirectional controls: a right-to-left override makes "Invoice \u202excod.exe" show as
# "Invoice exe.docx" in a file list. Never part of a name.
_BIDI_CONTROLS = "[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
# Names Windows keeps for devices, whatever follows a dot ("NUL.docx", "CON.2025.pdf"), in any
# case, with superscript digits too.
_DEVICES = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    "CONIN$",
    "CONOUT$",
    *(f"{port}{n}" for port in ("COM", "LPT") for n in "123456789¹²³"),
}
MAX_STEM = 100  # characters: leaves room for a folder path within Windows' 260
MAX_STEM_BYTES = 180  # UTF-8 bytes: with " (public) - NOT FOR PUBLICATION …" within 255


def file_stem(title: str, fallback: str = "briefing", short_title: str = "") -> str:
    """A name safe on Windows, macOS and Linux that still reads like the title (CLI and app).

    "Resilience, reform and AI: a briefing" -> "Resilience, reform and AI - a briefing";
    "Housing 2025/26" -> "Housing 2025-26"; "Pay <5%" -> "Pay under 5%". A title over 100
    characters or 180 bytes (a Japanese or Hindi title reaches the bytes first) is cut at a
    word; `short_title`, when given, names the files instead of a title that would be cut.
    Bidirectional controls are dropped; a Windows device name is the fallback on its own and
    gets an underscore before a dot ("NUL.docx" -> "NUL_.docx", "CON.2025" -> "CON_.2025").
    """
    text = _readable(title)
    if short_title.strip() and _too_long(text):
        text = _readable(short_title)
    text = _cut(text)
    if not text:
        return fallback
    device, dot, rest = text.partition(".")
    if device.rstrip(" ").upper() in _DEVICES:
        text = f"{device.rstrip(' ')}_{dot}{rest}" if dot else fallback
    return text


@functools.cache
def bidi_controls() -> re.Pattern[str]:
    """The bidirectional controls, compiled when first asked for: a class reaching past
    U+00FF has Python's `re` walk all 65,536 code points of its map (about 4 million
    instructions each), which nothing the app does as it starts needs."""
    return re.compile(_BIDI_CONTROLS)


@functools.cache
def _controls() -> re.Pattern[str]:
    return re.compile(_CONTROL)


def _readable(title: str) -> str:
    text = bidi_controls().sub("", title)
    text = _controls().sub(" ", text)
    text = "".join(_SUBSTITUTES.get(c, c) for c in text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    return re.sub(r" - ( - )+", " - ", text)


def _too_long(text: str) -> bool:
    return len(text) > MAX_STEM or len(text.encode("utf-8")) > MAX_STEM_BYTES


def _cut(text: str) -> str:
    """At most MAX_STEM characters and MAX_STEM_BYTES bytes, at a word when there is one in
    the second half, else between characters."""
    if not _too_long(text):
        return text
    keep = text[:MAX_STEM]
    while len(keep.encode("utf-8")) > MAX_STEM_BYTES:
        keep = keep[:-1]
    upto = text[: len(keep) + 1]  # a space just after the cut ends a whole word
    at_word = upto.rsplit(" ", 1)[0] if " " in upto else keep
    if len(at_word) < len(keep) // 2:
        at_word = keep
    return at_word.rstrip(" .,-")


def version_stem(title: str, audience: str | None = None, short_title: str = "") -> str:
    """The name of one audience's files: the members' (full) version keeps the plain title,
    every other version adds its name: "Resilience, reform and AI (public)"."""
    stem = file_stem(title, short_title=short_title)
    return stem if audience in (None, "members") else f"{stem} ({audience})"


def slug(text: str, fallback: str = "item") -> str:
    """A lower-case id: "Crisis and resilience" -> "crisis-and-resilience"."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return value[:60].rstrip("-") or fallback
