"""Web page import benchmark: a saved page of many <h2> sections, at growing sizes.

    python bench/bench_import_html.py [--sizes 1 4 19.5] [--runs 1]

Not a test: it prints figures. Each page is generated (seeded text, one <h2> section per ~300
bytes, with paragraphs, bold words and a short list) in a temporary folder and imported as
`briefing import --dry-run` does: read the page, then split it. Two baselines are timed on the
same page in the same run: lxml's HTML parser alone (what Briefing parses with), so the ratio
shows what Briefing adds on top of parsing (a ratio that grows with the size would mean a
super-linear step), and BeautifulSoup with Python's html.parser alone (what Briefing parsed with
before), which the whole import should beat. Target: 20 MB (the import limit; 19.5 MB is the
largest size below it) in under 10 s of CPU time, judged on CPU time as it is steadier on a busy
machine (wall-clock time is shown beside it). Exits with 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

from bs4 import BeautifulSoup
from lxml import etree

from briefing.library.importers import read_source, split_articles

TARGET_MB, TARGET_CPU_S = 19.5, 10.0


def page(megabytes: float) -> str:
    parts = ["<html><head><title>Council news</title></head><body><main><h1>Council news</h1>"]
    size, n = 0, 0
    while size < megabytes * 1024 * 1024:
        n += 1
        section = (
            f"<h2>Section {n}: housing and parks</h2><p>Paragraph one of section {n}: "
            f"the council will spend more on parks, play areas and <b>libraries</b> next "
            f"year.</p><ul><li>Point {n}a</li><li>Point {n}b</li></ul>"
            f"<p>Second paragraph of section {n}.</p>"
        )
        parts.append(section)
        size += len(section)
    parts.append("</main></body></html>")
    return "".join(parts)


def timed(action: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def import_page(path: Path) -> None:
    split_articles(read_source(path))


def lxml_alone(data: bytes) -> None:
    etree.fromstring(data, etree.HTMLParser(encoding="utf-8", no_network=True, huge_tree=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, TARGET_MB])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    print(
        f"{'size':>8} {'import s':>9} {'cpu s':>7} {'s/MB':>6} {'lxml s':>7} {'ratio':>6} "
        f"{'bs4 s':>7} {'ratio':>6}"
    )
    status = 0
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in args.sizes:
            path = Path(folder) / f"page-{megabytes}.html"
            text = page(megabytes)
            path.write_text(text, encoding="utf-8")
            best = min(
                (timed(partial(import_page, path)) for _ in range(args.runs)), key=lambda t: t[1]
            )
            data = text.encode("utf-8")
            lxml_base = min(timed(partial(lxml_alone, data))[1] for _ in range(args.runs))
            bs4_base = min(
                timed(partial(BeautifulSoup, text, "html.parser"))[1] for _ in range(args.runs)
            )
            real = path.stat().st_size / 1024 / 1024
            print(
                f"{real:>6.1f}MB {best[0]:>9.2f} {best[1]:>7.2f} {best[1] / real:>6.2f} "
                f"{lxml_base:>7.2f} {best[1] / lxml_base:>6.1f} {bs4_base:>7.2f} "
                f"{best[1] / bs4_base:>6.2f}"
            )
            if megabytes >= TARGET_MB:
                passed = best[1] < TARGET_CPU_S
                status = status or (0 if passed else 1)
                print(
                    f"{'PASS' if passed else 'FAIL'}: {real:.1f} MB imported in {best[1]:.2f} s "
                    f"of CPU time (target: under {TARGET_CPU_S:g} s)"
                )
    print("Ratios are of CPU times: the import over each parser alone.")
    return status


if __name__ == "__main__":
    sys.exit(main())
