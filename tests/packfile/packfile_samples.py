"""A small valid pack and a way to list problems, shared by the pack file tests."""

from __future__ import annotations

from pathlib import Path

from briefing.packfile import check_pack_text

# The smallest pack that loads; tests add or change one line at a time.
MINIMAL = """\
briefing_pack: 1
title: Test pack
sections:
  - title: Housing
    items:
      - article: a1
articles:
  a1:
    title: An article
"""


def problems_in(text: str, path: Path | None = None) -> list[tuple[int, int, str]]:
    """(line, column, message) of every problem check_pack_text finds."""
    found = check_pack_text(text, path or Path("pack.yaml"))
    return [(p.line, p.column, p.message) for p in found]
