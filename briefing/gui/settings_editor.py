"""Pack settings: cover details, layout, budget, introduction, key messages and the event block.

Every change is an undoable command; typing in one field merges into one undo step.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.commands import SetAttr
from briefing.gui.form_widgets import FormDateEdit
from briefing.gui.list_editors import ListEditor
from briefing.gui.spoken import describe_label
from briefing.model import CLASSIFICATIONS, KINDS, PAPERS
from briefing.uk.labels import KIND_LABELS

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.gui.pack_model import PackModel

UK_DATE = "d MMMM yyyy"
NO_DATE = QDate(1900, 1, 1)  # the QDateEdit minimum stands for "no date"
FIRST_STEPS = (
    "<b>Start here:</b> give the pack a title, then add articles from the library "
    "on the left (select them and choose <b>Add to pack</b>, Ctrl+Enter)."
)


class SettingsEditor(QScrollArea):
    def __init__(
        self, model: PackModel, base_dir: Callable[[], Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.base_dir = base_dir
        self._loading = False
        self._loaders: list[Callable[[], None]] = []
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Pack settings")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the fields
        host = QWidget(self)
        self.setWidget(host)
        outer = QVBoxLayout(host)
        self.first_steps = QLabel(FIRST_STEPS, host)
        self.first_steps.setWordWrap(True)
        self.first_steps.setTextFormat(Qt.TextFormat.RichText)
        self.first_steps.setAccessibleName("What to do first")
        outer.addWidget(self.first_steps)
        model.pack_changed.connect(self._update_first_steps)
        self._loaders.append(self._update_first_steps)

        cover = QGroupBox("Cover", host)
        form = QFormLayout(cover)
        self.title = self._line(form, "&Title", lambda: model.pack, "title", "Pack title")
        self.subtitle = self._line(form, "&Subtitle", lambda: model.pack, "subtitle", "Subtitle")
        self.kind = self._combo(
            form,
            "&Kind",
            lambda: model.pack,
            "kind",
            [(k, KIND_LABELS[k]) for k in KINDS],
            "Kind of pack",
        )
        self.date = FormDateEdit(cover)
        self.date.setDisplayFormat(UK_DATE)
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText("No date")
        self.date.setAccessibleName("Date")
        self.date.setToolTip("The date printed on the cover, UK style (4 November 2025).")
        today = QPushButton("Today", cover)
        today.setToolTip("Set the date to today")
        today.setAccessibleName("Set date to today")
        today.clicked.connect(lambda: self.date.setDate(QDate.currentDate()))
        row = QHBoxLayout()
        row.addWidget(self.date, 1)
        row.addWidget(today)
        form.addRow("Date", row)
        self.date.dateChanged.connect(self._date_changed)
        self._loaders.append(self._load_date)
        self._line(form, "&Organisation", lambda: model.pack, "organisation", "Organisation")
        self._line(form, "Prepared &by", lambda: model.pack, "prepared_by", "Prepared by")
        self._line(form, "Contact name", lambda: model.pack.contact, "name", "Contact name")
        self._line(form, "Contact email", lambda: model.pack.contact, "email", "Contact email")
        self._line(form, "Contact phone", lambda: model.pack.contact, "phone", "Contact phone")
        self._combo(
            form,
            "&Classification",
            lambda: model.pack,
            "classification",
            [(c, "None" if c == "none" else c) for c in CLASSIFICATIONS],
            "Protective marking",
        )
        self._check(form, "Mark as D&RAFT on every page", lambda: model.pack, "draft")
        outer.addWidget(cover)

        layout_box = QGroupBox("Layout", host)
        form = QFormLayout(layout_box)
        self._combo(
            form,
            "Paper si&ze",
            lambda: model.pack.layout,
            "paper",
            [(p, p) for p in PAPERS],
            "Paper size",
        )
        self._check(
            form, "Large pri&nt (body text 16 pt)", lambda: model.pack.layout, "large_print"
        )
        self._file(
            form,
            "Word template",
            "template",
            "Word template (*.docx *.dotx)",
            "A Word file whose styles the .docx export uses; empty for the built-in style.",
        )
        self._file(
            form, "Logo", "logo", "Images (*.png *.jpg *.jpeg)", "An image printed on the cover."
        )
        self.logo_alt = self._line(
            form, "Logo alt te&xt", lambda: model.pack.layout, "logo_alt", "Logo alternative text"
        )
        self.alt_warning = QLabel(
            "A logo needs alt text for screen readers, for example "
            "\u201cExample Borough Council logo\u201d.",
            layout_box,
        )
        self.alt_warning.setWordWrap(True)
        describe_label(self.alt_warning, "Alt text warning")
        form.addRow("", self.alt_warning)
        self._loaders.append(self._load_alt_warning)
        outer.addWidget(layout_box)

        from briefing.gui.budget_editor import BudgetEditor

        self.budget_box = BudgetEditor(model, host)
        self._loaders.append(self.budget_box.load)
        outer.addWidget(self.budget_box)

        text_box = QGroupBox("Opening text", host)
        form = QFormLayout(text_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.intro = QPlainTextEdit(text_box)
        self.intro.setAccessibleName("Pack introduction")
        self.intro.setToolTip("Why this pack, and how to use it (light Markdown).")
        self.intro.setMinimumHeight(90)
        self.intro.setTabChangesFocus(True)
        self.intro.textChanged.connect(self._intro_typed)
        self._loaders.append(lambda: self._set_plain(self.intro, model.pack.intro))
        form.addRow("&Introduction", self.intro)
        self.key_messages = ListEditor("key message", "Key messages", text_box)
        self.key_messages.edited.connect(
            lambda v: self._push(model.pack, "key_messages", v, "Edit key messages")
        )
        self._loaders.append(lambda: self.key_messages.set_values(model.pack.key_messages))
        form.addRow("Ke&y messages", self.key_messages)
        outer.addWidget(text_box)

        from briefing.gui.event_editor import EventEditor

        self.event_box = EventEditor(model, host)
        self._loaders.append(self.event_box.load)
        outer.addWidget(self.event_box)
        outer.addStretch(1)
        model.value_changed.connect(lambda target, attr: self.load())
        model.modelReset.connect(self.load)
        self.load()

    # -- field builders --------------------------------------------------------------------------
    def _line(
        self, form: QFormLayout, label: str, target: Callable[[], Any], attr: str, name: str
    ) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setToolTip(name)
        edit.textEdited.connect(
            lambda text: self._push(
                target(), attr, text.strip(), f"Edit {name.lower()}", merge=True
            )
        )
        self._loaders.append(
            lambda: (
                None
                if edit.text().strip() == getattr(target(), attr)
                else edit.setText(getattr(target(), attr))
            )
        )
        form.addRow(label, edit)
        return edit

    def _combo(
        self,
        form: QFormLayout,
        label: str,
        target: Callable[[], Any],
        attr: str,
        choices: list[tuple[str, str]],
        name: str,
    ) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        for value, text in choices:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(
            lambda _i: self._push(target(), attr, combo.currentData(), f"Change {name.lower()}")
        )
        self._loaders.append(
            lambda: combo.setCurrentIndex(max(0, combo.findData(getattr(target(), attr))))
        )
        form.addRow(label, combo)
        return combo

    def _check(
        self, form: QFormLayout, label: str, target: Callable[[], Any], attr: str
    ) -> QCheckBox:
        box = QCheckBox(label, self)
        box.setAccessibleName(label.replace("&", ""))
        box.setToolTip(label.replace("&", ""))
        box.toggled.connect(
            lambda on: self._push(target(), attr, on, f"Change {label.replace('&', '').lower()}")
        )
        self._loaders.append(lambda: box.setChecked(bool(getattr(target(), attr))))
        form.addRow("", box)
        return box

    def _file(self, form: QFormLayout, label: str, attr: str, pattern: str, tip: str) -> None:
        edit = self._line_only(attr, label.replace("&", ""), tip)
        browse = QPushButton("Browse…", self)
        browse.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        browse.setAccessibleName(f"Browse for {label.replace('&', '').lower()}")
        browse.setToolTip(tip)
        clear = QPushButton("Clear", self)
        clear.setAccessibleName(f"Clear {label.replace('&', '').lower()}")
        clear.setToolTip("Use none")
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(browse)
        row.addWidget(clear)
        form.addRow(label, row)
        edit.setMinimumWidth(60)

        def choose() -> None:
            name, _ = QFileDialog.getOpenFileName(
                self, f"Choose {label.replace('&', '')}", str(self.base_dir()), pattern
            )
            if name:
                self._push(
                    self.model.pack.layout,
                    attr,
                    self._relative(Path(name)),
                    f"Set {label.replace('&', '').lower()}",
                )

        browse.clicked.connect(choose)
        clear.clicked.connect(
            lambda: self._push(
                self.model.pack.layout, attr, "", f"Clear {label.replace('&', '').lower()}"
            )
        )

    def _line_only(self, attr: str, name: str, tip: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setToolTip(tip + " Paths are relative to the pack file.")
        edit.setPlaceholderText("None")
        edit.editingFinished.connect(
            lambda: self._push(
                self.model.pack.layout, attr, edit.text().strip(), f"Set {name.lower()}"
            )
        )
        self._loaders.append(lambda: edit.setText(getattr(self.model.pack.layout, attr)))
        return edit

    def _relative(self, path: Path) -> str:
        try:
            return Path(os.path.relpath(path, self.base_dir())).as_posix()
        except ValueError:  # another drive on Windows
            return path.as_posix()

    # -- special fields ----------------------------------------------------------------------------
    def _load_date(self) -> None:
        value = self.model.pack.date
        self.date.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)

    def _date_changed(self, qdate: QDate) -> None:
        value = None if qdate == NO_DATE else date(qdate.year(), qdate.month(), qdate.day())
        self._push(self.model.pack, "date", value, "Change date")

    def _update_first_steps(self) -> None:
        # Only while the pack is empty: after that the pack tree shows what is in it.
        self.first_steps.setVisible(not self.model.pack.sections)

    def _load_alt_warning(self) -> None:
        layout = self.model.pack.layout
        self.alt_warning.setVisible(bool(layout.logo) and not layout.logo_alt.strip())

    def _intro_typed(self) -> None:
        self._push(
            self.model.pack, "intro", self.intro.toPlainText(), "Edit introduction", merge=True
        )

    @staticmethod
    def _set_plain(edit: QPlainTextEdit, text: str) -> None:
        if edit.toPlainText() != text:
            edit.setPlainText(text)

    # -- plumbing ----------------------------------------------------------------------------------
    def _push(self, target: Any, attr: str, value: Any, text: str, merge: bool = False) -> None:
        if self._loading or getattr(target, attr) == value:
            return
        self.model.undo_stack.push(SetAttr(self.model, target, attr, value, text, merge=merge))

    def load(self) -> None:
        """Show the pack's current values (after undo, open, or a change elsewhere)."""
        if self._loading:
            return
        self._loading = True
        try:
            for loader in self._loaders:
                loader()
        finally:
            self._loading = False
