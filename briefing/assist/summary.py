"""A draft summary: the author's own standfirst first, then the article's most representative
sentences (extractive), each with the reason it was offered.

Sentences are ranked by how central they are to the whole article (LexRank degree over TF-IDF
vectors), by where they stand (the opening paragraphs and the first sentence of a paragraph or a
section say what it is about), a little by wording that states a finding, and by what they
add: the weight of the article's words they bring that the draft does not yet hold. Every sentence
offered reads on its own: one that leans on the sentence before it ("However, …", "This means
…", "They …") or speaks of "the council" when the article names several comes with the sentence
it needs or not at all, so a fact is never separated from its subject. Nothing is taken from a
quotation, a caption, a credit, a bio, a sign-up line or the references.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.assist.plain import blocks
from briefing.assist.shorten import dropped_names, shorten
from briefing.assist.text import (
    Unit,
    cached_units,
    centrality,
    cosine,
    generics_named,
    is_quote,
    is_remark,
    is_unofferable,
    needs_previous,
    paragraph_numbers,
    refers_back,
    split_sentences,
    terms,
    tfidf_vectors,
    words,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

_FINDING = re.compile(
    r"\b(?:argues?|suggests?|finds?|found|shows?|concludes?|estimates?|warns?|"
    r"key|crucial|important|vital|lessons?|message|means that|will need|"
    r"set to|plans?|proposals?|urges?|calls? (?:on|for))\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|my|me)\b")
_SPEECH = re.compile(r"\b(?:said|says|told|added)\b")
# How much each thing counts when ranking a sentence (they add up to 1).
WEIGHTS = {"central": 0.3, "paragraph": 0.35, "sentence": 0.35, "title": 0.15}
COVERAGE = 0.5  # how much what a sentence adds to the draft counts beside its own rank
FILL = 0.85  # the draft stops once it holds this share of its words
REPEAT = 0.3  # a sentence this similar to one already in the draft is a near-repeat
_DATE_LINE = re.compile(
    r"^(?:\w+ \d{1,2}(?:st|nd|rd|th)? \d{4}|\d{1,2} \w+ \d{4}|"
    r"\d{4}-\d{2}-\d{2})\.?$"
)


@dataclass(frozen=True)
class Picked:
    """One sentence of the draft, with where it stands in the article and why it was chosen."""

    text: str
    paragraph: int  # the paragraph it comes from, counted from 1; 0 for the standfirst
    reason: str
    source: str = ""  # the article's own sentence, when the draft offers it shortened


@dataclass(frozen=True)
class Summary:
    sentences: tuple[Picked, ...]

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.sentences)


def draft_summary(text: str, max_words: int = 120, standfirst: str = "", title: str = "") -> str:
    """The draft of `summarise`, as text. Returns "" when the text has no usable sentence."""
    return summarise(text, max_words, standfirst, title).text


def summarise(text: str, max_words: int = 120, standfirst: str = "", title: str = "") -> Summary:
    """Up to max_words: the standfirst (given, or found at the top of the text) and then the
    best-ranked sentences, put back in reading order."""
    all_units = cached_units(text)
    lead = _standfirst(standfirst, all_units, max_words)
    picked: list[tuple[int, Picked]] = [(-1, p) for p in lead]
    total = sum(len(p.text.split()) for p in lead)
    candidates, groups = offerable(all_units)
    if not candidates:
        return Summary(tuple(p for _i, p in picked))
    # Position counts the paragraphs that hold a sentence worth offering; the reasons shown
    # count every paragraph, as the reader does.
    numbers = paragraph_numbers(candidates)
    shown = paragraph_numbers(all_units)
    vectors = tfidf_vectors([u.text for u in candidates] + [p.text for p in lead] + [title])
    own, lead_vectors = vectors[: len(candidates)], vectors[len(candidates) : -1]
    central = centrality(own)
    about = [cosine(v, vectors[-1]) for v in own] if title.strip() else [0.0] * len(own)
    base = [
        _score(u, central[p], numbers, p) + WEIGHTS["title"] * about[p]
        for p, u in enumerate(candidates)
    ]
    chosen: dict[int, str] = {}
    # Each sentence also earns what it adds: the weight of the article's words it covers that
    # the draft does not yet hold, per word it spends (a budgeted coverage objective), so the
    # draft covers the article's points rather than saying one of them twice. Gains only fall
    # as the draft grows, so the best sentence comes off a heap and is rescored once when it
    # comes up (lazy greedy: a long document costs n log n, not n²).
    # What the draft shows is each sentence shortened (see shorten.py): its words are what
    # the draft spends and what it covers.
    short = _shortened(candidates, groups)
    bags = [set(terms(text)) for text in short]
    weight = _term_weights(bags, title)
    have: set[str] = {t for p in lead for t in terms(p.text)}
    rate = (
        max(
            (_gain(bag, have, weight) / len(words(short[p])) for p, bag in enumerate(bags)),
            default=0.0,
        )
        or 1.0
    )

    def value(group: list[int]) -> float:
        length = sum(len(words(short[p])) for p in group)
        new_terms = set().union(*(bags[p] for p in group))
        prior = sum(base[p] for p in group) / len(group)
        return prior + COVERAGE * _gain(new_terms, have, weight) / length / rate

    queue = [(-value(groups[p]), p) for p in range(len(candidates)) if groups[p]]
    heapq.heapify(queue)
    while queue:
        _, position = heapq.heappop(queue)
        group = groups[position]
        new = [p for p in group if p not in chosen]
        if not new:
            continue
        now = value(new)
        if queue and now < -queue[0][0] - 1e-12:
            heapq.heappush(queue, (-now, position))
            continue
        length = sum(len(short[p].split()) for p in new)
        if total + length > max_words:
            continue
        if any(
            cosine(own[p], other) > REPEAT
            for p in new
            for other in [*(own[c] for c in chosen), *lead_vectors]
        ):
            continue  # near-repeats add nothing
        for p in new:
            chosen[p] = _reason(candidates[p], central[p], shown, leads_into=p != position)
            have.update(bags[p])
        total += length
        if total >= max_words * FILL:
            break
    for p in sorted(chosen):
        unit = candidates[p]
        source = unit.text if short[p] != unit.text else ""
        picked.append(
            (unit.index, Picked(short[p], shown.get(unit.paragraph, 0), chosen[p], source))
        )
    return Summary(tuple(p for _i, p in sorted(picked, key=lambda pair: pair[0])))


def offerable(all_units: Sequence[Unit]) -> tuple[list[Unit], dict[int, list[int]]]:
    """The sentences a draft summary may offer, and for each (by its place in that list) the
    sentences it is offered with: itself and the one or two before it that it leans on, or
    nothing when what it needs cannot be offered. What a sentence leans on is read from it as
    the draft shows it, shortened (an opening "However," is cut; "They …" still leans). One
    place decides what a summary may take, for `summarise` and for any other selection
    measured against it."""
    candidates = [u for u in all_units if _usable(u)]
    by_index = {u.index: position for position, u in enumerate(candidates)}
    ambiguous = generics_named([u.text for u in all_units])
    shown = [shorten(u.text) for u in candidates]
    groups = {
        p: _with_what_it_needs(p, candidates, shown, by_index, ambiguous)
        for p in range(len(candidates))
    }
    return candidates, groups


def _shortened(candidates: list[Unit], groups: dict[int, list[int]]) -> list[str]:
    """Each sentence as the draft shows it: shortened, unless a sentence that leans on it
    names someone the shortening took out ("…, said Jo Bloggs." then "Ms Bloggs added …")."""
    short = [shorten(u.text) for u in candidates]
    for group in groups.values():
        for before in group[:-1]:
            gone = dropped_names(candidates[before].text, short[before])
            if gone and any(
                gone & set(words(candidates[later].text)) for later in group if later > before
            ):
                short[before] = candidates[before].text
    return short


def _term_weights(bags: list[set[str]], title: str) -> dict[str, float]:
    """How much covering each word is worth: every word of the article the same (a fact said
    once counts as much as the subject said often, which centrality already weighs); words of
    the title a little more."""
    heading = set(terms(title))
    return {t: 1.5 if t in heading else 1.0 for bag in bags for t in bag}


def _gain(bag: set[str], have: set[str], weight: dict[str, float]) -> float:
    return sum(weight.get(t, 0.0) for t in bag - have)


def _standfirst(given: str, all_units: tuple[Unit, ...], max_words: int) -> list[Picked]:
    """The author's own summary: the one given (from the article's metadata), or a quotation
    block set above the first paragraph, as magazines print a standfirst. Whole sentences that
    fit in three fifths of the budget."""
    if given.strip():
        sentences = [s for b in blocks(given) for s in split_sentences(b.text)]
    else:
        sentences = []
        for unit in all_units:
            if unit.heading:
                continue
            if not unit.quoted:
                break
            if not _DATE_LINE.match(unit.text) and len(words(unit.text)) >= 5:
                sentences.append(unit.text)
    out: list[Picked] = []
    total = 0
    for sentence in sentences:
        if is_unofferable(sentence) or is_quote(sentence):
            continue
        sentence = (
            sentence
            if sentence.rstrip("”’\"')").endswith((".", "!", "?"))
            else sentence.rstrip() + "."
        )
        length = len(sentence.split())
        if total + length > max_words * 0.6:
            break
        out.append(Picked(sentence, 0, "The author's own standfirst"))
        total += length
    return out


def _score(unit: Unit, central: float, numbers: dict[int, int], order: int) -> float:
    """Central to the article, early in it (by paragraph and by sentence), stating a finding."""
    paragraph = numbers.get(unit.paragraph, 99)
    score = (
        WEIGHTS["central"] * central
        + WEIGHTS["paragraph"] / (1.0 + 0.35 * (paragraph - 1))
        + WEIGHTS["sentence"] / (1.0 + 0.15 * order)
    )
    if unit.first_in_paragraph:
        score += 0.1
    if _FINDING.search(unit.text):
        score += 0.08
    if unit.text.endswith("?"):
        score *= 0.5  # questions rarely summarise
    if _FIRST_PERSON.search(unit.text):
        score *= 0.7
    if _SPEECH.search(unit.text):
        score *= 0.85
    if unit.bullet:
        score *= 0.8
    return score


def _reason(unit: Unit, central: float, numbers: dict[int, int], leads_into: bool) -> str:
    paragraph = numbers.get(unit.paragraph, 0)
    where = (
        "The article's opening sentence"
        if paragraph == 1 and unit.first_in_paragraph
        else f"Paragraph {paragraph}, {'first' if unit.first_in_paragraph else 'a later'} sentence"
    )
    if leads_into:
        return f"{where}: the next sentence needs it"
    if central >= 0.6:
        return f"{where}: shares much of its wording with the rest of the article"
    return where


def _usable(unit: Unit) -> bool:
    text = unit.text
    return (
        not (unit.heading or unit.back_matter or unit.quoted)
        and (8 if not unit.bullet else 10) <= len(words(text)) <= 55
        and text.rstrip("”’\"')").endswith((".", "!", "?"))
        and not is_quote(shorten(text))  # a phrase quoted in reported speech is unquoted
        and not is_unofferable(text)
        and not is_remark(text)
    )


def _with_what_it_needs(
    position: int,
    candidates: list[Unit],
    shown: list[str],
    by_index: dict[int, int],
    ambiguous: set[str],
) -> list[int]:
    """The sentence with the one or two before it that it leans on, in the same paragraph; or
    nothing when what it needs cannot be offered (a quote, a bio, another paragraph)."""
    group = [position]
    while needs_previous(shown[group[0]]) or refers_back(shown[group[0]], ambiguous):
        unit = candidates[group[0]]
        before = by_index.get(unit.index - 1)
        if before is None or candidates[before].paragraph != unit.paragraph or len(group) == 3:
            return []
        group.insert(0, before)
    return group
