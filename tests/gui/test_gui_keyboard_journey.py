"""The keyboard-only journey (tests/gui/keyboard_journey.py) at 150% display scaling on a
1366×768 laptop screen, in its own process, since the scale is fixed when Qt starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from laptop_screen import laptop_env, screen_file

HERE = Path(__file__).resolve().parent


def test_the_whole_journey_by_keyboard_at_150_percent(tmp_path: Path) -> None:
    env = laptop_env("1.5", screen_file(tmp_path), tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(HERE.parent.parent),
            str(HERE / "keyboard_journey.py"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout
