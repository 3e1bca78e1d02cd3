"""Names are cited with their particles and filed as each language files them; the sources list
is one style, each source once, and a quote's page belongs to the work it is printed in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.compose import compose
from briefing.compose.names import parse_name
from briefing.document import BlockQuote, Paragraph
from briefing.model import Article, Item, Pack, Quote, Section
from briefing.packfile import dump_pack, loads_pack


def _refs(pack: Pack) -> list[str]:
    return [
        "".join(r.text for r in b.runs)
        for b in compose(pack, Path(".")).blocks
        if isinstance(b, Paragraph) and b.role == "reference"
    ]


def _pack(articles: dict[str, Article], quotes: list[Quote] | None = None) -> Pack:
    items = [Item(article=key, summary="Read it.", quotes=list(quotes or [])) for key in articles]
    return Pack(title="Names", sections=[Section(title="Reading", items=items)], articles=articles)


def test_particles_stay_with_the_family_name_in_citations() -> None:
    cited = {
        name: parse_name(name).cited()
        for name in (
            "Dafydd ap Gwŷn",
            "Heledd ferch Rhys",
            "Siobhán Ní Bhriain",
            "Seán Ó Súilleabháin",
            "Jan van der Berg",
            "Jean de la Fontaine",
            "Ursula von der Leyen",
            "Omar al-Sayed",
            "Mohammed bin Salman",
            "Jean-Paul Sartre",
            "Dr Tarsem Singh Cooner",
        )
    }
    assert cited == {
        "Dafydd ap Gwŷn": "ap Gwŷn, D.",
        "Heledd ferch Rhys": "ferch Rhys, H.",
        "Siobhán Ní Bhriain": "Ní Bhriain, S.",
        "Seán Ó Súilleabháin": "Ó Súilleabháin, S.",
        "Jan van der Berg": "van der Berg, J.",
        "Jean de la Fontaine": "de la Fontaine, J.",
        "Ursula von der Leyen": "von der Leyen, U.",
        "Omar al-Sayed": "al-Sayed, O.",
        "Mohammed bin Salman": "bin Salman, M.",
        "Jean-Paul Sartre": "Sartre, J.-P.",
        "Dr Tarsem Singh Cooner": "Cooner, T. S.",
    }


def test_welsh_author_is_cited_ap_gwyn_in_the_sources_and_quotes() -> None:
    pack = _pack(
        {
            "w": Article(
                title="Cynghorau bach", authors=["Dafydd ap Gwŷn"], published=date(2024, 3, 1)
            )
        },
        [Quote(text="Bach yw", page="9")],
    )
    assert _refs(pack) == ["ap Gwŷn, D. (2024) Cynghorau bach."]
    quote = next(b for b in compose(pack, Path(".")).blocks if isinstance(b, BlockQuote))
    assert quote.attribution == "ap Gwŷn (2024, p. 9)"


def test_sources_file_on_the_family_name_as_each_language_does() -> None:
    names = [
        "Marek Špaček",
        "Dafydd ap Gwŷn",
        "Jan van der Berg",
        "Hamish McLeod",
        "Siobhán Ní Bhriain",
        "Joachim du Bellay",
        "Omar al-Sayed",
        "Ewan MacArthur",
        "Stanislav Balík",
        "Alice Young",
    ]
    articles = {
        f"a{n}": Article(title=f"Paper {n}", authors=[name], published=date(2025, 1, 1))
        for n, name in enumerate(names)
    }
    order = [ref.split(" (")[0] for ref in _refs(_pack(articles))]
    # van der Berg files under B, ap Gwŷn under G, al-Sayed under S (the particle is skipped);
    # du Bellay under D; Ní Bhriain under N; McLeod files as MacLeod, after MacArthur.
    assert order == [
        "Balík, S.",
        "van der Berg, J.",
        "du Bellay, J.",
        "ap Gwŷn, D.",
        "MacArthur, E.",
        "McLeod, H.",
        "Ní Bhriain, S.",
        "al-Sayed, O.",
        "Špaček, M.",
        "Young, A.",
    ]


def test_same_author_files_by_year() -> None:
    articles = {
        "late": Article(title="Later", authors=["Ann Ó Dálaigh"], published=date(2025, 1, 1)),
        "early": Article(title="Earlier", authors=["Ann Ó Dálaigh"], published=date(2019, 1, 1)),
    }
    assert [r.split(")")[0] for r in _refs(_pack(articles))] == [
        "Ó Dálaigh, A. (2019",
        "Ó Dálaigh, A. (2025",
    ]


def test_family_and_given_keys_name_what_no_rule_can_tell(tmp_path: Path) -> None:
    text = (
        "briefing_pack: 1\ntitle: Names\nsections:\n  - title: Reading\n    items:\n"
        "      - article: a\n        summary: Read it.\n"
        "articles:\n  a:\n    title: Two surnames\n    published: 2023-05-01\n"
        "    authors:\n      - family: García Márquez\n        given: Gabriel\n"
        "      - Ní Bhriain, Siobhán\n"
    )
    pack = loads_pack(text, tmp_path / "p.yaml")
    assert _refs(pack) == ["García Márquez, G. and Ní Bhriain, S. (2023) Two surnames."]
    byline = next(
        b
        for b in compose(pack, Path(".")).blocks
        if isinstance(b, Paragraph) and b.role == "byline"
    )
    assert "".join(r.text for r in byline.runs).startswith(
        "Gabriel García Márquez and Siobhán Ní Bhriain"
    )
    assert loads_pack(dump_pack(pack), tmp_path / "q.yaml") == pack


def test_summarised_article_is_listed_beside_the_book_it_reviews() -> None:
    blog = Article(
        title="What the book found",
        authors=["Paul Joyce"],
        source="A blog",
        published=date(2025, 11, 1),
        url="https://example.org/blog",
        doi="10.1000/book",
        reference="Balík, S. and Špaček, D. (eds.) (2026) Fragmented crises",
    )
    pack = _pack({"blog": blog}, [Quote(text="We coped", page="177")])
    refs = _refs(pack)
    assert refs == [
        "Balík, S. and Špaček, D. (eds.) (2026) Fragmented crises. DOI: 10.1000/book.",
        "Joyce, P. (2025) What the book found. A blog, 1 November 2025. Available at: "
        "https://example.org/blog.",
    ]
    quote = next(b for b in compose(pack, Path(".")).blocks if isinstance(b, BlockQuote))
    # Page 177 is the book's page: the blog's author is never credited with it.
    assert quote.attribution == "Balík and Špaček (2026, p. 177), quoted in Joyce (2025)"


def test_each_source_once_even_when_two_posts_review_one_book() -> None:
    book = "Lowe, T. (2024) Human learning systems"
    articles = {
        "one": Article(
            title="First view", authors=["Ann Smith"], reference=book, published=date(2024, 6, 1)
        ),
        "two": Article(
            title="Second view", authors=["Bob Jones"], reference=book, published=date(2024, 7, 1)
        ),
    }
    refs = _refs(_pack(articles))
    assert refs.count("Lowe, T. (2024) Human learning systems.") == 1
    assert len(refs) == 3


def test_accessed_date_is_printed_after_the_address() -> None:
    article = Article(
        title="Online only",
        authors=["Ann Smith"],
        published=date(2025, 2, 1),
        url="https://example.org/post",
        accessed=date(2025, 3, 4),
    )
    assert _refs(_pack({"a": article})) == [
        "Smith, A. (2025) Online only. Available at: https://example.org/post "
        "(Accessed: 4 March 2025)."
    ]
