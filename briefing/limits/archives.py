"""Zip packages (.docx, .odt, Word templates) checked before anything parses them.

A zip can say that a 3 MB file unpacks to gigabytes ("zip bomb"), and a damaged or hostile one
can say less than it holds. Both the sizes the archive declares and the bytes its text parts
really unpack to are counted, reading in chunks and stopping at the limit, so the check itself
never uses more than one chunk of memory.
"""

from __future__ import annotations

import functools
import io
import os
import re
import zipfile
import zlib
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
            raise ArchiveTooLarge(
                f"it unpacks to {_mb(declared)}, more than the {_mb(MAX_TOTAL)} Briefing reads"
            )
        for member in members:
            if not member.filename.endswith((".xml", ".rels")):
                continue
            if member.file_size > MAX_TEXT_PART:
                raise ArchiveTooLarge(
                    f"its part {member.filename} unpacks to "
                    f"{_mb(member.file_size)}, more than the "
                    f"{_mb(MAX_TEXT_PART)} Briefing reads"
                )
            actual = 0
            try:
                with archive.open(member) as part:
                    while chunk := part.read(_CHUNK):
                        actual += len(chunk)
                        if actual > MAX_TEXT_PART:
                            raise ArchiveTooLarge(
                                f"its part {member.filename} unpacks to more "
                                f"than the {_mb(MAX_TEXT_PART)} Briefing reads"
                            )
            except zlib.error as exc:  # damaged compressed data
                raise zipfile.BadZipFile(str(exc)) from exc


_TEMPLATE_TYPE = b"wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"wordprocessingml.document.main+xml"


def as_document(data: bytes) -> bytes:
    """A Word template (.dotx) repackaged as the document it makes (the main part's content
    type is the only difference python-docx sees); any other package unchanged."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            types = archive.read("[Content_Types].xml")
        except KeyError:
            return data
        if _TEMPLATE_TYPE not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for member in archive.infolist():
                body = archive.read(member)
                if member.filename == "[Content_Types].xml":
                    body = body.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                copy.writestr(member, body)
    return out.getvalue()


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def macro_problem(archive: zipfile.ZipFile) -> str:
    """ "" for a Word package without macros, else why it is refused (a macro-enabled .docm,
    perhaps renamed .docx)."""
    names = archive.namelist()
    types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    if (
        any(name.lower().endswith("vbaproject.bin") for name in names)
        or b"macroEnabled" in types
        or b"vbaProject" in types
    ):
        return (
            "it contains macros (it is a macro-enabled .docm, whatever its name says), "
            "which Briefing never copies into a briefing: open it in Word and save it as a "
            "Word Document (.docx)"
        )
    return ""


def template_problem(path: Path) -> str:
    """ "" when the template's package can be opened safely, else why not (a phrase starting
    "it …"): not a regular file, too large once unpacked, holding macros, or with a part that
    is not well-formed XML (named). Decided once for each state of the file."""
    try:
        info = os.stat(path)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    return _template_problem(str(path), info.st_mtime_ns, info.st_size)


@functools.lru_cache(maxsize=16)
def _template_problem(path: str, mtime_ns: int, size: int) -> str:
    from briefing.limits.reading import MAX_TEMPLATE, Unreadable, read_capped

    try:
        data = read_capped(Path(path), MAX_TEMPLATE, "a Word template")
    except Unreadable as exc:
        return f"it {exc.reason}"
    try:
        check_package(data)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            problem = macro_problem(archive) or _strict_problem(archive) or _xml_problem(archive)
        return problem or _opening_problem(data)
    except ArchiveTooLarge as exc:
        return f"it is too large to read safely: {exc}"
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
        return "it is not a Word document (.docx) that can be read"


_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"


def _strict_problem(archive: zipfile.ZipFile) -> str:
    """Word's "Strict Open XML Document" format, which Briefing (like most programs) cannot
    build on."""
    try:
        with archive.open("word/document.xml") as part:
            head = part.read(4096)
    except KeyError:
        return (
            "it has no document part (word/document.xml), so it is not a Word document: "
            "save it from Word as a Word Document (.docx)"
        )
    if _STRICT in head:
        return (
            "it is saved as a Strict Open XML Document: open it in Word and save it as a "
            "Word Document (.docx)"
        )
    return ""


def _xml_problem(archive: zipfile.ZipFile) -> str:
    """ "" when every XML part is well-formed, else which part is damaged and where. Parsed as
    a stream into nothing (no tree is kept), with entities left unexpanded."""
    from lxml import etree

    for member in archive.infolist():
        if not member.filename.endswith((".xml", ".rels")):
            continue
        parser = etree.XMLParser(
            target=_Discard(),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        )
        try:
            with archive.open(member) as part:
                while chunk := part.read(_CHUNK):
                    if b"<!DOCTYPE" in chunk or b"<!ENTITY" in chunk:
                        return (
                            f"it has a part, {member.filename}, that declares entities "
                            "(a DOCTYPE), which Word never writes: open the template in "
                            "Word and save it again as a Word Document (.docx)"
                        )
                    parser.feed(chunk)
            parser.close()
        except etree.XMLSyntaxError as exc:
            line = f" (line {exc.lineno})" if exc.lineno else ""
            return (
                f"it has a damaged part, {member.filename}{line}, that is not well-formed "
                f"XML ({_first_clause(str(exc))}): open the template in Word and save it "
                "again as a Word Document (.docx), or use another template"
            )
        except zlib.error as exc:
            raise zipfile.BadZipFile(str(exc)) from exc
    return ""


def _opening_problem(data: bytes) -> str:
    """ "" when python-docx opens the package as a build does, else why not: a template
    `validate` accepts never stops a build."""
    import docx

    try:
        docx.Document(io.BytesIO(as_document(data)))
    except KeyError as exc:
        missing = re.search(r"named '([^']+)'", str(exc))
        part = f" ({missing.group(1)})" if missing else ""
        return (
            f"it lacks a part it refers to{part}: open it in Word and save it again as a "
            "Word Document (.docx)"
        )
    except Exception:  # python-docx's own failures name its internals, not the user's file
        return (
            "it cannot be opened as a Word document: open it in Word and save it again as "
            "a Word Document (.docx)"
        )
    return ""


def _first_clause(message: str) -> str:
    return message.split(", line ")[0].rstrip(".")


class _Discard:
    """An lxml parser target that keeps nothing: well-formedness only."""

    def start(self, tag: str, attrib: object) -> None:
        pass

    def end(self, tag: str) -> None:
        pass

    def data(self, data: str) -> None:
        pass

    def close(self) -> None:
        pass
