"""File names decided in one place: output names come from the pack title."""

from __future__ import annotations

import re

# Characters Windows forbids in names, each replaced by something that keeps the meaning.
# "?" and "*" become their full-width forms (allowed everywhere; OneDrive does the same).
_SUBSTITUTES = {
    ":": " -", "/": "-", "\\": "-", "|": " - ", "<": " under ", ">": " over ", '"': "'",
    "?": "？", "*": "＊",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")  # and half-characters
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 100  # leaves room for a folder path and " (two-up).pdf" within Windows' 260


def file_stem(title: str, fallback: str = "briefing") -> str:
    """A name safe on Windows, macOS and Linux that still reads like the title (CLI and app).

    "Resilience, reform and AI: a briefing" -> "Resilience, reform and AI - a briefing";
    "Housing 2025/26" -> "Housing 2025-26"; "Pay <5%" -> "Pay under 5%". A title over 100
    characters is cut at a word.
    """
    text = _CONTROL.sub(" ", title)
    text = "".join(_SUBSTITUTES.get(c, c) for c in text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    text = re.sub(r" - ( - )+", " - ", text)
    if len(text) > MAX_STEM:
        cut = text[:MAX_STEM + 1].rsplit(" ", 1)[0] if " " in text[:MAX_STEM + 1] else text
        text = cut[:MAX_STEM].rstrip(" .,-")
    if not text or text.upper() in _RESERVED:
        return fallback
    return text


def version_stem(title: str, audience: str | None = None) -> str:
    """The name of one audience's files: the members' (full) version keeps the plain title,
    every other version adds its name: "Resilience, reform and AI (public)"."""
    stem = file_stem(title)
    return stem if audience in (None, "members") else f"{stem} ({audience})"


def slug(text: str, fallback: str = "item") -> str:
    """A lower-case id: "Crisis and resilience" -> "crisis-and-resilience"."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return value[:60].rstrip("-") or fallback
