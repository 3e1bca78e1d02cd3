"""Library benchmark: import, index build, search latency and memory on generated articles.

    python bench/bench_library.py [--articles 10000] [--queries 200] [--seed 7]
                                  [--import-sample 1000] [--library DIR] [--no-memory]

Not a test: it prints figures. Everything happens in a temporary folder (library and index),
except that --library DIR keeps the generated library there and reuses it on the next run with
the same --articles and --seed. The library's files are written directly by the bench (no
fsync); the product's import (Library.add_drafts, crash-safe writes) is timed on a sample of
--import-sample articles in a folder of its own, and its rate extrapolated to --articles.
The index is always built afresh, through the product, from the library's files.
The baseline is a bare sqlite3 FTS5 table holding the same text, queried with the same words
(bm25, limit 200) with a snippet for every hit, so the ratio shows what the library costs
against SQLite itself; a second baseline, the same query without snippets, shows what FTS5
takes to find and rank the hits alone. Each query runs through the library and both baselines
in turn (wall-clock and CPU time), so a busy spell on a shared machine slows all three alike.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, TypeVar

from briefing.library import Library
from briefing.library.article_file import dump_article
from briefing.library.index import SNIPPETS, fts_query
from briefing.library.records import DraftArticle
from briefing.library.store import from_draft

if TYPE_CHECKING:
    from collections.abc import Callable

TOPICS = [
    "council",
    "budget",
    "housing",
    "planning",
    "social",
    "care",
    "adult",
    "children",
    "education",
    "transport",
    "parks",
    "libraries",
    "waste",
    "recycling",
    "climate",
    "net",
    "zero",
    "devolution",
    "mayor",
    "combined",
    "authority",
    "scrutiny",
    "cabinet",
    "councillor",
    "officer",
    "resident",
    "community",
    "engagement",
    "digital",
    "artificial",
    "intelligence",
    "data",
    "procurement",
    "contract",
    "outsourcing",
    "workforce",
    "recruitment",
    "retention",
    "pay",
    "pension",
    "audit",
    "governance",
    "risk",
    "resilience",
    "flood",
    "emergency",
    "crisis",
    "homelessness",
    "temporary",
    "accommodation",
    "regeneration",
    "high",
    "street",
    "business",
    "rates",
    "council",
    "tax",
    "settlement",
    "funding",
    "grant",
    "reserves",
]
SOURCES = (
    "Town Hall Review",
    "Care Weekly",
    "Planning Now",
    "Local Finance Digest",
    "Civic Futures blog",
    "Municipal Record",
    "Policy Notes",
    "Regional Observer",
)
SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "te",
    "vi",
    "dor",
    "len",
    "mar",
    "pol",
    "str",
    "an",
    "el",
    "in",
    "on",
    "ur",
    "bre",
    "ch",
    "th",
    "gra",
    "pen",
    "wick",
)
FIRST = (
    "Ada",
    "Ben",
    "Chen",
    "Dee",
    "Eli",
    "Fay",
    "Gus",
    "Hana",
    "Ivo",
    "Jas",
    "Kit",
    "Lena",
    "Mo",
    "Nia",
    "Oren",
    "Pia",
    "Raj",
    "Sol",
    "Tam",
    "Uma",
    "Vic",
    "Wyn",
    "Yusuf",
    "Zoe",
)
LAST = (
    "Greenwood",
    "Ortiz",
    "Li",
    "Mason",
    "Okafor",
    "Patel",
    "Byrne",
    "Novak",
    "Kowalski",
    "Hughes",
    "Campbell",
    "Singh",
    "Evans",
    "Murphy",
    "Rahman",
    "Walsh",
    "Price",
    "Fraser",
)


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words = set(TOPICS)
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def make_drafts(n: int, seed: int) -> list[DraftArticle]:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    # Zipf-like: a few words are everywhere, most are rare, as in real text.
    weights = [1 / (i + 1) ** 0.9 for i in range(len(vocab))]
    rng.shuffle(weights)
    # Cumulative weights once, not per call: the same draws, four times faster.
    cum = list(itertools.accumulate(weights))
    drafts = []
    start = date(2018, 1, 1)
    for i in range(n):
        title_words = rng.choices(TOPICS, k=rng.randint(3, 8))
        title = " ".join(title_words).capitalize() + f" ({i})"
        paragraphs = []
        for _ in range(rng.randint(4, 16)):
            words = rng.choices(vocab, cum_weights=cum, k=rng.randint(30, 90))
            paragraphs.append(" ".join(words).capitalize() + ".")
        body = "\n\n".join(paragraphs)
        authors = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(1, 3))]
        drafts.append(
            DraftArticle(
                title=title,
                authors=authors,
                body=body,
                original=f"{title}\n{', '.join(authors)}\n\n" + body,
                source=rng.choice(SOURCES),
                published=start + timedelta(days=rng.randint(0, 2800)),
                url=f"https://example.org/post/{i}" if rng.random() < 0.6 else "",
                source_file="generated.txt",
            )
        )
    return drafts


class Filters(TypedDict, total=False):
    """The search filters a query may carry (Library.search's keyword arguments)."""

    theme: str
    source: str
    author: str
    date_from: date
    date_to: date


def make_queries(n: int, seed: int, vocab: list[str]) -> list[tuple[str, Filters]]:
    rng = random.Random(seed + 1)
    queries: list[tuple[str, Filters]] = []
    for i in range(n):
        kind = i % 5
        if kind == 0:
            q = rng.choice(TOPICS)
        elif kind == 1:
            q = " ".join(rng.sample(TOPICS, 2))
        elif kind == 2:  # typing: the last word unfinished
            word = rng.choice(vocab)
            q = f"{rng.choice(TOPICS)} {word[: max(2, len(word) // 2)]}"
        elif kind == 3:
            q = rng.choice(vocab)
        else:
            q = " ".join(rng.sample(vocab, 3))
        filters: Filters = {}
        if i % 2:  # every other query filtered
            pick = rng.randint(0, 3)
            if pick == 0:
                filters["theme"] = rng.choice(["budget", "care", "ai"])
            elif pick == 1:
                filters["source"] = rng.choice(SOURCES)
            elif pick == 2:
                filters["author"] = rng.choice(LAST)
            else:
                filters["date_from"] = date(2020, 1, 1)
                filters["date_to"] = date(2022, 12, 31)
        queries.append((q, filters))
    return queries


T = TypeVar("T")


class Latency:
    """Wall-clock and CPU seconds of each timed call."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def time(self, call: Callable[[], T]) -> T:
        wall, cpu = time.perf_counter(), time.process_time()
        result = call()
        self.add((time.perf_counter() - wall, time.process_time() - cpu))
        return result

    def add(self, timing: tuple[float, float]) -> None:
        self.wall.append(timing[0])
        self.cpu.append(timing[1])

    def last(self) -> tuple[float, float]:
        return self.wall[-1], self.cpu[-1]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.2f} ms"


THEMES = {"budget": "Budget", "care": "Care", "ai": "AI"}
# Bump when make_drafts or write_library change, so a kept library is not reused by mistake.
GENERATOR = 2


def theme_plan(n: int, seed: int) -> list[list[str]]:
    """Each theme on a random 5% of the articles, so theme filters have something to find."""
    rng = random.Random(seed + 2)
    plan: list[list[str]] = [[] for _ in range(n)]
    for tid in THEMES:
        for i in rng.sample(range(n), n // 20):
            plan[i].append(tid)
    return plan


def write_library(root: Path, drafts: list[DraftArticle], plan: list[list[str]]) -> None:
    """Write the article files straight to disk: the bench's own set-up step.

    Plain writes without fsync: this is generated data in a scratch folder, so the product's
    crash-safe writes (measured separately, on a sample, through Library.add_drafts) would only
    spend minutes waiting for the disk.
    """
    lib = Library(root)
    for tid, label in THEMES.items():
        if tid not in lib.themes():
            assert lib.add_theme(label) == tid
    folder = root / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now().replace(microsecond=0)
    taken: set[str] = set()
    for draft, themes in zip(drafts, plan, strict=True):
        article = from_draft(draft, now, themes)
        base, n = article.id, 2
        while article.id in taken:
            article.id, n = f"{base}-{n}", n + 1
        taken.add(article.id)
        (folder / f"{article.id}.md").write_text(dump_article(article), encoding="utf-8")
    lib.index.close()


def library_ready(root: Path, stamp: dict[str, int]) -> bool:
    try:
        mark: object = json.loads((root / MARK).read_text(encoding="utf-8"))
        return mark == stamp
    except (OSError, ValueError):
        return False


MARK = "bench-library.json"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument(
        "--import-sample",
        type=int,
        default=1_000,
        help="articles imported through Library.add_drafts to time the import",
    )
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--library", type=Path, help="keep the generated library here and reuse it on the next run"
    )
    ap.add_argument(
        "--no-memory",
        action="store_true",
        help="skip the peak-memory run (a second cold index build)",
    )
    args = ap.parse_args()
    wall = time.perf_counter()

    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        cache = Path(tmp) / "cache"  # the index is always built afresh
        os.environ["BRIEFING_CACHE_DIR"] = str(cache)
        root = args.library.resolve() if args.library else Path(tmp) / "library"
        stamp = {"articles": args.articles, "seed": args.seed, "generator": GENERATOR}

        drafts: list[DraftArticle] = []

        def all_drafts() -> list[DraftArticle]:
            if not drafts:
                t = time.perf_counter()
                drafts.extend(make_drafts(args.articles, args.seed))
                words = sum(len(d.body.split()) for d in drafts)
                print(
                    f"generated {len(drafts):,} articles, {words:,} words "
                    f"(mean {words // len(drafts)}) in {time.perf_counter() - t:.1f} s"
                )
            return drafts

        if library_ready(root, stamp):
            print(f"reusing the generated library in {root}")
        else:
            if root.exists() and any(root.iterdir()):
                print(
                    f"{root} is not empty and not a library this bench made; "
                    f"choose an empty or new folder.",
                    file=sys.stderr,
                )
                return 2
            t = time.perf_counter()
            write_library(root, all_drafts(), theme_plan(args.articles, args.seed))
            (root / MARK).write_text(json.dumps(stamp), encoding="utf-8")
            print(
                f"wrote {args.articles:,} article files (bench set-up, no fsync): "
                f"{time.perf_counter() - t:6.1f} s"
            )

        # Import through the product, crash-safe writes and all, on a sample in its own folder.
        sample = make_drafts(min(args.import_sample, args.articles), args.seed)
        lib = Library(Path(tmp) / "import")
        t = time.perf_counter()
        report = lib.add_drafts(sample)
        import_s = time.perf_counter() - t
        rate = len(report.added) / import_s
        print(
            f"import {len(sample):,} (add_drafts, files + index): {import_s:6.1f} s  "
            f"({rate:,.0f} articles/s, {len(report.skipped)} skipped; "
            f"{args.articles:,} at this rate ≈ {args.articles / rate:.0f} s)"
        )
        tid = lib.add_theme("Budget")
        chosen = random.Random(args.seed).sample(
            [a.id for a in report.added], len(report.added) // 2
        )
        t = time.perf_counter()
        lib.assign(chosen, tid)
        print(f"assign a theme to {len(chosen)} articles: {time.perf_counter() - t:6.2f} s")
        lib.index.close()

        fresh = Library(root)
        t = time.perf_counter()
        fresh.refresh()
        build_s = time.perf_counter() - t
        size = fresh.index.path.stat().st_size
        print(
            f"index build from {args.articles:,} files (cold): {build_s:6.1f} s  "
            f"(index {size / 2**20:.0f} MiB)"
        )
        t = time.perf_counter()
        fresh.refresh()
        print(f"rescan with nothing changed:   {ms(time.perf_counter() - t)}")

        vocab = vocabulary(random.Random(args.seed))
        queries = make_queries(args.queries, args.seed, vocab)
        # Baselines: the same text in a bare FTS5 table, the same quoted queries, bm25 with the
        # same weights, limit 200; once with a snippet for every hit (the goal's baseline) and
        # once without any (what FTS5 takes to find and rank the hits: the floor).
        base = sqlite3.connect(Path(tmp) / "bare.sqlite3")
        base.execute(
            "CREATE VIRTUAL TABLE t USING fts5(title, authors, source, body, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        base.executemany(
            "INSERT INTO t VALUES(?,?,?,?)",
            [(d.title, "; ".join(d.authors), d.source, d.body) for d in all_drafts()],
        )
        base.commit()

        def bare(sql: str) -> Callable[[str], object]:
            return lambda q: base.execute(sql, (fts_query(q),)).fetchall()

        with_snippets = bare(
            "SELECT rowid, title, snippet(t, 3, '', '', '…', 16) FROM t "
            "WHERE t MATCH ? ORDER BY bm25(t, 10, 4, 2, 1) LIMIT 200"
        )
        no_snippets = bare(
            "SELECT rowid, title FROM t WHERE t MATCH ? ORDER BY bm25(t, 10, 4, 2, 1) LIMIT 200"
        )
        for q, f in queries[:20]:  # warm up
            fresh.search(q, **f)
            with_snippets(q)
            no_snippets(q)
        # Each query by the library and by both baselines in turn, so a busy spell on a shared
        # machine slows all three alike; wall-clock and CPU time.
        # "library" searches as `briefing search` does (snippets for the first hits, which it
        # prints); "library, app" as the app's list does (it shows no snippets, so asks none).
        runs: dict[str, Latency] = {
            name: Latency()
            for name in (
                "library",
                "no filter",
                "filtered",
                "library, app",
                "bare",
                "bare, no snip",
            )
        }
        counts: list[int] = []

        def search(q: str, f: Filters, snippets: int = SNIPPETS) -> int:
            return len(fresh.search(q, **f, snippets=snippets))

        for q, f in queries:
            found = runs["library"].time(functools.partial(search, q, f))
            runs["filtered" if f else "no filter"].add(runs["library"].last())
            runs["library, app"].time(functools.partial(search, q, f, 0))
            runs["bare"].time(functools.partial(with_snippets, q))
            runs["bare, no snip"].time(functools.partial(no_snippets, q))
            counts.append(found)
        base.close()
        print(
            f"search, {len(queries)} warm queries (limit 200; mean {statistics.mean(counts):.0f} "
            "hits), each by the library and the two bare FTS5 baselines in turn:"
        )
        print(f"  {'':14} {'wall p50':>9} {'p95':>9} {'max':>9}   {'CPU p50':>9} {'p95':>9}")
        for name, lat in runs.items():
            print(
                f"  {name:<14} {ms(pct(lat.wall, 50))} {ms(pct(lat.wall, 95))} "
                f"{ms(max(lat.wall))}   {ms(pct(lat.cpu, 50))} {ms(pct(lat.cpu, 95))}"
            )
        snip, floor = runs["bare"], runs["bare, no snip"]
        for name in ("library", "library, app"):
            lib_run = runs[name]
            ratio = pct(lib_run.wall, 95) / pct(snip.wall, 95)
            print(
                f"  {name}: to bare FTS5 with snippets p50 "
                f"{pct(lib_run.wall, 50) / pct(snip.wall, 50):.2f}x, p95 {ratio:.2f}x "
                f"(CPU p95 {pct(lib_run.cpu, 95) / pct(snip.cpu, 95):.2f}x); without snippets "
                f"(the ranking alone) p95 {pct(lib_run.wall, 95) / pct(floor.wall, 95):.2f}x "
                f"(CPU {pct(lib_run.cpu, 95) / pct(floor.cpu, 95):.2f}x)"
            )
            print(
                f"  goal p95 <= 0.2x bare FTS5 with snippets ({name}): "
                f"{'met' if ratio <= 0.2 else 'NOT met'}"
            )
        fresh.index.close()

        if not args.no_memory:
            # Peak Python memory for a cold index build and a round of searches (tracemalloc
            # slows the work down, so it is measured on its own run).
            fresh.index.path.unlink()
            tracemalloc.start()
            mem = Library(root)
            mem.refresh()
            for q, f in queries[:50]:
                mem.search(q, **f)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            mem.index.close()
            print(f"peak Python memory, cold index build + 50 searches: {peak / 2**20:.0f} MiB")
        target = pct(runs["library"].wall, 95) < 0.030
        print(f"target p95 < 30 ms warm: {'met' if target else 'NOT met'}")
    print(f"bench wall time: {time.perf_counter() - wall:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
