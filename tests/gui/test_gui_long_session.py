"""A long session must not crash: many thousands of Qt calls in one process (some PySide6
builds lose a reference to None on each call that returns nothing; the app guards against it)."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
import briefing.gui
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
edit = QLineEdit()
for n in range(30000):
    edit.setText(str(n))
    app.processEvents()
print("still running", edit.text())
"""


def test_thirty_thousand_qt_calls_do_not_crash_the_app():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "still running 29999"
