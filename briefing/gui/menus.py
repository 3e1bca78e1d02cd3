"""Menus, toolbar, shortcuts and Help texts for the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QStyle, QToolBar, QToolButton

from briefing import __version__
from briefing.gui.icons import follow_palette, standard_icon, undo_icon
from briefing.gui.modal import run_once
from briefing.gui.spoken import name_toolbar_extension

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.gui.main_window import MainWindow

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


def _action(window: MainWindow, text: str, slot: Callable[[], object], tip: str,
            shortcut: QKeySequence | str | QKeySequence.StandardKey | None = None,
            icon: QStyle.StandardPixmap | None = None) -> QAction:
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


def build_menus(w: MainWindow) -> None:
    sp = QStyle.StandardPixmap
    std = QKeySequence.StandardKey
    a = w.actions_by_name = {}

    a["new"] = _action(w, "&New pack\u2026", w.file.new_pack, "Start a new pack", std.New,
                       sp.SP_FileIcon)
    a["open"] = _action(w, "&Open\u2026", w.file.open_dialog, "Open a pack file", std.Open,
                        sp.SP_DialogOpenButton)
    a["save"] = _action(w, "&Save", w.file.save, "Save the pack", std.Save, sp.SP_DialogSaveButton)
    a["save_as"] = _action(w, "Save &as\u2026", w.file.save_as, "Save the pack under a new name",
                           "Ctrl+Shift+S")
    a["export"] = _action(w, "&Export\u2026", w.export, "Export to Word and/or PDF", "Ctrl+E",
                          sp.SP_DriveFDIcon)
    a["issue"] = _action(w, "&Issue version\u2026", w.issue_version,
                         "Freeze the saved pack as its next version and build its files",
                         None, sp.SP_DialogApplyButton)
    a["quit"] = _action(w, "&Quit", w.close, "Close the app", "Ctrl+Q")
    a["reopen"] = _action(w, "Reopen &last pack on start", lambda: None,
                          "Open the pack you had open last time when Briefing starts")
    a["reopen"].setCheckable(True)
    a["reopen"].setChecked(w.settings.reopen_last())
    a["reopen"].toggled.connect(w.settings.set_reopen_last)

    undo = w.undo_stack.createUndoAction(w, "&Undo")
    undo.setShortcuts([QKeySequence(std.Undo)])
    follow_palette(w, lambda: undo.setIcon(undo_icon(w)))
    undo.setToolTip("Undo the last change (Ctrl+Z)")
    undo.setStatusTip("Undo the last change (Ctrl+Z)")
    redo = w.undo_stack.createRedoAction(w, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    follow_palette(w, lambda: redo.setIcon(undo_icon(w, redo=True)))
    redo.setToolTip("Redo the change just undone (Ctrl+Y)")
    redo.setStatusTip("Redo the change just undone (Ctrl+Y)")
    a["undo"], a["redo"] = undo, redo
    from briefing.gui.edit_actions import EditActions

    w.edit_actions = EditActions(w)
    a.update({f"edit_{name}": act for name, act in w.edit_actions.actions.items()})
    a["find"] = _action(w, "&Find in library", w.focus_search, "Search the library",
                        std.Find)

    a["settings"] = _action(w, "Pack &settings", w.show_pack_settings,
                            "Title, date, classification, layout, key messages",
                            "Ctrl+Shift+P", sp.SP_FileDialogDetailedView)
    a["new_section"] = _action(w, "New s&ection\u2026", w.new_section,
                               "Add a section made by hand", "Ctrl+Shift+N",
                               sp.SP_FileDialogNewFolder)
    a["add"] = _action(w, "&Add selected articles to pack", w.add_selected_from_library,
                       "Add the articles selected in the library", "Ctrl+Return",
                       sp.SP_ArrowRight)
    a["remove"] = _action(w, "&Remove\tDelete", w.tree.remove_selected,
                          "Remove the selected sections or items", None, sp.SP_TrashIcon)
    a["up"] = _action(w, "Move &up\tAlt+Up", lambda: w.tree.move_current(-1),
                      "Move the selected item or section up", None, sp.SP_ArrowUp)
    a["down"] = _action(w, "Move &down\tAlt+Down", lambda: w.tree.move_current(1),
                        "Move the selected item or section down", None, sp.SP_ArrowDown)
    a["rename"] = _action(w, "Re&name section\tF2", w.tree.rename_current,
                          "Rename the selected section")
    a["exempt"] = _action(w, "Mark e&xempt\u2026", w.mark_exempt,
                          "Mark the selected section or item as exempt information: versions "
                          "such as the public one leave it out")
    a["clear_exempt"] = _action(w, "C&lear exemption", w.clear_exempt,
                                "Print the selected section or item in every version again")

    a["import"] = _action(w, "&Import files\u2026", w.import_files,
                          "Import articles from files (.txt, .md, .docx, .odt, .html, .mhtml, .eml, .pdf)", "Ctrl+I",
                          sp.SP_DirOpenIcon)
    a["paste"] = _action(w, "&Paste text\u2026", w.paste_text,
                         "Import articles from pasted text", "Ctrl+Shift+V")
    a["themes"] = _action(w, "&Themes\u2026", w.manage_themes, "Create, rename, merge, colour "
                          "and delete themes")
    a["library_folder"] = _action(w, "Choose library &folder\u2026", w.choose_library_folder,
                                  "Use another library folder (a shared drive is fine)")

    a["refresh"] = _action(w, "&Refresh preview", w.preview.refresh_now,
                           "Render the preview now", "F5", sp.SP_BrowserReload)
    a["help"] = _action(w, "&Getting started", w.getting_started, "How to make a pack",
                        std.HelpContents)
    a["about"] = _action(w, "&About Briefing", w.about, "About this app")

    bar = w.menuBar()
    menus: list[tuple[str, list[str | None]]] = [
        ("&File", ["new", "open", "RECENT", None, "save", "save_as", None, "export", "issue",
                   None, "reopen", None, "quit"]),
        ("&Edit", ["undo", "redo", None, "edit_cut", "edit_copy", "edit_paste",
                   "edit_selectAll", None, "find"]),
        ("&Pack", ["settings", None, "new_section", "add", None, "up", "down", "rename",
                   "remove", None, "exempt", "clear_exempt"]),
        ("&Library", ["import", "paste", None, "themes", "library_folder"]),
        ("&View", ["refresh", None, "DOCKS"]),
        ("&Help", ["help", "about"]),
    ]
    for title, names in menus:
        menu = bar.addMenu(title)
        for name in names:
            if name is None:
                menu.addSeparator()
            elif name == "RECENT":
                w.recent_menu = QMenu("Open &recent", menu)
                w.recent_menu.setToolTipsVisible(True)
                menu.addMenu(w.recent_menu)
            elif name == "DOCKS":
                add_pane_actions(w, menu)
            else:
                menu.addAction(a[name])

    tools = QToolBar("Main toolbar", w)
    tools.setObjectName("main-toolbar")
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name in ("new", "open", "save", None, "undo", "redo", None, "import", "add",
                 "new_section", "remove", None, "settings", "refresh", "export", "issue"):
        if name is None:
            tools.addSeparator()
        else:
            tools.addAction(a[name])
            button = tools.widgetForAction(a[name])
            if button is not None:
                button.setAccessibleName(a[name].text().replace("&", ""))
    for name in ("undo", "redo", "remove", "settings", "refresh", "new_section", "issue"):
        button = tools.widgetForAction(a[name])
        if isinstance(button, QToolButton):  # keep the toolbar short: icon only for these
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    w.addToolBar(tools)
    name_toolbar_extension(tools)

    from briefing.gui.budget_status import BudgetStatus

    w.budget_status = BudgetStatus(w)
    w.words_label = w.budget_status.words_label
    w.pages_label = w.budget_status.pages_label
    w.statusBar().addPermanentWidget(w.budget_status)
    w.preview.page_count_changed.connect(w.budget_status.set_pages)
    w.preview.audience.currentIndexChanged.connect(lambda _row: w._version_changed())


def add_pane_actions(w: MainWindow, menu: QMenu) -> None:
    """View ▸ each pane on or off, the article text, and Checks as a tab behind the Preview
    (more room on a laptop). Window state is saved on close, so all of it is remembered."""
    for dock in (w.library_dock, w.preview_dock, w.checks_dock, w.history_dock):
        action = dock.toggleViewAction()
        action.setText(f"&{dock.windowTitle()}")
        menu.addAction(action)
    article = QAction("&Article text beside the editor", w)
    article.setCheckable(True)
    article.setChecked(w.item_editor.reference_visible())
    article.setToolTip("Show or hide the article's own text in the item editor (Ctrl+Shift+T)")
    article.toggled.connect(w.item_editor.set_reference_visible)
    w.item_editor.reference_button.toggled.connect(article.setChecked)
    menu.addAction(article)
    menu.addSeparator()
    tabbed = QAction("Checks as a &tab behind the preview", w)
    tabbed.setCheckable(True)
    tabbed.setToolTip("Stack the Checks and Preview panes as tabs, so each gets the full height")
    tabbed.toggled.connect(lambda on: w.set_checks_tabbed(on))
    menu.aboutToShow.connect(lambda: tabbed.setChecked(w.checks_tabbed()))
    menu.addAction(tabbed)
    w.actions_by_name["article_text"] = article
    w.actions_by_name["checks_tabbed"] = tabbed


def show_getting_started(w: MainWindow) -> None:
    box = QMessageBox(w)
    box.setWindowTitle("Getting started")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(GETTING_STARTED)
    run_once(box)


def show_about(w: MainWindow) -> None:
    QMessageBox.about(
        w, "About Briefing",
        f"<h3>Briefing {__version__}</h3><p>Turns articles about UK local government into "
        "briefing packs for councillors, in Word and PDF.</p><p>Works entirely offline.</p>")
