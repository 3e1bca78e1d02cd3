"""Sentences, words and the lines drafting aids must never offer (bios, credits, quotes)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

_STOP_TEXT = """
a about above across after again against all almost also although always am among an and another
any are aren't around as at be because been before being below between both but by can cannot
could did do does doing done down during each either else even ever every few for from further
had has have having he her here hers him his how however i if in into is it its itself just least
less let like made make many may me might more most much must my neither no nor not now of off
often on once one only or other others our ours out over own per perhaps quite rather really
said same say says see seen she should since so some still such than that the their theirs them
then there these they this those though through thus to too under until up upon us very via was
we well were what when where whether which while who whom whose why will with within without
would yet you your yours also new way ways get got going go goes us lot lots thing things
"""
STOPWORDS = frozenset(_STOP_TEXT.split())

_ABBREVIATIONS = {"dr", "prof", "mr", "mrs", "ms", "st", "no", "vs", "cf", "e.g", "i.e", "etc",
                  "approx", "cllr", "rev", "fig", "p", "pp", "vol", "ed", "eds", "al"}
_BOUNDARY = re.compile(r"(?<=[.!?])([”’\"')\]]*)\s+(?=[A-Z0-9“‘\"'(£])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:\.\d+)?%?")
_BULLET = re.compile(r"^\s*(?:[-*•●▪◦‣∙·]|\d{1,2}[.)])\s+")
_QUOTE_OPEN = "“‘\"'"
_SKIP = re.compile(
    r"^(?:picture|photo|image|illustration)(?:\s+credit)?s?\s*[:\-–]|"
    r"^(?:this|the)\s+(?:article|piece|post|blog)\s+(?:was\s+)?(?:first|originally|also)?\s*"
    r"(?:appeared|published)|^reference\s*:|^click here|^register\b|^read more|^follow\b|"
    r"^participants\b|\b(?:read|find out|register|sign up|learn)\b.*\bhere\b", re.IGNORECASE)
_SPEECH = re.compile(r"\b(?:said|says|argued|added|admitted|warned|told|asked|explained|noted|"
                     r"concurred|agreed)\b")
_BIO = re.compile(
    r"^(?:(?:Dr|Prof|Professor|Cllr|Mr|Mrs|Ms|Sir|Dame)\.?\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+"
    r"(?:,\s*(?:and\s+)?(?:(?:Dr|Prof|Cllr)\.?\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+)*"
    r"\s+(?:is|are|was|were)\s+(?:an?|the|director|head|chief|professor|lecturer|reader|senior|"
    r"associate|academics?|researchers?|joint|currently|also|based)\b")


@dataclass
class Unit:
    """A sentence or bullet of the article, in reading order."""

    text: str
    index: int  # position among all units
    paragraph: int
    bullet: bool = False
    heading: bool = False


def split_sentences(paragraph: str) -> list[str]:
    text = " ".join(paragraph.split())
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.start() + len(match.group(1))
        before = text[start:match.start()].rsplit(" ", 1)[-1].rstrip(".").lower()
        if before in _ABBREVIATIONS or re.fullmatch(r"[a-z]", before):
            continue  # "Dr. Smith", "e.g. councils", initials
        pieces.append(text[start:end].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def units(text: str) -> list[Unit]:
    out: list[Unit] = []
    paragraphs = [p for p in re.split(r"\n\s*\n", text.replace("\r", "")) if p.strip()]
    for number, paragraph in enumerate(paragraphs):
        lines = [ln for ln in paragraph.split("\n") if ln.strip()]
        if any(_BULLET.match(ln) for ln in lines):
            for line in lines:
                bullet = bool(_BULLET.match(line))
                clean = _BULLET.sub("", line).strip() if bullet else line.strip()
                out.append(Unit(" ".join(clean.split()), len(out), number, bullet=bullet))
            continue
        joined = " ".join(paragraph.split())
        if is_heading(joined):
            out.append(Unit(joined.lstrip("# "), len(out), number, heading=True))
            continue
        for sentence in split_sentences(joined):
            out.append(Unit(sentence, len(out), number))
    return out


def is_heading(text: str) -> bool:
    text = text.strip()
    if text.startswith("#"):
        return True
    return len(text.split()) <= 14 and not text.rstrip("”’\"')").endswith((".", "!", ",", ";", ":"))


def is_unofferable(text: str) -> bool:
    """Bios, credits, "first appeared" lines, references and sign-up links: never suggested."""
    return bool(_SKIP.search(text) or _BIO.match(text) or "http" in text or "www." in text)


def is_quote(text: str) -> bool:
    """Starts with a quotation, or is mostly quoted words."""
    if text[:1] in _QUOTE_OPEN:
        return True
    opens = re.findall(r"(?:^|[\s:(—–-])[‘“]", text)
    if opens and (_SPEECH.search(text) or text.count("“") != text.count("”")):
        return True  # reported speech, or a quotation cut off by the sentence split
    quoted = sum(len(m) for m in re.findall(r"[“\"][^”\"]{12,}[”\"]", text))
    return quoted > 0.4 * len(text)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w.lower() not in STOPWORDS and len(w) > 1]


def tfidf_vectors(texts: list[str]) -> list[dict[str, float]]:
    """One TF-IDF vector per text, treating each text as a document (sentence-level IDF)."""
    bags = [Counter(terms(t)) for t in texts]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(texts) or 1
    vectors = []
    for bag in bags:
        vector = {t: (1 + math.log(c)) * math.log(1 + n / df[t]) for t, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({t: v / norm for t, v in vector.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def centrality(vectors: list[dict[str, float]]) -> list[float]:
    """How much each sentence shares with the rest (LexRank degree, weighted by similarity)."""
    scores = []
    for i, vector in enumerate(vectors):
        scores.append(sum(cosine(vector, other) for j, other in enumerate(vectors) if j != i))
    top = max(scores, default=0.0) or 1.0
    return [s / top for s in scores]
