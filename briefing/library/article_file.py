"""One article as one Markdown file: YAML front matter, the body, then the original text.

The file is meant to be read and edited by a person without the app:

    ---
    id: renewing-democratic-leadership
    title: Renewing Democratic Leadership
    authors: [A. Writer]
    ...
    ---

    The body, as Markdown.

    <!-- original text: kept exactly as imported; the app never changes anything below -->
    The original imported text, verbatim.

Everything after the first marker line is the original text, byte for byte. A body line that
happens to read like the marker is written with one extra leading backslash (and read back
without it), so the split is never ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import yaml

from briefing.library.records import FirstAppeared
from briefing.limits.yaml_depth import depth_message, safe_data, too_deep

if TYPE_CHECKING:
    from pathlib import Path

MARKER = "<!-- original text: kept exactly as imported; the app never changes anything below -->"
_MARKER_LIKE = re.compile(r"^(\\*)" + re.escape(MARKER) + r"[ \t]*$")
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.S | re.M)

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class ArticleFileError(ValueError):
    """An article file that cannot be read; the message says why."""


@dataclass
class LibraryArticle:
    """An article kept in the library. `id` is stable; the file name is `<id>.md`."""

    id: str
    title: str
    authors: list[str] = field(default_factory=list)
    source: str = ""
    published: date | None = None
    url: str = ""
    doi: str = ""
    reference: str = ""
    themes: list[str] = field(default_factory=list)
    bio: str = ""
    picture_credit: str = ""
    standfirst: str = ""  # the author's own summary, as published with the article
    first_appeared: FirstAppeared | None = None
    # True while the title is one Briefing proposed from the text (none was found in the file);
    # editing the title makes it the user's own.
    title_proposed: bool = False
    imported_file: str = ""
    imported_at: datetime | None = None
    body: str = ""
    original: str = ""
    path: Path | None = field(default=None, compare=False)


def dump_article(article: LibraryArticle) -> str:
    """The whole file text for an article."""
    meta: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        **({"title_proposed": True} if article.title_proposed else {}),
        "authors": list(article.authors),
        "source": article.source,
        "published": article.published,
        "url": article.url,
        "doi": article.doi,
        "reference": article.reference,
        "themes": list(article.themes),
        "bio": article.bio,
        "picture_credit": article.picture_credit,
        "standfirst": article.standfirst,
    }
    fa = article.first_appeared
    if fa is not None:
        meta["first_appeared"] = {
            "publication": fa.publication,
            "date": fa.date,
            "url": fa.url,
            "title": fa.title,
        }
    else:
        meta["first_appeared"] = None
    meta["imported"] = {
        "file": article.imported_file,
        "at": article.imported_at.replace(microsecond=0) if article.imported_at else None,
    }
    header = yaml.dump(
        meta,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    body_lines = []
    for line in article.body.strip("\n").split("\n"):
        # Escape body lines that look like the marker so the split stays unambiguous.
        body_lines.append("\\" + line if _MARKER_LIKE.match(line) else line)
    body = "\n".join(body_lines)
    return f"---\n{header}---\n\n{body}\n\n{MARKER}\n{article.original}"


def parse_article(text: str, path: Path | None = None) -> LibraryArticle:
    """Read an article file's text; raises ArticleFileError with a plain reason."""
    match = _FRONT.match(text)
    if not match:
        raise ArticleFileError("it does not start with a '---' metadata block")
    if too_deep(match.group(1)):
        raise ArticleFileError(f"the metadata block: {depth_message()}")
    try:
        meta = safe_data(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        reason = getattr(exc, "problem", None) or "not valid YAML"
        raise ArticleFileError(f"the metadata block is not valid YAML{where}: {reason}") from exc
    except ValueError as exc:  # a date with no such day (2025-02-30) fails as it is read
        raise ArticleFileError(
            f"the metadata block has a date that does not exist ({exc}): write it as YYYY-MM-DD"
        ) from exc
    if not isinstance(meta, dict):
        raise ArticleFileError("the metadata block is not a list of 'key: value' lines")
    rest = text[match.end() :]
    body, original = _split_rest(rest)
    stem = path.stem if path is not None else ""
    article = LibraryArticle(
        id=_text(meta, "id") or stem,
        title=_text(meta, "title"),
        authors=_list(meta, "authors"),
        source=_text(meta, "source"),
        published=_date(meta, "published"),
        url=_text(meta, "url"),
        doi=_text(meta, "doi"),
        reference=_text(meta, "reference"),
        themes=_list(meta, "themes"),
        bio=_text(meta, "bio"),
        picture_credit=_text(meta, "picture_credit"),
        standfirst=_text(meta, "standfirst"),
        title_proposed=meta.get("title_proposed") is True,
        first_appeared=_first_appeared(meta.get("first_appeared")),
        body=body,
        original=original,
        path=path,
    )
    imported = meta.get("imported") or {}
    if not isinstance(imported, dict):
        raise ArticleFileError("'imported' must have 'file' and 'at'")
    article.imported_file = _text(imported, "file")
    at = imported.get("at")
    if isinstance(at, datetime):
        article.imported_at = at
    elif isinstance(at, str) and at.strip():
        try:
            article.imported_at = datetime.fromisoformat(at.strip())
        except ValueError as exc:
            raise ArticleFileError(f"'imported: at' is not a date and time: {at!r}") from exc
    if not article.title.strip():
        raise ArticleFileError("it has no title")
    if not article.id:
        raise ArticleFileError("it has no id")
    return article


def _split_rest(rest: str) -> tuple[str, str]:
    lines = rest.split("\n")
    offset = 0
    body_lines: list[str] = []
    original = ""
    for line in lines:
        bare = line.rstrip("\r")
        if bare.rstrip() == MARKER:
            original = rest[offset + len(line) + 1 :]
            break
        m = _MARKER_LIKE.match(bare)
        body_lines.append(bare[1:] if m and m.group(1) else bare)
        offset += len(line) + 1
    return "\n".join(body_lines).strip("\n"), original


def _text(meta: dict[str, Any], key: str) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise ArticleFileError(f"'{key}' must be text")


def _list(meta: dict[str, Any], key: str) -> list[str]:
    value = meta.get(key)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return [str(v) for v in value]
    example = "[housing, social-care]" if key == "themes" else "[A. Writer, B. Writer]"
    raise ArticleFileError(f"'{key}' must be a list, like {key}: {example}")


def _date(meta: dict[str, Any], key: str) -> date | None:
    value = meta.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ArticleFileError(f"'{key}' must be a date written as YYYY-MM-DD, not {value!r}")


def _first_appeared(value: object) -> FirstAppeared | None:
    if value is None or value == {}:
        return None
    if not isinstance(value, dict):
        raise ArticleFileError("'first_appeared' must have publication, date, url and title")
    fa = FirstAppeared(
        publication=_text(value, "publication"),
        date=_date(value, "date"),
        url=_text(value, "url"),
        title=_text(value, "title"),
    )
    if not (fa.publication or fa.date or fa.url or fa.title):
        return None
    return fa
