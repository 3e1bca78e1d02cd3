"""Keyboard focus that can be seen: a 2-pixel ring around whatever has focus, and field borders
that stay visible in any palette (high contrast included).

Qt's Fusion style shows focus in item views as a pale fill with a 1-pixel outline, and not at
all on the PDF preview or a list with no current row. WCAG 2.2 asks for a focus indicator with
at least 3:1 contrast against what is next to it, so one QFocusFrame per window follows focus and
this style draws it (and the focus rectangle of the current row) as a solid ring in the
palette's highlight colour, or its text colour where the highlight is too faint.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFocusFrame,
    QFrame,
    QProxyStyle,
    QScrollArea,
    QStyle,
    QStyleOption,
    QWidget,
)

RING = 2  # pixels
_ENOUGH = 3.0  # WCAG 2.2 contrast for focus indicators and field borders


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ring_colour(palette: QPalette, behind: QColor) -> QColor:
    """The highlight colour when it stands out from `behind`, else the text colour."""
    for role in (
        QPalette.ColorRole.Highlight,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
    ):
        colour = palette.color(role)
        if contrast(colour, behind) >= _ENOUGH:
            return colour
    return QColor(Qt.GlobalColor.black if behind.lightnessF() > 0.5 else Qt.GlobalColor.white)


def border_colour(palette: QPalette) -> QColor:
    """The lightest mix of text into the field colour that gives a border 3:1 contrast."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    for step in range(4, 11):
        t = step / 10
        mixed = QColor.fromRgbF(
            base.redF() + (text.redF() - base.redF()) * t,
            base.greenF() + (text.greenF() - base.greenF()) * t,
            base.blueF() + (text.blueF() - base.blueF()) * t,
        )
        if min(contrast(mixed, base), contrast(mixed, window)) >= _ENOUGH:
            return mixed
    return text


_FRAME_CONTENTS = QStyle.SubElement.SE_FrameContents


class FocusStyle(QProxyStyle):
    """The app's style with a visible focus ring and field borders of at least 3:1.

    The ring is drawn in the 2 pixels the styles Qt ships leave around a focus frame; nothing
    here answers Qt's size questions (`pixelMetric`, thousands of them as a window is laid
    out, each a call into Python): the room for the ring inside a list's frame is asked for
    where a frame's contents are placed, which Qt asks far less often."""

    def subElementRect(
        self,
        element: QStyle.SubElement,
        option: QStyleOption,
        widget: QWidget | None = None,
    ) -> QRect:
        # (Qt passes no widget for some; PySide's stubs do not allow for it.)
        rect = super().subElementRect(element, option, widget)  # type: ignore[arg-type]
        if (
            element == _FRAME_CONTENTS
            and isinstance(widget, QAbstractScrollArea)
            and widget.frameShape() != QFrame.Shape.NoFrame
            and rect.left() - option.rect.left() < RING
        ):
            # Room for the focus ring on the frame, where the contents never cover it.
            return option.rect.adjusted(RING, RING, -RING, -RING)
        return rect

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_FocusFrame:
            behind = option.palette.color(QPalette.ColorRole.Window)
            _ring(painter, option.rect, ring_colour(option.palette, behind))
            return
        super().drawControl(element, option, painter, widget)
        if (
            element == QStyle.ControlElement.CE_ShapedFrame
            and isinstance(widget, QAbstractScrollArea)
            and getattr(option, "frameShape", QFrame.Shape.NoFrame) != QFrame.Shape.NoFrame
        ):
            # Lists, tables and multi-line fields: a border of 3:1 in any palette (Fusion's
            # fades to 1.2:1 in a dark one), and focus as a ring all round inside it, drawn on
            # the frame so it neither scrolls away nor hides behind a neighbour.
            painter.save()
            painter.setPen(QPen(border_colour(option.palette), 1))
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            painter.restore()
            if widget.hasFocus():
                base = option.palette.color(QPalette.ColorRole.Base)
                _ring(painter, option.rect, ring_colour(option.palette, base))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            # The current row of a view: on a selected row the ring is drawn in the selected
            # text colour, elsewhere in the highlight colour.
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            behind = option.palette.color(
                QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
            )
            colour = (
                option.palette.color(QPalette.ColorRole.HighlightedText)
                if selected
                else ring_colour(option.palette, behind)
            )
            _ring(painter, option.rect, colour)
            return
        if element == QStyle.PrimitiveElement.PE_FrameLineEdit:
            super().drawPrimitive(element, option, painter, widget)
            base = option.palette.color(QPalette.ColorRole.Base)
            window = option.palette.color(QPalette.ColorRole.Window)
            border = option.palette.color(QPalette.ColorRole.Mid)
            if min(contrast(border, base), contrast(border, window)) < _ENOUGH:
                # Fusion's border fades to nothing in some palettes: draw one that shows.
                painter.save()
                painter.setPen(QPen(border_colour(option.palette), 1))
                painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
                painter.restore()
            return
        super().drawPrimitive(element, option, painter, widget)


def _ring(painter: QPainter, rect: QRect, colour: QColor) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(colour, RING)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING // 2
    painter.drawRect(rect.adjusted(half, half, -half, -half))
    painter.restore()


class FocusRing(QObject):
    """Moves a focus frame to whichever widget has keyboard focus, one frame per window."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.frames: dict[int, QFocusFrame] = {}
        app.focusChanged.connect(self.follow)

    def follow(self, old: QWidget | None, new: QWidget | None) -> None:
        for widget in (old, new):  # frames drawn by the style show focus: repaint them
            if isinstance(widget, QAbstractScrollArea) and alive(widget):
                widget.update()
        if new is None or not new.isVisible() or new.window() is new:
            return
        bring_into_view(new)
        window = new.window()
        frame = self.frames.get(id(window))
        if frame is None or not alive(frame):
            frame = QFocusFrame(window)
            frame.setAccessibleName("")
            key = id(window)
            self.frames[key] = frame
            window.destroyed.connect(functools.partial(self.frames.pop, key, None))
        frame.setWidget(new)


def bring_into_view(widget: QWidget) -> None:
    """Scroll every scrolling area the widget is in so that it shows: focus that arrives from
    outside (Tab from another pane, a shortcut, a click on a check) never lands on a field
    scrolled out of sight. Qt does this only for Tab from inside the area."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            parent.ensureWidgetVisible(widget, 8, 8)
        parent = parent.parentWidget()


def alive(widget: QWidget) -> bool:
    """Whether `widget` still exists on the C++ side (a Python object can outlive it)."""
    try:
        widget.objectName()
    except RuntimeError:  # deleted on the C++ side
        return False
    return True


def install(app: QApplication) -> None:
    """Use the focus style over whatever style Qt chose (or `-style` asked for)."""
    if not isinstance(app.style(), FocusStyle):
        app.setStyle(FocusStyle(app.style().name()))
    if not any(isinstance(child, FocusRing) for child in app.children()):
        FocusRing(app)


def ring_inside(widget: QWidget) -> None:
    """A focus border inside a widget that fills its parent (the preview's page view), where
    a ring drawn around it would be hidden: the text colour, 2 pixels, shown only with focus."""
    from briefing.gui.icons import follow_palette

    kind = type(widget).__name__
    # A widget with a style sheet keeps the palette it had: watch its parent's.
    watched = widget.parentWidget() or widget

    def paint() -> None:
        colour = watched.palette().color(QPalette.ColorRole.WindowText).name()
        sheet = (
            f"{kind} {{ border: {RING}px solid transparent; }} "
            f"{kind}:focus {{ border: {RING}px solid {colour}; }}"
        )
        if widget.styleSheet() != sheet:
            widget.setStyleSheet(sheet)

    follow_palette(watched, paint)
