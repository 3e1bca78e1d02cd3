"""Plain records passed from the importers to the library store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date


PROPOSED_MARK = "(title proposed)"


def listed_title(title: str, proposed: bool) -> str:
    """A title as lists show it: one Briefing proposed (no title was found) says so until
    someone edits it."""
    return f"{title} {PROPOSED_MARK}" if proposed else title


@dataclass
class FirstAppeared:
    """ "This article first appeared in PUBLICATION on DATE … URL"."""

    publication: str = ""
    date: date | None = None
    url: str = ""
    title: str = ""  # the title it ran under there, when stated


@dataclass
class DraftArticle:
    """One article found in an imported file, before the user confirms the split.

    `body` is the article text without the title and author lines; `original` is the exact text
    of this article's stretch of the source file (nothing is ever lost).
    """

    title: str
    authors: list[str] = field(default_factory=list)
    body: str = ""
    original: str = ""
    source: str = ""  # publication or blog name, when known
    published: date | None = None
    url: str = ""
    doi: str = ""
    reference: str = ""
    bio: str = ""
    picture_credit: str = ""
    # The author's own summary (a front matter summary or excerpt, a page's description): the
    # drafting aids offer it first.
    standfirst: str = ""
    first_appeared: FirstAppeared | None = None
    source_file: str = ""  # the file it came from (name only)
    start_line: int = 0  # 1-based line in the source file where this article starts
    flags: list[str] = field(default_factory=list)  # e.g. "title proposed: no title line found"
    themes: list[str] = field(
        default_factory=list
    )  # theme labels the file itself gave (front matter)

    @property
    def title_was_proposed(self) -> bool:
        return any(f.startswith("title proposed") for f in self.flags)

    def set_title(self, title: str) -> None:
        """A title the user typed: it is no longer a proposal, so that warning goes."""
        self.title = title
        if title:
            self.flags = [f for f in self.flags if not f.startswith("title proposed")]
