"""File names decided in one place: output names come from the pack title."""

from __future__ import annotations

import re

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}


def file_stem(title: str, fallback: str = "briefing") -> str:
    """A name safe on Windows, macOS and Linux that still reads like the title.

    "Resilience, reform and AI: a briefing" -> "Resilience, reform and AI - a briefing"
    """
    text = title.replace(":", " -")
    text = _FORBIDDEN.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    if len(text) > 80:
        text = text[:80].rsplit(" ", 1)[0].rstrip(" .,-")
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
