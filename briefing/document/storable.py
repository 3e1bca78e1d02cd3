"""The last guard before any writer: every text of a document made storable in XML and PDF.

Packs read from a file have had such characters refused with their place (see
briefing.limits.characters); text typed or pasted into the app reaches the writers without that check,
so a character no file format can hold is dropped here (a vertical tab becomes a line break).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, cast

from briefing.limits.characters import clean

T = TypeVar("T")


def storable_copy(value: T) -> T:
    """The same document model, with every string cleaned (new objects only where text changed)."""
    return cast("T", _copy(value))


def _copy(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_copy(v) for v in value)
    names = _field_names(type(value))
    if names:
        changes = {}
        for name in names:
            old = getattr(value, name)
            new = _copy(old)
            if new is not old and new != old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass (none for any other type), looked up once per class."""
    names = _FIELDS.get(kind)
    if names is None:
        names = (
            tuple(f.name for f in dataclasses.fields(kind))
            if dataclasses.is_dataclass(kind)
            else ()
        )
        _FIELDS[kind] = names
    return names
