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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

HARD = 30  # below this a summary is very hard going: say so in the checks
PLAIN = 60  # at or above this, plain English

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
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


def reading_ease(sentences: Sequence[str]) -> Ease | None:
    """The reading ease of these sentences (None when they hold no words)."""
    total_words = total_syllables = longest = counted = 0
    long_words: dict[str, int] = {}
    for sentence in sentences:
        words = _WORD.findall(sentence)
        if not words:
            continue
        counted += 1
        longest = max(longest, len(words))
        for word in words:
            n = syllables(word)
            total_words += 1
            total_syllables += n
            if n >= 4 or (n >= 3 and len(word) >= 11):
                long_words.setdefault(word.lower(), n)
    if not total_words:
        return None
    score = 206.835 - 1.015 * total_words / counted - 84.6 * total_syllables / total_words
    hardest = sorted(long_words, key=lambda w: (-long_words[w], -len(w), w))[:5]
    return Ease(round(score, 1), total_words, counted, tuple(hardest), longest)
