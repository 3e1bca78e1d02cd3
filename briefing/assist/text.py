"""Sentences, words and the lines drafting aids must never offer (bios, credits, quotes).

The body is read as displayed (see plain.py), its sentences split by segtok (rules only, no
data to download), then marked for what a reader needs to know: whether a sentence leans on the one
before it ("However, …", "This means …") or on a subject named earlier ("the council" when the
article names several), and whether it is part of the article's body at all (not a caption, a
credit, a bio, a sign-up line, a quotation, or a line under a "References" heading)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Protocol

from briefing.assist.plain import blocks

if TYPE_CHECKING:
    from collections.abc import Sequence

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

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:\.\d+)?%?")
_QUOTE_OPEN = "“‘\"'"
_SKIP = re.compile(
    r"^(?:picture|photo|image|illustration)(?:\s+credit)?s?\s*[:\-–]|"
    r"^(?:this|the)\s+(?:article|piece|post|blog)\s+(?:was\s+)?(?:first|originally|also)?\s*"
    r"(?:appeared|published)|^reference\s*:|^click here|^register\b|^read more|^follow\b|"
    r"^participants\b|\b(?:read|find out|register|sign up|learn)\b.*\bhere\b|"
    r"^(?:figure|fig\.|table|chart|source|caption|credit|image credit|photograph)\s*\d*\s*[:.\-–]|"
    r"^(?:book|register|sign up|reserve)\b.*\b(?:now|today|place|ticket|free)\b|"
    r"\b(?:places are limited|registration (?:is )?(?:now )?open|to register|join us|"
    r"book (?:your|a) (?:place|ticket|seat)|tickets? (?:are|is) available)\b|"
    r"^(?:copyright|©)|\ball rights reserved\b|^editor[’']?s note\b|^dig deeper\b|"
    r"^sign up\b|\bnewsletter\b|^(?:click|tap) (?:here|for)\b|^(?:share|print) this\b|"
    r"^(?:published|updated|posted)\s*:?\s*\d",
    re.IGNORECASE,
)
# A sentence about the piece itself rather than its subject: how or where it was written or
# published, its title, "this blog", "a column of mine".
_ABOUT_PIECE = re.compile(
    r"\b(?:this|my|our|today['’]s|this week['’]s|last week['’]s|this month['’]s|the present|"
    r"the following|an earlier|a previous|a recent|another)\s+(?:(?:quite |very |fairly )?"
    r"(?:recent|earlier|previous|short|longer|weekly|monthly|guest|regular) )*"
    r"(?:blogs?|posts?|columns?|articles?|pieces?|essays?|blog ?posts?|intro(?:duction)?)\b"
    r"(?!\s*\d)(?!,? (?:suggests?|argues?|sets? out|explores?|examines?|looks? at|considers?|"
    r"proposes?|shows?|outlines?|describes?|asks?|makes? the case)\b)|"
    r"\bat the time of writing\b|"
    r"\b(?:for|in) (?:a|this|my) (?:\w+ ){0,2}(?:column|blog(?: ?post)?)\b|"
    r"\b(?:blogs?|posts?|columns?|articles?|pieces?|essays?) of (?:mine|ours)\b|"
    r"\bI(?:['’]ve| have| had)? (?:wrote|written|write|am writing|was writing|blogged)\b"
    r"(?! to\b)|"
    r"\b(?:first|originally|previously) (?:published|appeared|written|posted)\b"
    r"(?=.*\b(?:blog|column|website|newspaper|magazine|here)\b)|"
    r"\bwritten (?:\w+ ){0,6}(?:as|for) (?:a|an|the|my) (?:\w+ )?"
    r"(?:column|blog|post|article|piece|essay|newspaper|magazine|readership)\b|"
    r"\b(?:the|its|this|my|our) (?:title|headline)(?=\s*(?:[.!?;)]|$)|\s+of (?:this|my|the) "
    r"(?:blog|post|column|article|piece|essay))",
    re.IGNORECASE,
)
# Headings whose contents are not the article's body.
_BACK_MATTER = re.compile(
    r"^(?:references?|notes?|endnotes|footnotes|bibliography|sources?|further reading|"
    r"about the authors?|about the contributors?|biograph(?:y|ies)|author biograph(?:y|ies)|"
    r"acknowledge?ments?|picture credits?|image credits?|disclosure|declaration of interests?)"
    r"\s*:?$",
    re.IGNORECASE,
)
# A sentence that opens like this leans on the one before it.
_NEEDS_PREVIOUS = re.compile(
    r"^(?:however|but|and|or|nor|so|yet|also|thus|hence|therefore|moreover|furthermore|"
    r"meanwhile|instead|still|nevertheless|nonetheless|indeed|likewise|similarly|conversely|"
    r"consequently|accordingly|otherwise|besides|again|then|first(?:ly)?|second(?:ly)?|"
    r"third(?:ly)?|fourth(?:ly)?|finally|lastly|next|in addition|as a result|for example|"
    r"for instance|in this|in that|on the other hand|at the same time|even so|after all|"
    r"by contrast|in contrast|in turn|in short|in other words|that said|to this end|"
    r"put (?:simply|crudely|bluntly|briefly|plainly|differently|another way)|simply put|"
    r"to put it \w+|"
    r"this|these|that|those|they|them|their|theirs|it|its|he|she|his|her|him|such|"
    r"the latter|the former|both|neither|either|another|other|here|there,|somehow|"
    r"(?:none|all|much|most|some|each|any|one) of (?:this|these|that|those|them|it)|"
    # "Some 77 years later, …", "A month on, …", "Later, …": counted from a time said before.
    r"(?:(?:some|about|around|nearly|almost|just|only)\s+)?(?:an?|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|a few|"
    r"several|many|\d+)\s+(?:years?|months?|weeks?|days?|decades?)"
    r"\s+(?:later|on|after(?:wards)?)|later(?=,)|later on|soon after(?:wards)?|shortly after(?:wards)?)\b|"
    r"^[a-z]+ly,|^[a-z]+, (?:though|however|then|too|therefore),",  # "Crucially, …", "Somehow, though, …"
    re.IGNORECASE,
)
_SPEECH = re.compile(
    r"\b(?:said|says|argued|added|admitted|warned|told|asked|explained|noted|"
    r"concurred|agreed)\b"
)
_BIO = re.compile(
    r"^(?:(?:Dr|Prof|Professor|Cllr|Mr|Mrs|Ms|Sir|Dame)\.?\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+"
    r"(?:,\s*(?:and\s+)?(?:(?:Dr|Prof|Cllr)\.?\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+)*"
    r"\s+(?:is|are|was|were)\s+(?:an?|the|director|head|chief|professor|lecturer|reader|senior|"
    r"associate|academics?|researchers?|joint|currently|also|based)\b"
)


@dataclass
class Unit:
    """A sentence or bullet of the article, in reading order."""

    text: str
    index: int  # position among all units
    paragraph: int
    bullet: bool = False
    heading: bool = False
    back_matter: bool = False  # under a "References", "About the author" … heading
    first_in_paragraph: bool = False
    quoted: bool = False  # inside a block quotation

    @property
    def needs_previous(self) -> bool:
        """Opens with a connective or pronoun that only makes sense after the sentence before."""
        return needs_previous(self.text)


# Abbreviations a sentence goes on after ("… libraries, etc. and the rest"); a piece that
# opens in lower case after anything else is a sentence of its own ("iPads will …").
_GOES_ON_AFTER = ("etc.", "e.g.", "i.e.", "cf.", "viz.", "approx.")


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph, as segtok finds them ("Dr. Smith", "e.g.", "£3.2bn" and
    initials kept inside their sentence). segtok's rules are regular expressions: a 3,000-word
    article splits in about 10 ms."""
    from segtok.segmenter import split_single

    text = " ".join(paragraph.split())
    if not text:
        return []
    out: list[str] = []
    for piece in (p.strip() for p in split_single(text)):
        if (
            out
            and piece
            and (piece[0] in "–—-" or (piece[0].islower() and out[-1].endswith(_GOES_ON_AFTER)))
        ):
            out[-1] += " " + piece  # "… the Octagon, etc. – but …" goes on after "etc."
        elif piece:
            out.append(piece)
    return out


# A remark or an aside rather than a claim: "Yes, there are …", "… for starters, etc." (a
# hyphen marks one only with a space before it: "No-one knows …" and "Well-being …" are claims).
_REMARK = re.compile(
    r"^(?:yes|no|well|oh|ok(?:ay)?|sure|true|granted|mind you|incidentally|by the way|"
    r"as it happens|of course)\b(?:\s*[,!—–]|\s+-)|"
    r"\b(?:etc|for starters|and so on|and so forth|and what have you)\b\W*$",
    re.IGNORECASE,
)


def is_remark(sentence: str) -> bool:
    """A remark or an aside ("Yes, there are loads of …", "… for starters, etc."): no claim
    to summarise or draft from."""
    return bool(_REMARK.search(sentence.strip()))


def needs_previous(sentence: str) -> bool:
    return bool(_NEEDS_PREVIOUS.match(sentence.lstrip("“‘\"'(")))


def is_back_matter_heading(text: str) -> bool:
    return bool(_BACK_MATTER.match(text.strip().lstrip("#").strip()))


def units(text: str) -> list[Unit]:
    """The article as sentences, list items and headings in reading order."""
    out: list[Unit] = []
    back = False
    for number, block in enumerate(blocks(text)):
        if block.kind == "heading" or (block.kind == "paragraph" and is_heading(block.text)):
            back = is_back_matter_heading(block.text)
            out.append(
                Unit(block.text.lstrip("# "), len(out), number, heading=True, back_matter=back)
            )
            continue
        if block.kind == "item":
            out.append(
                Unit(
                    block.text,
                    len(out),
                    number,
                    bullet=True,
                    back_matter=back,
                    first_in_paragraph=True,
                )
            )
            continue
        for position, sentence in enumerate(split_sentences(block.text)):
            out.append(
                Unit(
                    sentence,
                    len(out),
                    number,
                    back_matter=back,
                    first_in_paragraph=position == 0,
                    quoted=block.kind == "quote",
                )
            )
    return out


def is_heading(text: str) -> bool:
    text = text.strip()
    if text.startswith("#"):
        return True
    return len(text.split()) <= 14 and not text.rstrip("”’\"')").endswith((".", "!", ",", ";", ":"))


def is_unofferable(text: str) -> bool:
    """Bios, credits, "first appeared" lines, references, sign-up links and sentences about
    the piece itself (its writing, publication or title): never suggested."""
    return bool(
        _SKIP.search(text)
        or _BIO.match(text)
        or _ABOUT_PIECE.search(text)
        or "http" in text
        or "www." in text
    )


# Words inside quotation marks (not an apostrophe): a quotation, a slogan or a quoted title.
_QUOTED_SPAN = re.compile(
    r"(?:^|[\s(:—–-])[“\"‘'](?=\w)[^“”\"]{15,}?[\w.,!?…][”\"’'](?=[\s.,;:!?)]|$)"
)


def is_quote(text: str) -> bool:
    """Starts with a quotation, quotes three words or more, or is mostly quoted words: the
    drafts never put words in the author's mouth that are someone else's."""
    if text[:1] in _QUOTE_OPEN:
        return True
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return True  # a piece of a quotation the sentence split cut off
    opens = re.findall(r"(?:^|[\s:(—–-])[‘“\"]", text)
    if opens and (
        _SPEECH.search(text) or text.count("“") != text.count("”") or text.count('"') % 2
    ):
        return True  # reported speech, or a quotation cut off by the sentence split
    if _QUOTED_SPAN.search(text):
        return True
    quoted = sum(len(m) for m in re.findall(r"[“\"][^”\"]{12,}[”\"]", text))
    return quoted > 0.4 * len(text)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@cache
def _stemmer() -> _Stemmer:
    import snowballstemmer

    stemmer: _Stemmer = snowballstemmer.stemmer("english")
    return stemmer


class _Stemmer(Protocol):
    """What this module uses of snowballstemmer (it has no type hints)."""

    def stemWord(self, word: str) -> str: ...  # the library's name


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a word: "councils", "council's" → "council"."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return _stemmer().stemWord(word)


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
    """How much each sentence shares with the rest (LexRank degree, weighted by similarity),
    scaled so the most central is 1. Dot products are summed term by term (an inverted index),
    so a long article costs the number of shared words, not every pair of sentences."""
    totals = [0.0] * len(vectors)
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings.setdefault(term, []).append((i, weight))
    for entries in postings.values():
        mass = sum(w for _i, w in entries)
        for i, w in entries:
            totals[i] += w * (mass - w)  # this term's share of the sentence's dot products
    top = max(totals, default=0.0) or 1.0
    return [s / top for s in totals]


# A sentence that mentions one of these without naming it ("the council", "its chief executive")
# says something about a subject named elsewhere: it is offered only with the sentence that names
# it, when the article names more than one.
_GENERIC = (
    "council",
    "authority",
    "borough",
    "think tank",
    "think-tank",
    "report",
    "committee",
    "party",
    "scheme",
    "book",
    "study",
    "minister",
    "institute",
    "association",
    "charity",
    "authors",
    "editors",
    "researchers",
    "paper",
    "plan",
    "body",
    "leader",
    "chief executive",
    "spokesperson",
    "spokesman",
    "spokeswoman",
)
_REFERS = re.compile(
    r"\b(?:the|its|their|this|that)\s+(" + "|".join(re.escape(g) for g in _GENERIC) + r")\b"
)
_OWNER = re.compile(r"(?:^|,\s+|\s—\s|\s–\s)\s*(?:its|their|his|her)\s+[a-z]", re.IGNORECASE)


_GENERIC_OPENING = re.compile(
    r"^(?:The|Its|Their)\s+(" + "|".join(re.escape(g) for g in _GENERIC) + r")\b"
)
_SHORT_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Prof)\.? [A-Z][\w’'\-]+(?! [A-Z])")
# "… thinks so." / "… does this." : the sentence ends on what the one before said.
_ENDS_LEANING = re.compile(
    r"\b(?:thinks?|think|does|do|did|says?|said|agrees?) (?:so|this|that|it)"
    r"[.!?]?$"
)


def always_capitalised(texts: list[str]) -> set[str]:
    """Words (lower-cased) the article capitalises every time they stand inside a sentence:
    names of people, places and bodies."""
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        for word in re.findall(r"[A-Za-z][\w’'\-]*", text)[1:]:
            (capital if word[0].isupper() else lower)[word.lower()] += 1
    return {w for w in capital if not lower[w]}


_NAMED_GENERIC = re.compile(
    r"((?:[A-Z][\w’'\-]+\s+(?:and\s+|of\s+|upon\s+)?)+)("
    + "|".join(re.escape(g.title()) for g in _GENERIC)
    + r")\b"
)


def generics_named(texts: list[str]) -> set[str]:
    """The generic nouns ("council", "committee") the article names more than one of
    ("Bradford Council", "Warrington Borough Council")."""
    names: dict[str, set[str]] = {}
    for match in _NAMED_GENERIC.finditer("\n".join(texts)):
        names.setdefault(match.group(2).lower(), set()).add(match.group(1).strip())
    return {g for g, found in names.items() if len(found) > 1}


def refers_back(sentence: str, ambiguous: set[str]) -> bool:
    """Speaks of "the council", "the report" … when the article names several (and this sentence
    names none), of "its chief executive" at the start of a clause, or of "Mr Godfrey" (someone
    introduced earlier by full name): true when what it says needs the subject named before."""
    if _OWNER.search(sentence) or _SHORT_NAME.search(sentence) or _ENDS_LEANING.search(sentence):
        return True
    opening = _GENERIC_OPENING.match(sentence)
    if opening and not re.search(
        r"[A-Z][\w’'\-]+\s+" + re.escape(opening.group(1).title()) + r"\b", sentence
    ):
        return True  # "The report said …", "The council is …": which one?
    for match in _REFERS.finditer(sentence):
        generic = match.group(1)
        named = re.search(r"[A-Z][\w’'\-]+\s+" + re.escape(generic.title()) + r"\b", sentence)
        if generic in ambiguous and not named:
            return True
    return False


def paragraph_numbers(units: Sequence[Unit]) -> dict[int, int]:
    """Block number → paragraph number counted from 1, headings not counted: for all the units,
    the paragraph a reader would count to in the article."""
    numbers: dict[int, int] = {}
    for unit in units:
        if not unit.heading and unit.paragraph not in numbers:
            numbers[unit.paragraph] = len(numbers) + 1
    return numbers


@lru_cache(maxsize=4)
def cached_units(text: str) -> tuple[Unit, ...]:
    """`units(text)`, kept for the last few articles: the summary, the implications and the
    themes of one article read it once."""
    return tuple(units(text))
