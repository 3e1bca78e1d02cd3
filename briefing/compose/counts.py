"""Word counts per item and for the whole pack, and a rough page estimate for budgets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.compose.markdown import inline_runs, plain_text

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


def _words(text: str) -> int:
    return len(plain_text(text).split())


def _line_words(lines: list[str]) -> int:
    return sum(len("".join(r.text for r in inline_runs(t)).split()) for t in lines)


def item_words(item: Item, title: str = "") -> int:
    return (len(title.split()) + _words(item.summary) + _line_words(item.implications)
            + sum(len(q.text.split()) for q in item.quotes) + _line_words(item.questions))


def count_words(pack: Pack) -> PackCount:
    items: list[ItemCount] = []
    for s_no, section in enumerate(pack.sections, 1):
        for i_no, item in enumerate(section.items, 1):
            article = pack.articles.get(item.article)
            title = article.title if article else ""
            items.append(ItemCount(s_no, i_no, item.article, item_words(item, title)))
    words = (sum(c.words for c in items) + _words(pack.intro) + _line_words(pack.key_messages)
             + sum(_words(s.intro) + len(s.title.split()) for s in pack.sections))
    per_page = WORDS_PER_PAGE.get((pack.layout.paper, pack.layout.large_print), 480)
    pages = 1 + max(1, -(-words // per_page))
    return PackCount(items=items, words=words, pages=pages)
