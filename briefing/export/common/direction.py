"""Text written right to left (Hebrew, Arabic …): which letters those are, and the order a line of
such text is drawn in, by the Unicode bidirectional algorithm (python-bidi) with the line's
base direction left to right, as both PDF engines draw it."""

from __future__ import annotations

import re
from typing import Any

# Letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko …).
RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def visual_order(text: str) -> list[tuple[int, str]]:
    """For each place on the drawn line, left to right: the index in `text` of the character
    drawn there, and that character (a bracket in right-to-left text is mirrored)."""
    from bidi import algorithm  # (loaded only for text that needs it)

    storage: dict[str, Any] = algorithm.get_empty_storage()
    storage["base_level"], storage["base_dir"] = 0, "L"
    algorithm.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["at"] = index
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    return [(char["at"], char["ch"]) for char in storage["chars"]]


def visual(text: str) -> str:
    """`text` as drawn on one line (unchanged when it holds no right-to-left letters)."""
    if not RIGHT_TO_LEFT.search(text):
        return text
    return "".join(char for _, char in visual_order(text))
