"""The dictionary's answers from earlier runs, kept in the user's cache folder, so that checking
a pack in a fresh process (`briefing build`, `briefing check`) need not load the dictionary (a
tenth of a second, holding Python's lock) when every word it meets was looked up before.

One file per dictionary, named by FORMAT and the size and time of the dictionary's files and of
the speller's code: a changed dictionary starts a new file, and so does a change to how the
speller works its answers out. It holds each word's verdict and, for a word the dictionary lacks, the words
one edit away (the suggestions offered without Hunspell's own search), exactly as the speller
found them. A file that cannot be read or written (a read-only or full disk, a file damaged or
from another version) is passed over: the speller then asks Hunspell, as without it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.errors import BriefingError
from briefing.files.safe_write import atomic_write_bytes
from briefing.files.user_cache import default_cache_dir

if TYPE_CHECKING:
    from pathlib import Path

# Bump when what a file holds changes.
FORMAT = 1
# Words kept in a file, the oldest going first beyond it: a few packs' words, and a file read
# in some 15 ms (100,000 words took 70 ms to read and 160 ms to add to, holding Python's lock).
LIMIT = 20_000
# In a long session (the app checks the pack after each pause in the typing), new answers are
# added to the file at most this often; those of the last moments before it closes are found
# again next time.
KEEP_EVERY_S = 60.0


@dataclass
class Answers:
    """Verdicts (word -> known) and the words one edit away from words not known."""

    known: dict[str, bool] = field(default_factory=dict)
    nearby: dict[str, tuple[str, ...]] = field(default_factory=dict)


def memory_file(name: str, *made_by: str, code: str = "") -> Path | None:
    """Where dictionary `name`'s answers are kept: one file for each state of the files that
    make them (`made_by`: the dictionary's files) and of the speller's `code` (its source file,
    when it is on disk; an app packed into one archive has none, and its version stands for
    it). None when one of the dictionary's files cannot be looked at."""
    try:
        stamps: list[object] = [_stamp(os.stat(path)) for path in made_by]
    except OSError:
        return None
    try:
        stamps.append(_stamp(os.stat(code)))
    except OSError:
        stamps.append(__version__)
    key = hashlib.blake2b(repr((FORMAT, name, stamps)).encode(), digest_size=8).hexdigest()
    return default_cache_dir() / "spelling" / f"{name}-{key}.json"


def _stamp(found: os.stat_result) -> tuple[int, int]:
    return found.st_size, found.st_mtime_ns


def recall(path: Path | None) -> Answers:
    """The answers kept at `path` (none when there is no such file or it cannot be used)."""
    if path is None:
        return Answers()
    try:
        data = json.loads(path.read_bytes())
        known, nearby = data["known"], data["nearby"]
        if data.get("format") != FORMAT or not (
            isinstance(known, dict)
            and isinstance(nearby, dict)
            and all(isinstance(v, bool) for v in known.values())
            and all(isinstance(v, list) for v in nearby.values())
            and all(isinstance(w, str) for v in nearby.values() for w in v)
        ):
            return Answers()
        return Answers(known, {word: tuple(near) for word, near in nearby.items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Answers()


def keep(path: Path | None, new: Answers) -> None:
    """Add `new` to the answers at `path` (kept with any another process added meanwhile)."""
    if path is None or not (new.known or new.nearby):
        return
    kept = recall(path)
    kept.known.update(new.known)
    kept.nearby.update(new.nearby)
    known = dict(list(kept.known.items())[-LIMIT:])
    nearby = {word: list(near) for word, near in kept.nearby.items() if word in known}
    data = {"format": FORMAT, "known": known, "nearby": nearby}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except (OSError, BriefingError):
        pass  # a cache: the next run asks the dictionary again
