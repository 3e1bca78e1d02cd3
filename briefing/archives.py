"""Zip packages (.docx, .odt, Word templates) checked before anything parses them.

A zip can say that a 3 MB file unpacks to gigabytes ("zip bomb"), and a damaged or hostile one
can say less than it holds. Both the sizes the archive declares and the bytes its text parts
really unpack to are counted, reading in chunks and stopping at the limit, so the check itself
never uses more than one chunk of memory.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

MAX_TOTAL = 300 * 1024 * 1024  # everything in the package, pictures included
MAX_TEXT_PART = 40 * 1024 * 1024  # one XML part: what a parser holds in memory as a tree
MAX_MEMBERS = 10_000
_CHUNK = 1024 * 1024


class ArchiveTooLarge(ValueError):
    """The package unpacks to more than Briefing reads; the message says how much."""


def check_package(source: bytes | Path) -> None:
    """Raise ArchiveTooLarge when the zip in source unpacks to more than the limits, and
    zipfile.BadZipFile when it is not a zip. Reads text parts (.xml, .rels) in full, by chunks."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")  # noqa: SIM115
    with stream, zipfile.ZipFile(stream) as archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ArchiveTooLarge(f"it holds {len(members):,} parts (a document has a few dozen)")
        declared = sum(m.file_size for m in members)
        if declared > MAX_TOTAL:
            raise ArchiveTooLarge(f"it unpacks to {_mb(declared)}, more than the "
                                  f"{_mb(MAX_TOTAL)} Briefing reads")
        for member in members:
            if not member.filename.endswith((".xml", ".rels")):
                continue
            if member.file_size > MAX_TEXT_PART:
                raise ArchiveTooLarge(f"its part {member.filename} unpacks to "
                                      f"{_mb(member.file_size)}, more than the "
                                      f"{_mb(MAX_TEXT_PART)} Briefing reads")
            actual = 0
            try:
                with archive.open(member) as part:
                    while chunk := part.read(_CHUNK):
                        actual += len(chunk)
                        if actual > MAX_TEXT_PART:
                            raise ArchiveTooLarge(f"its part {member.filename} unpacks to more "
                                                  f"than the {_mb(MAX_TEXT_PART)} Briefing reads")
            except zlib.error as exc:  # damaged compressed data
                raise zipfile.BadZipFile(str(exc)) from exc


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def macro_problem(source: Path) -> str:
    """"" for a Word package without macros, else why it is refused (a macro-enabled .docm,
    perhaps renamed .docx)."""
    with zipfile.ZipFile(source) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    if any(name.lower().endswith("vbaproject.bin") for name in names) or \
            b"macroEnabled" in types or b"vbaProject" in types:
        return ("it contains macros (it is a macro-enabled .docm, whatever its name says), "
                "which Briefing never copies into a briefing: open it in Word and save it as a "
                "Word Document (.docx)")
    return ""


def template_problem(path: Path) -> str:
    """"" when the template's package can be opened safely, else why not: too large once
    unpacked, or holding macros."""
    try:
        check_package(path)
        return macro_problem(path)
    except ArchiveTooLarge as exc:
        return f"it is too large to read safely: {exc}"
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
        return "it is not a Word document (.docx) that can be read"
