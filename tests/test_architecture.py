"""The shape of the code: the command line and writers never load Qt; packaging is complete."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_building_imports_no_qt() -> None:
    code = (
        "import sys, briefing.cli, briefing.build, briefing.packfile, briefing.compose\n"
        "import briefing.export.pdf.reportlab.writer, briefing.export.docx.writer, briefing.library\n"
        "from briefing.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_only_the_gui_package_imports_qt() -> None:
    offenders = []
    for path in (ROOT / "briefing").rglob("*.py"):
        if "gui" in path.relative_to(ROOT / "briefing").parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(
                ("import PySide6", "from PySide6", "import shiboken6", "from shiboken6")
            ):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_every_package_is_listed_for_the_wheel() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "briefing").rglob("__init__.py")
    } | {"briefing.assets"}
    assert found == listed


def test_version_is_printed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("briefing ")


def test_unwritable_output_folder_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing",
            "build",
            str(ROOT / "packs" / "member-briefing.yaml"),
            "-o",
            str(blocker / "out"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Cannot create the output folder" in result.stderr


def test_the_windowed_entry_point_is_declared_and_opens_the_app() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    target = project["gui-scripts"]["briefing-app"]
    module, _, function = target.partition(":")
    code = (
        "import sys, importlib\n"
        "import briefing.cli.gui as gui\n"
        "opened = []\n"
        "gui.run_gui = lambda pack, library=None, qt=None: opened.append((pack, library)) or 0\n"
        f"sys.argv = ['briefing-app', 'packs/x.yaml']\n"
        f"code = getattr(importlib.import_module({module!r}), {function!r})()\n"
        "assert code == 0 and str(opened[0][0]) == 'packs/x.yaml', opened\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _top_level_modules() -> set[str]:
    names = set()
    for path in (ROOT / "briefing").iterdir():
        if path.suffix == ".py" and path.stem not in ("__init__", "__main__"):
            names.add(f"briefing.{path.stem}")
        elif (path / "__init__.py").is_file():
            names.add(f"briefing.{path.name}")
    return names


def test_layer_contracts_name_every_module() -> None:
    """A new top-level module joins the writers' contract in pyproject.toml: it must be forbidden
    to the writers unless writers may read it. (The Qt contract needs no list: only briefing.gui
    may import PySide6.)"""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
        "contracts"
    ]
    by_name = {c["name"]: c for c in contracts}
    qt = by_name["Only the app (briefing.gui) imports Qt"]
    assert (qt["type"], qt["allowed_importers"]) == ("protected", ["briefing.gui"])
    modules = _top_level_modules()
    writers = by_name["Writers read the document model only (document, errors, limits, files)"]
    allowed = {
        "briefing.export",
        "briefing.document",
        "briefing.errors",
        "briefing.files",
        "briefing.limits",
    }
    missing = modules - allowed - set(writers["forbidden_modules"])
    assert not missing, f"add {sorted(missing)} to forbidden_modules of the writers' contract"
