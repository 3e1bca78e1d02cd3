"""The article library: article files, themes, search and packs made from the library."""

from __future__ import annotations

from briefing.library.article_file import LibraryArticle
from briefing.library.index import SearchHit
from briefing.library.store import ImportReport, Library, LibraryError, Skipped
from briefing.library.themes import ThemeRecord

__all__ = [
    "ImportReport",
    "Library",
    "LibraryArticle",
    "LibraryError",
    "SearchHit",
    "Skipped",
    "ThemeRecord",
]
