"""The keyboard-only journey (tests/gui/keyboard_journey.py) at 150% display scaling on a
1366×768 laptop screen, in its own process, since the scale is fixed when Qt starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCREEN = {
    "screens": [
        {
            "name": "laptop",
            "x": 0,
            "y": 0,
            "width": 1366,
            "height": 768,
            "logicalDpi": 96,
            "physicalWidth": 344,
            "physicalHeight": 194,
        }
    ]
}


def test_the_whole_journey_by_keyboard_at_150_percent(tmp_path: Path) -> None:
    screen = tmp_path / "laptop.json"
    screen.write_text(json.dumps(SCREEN), encoding="utf-8")
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": "1.5",
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "XDG_CONFIG_HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path),
    }
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
