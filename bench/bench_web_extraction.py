"""Web page extraction against a public benchmark: real news and blog pages with hand-checked
article bodies, scored as the benchmark scores every extractor.

    python bench/bench_web_extraction.py SOURCE [--limit N] [--show-worst 5]
    BRIEFING_WEB_BENCHMARK=SOURCE python bench/bench_web_extraction.py

SOURCE is the article-extraction benchmark of scrapinghub (181 pages: `ground-truth.json` and
`html/*.html.gz`), either as a folder or as a bare git copy of its repository, which is read into
a temporary folder here. Its pages are never copied into the project.

Not a test: it prints figures. Each page is saved as a .html file in a temporary folder and
imported as `briefing import` would (read, then split); the article text is the bodies of the
articles found. The same pages go through the field's extractors in the same run, where
installed: trafilatura (the field's reference) and readability-lxml; and a simple baseline, all
the page's text. Score: the benchmark's own measure (F1 of word 4-gram "shingles" against the
hand-checked body, precision and recall averaged over pages), and the pages each refused as
having no text. Targets: F1 >= 0.95 and no page refused. Exits with 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from briefing.errors import BriefingError
from briefing.library.importers import import_path

if TYPE_CHECKING:
    from collections.abc import Callable

TARGET_F1 = 0.95
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """The benchmark's measure for one page, normalised so every page weighs the same."""
    t, p = shingles(true), shingles(pred)
    tp = sum(min(t[k], p[k]) for k in t.keys() | p.keys())
    fp = sum(max(0, p[k] - t[k]) for k in t.keys() | p.keys())
    fn = sum(max(0, t[k] - p[k]) for k in t.keys() | p.keys())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = statistics.mean([precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    r = statistics.mean([recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def pages(source: Path, into: Path) -> Path:
    """The benchmark folder: `source` itself, or its files read out of a bare git copy."""
    if (source / "ground-truth.json").is_file():
        return source
    if (source / "HEAD").is_file() and (source / "objects").is_dir():
        archive = subprocess.run(
            ["git", f"--git-dir={source}", "archive", "HEAD", "ground-truth.json", "html"],
            check=True,
            capture_output=True,
        )
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
        return into
    raise SystemExit(f"{source}: neither the benchmark's folder nor a git copy of it")


def briefing_text(path: Path) -> str:
    try:
        drafts = import_path(path)
    except BriefingError as exc:
        if "no text" in str(exc):
            raise LookupError(str(exc)) from None
        raise
    return "\n\n".join(d.body for d in drafts)


def all_text(path: Path) -> str:
    parser = etree.HTMLParser(encoding="utf-8", no_network=True, huge_tree=True)
    root = etree.fromstring(path.read_bytes(), parser)
    if root is None:
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.getparent().remove(bad)
    return " ".join(" ".join(root.itertext()).split())


def trafilatura_text(path: Path) -> str:
    import trafilatura  # type: ignore[import-not-found]  # a baseline, installed only to compare

    return trafilatura.extract(path.read_bytes()) or ""


def readability_text(path: Path) -> str:
    from readability import Document

    summary = Document(path.read_bytes().decode("utf-8", "replace")).summary(html_partial=True)
    root = etree.fromstring(summary.encode("utf-8"), etree.HTMLParser(encoding="utf-8"))
    return "" if root is None else " ".join(" ".join(root.itertext()).split())


def extractors() -> dict[str, Callable[[Path], str]]:
    found: dict[str, Callable[[Path], str]] = {"Briefing": briefing_text}
    for name, module, call in (
        ("trafilatura", "trafilatura", trafilatura_text),
        ("readability-lxml", "readability", readability_text),
    ):
        try:
            __import__(module)
        except ImportError:
            print(f"({name} is not installed: left out)")
            continue
        found[name] = call
    found["all text"] = all_text
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "source", type=Path, nargs="?", default=os.environ.get("BRIEFING_WEB_BENCHMARK")
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument(
        "--show-worst", type=int, default=0, metavar="N", help="name Briefing's N worst pages"
    )
    args = parser.parse_args()
    if args.source is None:
        parser.error("give the benchmark's folder or git copy (or set BRIEFING_WEB_BENCHMARK)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = pages(Path(args.source), Path(tmp))
        truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        keys = sorted(truth)[: args.limit or None]
        work = Path(tmp) / "pages"
        work.mkdir()
        for key in keys:
            data = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
            (work / f"{key}.html").write_bytes(data)
        print(f"{len(keys)} pages")
        print(
            f"{'extractor':<17} {'F1':>6} {'prec.':>6} {'recall':>6} {'refused':>8} "
            f"{'errors':>7} {'s/page':>7}"
        )
        status = 0
        for name, extract in extractors().items():
            counts: list[tuple[float, float, float]] = []
            refused: list[str] = []
            errors: list[str] = []
            per_page: list[tuple[float, str]] = []
            started = time.process_time()
            for key in keys:
                true = truth[key].get("articleBody", "")
                try:
                    text = extract(work / f"{key}.html")
                except LookupError:
                    text = ""
                    refused.append(key)
                except Exception as exc:  # a baseline's own failure is a score of 0, not a stop
                    text = ""
                    errors.append(f"{key}: {exc}")
                if not text.strip() and key not in refused:
                    refused.append(key)
                count = tp_fp_fn(true, text)
                counts.append(count)
                f1, _, _ = scores([count])
                per_page.append((f1, key))
            seconds = (time.process_time() - started) / len(keys)
            f1, precision, recall = scores(counts)
            print(
                f"{name:<17} {f1:>6.3f} {precision:>6.3f} {recall:>6.3f} {len(refused):>8} "
                f"{len(errors):>7} {seconds:>7.3f}"
            )
            if name == "Briefing":
                status = 0 if f1 >= TARGET_F1 and not refused else 1
                for score, key in sorted(per_page)[: args.show_worst]:
                    print(f"    {score:.2f}  {key}  {truth[key].get('url', '')}")
        print(
            f"Target for Briefing: F1 >= {TARGET_F1} with no page refused as empty: "
            f"{'met' if status == 0 else 'NOT met'}"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
