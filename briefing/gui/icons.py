"""Icons drawn in the palette's text colour so they read in light and dark mode alike: undo
and redo (which the platform style does not provide; the desktop's icon theme wins when it has
them) and the style's plain glyphs, such as arrows, which it draws dark grey whatever the
palette."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

# Standard icons that are a single dark glyph: invisible on a dark toolbar unless recoloured.
GLYPHS = frozenset(
    {
        QStyle.StandardPixmap.SP_ArrowUp,
        QStyle.StandardPixmap.SP_ArrowDown,
        QStyle.StandardPixmap.SP_ArrowLeft,
        QStyle.StandardPixmap.SP_ArrowRight,
        QStyle.StandardPixmap.SP_ArrowBack,
        QStyle.StandardPixmap.SP_ArrowForward,
        QStyle.StandardPixmap.SP_MediaPlay,
    }
)


def _curved_arrow(colour: QPalette, size: int, mirror: bool) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if mirror:
        painter.translate(size, 0)
        painter.scale(-1, 1)
    s = size / 24
    pen = QPen(colour.color(QPalette.ColorRole.ButtonText), 2.2 * s)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    # A hook: from the arrow head on the left, round to the right and down.
    path = QPainterPath(QPointF(5 * s, 10 * s))
    path.lineTo(15 * s, 10 * s)
    path.arcTo(QRectF(10 * s, 10 * s, 10 * s, 9 * s), 90, -180)
    path.lineTo(11 * s, 19 * s)
    painter.drawPath(path)
    head = QPainterPath(QPointF(9 * s, 6 * s))
    head.lineTo(5 * s, 10 * s)
    head.lineTo(9 * s, 14 * s)
    painter.drawPath(head)
    painter.end()
    return pixmap


def undo_icon(widget: QWidget, redo: bool = False) -> QIcon:
    name = "edit-redo" if redo else "edit-undo"
    if QIcon.hasThemeIcon(name):
        return QIcon.fromTheme(name)
    icon = QIcon()
    for size in (16, 24, 32, 48):
        icon.addPixmap(_curved_arrow(widget.palette(), size, mirror=redo))
    return icon


# Tinted glyphs already drawn, by glyph, style, colour and pixel ratio: the list editors' and
# the menus' arrows are the same few, each drawn once rather than once a button (some
# milliseconds of start-up). A new palette brings a new colour, so it draws afresh.
_TINTED: dict[tuple[QStyle.StandardPixmap, str, int, float], QIcon] = {}


def standard_icon(widget: QWidget, which: QStyle.StandardPixmap) -> QIcon:
    """The style's icon, with single-glyph ones (arrows) repainted in the button text colour."""
    style = widget.style()
    if which not in GLYPHS:
        return style.standardIcon(which)
    colour = widget.palette().color(QPalette.ColorRole.ButtonText)
    key = (which, style.name(), colour.rgba(), widget.devicePixelRatioF())
    known = _TINTED.get(key)
    if known is not None:
        return known  # (setting an icon copies it: the cached one is never changed)
    if len(_TINTED) > 64:  # palettes switched back and forth: start again
        _TINTED.clear()
    icon = style.standardIcon(which)
    tinted = QIcon()
    for size in (16, 24, 32):
        source = icon.pixmap(size, size)
        pixmap = QPixmap(source.size())
        pixmap.fill(Qt.GlobalColor.transparent)
        # The colour comes from a filled pixmap, not a brush: PySide would make QGradient and
        # its enumerations for a brush, at start-up.
        fill = QPixmap(source.size())
        fill.fill(colour)
        painter = QPainter(pixmap)
        painter.drawPixmap(0, 0, source)
        # Keep the glyph's shape (its alpha), replace its colour.
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.drawPixmap(0, 0, fill)
        painter.end()
        tinted.addPixmap(pixmap)
    _TINTED[key] = tinted
    return tinted


class _PaletteFollower(QObject):
    """Runs its paint functions again when the widget it watches gets a new palette.

    It listens on a hidden child of that widget, not on the widget: a child hears of every new
    palette its parent gets (the application's or the widget's own), and a hidden one, already
    polished, hears of nothing else. A filter on the widget itself would pass every event the
    widget gets through Python (a window gets hundreds as it comes up), and PySide would make
    the Python classes of some forty kinds of event the first time one came. Not for a
    splitter, which takes each child widget for a pane."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.paints: list[Callable[[], None]] = []
        ear = QWidget(widget)
        ear.setObjectName("palette-follower")
        ear.hide()
        ear.ensurePolished()
        QCoreApplication.sendPostedEvents(ear)  # its request to be polished, before listening
        ear.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.PaletteChange:
            for paint in self.paints:
                paint()
        return False


def follow_palette(widget: QWidget, paint: Callable[[], None]) -> None:
    """Run `paint` now, and again whenever the widget's palette changes: the system switching to
    dark mode or high contrast while the app runs redraws what was drawn in the old colours
    (tinted icons, focus borders), with no restart."""
    follower = widget.findChild(_PaletteFollower, "", Qt.FindChildOption.FindDirectChildrenOnly)
    if follower is None:
        follower = _PaletteFollower(widget)
    follower.paints.append(paint)
    paint()
