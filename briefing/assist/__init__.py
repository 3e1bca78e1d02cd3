"""Offline drafting aids: a draft summary, candidate implication points and theme suggestions.

Everything here is deterministic, works offline (segtok splits sentences; no data is
downloaded), and only suggests: the caller
shows the suggestion and the user accepts or edits it. Nothing is written anywhere.
"""

from __future__ import annotations

from briefing.assist.implications import (
    Suggestion,
    candidate_implications,
    suggest_implications,
)
from briefing.assist.summary import Picked, Summary, draft_summary, summarise
from briefing.assist.themes import ThemeSuggestion, suggest_themes

__all__ = [
    "Picked",
    "Suggestion",
    "Summary",
    "ThemeSuggestion",
    "candidate_implications",
    "draft_summary",
    "suggest_implications",
    "suggest_themes",
    "summarise",
]
