"""A record of withheld items lying among the files for publication.

Briefing writes each version's record of what it withheld into a folder of its own ("Withheld
items - NOT FOR PUBLICATION"), because the record names the exempt items and why they were
withheld. A record beside the pack's files (left by an earlier version of Briefing, or moved
there by hand) is easy to publish with them by mistake, so `briefing check` says where it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing.checks.finding import Location
from briefing.checks.rule import CheckContext, Rule
from briefing.compose.record import RECORD_FOLDER, RECORD_SUFFIX

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.checks.finding import Finding

_SHOWN = 3


def _records_beside(context: CheckContext) -> Iterator[Finding]:
    if context.pack_path is None:
        return
    folder = Path(context.base_dir)
    try:
        found = sorted(
            path.name
            for path in folder.iterdir()
            if path.name.endswith(RECORD_SUFFIX) and path.is_file()
        )
    except OSError:
        return
    if not found:
        return
    named = ", ".join(f"“{name}”" for name in found[:_SHOWN])
    more = f" and {len(found) - _SHOWN} more" if len(found) > _SHOWN else ""
    yield RECORD_BESIDE.finding(
        f"{named}{more} in {folder} name{'s' if len(found) == 1 else ''} the items withheld "
        f"from a version, and sit{'s' if len(found) == 1 else ''} beside the files built for "
        "publication, where they are easily published by mistake: move "
        f"{'it' if len(found) == 1 else 'them'} into the folder “{RECORD_FOLDER}” (new builds "
        "put the record there).",
        Location(context.pack_path),
    )


RECORD_BESIDE = Rule(
    "withheld-record-beside",
    "warning",
    "A record of withheld items (it names what was withheld) sits beside the "
    "pack's built files instead of in its own not-for-publication folder.",
    "pack",
    _records_beside,
)

RULES: tuple[Rule, ...] = (RECORD_BESIDE,)
