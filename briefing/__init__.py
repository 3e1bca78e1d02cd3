"""Briefing: build formatted briefing packs for UK local government from a library of articles."""

from __future__ import annotations

__version__ = "0.1.0"
