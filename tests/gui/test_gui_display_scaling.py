"""Every window fits a 1366×768 laptop screen at 100%, 125% and 150% display scaling (the
Windows defaults on small laptops), with its buttons on screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SCREEN = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                       "logicalDpi": 96, "physicalWidth": 344, "physicalHeight": 194}]}


@pytest.fixture(scope="module")
def screen_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("screen") / "laptop.json"
    path.write_text(json.dumps(SCREEN), encoding="utf-8")
    return path


@pytest.mark.parametrize("scale", ["1", "1.25", "1.5"])
def test_windows_and_dialogs_fit_a_laptop_screen(scale: str, screen_file: Path,
                                                tmp_path: Path) -> None:
    env = {**os.environ, "QT_SCALE_FACTOR": scale,
           "QT_QPA_PLATFORM": f"offscreen:configfile={screen_file}",
           "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path),
           "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, str(HERE / "scaled_sizes.py")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    width, height = found.pop("screen")
    assert width == round(1366 / float(scale))
    for name, shown in found.items():
        w, h = shown["size"]
        min_w, min_h = shown["minimum"]
        assert min_w <= width and min_h <= height, f"{name} cannot shrink to the screen: {shown}"
        # (a pixel over is the rounding of 1366 / 1.25)
        assert w <= width + 1 and h <= height + 1, f"{name} opens larger than the screen: {shown}"
