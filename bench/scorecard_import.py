"""Import scorecard: how well each kind of input comes back, field by field.

    python bench/scorecard_import.py [--web PATH] [--show-misses]

Not a test: it prints a table. The articles in tests/samples/scorecard/articles.yaml (written for
it) are rendered, in a temporary folder, into every kind of input an officer brings: Markdown
with YAML, TOML and "Title:" header front matter (saved as .txt, as blogs export them), plain
text hard-wrapped and not, a saved web page with its menus and sidebars, a Word document, a PDF
report with running headers, footers and page numbers and words hyphenated at line ends, the
same PDF in two columns, an e-mail newsletter, and a listing page of all the articles. Each is
imported as `briefing import` does and scored: the share of articles whose title, authors
(honorifics dropped), date and source come back exactly ("-" where the kind has no such field),
body accuracy (F1 of word 4-grams against the text as written, as the public web benchmark
scores bodies), and for the listing page, the share of listed items found as entries. With
--web (or BRIEFING_WEB_BENCHMARK) the public benchmark's real pages are scored for body
accuracy too (see bench_web_extraction.py; they are read into a temporary folder, never
copied into the project).
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import json
import os
import sys
import tempfile
import textwrap
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from briefing.errors import BriefingError
from briefing.library.importers import import_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.library.records import DraftArticle

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_web_extraction import pages, scores, tp_fp_fn

ARTICLES = Path(__file__).resolve().parents[1] / "tests" / "samples" / "scorecard" / "articles.yaml"
Record = dict[str, Any]


def byline(r: Record) -> str:
    names = [
        f"{r['honorific']} {n}".strip() if not n.startswith(r["honorific"] or "\0") else n
        for n in r["authors"]
    ]
    return "By " + " and ".join(names)


def names(r: Record) -> list[str]:
    return [
        n.split(" ", 1)[1] if r["honorific"] and n.startswith(r["honorific"] + " ") else n
        for n in r["authors"]
    ]


def wrapped(r: Record) -> str:
    return "\n\n".join(textwrap.fill(" ".join(p.split()), 72) for p in r["paragraphs"])


def long_date(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


# -- the kinds of input ------------------------------------------------------------------------


def md_yaml(r: Record) -> tuple[str, bytes]:
    head = yaml.safe_dump(
        {
            "title": r["title"],
            "author": " and ".join(names(r)),
            "date": r["published"].isoformat(),
            "summary": r["summary"],
            "source": r["source"],
            "tags": ["council"],
        },
        sort_keys=False,
    )
    return ".txt", f"---\n{head}---\n\n{wrapped(r)}\n".encode()


def md_toml(r: Record) -> tuple[str, bytes]:
    authors = ", ".join(json.dumps(n) for n in names(r))
    head = (
        f"title = {json.dumps(r['title'])}\ndate = {r['published'].isoformat()}T09:30:00Z\n"
        f"authors = [{authors}]\ndescription = {json.dumps(r['summary'])}\n"
        f"publication = {json.dumps(r['source'])}\n"
    )
    return ".txt", f"+++\n{head}+++\n\n{wrapped(r)}\n".encode()


def md_header(r: Record) -> tuple[str, bytes]:
    head = (
        f"Title: {r['title']}\nDate: {r['published'].isoformat()} 10:46 +0000\n"
        f"Author: {' and '.join(names(r))}\nCategory: Local government\n"
        f"Summary: {r['summary']}\n"
    )
    return ".txt", f"{head}\n{wrapped(r)}\n".encode()


def txt(r: Record, wrap: bool) -> tuple[str, bytes]:
    body = wrapped(r) if wrap else "\n\n".join(" ".join(p.split()) for p in r["paragraphs"])
    return ".txt", (
        f"{r['title']}\n\n{byline(r)}\n\nPosted on {long_date(r['published'])}\n\n"
        f"{body}\n\nSource: {r['source']}\n"
    ).encode()


def web_page(r: Record) -> tuple[str, bytes]:
    paras = "".join(f"<p>{' '.join(p.split())}</p>" for p in r["paragraphs"])
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{r["title"]} | {r["source"]}</title>
<meta property="og:title" content="{r["title"]}">
<meta property="og:site_name" content="{r["source"]}">
<meta name="description" content="{r["summary"]}">
<meta property="article:published_time" content="{r["published"].isoformat()}T08:00:00Z">
</head><body>
<header><a href="/">{r["source"]}</a><nav><ul><li><a href="/news">News</a></li>
<li><a href="/jobs">Jobs</a></li><li><a href="/events">Events</a></li></ul></nav></header>
<div class="layout"><main><article><h1>{r["title"]}</h1>
<p class="byline">{byline(r)}</p><p><time datetime="{r["published"].isoformat()}">
{long_date(r["published"])}</time></p>{paras}
<div class="share-buttons"><a href="#">Share on social media</a></div></article></main>
<aside class="sidebar"><h2>Most read</h2><ul><li><a href="/a">Budget round-up</a></li>
<li><a href="/b">Planning news this week</a></li></ul></aside></div>
<footer><p>Copyright {r["source"]}. All rights reserved.</p><a href="/privacy">Privacy</a>
</footer></body></html>"""
    return ".html", page.encode()


def word(r: Record) -> tuple[str, bytes]:
    import docx

    document = docx.Document()
    document.add_heading(r["title"], level=0)
    document.add_paragraph(byline(r))
    document.add_paragraph(long_date(r["published"]))
    for p in r["paragraphs"]:
        document.add_paragraph(" ".join(p.split()))
    out = BytesIO()
    document.save(out)
    return ".docx", out.getvalue()


def _lines(text: str, width: float, size: float, font: str) -> list[str]:
    """Words filled into lines of `width` points; a long word at a line end is hyphenated."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    line = ""
    for word_ in text.split():
        trial = f"{line} {word_}".strip()
        if stringWidth(trial, font, size) <= width:
            line = trial
            continue
        if len(word_) >= 8:  # break the word, as a typesetter would
            for cut in range(len(word_) - 3, 3, -1):
                head = f"{line} {word_[:cut]}-".strip()
                if stringWidth(head, font, size) <= width:
                    lines.append(head)
                    line = word_[cut:]
                    break
            else:
                lines.append(line)
                line = word_
            continue
        lines.append(line)
        line = word_
    if line:
        lines.append(line)
    return lines


def pdf(r: Record, columns: int = 1) -> tuple[str, bytes]:
    from reportlab.lib.pagesizes import A6, landscape
    from reportlab.pdfgen import canvas

    out = BytesIO()
    # Small pages, so that each report runs over two or more pages as a real one does.
    paper = A6 if columns == 1 else landscape(A6)
    c = canvas.Canvas(out, pagesize=paper)
    width, height = paper
    margin, gap, size, lead = 28, 18, 10, 13
    column_width = (width - 2 * margin - gap * (columns - 1)) / columns
    blocks: list[tuple[str, float, str]] = [
        (r["title"], 15, "Helvetica-Bold"),
        (byline(r), size, "Helvetica"),
        (long_date(r["published"]), size, "Helvetica"),
    ]
    blocks += [(" ".join(p.split()), size, "Times-Roman") for p in r["paragraphs"]]
    laid: list[tuple[str, float, str]] = []
    for text, font_size, font in blocks:
        laid += [(ln, font_size, font) for ln in _lines(text, column_width, font_size, font)]
        laid.append(("", font_size, font))
    page, column, y = 1, 0, height - margin - 20
    pages_text: list[list[tuple[float, float, str, float, str]]] = [[]]
    for text, font_size, font in laid:
        if y < margin + 30:
            column += 1
            y = height - margin - 20
            if column == columns:
                column, page = 0, page + 1
                pages_text.append([])
        x = margin + column * (column_width + gap)
        pages_text[-1].append((x, y, text, font_size, font))
        y -= lead * font_size / size
    total = len(pages_text)
    for number, placed in enumerate(pages_text, 1):
        c.setFont("Helvetica", 7)
        c.drawString(margin, height - 25, f"{r['source']} · Briefing note")  # running header
        c.drawRightString(width - margin, 22, f"Page {number} of {total}")  # footer
        # Drawn row by row across the page (as many layout programs write them), so that the
        # text's order in the file is not the reading order of two columns.
        for x, y_, text, font_size, font in sorted(placed, key=lambda t: (-t[1], t[0])):
            c.setFont(font, font_size)
            c.drawString(x, y_, text)
        c.showPage()
    c.save()
    return ".pdf", out.getvalue()


def mail(r: Record) -> tuple[str, bytes]:
    sent = datetime(r["published"].year, r["published"].month, r["published"].day, 9, 0, tzinfo=UTC)
    head = (
        f"From: {r['source']} <news@example.org>\nTo: officer@example.org\n"
        f"Subject: {r['title']}\nDate: {email.utils.format_datetime(sent)}\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
    )
    return ".eml", (head + f"{byline(r)}\n\n{wrapped(r)}\n").encode()


KINDS: dict[str, Callable[[Record], tuple[str, bytes]]] = {
    "Markdown, YAML front matter (.txt)": md_yaml,
    "Markdown, TOML front matter (.txt)": md_toml,
    "Markdown, 'Title:' header (.txt)": md_header,
    "Plain text, hard-wrapped": lambda r: txt(r, wrap=True),
    "Plain text, one line a paragraph": lambda r: txt(r, wrap=False),
    "Saved web page": web_page,
    "Word (.docx)": word,
    "PDF report": pdf,
    "PDF report, two columns": lambda r: pdf(r, columns=2),
    "E-mail newsletter (.eml)": mail,
}
HAS_SOURCE = {
    "Markdown, YAML front matter (.txt)",
    "Markdown, TOML front matter (.txt)",
    "Plain text, hard-wrapped",
    "Plain text, one line a paragraph",
    "Saved web page",
    "E-mail newsletter (.eml)",
}


def listing_page(records: list[Record]) -> bytes:
    items = "".join(
        f"<div class='teaser'><h2><a href='https://example.org/news/{n}'>{r['title']}</a></h2>"
        f"<p class='date'>{long_date(r['published'])}</p><p>{r['summary']}</p></div>"
        for n, r in enumerate(records)
    )
    return (
        f"<html><head><title>News</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><h1>News</h1>{items}</main><footer>Contact us</footer></body></html>"
    ).encode()


# -- scoring -----------------------------------------------------------------------------------


def same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def score_kind(kind: str, records: list[Record], folder: Path, misses: list[str]) -> list[str]:
    fields = {"title": 0, "authors": 0, "date": 0, "source": 0}
    counts: list[tuple[float, float, float]] = []
    failed = 0
    for n, r in enumerate(records):
        suffix, data = KINDS[kind](r)
        path = folder / f"{kind.split()[0].lower()}-{n}{suffix}"
        path.write_bytes(data)
        try:
            drafts = import_path(path)
        except BriefingError as exc:
            failed += 1
            misses.append(f"{kind}: {exc}")
            counts.append((0.0, 0.0, 1.0))
            continue
        d: DraftArticle = drafts[0]
        body = "\n\n".join(x.body for x in drafts)
        got = {
            "title": same(d.title, r["title"]) and len(drafts) == 1,
            "authors": [a.casefold() for a in d.authors] == [a.casefold() for a in names(r)],
            "date": d.published == r["published"],
            "source": same(d.source, r["source"]),
        }
        for key, ok in got.items():
            fields[key] += ok
            if not ok:
                value = {
                    "title": f"{d.title!r} ({len(drafts)} articles)",
                    "authors": d.authors,
                    "date": d.published,
                    "source": d.source,
                }[key]
                misses.append(f"{kind} #{n}: {key} {value}")
        counts.append(tp_fp_fn("\n\n".join(r["paragraphs"]), body))
    total = len(records)
    f1, _, _ = scores(counts)
    shown = [
        f"{fields[k] / total:>6.0%}" if k != "source" or kind in HAS_SOURCE else f"{'-':>6}"
        for k in ("title", "authors", "date", "source")
    ]
    return [*shown, f"{f1:>6.3f}", f"{failed:>7}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--web",
        type=Path,
        default=os.environ.get("BRIEFING_WEB_BENCHMARK"),
        help="the public web benchmark's folder or git copy",
    )
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    records = yaml.safe_load(ARTICLES.read_text(encoding="utf-8"))
    misses: list[str] = []
    print(f"{len(records)} articles in each kind of input")
    print(
        f"{'kind':<37} {'title':>6} {'author':>6} {'date':>6} {'source':>6} {'body':>6} "
        f"{'refused':>7}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for kind in KINDS:
            print(f"{kind:<37} " + " ".join(score_kind(kind, records, folder, misses)))
        listing = folder / "news.html"
        listing.write_bytes(listing_page(records))
        try:
            entries = import_path(listing)
        except BriefingError as exc:
            entries = []
            misses.append(f"listing page: {exc}")
        found = sum(any(same(e.title, r["title"]) for e in entries) for r in records)
        marked = any(any("listing" in f for f in e.flags) for e in entries)
        print(
            f"{'Listing page (one entry an item)':<37} {found / len(records):>6.0%} "
            f"{'':>6} {'':>6} {'':>6} {'':>6} {'':>7}  ({len(entries)} entries"
            f"{', marked as a listing' if marked else ''})"
        )
        if args.web:
            web = pages(Path(args.web), folder)
            truth = json.loads((web / "ground-truth.json").read_text(encoding="utf-8"))
            counts, refused = [], 0
            for key in sorted(truth):
                page = folder / f"{key}.html"
                page.write_bytes(gzip.decompress((web / "html" / f"{key}.html.gz").read_bytes()))
                try:
                    text = "\n\n".join(d.body for d in import_path(page))
                except BriefingError:
                    text, refused = "", refused + 1
                counts.append(tp_fp_fn(truth[key].get("articleBody", ""), text))
            f1, _, _ = scores(counts)
            print(
                f"{f'Public web pages ({len(truth)})':<37} {'':>6} {'':>6} {'':>6} {'':>6} "
                f"{f1:>6.3f} {refused:>7}"
            )
    if args.show_misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
