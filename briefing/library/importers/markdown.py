"""Markdown files (.md): YAML front matter as metadata, the body kept as Markdown."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import yaml

from briefing.library.importers.plain import decode
from briefing.library.importers.source import (
    ImportFailure,
    SourceText,
    normalise_newlines,
    require_text,
)
from briefing.yaml_depth import depth_message, too_deep

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\S")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# Lines of nothing but pictures or linked badges: "![build](…)", "[![docs](…)](…)".
_BADGES = re.compile(r"(?:[ \t]*(?:\[?!\[[^\]\n]*\]\([^)\n]*\)(?:\]\([^)\n]*\))?[ \t]*)+\n+)+")
_KEYS = ("title", "authors", "source", "published", "url", "doi", "reference", "themes",
         "bio", "picture_credit")


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in re.split(r"\s*;\s*|\s+/\s+", value) if part.strip()]
    if isinstance(value, list):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    return [str(value)]


def _toml(name: str, header: str) -> Any:
    """TOML front matter between '+++' lines, as Hugo writes it."""
    import tomllib

    try:
        return tomllib.loads(header)
    except tomllib.TOMLDecodeError as exc:
        raise ImportFailure(
            name, f"the metadata block at the top is not valid TOML ({exc}). Fix it or remove "
            "the lines between the two '+++' lines.") from None


def _front_matter(name: str, text: str) -> tuple[dict[str, Any], str, int]:
    """(metadata, body, number of lines the front matter took): YAML between '---' lines or
    TOML between '+++' lines."""
    fence = text[:4]
    if fence not in ("---\n", "+++\n"):
        return {}, text, 0
    closing = r"^(?:---|\.\.\.)\s*$" if fence == "---\n" else r"^\+\+\+\s*$"
    end = re.search(closing, text[4:], re.MULTILINE)
    if end is None:
        return {}, text, 0
    header = text[4:4 + end.start()]
    body = text[4 + end.end():].lstrip("\n")
    used = text[: len(text) - len(body)].count("\n")
    if fence == "+++\n":
        return _meta(name, _toml(name, header)), body, used
    if too_deep(header):
        raise ImportFailure(name, f"the metadata block at the top: {depth_message()}.")
    try:
        data = yaml.safe_load(header)  # never yaml.load: the header is data, not code
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ImportFailure(
            name, f"the metadata block at the top{where} is not valid YAML. "
            "Fix it or remove the lines between the two '---' lines.") from None
    except ValueError as exc:  # a date with no such day (2025-02-30) fails as it is read
        raise ImportFailure(
            name, f"the metadata block at the top has a date that does not exist ({exc}): "
            "write it as YYYY-MM-DD.") from None
    return _meta(name, data), body, used


def _meta(name: str, data: Any) -> dict[str, Any]:
    """The article's metadata from a front matter block's keys."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ImportFailure(name, "the metadata block at the top should be 'key: value' lines.")
    meta: dict[str, Any] = {}
    lowered = {str(k).strip().lower(): v for k, v in data.items()}
    if "author" in lowered and "authors" not in lowered:
        lowered["authors"] = lowered["author"]
    if "date" in lowered and "published" not in lowered:
        lowered["published"] = lowered["date"]
    for key in _KEYS:
        value = lowered.get(key)
        if value is None:
            continue
        if key in ("authors", "themes"):
            meta[key] = _as_list(value)
        elif key == "published":
            if isinstance(value, datetime):
                meta[key] = value.date()
            elif isinstance(value, date):
                meta[key] = value
            else:
                meta[key] = str(value).strip()
        else:
            meta[key] = str(value).strip()
    return meta


def read_markdown(name: str, data: bytes) -> SourceText:
    text, encoding = decode(name, data)
    text = require_text(name, normalise_newlines(text))
    meta, body, offset = _front_matter(name, text)
    badges = _BADGES.match(body)
    if badges:  # pictures and badges above the title are kept, but never become the title
        body = body[badges.end():]
        offset += badges.group().count("\n")
    require_text(name, body)
    headings: dict[int, int] = {}
    list_items: set[int] = set()
    in_fence = False
    for number, line in enumerate(body.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = _HEADING.match(line)
        if heading:
            headings[number] = len(heading.group(1))
        elif _LIST.match(line):
            list_items.add(number)
    return SourceText(text=body, name=name, format="md", encoding=encoding, headings=headings,
                      list_items=list_items, meta=meta, line_offset=offset,
                      preamble=text[: len(text) - len(body)])
