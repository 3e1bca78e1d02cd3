"""A one-item pack about housing for the command-line tests: a page budget (set on line 4,
column 10, where the budget findings point), an optional word budget, and the summary given."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def housing_pack(
    folder: Path,
    summary: str,
    *,
    pages: int = 1,
    words: int | None = None,
    title: str = "Housing test pack",
) -> Path:
    """Write pack.yaml into folder and return its path."""
    word_budget = "" if words is None else f"  words: {words}\n"
    indented = "\n".join(f"          {line}" for line in summary.splitlines() or [""])
    text = (
        f"briefing_pack: 1\ntitle: {title}\nbudget:\n  pages: {pages}\n{word_budget}"
        "sections:\n  - title: Housing\n    items:\n      - article: a1\n"
        f"        summary: |\n{indented}\n"
        "        implications:\n"
        "          - Councils should review their temporary accommodation spending.\n"
        "articles:\n  a1:\n    title: Temporary accommodation costs\n"
    )
    path = folder / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path
