"""Candidate "implications for UK local government" points taken from the article's own words."""

from __future__ import annotations

import re

from briefing.assist.text import (
    Unit,
    centrality,
    is_quote,
    is_unofferable,
    tfidf_vectors,
    units,
    words,
)

_SECTION = re.compile(
    r"^(?:implications?|what (?:this|it) means|lessons?|recommendations?|what (?:councils|members|"
    r"local government) (?:should|can|need)|key (?:points|messages|lessons)|conclusions?|"
    r"so what|next steps)\b", re.IGNORECASE)
_SIGNALS = {
    r"\bshould\b": 2.0, r"\bneed(?:s)? to\b": 2.0, r"\bmust\b(?! have)": 2.0, r"\bought to\b": 1.5,
    r"\bcouncils?\b": 1.0, r"\blocal government\b": 1.0, r"\blocal authorit(?:y|ies)\b": 1.0,
    r"\bcouncillors?\b": 0.8, r"\brisks?\b": 1.0, r"\bcosts?\b": 0.6, r"\binvest": 0.8,
    r"\breform": 0.6, r"\bimplications?\b": 0.8, r"\bmembers\b": 0.5, r"\bpolicy\b": 0.5,
    r"\brecommend": 1.2, r"\bimportant\b": 0.6, r"\bensur": 0.8, r"\bsupport\b": 0.4,
    r"\bUK\b": 0.5, r"\bgovernment\b": 0.4, r"\bresponsib": 0.5, r"\bcritical": 0.6,
}
_LEADING = re.compile(
    r"^(?:however|but|and|so|yet|thus|therefore|ultimately|of course|in fact|indeed|"
    r"crucially|importantly|moreover|also|instead|rather|in other words|as a result|"
    r"[a-z]+ly,)\s*,?\s+",
    re.IGNORECASE)
_MAX_WORDS = 40
# A clause that starts like this cannot stand alone as a point.
_SUBORDINATE = re.compile(r"^(?:while|whilst|although|though|if|as|when|because|since|unless|"
                          r"whereas|where|which)\b", re.IGNORECASE)


def _signal(text: str) -> float:
    return sum(weight for pattern, weight in _SIGNALS.items() if re.search(pattern, text))


def _section(all_units: list[Unit]) -> list[Unit]:
    """The units under an "Implications …" heading, up to the next heading."""
    for position, unit in enumerate(all_units):
        if unit.heading and _SECTION.match(unit.text):
            inside: list[Unit] = []
            for following in all_units[position + 1:]:
                if following.heading and len(inside) >= 2:
                    break
                inside.append(following)
            return inside
    return []


def shorten(text: str) -> str:
    """Drop a leading "However," or "But", and cut an over-long sentence at a clause break."""
    text = text.strip()
    while _LEADING.match(text):  # "And, ominously, the …"
        text = _LEADING.sub("", text, count=1)
    text = text[:1].upper() + text[1:]
    if len(words(text)) > _MAX_WORDS:
        for mark in ("; ", " – ", " — "):
            head = text.split(mark, 1)[0]
            if mark in text and 8 <= len(words(head)) <= _MAX_WORDS and not _SUBORDINATE.match(head):
                return head.rstrip(",:") + "."
    return text


def candidate_implications(text: str, limit: int = 5) -> list[str]:
    """Up to `limit` points, best first: sentences and bullets from an "Implications" section
    when the article has one, otherwise sentences with policy signals ("should", "need to",
    "councils", "risk" …) that are also central to the article."""
    all_units = units(text)
    section = _section(all_units)
    pool = section or all_units

    def usable(u: Unit) -> bool:
        n = len(words(u.text))
        return not u.heading and (6 if u.bullet else 8) <= n <= 70 and not is_quote(u.text) \
            and not is_unofferable(u.text) and not u.text.endswith("?")

    candidates = [u for u in pool if usable(u)]
    if not candidates:
        return []
    central = centrality(tfidf_vectors([u.text for u in candidates]))
    ranked = []
    for position, unit in enumerate(candidates):
        signal = _signal(unit.text)
        if not section and signal < 2.0:
            continue
        length_penalty = 0.8 if len(words(unit.text)) > _MAX_WORDS else 1.0
        ranked.append(((signal + 2.0 * central[position]) * length_penalty, unit.index, unit))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    out: list[str] = []
    for _score, _index, unit in ranked:
        point = shorten(unit.text)
        if point not in out:
            out.append(point)
        if len(out) >= limit:
            break
    return out
