"""The Linux system libraries the app needs: every library Qt's X11 platform plugin loads that is
not part of Qt or the C runtime is installed by the test command and named in the install guide (a
fresh desktop without libxcb-icccm4 stops with "Could not load the Qt platform plugin xcb")."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = re.compile(r"^(libQt6|libc\.|libm\.|libstdc\+\+|libgcc_s|ld-linux|libgthread)")


def needed(library: Path) -> set[str]:
    shown = subprocess.run(
        ["readelf", "-d", str(library)], capture_output=True, text=True, check=True
    ).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^]]+)\]", shown))


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("readelf") is None,
    reason="reads the Linux build of Qt's X11 plugin with readelf",
)
def test_the_x11_plugins_libraries_are_installed_and_documented() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    wanted = {
        name
        for lib in (plugin, *qt.glob("lib/libQt6XcbQpa.so*"))
        if lib.is_file()
        for name in needed(lib)
        if not RUNTIME.match(name)
    }
    assert {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"} <= wanted
    run_sh = (ROOT / "tests" / "run.sh").read_text(encoding="utf-8")
    table = dict(re.findall(r"\[([\w.+-]+\.so\.\d+)\]=([\w.+-]+)", run_sh))
    assert not wanted - table.keys(), f"tests/run.sh does not install {wanted - table.keys()}"
    guide = (ROOT / "docs" / "guide" / "install.md").read_text(encoding="utf-8")
    install = guide[guide.index("**On Linux**") :]
    install = install[: install.index("```\n\n")]
    named = set(re.findall(r"[\w.+-]+", install))
    missing = {table[lib] for lib in wanted} - named
    assert not missing, f"docs/guide/install.md does not name {missing}"
