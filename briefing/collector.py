"""Python's cycle collector paused while long work builds many objects that live to its end.

Reading a pack of 10,000 items, composing its briefing and checking it each build hundreds of
thousands of objects that all stay alive until the step ends. The collector's full passes walk
every live object, and they come more often as the work's objects pile up, so on a long pack
they cost more than the work itself and made a pack four times as long take five to seven
times as long. None of these objects form cycles the collector could free (the step's garbage
goes as soon as it is dropped), so the collector waits until the step ends.

    with paused():
        pack = read(...)

Steps may nest and run on several threads at once: the collector runs again when the last
one ends (if it was running when the first began).
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

_lock = threading.Lock()
_running = 0  # steps in progress
_was_enabled = False  # the collector's state when the first of them began


@contextmanager
def paused() -> Iterator[None]:
    """Pause the collector for the block (also usable as a decorator: `@paused()`)."""
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _was_enabled:
                gc.enable()
