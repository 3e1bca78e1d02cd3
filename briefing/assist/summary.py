"""A draft summary made of the article's own most representative sentences (extractive)."""

from __future__ import annotations

from briefing.assist.text import (
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
    early), put back in reading order, within max_words. Quotes, bullets, headings, bios and
    credits are never chosen. Returns "" when the text has no usable sentence."""
    all_units = units(text)
    candidates = [
        u for u in all_units
        if not (u.bullet or u.heading) and 8 <= len(words(u.text)) <= 55
        and u.text.rstrip("”’\"')").endswith((".", "!", "?"))
        and not is_quote(u.text) and not is_unofferable(u.text)
    ]
    if not candidates:
        return ""
    vectors = tfidf_vectors([u.text for u in candidates])
    central = centrality(vectors)
    last = max(u.index for u in candidates) or 1
    scored = []
    for position, unit in enumerate(candidates):
        score = 0.75 * central[position] + 0.25 * (1 - unit.index / last)
        if unit.text.endswith("?"):
            score *= 0.6  # questions rarely summarise
        scored.append((score, position))
    chosen: list[int] = []
    total = 0
    for _score, position in sorted(scored, reverse=True):
        length = len(candidates[position].text.split())  # words as a reader counts them
        if total + length > max_words:
            continue
        if any(cosine(vectors[position], vectors[c]) > 0.5 for c in chosen):
            continue  # near-repeats add nothing
        chosen.append(position)
        total += length
        if total >= max_words * 0.85:
            break
    return " ".join(candidates[p].text for p in sorted(chosen))
