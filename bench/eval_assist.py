"""Scores the offline drafting aids against two baselines computed in the same run.

    python bench/eval_assist.py [--corpus ../shared/corpus]

Not a test: it prints a table. The articles are the project's own samples (tests/samples) and,
when it is beside the project, the shared corpus. Every method sees the article as imported
*with* its bio, reference and credit lines (the `original` text), as the app's "Draft summary"
may. The baselines are
- **lead**: the article's first sentences, in order (the usual newspaper baseline);
- **TextRank**: sentences ranked by PageRank over their TF-IDF similarity graph.
For themes, each baseline suggests the library themes whose own words appear most in its
sentences (the first three, or the three TextRank ranks highest).

The scores:
- **stands alone**: share of summary sentences that read on their own (no opening "However",
  "This", "They" … unless the sentence it leans on comes straight before it) and come from the
  body (not a heading, caption, credit, bio, sign-up line or reference);
- **implications recall@5**: for articles with their own "Implications …" section, how many of
  the first five suggestions are that section's own points, out of as many as it has (at most
  five);
- **theme precision@3** and **recall@3**: of the library themes suggested (first three), the
  share that the fixture library below assigns to the article; and of the themes assigned, the
  share suggested (a method that suggests nothing for an article scores 0 recall there); and
  **theme F1**, their harmonic mean;
- **ms / 3,000 words**: time for all three aids on a 3,000-word article (median of 5).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.assist import draft_summary, suggest_implications, suggest_themes  # noqa: E402
from briefing.assist.implications import _SECTION  # noqa: E402
from briefing.assist.text import (  # noqa: E402
    Unit,
    cosine,
    is_quote,
    is_unofferable,
    needs_previous,
    terms,
    tfidf_vectors,
    units,
)
from briefing.library.importers import import_path  # noqa: E402

if TYPE_CHECKING:
    from briefing.library.records import DraftArticle

# The fixture library: the themes an officer assigned to each article, by file, in order.
THEMES = {
    "council-blog-collection.txt": [
        {"Crisis and resilience"}, {"Intervention and improvement"}, {"Councillors"},
        {"Democratic participation", "Councillors"}, {"Digital and data"}],
    "contact-centre-round-table.txt": [{"Digital and data"}, {"Digital and data"}],
    "inlogov-blog-collection.txt": [
        {"Crisis and resilience", "International comparison"}, {"Intervention and improvement"},
        {"Councillors"}, {"Democratic participation", "Councillors"},
        {"Devolution", "Local government reorganisation"}, {"AI"}],
    "mj-ai-round-table.txt": [{"AI"}, {"AI", "Outsourcing and partnerships"}],
}
LIBRARY_THEMES = sorted({label for sets in THEMES.values() for s in sets for label in s})
WORDS = 120


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    sets = {"project samples": ROOT / "tests" / "samples"}
    if (args.corpus / "expected.yaml").is_file():
        sets["shared corpus"] = args.corpus
    else:
        print(f"(the shared corpus is not at {args.corpus}: scoring the project's samples only)")
    methods: dict[str, Method] = {"Briefing": briefing, "lead": lead, "TextRank": textrank}
    print(f"{'articles':<18} {'method':<10} {'stands alone':>13} {'impl. recall@5':>15} "
          f"{'theme prec@3':>13} {'theme rec@3':>12} {'theme F1':>9} {'ms/3,000 words':>15}")
    for name, folder in sets.items():
        articles = load(folder)
        sample = long_text(articles)
        for label, method in methods.items():
            alone, recall, precision, theme_recall = score(method, articles)
            ms = timing(method, sample)
            f1 = 2 * precision * theme_recall / ((precision + theme_recall) or 1)
            print(f"{name:<18} {label:<10} {alone:>12.0%} {recall:>15.0%} {precision:>13.0%} "
                  f"{theme_recall:>12.0%} {f1:>9.0%} {ms:>15.0f}")
    return 0


# -- the methods: each gives a summary, five implication points and theme labels ---------------
Method = Callable[[str], tuple[str, list[str], list[str]]]


def briefing(text: str) -> tuple[str, list[str], list[str]]:
    themes = {label.lower(): label for label in LIBRARY_THEMES}
    chosen = [s.label for s in suggest_themes(text, themes) if not s.is_new]
    return (draft_summary(text, WORDS), [p.text for p in suggest_implications(text, 5)],
            chosen[:3])


def lead(text: str) -> tuple[str, list[str], list[str]]:
    sentences = [u for u in units(text) if not u.heading]
    return (_within(sentences), [u.text for u in sentences[:5]],
            _themes_in(" ".join(u.text for u in sentences[:3])))


def textrank(text: str) -> tuple[str, list[str], list[str]]:
    sentences = [u for u in units(text) if not u.heading]
    ranks = _pagerank([*tfidf_vectors([u.text for u in sentences])])
    order = sorted(range(len(sentences)), key=lambda i: (-ranks[i], i))
    summary_picks: list[Unit] = []
    total = 0
    for i in order:
        length = len(sentences[i].text.split())
        if total + length <= WORDS:
            summary_picks.append(sentences[i])
            total += length
    summary_picks.sort(key=lambda u: u.index)
    top = [sentences[i] for i in order[:5]]
    return (" ".join(u.text for u in summary_picks), [u.text for u in top],
            _themes_in(" ".join(u.text for u in top[:3])))


def _within(sentences: list[Unit]) -> str:
    out: list[str] = []
    total = 0
    for unit in sentences:
        length = len(unit.text.split())
        if total + length > WORDS:
            break
        out.append(unit.text)
        total += length
    return " ".join(out)


def _themes_in(text: str) -> list[str]:
    """Library themes whose label's own words appear in the text, most mentioned first."""
    counts = Counter(terms(text))
    scored = []
    for label in LIBRARY_THEMES:
        hits = sum(counts[t] for t in set(terms(label)) - {"local", "government"})
        if hits:
            scored.append((-hits, label))
    return [label for _hits, label in sorted(scored)[:3]]


def _pagerank(vectors: list[dict[str, float]], damping: float = 0.85) -> list[float]:
    n = len(vectors)
    if n == 0:
        return []
    weights = [[cosine(a, b) if i != j else 0.0 for j, b in enumerate(vectors)]
               for i, a in enumerate(vectors)]
    totals = [sum(row) or 1.0 for row in weights]
    rank = [1.0 / n] * n
    for _ in range(50):
        rank = [(1 - damping) / n + damping * sum(weights[j][i] / totals[j] * rank[j]
                                                  for j in range(n)) for i in range(n)]
    return rank


# -- scoring --------------------------------------------------------------------------------
def score(method: Method, articles: list[tuple[DraftArticle, set[str]]]) -> tuple[float, ...]:
    alone: list[bool] = []
    recalls: list[float] = []
    precisions: list[float] = []
    theme_recalls: list[float] = []
    for article, assigned in articles:
        text = article.original or article.body
        summary, points, themes = method(text)
        alone.extend(_stands_alone(text, summary))
        truth = _own_implications(text)
        if truth:
            found = sum(1 for p in points[:5] if any(_same(p, t) for t in truth))
            recalls.append(min(found, len(truth)) / min(5, len(truth)))
        if themes:
            precisions.append(sum(1 for t in themes if t in assigned) / len(themes))
        theme_recalls.append(sum(1 for t in assigned if t in themes) / len(assigned))
    mean = statistics.fmean
    return (mean(alone) if alone else 0.0, mean(recalls) if recalls else 0.0,
            mean(precisions) if precisions else 0.0, mean(theme_recalls))


def _stands_alone(text: str, summary: str) -> list[bool]:
    body = units(text)
    position = {u.text: u for u in body}
    picked = [position.get(s.text) for s in units(summary) if not s.heading]
    verdicts = []
    for i, unit in enumerate(picked):
        if unit is None:
            verdicts.append(False)  # not a sentence of the article as written
            continue
        from_body = not (unit.heading or unit.back_matter or is_unofferable(unit.text)
                         or is_quote(unit.text))
        leans = needs_previous(unit.text)
        previous = picked[i - 1] if i else None
        supported = previous is not None and previous.index == unit.index - 1
        verdicts.append(from_body and (not leans or supported))
    return verdicts


def _own_implications(text: str) -> list[str]:
    """The points under the article's own "Implications …" heading (sentences and bullets)."""
    all_units = units(text)
    for i, unit in enumerate(all_units):
        if unit.heading and _SECTION.match(unit.text):
            inside: list[str] = []
            for following in all_units[i + 1:]:
                if following.heading and len(inside) >= 2:
                    break
                if not following.heading and not following.text.endswith(":") \
                        and not is_unofferable(following.text):
                    inside.append(following.text)
            return inside
    return []


def _same(point: str, truth: str) -> bool:
    core = point.rstrip(".").lower()[1:]
    return bool(core) and (core in truth.lower() or truth.rstrip(".").lower()[1:] in point.lower())


def load(folder: Path) -> list[tuple[DraftArticle, set[str]]]:
    out: list[tuple[DraftArticle, set[str]]] = []
    for name, assigned in THEMES.items():
        path = folder / name
        if path.is_file():
            out.extend(zip(import_path(path), assigned, strict=False))
    return out


def long_text(articles: list[tuple[DraftArticle, set[str]]]) -> str:
    """3,000 words of article text, whole paragraphs, the articles one after another."""
    paragraphs = [p for a, _ in articles for p in a.body.split("\n\n") if p.strip()]
    out: list[str] = []
    count = 0
    while count < 3000:
        for paragraph in paragraphs:
            out.append(paragraph)
            count += len(paragraph.split())
            if count >= 3000:
                break
    return "\n\n".join(out)


def timing(method: Method, text: str) -> float:
    method(text)  # warm: compiled patterns, the sentence splitter
    runs = []
    for _ in range(5):
        started = time.process_time()
        method(text)
        runs.append((time.process_time() - started) * 1000)
    return statistics.median(runs)


if __name__ == "__main__":
    sys.exit(main())
