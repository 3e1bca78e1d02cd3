"""Every window and dialog, in every state it has (tests/gui/every_window.py), fits a 1366×768
laptop screen at 100%, 125% and 150% display scaling (the Windows defaults on small laptops):
the window and each of its buttons, option boxes and tick boxes lie on the screen, no two of
them overlap or is squashed below the height of its text, and the pack tree shows each title
whole."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from laptop_screen import laptop_env
from laptop_screen import screen_file as write_screen

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def screen_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_screen(tmp_path_factory.mktemp("screen"))


def measured(scale: str, screen_file: Path, tmp_path: Path) -> dict[str, object]:
    env = laptop_env(scale, screen_file, tmp_path)
    done = subprocess.run(
        [sys.executable, str(HERE / "scaled_sizes.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def inside(rect: list[int], area: list[int], slack: int = 1) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return (
        x >= ax - slack
        and y >= ay - slack
        and x + w <= ax + aw + slack
        and y + h <= ay + ah + slack
    )


def overlap(a: list[int], b: list[int]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


@pytest.mark.parametrize("scale", ["1", "1.25", "1.5"])
def test_every_window_and_its_buttons_fit_a_laptop_screen(
    scale: str, screen_file: Path, tmp_path: Path
) -> None:
    found = measured(scale, screen_file, tmp_path)
    screen = found.pop("screen")
    assert isinstance(screen, list) and screen[2] == round(1366 / float(scale))
    assert len(found) >= 16  # every state of every window was opened
    wrong = []
    for name, shown in found.items():
        assert isinstance(shown, dict)
        if not inside(shown["window"], screen):
            wrong.append(f"{name}: the window {shown['window']} is off the screen {screen}")
        if shown["scrolls"] and shown["window"][3] < screen[3] * 0.9 - 4:
            wrong.append(f"{name}: its body scrolls though the screen has room ({shown['window']})")
        minimum = shown["minimum"]
        if minimum[0] > screen[2] or minimum[1] > screen[3]:
            wrong.append(f"{name}: cannot shrink to the screen (needs {minimum})")
        controls = shown["controls"]
        for control in controls:
            where = control["scrolls_in"] or control["rect"]
            fits = control["rect"][2] <= where[2] + 1
            if not inside(where, screen) or not fits:
                wrong.append(f"{name}: {control['name']!r} at {control['rect']} is off the screen")
            if control["squashed"]:
                wrong.append(f"{name}: {control['name']!r} is squashed to {control['rect']}")
        for n, a in enumerate(controls):
            for b in controls[n + 1 :]:
                if (
                    a["scrolls_in"] is None
                    and b["scrolls_in"] is None
                    and not (a["arrows"] and b["arrows"])
                    and overlap(a["rect"], b["rect"])
                ):
                    wrong.append(f"{name}: {a['name']!r} and {b['name']!r} overlap")
        cut = [row for row in shown.get("tree rows", []) if "\u2026" in row]
        if cut:
            wrong.append(f"{name}: pack tree titles cut short: {cut}")
    assert not wrong, "\n".join(wrong)
