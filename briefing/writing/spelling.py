"""Spelling in UK English (and Welsh): which words of a text are misspelt, and what to write.

The engine is Hunspell (the `chunspell` wheel, which carries its own compiled Hunspell: no
system library) with the dictionaries shipped in assets/dictionaries: LibreOffice's en_GB and
Bangor University's cy_GB. Nothing is downloaded. A dictionary takes a moment to load, so the
app loads it off the UI thread (`Speller.load`); answers are cached per word.

Suggestions come first from the words one edit away (a letter added, dropped, changed or two
swapped: most typing slips), which takes milliseconds; Hunspell's own, fuller search (which can
take a second on a busy laptop) runs only when none of those is a word.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from briefing.errors import BriefingError
from briefing.resources import asset

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from hunspell import Hunspell

# Item language codes (the pack's `language:`) -> the dictionary that checks them.
DICTIONARIES = {"en": "en_GB", "cy": "cy_GB"}
LANGUAGE_NAMES = {"en": "English (UK)", "cy": "Welsh (Cymraeg)"}
SUGGESTIONS = 6

# A run of word characters with inner apostrophes and hyphens ("council's", "well-being");
# runs that hold a digit or an underscore (s151, 2026, file_name) are not words to check.
_TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Addresses typed into text: never words to check.
_SKIP = re.compile(r"(?i)(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\S+\.(?:uk|com|org)\b\S*")


def dictionary_files(language: str = "en") -> tuple[str, str]:
    """The .aff and .dic of a language's shipped dictionary."""
    name = DICTIONARIES.get(language, DICTIONARIES["en"])
    folder = asset("dictionaries")
    return str(folder / f"{name}.aff"), str(folder / f"{name}.dic")


class Speller:
    """Hunspell for one language, safe to share between threads (calls are serialised)."""

    def __init__(self, language: str = "en") -> None:
        self.language = language if language in DICTIONARIES else "en"
        self._engine: Hunspell | None = None
        self._lock = threading.Lock()
        self._known: dict[str, bool] = {}
        self._suggested: dict[str, tuple[str, ...]] = {}
        self._try = "abcdefghijklmnopqrstuvwxyz"

    def load(self) -> None:
        """Load the dictionary now (the first check otherwise does): about a second."""
        with self._lock:
            self._load()

    @property
    def loaded(self) -> bool:
        return self._engine is not None

    def _load(self) -> Hunspell:
        if self._engine is None:
            from hunspell import Hunspell, HunspellFilePathError

            aff, _ = dictionary_files(self.language)
            name = DICTIONARIES[self.language]
            try:
                self._engine = Hunspell(name, hunspell_data_dir=os.path.dirname(aff),
                                        system_encoding="UTF-8" if os.name == "nt" else None)
            except (HunspellFilePathError, OSError) as exc:
                raise BriefingError(f"The {LANGUAGE_NAMES[self.language]} dictionary cannot be "
                                    f"read ({exc}); reinstall Briefing.") from exc
            self._try = _try_letters(aff) or self._try
        return self._engine

    def is_word(self, word: str) -> bool:
        """Whether the dictionary knows `word` (as typed: "Council" at a sentence's start is
        fine, "london" is not)."""
        word = word.replace("’", "'")
        known = self._known.get(word)
        if known is None:
            with self._lock:
                known = bool(self._load().spell(word))
            if len(self._known) > 200_000:
                self._known.clear()
            self._known[word] = known
        return known

    def known(self, word: str) -> bool | None:
        """The cached answer for `word`, or None when it has not been looked up: never waits
        for the dictionary (the app's underlining asks this as the officer types)."""
        return self._known.get(word.replace("’", "'"))

    def suggest(self, word: str, limit: int = SUGGESTIONS) -> tuple[str, ...]:
        """Words to offer instead of `word`, best first (none when nothing is close)."""
        word = word.replace("’", "'")
        found = self._suggested.get(word)
        if found is None:
            found = tuple(self._near(word)[:limit])
            if not found:
                with self._lock:
                    found = tuple(s for s in self._load().suggest(word) if s != word)[:limit]
            self._suggested[word] = found
        return found

    def _near(self, word: str) -> list[str]:
        """Words one edit from `word`, in the order a typing slip most likely made them:
        two letters swapped, a letter doubled or added, a letter missed, then one changed."""
        lower = word.lower()
        letters = self._try
        swaps = [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)]
        inserts = [word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters]
        deletes = [word[:i] + word[i + 1:] for i in range(len(word))]
        changes = [word[:i] + c + word[i + 1:] for i in range(len(word)) for c in letters
                   if c != lower[i]]
        splits = [f"{word[:i]} {word[i:]}" for i in range(1, len(word))]
        seen = {word}
        found: list[str] = []
        for candidate in (*swaps, *deletes, *inserts, *changes):
            if candidate not in seen and len(candidate) > 1:
                seen.add(candidate)
                if self.is_word(candidate):
                    found.append(candidate)
        for pair in splits:
            first, second = pair.split(" ")
            if (len(first) > 1 or first.lower() == "a") and len(second) > 1 \
                    and self.is_word(first) and self.is_word(second):
                found.append(pair)
        # Keep the first letter where possible: people rarely mistype it.
        return sorted(found, key=lambda s: s[:1].lower() != lower[:1])


def _try_letters(aff: str) -> str:
    """The letters the dictionary says are worth trying (its TRY line), lower case only."""
    try:
        with open(aff, encoding="utf-8-sig") as stream:
            for line in stream:
                if line.startswith("TRY "):
                    return "".join(dict.fromkeys(c for c in line[4:].strip()
                                                 if c.isalpha() and c.islower()))
    except (OSError, UnicodeDecodeError):
        pass
    return ""


@cache
def speller(language: str = "en") -> Speller:
    """The one speller of a language in this process (its dictionary loads once)."""
    return Speller(language if language in DICTIONARIES else "en")


@dataclass(frozen=True)
class WordSet:
    """Words to accept whatever the dictionary says: the team's word list, the built-in
    local-government terms and the words ignored in a pack. An entry in lower case also
    accepts the word with a capital (at a sentence's start); "Gwynedd" accepts "Gwynedd's"."""

    words: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *groups: Iterable[str]) -> WordSet:
        return cls(frozenset(w.strip().replace("’", "'") for g in groups for w in g
                             if w.strip()))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        word = word.replace("’", "'")
        for form in (word, word[:-2] if word.endswith("'s") else ""):
            if form and (form in self.words
                         or (form[:1].isupper() and form[:1].lower() + form[1:] in self.words)):
                return True
        return False


def words_to_check(text: str) -> Iterator[tuple[int, str]]:
    """(offset, word) for each word of `text` a speller should look at: not addresses, not
    words holding digits (s151, 2026), not words in capitals (acronyms: NHS, LGA), not single
    letters. A hyphenated word comes whole ("well-being"); the caller may check its parts."""
    skipped = [(m.start(), m.end()) for m in _SKIP.finditer(text)] if (
        "/" in text or "@" in text or "www" in text or "." in text) else []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if any(c.isdigit() or c == "_" for c in token):
            continue
        if skipped and any(a <= match.start() < b for a, b in skipped):
            continue
        start = match.start()
        # Quotation marks typed as apostrophes: 'like this'
        stripped = token.strip("'’")
        start += len(token) - len(token.lstrip("'’"))
        bare = stripped[:-2] if stripped.endswith(("'s", "’s")) else stripped
        if len(bare) < 2 or bare.replace("-", "").isupper():
            continue
        yield start, stripped


def misspelt(text: str, is_word: Callable[[str], bool],
             accepted: WordSet = WordSet()) -> Iterator[tuple[int, str]]:
    """(offset, word) for each misspelt word of `text`, by `is_word` (a Speller's, or one that
    answers from its cache only). A hyphenated word is fine when the dictionary knows it whole
    or knows each of its parts; otherwise each unknown part is reported on its own."""
    for offset, word in words_to_check(text):
        if word in accepted or is_word(word):
            continue
        if "-" not in word:
            yield offset, word
            continue
        for part in _LETTERS.finditer(word):
            piece = part.group()
            if len(piece) > 1 and not piece.isupper() and piece not in accepted \
                    and not is_word(piece):
                yield offset + part.start(), piece
