"""Library benchmark: import, index build, search latency and memory on generated articles.

    python bench/bench_library.py [--articles 10000] [--queries 200] [--seed 7]

Not a test: it prints figures. Everything happens in a temporary folder (library and index).
The baseline is a bare sqlite3 FTS5 table holding the same text, queried with the same words,
so the ratio shows what the library adds on top of SQLite itself.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from briefing.library import Library
from briefing.library.index import fts_query
from briefing.library.records import DraftArticle

TOPICS = ["council", "budget", "housing", "planning", "social", "care", "adult", "children", "education", "transport", "parks", "libraries", "waste", "recycling", "climate", "net", "zero", "devolution", "mayor", "combined", "authority", "scrutiny", "cabinet", "councillor", "officer", "resident", "community", "engagement", "digital", "artificial", "intelligence", "data", "procurement", "contract", "outsourcing", "workforce", "recruitment", "retention", "pay", "pension", "audit", "governance", "risk", "resilience", "flood", "emergency", "crisis", "homelessness", "temporary", "accommodation", "regeneration", "high", "street", "business", "rates", "council", "tax", "settlement", "funding", "grant", "reserves"]
SOURCES = ("Town Hall Review", "Care Weekly", "Planning Now", "Local Finance Digest",
           "Civic Futures blog", "Municipal Record", "Policy Notes", "Regional Observer")
SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "dor", "len", "mar", "pol", "str",
             "an", "el", "in", "on", "ur", "bre", "ch", "th", "gra", "pen", "wick")
FIRST = ("Ada", "Ben", "Chen", "Dee", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jas", "Kit", "Lena",
         "Mo", "Nia", "Oren", "Pia", "Raj", "Sol", "Tam", "Uma", "Vic", "Wyn", "Yusuf", "Zoe")
LAST = ("Greenwood", "Ortiz", "Li", "Mason", "Okafor", "Patel", "Byrne", "Novak", "Kowalski",
        "Hughes", "Campbell", "Singh", "Evans", "Murphy", "Rahman", "Walsh", "Price", "Fraser")


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
    drafts = []
    start = date(2018, 1, 1)
    for i in range(n):
        title_words = rng.choices(TOPICS, k=rng.randint(3, 8))
        title = " ".join(title_words).capitalize() + f" ({i})"
        paragraphs = []
        for _ in range(rng.randint(4, 16)):
            words = rng.choices(vocab, weights, k=rng.randint(30, 90))
            paragraphs.append(" ".join(words).capitalize() + ".")
        body = "\n\n".join(paragraphs)
        authors = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(1, 3))]
        drafts.append(DraftArticle(
            title=title, authors=authors, body=body, original=f"{title}\n{', '.join(authors)}\n\n"
            + body, source=rng.choice(SOURCES),
            published=start + timedelta(days=rng.randint(0, 2800)),
            url=f"https://example.org/post/{i}" if rng.random() < 0.6 else "",
            source_file="generated.txt",
        ))
    return drafts


def make_queries(n: int, seed: int, vocab: list[str]) -> list[tuple[str, dict[str, object]]]:
    rng = random.Random(seed + 1)
    queries: list[tuple[str, dict[str, object]]] = []
    for i in range(n):
        kind = i % 5
        if kind == 0:
            q = rng.choice(TOPICS)
        elif kind == 1:
            q = " ".join(rng.sample(TOPICS, 2))
        elif kind == 2:  # typing: the last word unfinished
            word = rng.choice(vocab)
            q = f"{rng.choice(TOPICS)} {word[:max(2, len(word) // 2)]}"
        elif kind == 3:
            q = rng.choice(vocab)
        else:
            q = " ".join(rng.sample(vocab, 3))
        filters: dict[str, object] = {}
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


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.2f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        root, cache = Path(tmp) / "library", Path(tmp) / "cache"
        os.environ["BRIEFING_CACHE_DIR"] = str(cache)
        t = time.perf_counter()
        drafts = make_drafts(args.articles, args.seed)
        words = sum(len(d.body.split()) for d in drafts)
        print(f"generated {len(drafts):,} articles, {words:,} words "
              f"(mean {words // len(drafts)}) in {time.perf_counter() - t:.1f} s")

        lib = Library(root)
        t = time.perf_counter()
        report = lib.add_drafts(drafts)
        import_s = time.perf_counter() - t
        print(f"import (add_drafts, files + index): {import_s:6.1f} s  "
              f"({len(report.added) / import_s:,.0f} articles/s, {len(report.skipped)} skipped)")

        # Themes on a sample, so theme filters have something to find.
        rng = random.Random(args.seed)
        ids = [a.id for a in report.added]
        for label in ("Budget", "Care", "AI"):
            tid = lib.add_theme(label)
            t = time.perf_counter()
            lib.assign(rng.sample(ids, len(ids) // 20), tid)
        print(f"assign a theme to {len(ids) // 20} articles: {time.perf_counter() - t:6.2f} s")

        lib.index.close()
        lib.index.path.unlink()
        fresh = Library(root)
        t = time.perf_counter()
        fresh.refresh()
        build_s = time.perf_counter() - t
        size = fresh.index.path.stat().st_size
        print(f"index build from files (cold): {build_s:6.1f} s  (index {size / 2**20:.0f} MiB)")
        t = time.perf_counter()
        fresh.refresh()
        print(f"rescan with nothing changed:   {ms(time.perf_counter() - t)}")

        vocab = vocabulary(random.Random(args.seed))
        queries = make_queries(args.queries, args.seed, vocab)
        for q, f in queries[:20]:  # warm up
            fresh.search(q, **f)  # type: ignore[arg-type]
        lat_all, lat_plain, lat_filtered, counts = [], [], [], []
        for q, f in queries:
            t = time.perf_counter()
            hits = fresh.search(q, **f)  # type: ignore[arg-type]
            dt = time.perf_counter() - t
            lat_all.append(dt)
            (lat_filtered if f else lat_plain).append(dt)
            counts.append(len(hits))
        print(f"search, {len(queries)} warm queries (limit 200; mean {statistics.mean(counts):.0f} "
              f"hits):")
        for name, lat in (("all", lat_all), ("no filter", lat_plain), ("filtered", lat_filtered)):
            print(f"  {name:<10} p50 {ms(pct(lat, 50))}  p95 {ms(pct(lat, 95))}  "
                  f"max {ms(max(lat))}")

        # Baseline: the same text in a bare FTS5 table, the same quoted queries, bm25, limit 200.
        base = sqlite3.connect(Path(tmp) / "bare.sqlite3")
        base.execute("CREATE VIRTUAL TABLE t USING fts5(title, authors, source, body, "
                     "tokenize='unicode61 remove_diacritics 2')")
        base.executemany("INSERT INTO t VALUES(?,?,?,?)",
                         [(d.title, "; ".join(d.authors), d.source, d.body) for d in drafts])
        base.commit()
        bare = []
        for q, _ in queries[:20]:
            base.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 200",
                         (fts_query(q),)).fetchall()
        for q, _ in queries:
            t = time.perf_counter()
            base.execute("SELECT rowid, title, snippet(t, 3, '', '', '…', 16) FROM t WHERE t "
                         "MATCH ? ORDER BY bm25(t, 10, 4, 2, 1) LIMIT 200",
                         (fts_query(q),)).fetchall()
            bare.append(time.perf_counter() - t)
        base.close()
        print(f"  bare FTS5  p50 {ms(pct(bare, 50))}  p95 {ms(pct(bare, 95))}  "
              f"max {ms(max(bare))}")
        print(f"  ratio library/bare: p50 {pct(lat_all, 50) / pct(bare, 50):.2f}x, "
              f"p95 {pct(lat_all, 95) / pct(bare, 95):.2f}x")

        # Peak Python memory for a cold index build and a round of searches (tracemalloc slows
        # the work down, so it is measured on its own run).
        fresh.index.close()
        fresh.index.path.unlink()
        tracemalloc.start()
        mem = Library(root)
        mem.refresh()
        for q, f in queries[:50]:
            mem.search(q, **f)  # type: ignore[arg-type]
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak Python memory, cold index build + 50 searches: {peak / 2**20:.0f} MiB")
        target = pct(lat_all, 95) < 0.030
        print(f"target p95 < 30 ms warm: {'met' if target else 'NOT met'}")
        mem.index.close()
        lib.index.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
