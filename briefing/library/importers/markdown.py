"""Markdown files (.md, and .txt files that hold Markdown): front matter (YAML between '---'
lines, TOML between '+++' lines, or a "Title: …" header block) as metadata; headings, written
with '#' or underlined; the body kept as Markdown. Lines with nothing to read (template tags,
pictures, badges, heading underlines) are marked so they never become a title or body text."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import yaml

from briefing.library.importers import markup
from briefing.library.importers.encoding import decode
from briefing.library.importers.metadata import parse_author_line
from briefing.library.importers.source import (
    ImportFailure,
    SourceText,
    normalise_newlines,
    require_text,
)
from briefing.limits.yaml_depth import depth_message, too_deep

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\S")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# Lines of nothing but pictures or linked badges: "![build](…)", "[![docs](…)](…)".
_BADGES = re.compile(r"(?:[ \t]*(?:\[?!\[[^\]\n]*\]\([^)\n]*\)(?:\]\([^)\n]*\))?[ \t]*)+\n+)+")
_KEYS = (
    "title",
    "authors",
    "source",
    "published",
    "url",
    "doi",
    "reference",
    "themes",
    "bio",
    "picture_credit",
    "standfirst",
)
# Other names blog engines give the same things (the first one present wins).
_ALIASES = {
    "authors": ("author", "byline"),
    "published": ("date",),
    "standfirst": ("summary", "excerpt", "description", "subtitle", "lede", "dek"),
    "url": ("canonical_url", "canonical", "link", "permalink"),
    "source": ("publication", "site", "site_name"),
}


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
            name,
            f"the metadata block at the top is not valid TOML ({exc}). Fix it or remove "
            "the lines between the two '+++' lines.",
        ) from None


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
    header = text[4 : 4 + end.start()]
    body = text[4 + end.end() :].lstrip("\n")
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
            name,
            f"the metadata block at the top{where} is not valid YAML. "
            "Fix it or remove the lines between the two '---' lines.",
        ) from None
    except ValueError as exc:  # a date with no such day (2025-02-30) fails as it is read
        raise ImportFailure(
            name,
            f"the metadata block at the top has a date that does not exist ({exc}): "
            "write it as YYYY-MM-DD.",
        ) from None
    return _meta(name, data), body, used


def _meta(name: str, data: Any) -> dict[str, Any]:
    """The article's metadata from a front matter block's keys."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ImportFailure(name, "the metadata block at the top should be 'key: value' lines.")
    meta: dict[str, Any] = {}
    lowered = {str(k).strip().lower().replace(" ", "_"): v for k, v in data.items()}
    for key, aliases in _ALIASES.items():
        for alias in aliases:
            if lowered.get(key) in (None, "", []) and lowered.get(alias) not in (None, "", []):
                lowered[key] = lowered[alias]
    for key in _KEYS:
        value = lowered.get(key)
        if value is None:
            continue
        if key == "authors" and isinstance(value, str):
            line = parse_author_line(value)  # "A and B", "Dr A, B": names, honorifics dropped
            meta[key] = line.names if line else _as_list(value)
        elif key in ("authors", "themes"):
            meta[key] = _as_list(value)
        elif key == "published":
            if isinstance(value, datetime):
                meta[key] = value.date()
            elif isinstance(value, date):
                meta[key] = value
            else:
                meta[key] = str(value).strip()
        elif isinstance(value, (dict, list)):
            continue  # a nested block where text belongs: not something a person wrote
        else:
            meta[key] = " ".join(markup.words_of(str(value)).split())
    if meta.get("url") and not str(meta["url"]).startswith(("http://", "https://")):
        del meta["url"]  # a site-relative link ("/2021/09/post") is no address to cite
    return meta


def _header_block(text: str) -> tuple[dict[str, Any], str, int]:
    """A "Title: …" header block (Pelican, MultiMarkdown) as (metadata, body, lines used)."""
    count = markup.header_block(text)
    if not count:
        return {}, text, 0
    lines = text.split("\n")
    data: dict[str, Any] = {}
    for line in lines[:count]:
        match = markup.HEADER_LINE.match(line)
        if match:
            data.setdefault(match.group("key").strip(), match.group("value").strip())
    body = "\n".join(lines[count:]).lstrip("\n")
    return data, body, text[: len(text) - len(body)].count("\n")


def read_markdown(name: str, data: bytes) -> SourceText:
    text, encoding = decode(name, data)
    text = require_text(name, normalise_newlines(text))
    return markdown_source(name, text, encoding)


def markdown_source(name: str, text: str, encoding: str) -> SourceText:
    """The SourceText of Markdown text (from a .md file, or a .txt file that holds Markdown)."""
    meta, body, offset = _front_matter(name, text)
    if not offset:
        data, body, offset = _header_block(text)
        meta = _meta(name, data)
    badges = _BADGES.match(body)
    if badges:  # pictures and badges above the title are kept, but never become the title
        body = body[badges.end() :]
        offset += badges.group().count("\n")
    require_text(name, body)
    headings: dict[int, int] = {}
    list_items: set[int] = set()
    hidden: set[int] = set()
    in_fence = False
    previous = ""
    for number, line in enumerate(body.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            previous = ""
            continue
        if in_fence:
            continue
        heading = _HEADING.match(line)
        if heading:
            headings[number] = len(heading.group(1))
        elif (
            previous.strip()
            and markup.is_underline(line)
            and number - 1 not in list_items
            and number - 1 not in headings
            and not _LIST.match(previous)
        ):
            # "Title" over "=====" (level 1) or "-----" (level 2): a setext heading.
            headings[number - 1] = 1 if line.strip().startswith("=") else 2
            hidden.add(number)
        elif _LIST.match(line):
            list_items.add(number)
        elif markup.furniture(line):
            hidden.add(number)
        previous = line if number not in hidden else ""
    return SourceText(
        text=body,
        name=name,
        format="md",
        encoding=encoding,
        headings=headings,
        list_items=list_items,
        meta=meta,
        line_offset=offset,
        preamble=text[: len(text) - len(body)],
        hidden=hidden,
    )
