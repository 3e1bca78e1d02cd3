"""Split-preview editing of imported drafts: split, merge, move a boundary (no Qt here).

Every function returns a new list and leaves its input untouched, so the import dialog can keep
earlier lists for undo. The originals of neighbouring drafts are contiguous stretches of one
source file; every edit keeps them so: joining the originals of a file's drafts in order always
gives back the same text, and nothing imported is lost.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.library.records import DraftArticle

_PARA_BREAK = re.compile(r"\n[ \t]*\n+")
_BULLET = re.compile(r"^\s*(?:[-*•]\s+)")
TITLE_PROPOSED_FLAG = "title proposed: no title line found"


def paragraphs(text: str) -> list[str]:
    """The blank-line separated paragraphs of a body, stripped, empty ones dropped."""
    return [p.strip() for p in _PARA_BREAK.split(text.strip()) if p.strip()]


def join_paragraphs(paras: list[str]) -> str:
    return "\n\n".join(paras)


def looks_like_title(paragraph: str) -> bool:
    """A short single line with no full stop at the end reads as a heading."""
    line = paragraph.strip()
    return (
        "\n" not in line
        and 0 < len(line.split()) <= 16
        and not line.endswith((".", ",", ";", ":"))
        and not _BULLET.match(line)
    )


def propose_title(text: str, max_words: int = 12) -> str:
    """A stand-in title from the first sentence, cut at a word boundary."""
    first = paragraphs(text)[0] if paragraphs(text) else ""
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0].strip().rstrip(".!?")
    words = _BULLET.sub("", sentence).split()
    if not words:
        return "Untitled article"
    short = " ".join(words[:max_words])
    return short + ("…" if len(words) > max_words else "")


def _locate(original: str, paragraph: str, start: int = 0) -> int:
    """Where paragraph begins in original (at or after start), or -1.

    The body is a tidied copy of the original (bullets normalised, blank lines added), so match
    on the first words with any whitespace between them rather than on the exact text.
    """
    words = _BULLET.sub("", paragraph).split()[:8]
    if not words:
        return -1
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.compile(pattern).search(original, start)
    if match is None:
        return -1
    # Start the stretch at the beginning of that line so bullets and indents travel with it.
    line_start = original.rfind("\n", 0, match.start()) + 1
    return max(line_start, start)


def _cut_original(original: str, paragraph: str, after: int = 0) -> int:
    """The offset at which to cut original so that paragraph begins the second part."""
    pos = _locate(original, paragraph, after)
    if pos < 0:
        # The paragraph cannot be found (heavily tidied text): cut at the matching share of the
        # text, on a line boundary, rather than lose or duplicate anything.
        pos = original.rfind("\n", 0, len(original) // 2) + 1
    return pos


def _lines_before(text: str, offset: int) -> int:
    return text[:offset].count("\n")


def _drop_proposed_flag(flags: list[str]) -> list[str]:
    return [f for f in flags if not f.startswith("title proposed")]


def split_draft(drafts: list[DraftArticle], index: int, para_index: int) -> list[DraftArticle]:
    """Start a new article at body paragraph para_index of drafts[index].

    A short heading-like paragraph becomes the new article's title; otherwise a title is proposed
    and flagged. Closing details (bio, credits, first appeared, reference) stay with the second
    part, since they end the stretch of text.
    """
    draft = drafts[index]
    paras = paragraphs(draft.body)
    if not 0 < para_index < len(paras):
        raise ValueError("Choose a paragraph after the first one to split there.")
    head, tail = paras[:para_index], paras[para_index:]
    cut = _cut_original(draft.original, tail[0], _locate(draft.original, head[-1]) + 1)
    first = replace(
        copy.deepcopy(draft),
        body=join_paragraphs(head),
        original=draft.original[:cut],
        bio="",
        picture_credit="",
        first_appeared=None,
        reference="",
        doi="",
        url="" if draft.first_appeared else draft.url,
    )
    parsed = _reparse(draft.original[cut:], draft.source_file)
    if parsed is not None:
        # The importer reads the new stretch as an article of its own: take its title, author
        # line and closing details, which it knows how to find.
        second = replace(
            parsed,
            original=draft.original[cut:],
            source=parsed.source or draft.source,
            source_file=draft.source_file,
            start_line=draft.start_line + _lines_before(draft.original, cut),
        )
        return [*drafts[:index], first, second, *drafts[index + 1 :]]
    if looks_like_title(tail[0]) and len(tail) > 1:
        title, body_paras, flags = tail[0], tail[1:], []
    else:
        title, body_paras, flags = propose_title(join_paragraphs(tail)), tail, [TITLE_PROPOSED_FLAG]
    second = replace(
        copy.deepcopy(draft),
        title=title,
        authors=[],
        body=join_paragraphs(body_paras),
        original=draft.original[cut:],
        start_line=draft.start_line + _lines_before(draft.original, cut),
        flags=flags,
        url=draft.url if draft.first_appeared else "",
    )
    return [*drafts[:index], first, second, *drafts[index + 1 :]]


def _reparse(text: str, name: str) -> DraftArticle | None:
    """The stretch read by the importer as one article with a real title, else None."""
    from briefing.errors import BriefingError
    from briefing.library.importers import import_text

    try:
        found = import_text(text, name or "split")
    except BriefingError:
        return None
    if len(found) != 1 or found[0].title_was_proposed:
        return None
    return found[0]


def _join_originals(a: str, b: str) -> str:
    # Stretches cut by a split end at a line start and join back exactly; the importer's own
    # stretches are trimmed, so they get back the blank line that stood between them.
    if not a or not b or a.endswith("\n"):
        return a + b
    return a + "\n\n" + b


def merge_with_next(drafts: list[DraftArticle], index: int) -> list[DraftArticle]:
    """Join drafts[index + 1] onto drafts[index]; its title becomes a subheading."""
    if not 0 <= index < len(drafts) - 1:
        raise ValueError("There is no following article to merge with.")
    a, b = drafts[index], drafts[index + 1]
    body_parts = paragraphs(a.body)
    # The bio of the first part was lifted out of its body by the importer; put it back
    # where it stood so the merged text reads in order.
    if a.bio:
        body_parts.append(a.bio)
    if not b.title_was_proposed:
        body_parts.append(b.title)
    body_parts += paragraphs(b.body)
    merged = replace(
        copy.deepcopy(a),
        authors=list(a.authors or b.authors),
        body=join_paragraphs(body_parts),
        original=_join_originals(a.original, b.original),
        bio=b.bio,
        picture_credit=b.picture_credit or a.picture_credit,
        first_appeared=copy.deepcopy(b.first_appeared or a.first_appeared),
        reference=b.reference or a.reference,
        doi=a.doi or b.doi,
        url=a.url or b.url,
        source=a.source or b.source,
        published=a.published or b.published,
        flags=list(dict.fromkeys(a.flags + _drop_proposed_flag(b.flags))),
    )
    return [*drafts[:index], merged, *drafts[index + 2 :]]


def merge_with_previous(drafts: list[DraftArticle], index: int) -> list[DraftArticle]:
    if index <= 0:
        raise ValueError("There is no earlier article to merge with.")
    return merge_with_next(drafts, index - 1)


def move_boundary(drafts: list[DraftArticle], index: int, step: int) -> list[DraftArticle]:
    """Move the boundary between drafts[index] and drafts[index + 1] by one paragraph.

    step -1 moves it earlier (the last paragraph of the first joins the second), +1 later (the
    first body paragraph of the second joins the first).
    """
    if not 0 <= index < len(drafts) - 1:
        raise ValueError("There is no following article, so there is no boundary to move.")
    a, b = drafts[index], drafts[index + 1]
    a_paras, b_paras = paragraphs(a.body), paragraphs(b.body)
    if step < 0:
        if len(a_paras) < 2:
            raise ValueError(f"“{a.title}” has only one paragraph left: merge it instead.")
        moved = a_paras[-1]
        cut = _cut_original(a.original, moved, _locate(a.original, a_paras[-2]) + 1)
        new_a = replace(
            copy.deepcopy(a), body=join_paragraphs(a_paras[:-1]), original=a.original[:cut]
        )
        new_b = replace(
            copy.deepcopy(b),
            body=join_paragraphs([moved, *b_paras]),
            original=a.original[cut:] + b.original,
            start_line=a.start_line + _lines_before(a.original, cut),
        )
    else:
        if len(b_paras) < 2:
            raise ValueError(f"“{b.title}” has only one paragraph left: merge it instead.")
        moved = b_paras[0]
        cut = _cut_original(b.original, b_paras[1], _locate(b.original, moved) + 1)
        new_a = replace(
            copy.deepcopy(a),
            body=join_paragraphs([*a_paras, moved]),
            original=a.original + b.original[:cut],
        )
        new_b = replace(
            copy.deepcopy(b),
            body=join_paragraphs(b_paras[1:]),
            original=b.original[cut:],
            start_line=b.start_line + _lines_before(b.original, cut),
        )
    return [*drafts[:index], new_a, new_b, *drafts[index + 2 :]]
