"""The app's memory stays level however often the preview is redrawn: without the open pack's
layout, Typst's cache is let go after each preview; with it, each compile keeps only what it
used, and closing the pack gives it back. A long evening's editing of a big pack does not climb
towards gigabytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

PREVIEWS = 5
# The pack named on the command line, and the process's resident memory.
OPEN = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from briefing.gui.preview import PackLayout, render_preview
    from briefing.packfile import load_pack

    def resident_mb():
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS"):
                    return int(line.split()[1]) // 1024

    pack_file = Path(sys.argv[1])
    pack = load_pack(pack_file)
""")
# Five previews of this pack, one after another, as the app draws them after pauses in typing.
SCRIPT = OPEN + textwrap.dedent("""
    sizes = []
    for _ in range(int(sys.argv[2])):
        result = render_preview(pack, pack_file.parent, pages_ready=lambda pdf: None)
        assert result.pdf, result.error
        sizes.append(resident_mb())
    print(json.dumps(sizes))
""")


def _big_pack(folder: Path, items: int = 100) -> Path:
    sentence = "Councils weigh the cost of temporary housing against prevention work in each ward."
    pack = {
        "briefing_pack": 1,
        "title": "Temporary housing across the wards",
        "sections": [
            {
                "title": "Housing",
                "items": [
                    {
                        "article": f"a{i}",
                        "summary": " ".join([sentence] * 8),
                        "implications": [sentence, sentence],
                    }
                    for i in range(items)
                ],
            }
        ],
        "articles": {
            f"a{i}": {"title": f"Ward {i}: temporary housing costs"} for i in range(items)
        },
    }
    path = folder / "big.yaml"
    path.write_text(yaml.safe_dump(pack, sort_keys=False), encoding="utf-8")
    return path


def test_repeated_previews_of_a_big_pack_keep_memory_level(tmp_path: Path) -> None:
    if not Path("/proc/self/status").exists():
        import pytest

        pytest.skip("reads the resident memory from /proc (Linux)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(_big_pack(tmp_path)), str(PREVIEWS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    sizes = json.loads(done.stdout.strip().splitlines()[-1])
    # Without letting the cache go, each preview of this pack keeps about 28 MB more (84 MB over
    # the last three); with it, the process holds what one preview needs.
    grown = sizes[-1] - sizes[1]
    assert grown < 30, f"memory grew by {grown} MB over {PREVIEWS - 2} more previews: {sizes}"


# Previews of one open pack, as the app makes them: one summary edited before each, the pack's
# layout kept between them; then the pack closes.
KEPT = OPEN + textwrap.dedent("""
    layout = PackLayout()
    sizes = []
    for n in range(int(sys.argv[2])):
        pack.sections[0].items[n].summary += " Edited."
        result = render_preview(pack, pack_file.parent, pages_ready=lambda pdf: None,
                                layout=layout)
        assert result.pdf, result.error
        sizes.append(resident_mb())
    layout.close()
    sizes.append(resident_mb())
    print(json.dumps(sizes))
""")


def test_an_open_packs_layout_stays_level_and_goes_when_the_pack_closes(tmp_path: Path) -> None:
    if not Path("/proc/self/status").exists():
        import pytest

        pytest.skip("reads the resident memory from /proc (Linux)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", KEPT, str(_big_pack(tmp_path)), "8"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    *sizes, closed = json.loads(done.stdout.strip().splitlines()[-1])
    # Each compile keeps only what it used: the layout of one version of the pack. The first
    # few previews also fill the allocator's free lists, so the level is read after them.
    grown = sizes[-1] - sizes[4]
    assert grown < 30, f"memory grew by {grown} MB over three more edited previews: {sizes}"
    # Closing the pack gives back what its layout held: the process is back to its size after
    # the first preview, give or take a few MB the interpreter keeps (about 35 MB smaller than
    # before closing, at 100 items).
    assert closed <= sizes[0] + 5, (sizes, closed)
    assert sizes[-1] - closed >= 20, (sizes, closed)
