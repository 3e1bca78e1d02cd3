"""The section editor: a section's title and its optional introduction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from briefing.gui.commands import SetAttr
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from briefing.gui.pack_model import PackModel
    from briefing.model import Section


class SectionEditor(QWidget):
    def __init__(self, model: PackModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.section: Section | None = None
        self._loading = False
        self.title = QLineEdit(self)
        self.title.setAccessibleName("Section title")
        self.title.setToolTip("The section's heading in the briefing.")
        self.intro = QPlainTextEdit(self)
        self.intro.setAccessibleName("Section introduction")
        self.intro.setToolTip("Optional text printed before the section's items (light Markdown).")
        self.intro.setPlaceholderText("Optional: a few lines introducing this section…")
        self.intro.setTabChangesFocus(True)
        self.theme = QLabel(self)
        self.theme.setWordWrap(True)
        self.count = QLabel(self)
        form = QFormLayout(self)
        form.addRow("Section &title", self.title)
        form.addRow("&Introduction", self.intro)
        form.addRow("Theme", self.theme)
        form.addRow(self.count)
        self.title.textEdited.connect(self._title_typed)
        self.intro.textChanged.connect(self._intro_typed)
        model.value_changed.connect(self._value_changed)

    def set_section(self, section: Section | None) -> None:
        self.section = section
        self._loading = True
        try:
            self.title.setText(section.title if section else "")
            self.intro.setPlainText(section.intro if section else "")
            if section and section.theme:
                theme = self.model.pack.themes.get(section.theme)
                self.theme.setText(theme.label if theme else section.theme)
            else:
                self.theme.setText("None (made by hand)")
            n = len(section.items) if section else 0
            self.count.setText(
                f"{plural(n, 'item')} in this section. "
                "Drag items in the pack tree to rearrange them."
            )
        finally:
            self._loading = False

    def _title_typed(self, text: str) -> None:
        if self._loading or self.section is None or not text.strip():
            return
        self.model.undo_stack.push(
            SetAttr(self.model, self.section, "title", text.strip(), "Rename section", merge=True)
        )

    def _intro_typed(self) -> None:
        if self._loading or self.section is None:
            return
        text = self.intro.toPlainText()
        if text != self.section.intro:
            self.model.undo_stack.push(
                SetAttr(
                    self.model, self.section, "intro", text, "Edit section introduction", merge=True
                )
            )

    def _value_changed(self, target: Any, attr: str) -> None:
        if target is self.section and self.section is not None:
            self._loading = True
            try:
                if attr == "title" and self.title.text().strip() != self.section.title:
                    self.title.setText(self.section.title)
                if attr == "intro" and self.intro.toPlainText() != self.section.intro:
                    self.intro.setPlainText(self.section.intro)
            finally:
                self._loading = False
