"""Scores the offline drafting aids against an officer's own key points, summaries and
implications, with three baselines in the same run.

    python bench/eval_assist.py --sources DIR [--corpus ../shared/corpus] [--articles]

Not a test: it prints tables. The reference set is `bench/references/assist.yaml`: 42 articles
of the kinds officers read (blogs, trade press, news, council press releases, comment, coverage
of think-tank and committee reports), each with key points, a summary and three implications
written for this bench in our own words. The articles' text is never part of the project: the
shared corpus is read from --corpus, and the public repository files the references name are
read from --sources, laid out as <owner>+<name>/<path>. Each article is imported as the app
imports it (`import_path`) and every method sees what the app's drafting aids see: its body and
its standfirst, when the import found one.

Methods:
- **Briefing**: `summarise` (120 words, sentences shortened), `suggest_implications` (5 points), `suggest_themes`;
- **lead-120**: the body's first sentences, up to 120 words (the newspaper baseline); its first
  five sentences as implications;
- **LexRank**: sentences ranked by eigenvector centrality over a cosine-similarity graph of
  TF-IDF vectors (Erkan and Radev, 2004, threshold 0.1), highest first up to 120 words, in
  reading order; its five highest as implications;
- **concepts**: budgeted maximum coverage (Gillick and Favre, 2009) over the sentences the
  draft summary may offer, shortened as it shows them, the standfirst first: each stemmed word a concept worth the paragraphs
  that use it, more when first used early; its five sentences of most weight as implications.

Scores (stemmed with the Snowball English stemmer; stop words and the words every officer's
point uses - "council", "members", "may", "need" - do not count):
- **key points**: share of the reference key points covered by the 120-word summary. A point is
  covered when more than half of its content words are in the summary;
- **implications**: share of the three reference implications covered by the five points
  offered, read together as one draft; **(one point)**, the stricter share covered by a single
  point on its own;
- **faults**: drafts (a summary, or one implication point) with a dangling reference (it opens
  with "he", "this", "however", "some years later" … and the sentence before it in the article is
  not in the draft),
  a fact cut from its subject ("the council", "the report" … when the draft never names it),
  a bio line, a quotation or reported speech (or a piece of one: a quotation mark left open or
  closed alone), or markup (HTML, Markdown, entities). A sentence the draft shows shortened
  stands where the article's sentence it was cut from stands;
- **theme faults**: new-theme suggestions that name a person or place (a word the article
  always capitalises) or come from an address, a file name or a web link;
- **CPU ms**: all three aids on a 3,000-word article never seen before (their caches emptied;
  median of 5 runs, process time).

Scores are given for the whole set, for the articles used while tuning the aids ("tune") and
for those kept back ("held-out"), for each batch of tuning and of held-out articles (a
reference's `batch`: the second tuning batch's and the second, third and fourth held-out
batches' references were written before the aids were first run on their articles),
per kind of held-out article, and per kind of article.
"""

from __future__ import annotations

import argparse
import heapq
import math
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import snowballstemmer
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.assist import suggest_implications, suggest_themes  # noqa: E402
from briefing.assist.shorten import shorten  # noqa: E402
from briefing.assist.summary import offerable, summarise  # noqa: E402
from briefing.assist.text import (  # noqa: E402
    STOPWORDS,
    Unit,
    cached_units,
    paragraph_numbers,
    split_sentences,
    stem,
    terms,
)
from briefing.assist.themes import BUILT_IN  # noqa: E402
from briefing.library.importers import ImportFailure, import_path  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.library.records import DraftArticle

REFERENCES = ROOT / "bench" / "references" / "assist.yaml"
WORDS = 120
POINTS = 5
# The library the officer already has: the aids should offer these before inventing new ones.
LIBRARY_THEMES = [
    "AI",
    "Councillors",
    "Crisis and resilience",
    "Democratic participation",
    "Devolution",
    "Elections",
    "Finance and funding",
    "Housing and planning",
    "Intervention and improvement",
    "Local government reorganisation",
    "Community safety",
    "Social care",
    "Scrutiny",
]
# Words every officer's point uses: they say nothing about what the point is.
_FRAME = {
    "council",
    "councils",
    "member",
    "members",
    "may",
    "might",
    "need",
    "needs",
    "wish",
    "consider",
    "ensure",
    "review",
    "ask",
    "whether",
    "should",
    "could",
    "local",
    "authority",
    "authorities",
}
_STEMMER = snowballstemmer.stemmer("english")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|\d+(?:[.,]\d+)*%?")


@dataclass
class Reference:
    id: str
    kind: str
    split: str
    key_points: list[str]
    summary: str
    implications: list[str]
    batch: int = 1
    text: str = ""
    standfirst: str = ""
    title: str = ""
    authors: list[str] = field(default_factory=list)


@dataclass
class Drafts:
    summary: str
    points: list[str]
    themes: list[tuple[str, bool]]  # (label, is a new theme)
    # a sentence of the summary shown shortened → the article's sentence it was cut from
    sources: dict[str, str] = field(default_factory=dict)


# -- loading --------------------------------------------------------------------------------
def load(corpus: Path, sources: Path | None) -> tuple[list[Reference], list[str]]:
    """The reference articles whose text could be found, and a note for each that could not."""
    data = yaml.safe_load(REFERENCES.read_text(encoding="utf-8"))
    found: list[Reference] = []
    missing: list[str] = []
    cache: dict[Path, list[DraftArticle]] = {}
    for entry in data["articles"]:
        source = entry["source"]
        ref = Reference(
            entry["id"],
            entry["kind"],
            entry["split"],
            entry["key_points"],
            entry["summary"],
            entry["implications"],
            int(entry.get("batch", 1)),
        )
        if "corpus" in source:
            path = corpus / source["corpus"]
        else:
            path = (
                sources / (source["repo"].replace("/", "+")) / source["path"]
                if sources
                else Path("/nonexistent")
            )
        if not path.is_file():
            missing.append(f"{ref.id}: {path} not found")
            continue
        try:
            articles = cache.setdefault(path, import_path(path))
        except ImportFailure as failure:
            missing.append(f"{ref.id}: {failure}")
            continue
        article = _pick(articles, source)
        if article is None:
            missing.append(f"{ref.id}: no article titled {source.get('title')!r} in {path.name}")
            continue
        ref.text = article.body
        ref.standfirst = getattr(article, "standfirst", "") or ""
        ref.title = article.title
        ref.authors = list(article.authors)
        found.append(ref)
    return found, missing


def _pick(articles: list[DraftArticle], source: dict[str, Any]) -> DraftArticle | None:
    if "position" in source:
        position = int(source["position"]) - 1
        return articles[position] if position < len(articles) else None
    if "title" in source:
        wanted = " ".join(str(source["title"]).split())
        return next((a for a in articles if " ".join(a.title.split()) == wanted), None)
    return articles[0] if articles else None


# -- the methods ----------------------------------------------------------------------------
def briefing(ref: Reference) -> Drafts:
    library = {label.lower(): label for label in LIBRARY_THEMES}
    themes = [(s.label, s.is_new) for s in suggest_themes(ref.text, library)]
    summary = summarise(ref.text, WORDS, standfirst=ref.standfirst, title=ref.title)
    sources = {" ".join(p.text.split()): p.source for p in summary.sentences if p.source}
    return Drafts(summary.text, [p.text for p in _implications(ref)], themes, sources)


def _implications(ref: Reference) -> list[Any]:
    # the points the app offers first, from what the app gives them: the body and its standfirst
    return list(suggest_implications(ref.text, POINTS, standfirst=ref.standfirst))


def body_sentences(text: str) -> list[str]:
    """The article's sentences in order: paragraphs split by the same splitter the aids use."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        for line in paragraph.split("\n"):
            out.extend(split_sentences(line))
    return out


def lead(ref: Reference) -> Drafts:
    sentences = body_sentences(ref.text)
    return Drafts(_within(sentences), sentences[:POINTS], [])


def lexrank(ref: Reference) -> Drafts:
    sentences = body_sentences(ref.text)
    scores = lexrank_scores(sentences)
    order = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    total = 0
    for i in order:
        length = len(sentences[i].split())
        if total + length <= WORDS:
            chosen.append(i)
            total += length
    return Drafts(
        " ".join(sentences[i] for i in sorted(chosen)), [sentences[i] for i in order[:POINTS]], []
    )


def lexrank_scores(
    sentences: list[str], threshold: float = 0.1, damping: float = 0.85
) -> list[float]:
    """Continuous-free LexRank: a graph joining sentences whose TF-IDF cosine is above the
    threshold, each edge weighted 1 / degree, scored by PageRank's power iteration."""
    bags = [Counter(content(s, frame=False)) for s in sentences]
    n = len(bags)
    if not n:
        return []
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    vectors = []
    for bag in bags:
        vector = {t: c * math.log(n / df[t] + 1) for t, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({t: v / norm for t, v in vector.items()})
    edges = [
        [j for j in range(n) if j != i and _cos(vectors[i], vectors[j]) > threshold]
        for i in range(n)
    ]
    rank = [1.0 / n] * n
    for _ in range(60):
        incoming = [0.0] * n
        for i, out in enumerate(edges):
            for j in out:
                incoming[j] += rank[i] / len(out)
        rank = [(1 - damping) / n + damping * value for value in incoming]
    return rank


# A word first used in the opening paragraph counts 1 + EARLY times the paragraphs that use it;
# one first used in paragraph n, 1 + EARLY / (1 + (n - 1) / 2) times (best on the tuning set).
EARLY = 2.5


def concepts(ref: Reference) -> Drafts:
    """Budgeted maximum coverage (Gillick and Favre, 2009) over the sentences the aids may offer
    (each with the sentences it leans on, the standfirst first, as Briefing's draft): every word
    of the article (stemmed, no stop words) is a concept worth the paragraphs that use it, more
    when it is first used early; greedy on the weight of new concepts per word, lazily rescored.
    Its five sentences of most concept weight (with those they lean on) are its implications."""
    units = cached_units(ref.text)
    lead = [p.text for p in summarise(ref.text, WORDS, ref.standfirst).sentences if not p.paragraph]
    candidates, groups = offerable(units)
    weight = concept_weights(units)
    shown = [shorten(u.text) for u in candidates]  # as the draft summary shows them
    bags = [set(terms(text)) for text in shown]
    lengths = [len(text.split()) for text in shown]
    have = {t for sentence in lead for t in terms(sentence)}
    budget = WORDS - sum(len(sentence.split()) for sentence in lead)
    chosen: set[int] = set()

    def value(group: list[int]) -> float:
        new = set().union(*(bags[p] for p in group)) - have
        return sum(weight[t] for t in new) / sum(lengths[p] for p in group)

    queue = [(-value(group), p) for p, group in groups.items() if group]
    heapq.heapify(queue)
    while queue:
        _, position = heapq.heappop(queue)
        new = [p for p in groups[position] if p not in chosen]
        length = sum(lengths[p] for p in new)
        if not new or length > budget:
            continue
        now = value(new)
        if queue and now < -queue[0][0] - 1e-12:
            heapq.heappush(queue, (-now, position))
            continue
        chosen.update(new)
        have.update(*(bags[p] for p in new))
        budget -= length
    summary = " ".join([*lead, *(shown[p] for p in sorted(chosen))])
    sources = {shown[p]: u.text for p, u in enumerate(candidates) if shown[p] != u.text}
    offered = [p for p, group in groups.items() if group]
    heaviest = sorted(offered, key=lambda p: (-sum(weight[t] for t in bags[p]), p))[:POINTS]
    points = [" ".join(shown[q] for q in groups[p]) for p in heaviest]
    return Drafts(summary, points, [], sources)


def concept_weights(units: tuple[Unit, ...]) -> dict[str, float]:
    body = [u for u in units if not (u.heading or u.back_matter)]
    numbers = paragraph_numbers(body)
    used: dict[int, set[str]] = {}
    first: dict[str, int] = {}
    for unit in body:
        bag = set(terms(unit.text))
        used.setdefault(unit.paragraph, set()).update(bag)
        for term in bag:
            first.setdefault(term, numbers[unit.paragraph])
    count = Counter(t for bag in used.values() for t in bag)
    return {t: n * (1.0 + EARLY / (1.0 + 0.5 * (first[t] - 1))) for t, n in count.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _within(sentences: list[str]) -> str:
    out: list[str] = []
    total = 0
    for sentence in sentences:
        length = len(sentence.split())
        if total + length > WORDS:
            break
        out.append(sentence)
        total += length
    return " ".join(out)


# -- scoring --------------------------------------------------------------------------------
def content(text: str, frame: bool = True) -> list[str]:
    words = [w.lower().replace("’", "'") for w in _TOKEN.findall(text)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    kept = [w for w in words if w not in STOPWORDS and not (frame and w in _FRAME) and len(w) > 1]
    return [_STEMMER.stemWord(w) for w in kept]


def covered(point: str, draft: str) -> bool:
    wanted = set(content(point))
    return bool(wanted) and len(wanted & set(content(draft))) > len(wanted) / 2


_PRONOUN_OPENING = re.compile(
    r"^[“‘\"'(]*(?:he|she|they|it|its|his|her|their|them|this|these|that|those|such|however|"
    r"but|and|also|yet|instead|meanwhile|the latter|the former|"
    r"(?:some |about |nearly |almost )?(?:an?|\w+|\d+) (?:years?|months?|weeks?|days?|decades?) "
    r"(?:later|on)|later,)\b",
    re.IGNORECASE,
)
_GENERIC_SUBJECT = re.compile(
    r"^(?:The|Its|Their|His|Her)\s+(council|authority|think[- ]tank|report|book|paper|study|"
    r"authors?|editors?|party|committee|minister|scheme|plan|body|chief executive|finance "
    r"director|leader|spokes(?:man|woman|person)|researchers|government's plan)\b"
)
_BIO = re.compile(
    r"\b(?:is|are|was) (?:an?|the) (?:associate|director|professor|lecturer|reader|head|chief|"
    r"visiting|senior|joint|regular|academics?|researchers?)\b|\bis (?:director|head|chair) of\b|"
    r"\b(?:is|are) academics\b|\bhis research focuses\b|\bher (?:main )?research\b",
    re.IGNORECASE,
)
# A quotation: words inside quotation marks (not apostrophes), or reported speech opening one.
_QUOTE = re.compile(
    r"(?:^|[\s(:—–-])[“\"‘'](?=\w)[^“”\"]{15,}?[\w.,!?…][”\"’'](?=[\s.,;:!?)]|$)|"
    r"^[“\"]|\b(?:said|says|added):\s*$|"
    r"\b(?:said|says|added|told|argued|warned)\b[^.]*[“\"]"
)
_MARKUP = re.compile(
    r"<\s*/?\s*[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\d+;|!\[|\]\(|\|\s*-{3}|^\s*#|"
    r"^\s*>|\*\*|__\w|\{\{|\}\}|^\s*[-*]\s",
    re.MULTILINE,
)


def faults(draft: str, ref: Reference, sources: dict[str, str] | None = None) -> set[str]:
    """What is wrong with one draft (a summary or one implication), as an officer would see it.
    A sentence shown shortened stands where the article's sentence it was cut from stands."""
    found: set[str] = set()
    if not draft.strip():
        return found
    if _MARKUP.search(draft):
        found.add("markup")
    sentences = split_sentences(draft)
    article = body_sentences(ref.text)
    position = {" ".join(s.split()): i for i, s in enumerate(article)}
    previous_index: int | None = None
    named = ""
    for sentence in sentences:
        flat = " ".join(sentence.split())
        index = position.get(flat)
        if index is None and sources and flat in sources:
            index = position.get(" ".join(sources[flat].split()))
        follows = previous_index is not None and index is not None and index == previous_index + 1
        if _PRONOUN_OPENING.match(flat) and not follows:
            found.add("dangling")
        subject = _GENERIC_SUBJECT.match(flat)
        if subject and not follows and not _names(named, ref):
            found.add("subject")
        if _BIO.search(flat) or any(a and flat.startswith(a) for a in _bio_openers(ref)):
            found.add("bio")
        if _QUOTE.search(flat) or flat.count("“") != flat.count("”") or flat.count('"') % 2:
            found.add("quote")
        previous_index = index
        named += " " + flat
    return found


def _names(text: str, ref: Reference) -> bool:
    """Whether the draft so far names a council, body or publication (a capitalised name)."""
    return bool(
        re.search(
            r"\b(?:[A-Z][a-z]+ )+(?:Council|Institute|Committee|Association|"
            r"Commission|Office|Fund|Federation|Party)\b",
            text,
        )
    )


def _bio_openers(ref: Reference) -> list[str]:
    return [a for a in ref.authors if len(a.split()) >= 2]


def theme_faults(themes: list[tuple[str, bool]], ref: Reference) -> list[str]:
    """New themes that name a person or a place, or come from an address or a file name."""
    bad = []
    proper = _proper_nouns(ref.text)
    for label, is_new in themes:
        if not is_new or label in BUILT_IN:
            continue  # the library's own themes and the built-in topics are not made up
        words = re.findall(r"[A-Za-z][\w’'\-]*", label)
        if re.search(r"\.(?:com|uk|org|jpg|png|gif|pdf)\b|www|http|@|\d{2,}", label) or any(
            w.lower() in proper for w in words if not w.isupper()
        ):
            bad.append(label)
    return bad


def _proper_nouns(text: str) -> set[str]:
    """Words the article capitalises every time they appear inside a sentence."""
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for sentence in body_sentences(text):
        for word in re.findall(r"[A-Za-z][\w’'\-]*", sentence)[1:]:
            (capital if word[0].isupper() else lower)[word.lower()] += 1
    return {w for w, n in capital.items() if n >= 1 and lower[w] == 0 and w not in STOPWORDS}


@dataclass
class Score:
    key_points: float
    implications: float  # covered by the points offered, read together
    one_point: float  # covered by one of the points on its own
    summary_faults: set[str]
    point_faults: list[set[str]]
    theme_faults: list[str]
    words: int


def score(ref: Reference, drafts: Drafts) -> Score:
    kp = sum(covered(p, drafts.summary) for p in ref.key_points) / len(ref.key_points)
    together = " ".join(drafts.points)
    imp = sum(covered(i, together) for i in ref.implications) / len(ref.implications)
    one = sum(any(covered(i, p) for p in drafts.points) for i in ref.implications) / len(
        ref.implications
    )
    return Score(
        kp,
        imp,
        one,
        faults(drafts.summary, ref, drafts.sources),
        [faults(p, ref, drafts.sources) for p in drafts.points],
        theme_faults(drafts.themes, ref),
        len(drafts.summary.split()),
    )


# -- timing ---------------------------------------------------------------------------------
def long_text(refs: list[Reference]) -> str:
    """3,000 words of article text, whole paragraphs, the articles one after another."""
    paragraphs = [p for r in refs for p in r.text.split("\n\n") if p.strip()]
    out: list[str] = []
    count = 0
    while count < 3000:
        for paragraph in paragraphs:
            out.append(paragraph)
            count += len(paragraph.split())
            if count >= 3000:
                break
    return "\n\n".join(out)


def cpu_ms(method: Callable[[Reference], Drafts], text: str) -> float:
    """Process time for one method on the text, as for an article never seen before: the aids'
    caches (the article's sentences, word stems) are emptied before each run."""
    ref = Reference("timing", "", "", [], "", [], text=text)
    method(ref)  # warm: compiled patterns, imported modules
    runs = []
    for _ in range(5):
        cached_units.cache_clear()
        stem.cache_clear()
        started = time.process_time()
        method(ref)
        runs.append((time.process_time() - started) * 1000)
    return statistics.median(runs)


# -- report ---------------------------------------------------------------------------------
METHODS = {"Briefing": briefing, "lead-120": lead, "LexRank": lexrank, "concepts": concepts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument(
        "--sources",
        type=Path,
        help="folder of the public articles the references name, as <owner>+<name>/<path>",
    )
    parser.add_argument("--articles", action="store_true", help="print each article's scores")
    args = parser.parse_args()
    refs, missing = load(args.corpus, args.sources)
    for note in missing:
        print(f"(left out) {note}")
    if not refs:
        print("No reference article could be read: pass --corpus and --sources.")
        return 1
    results = {
        name: [(ref, score(ref, method(ref))) for ref in refs] for name, method in METHODS.items()
    }
    print(
        f"\n{len(refs)} reference articles "
        f"({sum(r.split == 'tune' for r in refs)} tune, "
        f"{sum(r.split == 'held-out' for r in refs)} held-out)\n"
    )
    groups: dict[str, list[str]] = {"all": [r.id for r in refs]}
    for split in ("tune", "held-out"):
        groups[split] = [r.id for r in refs if r.split == split]
    for split in ("tune", "held-out"):
        for batch in sorted({r.batch for r in refs if r.split == split} - {1}):
            groups[f"{split}, batch 1"] = [r.id for r in refs if r.split == split and r.batch == 1]
            groups[f"{split}, batch {batch}"] = [
                r.id for r in refs if r.split == split and r.batch == batch
            ]
    for kind in sorted({r.kind for r in refs if r.split == "held-out"}):
        groups[f"held-out {kind}"] = [
            r.id for r in refs if r.split == "held-out" and r.kind == kind
        ]
    for kind in sorted({r.kind for r in refs}):
        groups[kind] = [r.id for r in refs if r.kind == kind]
    print(
        f"{'articles':<22}{'n':>3} {'method':<9}{'key points':>11}{'implications':>13}"
        f"{'(one point)':>12}{'faulty summaries':>17}{'faulty points':>14}"
    )
    for group, ids in groups.items():
        for name, rows in results.items():
            chosen = [s for r, s in rows if r.id in ids]
            kp = statistics.fmean(s.key_points for s in chosen)
            imp = statistics.fmean(s.implications for s in chosen)
            one = statistics.fmean(s.one_point for s in chosen)
            bad_summaries = sum(bool(s.summary_faults) for s in chosen)
            points = [f for s in chosen for f in s.point_faults]
            bad_points = sum(bool(f) for f in points)
            print(
                f"{group:<22}{len(ids):>3} {name:<9}{kp:>11.2f}{imp:>13.2f}{one:>12.2f}"
                f"{bad_summaries:>12}/{len(chosen):<4}{bad_points:>9}/{len(points):<4}"
            )
        print()
    print("Faults, by kind (summaries; implication points):")
    for name, rows in results.items():
        summary_kinds: Counter[str] = Counter(k for _r, s in rows for k in s.summary_faults)
        point_kinds: Counter[str] = Counter(k for _r, s in rows for f in s.point_faults for k in f)
        print(
            f"  {name:<9} summaries {dict(sorted(summary_kinds.items())) or '{}'}; "
            f"points {dict(sorted(point_kinds.items())) or '{}'}"
        )
    theme_rows = results["Briefing"]
    bad_themes = [t for _r, s in theme_rows for t in s.theme_faults]
    library_first = sum(_library_first(briefing(r).themes) for r, _s in theme_rows)
    print(
        f"\nThemes: {len(bad_themes)} new-theme suggestions naming a person, place or address"
        f"{' (' + ', '.join(bad_themes) + ')' if bad_themes else ''}; library themes before "
        f"new ones in {library_first}/{len(theme_rows)} articles"
    )
    sample = long_text(refs)
    print(f"\nCPU per 3,000-word article ({len(sample.split())} words), median of 5:")
    for name, method in METHODS.items():
        print(f"  {name:<9}{cpu_ms(method, sample):>8.0f} ms")
    if args.articles:
        print("\nPer article (key points, implications, summary faults):")
        for (ref, ours), (_r, base) in zip(results["Briefing"], results["LexRank"], strict=True):
            print(
                f"  {ref.id:<28}{ref.kind:<24}{ref.split:<9} {ours.key_points:.2f} "
                f"(LexRank {base.key_points:.2f})  {ours.implications:.2f}  "
                f"{sorted(ours.summary_faults)} {ours.words}w"
            )
    return 0


def _library_first(themes: list[tuple[str, bool]]) -> bool:
    seen_new = False
    for _label, is_new in themes:
        if is_new:
            seen_new = True
        elif seen_new:
            return False
    return True


if __name__ == "__main__":
    sys.exit(main())
