"""Candidate "implications for UK local government" points taken from the article's own words.

An article's own "Implications for …" list is offered first, in its order; then sentences that
recommend something or draw a consequence for councils ("Councils should …", "… need to …"),
shortened where they can be. Sentences that only describe a source ("In their report … make the
case …") are not implications. Each suggestion carries the sentences around it, so the user can
judge it in context before ticking it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.assist.text import (
    Unit,
    centrality,
    is_quote,
    is_unofferable,
    needs_previous,
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
# Sentences that describe what a source says rather than what follows for councils.
_DESCRIPTION = re.compile(
    r"^(?:in (?:their|his|her|its|the|a|this|that) (?:recent |new |latest )?(?:report|paper|book|"
    r"article|study|blog|chapter|review|research)|(?:the|this|that|a) (?:recent |new )?(?:report|"
    r"paper|book|authors?|study|article|blog|post|piece|editors?|chapter|research)\b)|"
    r"\bmakes? the case\b|\b(?:argues?|argued|claims?|claimed|contends?|describes?|described)"
    r" that\b|\b(?:sets? out|explores?|examines?|looks at|reports? on)\b", re.IGNORECASE)
# A recommendation or a consequence drawn for councils.
_RECOMMENDS = re.compile(
    r"\b(?:should|must(?! have)|ought to|needs? to|will (?:need|have) to|"
    r"(?:is|are) (?:vital|essential|important|crucial|critical|key) (?:that|to|for)|"
    r"recommends?|recommended that|"
    r"means that|lessons? for|implications? for)\b", re.IGNORECASE)
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
    head, colon, tail = text.partition(": ")
    if colon and len(words(head)) <= 10 and len(words(tail)) >= 8:
        text = tail  # "For the UK, the message may be this: councils need to …"
    text = text[:1].upper() + text[1:]
    if len(words(text)) > _MAX_WORDS:
        for mark in ("; ", " – ", " — "):
            head = text.split(mark, 1)[0]
            if mark in text and 8 <= len(words(head)) <= _MAX_WORDS and not _SUBORDINATE.match(head):
                return head.rstrip(",:") + "."
    return text


@dataclass(frozen=True)
class Suggestion:
    """One candidate point, with where it came from."""

    text: str  # the point as offered (shortened where it could be)
    context: str  # the sentence before, the sentence itself and the one after, as written
    from_list: bool  # True when it is one of the article's own implication points


def candidate_implications(text: str, limit: int = 5) -> list[str]:
    """The points of `suggest_implications`, as text."""
    return [s.text for s in suggest_implications(text, limit)]


def suggest_implications(text: str, limit: int = 5) -> list[Suggestion]:
    """Up to `limit` points: the article's own implications list first (in its order), then
    sentences that recommend or draw consequences, best first (policy signals such as "should",
    "need to", "councils", "risk", and how central the sentence is to the article)."""
    all_units = units(text)
    section = _section(all_units)
    in_section = {u.index for u in section}
    out: list[Suggestion] = []

    def offer(unit: Unit, from_list: bool) -> None:
        point = shorten(unit.text)
        if len(out) < limit and point not in (s.text for s in out):
            out.append(Suggestion(point, _context(all_units, unit), from_list))

    own = [u for u in section if _usable(u, in_list=True) and _stands_alone(u)]
    if own:
        central = centrality(tfidf_vectors([u.text for u in own]))
        best = sorted(range(len(own)), key=lambda i: (
            -(_signal(own[i].text) + 2.0 * central[i]
              + (1.0 if _RECOMMENDS.search(own[i].text) else 0.0)), i))[:limit]
        for i in sorted(best):  # the article's own points, in its order
            offer(own[i], True)
    rest = [u for u in all_units if u.index not in in_section and _usable(u)
            and not u.bullet and _RECOMMENDS.search(u.text) and not _DESCRIPTION.search(u.text)
            and _stands_alone(u)]
    if rest and len(out) < limit:
        central = centrality(tfidf_vectors([u.text for u in rest]))
        ranked = []
        for position, unit in enumerate(rest):
            signal = _signal(unit.text)
            if signal < 2.0:
                continue
            length_penalty = 0.8 if len(words(unit.text)) > _MAX_WORDS else 1.0
            ranked.append(((signal + 2.0 * central[position]) * length_penalty, unit.index, unit))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        for _score, _index, unit in ranked:
            offer(unit, False)
    return out


def _stands_alone(unit: Unit) -> bool:
    """Reads on its own once a leading "However," or "But" is dropped ("It does …" does not)."""
    return not needs_previous(shorten(unit.text))


def _usable(unit: Unit, in_list: bool = False) -> bool:
    n = len(words(unit.text))
    shortest = (3 if in_list else 6) if unit.bullet else 8
    return (not unit.heading and not unit.back_matter and shortest <= n <= 70
            and not is_quote(unit.text) and not is_unofferable(unit.text)
            and not unit.text.endswith(("?", ":")))


def _context(all_units: list[Unit], unit: Unit) -> str:
    """The sentence with its neighbours in the same paragraph, as the article has them."""
    around = [u for u in all_units[max(0, unit.index - 1):unit.index + 2]
              if u.paragraph == unit.paragraph and not u.heading]
    return " ".join(u.text for u in around)
