"""Builds the HTML version of every example pack, of the hostile pack and the pages about a
revised pack (its redline) once per test session, through the real command line, and runs the
axe-core checks on them in headless Chromium (the checks skip, saying why, only when Chromium,
node or the npm packages are truly absent)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from html_pages import EXAMPLE_PACKS, build_many, hostile_pack, revision_pages

A11Y = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def html_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The HTML file of every example pack and of the hostile pack, by pack name."""
    packs = [*EXAMPLE_PACKS, hostile_pack(tmp_path_factory.mktemp("hostile-pack"))]
    built = build_many([(pack, tmp_path_factory.mktemp(f"html-{pack.stem}")) for pack in packs])
    pages: dict[str, Path] = {}
    for pack, (page,) in zip(packs, built, strict=True):
        assert page.suffix == ".html"
        pages[pack.stem] = page
    return pages | revision_pages(tmp_path_factory.mktemp("revisions"))


def _chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser"):
        found = shutil.which(name) if name else None
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def axe_report(html_pages: dict[str, Path]) -> dict:
    """axe-core's findings, the outside requests and the sideways scroll for every page."""
    chromium, node = _chromium(), shutil.which("node")
    if chromium is None:
        pytest.skip("Chromium is not installed (tests/run.sh installs Debian's chromium)")
    if node is None:
        pytest.skip("node is not installed (tests/run.sh installs it with npm)")
    if not (A11Y / "node_modules" / "axe-core").is_dir():
        pytest.skip(
            "the npm packages are not installed: run `npm ci` in tests/a11y (tests/run.sh does)"
        )
    proc = subprocess.run(
        [node, str(A11Y / "axe_check.mjs"), "--chromium", chromium, *map(str, html_pages.values())],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    by_file = report["files"]
    return {
        "axe": report["axe"],
        "pages": {name: by_file[str(path.resolve())] for name, path in html_pages.items()},
    }
