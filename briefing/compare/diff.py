"""What changed between two packs, as one audience sees them: sections and items added,
removed and moved, and the words changed in each field a reader sees.

Both packs go through the audience filter first (`compose.audience.for_audience`), so a
version that withholds exempt items compares only what it may print: an item that was in
the older version and is now withheld is counted (`withdrawn`), never named, and nothing of an
item withheld from both ever reaches the comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from briefing.compare.words import Edit, Piece, changed, edits, pieces
from briefing.compose.audience import for_audience
from briefing.compose.markdown import plain_text
from briefing.compose.sources import byline

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from briefing.model import Item, Pack, Quote, Section

ADDED, REMOVED, MOVED, CHANGED = "added", "removed", "moved", "changed"


@dataclass(frozen=True)
class FieldChange:
    """One field whose words changed: `label` says which ("Summary", "Implication 2")."""

    label: str
    old: str
    new: str

    def edits(self) -> list[Edit]:
        return edits(self.old, self.new)

    def pieces(self) -> list[Piece]:
        return pieces(self.old, self.new)


@dataclass(frozen=True)
class Place:
    """Where an item or section sits in one version: 1-based numbers as that version prints."""

    section: int
    item: int | None
    section_title: str

    def __str__(self) -> str:
        return f"{self.section}.{self.item}" if self.item else str(self.section)


@dataclass(frozen=True)
class ItemChange:
    """An item added, removed, moved or changed (a moved item may have changed too)."""

    kind: str  # ADDED | REMOVED | MOVED | CHANGED
    article: str
    title: str  # as the newer version prints it (the older one's for a removed item)
    old: Place | None
    new: Place | None
    fields: tuple[FieldChange, ...] = ()

    @property
    def moved(self) -> bool:
        return self.kind == MOVED


@dataclass(frozen=True)
class SectionChange:
    kind: str  # ADDED | REMOVED | MOVED | CHANGED
    title: str
    old: Place | None
    new: Place | None
    fields: tuple[FieldChange, ...] = ()


@dataclass
class Changes:
    """Everything that differs between two versions of a pack for one audience."""

    audience: str
    front: list[FieldChange] = field(default_factory=list)  # title, intro, key messages …
    sections: list[SectionChange] = field(default_factory=list)
    items: list[ItemChange] = field(default_factory=list)
    withdrawn: int = 0  # items this version printed before and now withholds (never named)
    # Each section of the newer version that was in the older: new number → old number.
    sections_before: dict[int, int] = field(default_factory=dict)

    def count(self, kind: str) -> int:
        return sum(1 for change in self.items if change.kind == kind)

    @property
    def empty(self) -> bool:
        return not (self.front or self.sections or self.items or self.withdrawn)


def compare_packs(old: Pack, new: Pack, audience: str | None = None) -> Changes:
    """What changed from `old` to `new` in the version `audience` receives (None: members)."""
    old_version, new_version = for_audience(old, audience), for_audience(new, audience)
    full = old_version.is_full
    a, b = old_version.pack, new_version.pack
    changes = Changes(new_version.name)
    changes.front = _front(a, b)
    pairs = _pair_sections(a.sections, b.sections)
    changes.sections_before = {new + 1: old + 1 for old, new in sorted(pairs.items())}
    _section_changes(changes, a, b, pairs, new)
    _item_changes(changes, a, b, pairs, new, full)
    return changes


def _front(a: Pack, b: Pack) -> list[FieldChange]:
    out = _texts([("Title", a.title, b.title), ("Subtitle", a.subtitle, b.subtitle)])
    out += _markdown("Introduction", a.intro, b.intro)
    out += _list_changes("Key message", a.key_messages, b.key_messages)
    return out


def _texts(triples: Sequence[tuple[str, str, str]]) -> list[FieldChange]:
    return [FieldChange(label, old, new) for label, old, new in triples if changed(old, new)]


def _markdown(label: str, old: str, new: str) -> list[FieldChange]:
    """A Markdown field, compared as the reader sees it (its markup read only when the text
    differs at all: most fields are unchanged, and reading Markdown is the slow part)."""
    return [] if old == new else _texts([(label, plain_text(old), plain_text(new))])


def aligned(old: list[str], new: list[str]) -> list[tuple[int, int, str, str]]:
    """The points of two lists side by side, in the newer list's order: (old number, new
    number, old text, new text), numbers from 1, 0 and "" for a point only on one side. A
    reworded point is paired with the one it replaced."""
    out: list[tuple[int, int, str, str]] = []
    matcher = SequenceMatcher(
        None, [" ".join(t.split()) for t in old], [" ".join(t.split()) for t in new], autojunk=False
    )
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for n in range(max(i2 - i1, j2 - j1)):
            i, j = i1 + n, j1 + n
            out.append(
                (
                    i + 1 if i < i2 else 0,
                    j + 1 if j < j2 else 0,
                    old[i] if i < i2 else "",
                    new[j] if j < j2 else "",
                )
            )
    return out


def _list_changes(
    label: str, old: list[str], new: list[str], shown: Callable[[str], str] = plain_text
) -> list[FieldChange]:
    """Points of a list added, removed or reworded, each numbered as in the newer list (a
    removed point by its old number), as `shown` (the reader's text of a Markdown point)."""
    if old == new:
        return []
    out = []
    for i, j, before, after in aligned(old, new):
        if before != after and changed(shown_before := shown(before), shown_after := shown(after)):
            out.append(FieldChange(f"{label} {j or i}", shown_before, shown_after))
    return out


def quote_text(quote: Quote) -> str:
    source = ", ".join(
        part for part in (quote.by, f"p. {quote.page}" if quote.page else "") if part
    )
    return f"{quote.text.strip()} ({source})" if source else quote.text.strip()


def _item_fields(a: Pack, old: Item, b: Pack, new: Item, full: bool) -> list[FieldChange]:
    old_article, new_article = a.articles.get(old.article), b.articles.get(new.article)
    out = _texts(
        [
            (
                "Title",
                old_article.title if old_article else old.article,
                new_article.title if new_article else new.article,
            ),
            (
                "Byline",
                byline(old_article) if old_article else "",
                byline(new_article) if new_article else "",
            ),
        ]
    )
    out += _markdown("Summary", old.summary, new.summary)
    if full:
        out += _texts(
            [
                ("One-line summary", old.short_summary, new.short_summary),
                ("Exemption", _exemption(old), _exemption(new)),
                ("Versions", ", ".join(old.audiences), ", ".join(new.audiences)),
            ]
        )
    out += _list_changes("Implication", old.implications, new.implications)
    out += _list_changes(
        "Quote", [quote_text(q) for q in old.quotes], [quote_text(q) for q in new.quotes], str.strip
    )
    out += _list_changes("Question", old.questions, new.questions)
    return out


def _exemption(item: Item | Section) -> str:
    return f"exempt under paragraph {item.exempt.paragraph}" if item.exempt else ""


# --- sections ---------------------------------------------------------------------------


def _pair_sections(old: list[Section], new: list[Section]) -> dict[int, int]:
    """Old section index → new section index: the same title first, then the same theme,
    then the section sharing most articles (a section renamed and given new items)."""
    pairs: dict[int, int] = {}
    rules: list[Callable[[Section, Section], float]] = [
        lambda s, t: float(_folded(s.title) == _folded(t.title)),
        lambda s, t: float(bool(s.theme) and s.theme == t.theme),
        lambda s, t: float(len({i.article for i in s.items} & {i.article for i in t.items})),
    ]
    for rule in rules:
        for i, section in enumerate(old):
            if i in pairs:
                continue
            free = [j for j in range(len(new)) if j not in pairs.values()]
            scored = [(rule(section, new[j]), -abs(i - j), j) for j in free]
            best = max(scored, default=(0.0, 0, -1))
            if best[0] > 0:
                pairs[i] = best[2]
    return pairs


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _moved(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Pairs (old position, new position) that are out of order: those outside the longest
    run kept in order (the rest is what a reader sees as moved)."""
    ordered = sorted(pairs)
    news = [n for _, n in ordered]
    # Longest increasing subsequence of the new positions, in O(n log n).
    from bisect import bisect_left

    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = [-1] * len(news)
    for k, value in enumerate(news):
        at = bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            tail_at.append(k)
        else:
            tails[at] = value
            tail_at[at] = k
        back[k] = tail_at[at - 1] if at else -1
    keep: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(k)
        k = back[k]
    return {pair for k, pair in enumerate(ordered) if k not in keep}


def _section_changes(
    changes: Changes, a: Pack, b: Pack, pairs: dict[int, int], new_full: Pack
) -> None:
    moved = _moved(list(pairs.items()))
    kept_titles = {_folded(s.title) for s in new_full.sections}
    kept_articles = {item.article for item in new_full.items()}
    for j, section in enumerate(b.sections):
        old_index = next((i for i, n in pairs.items() if n == j), None)
        new_place = Place(j + 1, None, section.title)
        if old_index is None:
            changes.sections.append(SectionChange(ADDED, section.title, None, new_place))
            continue
        before = a.sections[old_index]
        fields = _texts([("Section title", before.title, section.title)]) + _markdown(
            "Section introduction", before.intro, section.intro
        )
        old_place = Place(old_index + 1, None, before.title)
        if (old_index, j) in moved:
            changes.sections.append(
                SectionChange(MOVED, section.title, old_place, new_place, tuple(fields))
            )
        elif fields:
            changes.sections.append(
                SectionChange(CHANGED, section.title, old_place, new_place, tuple(fields))
            )
    for i, section in enumerate(a.sections):
        if i in pairs:
            continue
        # Still in the pack but withheld from this version: counted with its items, not named.
        if _folded(section.title) in kept_titles or any(
            item.article in kept_articles for item in section.items
        ):
            continue
        changes.sections.append(
            SectionChange(REMOVED, section.title, Place(i + 1, None, section.title), None)
        )


# --- items ------------------------------------------------------------------------------


def _keys(pack: Pack) -> dict[tuple[str, int], tuple[int, int]]:
    """(article, occurrence) → (section index, item index): an article cited twice is two
    items, told apart by their order."""
    seen: dict[str, int] = {}
    out: dict[tuple[str, int], tuple[int, int]] = {}
    for s, section in enumerate(pack.sections):
        for i, item in enumerate(section.items):
            n = seen.get(item.article, 0)
            seen[item.article] = n + 1
            out[(item.article, n)] = (s, i)
    return out


def _item_changes(
    changes: Changes, a: Pack, b: Pack, pairs: dict[int, int], new_full: Pack, full: bool
) -> None:
    old_keys, new_keys = _keys(a), _keys(b)
    # Items kept in the same section (as paired) and out of order there are moved; so is
    # every item now in a different section.
    out_of_order: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    for os_, ns in pairs.items():
        kept = [
            (old_keys[k][1], new_keys[k][1])
            for k in old_keys
            if k in new_keys and old_keys[k][0] == os_ and new_keys[k][0] == ns
        ]
        out_of_order |= {((os_, oi), (ns, ni)) for oi, ni in _moved(kept)}
    for key, (s, i) in new_keys.items():
        item = b.sections[s].items[i]
        title = _article_title(b, item.article)
        new_place = Place(s + 1, i + 1, b.sections[s].title)
        if key not in old_keys:
            changes.items.append(ItemChange(ADDED, item.article, title, None, new_place))
            continue
        os_, oi = old_keys[key]
        before = a.sections[os_].items[oi]
        old_place = Place(os_ + 1, oi + 1, a.sections[os_].title)
        fields = tuple(_item_fields(a, before, b, item, full))
        moved = pairs.get(os_) != s or ((os_, oi), (s, i)) in out_of_order
        if moved:
            changes.items.append(
                ItemChange(MOVED, item.article, title, old_place, new_place, fields)
            )
        elif fields:
            changes.items.append(
                ItemChange(CHANGED, item.article, title, old_place, new_place, fields)
            )
    still_there = set(_keys(new_full))
    for key, (s, i) in old_keys.items():
        if key in new_keys:
            continue
        if key in still_there:
            changes.withdrawn += 1  # withheld from this version now: never named
            continue
        item = a.sections[s].items[i]
        changes.items.append(
            ItemChange(
                REMOVED,
                item.article,
                _article_title(a, item.article),
                Place(s + 1, i + 1, a.sections[s].title),
                None,
            )
        )
    # In the newer version's printed order; removed items last, in their old order.
    changes.items.sort(key=lambda c: (c.new is None, _sort_place(c.new or c.old)))


def _sort_place(place: Place | None) -> tuple[int, int]:
    return (place.section, place.item or 0) if place else (0, 0)


def _article_title(pack: Pack, article_id: str) -> str:
    article = pack.articles.get(article_id)
    return article.title if article is not None else article_id
