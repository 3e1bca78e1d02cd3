"""A quotation is attributed to whoever said it: the article's authors, or the named speaker."""

from __future__ import annotations

from pathlib import Path

from briefing.compose import compose
from briefing.document import BlockQuote
from briefing.model import Article, Item, Pack, Quote, Section
from briefing.packfile import dump_pack, loads_pack


def _pack(quote: Quote) -> Pack:
    return Pack(
        title="Quotes",
        sections=[Section(title="Crises", items=[Item(article="czech", quotes=[quote])])],
        articles={"czech": Article(title="Two crises", authors=["Paul Joyce"])},
    )


def _attributions(pack: Pack) -> list[str]:
    document = compose(pack, Path("."))
    return [b.attribution for b in document.blocks if isinstance(b, BlockQuote)]


def test_quote_defaults_to_the_article_authors() -> None:
    assert _attributions(_pack(Quote(text="Local knowledge mattered", page="176"))) == [
        "Joyce (n.d., p. 176)"
    ]


def test_quote_by_names_the_speaker_instead() -> None:
    quote = Quote(text="Local knowledge mattered", page="177", by="Balík and Špaček")
    assert _attributions(_pack(quote)) == ["Balík and Špaček, quoted in Joyce (n.d., p. 177)"]


def test_quote_by_survives_a_save_and_load(tmp_path: Path) -> None:
    pack = _pack(Quote(text="Local knowledge mattered", page="177", by="Balík and Špaček"))
    text = dump_pack(pack)
    assert "by: Balík and Špaček" in text
    assert loads_pack(text, tmp_path / "p.yaml") == pack
