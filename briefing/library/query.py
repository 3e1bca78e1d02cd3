"""What an officer types, made into full-text queries: the words as typed, their English forms
(merger, merged, mergers), the last word as a prefix once it has three letters, and a "did you
mean" drawn from the library's own words for a misspelling or a US spelling.

    words("Councillor workloads")  -> [Word("councillor"), Word("workloads")]
    exact(words)                   -> '"councillor" "workloads"'       (FTS5 syntax, safe)
    forms(word, terms_from)        -> ["workload", "workloads", …]   (same English stem)
    correction(word, terms_from)   -> "councillor" for "councilor", "" when nothing is close

Only letters and digits ever reach FTS5, so operators, quotes and brackets typed by the user
(`AI AND "`, `NEAR(`) are plain words or nothing, never syntax.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    # (low, high) -> the library's words w with low <= w < high, with how many articles hold each
    TermsFrom = Callable[[str, str], list[tuple[str, int]]]

PREFIX_FROM = 3  # a last word shorter than this is matched whole: "AI" never finds "aims"
_TOKEN = re.compile(r"[^\W_]+")
# US spellings and their British forms, tried before the nearest word by letters.
_US_UK = (
    (r"or$", "our"),
    (r"ors$", "ours"),
    (r"ize$", "ise"),
    (r"izes$", "ises"),
    (r"ized$", "ised"),
    (r"izing$", "ising"),
    (r"ization$", "isation"),
    (r"izations$", "isations"),
    (r"yze$", "yse"),
    (r"yzed$", "ysed"),
    (r"er$", "re"),
    (r"ers$", "res"),
    (r"og$", "ogue"),
    (r"ogs$", "ogues"),
    (r"am$", "amme"),
    (r"ams$", "ammes"),
    (r"ense$", "ence"),
    (r"([aeiou])l(ed|ing|er|ers|or|ors)$", r"\1ll\2"),
    (r"ment$", "ement"),
)


class Word(NamedTuple):
    """One chunk the user typed: a word, or a phrase when it holds several ("covid-19")."""

    tokens: tuple[str, ...]

    @property
    def single(self) -> str:
        return self.tokens[0] if len(self.tokens) == 1 else ""

    def quoted(self) -> str:
        return '"' + " ".join(self.tokens) + '"'


def fold(text: str) -> str:
    """Lower case without accents, as the index stores words (unicode61, remove_diacritics)."""
    text = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def words(text: str) -> list[Word]:
    out: list[Word] = []
    for chunk in text.split():
        if chunk == "AND":
            continue  # words are all required anyway; "AND" typed as an operator means that
        tokens = tuple(fold(t) for t in _TOKEN.findall(chunk))
        if tokens:
            out.append(Word(tokens))
    return out


def prefix_wanted(text: str, typed: list[Word]) -> bool:
    """The last word is still being typed (no space after it) and has three letters or more."""
    return bool(
        typed and text and not text[-1].isspace() and len(typed[-1].tokens[-1]) >= PREFIX_FROM
    )


def exact(typed: Sequence[Word], prefix: bool = False) -> str:
    parts = [w.quoted() for w in typed]
    if parts and prefix:
        parts[-1] += "*"
    return " ".join(parts)


def with_forms(typed: Sequence[Word], forms_of: dict[str, list[str]], prefix: bool = False) -> str:
    """Every word as any of its English forms ("merger" OR "merged" …); the last a prefix too."""
    parts = []
    for n, word in enumerate(typed):
        options = [word.quoted()]
        options += [f'"{f}"' for f in forms_of.get(word.single, []) if f != word.single]
        if prefix and n == len(typed) - 1:
            options.append(word.quoted() + "*")
        parts.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    return " AND ".join(parts)


class _Stemmer(Protocol):  # snowballstemmer has no type information
    def stemWord(self, word: str) -> str: ...  # its name, as snowballstemmer spells it


@lru_cache(maxsize=1)
def _stemmer() -> _Stemmer:
    """Loaded with the first search that looks for other forms of a word, not with the app."""
    import snowballstemmer

    stemmer: _Stemmer = snowballstemmer.stemmer("english")
    return stemmer


@lru_cache(maxsize=65536)
def stem_key(word: str) -> str:
    """Words with the same key are forms of one English word: the Snowball (Porter 2) stem, with
    an agent "-er" taken off too so that "merger" meets "merged" and "manager" "managed"."""
    stem = str(_stemmer().stemWord(word))
    if stem.endswith("er") and len(stem) >= 6:
        stem = stem[:-2]
    return stem


def forms(word: str, terms_from: TermsFrom) -> list[str]:
    """The library's words that are forms of `word` (itself included when the library has it)."""
    if not word.isalpha() or len(word) < PREFIX_FROM:
        return []
    key = stem_key(word)
    start = _common_start(key, word)
    if len(start) < PREFIX_FROM:
        return []
    return [term for term, _ in terms_from(start, start + "\uffff") if stem_key(term) == key]


def starts_every_form(word: str) -> bool:
    """Every form forms() could find for `word` starts with `word` itself ("len", not
    "merger", whose forms include "merged")."""
    return stem_key(word).startswith(word)


def correction(word: str, terms_from: TermsFrom) -> str:
    """The library's word a misspelt or US-spelt `word` most likely means, or "" (the word is
    the library's own, or nothing is close enough)."""
    if not word.isalpha() or len(word) < 4 or terms_from(word, word + "\x00"):
        return ""
    for pattern, replacement in _US_UK:
        british = re.sub(pattern, replacement, word)
        for form in (british, british + "s"):  # the library may hold only the plural
            if british != word and terms_from(form, form + "\x00"):
                return form
    candidates = {
        term: count
        for term, count in terms_from(word[:2], word[:2] + "\uffff")
        if abs(len(term) - len(word)) <= 2 and term.isalpha()
    }
    import difflib  # only for a search that finds nothing as typed

    close = difflib.get_close_matches(word, list(candidates), n=5, cutoff=0.8)
    if not close:
        return ""
    ratios = {c: difflib.SequenceMatcher(None, word, c).ratio() for c in close}
    best = max(ratios.values())
    # Of the closest words (as close as each other), the one most articles use.
    return max((c for c in close if ratios[c] >= best - 0.01), key=lambda c: candidates[c])


def _common_start(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
