"""Generated packs build whole: every word the pack prints is in every format from every engine,
the agenda's rows in order, and in each PDF nothing runs over the footer, the marking, the page
edge or another word, and no heading is the last thing on a page. A derandomised handful in CI; bench/fuzz_long.py runs thousands."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, example, given, settings
from layout_strategies import as_pack_text, layout_pack
from page_words import layout_problems, pages, stranded_headings

from briefing.build import VERIFY_RULES, BuildRequest, check
from briefing.document.model import (
    BlockQuote,
    BulletList,
    Contents,
    Document,
    Heading,
    Paragraph,
    Table,
)
from briefing.export.registry import FORMATS, PDF_ENGINES
from briefing.packfile import loads_pack

# Packs built with each PDF engine in this process (bench/fuzz_long.py prints it).
BUILT: Counter[str] = Counter()
LONG = os.environ.get("BRIEFING_FUZZ") == "long"
# Each example builds four files, so a failing one is reported as found, not shrunk (which
# would take minutes).
_EXAMPLES = settings(
    max_examples=int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "2000")) if LONG else 6,
    deadline=None,
    derandomize=not LONG,
    database=None,
    suppress_health_check=list(HealthCheck),
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
)


def printed_words(document: Document) -> list[str]:
    """Every word the document model holds for the page: cover, headings, text, lists, quotes,
    table cells."""
    cover = document.cover
    texts = [cover.title, cover.subtitle, cover.organisation, cover.prepared_by, *cover.lines]
    for block in document.blocks:
        if isinstance(block, Heading):
            texts.append(block.text)
        elif isinstance(block, Paragraph | BlockQuote):
            texts.append("".join(r.text for r in block.runs))
            if isinstance(block, BlockQuote):
                texts.append(block.attribution)
        elif isinstance(block, BulletList):
            texts += ["".join(r.text for r in item) for item in block.items]
        elif isinstance(block, Table):
            texts += [block.caption, *block.header, *(cell for row in block.rows for cell in row)]
        elif isinstance(block, Contents):
            texts.append(block.title)
    return [w for text in texts for w in _words(text)]


def _words(text: str) -> list[str]:
    return text.replace("\u00a0", " ").split()


_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def missing_words(wanted: list[str], found: list[str]) -> list[str]:
    """The wanted words a file does not hold. A word the layout had to break (longer than its
    cell or line) counts when its letters run on unbroken across the pieces."""
    have = set(found)
    joined = "".join(found)
    return sorted(
        {
            w
            for w in wanted
            if w not in have
            and w not in joined
            and not _drawn_right_to_left(w, joined)
            and not _pieced(w, found)
        }
    )


def _pieced(word: str, found: list[str], reach: int = 40) -> bool:
    """Whether the word is printed in pieces, each a little after the one before (a word broken
    inside a table cell is read with the next cell's words between its pieces)."""
    for i, first in enumerate(found):
        if not first or not word.startswith(first):
            continue
        rest, at = word[len(first) :], i
        while rest:
            step = next(
                (
                    j
                    for j in range(at + 1, min(at + reach, len(found)))
                    if found[j] and rest.startswith(found[j])
                ),
                None,
            )
            if step is None:
                break
            rest, at = rest[len(found[step]) :], step
        if not rest:
            return True
    return False


def _drawn_right_to_left(word: str, joined: str) -> bool:
    """A right-to-left word (Hebrew) read back in the order it is drawn, its full stop on the
    other side."""
    letters = re.sub(r"\W", "", word)
    return bool(_RIGHT_TO_LEFT.search(word)) and (letters in joined or letters[::-1] in joined)


def _docx_words(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    from html import unescape

    return [
        w
        for p in paragraphs
        for w in _words(unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))))
    ]


def _html_words(data: bytes) -> list[str]:
    found: list[str] = []

    class Text(HTMLParser):
        skip = 0

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            self.skip += tag in ("style", "script", "title")

        def handle_endtag(self, tag: str) -> None:
            self.skip -= tag in ("style", "script", "title")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                found.extend(_words(data))

    Text(convert_charrefs=True).feed(data.decode("utf-8"))
    return found


def _rows_in_order(words: list[str], rows: list[list[str]]) -> str:
    """'' when each row's first cell comes after the previous row's and its other cells' words
    follow it; else the row that is missing or out of order."""
    at = 0
    for row in rows:
        first = _words(row[0])
        try:
            at = next(i for i in range(at, len(words)) if words[i : i + len(first)] == first)
        except StopIteration:
            return " | ".join(row)
    return ""


def builds_whole(data: dict[str, Any]) -> int:
    """Build the pack in every format and engine through the build pipeline, which verifies
    each file (every piece of the pack present in order, nothing off the page or over the
    footer, no near-empty page, words whole), and check each file's words and layout here as
    well; the number of files built."""
    pack = loads_pack(as_pack_text(data), Path("generated.yaml"))
    built = 0
    for n, engine in enumerate(PDF_ENGINES):
        formats = tuple(FORMATS) if n == 0 else ("pdf",)
        report = check(BuildRequest(pack, Path("."), formats=formats, pdf_engine=engine))
        verified = [str(f) for f in report.findings if f.rule in VERIFY_RULES]
        assert not verified, f"verify ({engine}): {verified[:5]}"
        (job,) = report.jobs
        # (a writer that fails on a pack with errors is reported as not built, not raised)
        unbuilt = sorted(set(formats) - set(job.rendered))
        assert not unbuilt, f"{unbuilt} ({engine}) not built: {[str(f) for f in report.findings]}"
        BUILT[engine] += 1
        for key, rendered in job.rendered.items():
            _holds(job.document, key, engine if key == "pdf" else "", rendered.data)
            built += 1
    return built


def _holds(document: Document, key: str, engine: str, out: bytes) -> None:
    """The file holds every word of the document (and, for a PDF, its agenda rows in order,
    nothing off the page or over another word, no heading last on a page)."""
    what = f"{key} {engine}".strip()
    if key == "pdf":
        rows = [row for b in document.blocks if isinstance(b, Table) for row in b.rows]
        headings = [b.text for b in document.blocks if isinstance(b, Heading)]
        marking = document.meta.marking
        problems = layout_problems(out, document.meta.paper, marking)
        problems += stranded_headings(out, headings, marking)
        assert not problems, f"{what}: {problems[:5]}"
        read = pages(out)
        found = [w.text for page in read for w in page.words]
        # Rows in the order they are printed down the pages (poppler's reading order may take
        # a short row before a tall one beside it).
        down = [
            w.text for page in read for w in sorted(page.words, key=lambda w: (round(w.y0), w.x0))
        ]
        order = _rows_in_order(down, rows)
        assert not order, f"{what}: the agenda row {order!r} is missing or out of order"
    elif key == "docx":
        found = _docx_words(out)
    else:
        found = _html_words(out)
    missing = missing_words(printed_words(document), found)
    assert not missing, f"{what} lacks {missing[:8]}"


# Packs the long runs found, kept as examples every run tries first: the untagged PDF left
# "Agenda" at the foot of a page (its table on the next), and "Quotes" (its quotation on the
# next); pages holding only a quotation's attribution, the last line of the contact details, a
# short introduction before a handout's first article, or the end of a source split across
# pages, or (untagged) the last source alone; and the untagged PDF left "Questions members may wish to ask" at the foot of a page
# over a list item of three lines (which cannot be split), and "Quotes" over a quotation kept
# with an article's last words; and verify took a running title in two scripts, cut short
# inside a word ("revie…"), for text over the footer; and the untagged PDF left an article's
# heading behind when its short list moved on with only the last heading of the run, and
# started the sources on a new page after a list item's last two lines (a source kept with the
# short last one, itself kept whole, was taken for taller than a page), and left a draft note
# alone on the front page when a short agenda moved on with a long contents (counted as no words),
# and left a handout's short introduction alone when the air after a contents that ended a page
# went over to the next page with it. And verify took six full lines of place names (seven words)
# for a near-empty page: a page is near-empty with few words on no more lines than a soft page
# break counts as a few. The tagged PDF's cover title, its place name broken for the largest
# title size, took a line a piece when stepped down, and the cover spilled onto a second page;
# so did its organisation, its long words broken for a contents entry, not the cover's width.
# And the tagged PDF left the marking statement alone when the contents moved on with the key
# messages. Both engines' covers spilled their last line when the organisation and subtitle were
# twelve words each, with long words, under a long title. The tagged PDF split an introduction
# of a few long place names under a long contents, leaving five lines of it alone; and, after
# two empty sections' headings with a place name each, a paragraph's last two lines alone (the
# headings' place names were broken for a contents entry, a line more each). And the tagged PDF
# left an introduction's last five lines alone: a handout's first article did not follow them,
# as they were counted in lines of body text, smaller than an introduction's. The untagged PDF
# left "Agenda" at a page's foot when the table's first row was taller than a third of a page.
# Both engines left the marking statement alone when an item with no summary had long headings
# over its byline: they kept room for two lines of text under the byline, where a heading was.
# The untagged PDF left a handout item with nothing under its heading at a page's foot, the next
# item on a new page, where the tagged PDF let it follow; and an item's heading over its short
# byline (kept whole, so not seen as the paragraph the heading needs room for). Both engines left
# a short introduction alone on the front page when a handout's first article had headings and
# a byline of nearly a page (they now keep room for the byline alone there, its text following
# on the next page); and the tagged PDF left a paragraph's last lines alone before two empty
# sections' headings of a word and a place name (a place name broken into pieces a line each;
# its first piece now fills the rest of its line, as in the untagged PDF). The untagged PDF
# left an introduction's last two lines alone before a first article too tall to follow them
# (a part's last paragraph now takes at least a short tail's words onto the next page). The
# tagged PDF moved a long introduction whole to keep it with short key messages, leaving the
# contents' last line alone (text before a heading is no longer kept with it, as in the
# untagged PDF).
FIXTURES = Path(__file__).parents[1] / "fixtures"


def _found(name: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return found


@_EXAMPLES
@example(_found("generated-long-agenda.json"))
@example(_found("generated-quote-under-heading.json"))
@example(_found("generated-attribution-at-page-end.json"))
@example(_found("generated-contact-last-line.json"))
@example(_found("generated-short-front-page.json"))
@example(_found("generated-source-split.json"))
@example(_found("generated-last-source-alone.json"))
@example(_found("generated-heading-over-short-item.json"))
@example(_found("generated-quotes-heading-before-tail.json"))
@example(_found("generated-running-title-cut-in-a-word.json"))
@example(_found("generated-article-after-contents.json"))
@example(_found("generated-sources-after-split-item.json"))
@example(_found("generated-draft-note-before-agenda.json"))
@example(_found("generated-contents-air-at-page-top.json"))
@example(_found("generated-place-names-over-six-lines.json"))
@example(_found("generated-cover-title-stepped-down.json"))
@example(_found("generated-cover-organisation-long-words.json"))
@example(_found("generated-marking-statement-before-contents.json"))
@example(_found("generated-cover-organisation-and-subtitle.json"))
@example(_found("generated-short-intro-split.json"))
@example(_found("generated-paragraph-tail-before-long-headings.json"))
@example(_found("generated-intro-tail-in-larger-lines.json"))
@example(_found("generated-agenda-heading-over-tall-first-row.json"))
@example(_found("generated-marking-statement-over-bare-byline.json"))
@example(_found("generated-empty-item-heading.json"))
@example(_found("generated-item-heading-over-short-byline.json"))
@example(_found("generated-short-intro-before-tall-headings.json"))
@example(_found("generated-paragraph-tail-before-place-name-headings.json"))
@example(_found("generated-intro-tail-before-tall-article.json"))
@example(_found("generated-intro-kept-before-key-messages.json"))
@given(layout_pack())
def test_generated_packs_build_whole_in_every_format_and_engine(data: dict[str, Any]) -> None:
    builds_whole(data)
