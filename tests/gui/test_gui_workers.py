"""Background work: outcomes reach the UI thread; cancelled or shut-down work reports nothing."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication

from briefing.gui import workers


def _blocked(gate: threading.Event, progress: Any = None) -> str:
    gate.wait()
    if progress is not None:
        progress(1, 1, "finished")  # reported after shutdown: must reach nobody
    return "result"


def test_finished_work_reaches_its_callback(qtbot: Any) -> None:
    seen: list[Any] = []
    workers.run_in_background(sum, [1, 2, 3], on_done=seen.append)
    qtbot.waitUntil(lambda: seen == [6])


def test_shutdown_cancels_running_work_and_forgets_it(qtbot: Any) -> None:
    gate = threading.Event()
    seen: list[Any] = []
    task = workers.run_in_background(
        _blocked,
        gate,
        on_done=seen.append,
        on_error=seen.append,
        on_progress=lambda *a: seen.append(a),
    )
    assert task in workers._running
    assert workers.shutdown(0) is False  # still running: nothing waited for it
    assert task.cancelled
    gate.set()
    assert workers.wait_for_all(10_000)
    qtbot.waitUntil(lambda: task not in workers._running)
    QCoreApplication.processEvents()
    assert seen == []


def test_cancelled_failure_reports_nothing_and_is_forgotten(qtbot: Any) -> None:
    gate = threading.Event()
    seen: list[Any] = []

    def fail() -> None:
        gate.wait()
        raise OSError("disk gone")

    task = workers.run_in_background(fail, on_done=seen.append, on_error=seen.append)
    task.cancel()
    gate.set()
    assert workers.wait_for_all(10_000)
    qtbot.waitUntil(lambda: task not in workers._running)
    assert seen == []
