"""A pack's history: the folder of issued versions kept beside the pack file.

For `renewal.yaml` the history is `renewal.history/`, beside it, so copying the pack's folder
copies its history too. Each issued version is a folder of plain files:

    renewal.history/
      README.txt                 what the folder is (for whoever finds it on a shared drive)
      version-1/
        version.yaml             when, by whom and why; fingerprints of every file (record.py)
        renewal.yaml             the pack file exactly as issued
        images/logo.png          the logo and Word template it used, at the paths the pack names
      version-2/ …

Nothing here builds or checks a pack (history.issue does); this module reads and finds.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, NamedTuple

from briefing.errors import BriefingError
from briefing.uk.dates import uk_date

if TYPE_CHECKING:
    from briefing.history.record import VersionRecord
    from briefing.model import Pack

_VERSION_FOLDER = re.compile(r"^version-([1-9][0-9]{0,5})$")
# Issued packs already read, by file, time and size: a version never changes once issued, and
# every preview and build asks whether the pack is still the last version. Never changed by
# anyone who reads them (the audience filter and the differ make new packs).
_LOADED: dict[tuple[str, int, int], Pack] = {}
_KEEP_LOADED = 8
README_NAME = "README.txt"


def history_folder(pack_path: Path) -> Path:
    """Where the history of the pack file `pack_path` lives."""
    pack_path = Path(pack_path)
    return pack_path.with_name(f"{pack_path.stem}.history")


def version_folder(pack_path: Path, number: int) -> Path:
    return history_folder(pack_path) / f"version-{number}"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def kept_path(relative: str) -> str:
    """Where a file the pack names (its logo, its template) is kept in a version's folder: at
    the same relative path when that stays inside the folder, else under files/ by its name."""
    path = PurePosixPath(relative.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", relative):
        return f"files/{path.name}"
    return str(path)


class Stamp(NamedTuple):
    """What a build says about its version: "Version 2 · issued 7 December 2026", or "Draft
    after version 2" when the pack has changed since it was issued."""

    number: int
    issued: str  # "7 December 2026"
    draft: bool

    def __str__(self) -> str:
        if self.draft:
            return f"Draft after version {self.number}"
        return f"Version {self.number} · issued {self.issued}"


class History:
    """The issued versions of one pack file (a folder that may not exist yet)."""

    def __init__(self, pack_path: Path) -> None:
        self.pack_path = Path(pack_path)
        self.folder = history_folder(self.pack_path)
        self._records: list[VersionRecord] | None = None
        self._packs: dict[int, Pack] = {}  # versions never change once issued

    def numbers(self) -> list[int]:
        """The version numbers issued, oldest first (from the folder names alone)."""
        try:
            names = [entry.name for entry in self.folder.iterdir() if entry.is_dir()]
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise BriefingError(
                f"Cannot read the history folder {self.folder}: {exc.strerror or exc}."
            ) from exc
        return sorted(int(m.group(1)) for name in names if (m := _VERSION_FOLDER.match(name)))

    def records(self) -> list[VersionRecord]:
        """Every version's record, oldest first."""
        if self._records is None:
            self._records = [self.record(n) for n in self.numbers()]
        return self._records

    def record(self, number: int) -> VersionRecord:
        # Here, not at the top: a pack with no version issued (most) never reads a record.
        from briefing.history.record import RECORD_NAME, read_record

        folder = self.folder / f"version-{number}"
        if not folder.is_dir():
            raise BriefingError(self._no_version(number))
        record = read_record(folder / RECORD_NAME)
        if record.number != number:
            raise BriefingError(
                f"{folder / RECORD_NAME}: says it is version {record.number}, "
                f"but its folder is version-{number}. Restore the folder from "
                "a backup."
            )
        return record

    def latest(self) -> VersionRecord | None:
        if self._records is not None:
            return self._records[-1] if self._records else None
        numbers = self.numbers()
        return self.record(numbers[-1]) if numbers else None

    def pack_file(self, number: int) -> Path:
        """The pack file of version `number`, as issued."""
        return self.folder / f"version-{number}" / self.record(number).pack_file

    def pack(self, number: int) -> Pack:
        """Version `number`'s pack. Its file is checked against the fingerprint taken when it
        was issued, and then read without repeating the checks it passed then."""
        from briefing.packfile import load_checked_pack

        if number not in self._packs:
            path = self.pack_file(number)
            try:
                stat = path.stat()
                key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
            except OSError:
                key = None
            cached = _LOADED.get(key) if key is not None else None
            if cached is None:
                self._check_fingerprint(number, path)
                cached = load_checked_pack(path)
                if key is not None:
                    _LOADED[key] = cached
                    while len(_LOADED) > _KEEP_LOADED:
                        del _LOADED[next(iter(_LOADED))]
            self._packs[number] = cached
        return self._packs[number]

    def _check_fingerprint(self, number: int, path: Path) -> None:
        wanted = self.record(number).sources.get(path.name)
        try:
            found = sha256_of(path)
        except OSError as exc:
            raise BriefingError(
                f"{path}: cannot be read ({exc.strerror or exc}). Restore "
                f"version {number}'s folder from a backup."
            ) from exc
        if wanted is not None and found != wanted:
            raise BriefingError(
                f"{path}: this is not the pack issued as version {number} (it "
                "has been changed since: its fingerprint does not match the "
                "one in version.yaml). Restore it from a backup."
            )

    def stamp(
        self, pack: Pack, base_dir: Path | None = None, read_from: Path | None = None
    ) -> Stamp | None:
        """What a build of `pack` should say about its version: None before the first version
        is issued. `read_from` is the file `pack` was read from, unchanged since (see
        matches)."""
        latest = self.latest()
        if latest is None:
            return None
        same = self.matches(latest, pack, base_dir or self.pack_path.parent, read_from)
        return Stamp(latest.number, uk_date(latest.issued), draft=not same)

    def matches(
        self, record: VersionRecord, pack: Pack, base_dir: Path, read_from: Path | None = None
    ) -> bool:
        """Whether `pack`, with the logo and template it names under `base_dir`, is what
        version `record` froze (comments and spacing in the pack file aside). When `pack` was
        read from the file `read_from` and that file is byte for byte the one issued, the
        issued pack need not be read at all (the usual case just after an issue)."""
        sources = {
            name: digest for name, digest in record.sources.items() if name != record.pack_file
        }
        if source_hashes(pack, base_dir) != sources:
            return False
        if read_from is not None:
            try:
                if sha256_of(read_from) == record.sources.get(record.pack_file):
                    return True
            except OSError:
                pass
        return self.pack(record.number) == pack

    def _no_version(self, number: int) -> str:
        numbers = self.numbers()
        if not numbers:
            return (
                f"{self.pack_path.name} has no issued versions yet: issue one with "
                f"briefing issue {self.pack_path.name}."
            )
        return (
            f"{self.pack_path.name} has no version {number}: the versions issued are "
            f"{_numbers_text(numbers)}."
        )


def source_hashes(pack: Pack, base_dir: Path) -> dict[str, str]:
    """Fingerprints of the logo and template a pack names, by where a version keeps them."""
    out: dict[str, str] = {}
    for relative in (pack.layout.logo, pack.layout.template):
        if not relative.strip():
            continue
        path = Path(relative) if Path(relative).is_absolute() else Path(base_dir) / relative
        try:
            out[kept_path(relative)] = sha256_of(path)
        except OSError:
            out[kept_path(relative)] = "missing"
    return out


def _numbers_text(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return str(numbers[0])
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]} to {numbers[-1]}"
    return ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"
