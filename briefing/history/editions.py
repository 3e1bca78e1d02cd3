"""What a build says about the pack's versions, decided once for every build: the edition line
("Version 2 · issued 7 December 2026", "Draft after version 2") on the cover, in the footer
and the file's properties, the "Changes since version N" page a build may include, and the
supplement that holds only what is new or changed since version N.

The build job composes through `composed()`; everything here reads the history beside the
pack file (history.store) and compares through compare.diff, so the edition, the changes page
and the supplement always agree with `briefing history` and `briefing compare`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from briefing.compare.diff import ADDED, CHANGED
from briefing.errors import BriefingError
from briefing.history.store import History, Stamp
from briefing.uk.dates import uk_date

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.compare.diff import Changes
    from briefing.compose.audience import Version
    from briefing.document.model import Document
    from briefing.history.record import VersionRecord
    from briefing.model import Pack


class BuildRequest(Protocol):
    """What this module reads of a build request (briefing.build.request.BuildRequest), named
    here so the request, which asks for its supplement number, and this module import each
    other in one direction only."""

    @property
    def pack(self) -> Pack: ...
    @property
    def base_dir(self) -> Path: ...
    @property
    def pack_path(self) -> Path | None: ...
    @property
    def edition(self) -> str | None: ...
    @property
    def changes_since(self) -> int | None: ...
    @property
    def supplement_since(self) -> int | None: ...
    @property
    def history_of(self) -> Path | None: ...


def edition(request: BuildRequest) -> str:
    """The edition line of a build: as the request gives it (an issue names the version it is
    making), else from the history beside the pack file ("" for a pack never issued or a pack
    with no file yet)."""
    if request.edition is not None:
        return request.edition
    path = request.history_of or request.pack_path
    if path is None:
        return ""
    # A request for a pack file holds that file's pack (the app's may hold unsaved edits).
    read_from = request.pack_path if request.history_of is None else None
    stamp = History(path).stamp(request.pack, request.base_dir, read_from)
    return str(stamp) if stamp is not None else ""


def issued_edition(record: VersionRecord) -> str:
    """The edition line of version `record` as issued (a rebuild prints the same)."""
    return str(Stamp(record.number, uk_date(record.issued), draft=False))


def composed(request: BuildRequest, version: Version) -> Document:
    """The version's document for this request: with its edition line, and the changes page
    or the supplement when the request asks for one."""
    from briefing.compose.builder import compose_version

    line = edition(request)
    since = request.supplement_since or request.changes_since
    if since is None:
        if not line:  # a pack never issued composes exactly as it always has
            return compose_version(version, request.base_dir)
        return compose_version(version, request.base_dir, edition=line)
    from briefing.compare.diff import compare_packs
    from briefing.compare.page import changes_blocks

    history, record = _history(request, since)
    changes = compare_packs(history.pack(since), request.pack, version.name)
    page = changes_blocks(changes, since, uk_date(record.issued))
    if request.supplement_since is None:
        return compose_version(version, request.base_dir, edition=line, changes=page)
    number = supplement_number(request)
    return compose_version(
        version,
        request.base_dir,
        edition=line,
        changes=page,
        only=supplement_notes(changes, since),
        title=f"Supplement {number} to {version.pack.title}",
        subtitle=f"New and changed items since version {since} (issued "
        f"{uk_date(record.issued)}), numbered as in the full briefing",
    )


def supplement_notes(changes: Changes, since: int) -> dict[tuple[int, int], str]:
    """The items a supplement holds, by their place in the full briefing, each with what a
    member holding version `since` needs to find it: a new item says so, an item numbered
    differently there says its number then ("Item 1.3 in version 1."), so the member's own
    copy and notes stay the reference."""
    notes: dict[tuple[int, int], str] = {}
    for change in changes.items:
        new, old = change.new, change.old
        if (
            new is None
            or new.item is None
            or not (change.kind in (ADDED, CHANGED) or change.fields)
        ):
            continue
        if change.kind == ADDED or old is None:
            note = f"New since version {since}."
        elif (old.section, old.item) != (new.section, new.item):
            note = f"Item {old} in version {since}."
        else:
            note = ""
        notes[new.section, new.item] = note
    return notes


def supplement_number(request: BuildRequest) -> int:
    """Supplement K: the versions issued after version N, counting the one this pack will be
    when it has changed since the last."""
    since = request.supplement_since
    assert since is not None
    history, _ = _history(request, since)
    latest = history.latest()
    assert latest is not None  # _history found version `since`
    target = (
        latest.number
        if history.matches(latest, request.pack, request.base_dir)
        else latest.number + 1
    )
    if target <= since:
        raise BriefingError(
            f"Nothing has changed since version {since}: there is no supplement to make."
        )
    return target - since


def _history(request: BuildRequest, since: int) -> tuple[History, VersionRecord]:
    path = request.history_of or request.pack_path
    if path is None:
        raise BriefingError("Save the pack first: its versions are kept beside the pack file.")
    history = History(path)
    return history, history.record(since)
