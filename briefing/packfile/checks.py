"""Checks the schema cannot make: real dates, links between items/sections and articles/themes,
audience names and exemption paragraphs. Only what makes a pack unreadable belongs here; the
rest (the logo and template files, alt text, summaries, budgets ...) is a rule in the checks
table (briefing.checks), so the app can open a pack that still has it and the user can fix it."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from briefing.model.pack import BUILT_IN_AUDIENCES
from briefing.model.schedules import schedule
from briefing.packfile.positions import PathKey, Positions, describe

if TYPE_CHECKING:
    from briefing.errors import Problem

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?")


def parse_date(text: str) -> date | None:
    if not _DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def parse_starts(text: str) -> date | datetime | None:
    """`starts` is a date and time (2025-11-04T10:00) or a date (2025-11-04)."""
    if _DATE.fullmatch(text):
        return parse_date(text)
    if not _DATE_TIME.fullmatch(text):
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def check_semantics(data: dict[str, Any], positions: Positions) -> list[Problem]:
    problems: list[Problem] = []
    articles = data.get("articles") if isinstance(data.get("articles"), dict) else {}
    themes = data.get("themes") if isinstance(data.get("themes"), dict) else None

    _check_date(data, ("date",), positions, problems)
    for article_id, article in (articles or {}).items():
        if isinstance(article, dict):
            for key in ("published", "accessed"):
                _check_date(article, ("articles", article_id, key), positions, problems)
            if themes is not None and isinstance(article.get("themes"), list):
                for i, theme in enumerate(article["themes"]):
                    _check_link(
                        theme,
                        themes,
                        ("articles", article_id, "themes", i),
                        "theme",
                        "themes",
                        positions,
                        problems,
                    )

    event = data.get("event")
    starts = event.get("starts") if isinstance(event, dict) else None
    if isinstance(starts, str) and parse_starts(starts) is None:
        problems.append(
            positions.at_value(
                ("event", "starts"),
                (
                    f'event starts "{starts}" is not a date and time: write it as '
                    "YYYY-MM-DDTHH:MM, e.g. 2025-11-04T10:00, or as a date, e.g. 2025-11-04"
                ),
            )
        )

    audiences = _check_audiences(data, positions, problems)
    sections: list[Any] = data["sections"] if isinstance(data.get("sections"), list) else []
    for s, section in enumerate(sections):
        if not isinstance(section, dict):
            continue
        _check_exemption(data, section, ("sections", s), positions, problems)
        if themes is not None and isinstance(section.get("theme"), str):
            _check_link(
                section["theme"],
                themes,
                ("sections", s, "theme"),
                "theme",
                "themes",
                positions,
                problems,
            )
        items: list[Any] = section["items"] if isinstance(section.get("items"), list) else []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            if isinstance(item.get("article"), str):
                _check_link(
                    item["article"],
                    articles or {},
                    ("sections", s, "items", i, "article"),
                    "article",
                    "articles",
                    positions,
                    problems,
                )
            _check_exemption(data, item, ("sections", s, "items", i), positions, problems)
            if isinstance(item.get("audiences"), list):
                for a, name in enumerate(item["audiences"]):
                    _check_link(
                        name,
                        audiences,
                        ("sections", s, "items", i, "audiences", a),
                        "audience",
                        "audiences",
                        positions,
                        problems,
                    )
    return problems


_AUDIENCE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


def _check_audiences(
    data: dict[str, Any], positions: Positions, problems: list[Problem]
) -> dict[str, Any]:
    """Audience names that can name a file and a --audience value; returns every name an
    item may cite (the pack's own and the built-in ones)."""
    declared = data.get("audiences") if isinstance(data.get("audiences"), dict) else {}
    for name in declared or {}:
        path: PathKey = ("audiences", name)
        if name == "all":
            problems.append(
                positions.at_key(
                    path,
                    (
                        'an audience cannot be called "all": --audience all means every audience; '
                        "choose another name"
                    ),
                )
            )
        elif not _AUDIENCE_NAME.fullmatch(name):
            problems.append(
                positions.at_key(
                    path,
                    (
                        f'audience name "{name}" should be lower-case letters, digits and hyphens '
                        '(it goes into file names), e.g. "public" or "cabinet-members"'
                    ),
                )
            )
    return {**dict.fromkeys(BUILT_IN_AUDIENCES), **(declared or {})}


def _check_exemption(
    data: dict[str, Any],
    owner: dict[str, Any],
    path: PathKey,
    positions: Positions,
    problems: list[Problem],
) -> None:
    exempt = owner.get("exempt")
    paragraph = exempt.get("paragraph") if isinstance(exempt, dict) else None
    if not isinstance(paragraph, int) or isinstance(paragraph, bool):
        return  # a missing or wrongly typed paragraph is the schema's to report
    key = data.get("exempt_schedule")
    chosen = schedule(key if isinstance(key, str) else "")
    if not 1 <= paragraph <= chosen.highest:
        other = (
            "; a Scottish council sets exempt_schedule: 7A (paragraphs 1 to 15)"
            if chosen.key == "12A" and 8 <= paragraph <= 15
            else ""
        )
        problems.append(
            positions.at_value(
                (*path, "exempt", "paragraph"),
                (
                    f"exempt paragraph {paragraph} is not a paragraph of {chosen.name}: use 1 to "
                    f"{chosen.highest}, e.g. 3 for {chosen.meaning(3)}{other}"
                ),
            )
        )


def _check_date(
    owner: dict[str, Any], path: PathKey, positions: Positions, problems: list[Problem]
) -> None:
    value = owner.get(str(path[-1]))
    if isinstance(value, str) and parse_date(value) is None:
        why = "there is no such day; " if _DATE.fullmatch(value) else ""
        problems.append(
            positions.at_value(
                path,
                (
                    f'{describe(path)} "{value}" is not a date: {why}write it as YYYY-MM-DD, '
                    "e.g. 2025-11-04"
                ),
            )
        )


def _check_link(
    value: Any,
    targets: dict[str, Any],
    path: PathKey,
    what: str,
    where: str,
    positions: Positions,
    problems: list[Problem],
) -> None:
    if not isinstance(value, str) or value in targets:
        return
    import difflib  # only for a pack that names something it does not have

    close = difflib.get_close_matches(value, list(targets), n=1, cutoff=0.5)
    if close:
        advice = f'did you mean "{close[0]}"?'
    elif targets:
        advice = f"add it under {where}, or use one of {', '.join(sorted(targets)[:8])}"
    else:
        advice = f"add it under {where}"
    problems.append(positions.at_value(path, f'no {what} "{value}" in {where}: {advice}'))
