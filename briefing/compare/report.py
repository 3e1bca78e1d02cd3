"""Changes as a reader sees them: plain text for the terminal and a JSON form for scripts.

The same sentences serve the text report and the "Changes since version N" page
(`compare.page`), so a change is worded once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.compare.diff import ADDED, CHANGED, MOVED, REMOVED
from briefing.uk.wording import and_list, plural

if TYPE_CHECKING:
    from briefing.compare.diff import Changes, FieldChange, ItemChange, Place, SectionChange


def quoted(text: str) -> str:
    return f"“{text}”"


def tally(changes: Changes) -> str:
    """ "Items: 2 added, 1 removed, 1 moved and 3 changed." (only the parts that are not zero)."""
    parts = [
        f"{changes.count(kind):,} {kind}"
        for kind in (ADDED, REMOVED, MOVED, CHANGED)
        if changes.count(kind)
    ]
    return (
        f"Items: {and_list(parts)}." if parts else "No item was added, removed, moved or changed."
    )


def section_sentence(change: SectionChange) -> str:
    if change.kind == ADDED:
        return f"New section {quoted(change.title)} (section {change.new})."
    if change.kind == REMOVED:
        return f"Section {quoted(change.title)} removed (it was section {change.old})."
    if change.kind == MOVED:
        return f"Section {quoted(change.title)} moved from section {change.old} to {change.new}."
    return f"Section {quoted(change.title)} (section {change.new}) changed."


def item_sentence(change: ItemChange) -> str:
    title = quoted(change.title)
    if change.kind == ADDED and change.new is not None:
        return f"New item {title} in {quoted(change.new.section_title)} (item {change.new})."
    if change.kind == REMOVED:
        return f"Item {title} removed (it was item {change.old})."
    if change.kind == MOVED and change.old is not None and change.new is not None:
        where = (
            f", in {quoted(change.new.section_title)}"
            if change.old.section_title != change.new.section_title
            else ""
        )
        return f"Item {title} moved from item {change.old} to item {change.new}{where}."
    return f"Item {title} (item {change.new}) changed."


def field_line(change: FieldChange, became: str = "→") -> str:
    """ "Summary: “£35m” → “£38m”" ("became" for a page read aloud); a point added or removed
    whole is quoted whole."""
    if not change.old:
        return f"{change.label} added: {quoted(change.new)}"
    if not change.new:
        return f"{change.label} removed: {quoted(change.old)}"
    return f"{change.label}: " + "; ".join(edit.said(became) for edit in change.edits())


def withdrawn_sentence(changes: Changes) -> str:
    n = changes.withdrawn
    if not n:
        return ""
    return (
        f"{plural(n, 'item')} in the earlier version {'is' if n == 1 else 'are'} "
        "not in this version."
    )


def as_text(changes: Changes, heading: str) -> str:
    lines = [heading, tally(changes)]
    if changes.empty:
        lines.append("Nothing else changed.")
        return "\n".join(lines) + "\n"
    if changes.front:
        lines += ["", "The briefing as a whole"]
        lines += [f"  {field_line(f)}" for f in changes.front]
    if changes.sections:
        lines += ["", "Sections"]
        for section in changes.sections:
            lines.append(f"  {_sign(section.kind)} {section_sentence(section)}")
            lines += [f"      {field_line(f)}" for f in section.fields]
    if changes.items or changes.withdrawn:
        lines += ["", "Items"]
        for item in changes.items:
            lines.append(f"  {_sign(item.kind)} {item_sentence(item)}")
            lines += [f"      {field_line(f)}" for f in item.fields]
        if changes.withdrawn:
            lines.append(f"  - {withdrawn_sentence(changes)}")
    return "\n".join(lines) + "\n"


def _sign(kind: str) -> str:
    """A mark for scanning the list (the sentence after it says the same in words)."""
    return {ADDED: "+", REMOVED: "-", MOVED: ">", CHANGED: "~"}[kind]


def as_data(changes: Changes) -> dict[str, Any]:
    """The changes as plain data (`briefing compare --json`)."""

    def place(p: Place | None) -> dict[str, Any] | None:
        if p is None:
            return None
        out: dict[str, Any] = {"section": p.section, "section_title": p.section_title}
        if p.item:
            out["item"] = p.item
        return out

    def fields(items: tuple[FieldChange, ...] | list[FieldChange]) -> list[dict[str, Any]]:
        return [
            {
                "field": f.label,
                "old": f.old,
                "new": f.new,
                "edits": [{"old": e.old, "new": e.new} for e in f.edits()],
            }
            for f in items
        ]

    return {
        "audience": changes.audience,
        "counts": {kind: changes.count(kind) for kind in (ADDED, REMOVED, MOVED, CHANGED)}
        | {"withdrawn": changes.withdrawn},
        "briefing": fields(changes.front),
        "sections": [
            {
                "change": s.kind,
                "title": s.title,
                "from": place(s.old),
                "to": place(s.new),
                "fields": fields(s.fields),
            }
            for s in changes.sections
        ],
        "items": [
            {
                "change": i.kind,
                "article": i.article,
                "title": i.title,
                "from": place(i.old),
                "to": place(i.new),
                "fields": fields(i.fields),
            }
            for i in changes.items
        ],
    }
