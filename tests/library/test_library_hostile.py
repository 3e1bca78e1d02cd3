"""One bad article never breaks the library, and a full disk is a plain message, not a traceback."""

from __future__ import annotations

import errno
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cli import main
from briefing.library import Library
from briefing.library.index import SearchIndex

if TYPE_CHECKING:
    import pytest

ARTICLE = "---\nid: {id}\ntitle: {title}\npublished: {published}\n---\n\n{body}\n"


def _write(folder: Path, name: str, title: str, published: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.md").write_text(
        ARTICLE.format(id=name, title=title, published=published, body=body), encoding="utf-8"
    )


def test_an_impossible_date_skips_that_article_and_keeps_the_rest(tmp_path: Path) -> None:
    articles = tmp_path / "lib" / "articles"
    _write(articles, "leap", "Leap year budgets", "2025-02-30", "Budgets for parks.")
    _write(articles, "good", "Parks and play areas", "2025-03-01", "Parks need money.")
    env_cache = tmp_path / "cache"
    for command in (["library", "list"], ["search", "parks"]):
        result = subprocess.run(
            [sys.executable, "-m", "briefing", *command, "--library", str(tmp_path / "lib")],
            capture_output=True,
            text=True,
            timeout=120,
            env={"BRIEFING_CACHE_DIR": str(env_cache), "PATH": "/usr/bin:/bin"},
        )
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode == 0
        assert "Parks and play areas" in result.stdout
        assert "Leap year budgets" not in result.stdout
        assert (
            "leap.md: skipped, the metadata block has a date that does not exist" in result.stderr
        )


def _full_on_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite says the disk is full whenever the index is written to its file."""
    real_apply = SearchIndex.apply

    def apply(self: SearchIndex, *args: object) -> None:
        if not self.in_memory:
            raise sqlite3.OperationalError("database or disk is full")
        real_apply(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchIndex, "apply", apply)


def test_a_full_cache_disk_keeps_search_working_and_says_so(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    articles = tmp_path / "lib" / "articles"
    _write(articles, "parks", "Parks and play areas", "2025-03-01", "Parks need money.")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    _full_on_disk(monkeypatch)
    assert main(["search", "parks", "--library", str(tmp_path / "lib")]) == 0
    out, err = capsys.readouterr()
    assert "Parks and play areas" in out
    assert "the search index cannot be saved (the disk is full); searching still works" in err
    assert "Traceback" not in err


def test_an_index_folder_that_cannot_be_created_is_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path / "lib" / "articles", "parks", "Parks and play areas", "2025-03-01", "Parks.")
    real_mkdir = Path.mkdir

    def mkdir(self: Path, *args: object, **kwargs: object) -> None:
        if "cache" in self.parts:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", mkdir)
    lib = Library(tmp_path / "lib", cache_dir=tmp_path / "cache")
    assert [a.title for a in lib.search("parks")] == ["Parks and play areas"]
    assert any("No space left on device" in line for line in lib.problems())


def test_a_library_filling_up_mid_import_says_which_articles_were_added(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import briefing.library.store as store

    source = Path(__file__).resolve().parents[1] / "samples" / "council-blog-collection.txt"
    calls = {"n": 0}
    real = store.create_new

    def create_new(target: Path, data: bytes) -> bool:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(target, data)

    monkeypatch.setattr(store, "create_new", create_new)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["import", str(source), "--library", str(tmp_path / "lib")]) == 1
    err = capsys.readouterr().err
    assert "Cannot add more articles to" in err and "the disk is full" in err
    assert "2 articles added before it stopped:" in err
    assert "Small Parishes, Big Storms" in err and "Audit 2.0" in err
    assert "Helping new councillors" not in err
    assert "Traceback" not in err
    assert len(list((tmp_path / "lib" / "articles").glob("*.md"))) == 2


def test_temporary_files_left_in_articles_by_a_killed_import_are_swept(
    tmp_path: Path, make_draft
) -> None:
    import os
    import time

    articles = tmp_path / "lib" / "articles"
    articles.mkdir(parents=True)
    stale = articles / ".~new.k2j4h5q.tmp"
    stale.write_text("---\ntitle: half written\n", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    lib = Library(tmp_path / "lib", cache_dir=tmp_path / "cache")
    lib.add_drafts([make_draft("Parks and play areas")])
    assert [p.name for p in articles.iterdir()] == ["parks-and-play-areas.md"]


def test_an_article_file_nested_a_thousand_deep_is_skipped(tmp_path: Path) -> None:
    articles = tmp_path / "lib" / "articles"
    _write(articles, "deep", "[" * 1000 + "]" * 1000, "2025-03-01", "Budgets.")
    _write(articles, "good", "Parks and play areas", "2025-03-01", "Parks need money.")
    lib = Library(tmp_path / "lib", cache_dir=tmp_path / "cache")
    assert [a.title for a in lib.articles()] == ["Parks and play areas"]
    assert any(
        "deep.md: skipped, the metadata block: lists and sets of keys are nested" in line
        for line in lib.problems()
    )


def test_library_list_reads_no_article_file_the_index_already_holds(tmp_path, monkeypatch, capsys):
    """`briefing library list` (and `theme list`) come from the index: an article file the
    index has seen, unchanged since, is never read again to list it, however long its body."""
    import json

    from briefing.cli import main
    from briefing.library import Library, LibraryArticle
    from briefing.library import folder as article_folder
    from briefing.library.article_file import dump_article

    root, cache = tmp_path / "library", tmp_path / "cache"
    (root / "articles").mkdir(parents=True)
    article = LibraryArticle(
        id="long-report",
        title="A long report",
        authors=["Ada Greenwood"],
        source="Example Weekly",
        standfirst="What the report found.",
        reference="Report 12/2026",
        themes=[],
        body="Costs rose again this year.\n\n" * 20_000,
    )
    (root / "articles" / "long-report.md").write_text(dump_article(article), encoding="utf-8")
    assert [a.title for a in Library(root, cache_dir=cache).listing()] == ["A long report"]

    def never(path: object) -> None:
        raise AssertionError(f"{path} was read to list it")

    monkeypatch.setattr(article_folder, "read_article_file", never)
    monkeypatch.setenv("BRIEFING_LIBRARY", str(root))
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(cache))
    assert main(["library", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["title"] == "A long report" and listed["authors"] == ["Ada Greenwood"]
    assert listed["standfirst"] == "What the report found."
    assert listed["reference"] == "Report 12/2026"
    assert main(["library", "list"]) == 0
    assert "1 article in" in capsys.readouterr().out
