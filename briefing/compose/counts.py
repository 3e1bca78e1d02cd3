"""Word counts per item and for the whole pack, and a rough page estimate for budgets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.compose.markdown import inline_runs, plain_text
from briefing.writing.ascii_text import ascii_bytes

if TYPE_CHECKING:
    from briefing.model import Item, Pack

# Words that fit on a page of running text in each layout (with headings and spacing),
# measured from built packs; only used for a budget estimate, never for layout.
WORDS_PER_PAGE = {("A4", False): 480, ("A5", False): 220, ("A4", True): 260, ("A5", True): 110}


@dataclass(frozen=True)
class ItemCount:
    section: int  # 1-based
    item: int  # 1-based
    article: str
    words: int


@dataclass(frozen=True)
class PackCount:
    items: list[ItemCount]
    words: int  # the whole pack's printed words, including intro and key messages
    pages: int  # an estimate, cover included


# A word: letters or digits, joined by inner hyphens, apostrophes or points ("well-being",
# "council's", "3.5" and "e.g" are one word each); a dash or a bullet on its own is not a word.
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
# The same words in ASCII text, read a byte at a time in C: each word character becomes "w",
# each of the joining characters "j", anything else a space.
_ASCII_CLASSES = (
    bytes(
        ord("w") if chr(b).isalnum() or b == ord("_") else ord("j") if chr(b) in "-'." else ord(" ")
        for b in range(128)
    )
    + b" " * 128
)
_ASCII_RUNS = _ASCII_CLASSES.replace(b"j", b" ")  # runs of word characters, none joined


def word_count(text: str) -> int:
    """Words in plain text: the one count the app, the budgets and the checks all use."""
    marks = _marks(text)
    if marks is not None:
        return marked_words(marks)
    return len(_WORD.findall(text))


def quick_word_count(text: str) -> tuple[int, bool]:
    """(n, exact): word_count(text) and True for ASCII text (or its stand-in: see
    ascii_bytes); for other text, a number no smaller and False, found many times quicker
    than the count: each word holds a whole run of ASCII word characters or else a character
    beyond ASCII, which takes two bytes or more in UTF-8."""
    marks = _marks(text)
    if marks is not None:
        return marked_words(marks), True
    data = text.encode("utf-8", "surrogatepass")
    return marked_words(data.translate(_ASCII_RUNS)) + len(data) - len(text), False


@lru_cache(maxsize=8192)
def word_marks(text: str) -> bytes | None:
    """_marks(text), kept for the next rule that counts the words of the same paragraph (or
    of its sentences: see marked_words)."""
    return _marks(text)


def _marks(text: str) -> bytes | None:
    """A byte for each character of `text` by which its words are counted without a pattern
    (several times quicker): "w" for each character of a word, a space or "j" for anything
    else; None when `text` is neither ASCII nor its stand-in (see ascii_bytes). A joiner
    between two runs of word characters makes them one word, so it is marked "w". Two passes
    mark them all: the first, going left to right, leaves only joiners whose left run it had
    just taken ("a-b-c")."""
    data = ascii_bytes(text)
    if data is None:
        return None
    classes = data.translate(_ASCII_CLASSES)
    return classes.replace(b"wjw", b"www").replace(b"wjw", b"www")


def marked_words(marks: bytes) -> int:
    """The words in `marks` (or in a stretch of them that starts and ends between words):
    its runs of "w", counted where each starts (nothing is split off)."""
    return marks.startswith(b"w") + marks.count(b" w") + marks.count(b"jw")


# The app counts the whole pack after each pause in typing: each text is parsed once, and a
# count after an edit parses only the text that changed.
@lru_cache(maxsize=8192)
def markdown_word_count(text: str) -> int:
    """Printed words in a Markdown-light text (markup characters are not words)."""
    return word_count(plain_text(text)) if text.strip() else 0


@lru_cache(maxsize=8192)
def _inline_words(line: str) -> int:
    return word_count("".join(r.text for r in inline_runs(line)))


def _line_words(lines: list[str]) -> int:
    return sum(_inline_words(t) for t in lines)


def item_words(item: Item, title: str = "") -> int:
    return (
        word_count(title)
        + markdown_word_count(item.summary)
        + _line_words(item.implications)
        + sum(word_count(q.text) for q in item.quotes)
        + _line_words(item.questions)
    )


def count_words(pack: Pack) -> PackCount:
    items: list[ItemCount] = []
    for s_no, section in enumerate(pack.sections, 1):
        for i_no, item in enumerate(section.items, 1):
            article = pack.articles.get(item.article)
            title = article.title if article else ""
            items.append(ItemCount(s_no, i_no, item.article, item_words(item, title)))
    words = (
        sum(c.words for c in items)
        + markdown_word_count(pack.intro)
        + _line_words(pack.key_messages)
        + sum(markdown_word_count(s.intro) + word_count(s.title) for s in pack.sections)
    )
    per_page = WORDS_PER_PAGE.get((pack.layout.paper, pack.layout.large_print), 480)
    pages = 1 + max(1, -(-words // per_page))
    return PackCount(items=items, words=words, pages=pages)
