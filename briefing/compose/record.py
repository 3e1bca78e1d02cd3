"""The record of what a version left out: a short text file kept in a folder of its own beside
the built files.

A council keeps it to answer Freedom of Information requests and challenges: which sections and
items a version withheld, under which rule, the stated reason, and when the files were built.
It names the withheld items, so it is for the council's own files, never for publication: its
name says so, and it goes into a subfolder ("Withheld items - NOT FOR PUBLICATION") so that
publishing the folder of public files never publishes it by mistake.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.uk.dates import uk_date, uk_time
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from briefing.compose.audience import Version


RECORD_FOLDER = "Withheld items - NOT FOR PUBLICATION"
RECORD_SUFFIX = " - withheld items.txt"  # the end of every record's name, old and new


def record_name(stem: str) -> str:
    """ "Withheld items - NOT FOR PUBLICATION/Title (public) - NOT FOR PUBLICATION - withheld
    items.txt" for the files named "Title (public).…": a path relative to their folder."""
    return f"{RECORD_FOLDER}/{stem} - NOT FOR PUBLICATION{RECORD_SUFFIX}"


def withheld_record(
    version: Version, title: str, pack_name: str, files: Sequence[str], when: datetime
) -> str:
    entries = version.withheld
    lines = [
        "Record of items withheld from a version of a briefing",
        "FOR THE COUNCIL'S FILES - NOT FOR PUBLICATION (it names what was withheld)",
        "",
        f"Briefing: {title}",
        f"Pack file: {pack_name}",
        f"Version: {version.name} ({_describe(version)})",
        f"Built: {uk_date(when)} at {uk_time(when)} UTC",
        f"Schedule: {version.schedule.name}",
        "Files: " + "; ".join(files),
        "",
    ]
    if not entries:
        lines.append("Nothing was withheld from this version.")
    else:
        count = sum(entry.items for entry in entries)
        lines.append(f"Withheld: {plural(count, 'item')}")
    for n, entry in enumerate(entries, 1):
        what = f'section "{entry.title}"' if entry.item is None else f'"{entry.title}"'
        if entry.article:
            what += f" (article {entry.article})"
        if entry.item is None:
            what += f", with its {plural(entry.items, 'item')}"
        lines += ["", f"{n}. {entry.place[0].upper()}{entry.place[1:]}: {what}"]
        if entry.paragraph is not None:
            meaning = version.schedule.meaning(entry.paragraph)
            lines.append(
                f"   Rule: exempt information, paragraph {entry.paragraph} of "
                f"{version.schedule.name}" + (f" ({meaning})" if meaning else "")
            )
            lines.append(f"   Reason: {entry.reason or 'none given'}")
        else:
            lines.append(f"   Rule: the item is {entry.reason}, not {version.name}")
    return "\n".join(lines) + "\n"


def _describe(version: Version) -> str:
    parts = ["exempt items withheld" if version.withholds_exempt else "exempt items included"]
    if version.form == "summary":
        parts.append("one line per item")
    return ", ".join(parts)
