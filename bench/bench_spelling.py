"""Spelling benchmark: the spelling rule on a 300-item pack, and typing latency in a 2,000-word
field with checking on, each beside a baseline measured in the same run.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_spelling.py [--items 300]

The pack's words come from real prose: the articles of the shared corpus when it sits beside
the project (../shared/corpus), else the project's own sample articles (tests/samples), with
one word in 400 given a typing slip (a letter dropped, doubled or swapped), so the rule also
finds misspellings and works out their suggestions. Targets: the rule on 300 items within 1 s
(dictionary loaded; its load time is printed on its own); a keystroke within 16 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from briefing.checks.rule import CheckContext
    from briefing.model import Pack

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SLIP_EVERY = 400  # one word in 400 mistyped: about 180 typing slips in a 300-item pack
SAMPLES = ROOT / "tests" / "samples"


PROSE: list[Path] = []  # --prose FILE ...: other text to take the words from


def prose() -> tuple[list[str], str]:
    """Sentences of real prose, and where they came from."""
    files = PROSE or (sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [])
    source = (
        ("the files given" if PROSE else "the shared corpus")
        if files
        else "the project's sample articles"
    )
    files = files or sorted(SAMPLES.glob("*.txt"))
    text = " ".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
    text = re.sub(r"\s+", " ", text)
    sentences = [
        s.strip()
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
        if 6 <= len(s.split()) <= 40 and not re.search(r"https?:|www\.|[#*_`|<>]", s)
    ]
    return sentences, f"{source} ({len(files)} files, {len(sentences)} sentences)"


def slip(word: str, rng: random.Random) -> str:
    """A typing slip: a letter dropped, doubled or two swapped."""
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def text_of(sentences: list[str], rng: random.Random, words: int) -> str:
    out: list[str] = []
    while sum(len(s.split()) for s in out) < words:
        sentence = " ".join(
            slip(w, rng) if rng.random() < 1 / SLIP_EVERY else w
            for w in rng.choice(sentences).split()
        )
        out.append(sentence)
    return " ".join(out)


def make_pack(n_items: int, sentences: list[str]) -> Pack:
    from briefing.model import Article, Item, Pack, Section

    rng = random.Random(2026)
    pack = Pack(title="Spelling benchmark pack")
    for s in range(max(1, n_items // 20)):
        section = Section(title=f"Section {s + 1}")
        for i in range(20):
            key = f"a{s}-{i}"
            pack.articles[key] = Article(title=f"Article {s}.{i}")
            section.items.append(
                Item(
                    article=key,
                    summary=text_of(sentences, rng, 120),
                    implications=[text_of(sentences, rng, 20) for _ in range(3)],
                    questions=[text_of(sentences, rng, 12)],
                )
            )
        pack.sections.append(section)
    return pack


def best_of(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def bench_rule(n_items: int) -> None:
    from briefing.checks.accessibility import LONG_SENTENCE, plain_texts
    from briefing.checks.accessibility_text import text_fields
    from briefing.checks.writing import SPELLING, accepted_words
    from briefing.writing.spelling import SpellCheck, Speller, speller, words_to_check

    sentences, source = prose()
    unique = len({w for s in sentences for w in s.split()})
    print(f"prose from {source}; {unique:,} distinct words")
    start = time.perf_counter()
    Speller("en").load()
    print(
        f"dictionary load (en_GB, once per process; the app loads it on a worker): "
        f"{time.perf_counter() - start:.2f} s"
    )

    from briefing.build import BuildRequest, view

    context = view(BuildRequest(make_pack(n_items, sentences), Path()))

    def fresh() -> CheckContext:
        # A new speller each run (no answers cached from the run before), its dictionary
        # loaded, and a fresh view of the same pack.
        speller.cache_clear()
        speller("en").load()
        return replace(context, memo={})

    words = sum(len(t.split()) for f in text_fields(context) for t in plain_texts(context, f))
    found: list[int] = []

    cpu: list[float] = []  # CPU time: other programs on a busy machine do not inflate it

    def spelling() -> None:
        ctx = fresh()
        start, start_cpu = time.perf_counter(), time.process_time()
        found.append(len(list(SPELLING.check(ctx))))
        spelling.seconds.append(time.perf_counter() - start)  # type: ignore[attr-defined]
        cpu.append(time.process_time() - start_cpu)

    spelling.seconds = []  # type: ignore[attr-defined]
    for _ in range(3):
        spelling()
    rule_s = min(spelling.seconds)  # type: ignore[attr-defined]
    rule_cpu = min(cpu)

    def finding_only() -> float:
        fresh()  # not timed: the dictionary's load is printed on its own
        start = time.perf_counter()
        check = SpellCheck(speller("en").is_word, accepted_words(context))
        for field in text_fields(context):
            for text in plain_texts(context, field):
                check.find(text)
        return time.perf_counter() - start

    find_s = min(finding_only() for _ in range(3))
    long_s = best_of(3, lambda: list(LONG_SENTENCE.check(replace(context, memo={}))))

    def bare_hunspell() -> None:
        spell = Speller("en")
        spell.load()
        engine = spell._load()
        for field in text_fields(context):
            for text in plain_texts(context, field):
                for _, word in words_to_check(text):
                    engine.spell(word)

    bare_s = best_of(3, bare_hunspell)
    print(
        f"spelling rule, {n_items} items ({words:,} words, {found[-1]} misspellings found, "
        f"each with suggestions): {rule_s:.3f} s, {rule_cpu:.3f} s of CPU (target 1 s of "
        f"CPU: {'met' if rule_cpu <= 1 else 'NOT met'}); finding them alone {find_s:.3f} s, "
        f"their suggestions {max(0.0, rule_s - find_s) / max(1, found[-1]) * 1000:.1f} ms "
        "each"
    )
    print(
        f"  baseline, the long-sentence rule on the same pack: {long_s:.3f} s "
        f"(spelling takes {rule_s / long_s:.1f}x)"
    )
    print(
        f"  baseline, bare Hunspell on every word, no cache, no suggestions: {bare_s:.3f} s "
        f"(spelling takes {rule_s / bare_s:.2f}x)"
    )


def bench_typing(words: int = 2000, keys: int = 60) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from briefing.gui.spell_check import SpellHighlighter
    from briefing.model import Pack

    app = QApplication.instance() or QApplication(sys.argv)
    sentences, _ = prose()
    rng = random.Random(7)
    # One long paragraph (the worst case: Qt re-lays the whole paragraph on each key) and the
    # same words as paragraphs of 100 words.
    one = text_of(sentences, rng, words)
    paragraphs = "\n\n".join(
        " ".join(one.split()[i : i + 100]) for i in range(0, len(one.split()), 100)
    )

    from PySide6.QtGui import QUndoStack

    from briefing.gui.pack_model import PackModel
    from briefing.gui.spell_check import SpellService

    service = SpellService(PackModel(Pack(title="t"), QUndoStack()), lambda: Path("/nonexistent"))

    class Timed(SpellHighlighter):
        """The highlighter, timing its own work (the checking's share of each key: steadier
        than the whole key's time on a busy machine, where Qt's layout dominates)."""

        spent = 0.0

        def highlightBlock(self, text: str) -> None:
            start = time.perf_counter()
            super().highlightBlock(text)
            Timed.spent += time.perf_counter() - start

    def per_key(text: str, checking: bool) -> tuple[float, float, float]:
        edit = QPlainTextEdit()
        edit.resize(700, 500)
        edit.show()
        edit.setPlainText(text)
        if checking:
            highlighter = Timed(edit.document(), service, lambda: "en")
            deadline = time.perf_counter() + 60
            while service._busy and time.perf_counter() < deadline:  # answers for every word
                QTest.qWait(20)
            highlighter.again()
        cursor = edit.textCursor()
        cursor.setPosition(len(text) // 2)
        edit.setTextCursor(cursor)
        app.processEvents()
        times = []
        Timed.spent = 0.0
        for n in range(keys):
            key = "abcdefghij klmnop"[n % 17]
            start = time.perf_counter()
            QTest.keyClicks(edit, key)
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        edit.close()
        return (
            statistics.median(times),
            sorted(times)[int(len(times) * 0.95)],
            Timed.spent * 1000 / keys,
        )

    for label, text in (("one paragraph", one), ("paragraphs of 100 words", paragraphs)):
        base = per_key(text, False)
        with_check = per_key(text, True)
        print(
            f"typing in a {words:,}-word field ({label}): {with_check[0]:.2f} ms a key "
            f"median, {with_check[1]:.2f} ms 95th percentile with checking (target 16 ms "
            f"median: {'met' if with_check[0] < 16 else 'NOT met'}); without checking "
            f"{base[0]:.2f} / {base[1]:.2f} ms ({with_check[0] / base[0]:.2f}x); the "
            f"checking's own share {with_check[2]:.3f} ms a key"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument(
        "--prose",
        type=Path,
        nargs="+",
        default=[],
        help="plain-text files to take the words from (e.g. public articles "
        "saved in a temporary folder)",
    )
    args = parser.parse_args()
    PROSE.extend(args.prose)
    bench_rule(args.items)
    bench_typing(args.words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
