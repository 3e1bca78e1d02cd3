"""Growth benchmark: time and memory of ordinary work on long inputs, at a size and at four times
that size, so the ratio shows whether the work grows in line with the input (4×) or faster.

    python bench/bench_long_documents.py [--scale 1.0] [--repeat 3] [--only NAME]

Cases: importing a Word report with as many styles as paragraphs (python-docx's style lookup
scanned every style for every paragraph), the draft summary of a long article, checking a
pack of thousands of items (what validate and build do first), listing a library holding one
very long article. Each is timed at n and 4n in this process, in CPU time (steadier than the
clock on a busy machine), the fastest of --repeat rounds (one run of each size per round), with
its time per 1,000 units of input and its peak memory (tracemalloc), beside a baseline: the same
input read by the plain library underneath (python-docx opening the file, splitting the text
into words, PyYAML loading the pack, reading the file's bytes). Linear work shows a ratio near
4 and a level time per 1,000; the end of the output lists each case's growth. It exits with 1
when a case grows more than 8× (tests/test_linear_growth.py fails there too). Not a test: it
prints figures.

Each input is made from a size, so the same work can be timed at n and at 4n: a Word report
with 1.2 styles per paragraph (a council template that has gathered styles for years), an
article of four-sentence paragraphs (a 200-page report has about 1,500), a pack of items in
sections of 50, a library article with a long body.
"""

from __future__ import annotations

import argparse
import itertools
import random
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

# -- the long inputs (tests/test_linear_growth.py makes them too) ------------------------------

_WORDS = [
    "council",
    "housing",
    "budget",
    "pressure",
    "resident",
    "service",
    "care",
    "adult",
    "children",
    "transport",
    "waste",
    "planning",
    "homelessness",
    "funding",
    "reform",
    "devolution",
    "mayor",
    "authority",
    "scrutiny",
    "audit",
    "finance",
    "reserve",
    "demand",
    "cost",
]
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def word_report(path: Path, paragraphs: int) -> Path:
    """A .docx of `paragraphs` paragraphs and 1.2 styles per paragraph (a council template
    that has gathered styles for years), each paragraph in one of them."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    styles = document.styles.element
    count = paragraphs * 6 // 5
    for n in range(count):  # added as XML: python-docx's add_style checks every name each time
        styles.append(
            parse_xml(
                f'<w:style {_W} w:type="paragraph" w:customStyle="1" w:styleId="CouncilStyle{n}">'
                f'<w:name w:val="Council style {n}"/><w:basedOn w:val="Normal"/></w:style>'
            )
        )
    body = document.element.body
    document.add_heading("Temporary accommodation: a long report", level=1)
    for n in range(paragraphs):
        body.insert(
            len(body) - 1,
            parse_xml(
                f'<w:p {_W}><w:pPr><w:pStyle w:val="CouncilStyle{n % count}"/></w:pPr>'
                f"<w:r><w:t>Paragraph {n} says that costs rose again this year across the "
                "county, as more households needed somewhere to stay.</w:t></w:r></w:p>"
            ),
        )
    document.save(str(path))
    return path


def long_article(paragraphs: int, seed: int = 7) -> str:
    """An article of `paragraphs` paragraphs of four sentences each (a 200-page report has
    about 1,500)."""
    rnd = random.Random(seed)
    out = []
    for _ in range(paragraphs):
        sentences = [
            " ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(10, 22))).capitalize() + "."
            for _ in range(4)
        ]
        out.append(" ".join(sentences))
    return "\n\n".join(out)


def big_pack(items: int) -> str:
    """A pack of `items` items in sections of 50, each with a summary and an implication."""
    lines = ["briefing_pack: 1", "title: A very long pack", "sections:"]
    per = 50
    for s in range(max(1, items // per)):
        lines += [f"  - title: Section {s + 1}", "    items:"]
        for i in range(min(per, items)):
            lines += [
                f"      - article: a{s}-{i}",
                f"        summary: Costs rose again in area {s}-{i} as demand for "
                "temporary accommodation grew.",
                "        implications:",
                "          - Councils should review their spending.",
            ]
    lines.append("articles:")
    for s in range(max(1, items // per)):
        for i in range(min(per, items)):
            lines += [
                f"  a{s}-{i}:",
                f"    title: Article {s}-{i} on housing",
                "    source: Example Weekly",
            ]
    return "\n".join(lines) + "\n"


# -- the benchmark --------------------------------------------------------------------------------


def cpu_seconds(work: Callable[[], object]) -> float:
    """CPU time of one run of `work` (other programs on a busy machine do not inflate it)."""
    started = time.process_time()
    work()
    return time.process_time() - started


def peak_mb(work: Callable[[], object]) -> float:
    """Peak Python memory of one run of `work` (tracemalloc: Python's own allocations)."""
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def cases(
    folder: Path, scale: float
) -> dict[str, tuple[int, Callable[[int], tuple[Callable[[], object], Callable[[], object]]]]]:
    """name -> (n, make(size) -> (the product's work, the baseline's))."""

    def word(size: int) -> tuple[Callable[[], object], Callable[[], object]]:
        import docx

        from briefing.library.importers import read_source

        path = word_report(folder / f"report-{size}.docx", size)
        return (lambda: read_source(path)), (lambda: docx.Document(str(path)))

    def summary(size: int) -> tuple[Callable[[], object], Callable[[], object]]:
        from briefing.assist.summary import draft_summary

        text = long_article(size)
        runs = itertools.count()
        # Each run on a fresh copy of the text: the sentence split is cached by text.
        return (lambda: draft_summary(text + " " * next(runs))), (lambda: text.split())

    def pack(size: int) -> tuple[Callable[[], object], Callable[[], object]]:
        import yaml

        from briefing.build import BuildRequest, prepare

        path = folder / f"pack-{size}.yaml"
        path.write_text(big_pack(size), encoding="utf-8")
        return (lambda: prepare(BuildRequest.for_file(path))), (
            lambda: yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        )

    def library(size: int) -> tuple[Callable[[], object], Callable[[], object]]:
        from briefing.library import Library

        root = folder / f"library-{size}"
        (root / "articles").mkdir(parents=True)
        article = root / "articles" / "long-report.md"
        article.write_text(
            "---\ntitle: A long report\nsource: Example Weekly\n---\n\n" + long_article(size),
            encoding="utf-8",
        )

        def listing() -> object:
            library = Library(root, cache_dir=folder / f"cache-{size}-{time.perf_counter_ns()}")
            return library.listing()

        return listing, (lambda: article.read_bytes())

    return {
        "Word import (paragraphs)": (int(625 * scale), word),
        "draft summary (paragraphs)": (int(375 * scale), summary),
        "pack check (items)": (int(2500 * scale), pack),
        "library list (paragraphs of one article)": (int(4000 * scale), library),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument(
        "--no-memory",
        action="store_true",
        help="skip the peak-memory runs (tracemalloc slows them down)",
    )
    args = parser.parse_args()
    growth: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        print(
            f"{'case':42} {'size':>7} {'CPU s':>7} {'per 1,000':>9} {'peak MB':>8} "
            f"{'baseline CPU s':>14}"
        )
        for name, (n, make) in cases(Path(tmp), args.scale).items():
            if args.only and args.only not in name:
                continue
            sizes = (n, 4 * n)
            works = [make(size) for size in sizes]
            for work, _ in works:
                work()  # warm up: imports and the code's own caches (not the input's)
            best = [[float("inf")] * 2 for _ in sizes]  # [work, baseline] per size
            for _ in range(args.repeat):  # in rounds, so a busy spell slows both sizes alike
                for k, (work, baseline) in enumerate(works):
                    best[k] = [
                        min(best[k][0], cpu_seconds(work)),
                        min(best[k][1], cpu_seconds(baseline)),
                    ]
            for k, size in enumerate(sizes):
                peak = "-" if args.no_memory else f"{peak_mb(works[k][0]):.1f}"
                print(
                    f"{name:42} {size:>7,} {best[k][0]:>7.3f} "
                    f"{best[k][0] / size * 1000:>9.3f} {peak:>8} {best[k][1]:>14.3f}",
                    flush=True,
                )
            ratio = best[1][0] / best[0][0]
            growth.append((name, ratio))
            print(f"{'':42} 4× the input: {ratio:.1f}× the time ({verdict(ratio)})")
    print("\nGrowth for 4× the input (linear work: about 4×; a quadratic step: 16×):")
    for name, ratio in growth:
        print(f"  {name:42} {ratio:4.1f}×  {verdict(ratio)}")
    return 0 if all(ratio <= LIMIT for _, ratio in growth) else 1


LIMIT = 8.0  # tests/test_linear_growth.py fails above this


def verdict(ratio: float) -> str:
    if ratio <= 5.0:
        return "linear"
    return "above linear: rerun on a quieter machine" if ratio <= LIMIT else "FASTER THAN LINEAR"


if __name__ == "__main__":
    raise SystemExit(main())
