"""The user's cache folder: what Briefing can make again but keeps to save time (the library's
search index, the dictionary's answers). BRIEFING_CACHE_DIR names another folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_CACHE = "BRIEFING_CACHE_DIR"


def default_cache_dir() -> Path:
    env = os.environ.get(ENV_CACHE, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("Briefing", appauthor=False))
