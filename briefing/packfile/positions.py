"""Where each value of a pack file sits in the file, and plain-English names for its places.

A path is a tuple of keys and list indexes, e.g. ("sections", 0, "items", 1, "summary").
Problems point at the key or the value at a path; when that place no longer exists (a migration
renamed it, or the key is missing) they fall back to the nearest enclosing place that does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.errors import Problem

if TYPE_CHECKING:
    from pathlib import Path

    from yaml.nodes import Node

PathKey = tuple[str | int, ...]


@dataclass
class Positions:
    """1-based (line, column) of each key and value, by path."""

    file: Path
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    # Source text of plain scalars that YAML 1.1 reads as numbers or booleans ("10:00" is 600,
    # "yes" is true), so a text field can take them as written.
    raw: dict[PathKey, str] = field(default_factory=dict)
    # Places whose value was refused (a tag or an alias) and already reported: later checks
    # stay quiet about them rather than call them empty.
    refused: set[PathKey] = field(default_factory=set)

    def record(self, path: PathKey, value: Node, key: Node | None = None) -> None:
        self.values[path] = mark_of(value)
        if key is not None:
            self.keys[path] = mark_of(key)

    def of_value(self, path: PathKey) -> tuple[int, int]:
        return self._nearest(path, self.values)

    def of_key(self, path: PathKey) -> tuple[int, int]:
        if path in self.keys:
            return self.keys[path]
        return self._nearest(path, self.values)

    def _nearest(self, path: PathKey, table: dict[PathKey, tuple[int, int]]) -> tuple[int, int]:
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in table:
                return table[prefix]
            if prefix in self.keys:
                return self.keys[prefix]
        return (1, 1)

    def at_value(self, path: PathKey, message: str) -> Problem:
        line, column = self.of_value(path)
        return Problem(self.file, line, column, message)

    def at_key(self, path: PathKey, message: str) -> Problem:
        line, column = self.of_key(path)
        return Problem(self.file, line, column, message)


def mark_of(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def describe(path: PathKey) -> str:
    """A place in the pack in plain words: ("sections", 0, "items", 1) -> "section 1, item 2"."""
    words: list[str] = []
    i = 0
    while i < len(path):
        part = path[i]
        nxt = path[i + 1] if i + 1 < len(path) else None
        if part in _LISTS and isinstance(nxt, int):
            words.append(f"{_LISTS[part]} {nxt + 1}")
            i += 2
            continue
        if part in ("articles", "themes", "audiences") and isinstance(nxt, str) and i == 0:
            words.append(f'{part[:-1]} "{nxt}"')
            i += 2
            continue
        if isinstance(part, int):
            words.append(f"entry {part + 1}")
        else:
            words.append(str(part))
        i += 1
    return ", ".join(words) if words else "the pack"


# List keys whose entries read better as "section 2" than "sections, entry 2".
_LISTS = {
    "sections": "section",
    "items": "item",
    "quotes": "quote",
    "agenda": "agenda entry",
    "implications": "implication",
    "questions": "question",
    "key_messages": "key message",
    "authors": "author",
    "themes": "theme",
}
