"""The team's word list: `words.txt` beside the articles in the library folder, one word a line.

Words added to the dictionary from the app (council names, places, acronyms) go here, so a
team sharing a library folder on a shared drive shares them. The file is plain UTF-8 text that
anyone may edit; lines starting with # are notes. Each change is made under the library lock
and written whole to a temporary file that then replaces the old one, so two officers adding
words at once both keep theirs. Readers see another user's additions when the file changes.

The local-government terms every council uses (LGA, MHCLG, s151, SEND ...) ship with the app
(assets/dictionaries/local-government.txt) and apply with or without a library.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from briefing.files.safe_write import atomic_write
from briefing.files.shipped import asset
from briefing.library.lock import LibraryLock

WORDS_FILE = "words.txt"
LOCK_FILE = ".briefing.lock"  # the library's own lock (briefing.library.store)
HEADER = (
    "# Words Briefing's spell check accepts for everyone using this library: council "
    "names, places,\n# people and acronyms. One word a line; lines starting with # "
    "are notes.\n"
)

_cache: dict[Path, tuple[tuple[int, int], frozenset[str]]] = {}
_guard = threading.Lock()


def words_file(library: Path) -> Path:
    return Path(library) / WORDS_FILE


def _parse(text: str) -> frozenset[str]:
    return frozenset(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def team_words(library: Path | None) -> frozenset[str]:
    """The words in the library's word list (none when there is no list or no library).
    Read again only when the file changed, so it is cheap to ask often."""
    if library is None:
        return frozenset()
    path = words_file(library)
    try:
        st = path.stat()
    except OSError:
        return frozenset()
    stamp = (st.st_mtime_ns, st.st_size)
    with _guard:
        cached = _cache.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
    try:
        words = _parse(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return cached[1] if cached else frozenset()
    with _guard:
        _cache[path] = (stamp, words)
    return words


def add_team_word(library: Path, word: str) -> Path:
    """Add `word` to the library's word list (created when missing); returns the file.
    Raises WriteError or LockTimeout (BriefingErrors) with a plain message."""
    word = word.strip()
    if not word or any(c.isspace() for c in word):
        raise ValueError(f"not one word: {word!r}")
    library = Path(library)
    library.mkdir(parents=True, exist_ok=True)
    path = words_file(library)
    with LibraryLock(library / LOCK_FILE):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            text = HEADER
        if word in _parse(text):
            return path
        if text and not text.endswith("\n"):
            text += "\n"
        data = (text + word + "\n").encode("utf-8")
        atomic_write(path, lambda stream: stream.write(data))
    return path


@lru_cache(maxsize=1)
def built_in_words() -> frozenset[str]:
    """The local-government terms shipped with the app."""
    return _parse(asset("dictionaries", "local-government.txt").read_text(encoding="utf-8"))


_in_use: list[Path] = []


def use_library(library: Path | None) -> None:
    """Name the library whose word list this process's checks read (the app's open library,
    or `--library` on the command line); None goes back to the default."""
    _in_use.clear()
    if library is not None:
        _in_use.append(Path(library))


def library_in_use() -> Path:
    """The library named by use_library, else BRIEFING_LIBRARY or the user's own library."""
    if _in_use:
        return _in_use[0]
    from briefing.library.store import default_root

    return default_root()
