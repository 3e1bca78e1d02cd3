"""The library's themes file, themes.yaml: theme id -> label and colour.

    crisis:
      label: Crisis and resilience
      colour: '#1D70B8'

Read with safe YAML only; written whole with an atomic replace (the caller holds the library
lock for the read-modify-write).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from briefing.files.safe_write import atomic_write_text
from briefing.limits.reading import MAX_SETTINGS, Unreadable, read_capped

if TYPE_CHECKING:
    from pathlib import Path

COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")

# Distinct colours with good contrast against white text and against a white page.
PALETTE = (
    "#1D70B8",
    "#00703C",
    "#D4351C",
    "#6F72AF",
    "#B58840",
    "#912B88",
    "#28A197",
    "#F47738",
    "#505A5F",
    "#5694CA",
)

HEADER = (
    "# Themes of this Briefing library: id -> label and colour (#RRGGBB).\n"
    "# Articles list theme ids under 'themes:' in their metadata.\n"
)


class ThemesFileError(ValueError):
    """themes.yaml cannot be read; the message says why."""


@dataclass
class ThemeRecord:
    id: str
    label: str
    colour: str = ""


def read_themes(path: Path) -> dict[str, ThemeRecord]:
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(read_capped(path, MAX_SETTINGS, "a themes file").decode("utf-8-sig"))
    except Unreadable as exc:
        raise ThemesFileError(str(exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemesFileError(f"{path}: cannot be read ({exc})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        raise ThemesFileError(
            f"{path}{where}: not valid YAML ({getattr(exc, 'problem', '') or exc}). "
            f"Fix or remove the file."
        ) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ThemesFileError(f"{path}: expected 'id: {{label: …, colour: …}}' entries")
    themes: dict[str, ThemeRecord] = {}
    for key, value in data.items():
        tid = str(key)
        if isinstance(value, str):
            themes[tid] = ThemeRecord(tid, value)
            continue
        if not isinstance(value, dict):
            raise ThemesFileError(f"{path}: theme '{tid}' must have a label")
        label = value.get("label")
        colour = value.get("colour", "") or ""
        if not isinstance(label, str) or not label.strip():
            raise ThemesFileError(f"{path}: theme '{tid}' has no label")
        if not isinstance(colour, str) or (colour and not COLOUR.match(colour)):
            raise ThemesFileError(f"{path}: theme '{tid}' colour must look like #1D70B8")
        themes[tid] = ThemeRecord(tid, label.strip(), colour.upper())
    return themes


def write_themes(path: Path, themes: dict[str, ThemeRecord]) -> None:
    data: dict[str, Any] = {}
    for tid, theme in themes.items():
        entry: dict[str, str] = {"label": theme.label}
        if theme.colour:
            entry["colour"] = theme.colour
        data[tid] = entry
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
    atomic_write_text(path, HEADER + (text if data else ""))


def next_colour(themes: dict[str, ThemeRecord]) -> str:
    used = {t.colour.upper() for t in themes.values()}
    for colour in PALETTE:
        if colour not in used:
            return colour
    return PALETTE[len(themes) % len(PALETTE)]
