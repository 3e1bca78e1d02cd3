"""Hypothesis strategies for the fuzz tests: random packs as pack-file text, random import files.

Text is drawn from all of Unicode (astral characters, right-to-left marks, markup look-alikes),
with the characters pasted text really brings: Word's vertical tab, tabs, non-breaking spaces.
Every value is written with JSON escapes, which YAML reads, so a pack may also carry control
characters and halves of surrogate pairs that no editor would show.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

_EXTRA = list("\x0b\t\n\u00a0\u200f\u2028<>&\"'*_#[]()!`\\") + ["\U0001f3c6", "é", "–", "£"]
_HOSTILE = ["\x01", "\x1b", "\x0c", "\ud800", "\udfff", "\ufffe"]
_CHARS = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), st.sampled_from(_EXTRA)
)

text = st.text(alphabet=_CHARS, max_size=40)
words = st.text(alphabet=_CHARS, min_size=1, max_size=40).filter(lambda s: s.strip())
long_words = st.one_of(
    words, st.text(alphabet=_CHARS, min_size=256, max_size=400).filter(lambda s: s.strip())
)
hostile_text = st.one_of(
    text, st.builds(lambda a, b, c: a + b + c, text, st.sampled_from(_HOSTILE), text)
)
ident = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
day = st.dates().map(lambda d: d.isoformat())
colour = st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True)


def _maybe(draw: Any, strategy: st.SearchStrategy[Any], data: dict[str, Any], key: str) -> None:
    if draw(st.booleans()):
        data[key] = draw(strategy)


@st.composite
def pack_data(draw: Any, any_text: st.SearchStrategy[str] = text) -> dict[str, Any]:
    """A pack's data as a writer would see it: every link resolves, every text is random."""
    themes = {
        key: {"label": draw(words), **({"colour": draw(colour)} if draw(st.booleans()) else {})}
        for key in draw(st.lists(ident, max_size=2, unique=True))
    }
    ids = draw(st.lists(ident, min_size=1, max_size=3, unique=True))
    articles: dict[str, Any] = {}
    for key in ids:
        article: dict[str, Any] = {"title": draw(long_words)}
        _maybe(draw, st.lists(words, max_size=3), article, "authors")
        _maybe(draw, words, article, "source")
        _maybe(draw, day, article, "published")
        _maybe(
            draw,
            st.sampled_from(["https://example.org/a?b=1&c=<2>", "http://x.test"]),
            article,
            "url",
        )
        if themes:
            _maybe(
                draw,
                st.lists(st.sampled_from(sorted(themes)), max_size=2, unique=True),
                article,
                "themes",
            )
        articles[key] = article

    def item() -> dict[str, Any]:
        entry: dict[str, Any] = {"article": draw(st.sampled_from(ids))}
        _maybe(draw, any_text, entry, "summary")
        _maybe(draw, st.lists(words, max_size=3), entry, "implications")
        _maybe(draw, st.lists(words, max_size=2), entry, "questions")
        _maybe(
            draw,
            st.lists(st.fixed_dictionaries({"text": words}, optional={"page": words}), max_size=2),
            entry,
            "quotes",
        )
        return entry

    sections = []
    for _ in range(draw(st.integers(1, 3))):
        section: dict[str, Any] = {
            "title": draw(words),
            "items": [item() for _ in range(draw(st.integers(0, 2)))],
        }
        _maybe(draw, any_text, section, "intro")
        if themes:
            _maybe(draw, st.sampled_from(sorted(themes)), section, "theme")
        sections.append(section)
    data: dict[str, Any] = {
        "briefing_pack": 1,
        "title": draw(long_words),
        "sections": sections,
        "articles": articles,
    }
    if themes:
        data["themes"] = themes
    for key, strategy in (
        ("subtitle", long_words),
        ("organisation", long_words),
        ("prepared_by", words),
        ("intro", any_text),
        ("date", day),
        ("key_messages", st.lists(words, max_size=3)),
        ("classification", st.sampled_from(["none", "OFFICIAL", "OFFICIAL-SENSITIVE"])),
        ("draft", st.booleans()),
        ("kind", st.sampled_from(["member-briefing", "event-handout"])),
    ):
        _maybe(draw, strategy, data, key)
    _maybe(
        draw,
        st.fixed_dictionaries({}, optional={"name": words, "email": words, "phone": words}),
        data,
        "contact",
    )
    data["layout"] = {
        "paper": draw(st.sampled_from(["A4", "A5"])),
        "large_print": draw(st.booleans()),
    }
    if draw(st.booleans()):
        data["event"] = {
            "name": draw(words),
            "venue": draw(words),
            "starts": draw(day) + "T10:00",
            "agenda": draw(
                st.lists(
                    st.fixed_dictionaries(
                        {"time": st.just("10:00"), "item": words}, optional={"speaker": words}
                    ),
                    max_size=3,
                )
            ),
        }
    return data


def as_pack_text(data: dict[str, Any], ascii_only: bool) -> str:
    """Pack-file text for the data (JSON is YAML; escapes reach every character)."""
    return json.dumps(data, ensure_ascii=ascii_only, indent=1)
