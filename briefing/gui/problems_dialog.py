"""A dialog listing the problems that stop a pack from opening (file, line, message)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.gui.modal import fit_to_screen
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize

    from briefing.errors import Problem


class WrappedRows(QStyledItemDelegate):
    """Each row as tall as its text wrapped at its column's width (a tree view asks for the
    height at no width, and so cuts a long message short with "…")."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        # A column made wider or narrower lays the rows out again at their new heights.
        tree.header().sectionResized.connect(
            lambda *_: QTimer.singleShot(0, tree, tree.doItemsLayout)
        )

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, self.tree.columnWidth(index.column()), 1)  # (any height)
        return super().sizeHint(sized, index)


class ProblemsDialog(QDialog):
    def __init__(self, problems: list[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("The pack cannot be opened")
        name = problems[0].file.name if problems else "The pack"
        n = len(problems)
        intro = QLabel(
            f"{name} has {plural(n, 'problem')}. Fix "
            f"{'them' if n != 1 else 'it'} in a text editor (the line numbers below "
            "say where), then open the pack again. Nothing has been changed.",
            self,
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setAccessibleName("Problems in the pack")
        self.list.setToolTip("Each problem with the file, line and column it is on.")
        self.list.setHeaderLabels(["File", "Line", "Column", "Problem"])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setItemDelegate(WrappedRows(self.list))
        for problem in problems:
            row = QTreeWidgetItem(
                [
                    problem.file.name,
                    str(problem.line or ""),
                    str(problem.column or ""),
                    problem.message,
                ]
            )
            row.setToolTip(3, problem.message)
            row.setToolTip(0, str(problem.file))
            self.list.addTopLevelItem(row)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 320)

    def rows(self) -> list[tuple[str, str, str, str]]:
        rows = []
        for i in range(self.list.topLevelItemCount()):
            row = self.list.topLevelItem(i)
            if row is not None:
                rows.append((row.text(0), row.text(1), row.text(2), row.text(3)))
        return rows
