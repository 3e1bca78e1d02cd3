"""What every reader returns (SourceText), the import error, and checks shared by all readers."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefing.errors import BriefingError
from briefing.limits.reading import Unreadable, read_capped

if TYPE_CHECKING:
    from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # larger files are almost never a single article and slow everything
SUPPORTED = (
    ".txt",
    ".md",
    ".markdown",
    ".docx",
    ".odt",
    ".html",
    ".htm",
    ".mhtml",
    ".mht",
    ".eml",
    ".pdf",
)


class ImportFailure(BriefingError):
    """A file that cannot be imported. The message names the file, says why and what to do."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}")


@dataclass
class SourceText:
    """The text of one imported file, with what its format tells us about structure.

    `text` uses "\\n" line endings. `headings` maps 1-based line numbers of `text` to a heading
    level (0 for a document title); `list_items` holds the lines that are list items. `meta` holds
    hints the format gave (title, authors, source, published, url, doi, reference, themes).
    `line_offset` is added to line numbers of `text` to give lines of the file itself (a Markdown
    file's front matter comes before the text).
    """

    text: str
    name: str
    format: str  # "txt", "md", "docx", "html", "pdf" or "paste"
    encoding: str = ""
    headings: dict[int, int] = field(default_factory=dict)
    list_items: set[int] = field(default_factory=set)
    meta: dict[str, Any] = field(default_factory=dict)
    line_offset: int = 0
    preamble: str = ""  # file text before `text` (a Markdown front matter block), kept verbatim
    # Lines of `text` with nothing to read (template tags, pictures, heading underlines): kept in
    # the original text, never in an article's title or body.
    hidden: set[int] = field(default_factory=set)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters near the start: not a text file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an ImportFailure that says plainly why it cannot be read."""
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportFailure(name, "the file was not found. Check the name and folder.") from None
    except OSError as exc:
        raise ImportFailure(name, f"the file cannot be read ({exc.strerror}).") from None
    if path.is_dir():
        raise ImportFailure(name, "this is a folder, not a file. Choose the files inside it.")
    if size > MAX_BYTES:
        raise ImportFailure(
            name,
            f"the file is {size / (1024 * 1024):.1f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB. "
            "Save just the articles you need into a smaller file, or paste their text.",
        )
    if size == 0 and path.is_file():
        raise ImportFailure(name, "the file is empty. Check that it was saved completely.")
    try:
        # Opened without waiting and checked on the handle: a named pipe or a device (which
        # would never finish) is refused at once, as is a file that grew past the limit.
        return read_capped(path, MAX_BYTES, "an article file")
    except Unreadable as exc:
        if "permission" in exc.reason:
            raise ImportFailure(
                name,
                "permission denied: you cannot read this file. Copy it somewhere you can open "
                "it (for example your Documents folder) and import the copy.",
            ) from None
        raise ImportFailure(name, f"this {exc.reason}.") from None


def require_text(name: str, text: str) -> str:
    """Refuse text with nothing in it (only spaces, or only a title page)."""
    if not text.strip():
        raise ImportFailure(name, "there is no text in this file to import.")
    return text


def display_name(path: Path) -> str:
    return os.path.basename(str(path)) or str(path)
