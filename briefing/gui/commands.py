"""Undoable edits of the pack: every change the app makes to a Pack goes through one of these.

Commands hold references to the pack's own objects (an Item, a Section, the Layout) rather
than copies, so undo restores exactly what was there. Structural commands call the
PackModel's primitives so the tree view hears about each change.
"""

from __future__ import annotations

import copy
import time
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from briefing.model import Article, Item, Pack, Section, Theme


class PackModel(Protocol):
    """What the commands need of the pack's tree model (briefing.gui.pack_model.PackModel): the
    pack, and the primitives that change it so the tree view hears about each change. Named
    here so the model, which makes these commands, and the commands import in one direction."""

    pack: Pack

    @property
    def moved(self) -> SignalInstance: ...
    def set_value(self, target: Any, attr: str, value: Any) -> None: ...
    def insert_items(self, section: int, row: int, items: list[Item]) -> None: ...
    def remove_items(self, section: int, row: int, count: int) -> list[Item]: ...
    def insert_sections(self, row: int, sections: list[Section]) -> None: ...
    def remove_sections(self, row: int, count: int) -> list[Section]: ...
    def touch(self) -> None: ...


SET_ATTR_ID = 1001
MERGE_WINDOW_S = 2.0  # a pause longer than this starts a new undo step while typing


class SetAttr(QUndoCommand):
    """Set one attribute of a pack object (pack, section, item, layout, contact, event …).

    With `merge=True`, consecutive edits of the same attribute made without a pause are
    merged, so undo removes a burst of typing rather than one keystroke.
    """

    def __init__(
        self, model: PackModel, target: Any, attr: str, value: Any, text: str, merge: bool = False
    ) -> None:
        super().__init__(text)
        self.model = model
        self.target = target
        self.attr = attr
        self.old = copy.deepcopy(getattr(target, attr))
        self.new = copy.deepcopy(value)
        self.merge = merge
        self.stamp = time.monotonic()

    def id(self) -> int:
        return SET_ATTR_ID

    def redo(self) -> None:
        self.model.set_value(self.target, self.attr, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.model.set_value(self.target, self.attr, copy.deepcopy(self.old))

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetAttr) and self.merge and other.merge):
            return False
        if other.target is not self.target or other.attr != self.attr:
            return False
        if other.stamp - self.stamp > MERGE_WINDOW_S:
            return False
        self.new = other.new
        self.stamp = other.stamp
        return True


def _take_items(model: PackModel, positions: list[tuple[int, int]]) -> list[Item]:
    """Remove the items at sorted (section, row) positions; returns them in that order."""
    items = [model.pack.sections[s].items[r] for s, r in positions]
    for s, r in reversed(positions):
        model.remove_items(s, r, 1)
    return items


def _put_items_back(model: PackModel, positions: list[tuple[int, int]], items: list[Item]) -> None:
    for (s, r), item in zip(positions, items, strict=True):
        model.insert_items(s, r, [item])


class InsertItems(QUndoCommand):
    def __init__(
        self, model: PackModel, section: int, row: int, items: list[Item], text: str
    ) -> None:
        super().__init__(text)
        self.model, self.section, self.row, self.items = model, section, row, items

    def redo(self) -> None:
        self.model.insert_items(self.section, self.row, self.items)

    def undo(self) -> None:
        self.model.remove_items(self.section, self.row, len(self.items))


class RemoveItems(QUndoCommand):
    """Remove items given as (section, row) positions."""

    def __init__(self, model: PackModel, positions: list[tuple[int, int]], text: str) -> None:
        super().__init__(text)
        self.model = model
        self.positions = sorted(set(positions))
        self.items: list[Item] = []

    def redo(self) -> None:
        self.items = _take_items(self.model, self.positions)

    def undo(self) -> None:
        _put_items_back(self.model, self.positions, self.items)


class MoveItems(QUndoCommand):
    """Move items (in printed order) to section `dest`, before the item now at `row`."""

    def __init__(
        self, model: PackModel, positions: list[tuple[int, int]], dest: int, row: int, text: str
    ) -> None:
        super().__init__(text)
        self.model = model
        self.positions = sorted(set(positions))
        self.dest = dest
        # Rows above the landing point that leave the destination shift it up.
        self.row = row - sum(1 for s, r in self.positions if s == dest and r < row)
        self.items: list[Item] = []

    def redo(self) -> None:
        self.items = _take_items(self.model, self.positions)
        self.model.insert_items(self.dest, self.row, self.items)
        self.model.moved.emit(list(self.items))

    def undo(self) -> None:
        self.model.remove_items(self.dest, self.row, len(self.items))
        _put_items_back(self.model, self.positions, self.items)
        self.model.moved.emit(list(self.items))

    def new_positions(self) -> list[tuple[int, int]]:
        return [(self.dest, self.row + k) for k in range(len(self.positions))]


class InsertSection(QUndoCommand):
    def __init__(self, model: PackModel, row: int, section: Section, text: str) -> None:
        super().__init__(text)
        self.model, self.row, self.section = model, row, section

    def redo(self) -> None:
        self.model.insert_sections(self.row, [self.section])

    def undo(self) -> None:
        self.model.remove_sections(self.row, 1)


class RemoveSections(QUndoCommand):
    def __init__(self, model: PackModel, rows: list[int], text: str) -> None:
        super().__init__(text)
        self.model = model
        self.rows = sorted(set(rows))
        self.sections: list[Section] = []

    def redo(self) -> None:
        self.sections = [self.model.pack.sections[r] for r in self.rows]
        for r in reversed(self.rows):
            self.model.remove_sections(r, 1)

    def undo(self) -> None:
        for r, section in zip(self.rows, self.sections, strict=True):
            self.model.insert_sections(r, [section])


class MoveSections(QUndoCommand):
    """Move sections to land before the section now at `row`."""

    def __init__(self, model: PackModel, rows: list[int], row: int, text: str) -> None:
        super().__init__(text)
        self.model = model
        self.rows = sorted(set(rows))
        self.row = row - sum(1 for r in self.rows if r < row)
        self.sections: list[Section] = []

    def redo(self) -> None:
        self.sections = [self.model.pack.sections[r] for r in self.rows]
        for r in reversed(self.rows):
            self.model.remove_sections(r, 1)
        self.model.insert_sections(self.row, self.sections)
        self.model.moved.emit(list(self.sections))

    def undo(self) -> None:
        self.model.remove_sections(self.row, len(self.sections))
        for r, section in zip(self.rows, self.sections, strict=True):
            self.model.insert_sections(r, [section])
        self.model.moved.emit(list(self.sections))


class AddMetadata(QUndoCommand):
    """Add articles and themes to the pack's tables (existing keys are left alone)."""

    def __init__(
        self,
        model: PackModel,
        articles: dict[str, Article],
        themes: dict[str, Theme],
        text: str = "Add article details",
    ) -> None:
        super().__init__(text)
        self.model = model
        self.articles = {k: v for k, v in articles.items() if k not in model.pack.articles}
        self.themes = {k: v for k, v in themes.items() if k not in model.pack.themes}

    def redo(self) -> None:
        self.model.pack.articles.update(self.articles)
        self.model.pack.themes.update(self.themes)
        self.model.touch()

    def undo(self) -> None:
        for key in self.articles:
            self.model.pack.articles.pop(key, None)
        for key in self.themes:
            self.model.pack.themes.pop(key, None)
        self.model.touch()


class ReplacePack(QUndoCommand):
    """Swap every cover field at once (used when a whole settings block is reset)."""

    def __init__(self, model: PackModel, values: dict[str, Any], text: str) -> None:
        super().__init__(text)
        self.model = model
        self.new = copy.deepcopy(values)
        self.old = {k: copy.deepcopy(getattr(model.pack, k)) for k in values}

    def redo(self) -> None:
        for key, value in self.new.items():
            self.model.set_value(self.model.pack, key, copy.deepcopy(value))

    def undo(self) -> None:
        for key, value in self.old.items():
            self.model.set_value(self.model.pack, key, copy.deepcopy(value))
