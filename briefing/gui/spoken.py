"""What a screen reader hears: labels whose spoken name is the text they show, announcements of
results, and names for the buttons Qt builds without one (dock Close/Float, a line edit's clear
button).

Qt reads a label's accessible name in place of its text when one is set, so a status label with
a fixed name ("Word count") hides the count itself; these labels keep their text as the name and
say what they are in the description instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QLabel, QLineEdit, QToolButton, QWidget


def describe_label(label: QLabel, role: str) -> QLabel:
    """Screen readers speak the label's visible text as its name and `role` as what it is."""
    label.setAccessibleName("")
    label.setAccessibleDescription(role)
    return label


def announce(widget: QWidget, message: str) -> None:
    """Ask screen readers to say `message` now (an export finished, an import failed)."""
    if not message:
        return
    # Here, not at the top: PySide makes QAccessible (with its long lists of roles and events)
    # when first named, which the first window need not wait for.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))


def name_dock_buttons(dock: QDockWidget) -> None:
    """'Close Library pane' and 'Undock Library pane' instead of three docks' 'Close' and
    'Float'."""
    title = dock.windowTitle().replace("&", "")
    # The dock's own buttons only, not every button in the pane it holds (each found widget
    # is a Python object PySide must make).
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    for button in dock.findChildren(QAbstractButton, options=direct):
        if button.objectName() == "qt_dockwidget_closebutton":
            button.setAccessibleName(f"Close {title} pane")
            button.setToolTip(f"Close the {title} pane (View menu brings it back)")
        elif button.objectName() == "qt_dockwidget_floatbutton":
            button.setAccessibleName(f"Undock {title} pane")
            button.setToolTip(f"Undock the {title} pane into its own window")


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """The little clear button Qt puts in a line edit: give it a name and a tooltip."""
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)
        button.setToolTip(name)


def name_toolbar_extension(toolbar: QWidget) -> None:
    """The » button a toolbar shows when it is too narrow for all its buttons."""
    for button in toolbar.findChildren(QToolButton, "qt_toolbar_ext_button"):
        button.setAccessibleName("More toolbar buttons")
        button.setToolTip("More toolbar buttons")
