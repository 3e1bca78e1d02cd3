"""Composition: a Pack becomes the writer-neutral document model; checks and word counts."""

from __future__ import annotations

from briefing.compose.builder import compose, wants_contents
from briefing.compose.checks import (
    Finding,
    check_budget,
    check_pack,
    check_page_budget,
    check_word_budget,
)
from briefing.compose.counts import ItemCount, PackCount, count_words

__all__ = [
    "Finding",
    "ItemCount",
    "PackCount",
    "check_budget",
    "check_pack",
    "check_page_budget",
    "check_word_budget",
    "compose",
    "count_words",
    "wants_contents",
]
