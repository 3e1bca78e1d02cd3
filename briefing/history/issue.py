"""Issuing a version: the pack as it stands is checked, its files are built, and the pack,
the logo and template it uses and the fingerprints of every file are frozen as version N.

Issuing is all or nothing: the version's folder is made under a temporary name and renamed
into place last, so a failed issue leaves no half-made version (and two officers issuing at
once cannot both make version N). Issuing a pack that has not changed since its last version
makes nothing new: it says which version the pack already is.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.errors import BriefingError
from briefing.history.record import RECORD_NAME, Built, VersionRecord
from briefing.history.store import History, kept_path, sha256_of, source_hashes
from briefing.uk.dates import uk_date

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.build import BuildRequest, Checked, Progress
    from briefing.model import Pack

README = """\
This folder holds the issued versions of {pack}. Keep it beside {pack}: copy, move
and back up the two together.

Each version-N folder is one issued version, written once by Briefing and never changed:
version.yaml says when it was issued, by whom and why, and holds the fingerprints (SHA-256)
of the pack file, its logo and Word template, and the files built from it. Beside it are the
pack file exactly as issued and the logo and template it used.

  briefing history {pack}                 lists the versions
  briefing compare {pack} --from 1        what changed since version 1
  briefing history {pack} --rebuild 1     builds version 1 again and checks it is identical
"""


@dataclass(frozen=True)
class Issued:
    """The outcome of an issue: the version's record, whether it is new, and the files built."""

    record: VersionRecord
    new: bool
    files: tuple[Path, ...] = ()


def officer_name(pack: Pack) -> str:
    """Who issues, when not said: the pack's contact, else who prepared it, else the login."""
    import getpass

    for name in (pack.contact.name, pack.prepared_by):
        if name.strip():
            return name.strip()
    with contextlib.suppress(Exception):
        return getpass.getuser()
    return ""


def issue_version(
    pack_path: Path,
    *,
    note: str = "",
    officer: str = "",
    outdir: Path | None = None,
    formats: Sequence[str] | None = None,
    audiences: Sequence[str] = ("members",),
    pdf_engine: str | None = None,
    changes_since: int | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> Issued:
    """Issue the pack file `pack_path` as its next version, building its files into `outdir`
    (default: beside the pack), each saying "Version N · issued …" (with a "Changes since
    version M" page when `changes_since` is M). Raises ChecksFailed (nothing issued) when the
    pack has errors, BriefingError when the history cannot be written."""
    from briefing.build import BuildRequest, ChecksFailed, prepare
    from briefing.export.registry import DEFAULT_FORMATS, DEFAULT_PDF_ENGINE
    from briefing.history.editions import issued_edition

    pack_path = Path(pack_path)
    engine = pdf_engine or DEFAULT_PDF_ENGINE
    built_formats = tuple(formats or DEFAULT_FORMATS)
    request = BuildRequest.for_file(
        pack_path,
        formats=built_formats,
        audiences=tuple(audiences),
        pdf_engine=engine,
        outdir=Path(outdir) if outdir else pack_path.resolve().parent,
    )
    pack, base_dir = request.pack, request.base_dir
    history = History(pack_path)
    latest = history.latest()
    if latest is not None and history.matches(latest, pack, base_dir, pack_path):
        return Issued(latest, new=False)
    number = latest.number + 1 if latest is not None else 1
    when = (now or datetime.now().astimezone()).replace(microsecond=0)
    if when.tzinfo is None:
        when = when.astimezone()
    if changes_since is not None and changes_since >= number:
        raise BriefingError(
            f"--changes-since {changes_since}: this is version {number}, so "
            f"the changes can only be since an earlier version."
        )
    built = Built(built_formats, tuple(audiences), engine, {}, changes_since)
    stub = VersionRecord(number, when, "", "", pack_path.name, {}, built, __version__)
    request = replace(request, edition=issued_edition(stub), changes_since=changes_since)
    checked = prepare(request)
    if any(finding.severity == "error" for finding in checked.findings()):
        raise ChecksFailed(checked.findings())
    history.folder.mkdir(parents=True, exist_ok=True)
    work = history.folder / f".version-{number}.{os.getpid()}.tmp"
    shutil.rmtree(work, ignore_errors=True)
    try:
        sources = _freeze(pack_path, pack, base_dir, work)
        files, hashes = _build(request, progress, checked)
        record = VersionRecord(
            number,
            when,
            officer.strip() or officer_name(pack),
            note.strip(),
            pack_path.name,
            sources,
            replace(built, files=hashes),
            __version__,
        )
        (work / RECORD_NAME).write_text(record.to_yaml(pack_path.name), encoding="utf-8")
        _readme(history.folder, pack_path.name)
        _put_in_place(work, history.folder / f"version-{number}")
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Issued(record, new=True, files=tuple(files))


def _freeze(pack_path: Path, pack: Pack, base_dir: Path, work: Path) -> dict[str, str]:
    """Copy the pack file and the files it names into `work`; their fingerprints."""
    work.mkdir(parents=True)
    shutil.copyfile(pack_path, work / pack_path.name)
    sources = {pack_path.name: sha256_of(work / pack_path.name)}
    for relative in (pack.layout.logo, pack.layout.template):
        if not relative.strip():
            continue
        source = Path(relative) if Path(relative).is_absolute() else base_dir / relative
        target = work / kept_path(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    sources |= source_hashes(_kept(pack), work)
    return sources


def _kept(pack: Pack) -> Pack:
    """The pack with its logo and template pointing where a version's folder keeps them."""
    layout = replace(
        pack.layout,
        logo=kept_path(pack.layout.logo) if pack.layout.logo.strip() else "",
        template=(kept_path(pack.layout.template) if pack.layout.template.strip() else ""),
    )
    return replace(pack, layout=layout)


def _build(
    request: BuildRequest, progress: Progress | None, checked: Checked | None = None
) -> tuple[list[Path], dict[str, str]]:
    """Every version's files, through the build pipeline; with their fingerprints."""
    from briefing import build

    assert request.outdir is not None  # a version is always built into a folder
    Path(request.outdir).mkdir(parents=True, exist_ok=True)
    written = build.build(request, progress, checked)
    return list(written), {path.name: sha256_of(path) for path in _outputs(written)}


def _outputs(paths: Sequence[Path]) -> list[Path]:
    """The built files themselves (a version's record of what it withheld carries the time it
    was written, so it is not one of the fingerprinted files)."""
    from briefing.export.registry import FORMATS

    suffixes = {fmt.suffix for fmt in FORMATS.values()}
    return [path for path in paths if path.suffix in suffixes]


def _readme(folder: Path, pack_name: str) -> None:
    readme = folder / "README.txt"
    if not readme.exists():
        readme.write_text(README.format(pack=pack_name), encoding="utf-8")


def _put_in_place(work: Path, target: Path) -> None:
    if target.exists():
        raise BriefingError(
            f"{target.name} was issued by someone else while this one was "
            "being made: nothing was issued. Issue again to make the next "
            "version."
        )
    try:
        os.rename(work, target)
    except OSError as exc:
        raise BriefingError(
            f"Cannot finish issuing {target}: {exc.strerror or exc}. Nothing was issued."
        ) from exc


@dataclass(frozen=True)
class Rebuilt:
    """Version N built again from its history: each file and whether its bytes match."""

    record: VersionRecord
    files: tuple[tuple[Path, bool | None], ...]  # None: a file the record has no fingerprint for

    @property
    def identical(self) -> bool:
        return all(same for _, same in self.files)


def rebuild_version(
    pack_path: Path, number: int, outdir: Path, progress: Progress | None = None
) -> Rebuilt:
    """Build version `number` again from its folder alone (not from the pack file as it is
    now) into `outdir`, as it was issued, and compare each file with its fingerprint."""
    from briefing.build import BuildRequest
    from briefing.history.editions import issued_edition

    history = History(pack_path)
    record = history.record(number)
    folder = history.pack_file(number).parent
    request = BuildRequest(
        _kept(history.pack(number)),
        folder,
        tuple(record.built.formats or ("docx", "pdf")),
        tuple(record.built.audiences or ("members",)),
        record.built.pdf_engine or "typst",
        outdir=Path(outdir),
        pack_path=folder / record.pack_file,
        pack_name=record.pack_file,
        edition=issued_edition(record),
        changes_since=record.built.changes_since,
        history_of=Path(pack_path),
    )
    files, hashes = _build(request, progress)
    checked = tuple(
        (
            path,
            record.built.files.get(path.name) == hashes[path.name]
            if path.name in record.built.files
            else None,
        )
        for path in files
        if path.name in hashes
    )
    return Rebuilt(record, checked)


def issued_text(record: VersionRecord, version: str = "Version") -> str:
    """ "Version 2, issued 7 December 2026 by A. Officer: note" (`version` as the first word,
    "version" within a sentence)."""
    by = f" by {record.officer}" if record.officer else ""
    note = f": {record.note}" if record.note else ""
    return f"{version} {record.number}, issued {uk_date(record.issued)}{by}{note}"
