"""Menus, toolbar, shortcuts and Help texts for the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QToolBar,
    QToolButton,
    QWidget,
)

from briefing import __version__
from briefing.gui.icons import follow_palette, standard_icon, undo_icon
from briefing.gui.modal import run_once
from briefing.gui.spoken import name_toolbar_extension

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from PySide6.QtCore import SignalInstance

    from briefing.gui.settings import Settings

GETTING_STARTED = """<h3>Getting started</h3>
<ol>
<li><b>Collect.</b> Library \u25b8 Import files\u2026 (or drag files onto the library, or
Library \u25b8 Paste text\u2026). Check how each file was split, then save the articles.</li>
<li><b>Build.</b> Select articles and choose <b>Add to pack</b>, drag them into the pack, or add
a whole theme as a section. Drag to rearrange; Alt+Up/Down does the same from the keyboard.</li>
<li><b>Write.</b> Select an item to write its summary and its implications for UK local
government. <i>Draft summary</i> and <i>Suggest implications</i> offer text to accept or
edit.</li>
<li><b>Check.</b> The preview on the right shows the real PDF (F5 refreshes it); the Checks
panel lists what is missing.</li>
<li><b>Export.</b> File \u25b8 Export\u2026 writes Word and/or PDF files.</li>
</ol>
<p>Every change can be undone (Ctrl+Z). Unsaved work is kept safe automatically and offered back
if the app closes unexpectedly.</p>"""


def _action(
    window: QWidget,
    text: str,
    slot: Callable[[], object],
    tip: str,
    shortcut: QKeySequence | str | QKeySequence.StandardKey | None = None,
    icon: QStyle.StandardPixmap | None = None,
) -> QAction:
    text, _tab, handled_by_tree = text.partition("\t")
    action = QAction(text, window)
    keys = QKeySequence(shortcut) if shortcut is not None else None
    if keys is None and handled_by_tree:
        # Keys the pack tree handles itself: shown beside the menu item (not glued to its
        # spoken name), and live only while the menu itself has focus, so they never clash.
        keys = QKeySequence(handled_by_tree)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    if keys is not None and not keys.isEmpty():
        tip = f"{tip} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    action.setStatusTip(tip)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        follow_palette(window, lambda: action.setIcon(standard_icon(window, icon)))
    action.triggered.connect(lambda _checked=False: slot())
    return action


class PaneToggles(NamedTuple):
    """What View ▸ switches: the panes' docks, the article text beside the item editor, and
    Checks as a tab behind the Preview."""

    docks: Sequence[QDockWidget]
    reference_visible: Callable[[], bool]
    set_reference_visible: Callable[[bool], None]
    reference_toggled: SignalInstance  # the item editor's own button for the article text
    checks_tabbed: Callable[[], bool]
    set_checks_tabbed: Callable[[bool], None]


class MenuHooks(NamedTuple):
    """All the menus and toolbar need of the window: what each action calls, by its name in
    ACTIONS, and the few objects whose own actions they show."""

    slots: Mapping[str, Callable[[], object]]
    undo_stack: QUndoStack
    edit_actions: Mapping[str, QAction]  # Cut, Copy, Paste, Select all: named edit_cut …
    settings: Settings
    panes: PaneToggles


class Menus(NamedTuple):
    """What build_menus made: every action by name, and the File ▸ Open recent menu."""

    actions: dict[str, QAction]
    recent: QMenu


_SP = QStyle.StandardPixmap
_STD = QKeySequence.StandardKey
_Shortcut = QKeySequence | str | QKeySequence.StandardKey | None
# name: (text, tip, shortcut, icon). A tab in the text gives keys the pack tree handles itself.
ACTIONS: dict[str, tuple[str, str, _Shortcut, QStyle.StandardPixmap | None]] = {
    "new": ("&New pack\u2026", "Start a new pack", _STD.New, _SP.SP_FileIcon),
    "open": ("&Open\u2026", "Open a pack file", _STD.Open, _SP.SP_DialogOpenButton),
    "save": ("&Save", "Save the pack", _STD.Save, _SP.SP_DialogSaveButton),
    "save_as": ("Save &as\u2026", "Save the pack under a new name", "Ctrl+Shift+S", None),
    "export": ("&Export\u2026", "Export to Word and/or PDF", "Ctrl+E", _SP.SP_DriveFDIcon),
    "issue": (
        "&Issue version\u2026",
        "Freeze the saved pack as its next version and build its files",
        None,
        _SP.SP_DialogApplyButton,
    ),
    "quit": ("&Quit", "Close the app", "Ctrl+Q", None),
    "find": ("&Find in library", "Search the library", _STD.Find, None),
    "settings": (
        "Pack &settings",
        "Title, date, classification, layout, key messages",
        "Ctrl+Shift+P",
        _SP.SP_FileDialogDetailedView,
    ),
    "new_section": (
        "New s&ection\u2026",
        "Add a section made by hand",
        "Ctrl+Shift+N",
        _SP.SP_FileDialogNewFolder,
    ),
    "add": (
        "&Add selected articles to pack",
        "Add the articles selected in the library",
        "Ctrl+Return",
        _SP.SP_ArrowRight,
    ),
    "remove": ("&Remove\tDelete", "Remove the selected sections or items", None, _SP.SP_TrashIcon),
    "up": ("Move &up\tAlt+Up", "Move the selected item or section up", None, _SP.SP_ArrowUp),
    "down": (
        "Move &down\tAlt+Down",
        "Move the selected item or section down",
        None,
        _SP.SP_ArrowDown,
    ),
    "rename": ("Re&name section\tF2", "Rename the selected section", None, None),
    "exempt": (
        "Mark e&xempt\u2026",
        "Mark the selected section or item as exempt information: "
        "versions such as the public one leave it out",
        None,
        None,
    ),
    "clear_exempt": (
        "C&lear exemption",
        "Print the selected section or item in every version again",
        None,
        None,
    ),
    "import": (
        "&Import files\u2026",
        "Import articles from files (.txt, .md, .docx, .odt, .html, .mhtml, .eml, .pdf)",
        "Ctrl+I",
        _SP.SP_DirOpenIcon,
    ),
    "paste": ("&Paste text\u2026", "Import articles from pasted text", "Ctrl+Shift+V", None),
    "themes": ("&Themes\u2026", "Create, rename, merge, colour and delete themes", None, None),
    "library_folder": (
        "Choose library &folder\u2026",
        "Use another library folder (a shared drive is fine)",
        None,
        None,
    ),
    "refresh": ("&Refresh preview", "Render the preview now", "F5", _SP.SP_BrowserReload),
    "help": ("&Getting started", "How to make a pack", _STD.HelpContents, None),
    "about": ("&About Briefing", "About this app", None, None),
}

MENUS: list[tuple[str, list[str | None]]] = [
    (
        "&File",
        [
            "new",
            "open",
            "RECENT",
            None,
            "save",
            "save_as",
            None,
            "export",
            "issue",
            None,
            "reopen",
            None,
            "quit",
        ],
    ),
    (
        "&Edit",
        [
            "undo",
            "redo",
            None,
            "edit_cut",
            "edit_copy",
            "edit_paste",
            "edit_selectAll",
            None,
            "find",
        ],
    ),
    (
        "&Pack",
        [
            "settings",
            None,
            "new_section",
            "add",
            None,
            "up",
            "down",
            "rename",
            "remove",
            None,
            "exempt",
            "clear_exempt",
        ],
    ),
    ("&Library", ["import", "paste", None, "themes", "library_folder"]),
    ("&View", ["refresh", None, "DOCKS"]),
    ("&Help", ["help", "about"]),
]
TOOLBAR = (
    "new",
    "open",
    "save",
    None,
    "undo",
    "redo",
    None,
    "import",
    "add",
    "new_section",
    "remove",
    None,
    "settings",
    "refresh",
    "export",
    "issue",
)
ICON_ONLY = ("undo", "redo", "remove", "settings", "refresh", "new_section", "issue")


def _undo_actions(window: QMainWindow, stack: QUndoStack) -> tuple[QAction, QAction]:
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcuts([QKeySequence(_STD.Undo)])
    follow_palette(window, lambda: undo.setIcon(undo_icon(window)))
    undo.setToolTip("Undo the last change (Ctrl+Z)")
    undo.setStatusTip("Undo the last change (Ctrl+Z)")
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    follow_palette(window, lambda: redo.setIcon(undo_icon(window, redo=True)))
    redo.setToolTip("Redo the change just undone (Ctrl+Y)")
    redo.setStatusTip("Redo the change just undone (Ctrl+Y)")
    return undo, redo


def build_menus(window: QMainWindow, hooks: MenuHooks) -> Menus:
    """The menu bar and the main toolbar, every action calling its slot in hooks."""
    a = {
        name: _action(window, text, hooks.slots[name], tip, shortcut, icon)
        for name, (text, tip, shortcut, icon) in ACTIONS.items()
    }
    a["reopen"] = _action(
        window,
        "Reopen &last pack on start",
        lambda: None,
        "Open the pack you had open last time when Briefing starts",
    )
    a["reopen"].setCheckable(True)
    a["reopen"].setChecked(hooks.settings.reopen_last())
    a["reopen"].toggled.connect(hooks.settings.set_reopen_last)
    a["undo"], a["redo"] = _undo_actions(window, hooks.undo_stack)
    a.update({f"edit_{name}": act for name, act in hooks.edit_actions.items()})

    recent = QMenu("Open &recent", window)
    recent.setToolTipsVisible(True)
    for title, names in MENUS:
        menu = window.menuBar().addMenu(title)
        for name in names:
            if name is None:
                menu.addSeparator()
            elif name == "RECENT":
                menu.addMenu(recent)
            elif name == "DOCKS":
                a.update(add_pane_actions(window, menu, hooks.panes))
            else:
                menu.addAction(a[name])
    _toolbar(window, a)
    return Menus(a, recent)


def _toolbar(window: QMainWindow, a: dict[str, QAction]) -> None:
    tools = QToolBar("Main toolbar", window)
    tools.setObjectName("main-toolbar")
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name in TOOLBAR:
        if name is None:
            tools.addSeparator()
        else:
            tools.addAction(a[name])
            button = tools.widgetForAction(a[name])
            if button is not None:
                button.setAccessibleName(a[name].text().replace("&", ""))
    for name in ICON_ONLY:
        button = tools.widgetForAction(a[name])
        if isinstance(button, QToolButton):  # keep the toolbar short: icon only for these
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    window.addToolBar(tools)
    name_toolbar_extension(tools)


def add_pane_actions(window: QWidget, menu: QMenu, panes: PaneToggles) -> dict[str, QAction]:
    """View ▸ each pane on or off, the article text, and Checks as a tab behind the Preview
    (more room on a laptop). Window state is saved on close, so all of it is remembered."""
    for dock in panes.docks:
        action = dock.toggleViewAction()
        action.setText(f"&{dock.windowTitle()}")
        menu.addAction(action)
    article = QAction("&Article text beside the editor", window)
    article.setCheckable(True)
    article.setChecked(panes.reference_visible())
    article.setToolTip("Show or hide the article's own text in the item editor (Ctrl+Shift+T)")
    article.toggled.connect(panes.set_reference_visible)
    panes.reference_toggled.connect(article.setChecked)
    menu.addAction(article)
    menu.addSeparator()
    tabbed = QAction("Checks as a &tab behind the preview", window)
    tabbed.setCheckable(True)
    tabbed.setToolTip("Stack the Checks and Preview panes as tabs, so each gets the full height")
    tabbed.toggled.connect(lambda on: panes.set_checks_tabbed(on))
    menu.aboutToShow.connect(lambda: tabbed.setChecked(panes.checks_tabbed()))
    menu.addAction(tabbed)
    return {"article_text": article, "checks_tabbed": tabbed}


def show_getting_started(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("Getting started")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(GETTING_STARTED)
    run_once(box)


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About Briefing",
        f"<h3>Briefing {__version__}</h3><p>Turns articles about UK local government into "
        "briefing packs for councillors, in Word and PDF.</p><p>Works entirely offline.</p>",
    )
