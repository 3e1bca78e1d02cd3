"""Word-level differences between two texts: which words went, which came, and where.

"The scheme costs £35m." against "The scheme now costs £38m." gives the pieces
same "The scheme", inserted "now", same "costs", replaced "£35m" by "£38m", same ".".
Words are compared whole (a figure such as "£35m" is one word), and a sentence's
punctuation is its own piece, so "£35m." → "£38m." reads as "£35m" → "£38m".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# A word (anything up to a space, without the punctuation that ends a sentence or clause),
# the punctuation after it, or the space between.
_TOKENS = re.compile(r"\s+|[^\s]+?(?=[.,;:!?)\]”’\"']*(?:\s|$))|[^\s]+")

SAME, INSERTED, DELETED = "same", "inserted", "deleted"


@dataclass(frozen=True)
class Piece:
    """A stretch of text that is the same in both, or only in the old, or only in the new."""

    kind: str  # SAME | INSERTED | DELETED
    text: str


@dataclass(frozen=True)
class Edit:
    """One change a reader would name: `old` became `new` ("" when words were only added or
    only taken away)."""

    old: str
    new: str

    def __str__(self) -> str:
        """ "“£35m” → “£38m”", for the terminal."""
        return self.said("→")

    def in_words(self) -> str:
        """ "“£35m” became “£38m”", for a page read aloud (a screen reader names an arrow)."""
        return self.said("became")

    def said(self, became: str) -> str:
        if not self.old:
            return f"added “{self.new}”"
        if not self.new:
            return f"removed “{self.old}”"
        return f"“{self.old}” {became} “{self.new}”"


def tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _normal(text: str) -> str:
    return " ".join(text.split())


def pieces(old: str, new: str) -> list[Piece]:
    """The new text as a redline: same, deleted and inserted pieces in reading order (a
    replacement is its deletion then its insertion). Spacing is compared loosely: text that
    differs only in its line breaks or double spaces is the same."""
    a, b = tokens(_normal(old)), tokens(_normal(new))
    out: list[Piece] = []

    def add(kind: str, text: str) -> None:
        if not text:
            return
        if out and out[-1].kind == kind:
            out[-1] = Piece(kind, out[-1].text + text)
        else:
            out.append(Piece(kind, text))

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add(SAME, "".join(a[i1:i2]))
            continue
        # A change keeps the spaces around it outside the marked words.
        old_text, new_text = "".join(a[i1:i2]), "".join(b[j1:j2])
        lead = _common_space(old_text, new_text, leading=True)
        trail = _common_space(old_text[len(lead) :], new_text[len(lead) :], leading=False)
        add(SAME, lead)
        add(DELETED, old_text[len(lead) : len(old_text) - len(trail)])
        add(INSERTED, new_text[len(lead) : len(new_text) - len(trail)])
        add(SAME, trail)
    return _merge_small_same(out)


def _common_space(a: str, b: str, *, leading: bool) -> str:
    sa = a[: len(a) - len(a.lstrip())] if leading else a[len(a.rstrip()) :]
    sb = b[: len(b) - len(b.lstrip())] if leading else b[len(b.rstrip()) :]
    return sa if sa == sb else ""


def _merge_small_same(parts: list[Piece]) -> list[Piece]:
    """Join two changes split only by a space ("the slow" → "a fast" is one change, not
    two), so the redline reads in phrases rather than word by word."""
    out: list[Piece] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if (
            part.kind == SAME
            and not part.text.strip()
            and out
            and out[-1].kind != SAME
            and i + 1 < len(parts)
            and parts[i + 1].kind != SAME
        ):
            # Collect the changes either side into one deletion and one insertion.
            deleted = [p for p in out[_run_start(out) :] if p.kind == DELETED]
            inserted = [p for p in out[_run_start(out) :] if p.kind == INSERTED]
            del out[_run_start(out) :]
            old = "".join(p.text for p in deleted) + part.text
            new = "".join(p.text for p in inserted) + part.text
            j = i + 1
            while j < len(parts) and parts[j].kind != SAME:
                if parts[j].kind == DELETED:
                    old += parts[j].text
                else:
                    new += parts[j].text
                j += 1
            for kind, text in ((DELETED, old), (INSERTED, new)):
                if text.strip():
                    out.append(Piece(kind, text))
            i = j
            continue
        out.append(part)
        i += 1
    return out


def _run_start(parts: list[Piece]) -> int:
    start = len(parts)
    while start and parts[start - 1].kind != SAME:
        start -= 1
    return start


def edits(old: str, new: str) -> list[Edit]:
    """The changes a reader would name, in order: "£35m" → "£38m", added "now"."""
    out: list[Edit] = []
    deleted = inserted = ""
    for piece in [*pieces(old, new), Piece(SAME, "")]:
        if piece.kind == DELETED:
            deleted += piece.text
        elif piece.kind == INSERTED:
            inserted += piece.text
        else:
            if deleted or inserted:
                out.append(Edit(deleted.strip(), inserted.strip()))
            deleted = inserted = ""
    return out


def changed(old: str, new: str) -> bool:
    return _normal(old) != _normal(new)
