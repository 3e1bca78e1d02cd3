"""How deeply a YAML text nests its lists and mappings, read as a stream of events before any
value is built: building values recurses, so a thousand nested brackets would exhaust Python's
stack. Packs, article files and Markdown front matter are never more than a few levels deep."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import CollectionEndEvent, CollectionStartEvent

MAX_DEPTH = 64
# The safe loaders only (plain values: no Python objects), libyaml's when it is installed.
_SAFE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def too_deep(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """(line, column), 1-based, where the nesting first goes past `limit`; None when it never
    does, or when the text is not YAML at all (the parser that follows says why)."""
    fast: Any = getattr(yaml, "CSafeLoader", None)
    for loader in (fast, yaml.SafeLoader) if fast is not None else (yaml.SafeLoader,):
        # libyaml stops at its own depth limit with an error that does not say so: then the
        # pure-Python parser (iterative as well) reads it again.
        try:
            return _deepest(text, limit, loader)
        except (yaml.YAMLError, UnicodeEncodeError):
            continue
    return None


def _deepest(text: str, limit: int, loader: Any) -> tuple[int, int] | None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > limit:
                mark = event.start_mark
                return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
    return None


def depth_message(limit: int = MAX_DEPTH) -> str:
    return (
        f"lists and sets of keys are nested more than {limit} deep here, which no Briefing "
        "file needs: check the brackets and indentation"
    )


def safe_data(text: str) -> Any:
    """The plain values of one YAML document, read by a safe loader (libyaml's when present):
    the one way Briefing reads the YAML of its own records and article files. Check the depth
    with too_deep first; a YAMLError says where the text is not YAML."""
    loader = _SAFE(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
