"""An import batch before it is saved: parse the sources, find duplicates (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.errors import BriefingError
from briefing.library.dupes import duplicate_keys, key_kind

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.library.records import DraftArticle

PASTED_NAME = "Pasted text"


@dataclass
class Failure:
    """A source that could not be read, and why (the reason is shown as it is)."""

    name: str
    reason: str

    def __str__(self) -> str:
        return self.reason if self.name in self.reason else f"{self.name}: {self.reason}"


@dataclass
class ParsedBatch:
    drafts: list[DraftArticle] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def parse_sources(
    paths: list[Path] | None,
    text: str | None,
    progress: Callable[[int, int, str], None] | None = None,
) -> ParsedBatch:
    """Read and split every source; a bad one is recorded with its reason and the rest go on."""
    from briefing.library.importers import import_path, import_text

    batch = ParsedBatch()
    jobs: list[tuple[str, Callable[[], list[DraftArticle]]]] = []
    for path in paths or []:
        jobs.append((Path(path).name, partial(import_path, Path(path))))
    if text is not None:
        jobs.append((PASTED_NAME, lambda: import_text(text, PASTED_NAME)))
    for n, (name, job) in enumerate(jobs):
        if progress is not None:
            progress(n, len(jobs), f"Reading {name}…")
        try:
            drafts = job()
        except BriefingError as exc:
            batch.failures.append(Failure(name, str(exc)))
            continue
        except (OSError, UnicodeError, ValueError) as exc:
            # A reader that did not wrap an unexpected problem: still name the file, go on.
            batch.failures.append(Failure(name, f"{name}: could not be read ({exc})"))
            continue
        if not drafts:
            batch.failures.append(Failure(name, f"{name}: no article text found in it"))
        batch.drafts.extend(drafts)
    if progress is not None:
        progress(len(jobs), len(jobs), "")
    return batch


def _keys_of(draft: DraftArticle) -> list[str]:
    return duplicate_keys(draft.title, draft.authors, draft.url, draft.doi)


def find_duplicates(drafts: list[DraftArticle], library_articles: list[Any]) -> dict[int, str]:
    """Draft index -> why it is a duplicate ("already in the library: same URL", …).

    Compares with the library and with earlier drafts of the same batch, using the library's
    own rules (same URL, same DOI, or same title and authors).
    """
    known: dict[str, str] = {}
    for rec in library_articles:
        for key in duplicate_keys(rec.title, rec.authors, rec.url, rec.doi):
            known.setdefault(key, f"already in the library as “{rec.title}” ({key_kind(key)})")
    found: dict[int, str] = {}
    for index, draft in enumerate(drafts):
        keys = _keys_of(draft)
        for key in keys:
            if key in known:
                found[index] = known[key]
                break
        for key in keys:
            known.setdefault(key, f"repeats “{draft.title}” in this import ({key_kind(key)})")
    return found
