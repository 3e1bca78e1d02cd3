"""Run slow work (export, import parsing, preview rendering, search) off the UI thread.

`run_in_background(fn, *args, on_done=…, on_error=…, on_progress=…)` runs `fn(*args)` on
Qt's global thread pool and delivers the outcome to the UI thread through queued signals, so
callbacks may touch widgets. When `on_progress` is given, `fn` receives a `progress` keyword
argument: a callable `progress(done, total, message)` that is safe to call from the worker.
Work that runs one task at a time and must not wait behind others takes a `lane` of its own.

A widget that may close before its work finishes keeps the returned `Task` and cancels it when it
closes; `shutdown()` cancels everything and waits when the app quits, so no worker reports to
objects Qt has already deleted.
"""

from __future__ import annotations

import contextlib
import traceback
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from collections.abc import Callable


class _Relay(QObject):
    """Lives on the UI thread; signals emitted from the worker are queued to it."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class Task(QRunnable):
    """One background call. Keep the returned object if you may want to `cancel()` it."""

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], wants_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; the pool must not delete it under us
        self.relay = _Relay()
        self._fn = fn
        self._args = args
        self._wants_progress = wants_progress
        self.cancelled = False

    def cancel(self) -> None:
        """Drop the outcome: callbacks will not run (the work itself still finishes)."""
        self.cancelled = True

    def run(self) -> None:  # runs on a pool thread
        try:
            if self._wants_progress:
                result = self._fn(*self._args, progress=self._report)
            else:
                result = self._fn(*self._args)
        except BaseException as exc:  # any failure must reach the UI thread, not vanish
            # Kept on the exception for the error window (not an attribute exceptions declare).
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._emit(self.relay.failed, exc)
            return
        self._emit(self.relay.done, result)

    def _emit(self, signal: Any, value: Any) -> None:
        # Emitted even when cancelled, so the UI thread forgets the task; it skips the callback.
        with contextlib.suppress(RuntimeError):  # the app is shutting down, the relay is gone
            signal.emit(value)

    def _report(self, done: int, total: int, message: str = "") -> None:
        if not self.cancelled:
            with contextlib.suppress(RuntimeError):
                self.relay.progress.emit(int(done), int(total), str(message))


_running: set[Task] = set()  # keeps tasks (and their relays) alive until they report
_lanes: dict[str, QThreadPool] = {}


def lane(name: str) -> QThreadPool:
    """A pool of one thread of its own, for work that runs one task at a time and must never
    queue behind others (the preview: a spelling look-up or a search does not delay it)."""
    pool = _lanes.get(name)
    if pool is None:
        pool = _lanes[name] = QThreadPool()
        pool.setMaxThreadCount(1)
    return pool


def run_in_background(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    """Start fn(*args) on a worker thread; callbacks run later on the UI thread."""
    task = Task(fn, args, on_progress is not None)
    _running.add(task)

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _running.discard(task)
        if callback is not None and not task.cancelled:
            callback(value)

    task.relay.done.connect(lambda value: finish(on_done, value))
    task.relay.failed.connect(lambda exc: finish(on_error, exc))
    if on_progress is not None:
        task.relay.progress.connect(
            lambda d, t, m: None if task.cancelled else on_progress(d, t, m)
        )
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Block until the global pool and every lane are idle (for shutdown and tests)."""
    idle = [
        pool.waitForDone(timeout_ms) for pool in (*_lanes.values(), QThreadPool.globalInstance())
    ]
    return all(idle)


def shutdown(timeout_ms: int = 10000) -> bool:
    """Cancel every task (no callback will run) and wait for the workers to stop."""
    for task in list(_running):
        task.cancel()
    return wait_for_all(timeout_ms)
