"""Walks the accessibility tree Qt gives screen readers (QAccessible: AT-SPI on Linux, UI
Automation on Windows) and lists what each node says: role, name, value, state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

if TYPE_CHECKING:
    import pytest

# Roles a user can act on: each needs a name that says what it does.
INTERACTIVE = {
    QAccessible.Role.PushButton,
    QAccessible.Role.CheckBox,
    QAccessible.Role.RadioButton,
    QAccessible.Role.ComboBox,
    QAccessible.Role.EditableText,
    QAccessible.Role.SpinBox,
    QAccessible.Role.Slider,
    QAccessible.Role.ButtonMenu,
    QAccessible.Role.ButtonDropDown,
    QAccessible.Role.Table,
    QAccessible.Role.Tree,
    QAccessible.Role.List,
    QAccessible.Role.PageTab,
    QAccessible.Role.MenuItem,
    QAccessible.Role.Link,
}


@dataclass(frozen=True)
class Node:
    role: QAccessible.Role
    name: str
    value: str
    description: str
    depth: int
    widget: str  # the class and object name of the widget, when there is one
    invisible: bool
    shown: str = ""  # the text a sighted user sees on a button or label

    def line(self) -> str:
        role = str(self.role).rsplit(".", 1)[-1]
        parts = [f"{'  ' * self.depth}{role}: {self.name!r}"]
        if self.value:
            parts.append(f"value={self.value!r}")
        if self.description:
            parts.append(f"description={self.description!r}")
        parts.append(f"[{self.widget}]")
        return " ".join(parts)


def walk(widget: QWidget, skip_items: bool = True) -> list[Node]:
    """Every visible node under the widget (rows of long tables and lists are skipped unless
    asked for: their names come from the data)."""
    root = QAccessible.queryAccessibleInterface(widget)
    out: list[Node] = []
    if root is not None:
        _visit(root, 0, out, skip_items, set())
    return out


def _visit(
    node: QAccessibleInterface, depth: int, out: list[Node], skip_items: bool, seen: set[int]
) -> None:
    if not node.isValid():
        return
    state = node.state()
    obj = node.object()
    key = id(obj) if obj is not None else None
    if key is not None and isinstance(obj, QWidget):
        if key in seen:
            return
        seen.add(key)
    widget = f"{type(obj).__name__}:{obj.objectName()}" if obj is not None else ""
    shown = obj.text() if isinstance(obj, (QAbstractButton, QLabel)) else ""
    out.append(
        Node(
            node.role(),
            node.text(QAccessible.Text.Name) or "",
            node.text(QAccessible.Text.Value) or "",
            node.text(QAccessible.Text.Description) or "",
            depth,
            widget,
            bool(state.invisible),
            shown,
        )
    )
    if skip_items and node.role() in (
        QAccessible.Role.Table,
        QAccessible.Role.Tree,
        QAccessible.Role.List,
    ):
        return
    for index in range(min(node.childCount(), 400)):
        child = node.child(index)
        if child is not None:
            _visit(child, depth + 1, out, skip_items, seen)


def problems(nodes: list[Node]) -> list[str]:
    """Interactive controls with no name, names holding a tab (a shortcut glued on), and names
    that do not contain the text the control shows (WCAG 2.5.3, label in name)."""
    found = []
    for node in nodes:
        if node.invisible:
            continue
        if node.role in INTERACTIVE and not node.name.strip():
            found.append(f"no name: {node.line().strip()}")
        if "\t" in node.name:
            found.append(f"tab in name: {node.line().strip()}")
        shown = node.shown.replace("&", "").rstrip("…. ").strip().lower()
        if (
            node.role in INTERACTIVE
            and shown
            and not shown.startswith("<")
            and shown not in node.name.lower()
        ):
            found.append(f"name differs from the visible {shown!r}: {node.line().strip()}")
    return found


def hear(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What screen readers are told to announce, as if one were listening."""
    heard: list[str] = []

    def update(event: Any) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append(event.message())

    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(update))
    return heard
