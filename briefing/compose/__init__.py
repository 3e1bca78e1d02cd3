"""Composition: a Pack becomes the writer-neutral document model; word counts."""

from __future__ import annotations

from briefing.compose.builder import compose, wants_contents
from briefing.compose.counts import ItemCount, PackCount, count_words

__all__ = ["ItemCount", "PackCount", "compose", "count_words", "wants_contents"]
