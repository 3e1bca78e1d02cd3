"""What the Pack pane shows while the pack has no articles: the first steps, readable from the
keyboard (F6 to the Pack pane) and by scrolling on a narrow pane. Built when first shown (a
window that comes up with a pack open never shows it): laying out its rich text takes some
milliseconds of start-up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

EMPTY_PACK = (
    "<p><b>This pack has no articles yet.</b></p>"
    "<ol style='margin-left: 12px'>"
    "<li><b>Import articles to start</b>: <b>Library \u25b8 Import "
    "files\u2026</b> (Ctrl+I) or drag files onto the library.</li>"
    "<li><b>Add them here</b>: select articles in the library and choose <b>Add to "
    "pack</b> (Ctrl+Enter), drag them here, or add a whole theme as a section.</li>"
    "<li><b>Write</b> a summary and implications for each article.</li>"
    "<li><b>Export</b> to Word or PDF: <b>File \u25b8 Export\u2026</b> (Ctrl+E).</li>"
    "</ol><p>Help \u25b8 Getting started (F1) explains each step.</p>"
)


def empty_pack_guidance(parent: QWidget) -> QScrollArea:
    """The scroll area holding the guidance label (see `guidance_label`)."""
    label = QLabel(EMPTY_PACK, parent)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    label.setMargin(12)
    label.setAccessibleName("Empty pack guidance")
    # Reachable from the keyboard (F6 to the Pack pane) so a screen reader reads it.
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByKeyboard
        | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    # A narrow pane (a laptop at 150%) shows the guidance whole by scrolling it.
    scroll = QScrollArea(parent)
    scroll.setWidget(label)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll


def guidance_label(scroll: QScrollArea) -> QLabel:
    """The label inside the guidance's scroll area."""
    label = scroll.widget()
    assert isinstance(label, QLabel), "the guidance scrolls a label"
    return label
