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
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from briefing.errors import BriefingError
from briefing.files.shipped import asset
from briefing.writing.ascii_text import HELD_APOSTROPHE as _HELD
from briefing.writing.ascii_text import ascii_bytes
from briefing.writing.spelling_memory import KEEP_EVERY_S, Answers, keep, memory_file, recall

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from pathlib import Path

    from hunspell import Hunspell

# Item language codes (the pack's `language:`) -> the dictionary that checks them.
DICTIONARIES = {"en": "en_GB", "cy": "cy_GB"}
LANGUAGE_NAMES = {"en": "English (UK)", "cy": "Welsh (Cymraeg)"}
SUGGESTIONS = 6
# No dictionary word is longer (the longest English ones run to 45 letters). A longer run of
# letters is a pasted code, address or keyboard slip that the long-words check warns of: it is
# not spell-checked, and trying every edit of it would take gigabytes.
LONGEST_WORD = 60

# A run of word characters with inner apostrophes and hyphens ("council's", "well-being");
# runs that hold a digit or an underscore (s151, 2026, file_name) are not words to check.
_TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
# The same tokens in ASCII text (or its stand-in: see ascii_bytes), read in C: a word
# character, an apostrophe or a hyphen stays, anything else becomes a space (a hyphen at either
# end of what is left is no part of a token).
_ASCII_TOKEN_BYTES = bytes(
    b if b < 128 and (chr(b).isalnum() or chr(b) in "_'-" + _HELD) else 32 for b in range(256)
)
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Addresses typed into text: never words to check.
_SKIP = re.compile(
    r"(?i)(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[\w.-]+\.(?:uk|com|org)\b\S*"
)
_ADDRESS_MARKS = ("://", "www.", "WWW.", "@", ".uk", ".com", ".org", ".UK", ".COM", ".ORG")


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
        self._known: dict[str, bool] = {}  # the words asked about
        self._tried: dict[str, bool] = {}  # the words tried for suggestions
        self._suggested: dict[str, tuple[str, ...]] = {}
        self._nearby: dict[str, tuple[str, ...]] = {}  # the words one edit away
        self._try = "abcdefghijklmnopqrstuvwxyz"
        # The answers of earlier runs (read at the first word not answered in this one) and
        # those worked out since, to keep for the next (see spelling_memory and remember).
        self._recalled = False
        self._new = Answers()
        self._kept_at: float | None = None  # (time.monotonic) when answers were last kept

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

            aff, dic = dictionary_files(self.language)
            name = DICTIONARIES[self.language]
            try:
                with _without_number_rules(name, aff, dic) as folder:
                    self._engine = Hunspell(
                        name,
                        hunspell_data_dir=folder,
                        system_encoding="UTF-8" if os.name == "nt" else None,
                    )
            except (HunspellFilePathError, OSError) as exc:
                raise BriefingError(
                    f"The {LANGUAGE_NAMES[self.language]} dictionary cannot be "
                    f"read ({exc}); reinstall Briefing."
                ) from exc
            self._try = _try_letters(aff) or self._try
        return self._engine

    def is_word(self, word: str) -> bool:
        """Whether the dictionary knows `word` (as typed: "Council" at a sentence's start is
        fine, "london" is not)."""
        word = word.replace("’", "'")
        known = self._known.get(word)
        if known is None:
            with self._lock:
                self._recall()
                known = self._known.get(word)
                if known is None:
                    known = self._tried.get(word)
                    if known is None:
                        known = bool(self._load().spell(word))
                    self._new.known[word] = known
            if len(self._known) > 200_000:
                self._known.clear()
                self._tried.clear()
                self._new = Answers()
            self._known[word] = known
        return known

    def _memory_file(self) -> Path | None:
        name = DICTIONARIES[self.language]
        return memory_file(name, *dictionary_files(self.language), code=__file__)

    def _recall(self) -> None:
        """Take in the answers kept by earlier runs, once (the caller holds the lock)."""
        if not self._recalled:
            self._recalled = True
            kept = recall(self._memory_file())
            for word, known in kept.known.items():
                self._known.setdefault(word, known)
            for word, near in kept.nearby.items():
                self._nearby.setdefault(word, near)

    def remember(self) -> None:
        """Keep the answers worked out in this run for the next (the pack checks call this
        when done): a later run meeting only these words never loads the dictionary. In a
        long session, at most every KEEP_EVERY_S (the answers wait in memory till then)."""
        with self._lock:
            now = time.monotonic()
            if self._kept_at is not None and now - self._kept_at < KEEP_EVERY_S:
                return
            new, self._new, self._kept_at = self._new, Answers(), now
        keep(self._memory_file(), new)

    def _are_words(self, words: list[str]) -> list[bool]:
        """is_word for many words under one hold of the lock (suggestions try hundreds)."""
        known, tried = self._known, self._tried
        with self._lock:
            engine = self._load()
            answers = []
            for word in words:
                answer = known.get(word)
                if answer is None:
                    answer = tried.get(word)
                    if answer is None:
                        answer = tried[word] = bool(engine.spell(word))
                answers.append(answer)
        return answers

    def known(self, word: str) -> bool | None:
        """The cached answer for `word`, or None when it has not been looked up: never waits
        for the dictionary (the app's underlining asks this as the officer types)."""
        word = word.replace("’", "'")
        known = self._known.get(word)
        return self._tried.get(word) if known is None else known

    def suggest(
        self, word: str, limit: int = SUGGESTIONS, thorough: bool = True
    ) -> tuple[str, ...]:
        """Words to offer instead of `word`, best first (none when nothing is close). The
        words one edit away come first; when there are none, Hunspell's own search runs if
        `thorough` (it can take a second: the app runs it on its worker)."""
        word = word.replace("’", "'")
        if len(word) > LONGEST_WORD:
            return ()
        found = self._suggested.get(word)
        if found is None:
            # The words one edit away are worked out once per word, found or not: a name
            # the dictionary lacks may be in a pack hundreds of times.
            found = self._nearby.get(word)
            if found is None:
                with self._lock:
                    self._recall()
                found = self._nearby.get(word)
            if found is None:
                found = self._nearby[word] = tuple(self._near(word)[:limit])
                if limit == SUGGESTIONS:
                    self._new.nearby[word] = found
            if not found and not thorough:
                return ()
            if not found:
                with self._lock:
                    found = tuple(s for s in self._load().suggest(word) if s != word)[:limit]
            self._suggested[word] = found
        return found

    def searched(self, word: str) -> bool:
        """Whether `suggest` has an answer for `word` with no search left to run."""
        return word.replace("’", "'") in self._suggested

    def _near(self, word: str) -> list[str]:
        """Words one edit from `word`: first by the slips people make (a vowel for another, a
        key beside the one meant, a letter doubled or missed, two swapped), then by any
        letter."""
        return self._edits(word, likely=True) or self._edits(word, likely=False)

    def _edits(self, word: str, likely: bool) -> list[str]:
        """Words one edit from `word`, in the order a typing slip most likely made them:
        two letters swapped, a letter doubled or added, a letter missed, then one changed.
        With `likely`, only the letters a slip would put there are tried (a third as many
        lookups)."""
        lower = word.lower()
        if likely:
            near = [_likely_letters(lower, i) for i in range(len(word) + 1)]
            inserts = [
                word[:i] + c + word[i:] for i in range(len(word) + 1) for c in sorted(near[i])
            ]
            changes = [
                word[:i] + c + word[i + 1 :]
                for i in range(len(word))
                for c in sorted(_instead(lower[i]))
                if c != lower[i]
            ]
        else:
            letters = self._try
            inserts = [word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters]
            changes = [
                word[:i] + c + word[i + 1 :]
                for i in range(len(word))
                for c in letters
                if c != lower[i]
            ]
        swaps = [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]
        deletes = [word[:i] + word[i + 1 :] for i in range(len(word))]
        splits = [f"{word[:i]} {word[i:]}" for i in range(1, len(word))]
        candidates = [
            c
            for c in dict.fromkeys((*swaps, *deletes, *inserts, *changes))
            if c != word and len(c) > 1
        ]
        found = [
            c for c, known in zip(candidates, self._are_words(candidates), strict=True) if known
        ]
        for pair in splits:
            first, second = pair.split(" ")
            if (
                (len(first) > 1 or first.lower() == "a")
                and len(second) > 1
                and self.is_word(first)
                and self.is_word(second)
            ):
                found.append(pair)
        # Keep the first letter where possible: people rarely mistype it.
        return sorted(found, key=lambda s: s[:1].lower() != lower[:1])


# The en_GB dictionary's compound rules serve ordinal numbers only ("21st", "112th"). Briefing
# never checks a token holding a digit, and those rules make Hunspell's every look-up of a
# non-word three times slower: each suggestion tries hundreds of non-words.
_NUMBER_RULES = (b"COMPOUNDMIN", b"COMPOUNDRULE", b"ONLYINCOMPOUND")


@contextmanager
def _without_number_rules(name: str, aff: str, dic: str) -> Iterator[str]:
    """The folder to load dictionary `name` from: its own, or when its .aff has compound
    rules, a temporary copy without them (the shipped files are left as they are)."""
    with open(aff, "rb") as stream:
        lines = stream.read().splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(_NUMBER_RULES)]
    if len(kept) == len(lines):
        yield os.path.dirname(aff)
        return
    with tempfile.TemporaryDirectory(prefix="briefing-dictionary-") as folder:
        with open(os.path.join(folder, f"{name}.aff"), "wb") as stream:
            stream.write(b"".join(kept))
        shutil.copyfile(dic, os.path.join(folder, f"{name}.dic"))
        yield folder  # Hunspell reads both files whole while loading


# Keys beside each other on a UK keyboard, and letters that sound alike: the slips people make.
_KEYS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_SOUND = {"c": "ks", "k": "c", "s": "cz", "z": "s", "f": "v", "v": "f", "m": "n", "n": "m"}
_VOWELS = frozenset("aeiouy")


@cache
def _beside(letter: str) -> frozenset[str]:
    for row, keys in enumerate(_KEYS):
        at = keys.find(letter)
        if at >= 0:
            found = set(keys[max(0, at - 1) : at + 2])
            for other in (row - 1, row + 1):
                if 0 <= other < len(_KEYS):
                    found |= set(_KEYS[other][max(0, at - 1) : at + 2])
            return frozenset(found | set(_SOUND.get(letter, "")))
    return frozenset()


def _likely_letters(lower: str, gap: int) -> frozenset[str]:
    """The letters a slip would put at position `gap` of a word: vowels, the letters either
    side (doubled), and the keys beside them."""
    around = lower[max(0, gap - 1) : gap + 1]
    found = set(_VOWELS) | set(around)
    for letter in around:
        found |= _beside(letter)
    return frozenset(found)


def _instead(letter: str) -> frozenset[str]:
    """The letters a slip most likely put `letter` in place of: the keys beside it and the
    letters that sound alike, and any vowel for a vowel."""
    return _beside(letter) | _VOWELS if letter in _VOWELS else _beside(letter)


def _try_letters(aff: str) -> str:
    """The letters the dictionary says are worth trying (its TRY line), lower case only."""
    try:
        with open(aff, encoding="utf-8-sig") as stream:
            for line in stream:
                if line.startswith("TRY "):
                    return "".join(
                        dict.fromkeys(c for c in line[4:].strip() if c.isalpha() and c.islower())
                    )
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
        return cls(frozenset(w.strip().replace("’", "'") for g in groups for w in g if w.strip()))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        word = word.replace("’", "'")
        for form in (word, word[:-2] if word.endswith("'s") else ""):
            if form and (
                form in self.words
                or (form[:1].isupper() and form[:1].lower() + form[1:] in self.words)
            ):
                return True
        return False


def _masked(text: str) -> str:
    """`text` with web and e-mail addresses blanked out (same length: offsets stay true)."""
    if not any(map(text.__contains__, _ADDRESS_MARKS)):
        return text  # most paragraphs: no address, and no search for one
    return _SKIP.sub(lambda m: " " * len(m.group()), text)


def _checkable(token: str) -> tuple[int, str] | None:
    """(offset, word) of the word in a token that a speller should look at; None for a token
    to leave alone: one holding digits (s151, 2026), one in capitals (NHS, LGA's), one letter.
    Quotation marks typed as apostrophes ('like this') are not part of the word."""
    if len(token) > LONGEST_WORD or any(c.isdigit() or c == "_" for c in token):
        return None
    word = token.strip("'’")
    bare = word[:-2] if word.endswith(("'s", "’s")) else word
    if len(bare) < 2 or bare.replace("-", "").isupper():
        return None
    return len(token) - len(token.lstrip("'’")), word


def _judge(
    token: str, is_word: Callable[[str], bool | None], accepted: WordSet
) -> tuple[tuple[int, str], ...] | None:
    """The misspelt words of one token, with their offsets in it; None while `is_word` has
    no answer yet. A hyphenated word is fine when the dictionary knows it whole or knows each
    of its parts; otherwise each unknown part is reported on its own."""
    checkable = _checkable(token)
    if checkable is None or checkable[1] in accepted:
        return ()
    start, word = checkable
    whole = is_word(word)
    if whole is None:
        return None
    if whole:
        return ()
    if "-" not in word:
        return ((start, word),)
    found: list[tuple[int, str]] = []
    for part in _LETTERS.finditer(word):
        piece = part.group()
        if len(piece) > 1 and not piece.isupper() and piece not in accepted:
            known = is_word(piece)
            if known is None:
                return None
            if not known:
                found.append((start + part.start(), piece))
    return tuple(found)


class SpellCheck:
    """Finds the misspelt words of texts quickly, however long: a text is read as a set of
    tokens (a C-speed pass), each distinct token is judged once and remembered, and only a text
    holding a misspelt token is searched for where it sits. One per language and set of
    accepted words: the pack's rule shares one across every field, the app one per field kind.

    `is_word` may answer None ("not looked up yet"): such tokens are judged again next time,
    and `pending` collects their words for the caller to look up."""

    def __init__(
        self, is_word: Callable[[str], bool | None], accepted: WordSet = WordSet()
    ) -> None:
        self.accepted = accepted
        self.pending: set[str] = set()
        self._is_word = is_word
        self._judged: dict[str, tuple[tuple[int, str], ...]] = {}
        self._flagged: set[str] = set()

    def _ask(self, word: str) -> bool | None:
        known = self._is_word(word)
        if known is None:
            self.pending.add(word)
        return known

    def find(self, text: str) -> list[tuple[int, str]]:
        """(offset, word) for each misspelt word of `text`, in order."""
        masked = _masked(text)
        tokens = _tokens(masked)
        for token in tokens.difference(self._judged):
            verdict = _judge(token, self._ask, self.accepted)
            if verdict is not None:
                if len(self._judged) > 100_000:
                    self._judged.clear()
                    self._flagged.clear()
                self._judged[token] = verdict
                if verdict:
                    self._flagged.add(token)
        hits = tokens & self._flagged
        if not hits:
            return []
        found: list[tuple[int, str]] = []
        for match in _whole_tokens(frozenset(hits)).finditer(masked):
            found.extend(
                (match.start() + offset, word) for offset, word in self._judged[match.group()]
            )
        return found


def _tokens(text: str) -> set[str]:
    """The distinct tokens of `text` (_TOKEN): in ASCII text whose hyphens all stand between
    two token characters, the runs left between spaces, found without the pattern."""
    data = None if _HELD in text else ascii_bytes(text, _HELD)
    if data is not None:
        runs = data.translate(_ASCII_TOKEN_BYTES)
        if not (
            b"--" in runs
            or b" -" in runs
            or b"- " in runs
            or runs.startswith(b"-")
            or runs.endswith(b"-")
        ):
            return set(runs.decode("ascii").replace(_HELD, "’").split())
    return set(_TOKEN.findall(text))


@lru_cache(maxsize=512)
def _whole_tokens(tokens: frozenset[str]) -> re.Pattern[str]:
    """A pattern matching these tokens only where each stands whole (as _TOKEN reads it)."""
    either = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?<![\w'’]-)(?:{either})(?![\w'’])(?!-[\w'’])")


def words_to_check(text: str) -> Iterator[tuple[int, str]]:
    """(offset, word) for each word of `text` a speller should look at: not addresses, not
    words holding digits (s151, 2026), not words in capitals (acronyms: NHS, LGA), not single
    letters. A hyphenated word comes whole ("well-being")."""
    for match in _TOKEN.finditer(_masked(text)):
        checkable = _checkable(match.group())
        if checkable is not None:
            yield match.start() + checkable[0], checkable[1]


def misspelt(
    text: str, is_word: Callable[[str], bool], accepted: WordSet = WordSet()
) -> list[tuple[int, str]]:
    """(offset, word) for each misspelt word of `text` (a one-off SpellCheck)."""
    return SpellCheck(is_word, accepted).find(text)
