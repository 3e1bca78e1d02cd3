"""Whole user actions on the pack (add articles, add a theme's section, remove, move).

Each action is one undo step: a macro of the small commands in `commands.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex

from briefing.gui.commands import (
    AddMetadata,
    InsertItems,
    InsertSection,
    MoveItems,
    MoveSections,
    RemoveItems,
    RemoveSections,
)
from briefing.model import Article, Item, Section, Theme
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from briefing.gui.pack_model import PackModel


def add_articles(
    model: PackModel,
    entries: list[tuple[str, Article]],
    section: int = -1,
    row: int = -1,
    themes: dict[str, Theme] | None = None,
    new_section_title: str = "Articles",
) -> int:
    """Add an item per article to `section` (the last one when -1) at `row` (the end when -1).

    Articles already in the pack are skipped; returns how many items were added.
    """
    present = {item.article for item in model.pack.items()}
    fresh = [(key, art) for key, art in entries if key not in present]
    if not fresh:
        return 0
    stack = model.undo_stack
    stack.beginMacro(f"Add {plural(len(fresh), 'article')}")
    stack.push(AddMetadata(model, dict(fresh), themes or {}))
    if not model.pack.sections:
        stack.push(InsertSection(model, 0, Section(title=new_section_title), "Add section"))
        section = 0
    if section < 0 or section >= len(model.pack.sections):
        section = len(model.pack.sections) - 1
    size = len(model.pack.sections[section].items)
    at = size if row < 0 or row > size else row
    items = [Item(article=key) for key, _ in fresh]
    stack.push(InsertItems(model, section, at, items, "Add items"))
    stack.endMacro()
    return len(items)


def add_section(
    model: PackModel,
    title: str,
    theme: str = "",
    row: int = -1,
    entries: list[tuple[str, Article]] | None = None,
    themes: dict[str, Theme] | None = None,
) -> int:
    """Add a section (optionally linked to a theme, optionally with items); returns its row."""
    at = len(model.pack.sections) if row < 0 else row
    present = {item.article for item in model.pack.items()}
    fresh = [(key, art) for key, art in (entries or []) if key not in present]
    stack = model.undo_stack
    stack.beginMacro(f"Add section \u201c{title}\u201d")
    if fresh or themes:
        stack.push(AddMetadata(model, dict(fresh), themes or {}))
    section = Section(title=title, theme=theme, items=[Item(article=k) for k, _ in fresh])
    stack.push(InsertSection(model, at, section, "Add section"))
    stack.endMacro()
    return at


def remove(model: PackModel, indexes: list[QModelIndex]) -> str:
    """Remove the selected sections (with their items) or items; returns a status message."""
    sections = sorted({i.row() for i in indexes if i.isValid() and not model.is_item(i)})
    items = sorted(
        {
            (model.section_of(i), i.row())
            for i in indexes
            if model.is_item(i) and model.section_of(i) not in sections
        }
    )
    if not sections and not items:
        return ""
    stack = model.undo_stack
    stack.beginMacro("Remove")
    if items:
        stack.push(RemoveItems(model, items, "Remove items"))
    if sections:
        stack.push(RemoveSections(model, sections, "Remove sections"))
    stack.endMacro()
    parts = []
    if sections:
        parts.append(plural(len(sections), "section"))
    if items:
        parts.append(plural(len(items), "item"))
    return f"Removed {' and '.join(parts)}. Ctrl+Z puts it back."


def move(model: PackModel, index: QModelIndex, step: int) -> QModelIndex:
    """Move a section or item up (-1) or down (+1); items cross into the next section.

    Returns the index of the moved row (invalid when it could not move).
    """
    if not index.isValid():
        return QModelIndex()
    if not model.is_item(index):
        row = index.row()
        dest = row + step
        if dest < 0 or dest >= len(model.pack.sections):
            return QModelIndex()
        # MoveSections lands before the row given, so moving down skips one more.
        model.undo_stack.push(
            MoveSections(model, [row], dest + (1 if step > 0 else 0), "Move section")
        )
        return model.index_of_section(dest)
    s, r = model.section_of(index), index.row()
    count = len(model.pack.sections[s].items)
    if step < 0 and r > 0:
        target = (s, r - 1)
    elif step > 0 and r < count - 1:
        target = (s, r + 2)
    elif step < 0 and s > 0:  # top of a section: to the end of the one above
        target = (s - 1, len(model.pack.sections[s - 1].items))
    elif step > 0 and s < len(model.pack.sections) - 1:  # bottom: to the top of the next
        target = (s + 1, 0)
    else:
        return QModelIndex()
    command = MoveItems(model, [(s, r)], target[0], target[1], "Move item")
    model.undo_stack.push(command)
    ns, nr = command.new_positions()[0]
    return model.index_of_item(ns, nr)
