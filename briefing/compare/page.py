"""The "Changes since version N" page: what changed, as document-model blocks, so every writer
prints it (tagged, in the contents, read in order) like the rest of the briefing.

Changes are said in words, never by colour or marks alone: "Summary: “£35m” became “£38m”".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.compare.diff import ADDED, CHANGED, MOVED, REMOVED
from briefing.compare.report import (
    field_line,
    item_sentence,
    section_sentence,
    tally,
    withdrawn_sentence,
)
from briefing.document.model import Block, BulletList, Heading, Paragraph, Run

if TYPE_CHECKING:
    from briefing.compare.diff import Changes, FieldChange, ItemChange

CHANGES_ANCHOR = "changes"


def changes_title(since: int) -> str:
    return f"Changes since version {since}"


def changes_blocks(changes: Changes, since: int, issued: str) -> list[Block]:
    """The page: a heading, one sentence of counts, then the briefing's own changes, the
    sections', and the items' (new, changed, moved, removed), each under its own heading."""
    opening = f"Version {since} was issued on {issued}. " if issued else ""
    counts = tally(changes)
    blocks: list[Block] = [
        Heading(1, changes_title(since), anchor=CHANGES_ANCHOR),
        Paragraph([Run(opening + counts)]),
    ]
    if changes.empty:
        blocks.append(Paragraph([Run("Nothing else has changed.")]))
        return blocks
    if changes.front:
        blocks += [_subheading("The briefing as a whole"), _fields(changes.front)]
    if changes.sections:
        blocks += [
            _subheading("Sections"),
            BulletList([[Run(section_sentence(s))] for s in changes.sections]),
        ]
        for section in changes.sections:
            if section.fields:
                blocks.append(_fields(section.fields))
    groups = (
        (ADDED, "New items"),
        (CHANGED, "Changed items"),
        (MOVED, "Moved items"),
        (REMOVED, "Removed items"),
    )
    for kind, title in groups:
        chosen = [c for c in changes.items if c.kind == kind]
        if not chosen and not (kind == REMOVED and changes.withdrawn):
            continue
        blocks.append(_subheading(title))
        if kind in (CHANGED, MOVED):
            for change in chosen:
                blocks += _item_with_fields(change)
        else:
            lines = [[Run(item_sentence(c))] for c in chosen]
            if kind == REMOVED and changes.withdrawn:
                lines.append([Run(withdrawn_sentence(changes))])
            blocks.append(BulletList(lines))
    return blocks


def _subheading(text: str) -> Heading:
    return Heading(2, text, in_contents=False)


def _fields(fields: tuple[FieldChange, ...] | list[FieldChange]) -> BulletList:
    return BulletList([[Run(field_line(f, "became"))] for f in fields])


def _item_with_fields(change: ItemChange) -> list[Block]:
    out: list[Block] = [Paragraph([Run(item_sentence(change))])]
    if change.fields:
        out.append(_fields(change.fields))
    return out
