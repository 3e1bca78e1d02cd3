"""Briefing: build formatted briefing packs for UK local government from a library of articles."""

from __future__ import annotations

from briefing.limits.yaml_import import defer_pattern

__version__ = "0.1.0"

defer_pattern()  # PyYAML's costly reader pattern, compiled when first used (see yaml_import)
