"""Composition: a Pack becomes the writer-neutral document model; word counts.

The builder and the counts load when first asked for, so a caller that needs only a light
part (the app's window asks which versions a pack has) does not load the Markdown reader and
every block builder at start-up."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.compose.builder import compose, wants_contents
    from briefing.compose.counts import ItemCount, PackCount, count_words

__all__ = ["ItemCount", "PackCount", "compose", "count_words", "wants_contents"]
_HOMES = {
    "compose": "builder",
    "wants_contents": "builder",
    "ItemCount": "counts",
    "PackCount": "counts",
    "count_words": "counts",
}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - whichever of the names above
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
