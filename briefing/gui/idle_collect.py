"""Python's full garbage collections, run in the app when the officer pauses rather than when
Python decides.

A full pass walks every live object: 40-90 ms with a 300-item pack open, a stutter the officer
feels when it lands between two keystrokes or while new preview pages swap in, and Python
starts one on whichever thread happens to be allocating (the preview's worker, mostly), which
stops the window's thread too. While a window watches (`watch`), automatic full passes are off
(the young generations are still collected as usual, a few milliseconds each) and one runs when
a preview has finished with no edit for QUIET_S (a preview overtaken by an edit never finishes,
so this is a pause in the typing, and the garbage of one preview is all there is to find), else
once no pack has changed for IDLE_MS; if the edits never pause, one runs after MAX_WAIT_S
anyway. With no window watching, Python's own thresholds are back.

What the app makes as it starts (the modules, their classes and functions, the Qt wrappers)
lives as long as the app, so collecting among it finds nothing: from the moment the app
starts (`briefing.gui.app` calls `hold_for_start_up`; importing one of the app's modules alone
does not) Python collects nothing, and once the first window to watch has come up (the events waiting when it began to watch have run) all of it is frozen
(`gc.freeze`) and collection is back on: every full pass after walks only what came since.
With a 300-item pack open that is a pass of a few milliseconds instead of about 50, so the
pass run after a preview no longer stalls the window.
"""

from __future__ import annotations

import contextlib
import gc
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from briefing.limits.memory import give_back_freed_memory

if TYPE_CHECKING:
    from briefing.gui.preview import Preview

IDLE_MS = 1500
QUIET_S = 0.5
MAX_WAIT_S = 60.0
NEVER = 1 << 30  # a threshold for the oldest generation no count reaches


class IdleCollector(QObject):
    """The app's one collector of its own (see `idle_collector`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.previews: list[Preview] = []
        self.collections = 0  # full passes run here (tests read it)
        self._thresholds = gc.get_threshold()
        self._last = self._edited = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(IDLE_MS)
        self.timer.timeout.connect(self._idle)

    def watch(self, preview: Preview) -> None:
        """Count this window's edits and previews as activity, until it stops watching."""
        if not _frozen:
            _frozen.append(True)
            # Once the window is up: what the app started with, left out of every full pass.
            QTimer.singleShot(0, _started)
        if not self.previews:
            self._thresholds = gc.get_threshold()
            young, middle = self._thresholds[:2]
            gc.set_threshold(young, middle, NEVER)
        self.previews.append(preview)
        preview.destroyed.connect(lambda *_: self.unwatch(preview, gone=True))  # never closed
        preview.model.pack_changed.connect(self.edited)
        preview.rendered.connect(self.previewed)
        self.edited()

    def unwatch(self, preview: Preview, gone: bool = False) -> None:
        """The window closes (or is `gone` already): with none left watching, Python collects
        as it did before."""
        if preview not in self.previews:
            return
        self.previews.remove(preview)
        if not gone:
            with contextlib.suppress(RuntimeError, TypeError):
                preview.model.pack_changed.disconnect(self.edited)
                preview.rendered.disconnect(self.previewed)
        if not self.previews:
            self.timer.stop()
            gc.set_threshold(*self._thresholds)

    def edited(self) -> None:
        """An edit: the pause is counted again from now."""
        self._edited = time.monotonic()
        if self._edited - self._last > MAX_WAIT_S:
            self.collect()  # edits that never pause still get a full pass now and then
        self.timer.start()

    def previewed(self) -> None:
        """A preview has finished: after a pause in the typing, a full pass now."""
        if time.monotonic() - self._edited >= QUIET_S:
            self.collect()
        else:
            self.timer.start()

    def _idle(self) -> None:
        if any(preview.busy or preview.timer.isActive() for preview in self.previews):
            self.timer.start()  # a preview is on its way: after it
            return
        self.collect()

    def collect(self) -> None:
        self.timer.stop()
        self._last = time.monotonic()
        self.collections += 1
        gc.collect()
        give_back_freed_memory()  # what the preview's worker freed, too


_collector: list[IdleCollector] = []
_frozen: list[bool] = []  # once the app's start is frozen (once per process)
_held: list[bool] = []  # while start-up holds collection back


def hold_for_start_up() -> None:
    """No collection until the first window is up (once a process, if collection is on)."""
    if not _held and not _frozen and gc.isenabled():
        _held.append(True)
        gc.disable()


def _started() -> None:
    gc.freeze()
    if _held:
        _held.clear()
        gc.enable()


def idle_collector() -> IdleCollector:
    """The app's collector (made with the first window that asks)."""
    if not _collector:
        _collector.append(IdleCollector(QCoreApplication.instance()))
    return _collector[0]
