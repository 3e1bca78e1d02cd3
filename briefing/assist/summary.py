"""A draft summary made of the article's own most representative sentences (extractive).

Every sentence offered reads on its own: one that leans on the sentence before it ("However, …",
"This means …", "They …") comes with that sentence or not at all, and nothing is taken from a
caption, credit, bio, sign-up line or the references.
"""

from __future__ import annotations

from briefing.assist.text import (
    Unit,
    centrality,
    cosine,
    is_quote,
    is_unofferable,
    tfidf_vectors,
    units,
    words,
)


def draft_summary(text: str, max_words: int = 120) -> str:
    """Sentences chosen for how central they are to the whole article (and, a little, for coming
    early), put back in reading order, within max_words. Returns "" when the text has no usable
    sentence."""
    candidates = [u for u in units(text) if _usable(u)]
    if not candidates:
        return ""
    by_index = {u.index: position for position, u in enumerate(candidates)}
    vectors = tfidf_vectors([u.text for u in candidates])
    central = centrality(vectors)
    last = max(u.index for u in candidates) or 1
    scored = []
    for position, unit in enumerate(candidates):
        score = 0.75 * central[position] + 0.25 * (1 - unit.index / last)
        if unit.text.endswith("?"):
            score *= 0.6  # questions rarely summarise
        scored.append((score, position))
    chosen: set[int] = set()
    total = 0
    for _score, position in sorted(scored, key=lambda pair: (-pair[0], pair[1])):
        group = _with_what_it_needs(position, candidates, by_index)
        new = [p for p in group if p not in chosen]
        if not new:
            continue
        length = sum(len(candidates[p].text.split()) for p in new)  # words as a reader counts
        if total + length > max_words:
            continue
        if any(cosine(vectors[p], vectors[c]) > 0.5 for p in new for c in chosen):
            continue  # near-repeats add nothing
        chosen.update(new)
        total += length
        if total >= max_words * 0.85:
            break
    return " ".join(candidates[p].text for p in sorted(chosen))


def _usable(unit: Unit) -> bool:
    text = unit.text
    return (not (unit.bullet or unit.heading or unit.back_matter)
            and 8 <= len(words(text)) <= 55
            and text.rstrip("”’\"')").endswith((".", "!", "?"))
            and not is_quote(text) and not is_unofferable(text))


def _with_what_it_needs(position: int, candidates: list[Unit],
                        by_index: dict[int, int]) -> list[int]:
    """The sentence with the one or two before it that it leans on, in the same paragraph; or
    nothing when what it needs cannot be offered (a quote, a bio, another paragraph)."""
    group = [position]
    while candidates[group[0]].needs_previous:
        unit = candidates[group[0]]
        before = by_index.get(unit.index - 1)
        if before is None or candidates[before].paragraph != unit.paragraph or len(group) == 3:
            return []
        group.insert(0, before)
    return group
