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
    # The same object back wherever nothing in it changed, so a clean document (nearly every
    # one) is walked once and nothing is built or compared.
    kind = type(value)
    if kind is str:
        return clean(value)
    if kind is list or kind is tuple:
        copied = [_copy(v) for v in value]
        if all(new is old for new, old in zip(copied, value, strict=True)):
            return value
        return copied if kind is list else tuple(copied)
    if isinstance(value, str):  # a str subclass
        return clean(value)
    names = _field_names(kind)
    if names:
        changes = {}
        for name in names:
            old = getattr(value, name)
            new = _copy(old)
            if new is not old:
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
