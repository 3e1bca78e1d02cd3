"""The open pack's file, owned by its window: where it lives, whether it has unsaved changes,
New / Open / Save, the recent-packs menu, autosave and recovery.

Nothing here loses work: every path that would drop unsaved changes asks first, saves are
atomic, and a copy of unsaved work sits in the recovery folder until it is saved or deliberately
discarded. Nor does it lose anyone else's: the file's stamp (size, time, hash) is kept when it is
opened or saved, and a save over a file someone has changed since asks first (changed_on_disk).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from briefing.errors import BriefingError, PackError
from briefing.files.naming import file_stem
from briefing.gui.modal import run_once
from briefing.model import Event, Pack
from briefing.uk.dates import uk_date
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

    from briefing.files.on_disk import Stamp
    from briefing.gui.changed_on_disk import Choice
    from briefing.gui.pack_model import PackModel
    from briefing.gui.recovery import RecoveryStore
    from briefing.gui.settings import Settings

PACK_FILTER = "Briefing packs (*.yaml *.yml);;All files (*)"
AUTOSAVE_EVERY_MS = 30_000
AUTOSAVE_AFTER_EDIT_MS = 5_000


class PackFileHost(Protocol):
    """What the pack file needs of its window (briefing.gui.main_window.MainWindow): the pack's
    model, undo stack and settings, the File menu's recent list and the calls back after an
    open, a save or a restore."""

    settings: Settings
    undo_stack: QUndoStack
    model: PackModel
    recent_menu: QMenu
    file: PackFile

    def statusBar(self) -> QStatusBar: ...
    def update_title(self) -> None: ...
    def show_pack_settings(self) -> None: ...
    def focus_pack_tree(self) -> None: ...
    def new_window(self) -> PackFileHost: ...


class PackFile:
    """The file behind one window's pack. `path` is None until the pack is first saved;
    `forced_modified` marks work that is unsaved although the undo stack is clean (a restored
    copy)."""

    def __init__(self, window: QWidget, host: PackFileHost, recovery: RecoveryStore) -> None:
        self.window = window  # the parent of its dialogs and timers
        self.host = host
        self.settings = host.settings
        self.undo_stack = host.undo_stack
        self.model = host.model
        self.recovery = recovery
        self.path: Path | None = None
        self.stamp: Stamp | None = None  # the file as this window last read or wrote it
        self.forced_modified = False
        self.autosave_timer = QTimer(window)
        self.autosave_timer.setInterval(AUTOSAVE_EVERY_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.edit_autosave_timer = QTimer(window)
        self.edit_autosave_timer.setSingleShot(True)
        self.edit_autosave_timer.setInterval(AUTOSAVE_AFTER_EDIT_MS)
        self.edit_autosave_timer.timeout.connect(self.autosave)

    # -- state -------------------------------------------------------------------------------
    def is_modified(self) -> bool:
        return self.forced_modified or not self.undo_stack.isClean()

    def base_dir(self) -> Path:
        """Where the pack's relative paths (logo, template) start from."""
        return self.path.parent if self.path else Path.home()

    def set_pack(
        self, pack: Pack, path: Path | None, modified: bool = False, stamp: Stamp | None = None
    ) -> None:
        """Show `pack`, from `path`; `stamp` is the file as the pack was read from it (taken
        now when not given; a restored copy brings the one its window had)."""
        from briefing.files.on_disk import stamp as stamp_of

        self.undo_stack.clear()
        self.path = Path(path).resolve() if path else None
        self.stamp = stamp if stamp is not None or self.path is None else stamp_of(self.path)
        self.forced_modified = modified
        self.model.set_pack(pack)
        self.undo_stack.setClean()
        self.host.show_pack_settings()
        self.host.update_title()

    # -- new / open ----------------------------------------------------------------------------
    def new_pack(self) -> bool:
        if not self.maybe_save():
            return False
        from briefing.gui.new_pack_dialog import NewPackDialog

        dialog = NewPackDialog(self.window)
        if run_once(dialog) != QDialog.DialogCode.Accepted:
            return False
        kind, title = dialog.chosen()
        self.start_new_pack(kind, title)
        return True

    def start_new_pack(self, kind: str, title: str) -> None:
        from datetime import date

        pack = Pack(title=title or "Untitled briefing", kind=kind, date=date.today())
        if kind == "event-handout":
            pack.event = Event(name=title)
        self.recovery.clear()
        self.set_pack(pack, None)
        self.host.statusBar().showMessage(
            "New pack. Add articles from the library: select them and choose Add to pack.", 8000
        )

    def open_dialog(self) -> bool:
        if not self.maybe_save():
            return False
        from PySide6.QtWidgets import QFileDialog  # (made by PySide when first named)

        start = self.settings.open_folder() or Path.home()
        name, _ = QFileDialog.getOpenFileName(self.window, "Open pack", str(start), PACK_FILTER)
        return bool(name) and self.open_path(Path(name), ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open a pack file; problems are listed in a dialog and nothing changes."""
        if ask and not self.maybe_save():
            return False
        from briefing.packfile import load_pack

        try:
            pack = load_pack(path)
        except PackError as exc:
            from briefing.gui.problems_dialog import ProblemsDialog

            run_once(ProblemsDialog(exc.problems, self.window))
            return False
        except BriefingError as exc:
            QMessageBox.warning(self.window, "Cannot open the pack", str(exc))
            return False
        self.recovery.clear()
        self.set_pack(pack, path)
        self.settings.add_recent_file(path)
        self.settings.set_open_folder(Path(path).resolve().parent)
        self.update_recent_menu()
        self.host.focus_pack_tree()
        n = len(pack.items())
        self.host.statusBar().showMessage(
            f"Opened {Path(path).name}: "
            f"{plural(len(pack.sections), 'section')}, "
            f"{plural(n, 'item')}.",
            6000,
        )
        return True

    # -- save ------------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        start = self.path or (self.settings.open_folder() or Path.home()) / (
            file_stem(self.model.pack.title, short_title=self.model.pack.short_title) + ".yaml"
        )
        name, _ = QFileDialog.getSaveFileName(self.window, "Save pack as", str(start), PACK_FILTER)
        if not name:
            return False
        target = Path(name)
        if target.suffix.lower() not in (".yaml", ".yml"):
            target = target.with_name(target.name + ".yaml")
        return self.save_to(target)

    def save_to(self, target: Path) -> bool:
        from briefing.packfile import save_pack

        if not self.model.pack.sections:
            QMessageBox.information(
                self.window,
                "Nothing to save yet",
                "A pack needs at least one section before it can be saved. Add articles from "
                "the library, or choose Pack \u25b8 New section.",
            )
            return False
        if Path(target).resolve() == self.path and self._changed_on_disk():
            from briefing.gui.changed_on_disk import Choice

            choice = self._ask_changed_on_disk()
            if choice is Choice.SAVE_AS:
                return self.save_as()
            if choice is Choice.RELOAD:
                self.reload()
                return False
            if choice is not Choice.OVERWRITE:
                return False
        moved = self._rebase_layout_paths(Path(target).resolve().parent)
        try:
            # Save As of a loaded pack carries its comments (and schema line) to the new file.
            source = self.path if self.path and self.path != Path(target).resolve() else None
            save_pack(self.model.pack, target, comments_from=source)
        except BriefingError as exc:  # WriteError explains itself (read-only, open elsewhere)
            if moved:
                self.undo_stack.undo()  # the pack stays where it was, so do its paths
            QMessageBox.warning(self.window, "Cannot save the pack", str(exc))
            return False
        from briefing.files.on_disk import stamp as stamp_of

        self.path = Path(target).resolve()
        self.stamp = stamp_of(self.path)
        self.forced_modified = False
        self.undo_stack.setClean()
        self.recovery.clear()
        self.settings.add_recent_file(self.path)
        self.settings.set_open_folder(self.path.parent)
        self.update_recent_menu()
        self.host.update_title()
        self.host.statusBar().showMessage(f"Saved {self.path.name}.", 5000)
        return True

    def _changed_on_disk(self) -> bool:
        from briefing.files.on_disk import changed_since

        return self.path is not None and changed_since(self.path, self.stamp)

    def _ask_changed_on_disk(self) -> Choice:
        """Overwrite, Save as…, Reload and lose my changes, or Cancel (after Show
        differences, as often as wanted)."""
        from briefing.gui import changed_on_disk
        from briefing.packfile import dump_pack

        assert self.path is not None
        try:
            on_disk = self.path.read_text(encoding="utf-8-sig", errors="replace")
        except OSError:
            on_disk = ""  # removed since: every line is new
        return changed_on_disk.ask(self.window, self.path, on_disk, dump_pack(self.model.pack))

    def reload(self) -> bool:
        """Read the pack again from its file, dropping unsaved changes (asked for already)."""
        if self.path is None:
            return False
        path = self.path
        self.forced_modified = False
        self.undo_stack.setClean()
        self.recovery.clear()
        return self.open_path(path, ask=False)

    def _rebase_layout_paths(self, new_base: Path) -> bool:
        """Point the logo and template paths at the same files from a new folder, as one
        undoable step; True when anything changed."""
        from briefing.gui.commands import SetAttr
        from briefing.packfile.paths import rebased_layout

        layout = self.model.pack.layout
        changes = rebased_layout(layout, self.base_dir(), new_base)
        if not changes:
            return False
        self.undo_stack.beginMacro("Update logo and template paths for the new folder")
        for name, value in changes.items():
            self.undo_stack.push(SetAttr(self.model, layout, name, value, f"Set {name}"))
        self.undo_stack.endMacro()
        return True

    def maybe_save(self) -> bool:
        """True when it is fine to drop the open pack (saved, discarded, or unchanged)."""
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self.window,
            "Unsaved changes",
            f"\u201c{self.model.pack.title}\u201d has changes that are not saved. Save them first?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.recovery.clear()
            return True
        return False

    # -- recent files ------------------------------------------------------------------------------
    def update_recent_menu(self) -> None:
        self.host.recent_menu.clear()
        recent = self.settings.recent_files()
        for n, path in enumerate(recent, 1):
            action = QAction(f"&{n} {path.name}", self.host.recent_menu)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
            self.host.recent_menu.addAction(action)
        if not recent:
            empty = self.host.recent_menu.addAction("No recent packs")
            empty.setEnabled(False)

    # -- autosave and recovery ----------------------------------------------------------------------
    def schedule_autosave(self) -> None:
        if self.is_modified():
            self.edit_autosave_timer.start()

    def autosave(self) -> bool:
        """Write the recovery copy when there are unsaved changes; True when written."""
        if not self.is_modified() or not self.model.pack.sections:
            return False
        try:
            self.recovery.save(self.model.pack, self.path, self.base_dir(), self.stamp)
        except BriefingError as exc:
            self.host.statusBar().showMessage(f"Autosave failed: {exc}", 8000)
            return False
        return True

    def offer_recovery(self) -> bool:
        """At start-up: offer back, one by one, the work left by windows that did not close
        properly. The first restored copy opens here, any more in new windows. True when
        anything was restored."""
        from datetime import datetime

        from briefing.files.on_disk import changed_since

        restored = False
        for found in self.recovery.leftovers():
            when = datetime.fromtimestamp(found.saved_at)
            where = f" (from {found.original.name})" if found.original else ""
            newer = ""
            if found.original is not None and changed_since(found.original, found.stamp):
                newer = (
                    f"\n\n{found.original.name} has been changed on disk since this work "
                    "was kept (perhaps by a colleague). If you restore it, saving will ask "
                    "before it replaces their changes."
                )
            answer = QMessageBox.question(
                self.window,
                "Restore unsaved work?",
                f"Briefing did not close properly. Unsaved work on \u201c{found.pack.title}"
                f"\u201d{where} was kept at {when:%H:%M} on {uk_date(when)}.{newer}\n\n"
                "Restore it?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                target = self.host.new_window() if restored else self.host
                # With the stamp the file had then: a save over a newer file asks first.
                target.file.set_pack(
                    found.pack, found.original, modified=True, stamp=found.stamp or _missing()
                )
                target.statusBar().showMessage("Restored unsaved work. Save it to keep it.", 8000)
                restored = True
                # Keep it safe under the new window's own slot before the old copy goes.
                if not target.file.autosave() and found.lock is not None:
                    found.lock.unlock()  # could not copy it: leave the old one in place
                    continue
            self.recovery.discard(found)
        return restored


def _missing() -> Stamp:
    """A stamp no file matches: a restored copy whose window's stamp is unknown (kept by an
    older version) asks before saving over its file."""
    from briefing.files.on_disk import Stamp

    return Stamp(-1, -1, "")
