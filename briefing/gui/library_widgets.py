"""Small shared pieces of the library screens: buttons, colour swatches, theme combos, warning lines."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QStyle, QWidget

ALL_THEMES = "All themes"


def swatch(colour: str, size: int = 14) -> QIcon:
    """A small rounded square in the theme's colour (a hollow one when it has none)."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    col = QColor(colour) if colour and QColor(colour).isValid() else None
    # Outline in the text colour: a dark theme colour still stands out on a dark background.
    outline = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    outline.setAlpha(150)
    painter.setPen(outline)
    painter.setBrush(col if col is not None else Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pix)


def theme_label(theme: Any) -> str:
    return str(getattr(theme, "label", theme))


def theme_colour(theme: Any) -> str:
    return str(getattr(theme, "colour", "") or "")


def fill_theme_combo(combo: QComboBox, themes: dict[str, Any], keep: str | None) -> None:
    """ "All themes" then each theme by label, keeping the current choice when it still exists."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(ALL_THEMES, None)
    for theme_id, theme in sorted(themes.items(), key=lambda kv: theme_label(kv[1]).casefold()):
        combo.addItem(swatch(theme_colour(theme)), theme_label(theme), theme_id)
    index = combo.findData(keep) if keep else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def warning_icon(widget: QWidget) -> QIcon:
    return widget.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def muted_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label in the palette's placeholder colour, so it stays readable in dark mode."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    # A role, not a copied colour: it follows a palette changed while the app runs.
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def action_button(text: str, tip: str, slot: Any) -> QPushButton:
    """A push button with its tooltip and a screen-reader name ("Colour…" reads "Colour")."""
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleName(text.rstrip("\u2026"))
    button.clicked.connect(slot)
    return button
