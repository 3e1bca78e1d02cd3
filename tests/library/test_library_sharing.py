"""Two people on one shared library folder: nothing lost, nothing half-written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING

import pytest
import yaml

from briefing.library import Library
from briefing.library.lock import LibraryLock, LockTimeout
from briefing.library.records import DraftArticle

if TYPE_CHECKING:
    from pathlib import Path

WORKER = """
import sys
from pathlib import Path
from briefing.library import Library
from briefing.library.records import DraftArticle
root, who = Path(sys.argv[1]), sys.argv[2]
lib = Library(root)
for n in range(15):
    lib.add_drafts([DraftArticle(title=f"Shared title {n}", authors=[who], body=f"{who} {n}")])
    lib.add_theme(f"{who} theme {n}")
"""


def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path, cache_dir: Path):
    root = tmp_path / "shared"
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache_dir)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(root), who],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("Alice", "Bob")
    ]
    for p in procs:
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
    lib = Library(root)
    articles = lib.articles()
    # Same titles, different authors: 30 distinct articles in 30 distinct files.
    assert len(articles) == 30 and not lib.problems()
    assert len({a.path for a in articles}) == 30
    assert {a.authors[0] for a in articles} == {"Alice", "Bob"}
    themes = yaml.safe_load((root / "themes.yaml").read_text(encoding="utf-8"))
    assert len(themes) == 30
    assert not (root / ".briefing.lock").exists()
    assert not [p for p in (root / "articles").iterdir() if p.name.startswith(".")]


def test_two_library_objects_in_threads(tmp_path: Path, cache_dir: Path):
    root = tmp_path / "lib"
    errors: list[BaseException] = []

    def work(who: str) -> None:
        try:
            lib = Library(root)
            for n in range(10):
                lib.add_drafts([DraftArticle(title=f"Item {n}", authors=[who])])
                lib.search("item")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in ("Ann", "Ben", "Cat")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(Library(root).search("item", limit=100)) == 30


def test_stale_lock_from_a_crashed_program_is_broken(tmp_path: Path):
    lock = tmp_path / ".briefing.lock"
    lock.write_text(json.dumps({"token": "old", "host": "elsewhere", "pid": 1}), encoding="utf-8")
    old = time.time() - 3600
    os.utime(lock, (old, old))
    with LibraryLock(lock, timeout=2):
        assert json.loads(lock.read_text(encoding="utf-8"))["token"] != "old"
    assert not lock.exists()


def test_a_held_lock_times_out_with_a_clear_message(tmp_path: Path):
    lock = tmp_path / ".briefing.lock"
    lock.write_text(json.dumps({"token": "t", "host": "colleague-pc", "pid": 1}), encoding="utf-8")
    with pytest.raises(LockTimeout, match="busy") as caught, LibraryLock(lock, timeout=0.2):
        raise AssertionError("should not get the lock")
    assert "colleague-pc" in str(caught.value)
    assert lock.exists()  # someone else's lock is left alone


def test_added_article_files_are_complete(tmp_path: Path, cache_dir: Path):
    lib = Library(tmp_path / "lib")
    lib.add_drafts([DraftArticle(title="Whole", body="x" * 100_000)])
    text = (tmp_path / "lib" / "articles" / "whole.md").read_text(encoding="utf-8")
    assert text.count("x") >= 200_000
