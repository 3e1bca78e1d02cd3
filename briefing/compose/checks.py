"""Checks before export: what is missing or likely wrong in a pack, for the user to fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from briefing.compose.counts import count_words
from briefing.compose.markdown import plain_text
from briefing.layout_files import layout_problems
from briefing.uk import plural

if TYPE_CHECKING:
    from pathlib import Path

    from briefing.model import Pack

LONG_SUMMARY_WORDS = 250

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Finding:
    """One thing to look at. section and item are 1-based positions, or None for the pack."""

    severity: Severity
    message: str
    section: int | None = None
    item: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.section is not None:
            where = f"Section {self.section}"
            if self.item is not None:
                where += f", item {self.item}"
            where += ": "
        return f"{self.severity}: {where}{self.message}"



def check_word_budget(pack: Pack) -> list[Finding]:
    """A warning when the pack prints more words than its budget allows."""
    limit = pack.budget.words
    if not limit:
        return []
    words = count_words(pack).words
    if words <= limit:
        return []
    return [Finding("warning", f"The pack has {words:,} words, over its budget of {limit:,}: "
                               "shorten summaries or move items to another pack.")]


def check_page_budget(pack: Pack, pages: int) -> list[Finding]:
    """A warning when the real output (pages counted in the PDF) is over the page budget."""
    limit = pack.budget.pages
    if not limit or pages <= limit:
        return []
    return [Finding("warning", f"{plural(pages, 'page')}, over the budget of "
                               f"{plural(limit, 'page')}: shorten summaries or remove items.")]


def check_budget(pack: Pack, pages: int | None) -> list[Finding]:
    """The word budget, and the page budget when the real page count is known."""
    return check_word_budget(pack) + (check_page_budget(pack, pages) if pages is not None else [])


def check_pack(pack: Pack, base_dir: Path) -> list[Finding]:
    """Every finding, pack-level first, then in printed order (reads only the first bytes of
    the logo and template). The page budget needs the real page count, so it is checked
    separately: `check_page_budget`."""
    findings: list[Finding] = check_word_budget(pack)
    layout = pack.layout
    findings += [Finding("error", problem) for problem in layout_problems(pack, base_dir)]
    if layout.logo and not layout.logo_alt.strip():
        findings.append(Finding(
            "warning", "The logo has no alt text: add layout.logo_alt so screen reader "
            "users know what it shows."))
    if not pack.sections:
        findings.append(Finding("error", "The pack has no sections."))

    used: set[str] = set()
    for s_no, section in enumerate(pack.sections, 1):
        if not section.items:
            findings.append(Finding("warning", f"Section “{section.title}” has no items.", s_no))
        for i_no, item in enumerate(section.items, 1):
            article = pack.articles.get(item.article)
            name = f"“{article.title}”" if article else f"“{item.article}”"
            if article is None:
                findings.append(Finding(
                    "error", f"The item refers to article “{item.article}”, which is not in "
                    "the pack's articles.", s_no, i_no))
            else:
                used.add(item.article)
            if not item.summary.strip():
                findings.append(Finding("error", f"{name} has no summary.", s_no, i_no))
            else:
                words = len(plain_text(item.summary).split())
                if words > LONG_SUMMARY_WORDS:
                    findings.append(Finding(
                        "warning", f"The summary of {name} is {words} words long; members' "
                        f"summaries work best under {LONG_SUMMARY_WORDS}.", s_no, i_no))
            if not any(text.strip() for text in item.implications):
                findings.append(Finding(
                    "warning", f"{name} has no implications for UK local government.",
                    s_no, i_no))
    for key, article in pack.articles.items():
        if key not in used:
            findings.append(Finding(
                "info", f"Article “{article.title}” ({key}) is not used in any section."))
    return findings
