"""Benchmark: build generated packs of 30, 300 and 1,000 items and compare with bare baselines.

    python bench/bench_build.py [--sizes 30 300 1000] [--runs 5] [--docx-pages] [--keep DIR]

For each size it times the full Briefing build (load the pack file, compose, write) to the tagged
PDF (Typst, the default), the untagged PDF (reportlab), .docx and HTML, and, on the same content
in the same process, bare reportlab (one SimpleDocTemplate build, built-in Helvetica and
embedded Liberation Sans), bare python-docx (default template, add_heading / add_paragraph with
List Bullet), bare Typst (a template of a few lines, the same font and PDF standards) and
pandoc Markdown -> docx when pandoc is installed. Times are medians of several runs; peak memory comes from one extra run under
tracemalloc (which slows code down, so it is never timed). Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from xml.sax.saxutils import escape

import yaml

if TYPE_CHECKING:
    from collections.abc import Callable

TARGET_SIZE = 300
PDF_TARGET_RATIO = 1.3  # the untagged (reportlab) PDF
TAGGED_TARGET_RATIO = 1.3  # the tagged (Typst) PDF, the default, against bare Typst paged
TAGGED = "Briefing tagged PDF"
UNTAGGED = "Briefing untagged PDF"
BARE_TTF = "bare reportlab, embedded TTF"
BARE_TYPST = "bare Typst, same font"
BARE_TYPST_PAGED = "bare Typst, contents + N of M"
HTML_TARGET_S = 0.5
# The Word build against pandoc (Markdown -> .docx) on the same content, judged on CPU time.
PANDOC_RATIO_TARGET = 0.5

# ---------------------------------------------------------------------------------------------
# Generated content: one neutral description, turned into a pack file, Markdown and baselines.

SUBJECTS = [
    "The council",
    "The cabinet member",
    "Scrutiny",
    "The combined authority",
    "Each ward",
    "The finance team",
    "Residents' panels",
    "Town and parish councils",
    "The audit committee",
    "Officers",
    "The housing service",
    "Adult social care",
    "The voluntary sector",
    "Ministers",
    "Neighbouring districts",
    "The new unitary authority",
    "Frontline staff",
    "Local businesses",
]
VERBS = [
    "should review",
    "has begun to test",
    "will need to fund",
    "is consulting on",
    "could share",
    "must publish",
    "has delayed",
    "is expected to report on",
    "may reconsider",
    "plans to expand",
    "has underestimated",
    "wants clearer guidance on",
    "relies heavily on",
]
OBJECTS = [
    "the medium-term financial plan",
    "its approach to digital services",
    "a £2.4m saving",
    "the pilot of automated note-taking",
    "support for councillors facing abuse",
    "the reorganisation timetable",
    "data sharing with health partners",
    "the citizens' assembly recommendations",
    "its emergency plans",
    "the Q&A sessions in wards",
    "peer challenge from other councils",
    "temporary accommodation costs",
    "the evidence behind the supplier's <b>headline</b> claims",
    "home-to-school transport",
    "a review by Špaček and colleagues",
    "the 2025–26 budget gap",
    "the “test and learn” fund",
]
TAILS = [
    "before the next budget round",
    "in the coming year",
    "with little public debate",
    "despite rising demand",
    "so that members can follow progress",
    "across the whole area",
    "while keeping decisions close to residents",
    "as other councils have done",
    "",
    "",
    "",
]
TOPICS = [
    "Resilience",
    "Reorganisation",
    "Artificial intelligence",
    "Local democracy",
    "Social care",
    "Housing",
    "Finance",
    "Audit and intervention",
    "Climate",
    "Transport",
]
NAMES = [
    "Amira Khan",
    "Tom Price",
    "Jana Novák",
    "Owen Hughes",
    "Priya Shah",
    "Siobhán Kelly",
    "David Brown",
    "Chloé Martin",
    "Kwame Mensah",
    "Ewa Kowalska",
    "Rhys Jones",
    "Li Wei",
]
SOURCES = ["INLOGOV blog", "The MJ", "Local Government Chronicle", "Public Finance"]


@dataclass
class Entry:
    key: str
    title: str
    authors: list[str]
    source: str
    published: date
    url: str
    summary: list[str]  # paragraphs
    implications: list[str]
    quotes: list[tuple[str, int]] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)


@dataclass
class Content:
    title: str
    key_messages: list[str]
    sections: list[tuple[str, list[Entry]]]


def _sentence(rng: random.Random) -> str:
    tail = rng.choice(TAILS)
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    return f"{text} {tail}." if tail else f"{text}."


def _words(rng: random.Random, low: int, high: int) -> str:
    target = rng.randint(low, high)
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < target:
        sentences.append(_sentence(rng))
    return " ".join(sentences)


def generate(n_items: int, seed: int = 2025) -> Content:
    rng = random.Random(seed * 100_003 + n_items)
    n_sections = min(rng.randint(3, 10), n_items)
    entries: list[Entry] = []
    for i in range(n_items):
        summary = _words(rng, 80, 200)
        words = summary.split(". ")
        # Longer summaries come in two paragraphs, as officers write them.
        paragraphs = (
            [". ".join(words[: len(words) // 2]) + ".", ". ".join(words[len(words) // 2 :])]
            if len(summary.split()) > 140
            else [summary]
        )
        entries.append(
            Entry(
                key=f"article-{i + 1}",
                title=f"{_sentence(rng)[:-1]} ({i + 1})",
                authors=rng.sample(NAMES, rng.randint(1, 3)),
                source=rng.choice(SOURCES),
                published=date(2025, 1, 1) + timedelta(days=rng.randint(0, 300)),
                url=f"https://www.example.org/articles/{i + 1}",
                summary=paragraphs,
                implications=[_words(rng, 15, 30) for _ in range(3)],
                quotes=[(_words(rng, 8, 20), rng.randint(1, 300))] if rng.random() < 0.3 else [],
                questions=[_sentence(rng)[:-1] + "?" for _ in range(rng.randint(1, 2))]
                if rng.random() < 0.5
                else [],
            )
        )
    cuts = sorted(rng.sample(range(1, n_items), n_sections - 1)) if n_sections > 1 else []
    bounds = [0, *cuts, n_items]
    sections = [
        (f"{TOPICS[s % len(TOPICS)]} ({s + 1})", entries[bounds[s] : bounds[s + 1]])
        for s in range(n_sections)
    ]
    return Content(
        title=f"Benchmark briefing of {n_items} items",
        key_messages=[_sentence(rng) for _ in range(5)],
        sections=sections,
    )


def pack_data(content: Content) -> dict[str, Any]:
    """The content as a format 1 pack file."""
    return {
        "briefing_pack": 1,
        "title": content.title,
        "subtitle": "Generated for the benchmark",
        "date": date(2025, 11, 4),
        "organisation": "Example Borough Council",
        "prepared_by": "Policy and Partnerships Team",
        "contact": {
            "name": "A. Officer",
            "email": "policy@example.gov.uk",
            "phone": "01234 567890",
        },
        "classification": "OFFICIAL",
        "key_messages": content.key_messages,
        "sections": [
            {
                "title": title,
                "items": [
                    {
                        "article": e.key,
                        "summary": "\n\n".join(e.summary) + "\n",
                        "implications": e.implications,
                        **(
                            {"quotes": [{"text": q, "page": p} for q, p in e.quotes]}
                            if e.quotes
                            else {}
                        ),
                        **({"questions": e.questions} if e.questions else {}),
                    }
                    for e in entries
                ],
            }
            for title, entries in content.sections
        ],
        "articles": {
            e.key: {
                "title": e.title,
                "authors": e.authors,
                "source": e.source,
                "published": e.published,
                "url": e.url,
            }
            for _, entries in content.sections
            for e in entries
        },
    }


def _byline(e: Entry) -> str:
    return f"{', '.join(e.authors)}. {e.source}, {e.published.day} {e.published:%B %Y}"


def markdown(content: Content) -> str:
    """The same content as Markdown for pandoc (pandoc escapes nothing it should not)."""

    def md(text: str) -> str:
        return text.replace("\\", "\\\\").replace("<", "\\<").replace("*", "\\*")

    out = [f"# {md(content.title)}", "", "## Key messages", ""]
    out += [f"- {md(m)}" for m in content.key_messages] + [""]
    for title, entries in content.sections:
        out += [f"# {md(title)}", ""]
        for e in entries:
            out += [f"## {md(e.title)}", "", f"*{md(_byline(e))}*", ""]
            for para in e.summary:
                out += [md(para), ""]
            out += ["### Implications for UK local government", ""]
            out += [f"- {md(i)}" for i in e.implications] + [""]
            for text, page in e.quotes:
                out += [f"> {md(text)}", ">", f"> — {md(e.authors[0])}, p. {page}", ""]
            if e.questions:
                out += ["### Questions members may wish to ask", ""]
                out += [f"- {md(q)}" for q in e.questions] + [""]
    out += ["# Sources", ""]
    for _, entries in content.sections:
        out += [f"- {md(_byline(e))}. {md(e.title)}. <{e.url}>" for e in entries]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# Baselines: the same paragraphs, headings and bullets with each library on its own.


def bare_reportlab(content: Content, target: Path, embedded: bool) -> None:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        Flowable,
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
    )

    sheet = getSampleStyleSheet()
    font = _register_liberation() if embedded else "Helvetica"
    bold = f"{font}-Bold"
    body = ParagraphStyle("body", parent=sheet["BodyText"], fontName=font, fontSize=12, leading=16)
    byline = ParagraphStyle("byline", parent=body, fontSize=11, textColor=HexColor("#4D4D4D"))
    quote = ParagraphStyle("quote", parent=body, leftIndent=10 * mm)
    h = [ParagraphStyle(f"h{n}", parent=sheet[f"Heading{n}"], fontName=bold) for n in (1, 2, 3)]
    title = ParagraphStyle("title", parent=sheet["Title"], fontName=bold)

    def bullets(texts: list[str]) -> ListFlowable:
        items: list[Any] = [ListItem(Paragraph(escape(t), body)) for t in texts]
        return ListFlowable(items, bulletType="bullet", start="•", bulletFontName=font)

    story: list[Flowable] = [
        Paragraph(escape(content.title), title),
        Paragraph("Key messages", h[0]),
        bullets(content.key_messages),
    ]
    for section_title, entries in content.sections:
        story.append(Paragraph(escape(section_title), h[0]))
        for e in entries:
            story += [Paragraph(escape(e.title), h[1]), Paragraph(escape(_byline(e)), byline)]
            story += [Paragraph(escape(p), body) for p in e.summary]
            story += [
                Paragraph("Implications for UK local government", h[2]),
                bullets(e.implications),
            ]
            for text, page in e.quotes:
                story.append(
                    Paragraph(f"“{escape(text)}” — {escape(e.authors[0])}, p. {page}", quote)
                )
            if e.questions:
                story += [
                    Paragraph("Questions members may wish to ask", h[2]),
                    bullets(e.questions),
                ]
    story.append(Paragraph("Sources", h[0]))
    for _, entries in content.sections:
        story += [Paragraph(escape(f"{_byline(e)}. {e.title}. {e.url}"), body) for e in entries]
    story.append(Spacer(1, 6 * mm))
    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=content.title,
    )
    doc.build(story)


def _register_liberation() -> str:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from briefing.files.shipped import asset

    name = "BenchSans"
    if name not in pdfmetrics.getRegisteredFontNames():
        faces: tuple[tuple[str, str, Literal[0, 1], Literal[0, 1]], ...] = (
            ("", "Regular", 0, 0),
            ("-Bold", "Bold", 1, 0),
            ("-Italic", "Italic", 0, 1),
            ("-BoldItalic", "BoldItalic", 1, 1),
        )
        for suffix, file, b, i in faces:
            path = asset("fonts", f"LiberationSans-{file}.ttf")
            pdfmetrics.registerFont(TTFont(name + suffix, str(path)))
            addMapping(name, b, i, name + suffix)
    return name


def bare_docx(content: Content, target: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading(content.title, 0)
    doc.add_heading("Key messages", 1)
    for m in content.key_messages:
        doc.add_paragraph(m, style="List Bullet")
    for section_title, entries in content.sections:
        doc.add_heading(section_title, 1)
        for e in entries:
            doc.add_heading(e.title, 2)
            doc.add_paragraph(_byline(e))
            for p in e.summary:
                doc.add_paragraph(p)
            doc.add_heading("Implications for UK local government", 3)
            for i in e.implications:
                doc.add_paragraph(i, style="List Bullet")
            for text, page in e.quotes:
                doc.add_paragraph(f"“{text}” — {e.authors[0]}, p. {page}", style="Quote")
            if e.questions:
                doc.add_heading("Questions members may wish to ask", 3)
                for q in e.questions:
                    doc.add_paragraph(q, style="List Bullet")
    doc.add_heading("Sources", 1)
    for _, entries in content.sections:
        for e in entries:
            doc.add_paragraph(f"{_byline(e)}. {e.title}. {e.url}")
    doc.save(str(target))


# The same content through Typst with nothing of Briefing's house style: the compiler's own cost.
BARE_TYPST_TEMPLATE = b"""
#let data = json(bytes(sys.inputs.content))
#set document(title: data.title)
#set text(font: "Liberation Sans", size: 12pt, lang: "en", region: "GB")
#set page(paper: "a4", margin: 20mm)
#for (kind, value) in data.blocks {
  if kind == "title" { title(value) }
  else if kind.starts-with("h") { heading(level: int(kind.slice(1)), value) }
  else if kind == "list" { list(..value) }
  else if kind == "quote" { quote(block: true, value) }
  else { par(value) }
}
"""


# The same, with the two things every briefing has that need the finished layout: a contents
# whose entries show page numbers, and "Page N of M" in the footer. Typst lays the document out
# again until those numbers settle, so this is the floor for any tagged PDF with them.
BARE_TYPST_PAGED_TEMPLATE = BARE_TYPST_TEMPLATE.replace(
    b'#set page(paper: "a4", margin: 20mm)',
    b'#set page(paper: "a4", margin: 20mm, footer: context align(center)[Page '
    b"#counter(page).display() of #counter(page).final().first()])\n#outline()",
)


def bare_typst_blocks(content: Content) -> list[tuple[str, object]]:
    """The bare baselines' headings, paragraphs and bullets, as (kind, text) for Typst."""
    blocks: list[tuple[str, object]] = [
        ("title", content.title),
        ("h1", "Key messages"),
        ("list", content.key_messages),
    ]
    for section_title, entries in content.sections:
        blocks.append(("h1", section_title))
        for e in entries:
            blocks += [
                ("h2", e.title),
                ("p", _byline(e)),
                *(("p", p) for p in e.summary),
                ("h3", "Implications for UK local government"),
                ("list", e.implications),
            ]
            blocks += [
                ("quote", f"\u201c{text}\u201d \u2014 {e.authors[0]}, p. {page}")
                for text, page in e.quotes
            ]
            if e.questions:
                blocks += [("h3", "Questions members may wish to ask"), ("list", e.questions)]
    blocks.append(("h1", "Sources"))
    blocks += [
        ("p", f"{_byline(e)}. {e.title}. {e.url}")
        for _, entries in content.sections
        for e in entries
    ]
    return blocks


def bare_typst(content: Content, target: Path, paged: bool = False) -> None:
    import json

    import typst

    from briefing.export.pdf.typst.fonts import font_collection
    from briefing.export.pdf.typst.writer import PDF_STANDARDS

    data = {"title": content.title, "blocks": bare_typst_blocks(content)}
    template = BARE_TYPST_PAGED_TEMPLATE if paged else BARE_TYPST_TEMPLATE
    pdf = typst.compile(
        template,
        font_paths=font_collection(False),
        sys_inputs={"content": json.dumps(data, ensure_ascii=False)},
        pdf_standards=PDF_STANDARDS,
    )
    target.write_bytes(bytes(pdf))


def pandoc_docx(md_file: Path, target: Path) -> None:
    subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "docx", "-o", str(target), str(md_file)],
        check=True,
        capture_output=True,
    )


# ---------------------------------------------------------------------------------------------
# The product's own build, exactly as `briefing build` runs it.


def briefing_build(pack_file: Path, outdir: Path, fmt: str, pdf_engine: str = "typst") -> Path:
    from briefing.build import BuildRequest, build
    from briefing.checks.pdf_read import is_tagged, read_pages

    # Each run builds the same bytes; a fresh `briefing build` has not read them back before.
    read_pages.cache_clear()
    is_tagged.cache_clear()

    (written,) = build(
        BuildRequest.for_file(pack_file, formats=(fmt,), pdf_engine=pdf_engine, outdir=outdir)
    )
    return written


# ---------------------------------------------------------------------------------------------
# Measuring and reporting.


@dataclass
class Result:
    size: int
    method: str
    median_s: float  # wall-clock time, what a user waits
    cpu_s: float  # CPU time of this process and its children: steadier on a busy machine
    runs: int
    pages: int | None
    size_kb: float
    peak_mb: float | None  # tracemalloc peak of Python allocations; None for pandoc


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def forget_layouts() -> None:
    """Let go of what Typst laid out in earlier runs. Typst keeps its layouts for the whole
    process and reuses them when the same document is compiled again, so without this every
    run after the first, Briefing's and bare Typst's alike, would reuse the one before and
    measure a fraction of a layout; a fresh `briefing build` lays the briefing out from
    nothing."""
    if "typst" in sys.modules:
        from briefing.export.pdf.typst.writer import release_layout_cache

        release_layout_cache()


def timed(run: Callable[[], Path]) -> tuple[float, float, Path]:
    forget_layouts()
    gc.collect()
    cpu, start = _cpu(), time.perf_counter()
    out = run()
    return time.perf_counter() - start, _cpu() - cpu, out


def traced_peak(run: Callable[[], Path]) -> float:
    forget_layouts()
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def stage_times(pack_file: Path, runs: int, size: int) -> None:
    """Where the Briefing build spends its time: reading the pack, composing, each writer, and
    for the tagged PDF its writer in two parts (its work in Python, then Typst laying out) and
    the verify step: reading the PDF back, then the output rules."""
    from briefing.build import BuildRequest, verify_files
    from briefing.build.job import prepare_verify, start
    from briefing.checks.pdf_read import is_tagged, read_pages
    from briefing.compose import compose
    from briefing.export.docx.writer import render_docx
    from briefing.export.html.writer import render_html
    from briefing.export.pdf.reportlab.writer import render_pdf
    from briefing.export.pdf.typst.writer import typst_layout
    from briefing.packfile import load_pack

    stages: dict[str, list[float]] = {
        "load": [],
        "compose": [],
        "tagged PDF writer": [],
        "tagged PDF writer (Python)": [],
        "tagged PDF writer (Typst)": [],
        "tagged PDF read back": [],
        "output rules": [],
        "untagged PDF writer": [],
        "docx writer": [],
        "HTML writer": [],
    }

    def clock(stage: str, start: float) -> float:
        now = time.perf_counter()
        stages[stage].append(now - start)
        return now

    # The build works out what the output rules need of the document while Typst lays out.
    job = start(BuildRequest.for_file(pack_file, formats=("pdf",)), None, rules=False)
    prepare_verify(job)
    for _ in range(runs):
        gc.collect()
        begin = time.perf_counter()
        pack = load_pack(pack_file)
        begin = clock("load", begin)
        document = compose(pack, pack_file.parent)
        begin = clock("compose", begin)
        forget_layouts()
        begin = time.perf_counter()
        lay_out = typst_layout(document)  # the writer's work in Python
        python_done = clock("tagged PDF writer (Python)", begin)
        tagged = lay_out().data
        clock("tagged PDF writer (Typst)", python_done)
        begin = clock("tagged PDF writer", begin)
        read_pages.cache_clear()
        is_tagged.cache_clear()
        begin = time.perf_counter()
        read_pages(tagged)
        begin = clock("tagged PDF read back", begin)
        verify_files(job, {"pdf": tagged})
        begin = clock("output rules", begin)
        render_pdf(document)
        begin = clock("untagged PDF writer", begin)
        render_docx(document)
        begin = clock("docx writer", begin)
        render_html(document)
        clock("HTML writer", begin)
    STAGES[size] = {name: statistics.median(values) for name, values in stages.items()}


STAGES: dict[int, dict[str, float]] = {}


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def docx_pages(path: Path) -> int | None:
    """Pages as LibreOffice lays the document out (Word may differ by a page or two)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [office, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(path)],
            capture_output=True,
            timeout=600,
        )
        converted = Path(tmp) / f"{path.stem}.pdf"
        return pdf_pages(converted) if converted.exists() else None


def _writer(target: Path, make: Callable[[Path], None]) -> Callable[[], Path]:
    def run() -> Path:
        make(target)
        return target

    return run


def bench_size(
    size: int, runs: int, workdir: Path, count_docx_pages: bool, have_pandoc: bool
) -> list[Result]:
    content = generate(size)
    folder = workdir / f"items-{size}"
    for sub in ("briefing", "untagged", "baseline"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    pack_file = folder / "pack.yaml"
    pack_file.write_text(
        yaml.safe_dump(pack_data(content), sort_keys=False, allow_unicode=True, width=100),
        encoding="utf-8",
    )
    md_file = folder / "pack.md"
    md_file.write_text(markdown(content), encoding="utf-8")
    base = folder / "baseline"

    methods: list[tuple[str, Callable[[], Path], bool]] = [
        (TAGGED, lambda: briefing_build(pack_file, folder / "briefing", "pdf"), True),
        (
            UNTAGGED,
            lambda: briefing_build(pack_file, folder / "untagged", "pdf", "reportlab"),
            True,
        ),
        (
            "bare reportlab, Helvetica",
            _writer(base / "helvetica.pdf", lambda t: bare_reportlab(content, t, False)),
            True,
        ),
        (
            "bare reportlab, embedded TTF",
            _writer(base / "ttf.pdf", lambda t: bare_reportlab(content, t, True)),
            True,
        ),
        (BARE_TYPST, _writer(base / "typst.pdf", lambda t: bare_typst(content, t)), True),
        (
            BARE_TYPST_PAGED,
            _writer(base / "typst-paged.pdf", lambda t: bare_typst(content, t, paged=True)),
            True,
        ),
        ("Briefing docx", lambda: briefing_build(pack_file, folder / "briefing", "docx"), True),
        ("Briefing HTML", lambda: briefing_build(pack_file, folder / "briefing", "html"), True),
        ("bare python-docx", _writer(base / "bare.docx", lambda t: bare_docx(content, t)), True),
    ]
    if have_pandoc:
        methods.append(
            (
                "pandoc Markdown→docx",
                _writer(base / "pandoc.docx", lambda t: pandoc_docx(md_file, t)),
                False,
            )
        )

    # Runs are interleaved (one of each method, then the next round) so that a burst of load
    # on the machine affects every method alike rather than whichever happened to be running.
    walls: dict[str, list[float]] = {name: [] for name, _, _ in methods}
    cpus: dict[str, list[float]] = {name: [] for name, _, _ in methods}
    outputs: dict[str, Path] = {}
    for round_no in range(runs):
        for name, run, _ in methods:
            if name not in walls:
                continue
            print(f"  {size} items, run {round_no + 1}/{runs}: {name}", file=sys.stderr, flush=True)
            try:
                wall, cpu, outputs[name] = timed(run)
            except Exception as exc:  # a writer being changed must not stop the baselines
                print(f"    skipped: {type(exc).__name__}: {exc}", file=sys.stderr)
                del walls[name]
                continue
            walls[name].append(wall)
            cpus[name].append(cpu)

    results = []
    if TAGGED in walls and UNTAGGED in walls and "Briefing docx" in walls:
        stage_times(pack_file, runs, size)
    for name, run, trace in methods:
        if name not in walls:
            continue
        out = outputs[name]
        peak = traced_peak(run) if trace else None
        pages: int | None
        if out.suffix == ".pdf":
            pages = pdf_pages(out)
        else:
            pages = docx_pages(out) if count_docx_pages else None
        results.append(
            Result(
                size,
                name,
                statistics.median(walls[name]),
                statistics.median(cpus[name]),
                runs,
                pages,
                out.stat().st_size / 1024,
                peak,
            )
        )
    return results


def report(results: list[Result], have_pandoc: bool) -> bool:  # noqa: C901 - one table and its targets, printed in order
    """Print the table, the ratios and the targets; True when every checked target passes."""
    print()
    print(
        f"{'items':>5}  {'method':<30} {'wall s':>8} {'CPU s':>8} {'runs':>4} {'pages':>6} "
        f"{'size KB':>8} {'peak MB':>8}"
    )
    print("-" * 87)
    for r in results:
        pages = "-" if r.pages is None else str(r.pages)
        peak = "-" if r.peak_mb is None else f"{r.peak_mb:.1f}"
        print(
            f"{r.size:>5}  {r.method:<30} {r.median_s:>8.3f} {r.cpu_s:>8.3f} {r.runs:>4} {pages:>6} "
            f"{r.size_kb:>8.0f} {peak:>8}"
        )
    if not have_pandoc:
        print("pandoc not installed: skipped")

    def get(size: int, method: str, cpu: bool) -> float | None:
        for r in results:
            if r.size == size and r.method == method:
                return r.cpu_s if cpu else r.median_s
        return None

    def ratio(size: int, a: str, b: str, cpu: bool = False) -> float | None:
        x, y = get(size, a, cpu), get(size, b, cpu)
        return None if x is None or y is None or y == 0 else x / y

    if STAGES:
        print()
        print("Briefing stages (median wall s):")
        for size, stages in STAGES.items():
            text = ", ".join(f"{name} {value:.3f}" for name, value in stages.items())
            print(f"  {size:>5} items: {text}")
    print()
    print("Ratios of wall time (CPU time in brackets); below 1 means Briefing is faster:")
    pairs = [
        (TAGGED, BARE_TTF),
        (BARE_TYPST, BARE_TTF),
        (BARE_TYPST_PAGED, BARE_TTF),
        (TAGGED, BARE_TYPST),
        (TAGGED, BARE_TYPST_PAGED),
        (UNTAGGED, BARE_TTF),
        (TAGGED, UNTAGGED),
        (UNTAGGED, "bare reportlab, Helvetica"),
        ("Briefing docx", "bare python-docx"),
        ("Briefing docx", "pandoc Markdown→docx"),
    ]
    for size in sorted({r.size for r in results}):
        shown = [
            f"{a.removeprefix('Briefing ')} / {b.removeprefix('Briefing ')}: {value:.2f}× "
            f"({ratio(size, a, b, True) or 0:.2f}×)"
            for a, b in pairs
            if (value := ratio(size, a, b)) is not None
        ]
        bare = get(size, BARE_TTF, False)
        if size in STAGES and bare:
            for writer in ("tagged PDF writer", "untagged PDF writer"):
                shown.append(
                    f"{writer} alone (no load or compose) / {BARE_TTF}: "
                    f"{STAGES[size][writer] / bare:.2f}×"
                )
        paged = get(size, BARE_TYPST_PAGED, False)
        if size in STAGES and paged:  # the tagged build's parts against its baseline
            shown += [
                f"{stage} / {BARE_TYPST_PAGED}: {STAGES[size][stage] / paged:.2f}×"
                for stage in (
                    "load",
                    "compose",
                    "tagged PDF writer",
                    "tagged PDF writer (Python)",
                    "tagged PDF writer (Typst)",
                    "tagged PDF read back",
                    "output rules",
                )
            ]
        print(f"  {size:>5} items:")
        for line in shown:
            print(f"    {line}")

    print()
    print(f"Targets for {TARGET_SIZE} items:")
    ok = True
    if TARGET_SIZE not in {r.size for r in results}:
        print(f"  not checked: run with --sizes including {TARGET_SIZE}")
        return True
    for method, target, base, named in (
        (
            TAGGED,
            TAGGED_TARGET_RATIO,
            BARE_TYPST_PAGED,
            "bare Typst with a contents and 'Page N of M'",
        ),
        (UNTAGGED, PDF_TARGET_RATIO, BARE_TTF, "bare reportlab with the same embedded font"),
    ):
        pdf = ratio(TARGET_SIZE, method, base)
        if pdf is None:
            print(f"  {method} within {target}× of {named}: not measured")
            ok = False
        else:
            passed = pdf <= target
            ok &= passed
            print(
                f"  {'PASS' if passed else 'FAIL'}  {method} (the whole build) within "
                f"{target}× of {named}: {pdf:.2f}× ({ratio(TARGET_SIZE, method, base, True) or 0:.2f}× "
                "CPU)"
            )
    docx = ratio(TARGET_SIZE, "Briefing docx", "pandoc Markdown→docx", True)
    named = f".docx within {PANDOC_RATIO_TARGET}× of pandoc's time (Markdown → .docx)"
    if not have_pandoc:
        print(f"  {named}: pandoc not installed: skipped")
    elif docx is None:
        print(f"  {named}: not measured")
        ok = False
    else:
        passed = docx <= PANDOC_RATIO_TARGET
        ok &= passed
        wall = ratio(TARGET_SIZE, "Briefing docx", "pandoc Markdown→docx") or 0
        print(f"  {'PASS' if passed else 'FAIL'}  {named}: {docx:.2f}× CPU ({wall:.2f}× wall)")
    # An absolute time, so judged on CPU time: on a shared machine the wall clock also counts
    # the time other programs hold the processor. Both are printed.
    html_cpu, html_wall = (
        get(TARGET_SIZE, "Briefing HTML", True),
        get(TARGET_SIZE, "Briefing HTML", False),
    )
    if html_cpu is None or html_wall is None:
        print(f"  HTML in {HTML_TARGET_S} s or less: not measured")
        ok = False
    else:
        passed = html_cpu <= HTML_TARGET_S
        ok &= passed
        html_writer = STAGES.get(TARGET_SIZE, {}).get("HTML writer")
        alone = f"; the writer alone {html_writer:.3f} s wall" if html_writer is not None else ""
        print(
            f"  {'PASS' if passed else 'FAIL'}  HTML (load, compose and write) in "
            f"{HTML_TARGET_S} s or less: {html_cpu:.3f} s CPU ({html_wall:.3f} s wall{alone})"
        )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[30, 300, 1000],
        help="numbers of items to generate (default: 30 300 1000)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=5,
        help="timed runs per measurement (default 5; 2 for 1,000 items or more)",
    )
    parser.add_argument(
        "--docx-pages",
        action="store_true",
        help="count .docx pages by converting with LibreOffice (slow)",
    )
    parser.add_argument("--keep", type=Path, help="keep the generated packs and outputs here")
    args = parser.parse_args(argv)

    have_pandoc = shutil.which("pandoc") is not None
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        workdir = args.keep or Path(tmp)
        # Warm up once so imports and font loading are not charged to the first size measured.
        bench_size(5, 1, workdir / "warm-up", False, have_pandoc)
        STAGES.clear()
        results: list[Result] = []
        for size in args.sizes:
            runs = args.runs if size < 1000 else min(args.runs, 2)
            results += bench_size(size, max(1, runs), workdir, args.docx_pages, have_pandoc)
        return 0 if report(results, have_pandoc) else 1


if __name__ == "__main__":
    sys.exit(main())
