"""Verify rules: every built file proves it holds what the pack says, where a reader can see it.

For each file rendered (Word, PDF from either engine, web page) and before it is written:

- complete: every piece of text the document holds (pieces.py) is in the file, in reading order
  (PDF: the text each page draws; Word: document.xml; web page: the DOM). A missing piece is an
  error naming it and its place in the pack (FILE:LINE:COL), so the file is not written.
- on the page (PDF): no text past the page's edge, over the running footer or the marking, or
  past the margin (a table cell sticking out), and no text drawn over other text.
- no near-empty page (PDF): a page holding only a heading, one short statement (a few words on
  a few lines) or nothing but its furniture is a warning naming the page (the cover, and a page the briefing starts on
  purpose and fills with all it has to say, aside).
- the cover on one page (PDF): a cover whose text runs onto the next page is a warning.
- words whole (PDF): no word of a table cell or a name broken across lines. Word processors
  and browsers lay out Word files and web pages themselves, so there is nothing to measure in
  those files.

A reader of each file gives its text as one stream of folded text (pieces.fold); each piece is
looked for from where the last one was found, so the work grows with the size of the file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.checks.finding import Location
from briefing.checks.pieces import (
    Folding,
    Piece,
    body_pieces,
    cover_pieces,
    fold,
    opening,
    squeeze,
)
from briefing.checks.rule import CheckContext, Rule
from briefing.export.common.brand import SOFT_BREAK_LINES
from briefing.export.common.direction import RIGHT_TO_LEFT
from briefing.export.common.table_layout import SHORT_TAIL_WORDS, words_too_wide
from briefing.export.registry import FORMATS, PDF_ENGINES

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from briefing.checks.finding import Finding
    from briefing.checks.pdf_read import Page, Placed

_PAGE_OF = re.compile(r"^Page \d+ of \d+$")
_WORDS = re.compile(r"[^\s\-‐‑–—/]+")
FAR = 300  # folded characters between a piece and the last one found: further is suspect
# Fewer words than this on a page that is not a whole part of its own: near-empty (the layout
# keeps a part's last words company by the same measure).
NEAR_EMPTY_WORDS = SHORT_TAIL_WORDS


@dataclass
class Stream:
    """A file's text as the verify rules read it: folded text, and for a PDF where each page
    starts in it and where each line of text starts (for words broken across lines)."""

    text: str
    starts: set[int] = field(default_factory=set)  # where a paragraph, cell or line begins
    page_starts: list[int] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    pages: Sequence[Page] = ()
    body: list[list[Placed]] = field(default_factory=list)  # each page's text, furniture aside
    problems: list[str] = field(default_factory=list)  # what was seen outside its place
    letters: str = ""  # a PDF's text with its hidden letters and digits shown (see _HIDDEN)
    unhide: Folding | None = None  # the folding that gave `letters`


@dataclass
class Matched:
    """Where each piece was found in a stream (None: not where it belongs)."""

    cover: list[tuple[Piece, tuple[int, int] | None]]
    body: list[tuple[Piece, tuple[int, int] | None]]


def _label(context: CheckContext, fmt: str) -> str:
    if fmt == "pdf":
        engine = PDF_ENGINES.get(context.pdf_engine)
        return "tagged PDF" if engine is not None and engine.tagged else "PDF"
    return {"docx": "Word file", "html": "web page"}.get(fmt, FORMATS[fmt].label)


def _pieces(context: CheckContext, folding: Folding) -> tuple[list[Piece], list[Piece]]:
    key = f"verify.pieces.{folding.__name__}"
    if key not in context.memo:
        context.memo[key] = (
            cover_pieces(context.document, folding),
            body_pieces(context.document, folding),
        )
    found: tuple[list[Piece], list[Piece]] = context.memo[key]  # type: ignore[assignment]
    return found


def prepare(context: CheckContext, formats: Iterable[str]) -> None:
    """Work out in advance, in context.memo, what these rules need of the document alone (its
    pieces, folded as each format is read), and load the PDF reader, so that a build can do it
    before its files are rendered (while Typst lays the PDF out) rather than after."""
    made = set(formats)
    if "pdf" in made:
        from briefing.checks.pdf_read import load_reader

        _pieces(context, _pdf_folding(context))
        load_reader()
    if made - {"pdf"}:
        _pieces(context, squeeze)


def _stream(context: CheckContext, fmt: str, folding: Folding = fold) -> Stream | None:
    """The file's stream of text, read once for each folding (a PDF's is always read with
    _pdf_folding, so once)."""
    key = "verify.stream.pdf" if fmt == "pdf" else f"verify.stream.{fmt}.{folding.__name__}"
    if key not in context.memo:
        data = context.outputs.get(fmt)
        if not data:
            return None
        made = None
        if fmt == "docx":
            made = _docx_stream(data, folding)
        elif fmt == "html":
            made = _html_stream(data, folding)
        elif fmt == "pdf":
            made = _pdf_stream(context, data)
        context.memo[key] = made
    stream: Stream | None = context.memo[key]  # type: ignore[assignment]
    return stream


def _matched(context: CheckContext, fmt: str) -> Matched | None:
    """Where each piece is in the file. A Word file or web page holds each text exactly as
    given, so it is first compared with spacing and case aside only (quick); should anything
    seem missing, it is compared again by letters and digits alone, as a PDF always is."""
    key = f"verify.matched.{fmt}"
    if key not in context.memo:
        matched = None
        for folding in (_pdf_folding(context),) if fmt == "pdf" else (squeeze, fold):
            matched = _match(context, fmt, folding)
            if matched is None or not any(
                span is None for _, span in [*matched.cover, *matched.body]
            ):
                break
        context.memo[key] = matched
    found: Matched | None = context.memo[key]  # type: ignore[assignment]
    return found


def _match(context: CheckContext, fmt: str, folding: Folding) -> Matched | None:
    stream = _stream(context, fmt, folding)
    if stream is None:
        return None
    cover, body = _pieces(context, folding)
    found_cover: list[tuple[Piece, tuple[int, int] | None]] = []
    for piece in cover:
        at = _next(stream, piece, 0)
        found_cover.append((piece, None if at < 0 else (at, at + len(piece.folded))))
    # The body follows the cover (whose pieces each writer orders in its own way).
    after_cover = max((span[1] for _, span in found_cover if span is not None), default=0)
    return Matched(found_cover, _in_order(stream, body, after_cover))


# In a briefing holding such text, its letters and every digit (numbers move with it) are each
# compared as this one character, in order with the rest; which letters and digits they are is
# then compared within each piece, in any order (see _next).
_HIDDEN = "\ue001"
_TO_HIDE = re.compile(RIGHT_TO_LEFT.pattern.removesuffix("]") + "\\d]+")


def _hide(folded: str) -> str:
    return _TO_HIDE.sub(lambda m: _HIDDEN * len(m.group()), folded)


def _pdf_folding(context: CheckContext) -> Folding:
    """fold, for a PDF: without the characters its engine's fonts cannot show (printed as boxes,
    or the PDF cannot be made: the unprintable-characters rule's to report). A PDF holds text
    written right to left in the order it is drawn on the line, not read (and PDFium reads it
    back in an order of its own), so when the briefing has any, such letters and all digits
    are hidden (_HIDDEN): the PDF's text is compared in order around them, and the letters and
    digits of each piece as a whole."""
    made = context.memo.get("verify.pdf-folding")
    if callable(made):
        return made
    from briefing.checks.accessibility_fonts import unprintable
    from briefing.export.pdf.typst.fonts import document_characters, not_bundled

    characters = document_characters(context.document)
    right_to_left = any(RIGHT_TO_LEFT.match(ch) for ch in characters)
    engine = PDF_ENGINES.get(context.pdf_engine)
    lost = unprintable(characters) if engine is None or engine.tagged else not_bundled(characters)
    aside = {ord(folded): None for ch in lost if len(folded := fold(ch) or ch) == 1}

    def fold_letters(text: str, keep: str = "") -> str:
        folded = fold(text, keep)
        return folded.translate(aside) if aside else folded

    def fold_pdf(text: str, keep: str = "") -> str:
        folded = fold_letters(text, keep)
        return _hide(folded) if right_to_left else folded

    context.memo["verify.pdf-folding"] = fold_pdf
    context.memo["verify.pdf-letters"] = fold_letters if right_to_left else None
    return fold_pdf


def _next(stream: Stream, piece: Piece, cursor: int) -> int:
    """Where `piece` next is in the stream from `cursor` (-1: nowhere): where its folded text
    is, and, for text with hidden letters and digits, the same ones in any order."""
    folded = piece.folded
    at = stream.text.find(folded, cursor)
    if stream.unhide is None or _HIDDEN not in folded or at < 0:
        return at
    letters = stream.unhide(piece.text, "")
    if len(letters) != len(folded):
        return at
    want = sorted(c for c, h in zip(letters, folded, strict=True) if h == _HIDDEN)
    while at >= 0:
        end = at + len(folded)
        got = [c for c, h in zip(stream.letters[at:end], folded, strict=True) if h == _HIDDEN]
        if sorted(got) == want:
            return at
        at = stream.text.find(folded, at + 1)
    return -1


def _in_order(
    stream: Stream, pieces: list[Piece], cursor: int = 0
) -> list[tuple[Piece, tuple[int, int] | None]]:
    """Each piece, found after the one before it, where a paragraph, cell or line begins
    when it is there (a short heading also reads inside a longer one). A piece found only far
    ahead, beyond where the next piece sits, is not where it belongs (its words merely appear
    later)."""
    text = stream.text
    out: list[tuple[Piece, tuple[int, int] | None]] = []
    for n, piece in enumerate(pieces):
        at = _find(stream, piece, cursor)
        if at - cursor > FAR and n + 1 < len(pieces):
            following = pieces[n + 1].folded
            nxt = text.find(following, cursor, at)
            if nxt >= 0 and nxt + len(following) <= at:
                at = -1
        if at < 0:
            out.append((piece, None))
            continue
        out.append((piece, (at, at + len(piece.folded))))
        cursor = at + len(piece.folded)
    return out


def _find(stream: Stream, piece: Piece, cursor: int) -> int:
    """The first place from `cursor` where `piece` begins a paragraph, cell or line, else the
    first place at all (-1: nowhere)."""
    first = at = _next(stream, piece, cursor)
    while at >= 0 and at not in stream.starts and at - first <= FAR:
        at = _next(stream, piece, at + 1)
    return at if at >= 0 and at in stream.starts else first


def _where(context: CheckContext, piece: Piece) -> Location:
    """The piece's place in the pack file (the document records it for the version built)."""
    if not piece.origin:
        return Location(context.pack_path)
    path = context.version.in_pack(piece.origin)
    section = (
        path[1] + 1
        if len(path) > 1 and path[0] == "sections" and isinstance(path[1], int)
        else None
    )
    item = (
        path[3] + 1
        if section is not None and len(path) > 3 and path[2] == "items" and isinstance(path[3], int)
        else None
    )
    return context.at(path, section=section, item=item)


def _describe(context: CheckContext, piece: Piece) -> str:
    if not piece.origin:
        return "added by Briefing"
    from briefing.packfile.positions import describe

    return describe(context.version.in_pack(piece.origin))


# ---------------------------------------------------------------------------------------------
# Complete: every piece present, in order.


def _complete(context: CheckContext) -> Iterator[Finding]:
    for fmt in context.outputs:
        matched = _matched(context, fmt)
        if matched is None:
            continue
        label = _label(context, fmt)
        for group, piece in _missing_groups(matched):
            yield COMPLETE.finding(
                f"The {label} as built does not hold {group} ({_describe(context, piece)}), "
                "so it was not written. This is a fault in Briefing's layout, not in the "
                "pack: build the other formats, or report it with the pack.",
                _where(context, piece),
            )


def _missing_groups(matched: Matched) -> Iterator[tuple[str, Piece]]:
    """Each missing piece's group once (a lost table row is one finding, not one per cell)."""
    seen: set[str] = set()
    for piece, span in [*matched.cover, *matched.body]:
        if span is None and piece.group not in seen:
            seen.add(piece.group)
            yield piece.group, piece


# ---------------------------------------------------------------------------------------------
# Readers: each file as one stream of folded text.


_BREAK = "\ue000"  # between paragraphs and cells in a reader's text (a private character)
_BLOCKS = (
    "p",
    "li",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figcaption",
    "caption",
    "footer",
    "header",
    "div",
    "dt",
    "dd",
    "cite",
    "nav",
    "section",
)


def _joined(text: str, folding: Folding) -> Stream:
    """A stream of text whose paragraphs are separated by _BREAK."""
    stream = Stream("")
    offset = 0
    parts = folding(text, _BREAK).split(_BREAK)  # folded at once: the break survives
    for part in parts:
        stream.starts.add(offset)
        offset += len(part)
    stream.text = "".join(parts)
    return stream


def _docx_stream(data: bytes, folding: Folding) -> Stream:
    from briefing.checks.docx_read import body_text

    return _joined(body_text(data, _BREAK), folding)


def _html_stream(data: bytes, folding: Folding) -> Stream:
    import lxml.html

    root = lxml.html.document_fromstring(data)
    for element in root.iter("script", "style", "head"):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.text = _BREAK + (element.text or "")
    return _joined("".join(root.itertext()), folding)


def _pdf_stream(context: CheckContext, data: bytes) -> Stream:
    from briefing.checks.pdf_read import UnreadablePdf, read_pages

    try:
        pages = read_pages(data)
    except UnreadablePdf:
        return Stream("")
    meta = context.document.meta
    furniture = _Furniture(meta.marking, meta.running_title or meta.title)
    stream = Stream("", pages=pages)
    stream.body = [
        [run for run in page.runs if not run.turned and not furniture.holds(page, run)]
        for page in pages
    ]
    texts = _BREAK.join(run.text.replace(_BREAK, " ") for body in stream.body for run in body)
    parts = _pdf_folding(context)(texts, _BREAK).split(_BREAK)
    fold_letters = context.memo.get("verify.pdf-letters")
    if callable(fold_letters):
        stream.letters = fold_letters(texts, _BREAK).replace(_BREAK, "")
        stream.unhide = fold_letters
    folded = iter(parts)
    offset = 0
    for body in stream.body:
        stream.page_starts.append(offset)
        baseline: float | None = None
        for run in body:
            if baseline is None or abs(run.bottom - baseline) > max(1.0, run.height * 0.5):
                stream.line_starts.append(offset)
            stream.starts.add(offset)
            baseline = run.bottom
            offset += len(next(folded))
    stream.text = "".join(parts)
    return stream


def _same_words(read: str, written: str) -> bool:
    """Whether text read from a PDF is `written`: the same words, in any order where it holds
    right-to-left text (PDFium reads such words in the order they are drawn)."""
    if read == written:
        return True
    return bool(RIGHT_TO_LEFT.search(written)) and sorted(read.split()) == sorted(written.split())


@dataclass(frozen=True)
class _Furniture:
    """What every page carries besides its text: the marking, the running title, the page
    number. Recognised by its words and its place in the top or bottom band of the page."""

    marking: str
    running_title: str

    def holds(self, page: Page, run: Placed) -> bool:
        low = run.top < page.height * 0.1  # the footer: the running title, page number, marking
        high = run.bottom > page.height * 0.94  # the marking at the top
        if not (low or high):
            return False
        text = " ".join(run.text.split()).replace("...", "…")  # (PDFium may read "…" as three)
        if not text or text == self.marking:
            return True
        if not low:
            return False
        if _PAGE_OF.match(text):
            return True
        title = " ".join(self.running_title.split())
        if _same_words(text, title) or (
            text.endswith("…") and title.startswith(text[:-1].rstrip())
        ):
            return True
        # A title in several scripts is read as several runs, one per font (Cyrillic beside
        # Latin): each is a piece of the title, in the same place; the last may be cut short
        # inside a word ("revie…"). After right-to-left text the "…" is a run of its own.
        if text == "…" and title.endswith("…"):
            return True
        piece = text.removesuffix("…").strip()
        ends = "" if text.endswith("…") else " "
        return bool(piece) and f" {piece}{ends}" in f" {title.removesuffix('…')} "


# ---------------------------------------------------------------------------------------------
# PDF: on the page.


def _on_page(context: CheckContext) -> Iterator[Finding]:
    stream = _stream(context, "pdf")
    if stream is None:
        return
    label = _label(context, "pdf")
    right_edge = _text_right(stream)
    for page, body in zip(stream.pages, stream.body, strict=True):
        footer_top, header_bottom = _bands(page, body)
        for problem in _page_problems(page, body, footer_top, header_bottom, right_edge):
            yield OFF_PAGE.finding(
                f"Page {page.number} of the {label}: {problem} This is a "
                "fault in Briefing's layout, not in the pack: build the "
                "other formats, or report it with the pack.",
                Location(context.pack_path),
            )


def _text_right(stream: Stream) -> float | None:
    """Where the text area ends on the right: the page number is set flush with it."""
    for page in stream.pages:
        for run in page.runs:
            if _PAGE_OF.match(" ".join(run.text.split())):
                return run.right
    return None


def _bands(page: Page, body: list[Placed]) -> tuple[float | None, float | None]:
    """The top of the footer's furniture and the bottom of the header's, on this page."""
    inside = {id(run) for run in body}
    furniture = [run for run in page.runs if id(run) not in inside and not run.turned]
    low = [run.top for run in furniture if run.top < page.height / 2]
    high = [run.bottom for run in furniture if run.bottom > page.height / 2]
    return (max(low) if low else None), (min(high) if high else None)


_PROBLEMS = {
    "edge": "runs off the page.",
    "footer": "is drawn over the running footer.",
    "header": "is drawn over the marking at the top.",
    "margin": "runs past the right margin (out of its table cell or the text area).",
}


def _page_problems(
    page: Page,
    body: list[Placed],
    footer_top: float | None,
    header_bottom: float | None,
    right_edge: float | None,
) -> Iterator[str]:
    reported: set[str] = set()

    def once(kind: str, text: str) -> str | None:
        if kind in reported:
            return None
        reported.add(kind)
        return text

    for run in body:
        slack = 1.0 + run.height * 0.4  # a line's closing space may reach past its last letter
        kind = None
        if (
            run.left < -0.5
            or run.bottom < -0.5
            or run.right > page.width + slack
            or run.top > page.height + 0.5
        ):
            kind = "edge"
        elif footer_top is not None and run.bottom < footer_top:
            kind = "footer"
        elif header_bottom is not None and run.top > header_bottom:
            kind = "header"
        elif right_edge is not None and page.number > 1 and run.right > right_edge + slack:
            kind = "margin"
        if kind is not None:
            problem = once(kind, f"the text {opening(run.text)} {_PROBLEMS[kind]}")
            if problem:
                yield problem
    overlap = _overlapping(body)
    if overlap is not None:
        yield f"the text {opening(overlap[0].text)} is drawn over {opening(overlap[1].text)}."


def _overlapping(body: list[Placed]) -> tuple[Placed, Placed] | None:
    """Two runs of text on one line drawn over each other, if any."""
    lines: dict[int, list[Placed]] = {}
    for run in body:
        lines.setdefault(round(run.bottom), []).append(run)
    for runs in lines.values():
        runs.sort(key=lambda run: run.left)
        for before, after in zip(runs, runs[1:], strict=False):
            if (
                after.left < before.right - (1.0 + before.height * 0.4)
                and after.text.strip()
                and before.text.strip()
            ):
                return before, after
    return None


# ---------------------------------------------------------------------------------------------
# PDF: near-empty pages and whole words.


def _near_empty(context: CheckContext) -> Iterator[Finding]:
    stream = _stream(context, "pdf")
    matched = _matched(context, "pdf")
    if stream is None or matched is None or len(stream.pages) < 2:
        return
    label = _label(context, "pdf")
    spans = [(piece, span) for piece, span in matched.body if span is not None]
    starts = [span[0] for _, span in spans]
    last_of_segment: dict[int, int] = {}
    for n, (piece, _) in enumerate(spans):
        last_of_segment[piece.segment] = n
    ends = [*stream.page_starts[1:], len(stream.text)]
    for page, body, start, end in zip(
        stream.pages, stream.body, stream.page_starts, ends, strict=True
    ):
        if page.number == 1:
            continue  # the cover
        words = sum(len(run.text.split()) for run in body)
        lines = len({round(run.bottom) for run in body})
        first = bisect.bisect_left(starts, start)
        if first > 0 and spans[first - 1][1][1] > start:
            first -= 1  # a piece that began on an earlier page
        on_page = list(range(first, max(first, bisect.bisect_left(starts, end))))
        message = _emptiness(words, lines, [spans[n][0] for n in on_page])
        if message is None or _whole_part(on_page, spans, last_of_segment, start):
            continue
        yield NEAR_EMPTY.finding(
            f"Page {page.number} of the {label} {message}: a reader "
            "turns a page for next to nothing. This is a fault in "
            "Briefing's layout; report it with the pack.",
            Location(context.pack_path),
        )


def _cover_spills(context: CheckContext) -> Iterator[Finding]:
    stream = _stream(context, "pdf")
    matched = _matched(context, "pdf")
    if stream is None or matched is None or len(stream.page_starts) < 2:
        return
    second = stream.page_starts[1]
    spilled = [piece for piece, span in matched.cover if span is not None and span[1] > second]
    if spilled:
        yield COVER_SPILLS.finding(
            f"The cover of the {_label(context, 'pdf')} runs onto page 2 ({spilled[0].group}): "
            "its title, organisation and subtitle are more than one page holds at this paper "
            "and print size, even at their smallest. Shorten them.",
            _where(context, spilled[0]),
        )


def _emptiness(words: int, lines: int, pieces: list[Piece]) -> str | None:
    if words == 0:
        return "holds nothing but the marking, title and page number"
    if (
        pieces
        and all(piece.kind == "heading" for piece in pieces)
        and words <= sum(len(piece.text.split()) for piece in pieces) + 2
    ):
        return f"holds only the heading {opening(pieces[-1].text)}"
    # A few words on more lines than the layout counts as a few (place names of 58 letters,
    # broken) fill part of the page: not next to nothing.
    if words < NEAR_EMPTY_WORDS and lines <= SOFT_BREAK_LINES and len(pieces) <= 1:
        shown = opening(pieces[0].text) if pieces else f"{words} words"
        return f"holds only {shown}"
    return None


def _whole_part(
    on_page: list[int],
    spans: list[tuple[Piece, tuple[int, int]]],
    last_of_segment: dict[int, int],
    start: int,
) -> bool:
    """Whether the page holds a whole part the briefing starts on a new page on purpose (an
    item of a handout, its list of sources) and all of it."""
    if not on_page:
        return False
    first, last = on_page[0], on_page[-1]
    piece = spans[first][0]
    opens = (
        piece.segment > 0
        and spans[first][1][0] >= start
        and (first == 0 or spans[first - 1][0].segment != piece.segment)
    )
    return opens and last_of_segment.get(piece.segment) == last


def _whole_words(context: CheckContext) -> Iterator[Finding]:
    stream = _stream(context, "pdf")
    matched = _matched(context, "pdf")
    if stream is None or matched is None:
        return
    label = _label(context, "pdf")
    breaks = stream.line_starts
    too_wide = words_too_wide(context.document)
    seen: set[str] = set()
    for piece, span in [*matched.cover, *matched.body]:
        if not piece.whole_words or span is None:
            continue
        for word, head in _broken(piece, span[0], breaks):
            if word in seen:
                continue
            seen.add(word)
            where = f"In the {label}, “{word}” in {piece.group} is broken after “{head}”"
            if word not in too_wide:
                message = (
                    f"{where}: the column is too narrow for it. This is a fault in "
                    "Briefing's layout; report it with the pack."
                )
            elif piece.kind == "cell":
                message = (
                    f"{where}: it is wider than its column can be, as the table's "
                    "longest words side by side are wider than the page. Shorten it, "
                    "or put a space or hyphen in it where it may break."
                )
            else:
                message = (
                    f"{where}: it is wider than a line of the page. Shorten it, or put "
                    "a space or hyphen in it where it may break."
                )
            yield BROKEN_WORD.finding(message, _where(context, piece))


def _broken(piece: Piece, start: int, breaks: list[int]) -> Iterator[tuple[str, str]]:
    """Each word of the piece broken across lines, with its part before the break."""
    at = 0
    for word in _WORDS.findall(piece.text):
        folded = fold(word)
        if len(folded) < 2:
            continue
        found = piece.folded.find(folded, at)
        if found < 0:
            continue
        at = found + len(folded)
        begin = start + found
        n = bisect.bisect_right(breaks, begin)
        if n < len(breaks) and breaks[n] < begin + len(folded):
            before = breaks[n] - begin
            yield (
                word,
                next(
                    (word[:i] for i in range(1, len(word)) if len(fold(word[:i])) >= before), word
                ),
            )


COMPLETE = Rule(
    "output-complete",
    "error",
    "A built file does not hold a piece of the pack (a heading, paragraph, list "
    "item, table row …), in reading order.",
    "output",
    _complete,
)
OFF_PAGE = Rule(
    "output-off-page",
    "error",
    "Text in the built PDF runs off the page, over the footer or the marking, past "
    "the margin, or over other text.",
    "output",
    _on_page,
)
NEAR_EMPTY = Rule(
    "near-empty-page",
    "warning",
    "A page of the built PDF holds only a heading, one short statement or "
    "nothing but its furniture.",
    "output",
    _near_empty,
)
COVER_SPILLS = Rule(
    "cover-spills",
    "warning",
    "The cover of the built PDF runs onto a second page.",
    "output",
    _cover_spills,
)
BROKEN_WORD = Rule(
    "broken-word",
    "warning",
    "A word in a table cell or a name is broken across lines in the built PDF.",
    "output",
    _whole_words,
)

RULES: tuple[Rule, ...] = (COMPLETE, OFF_PAGE, NEAR_EMPTY, COVER_SPILLS, BROKEN_WORD)
VERIFY_RULES = frozenset(rule.code for rule in RULES)
