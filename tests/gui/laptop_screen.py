"""The environment of an app run on a 1366x768 laptop screen (Qt's offscreen platform told the
screen's size and density) at a display scale, with its settings kept in a folder of its own."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

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


def screen_file(folder: Path) -> Path:
    """The screen's description for Qt, written in `folder`."""
    path = folder / "laptop.json"
    path.write_text(json.dumps(SCREEN), encoding="utf-8")
    return path


def laptop_env(scale: str, screen: Path, home: Path) -> dict[str, str]:
    """os.environ for a run on the `screen` at `scale`, its settings, data and cache in `home`."""
    return {
        **os.environ,
        "QT_SCALE_FACTOR": scale,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "XDG_CONFIG_HOME": str(home),
        "XDG_DATA_HOME": str(home),
        "XDG_CACHE_HOME": str(home),
    }
