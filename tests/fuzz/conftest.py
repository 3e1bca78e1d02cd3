"""Hypothesis profiles for the fuzz tests: "ci" (the default: small, derandomised, so a run is
repeatable) and "long" (BRIEFING_FUZZ=long, or bench/fuzz_long.py for a timed run)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
settings.register_profile(
    "long",
    max_examples=2000,
    deadline=None,
    derandomize=False,
    database=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("BRIEFING_FUZZ", "ci"))
