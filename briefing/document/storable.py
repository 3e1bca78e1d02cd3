"""The last guard before any writer: every text of a document made storable in XML and PDF.

Packs read from a file have had such characters refused with their place (see
briefing.characters); text typed or pasted into the app reaches the writers without that check,
so a character no file format can hold is dropped here (a vertical tab becomes a line break).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from briefing.characters import clean

T = TypeVar("T")


def storable_copy(value: T) -> T:
    """The same document model, with every string cleaned (new objects only where text changed)."""
    return _copy(value)  # type: ignore[no-any-return]


def _copy(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_copy(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            new = _copy(old)
            if new is not old and new != old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value
