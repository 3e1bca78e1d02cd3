"""Paths to files shipped in the package (fonts, the Word reference template, the schema)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def asset(*parts: str) -> Path:
    """A file under the top-level assets/ folder, which installs as briefing.assets."""
    return Path(str(files("briefing.assets").joinpath(*parts)))


def schema_path() -> Path:
    return Path(str(files("briefing").joinpath("schema", "pack-format-1.schema.json")))
