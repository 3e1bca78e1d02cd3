"""Importers: read a file or pasted text, split it into articles, and take metadata from the text.

    import_path(Path("posts.txt"))  -> [DraftArticle, …]   (nothing is saved; the caller previews)
    import_text(text, "pasted text") -> [DraftArticle, …]

Every user mistake (empty, binary, damaged, too large, unsupported or unreadable file) raises
ImportFailure, whose message names the file and says what to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing.library.importers.source import (
    MAX_BYTES,
    SUPPORTED,
    ImportFailure,
    SourceText,
    display_name,
    read_bytes,
)
from briefing.library.importers.split import split_articles

if TYPE_CHECKING:
    from briefing.library.records import DraftArticle

__all__ = [
    "MAX_BYTES",
    "SUPPORTED",
    "ImportFailure",
    "SourceText",
    "folder_files",
    "import_path",
    "import_text",
    "read_source",
    "read_text",
    "split_articles",
]

_OLD_FORMATS = {
    ".doc": "older Word .doc files cannot be read: open it in Word and save it as .docx.",
    ".rtf": "rich text (.rtf) cannot be read: open it in Word and save it as .docx.",
    ".pages": "Pages files cannot be read: export it as Word (.docx) or PDF.",
}


def read_source(path: Path) -> SourceText:
    """The text of one file, with the structure hints and metadata its format gives."""
    path = Path(path)
    name = display_name(path)
    suffix = path.suffix.lower()
    if suffix in _OLD_FORMATS:
        raise ImportFailure(name, _OLD_FORMATS[suffix])
    if suffix not in SUPPORTED:
        kind = f"'{suffix}' files" if suffix else "files with no extension"
        raise ImportFailure(
            name,
            f"Briefing cannot import {kind}. It reads {', '.join(SUPPORTED)}; save the "
            "article in one of these formats, or copy and paste its text.",
        )
    data = read_bytes(path)
    if suffix == ".txt":
        from briefing.library.importers.plain import read_txt

        return read_txt(name, data)
    if suffix in (".md", ".markdown"):
        from briefing.library.importers.markdown import read_markdown

        return read_markdown(name, data)
    if suffix == ".docx":
        from briefing.library.importers.word import read_docx

        return read_docx(name, data)
    if suffix in (".html", ".htm"):
        from briefing.library.importers.webpage import read_html

        return read_html(name, data)
    if suffix == ".odt":
        from briefing.library.importers.opendocument import read_odt

        return read_odt(name, data)
    if suffix == ".eml":
        from briefing.library.importers.mail import read_eml

        return read_eml(name, data)
    if suffix in (".mhtml", ".mht"):
        from briefing.library.importers.mail import read_mhtml

        return read_mhtml(name, data)
    from briefing.library.importers.pdf import read_pdf

    return read_pdf(name, data)


def read_text(text: str, name: str = "pasted text") -> SourceText:
    """Pasted text, treated like a .txt file."""
    from briefing.library.importers.plain import read_pasted

    return read_pasted(text, name)


def folder_files(folder: Path) -> tuple[list[Path], list[str]]:
    """The files in `folder` (and its subfolders) that can be imported, and what was left out,
    in plain words: a line for each link that was not followed because it leads out of the
    folder, or one saying the folder holds nothing Briefing can import. Hidden files and
    folders are left out without a word."""
    root = Path(folder).resolve()
    found: list[Path] = []
    skipped: list[str] = []
    for path in sorted(Path(folder).rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_symlink() or any(p.is_symlink() for p in list(relative.parents)[:-1]):
            target = path.resolve()
            if target != root and root not in target.parents:
                if path.is_symlink():
                    kind = "folder" if target.is_dir() else "file"
                    skipped.append(
                        f"{Path(Path(folder).name) / relative}: skipped, it is a "
                        f"link to {target}, outside the folder being imported "
                        f"(import that {kind} itself if you mean to)"
                    )
                continue
        if path.is_file() and path.suffix.lower() in SUPPORTED:
            found.append(path)
    if not found and not skipped:
        skipped.append(
            f"{folder}: no files Briefing can import in this folder ({', '.join(SUPPORTED)})"
        )
    return found, skipped


def import_path(path: Path) -> list[DraftArticle]:
    return split_articles(read_source(path))


def import_text(text: str, name: str = "pasted text") -> list[DraftArticle]:
    return split_articles(read_text(text, name))
