"""Reading ease: the Flesch score of a text (0 hard to 100 easy) and the words that lower it.

Flesch reading ease = 206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word).
Plain English for the public scores 60 or more; below 30 is very hard going (academic or
legal text). Syllables are counted by the usual vowel-group rule with English's silent-e and
-le endings: exact for most words, within one for the rest, which is what the score needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import TYPE_CHECKING

from briefing.writing.ascii_text import HELD_APOSTROPHE, ascii_bytes

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

HARD = 30  # below this a summary is very hard going: say so in the checks
PLAIN = 60  # at or above this, plain English

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# The same words in ASCII text (or its stand-in: see ascii_bytes), read in C: a letter or
# an apostrophe stays, anything else becomes a space.
_ASCII_LETTERS = bytes(
    b if b < 128 and (chr(b).isalpha() or chr(b) in "'" + HELD_APOSTROPHE) else 32
    for b in range(256)
)
_APOSTROPHES_ALIKE = bytes.maketrans(HELD_APOSTROPHE.encode(), b"'")
_VOWELS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in an English word (at least 1)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return 1
    if len(w) <= 3:
        return 1
    count = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # silent e: "make", "service"
    elif w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy" and count == 1:
        count += 1  # "table"
    if re.search(r"[^aeiouy]ed$", w) and not w.endswith(("ted", "ded")) and count > 1:
        count -= 1  # "worked", "planned"
    # Vowel pairs read as two syllables: "society", "variation", "radio", "dual" (not the
    # one-syllable "-tion", "-ious").
    count += len(re.findall(r"(?:(?<![ct])ia|io(?![nu])|iu|ua|uo|ie(?=t))", w))
    return max(1, count)


@dataclass(frozen=True)
class Ease:
    score: float  # Flesch reading ease, rounded to a whole number for people
    words: int
    sentences: int
    hard_words: tuple[str, ...]  # the longest words, most syllables first (at most five)
    longest_sentence: int  # words in the longest sentence

    def label(self) -> str:
        """The band in words: "plain English", "fairly hard", "hard", "very hard"."""
        if self.score >= PLAIN:
            return "plain English"
        if self.score >= 50:
            return "fairly hard"
        if self.score >= HARD:
            return "hard"
        return "very hard"


def words_of(sentence: str) -> list[str]:
    """The words the score counts (_WORD), in order."""
    letters = _letters(sentence)
    return _WORD.findall(sentence) if letters is None else letters.split()


def paragraph_words(text: str, sentences: Iterable[tuple[int, str]]) -> list[list[str]]:
    """words_of each of a paragraph's sentences, given as (offset, sentence) (each starting
    and ending between words, as the checks split them), read from the paragraph at once."""
    letters = _letters(text)
    if letters is None:
        return [words_of(sentence) for _, sentence in sentences]
    found = []
    for offset, sentence in sentences:
        begin = text.find(sentence, offset)  # a first sentence may follow white space
        found.append(letters[begin : begin + len(sentence)].split())
    return found


def _letters(text: str) -> str | None:
    """`text` with every character that is no part of a word (_WORD) as a space, for the
    words to be split off in C; None unless it is ASCII or its stand-in (see ascii_bytes) and
    every apostrophe in it stands between two letters, joining them."""
    data = None if HELD_APOSTROPHE in text else ascii_bytes(text, HELD_APOSTROPHE)
    if data is None:
        return None
    letters = data.translate(_ASCII_LETTERS)
    joins = letters.translate(_APOSTROPHES_ALIKE)
    if (
        b"''" in joins
        or b" '" in joins
        or b"' " in joins
        or joins.startswith(b"'")
        or joins.endswith(b"'")
    ):
        return None
    return letters.decode("ascii").replace(HELD_APOSTROPHE, "’")


class _Known(dict[str, int]):
    """A word's figure, worked out once (a map's lookup at C speed: quicker than a function's
    cache for every word of every summary), for the last 65,536 words or so."""

    def __init__(self, figure: Callable[[str], int]) -> None:
        super().__init__()
        self._figure = figure

    def __missing__(self, word: str) -> int:
        if len(self) >= 65536:
            self.clear()
        found = self[word] = self._figure(word)
        return found


def _hardness(word: str) -> int:
    """1 for a word that lowers the score most (four syllables or more, or three in a long
    word), else 0."""
    n = syllables(word)
    return int(n >= 4 or (n >= 3 and len(word) >= 11))


_SYLLABLES = _Known(syllables)
_HARD = _Known(_hardness)


def reading_ease(sentences: Sequence[str]) -> Ease | None:
    """The reading ease of these sentences (None when they hold no words)."""
    return ease_of(map(words_of, sentences))


def ease_of(sentences: Iterable[list[str]]) -> Ease | None:
    """The reading ease of sentences given by their words (words_of each)."""
    counted = longest = 0
    said: list[str] = []
    for words in sentences:
        if words:
            counted += 1
            longest = max(longest, len(words))
            said += words
    if not said:
        return None
    total_words, total_syllables = len(said), sum(map(_SYLLABLES.__getitem__, said))
    hard = set(compress(said, map(_HARD.__getitem__, said)))
    long_words = {word.lower(): _SYLLABLES[word] for word in hard}
    score = 206.835 - 1.015 * total_words / counted - 84.6 * total_syllables / total_words
    hardest = sorted(long_words, key=lambda w: (-long_words[w], -len(w), w))[:5]
    return Ease(round(score, 1), total_words, counted, tuple(hardest), longest)
