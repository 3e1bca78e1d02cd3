"""The articles folder as read by the library: a scan that keeps the search index and a cache of
parsed articles in step with the files, plus reading one file and creating a new one safely.

Nothing here takes the library lock: reading never needs it, and `create_new` never replaces a
file, so it is safe beside another writer.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
import time
from copy import deepcopy
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from briefing.files.safe_write import atomic_write_bytes, temporary_prefix
from briefing.library.article_file import ArticleFileError, LibraryArticle, parse_article
from briefing.library.index import SearchIndex, Stamp, disk_full
from briefing.limits.reading import MB, Unreadable, read_capped

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")
Good = list[tuple[str, Stamp, LibraryArticle]]
Bad = list[tuple[str, Stamp, str]]


class ArticleFolder:
    """Scans `articles_dir` into `index`; hands out copies of parsed articles, cached by stamp."""

    # A folder scan is skipped when the folder has not changed and the last one is this recent
    # (seconds): keeps search-as-you-type fast on 10,000 files. sync(force=True) always scans.
    RESCAN_AFTER = 2.0
    # ... or, on a folder that takes long to scan, this many times the last scan's time: so
    # looking for files edited in place (which leave the folder unchanged) costs a searching
    # officer at most a thirtieth of the time (10,000 files take about 0.3 s to scan).
    RESCAN_SHARE = 30

    def __init__(self, articles_dir: Path, index: SearchIndex) -> None:
        self.articles_dir = articles_dir
        self.index = index
        self._cache: dict[str, tuple[Stamp, LibraryArticle]] = {}
        self._guard = threading.RLock()
        self._scanned_at = -1e9
        self._scan_seconds = 0.0
        self._dir_mtime = -1

    def load(self, name: str) -> LibraryArticle | None:
        """A copy of the article in file `name`, or None when it is gone or damaged."""
        path = self.articles_dir / name
        try:
            st = path.stat()
        except OSError:
            return None
        stamp = (st.st_mtime_ns, st.st_size)
        with self._guard:
            cached = self._cache.get(name)
        if cached and cached[0] == stamp:
            return deepcopy(cached[1])
        try:
            article = read_article_file(path)
        except (ArticleFileError, OSError):
            return None
        with self._guard:
            self._cache[name] = (stamp, article)
        return deepcopy(article)

    def remember(self, path: Path, article: LibraryArticle) -> None:
        """The library has just written `article` to `path`: no need to read it back."""
        try:
            st = path.stat()
        except OSError:
            return
        with self._guard:
            self._cache[path.name] = ((st.st_mtime_ns, st.st_size), article)

    def sync(self, force: bool = False) -> None:
        """Re-read new and changed files into the index and drop deleted ones."""
        with self._guard:
            try:
                dir_mtime = self.articles_dir.stat().st_mtime_ns
            except OSError:
                dir_mtime = 0
            now = time.monotonic()
            wait = max(self.RESCAN_AFTER, self.RESCAN_SHARE * self._scan_seconds)
            if not force and dir_mtime == self._dir_mtime and now - self._scanned_at < wait:
                return
            on_disk = self._scan()
            indexed = self.indexed(self.index.stamps)
            good: Good = []
            bad: Bad = []
            for name, stamp in on_disk.items():
                if indexed.get(name) == stamp:
                    continue
                cached = self._cache.get(name)
                if cached and cached[0] == stamp:
                    good.append((name, stamp, cached[1]))
                else:
                    self._read_into(name, stamp, good, bad)
            removed = [n for n in indexed if n not in on_disk]
            for n in removed:
                self._cache.pop(n, None)
            self.indexed(lambda: self.index.apply(good, bad, removed))
            if not (good or bad or removed):  # a scan alone, without reading files
                self._scan_seconds = time.monotonic() - now
            self._dir_mtime, self._scanned_at = dir_mtime, now

    def indexed(self, call: Callable[[], T]) -> T:
        """Run an index call; a damaged index is deleted, rebuilt from the files, and retried."""
        try:
            return call()
        except (sqlite3.DatabaseError, OSError) as exc:
            with self._guard:
                if disk_full(exc) and not self.index.in_memory:
                    self.index.use_memory("the disk is full")
                elif isinstance(exc, OSError):
                    raise
                else:
                    self.index.reset()
                self._scanned_at = -1e9
                self._dir_mtime = -1
                good: Good = []
                bad: Bad = []
                for name, stamp in self._scan().items():
                    self._read_into(name, stamp, good, bad)
                self.index.apply(good, bad, [])
            return call()

    def _read_into(self, name: str, stamp: Stamp, good: Good, bad: Bad) -> None:
        try:
            article = read_article_file(self.articles_dir / name)
        except ArticleFileError as exc:
            bad.append((name, stamp, str(exc)))
            return
        except OSError:
            return  # vanished or unreadable mid-scan; the next scan sees it
        self._cache[name] = (stamp, article)
        good.append((name, stamp, article))

    def _scan(self) -> dict[str, Stamp]:
        found: dict[str, Stamp] = {}
        try:
            entries = os.scandir(self.articles_dir)
        except (FileNotFoundError, NotADirectoryError):
            return found
        with entries:
            for entry in entries:
                if entry.name.endswith(".md") and not entry.name.startswith("."):
                    try:
                        st = entry.stat()
                    except OSError:
                        continue
                    if entry.is_file():
                        found[entry.name] = (st.st_mtime_ns, st.st_size)
        return found


MAX_ARTICLE_FILE = 32 * MB  # an imported article is at most 20 MB of text


def read_article_file(path: Path) -> LibraryArticle:
    """Parse one article file; ArticleFileError says why it cannot be read (OSError passes).
    A file far larger than any article (a log or a whole archive saved into the folder) is
    reported without being read, once: the index keeps the report until the file changes."""
    try:
        data = read_capped(path, MAX_ARTICLE_FILE, "an article file")
    except Unreadable as exc:
        if "cannot be" in exc.reason:
            raise OSError(exc.reason) from None  # vanished or unreadable: the next scan sees it
        raise ArticleFileError(f"it {exc.reason}") from None
    if not data.strip():
        raise ArticleFileError("the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleFileError(f"it is not UTF-8 text (byte {exc.start + 1})") from exc
    article = parse_article(text, path)
    article.id = path.stem  # the file name is the id, so ids stay unique
    return article


def create_new(target: Path, data: bytes) -> bool:
    """Create target with data only if no file has that name; False when one appeared."""
    fd, tmp_name = tempfile.mkstemp(
        prefix=temporary_prefix(target), suffix=".tmp", dir=target.parent
    )
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o644)
        try:
            # A hard link appears complete and atomically, and fails if the name is taken.
            os.link(tmp, target)
            return True
        except FileExistsError:
            return False
        except OSError:
            pass  # no hard links here (some shares): reserve the name, then replace atomically
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        except FileExistsError:
            return False
        atomic_write_bytes(target, data)
        return True
    finally:
        tmp.unlink(missing_ok=True)
