"""One issued version's record, `version.yaml`: when, by whom and why it was issued, and the
fingerprints (SHA-256) of every file it was made from and every file built from it.

The record is plain YAML a person can read; it is written once, when the version is issued,
and never changed after.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import yaml

from briefing.errors import BriefingError
from briefing.limits.yaml_depth import depth_message, safe_data, too_deep

if TYPE_CHECKING:
    from pathlib import Path

RECORD_NAME = "version.yaml"


@dataclass(frozen=True)
class Built:
    """How the issued files were built, so the same files can be built again."""

    formats: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()  # audience names ("members" is the full version)
    pdf_engine: str = ""
    files: dict[str, str] = field(default_factory=dict)  # file name → SHA-256
    changes_since: int | None = None  # the files include a "Changes since version N" page


@dataclass(frozen=True)
class VersionRecord:
    number: int
    issued: datetime  # timezone-aware, in the issuing officer's own time (its date is printed)
    officer: str
    note: str
    pack_file: str  # the pack's file name, as kept in the version's folder
    sources: dict[str, str]  # path inside the version's folder → SHA-256 (pack, logo, template)
    built: Built
    software: str  # the Briefing release that issued it

    def to_yaml(self, pack_name: str) -> str:
        data: dict[str, Any] = {
            "version": self.number,
            "issued": self.issued.isoformat(timespec="seconds"),
            "officer": self.officer,
            "note": self.note,
            "pack": self.pack_file,
            "sha256": dict(self.sources),
            "built": {
                "formats": list(self.built.formats),
                "audiences": list(self.built.audiences),
                "pdf_engine": self.built.pdf_engine,
                **({"changes_since": self.built.changes_since} if self.built.changes_since else {}),
                "sha256": dict(self.built.files),
            },
            "briefing": self.software,
        }
        head = (
            f"# Version {self.number} of {pack_name}, as issued. Briefing wrote this record "
            "when the version was issued;\n# the files beside it are the pack and the "
            "pictures and template it used, exactly as they were.\n"
        )
        return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def read_record(path: Path) -> VersionRecord:
    """The record in `path`; a BriefingError naming the file (and line) when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text"
        raise BriefingError(
            f"{path}: cannot be read ({reason or exc}). Restore this version's "
            "folder from a backup, or leave it out of the history."
        ) from exc
    if (deep := too_deep(text)) is not None:
        raise BriefingError(f"{path}:{deep[0]}:{deep[1]}: {depth_message()}")
    try:
        data = safe_data(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        raise BriefingError(
            f"{path}{where}: this version record is not valid YAML: "
            f"{getattr(exc, 'problem', None) or exc}."
        ) from exc
    try:
        return _from_data(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise BriefingError(
            f"{path}: this version record is incomplete or damaged "
            f"({exc}). Restore it from a backup."
        ) from exc


def _from_data(data: object) -> VersionRecord:
    if not isinstance(data, dict):
        raise TypeError("it is not a set of keys")
    issued = data["issued"]
    if isinstance(issued, str):
        issued = datetime.fromisoformat(issued.replace("Z", "+00:00"))
    if not isinstance(issued, datetime):
        raise ValueError("'issued' is not a date and time")
    if issued.tzinfo is None:
        issued = issued.replace(tzinfo=UTC)
    built = data.get("built") or {}
    number = data["version"]
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise ValueError("'version' is not a whole number from 1")
    return VersionRecord(
        number=number,
        issued=issued,
        officer=str(data.get("officer") or ""),
        note=str(data.get("note") or ""),
        pack_file=str(data["pack"]),
        sources={str(k): str(v) for k, v in (data.get("sha256") or {}).items()},
        built=Built(
            formats=tuple(str(f) for f in built.get("formats") or ()),
            audiences=tuple(str(a) for a in built.get("audiences") or ()),
            pdf_engine=str(built.get("pdf_engine") or ""),
            files={str(k): str(v) for k, v in (built.get("sha256") or {}).items()},
            changes_since=_number(built.get("changes_since")),
        ),
        software=str(data.get("briefing") or ""),
    )


def _number(value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"{value!r} is not a version number")
    return value
