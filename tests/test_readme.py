"""The README's first steps on the command line work on a fresh copy of the project: every
command in them is run as written, from a folder holding only what a clone holds (the sample
articles and the example packs), and does what its comment says."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def command_line_steps() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    part = readme[readme.index("## First steps on the command line") :]
    part = part[: part.index("\n## ", 1)]
    blocks = re.findall(r"```bash\n(.*?)```", part, re.S)
    return [
        line.split("  #")[0].strip()
        for block in blocks
        for line in block.splitlines()
        if line.strip()
    ]


def test_the_readme_stays_a_short_first_page() -> None:
    """What it is, the two commands, first steps and where to read more: the rest is in docs/."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 150, f"README.md has {len(lines)} lines: move detail into docs/guide/"


def test_the_readmes_command_line_steps_work_on_a_fresh_clone(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "samples").symlink_to(ROOT / "tests" / "samples")
    (tmp_path / "packs").symlink_to(ROOT / "packs")
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    steps = command_line_steps()
    assert len(steps) >= 10, steps
    outputs = {}
    for step in steps:
        if step.startswith("export "):
            name, value = step.removeprefix("export ").split("=", 1)
            env[name] = shlex.split(value.replace("$PWD", str(tmp_path)))[0]
            continue
        words = shlex.split(step)
        assert words[0] == "briefing", step
        done = subprocess.run(
            [sys.executable, "-m", "briefing", *words[1:]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        outputs[step] = done.stdout + done.stderr
        # The pack just made has no summaries yet: checking and building it say so (exit 1).
        expected = 1 if "renewal.yaml" in words and words[1] in ("check", "build") else 0
        assert done.returncode == expected, f"{step}\n{outputs[step]}"
    assert env["BRIEFING_LIBRARY"] == str(tmp_path / "demo-library")
    assert "5 articles" in outputs["briefing library list"]
    assert "has no summary" in outputs["briefing check renewal.yaml"]
    assert (tmp_path / "renewal.yaml").is_file()
    built = {path.name for path in (tmp_path / "out").iterdir()}
    assert {"Resilience, reform and AI.pdf", "Resilience, reform and AI (public).html"} <= built
