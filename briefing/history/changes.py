"""The change outputs of a pack's history: what changed between two of its versions, and the
redline files (a Word file with tracked changes, a web page with <ins>/<del>) made from it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import BriefingError
from briefing.history.store import History
from briefing.uk.dates import uk_date

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.compare.diff import Changes
    from briefing.history.record import VersionRecord
    from briefing.model import Pack

CURRENT = "current"
REDLINE_FORMATS = ("docx", "html")  # the formats whose readers show tracked changes


@dataclass(frozen=True)
class Compared:
    """Two ends of a comparison and what changed between them, for one audience."""

    pack_path: Path
    since: VersionRecord
    old: Pack
    new: Pack
    new_label: str  # "version 2 (10 December 2026)" or "the pack as it is now"
    new_key: int | str  # 2, or "current"
    audience: str | None
    changes: Changes

    @property
    def heading(self) -> str:
        version = f" ({self.audience} version)" if self.audience not in (None, "members") else ""
        return (
            f"Changes to {self.pack_path.name}{version} from version {self.since.number} "
            f"({uk_date(self.since.issued)}) to {self.new_label}"
        )


def compare_versions(
    pack_path: Path,
    old: int | None = None,
    new: int | str | None = None,
    audience: str | None = None,
    current: Pack | None = None,
) -> Compared:
    """What changed from version `old` (default: the last issued) to version `new` (a number,
    or "current" for the pack file as it stands, or `current` when given: the app's pack)."""
    from briefing.compare.diff import compare_packs
    from briefing.model.versions import known_audience
    from briefing.packfile import load_pack

    pack_path = Path(pack_path)
    history = History(pack_path)
    latest = history.latest()
    if latest is None:
        raise BriefingError(
            f"{pack_path}: no versions issued yet, so there is nothing to "
            f"compare with: issue one with briefing issue {pack_path}."
        )
    since = history.record(old) if old is not None else latest
    key: int | str = CURRENT
    if new in (None, CURRENT):
        after = current if current is not None else load_pack(pack_path)
        label = "the pack as it is now"
    else:
        try:
            number = int(new)
        except ValueError:
            raise BriefingError(f"--to {new}: give a version number or 'current'.") from None
        record = history.record(number)
        after, key = history.pack(number), number
        label = f"version {number} ({uk_date(record.issued)})"
    if audience and not known_audience(after, audience):
        raise BriefingError(f'{pack_path}: no audience "{audience}"')
    before = history.pack(since.number)
    return Compared(
        pack_path,
        since,
        before,
        after,
        label,
        key,
        audience,
        compare_packs(before, after, audience),
    )


def redline_name(title: str, audience: str | None, since: int, suffix: str) -> str:
    from briefing.files.naming import version_stem

    return f"{version_stem(title, audience)} - changes since version {since}{suffix}"


def write_redlines(
    compared: Compared,
    outdir: Path,
    formats: Sequence[str] = REDLINE_FORMATS,
    *,
    by: str = "",
    on: datetime | None = None,
    pdf_engine: str | None = None,
) -> list[Path]:
    """The redline of `compared` in each format, written all or nothing into `outdir`:
    "Title - changes since version 1.docx" with tracked changes by `by` (default: whoever
    issued the newer version, else the pack's contact) dated `on` (default: when the newer
    version was issued, else now)."""
    from briefing.build import BuildRequest, ChecksFailed, Job
    from briefing.build.job import render_all
    from briefing.compare.redline import redline_document
    from briefing.compose.audience import for_audience
    from briefing.files.safe_write import atomic_write_all
    from briefing.history.editions import issued_edition
    from briefing.history.issue import officer_name

    history = History(compared.pack_path)
    newer = history.record(compared.new_key) if isinstance(compared.new_key, int) else None
    author = by or (newer.officer if newer else "") or officer_name(compared.new)
    when = on or (newer.issued if newer else datetime.now().astimezone().replace(microsecond=0))
    base_dir = compared.pack_path.resolve().parent
    newer_version = for_audience(compared.new, compared.audience)
    if newer is not None:
        edition = issued_edition(newer)
    else:
        stamp = history.stamp(compared.new, base_dir)
        edition = str(stamp) if stamp is not None else ""
    document = redline_document(
        for_audience(compared.old, compared.audience),
        newer_version,
        compared.changes,
        base_dir,
        since=compared.since.number,
        by=author,
        on=when,
        edition=edition,
    )
    # Rendered and verified as every build is (every piece of the redline in each file, in
    # order, nothing over the page's edge) before anything is written.
    request = BuildRequest(
        compared.new, base_dir, tuple(formats), (compared.audience,), outdir=outdir
    )
    if pdf_engine:
        request = replace(request, pdf_engine=pdf_engine)
    job = Job(request, compared.audience, newer_version, document)
    render_all(job)
    if job.has_errors:
        raise ChecksFailed(job.findings)
    outdir.mkdir(parents=True, exist_ok=True)
    return atomic_write_all(
        [
            (
                outdir
                / redline_name(
                    compared.new.title, compared.audience, compared.since.number, f".{fmt}"
                ),
                job.rendered[fmt].data,
            )
            for fmt in formats
        ]
    )
