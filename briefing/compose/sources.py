"""How articles are cited: author lists, bylines, quote attributions and full references."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.compose.names import display_name, family_sort_key, fold, parse_name
from briefing.document.model import Run
from briefing.uk.dates import uk_date

if TYPE_CHECKING:
    from briefing.model import Article


def join_names(names: list[str]) -> str:
    """Plain English lists: "A", "A and B", "A, B and C" (no Oxford comma)."""
    names = [n.strip() for n in names if n and n.strip()]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def surname(name: str) -> str:
    """ "Dr Tarsem Singh Cooner" -> "Cooner"; "Dafydd ap Gwŷn" -> "ap Gwŷn"."""
    return parse_name(name).family


def page_text(page: str) -> str:
    """ "177" -> "p. 177"; "176-7" -> "pp. 176–7"; anything already labelled is kept as written."""
    page = page.strip()
    if not page:
        return ""
    if re.match(r"(?i)^pp?\b|^page", page):
        return page
    if re.search(r"\d\s*[-–]\s*\d", page):
        return "pp. " + re.sub(r"\s*[-–]\s*", "–", page)
    return f"p. {page}"


@dataclass(frozen=True)
class Work:
    """Another work an article draws on, read from its typed `reference`: who and when."""

    families: tuple[str, ...]
    year: str


_REF_NAME = re.compile(r"([^\s,.;&()][^,;&()]*?),\s*(?:[^\W\d_]{1,2}\.[\s-]*)+", re.UNICODE)


def typed_work(reference: str) -> Work:
    """ "Balík, S. and Špaček, D. (eds.) (2026) Title" -> families (Balík, Špaček), year 2026."""
    head = reference.split("(", 1)[0]
    families = []
    for match in _REF_NAME.finditer(head):
        family = re.sub(r"^(?:and|&)\s+", "", match.group(1).strip())
        if family:
            families.append(family)
    if not families and head.strip():
        families = [head.strip().rstrip(".")]
    year = re.search(r"\((\d{4}[a-z]?|n\.d\.)\)", reference)
    return Work(tuple(families), year.group(1) if year else "")


def other_work(article: Article | None) -> Work | None:
    """The work the article's typed reference names, when it is not the article itself (a blog
    post reviewing a book); None when there is no reference or it is the article's own."""
    if article is None or not article.reference.strip():
        return None
    if fold(article.title).rstrip(".") in fold(article.reference):
        return None
    return typed_work(article.reference)


def _year(article: Article) -> str:
    return str(article.published.year) if article.published else "n.d."


def _cited_who(article: Article) -> str:
    families = [parse_name(a).family for a in article.authors if a.strip()]
    return join_names(families) or article.source.strip() or article.title.strip()


def citation(article: Article, pages: str = "") -> str:
    """ "Joyce (2025)"; "Joyce (2025, p. 12)"; "Lowther, Joyce and Whiteman (2025)"."""
    inner = ", ".join(p for p in (_year(article), pages) if p)
    return f"{_cited_who(article)} ({inner})"


def attribution(article: Article | None, page: str = "", by: str = "") -> str:
    """Who is quoted, and where, author-date style.

    A page belongs to the work the words are printed in. When the article's typed `reference`
    names another work (a blog post on a book), a quote with a page is from that work:
    "Balík and Špaček (2026, p. 177), quoted in Joyce (2025)". Otherwise the page is the
    article's: "Joyce (2025, p. 176)". `by` names a speaker who is not the authors:
    "the chair, quoted in Joyce (2025, p. 4)".
    """
    pages = page_text(page)
    speaker = by.strip()
    if article is None:
        return ", ".join(p for p in (speaker, pages) if p)
    work = other_work(article)
    if work is not None and pages:
        authors = join_names(list(work.families))
        inner = ", ".join(p for p in (work.year, pages) if p)
        where = f"{authors} ({inner})" if authors else inner
        if (
            speaker
            and fold(speaker) != fold(authors)
            and not (work.families and fold(work.families[0]) in fold(speaker))
        ):
            where = f"{speaker}, in {where}"
        return f"{where}, quoted in {citation(article)}"
    if speaker:
        return f"{speaker}, quoted in {citation(article, pages)}"
    return citation(article, pages)


def byline(article: Article) -> str:
    """Authors, source and date under an item's heading: "A and B – INLOGOV blog – 1 May 2025"."""
    parts = [
        join_names([display_name(a) for a in article.authors]),
        article.source,
        uk_date(article.published),
    ]
    return " – ".join(p for p in parts if p)


def _harvard_authors(authors: list[str]) -> str:
    return join_names([parse_name(a).cited() for a in authors if a.strip()])


def _sentence(text: str) -> str:
    """End with one full stop unless the text already ends with its own punctuation."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def doi_url(doi: str) -> str:
    doi = doi.strip()
    doi = re.sub(r"(?i)^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi)
    return f"https://doi.org/{doi}"


def _links(url: str, doi: str, written: str = "") -> list[Run]:
    """ " Available at: URL." and " DOI: …" (a DOI already in a written reference still gets a
    link to follow). The link text is the address itself: it still works on paper."""
    runs: list[Run] = []
    url, doi = url.strip(), doi.strip()
    if url:
        runs += [
            Run(" Available at: "),
            Run(url, href=url if url.lower().startswith(("http://", "https://")) else ""),
        ]
    if doi:
        shown = doi_url(doi) if doi.lower() in written.lower() else doi
        runs += [Run(" Link: " if shown != doi else " DOI: "), Run(shown, href=doi_url(doi))]
    return runs


def _generated_runs(article: Article) -> list[Run]:
    """ "Joyce, P. (2025) Title. *INLOGOV blog*, 1 November 2025." (Harvard style)."""
    who = _harvard_authors(article.authors)
    title = _sentence(article.title)
    # With no author the title leads, as Harvard style does for anonymous works.
    runs = [
        Run(
            f"{who} ({_year(article)}) {title}"
            if who
            else f"{title.rstrip('.')} ({_year(article)})."
        )
    ]
    if article.source:
        runs += [Run(" "), Run(article.source.strip().rstrip("."), italic=True)]
        if article.published:
            runs.append(Run(f", {uk_date(article.published)}"))
        runs.append(Run("."))
    return runs


def _accessed(article: Article) -> list[Run]:
    return (
        [Run(f" (Accessed: {uk_date(article.accessed)})")]
        if article.accessed and article.url.strip()
        else []
    )


def _finish(runs: list[Run]) -> list[Run]:
    """Every entry ends with one full stop, after its last link too."""
    last = runs[-1]
    if last.href or not last.text.rstrip().endswith((".", "?", "!")):
        runs.append(Run("."))
    return runs


@dataclass(frozen=True)
class Entry:
    """One entry of the sources list and where it files."""

    runs: tuple[Run, ...]
    key: tuple[str, str, str]


def _entry(runs: list[Run], first_family: str, year: str) -> Entry:
    text = "".join(r.text for r in runs)
    return Entry(tuple(_finish(runs)), (family_sort_key(first_family), year, fold(text)))


def reference_entries(article: Article) -> list[Entry]:
    """The entries an article adds to the sources list: the article itself, always, and the
    other work its typed `reference` names (a book a blog post is about). A typed reference of
    the article itself replaces the generated one and is printed as written."""
    written = article.reference.strip()
    work = other_work(article)
    if written and work is None:
        own = typed_work(written)
        runs = [
            Run(_sentence(written)),
            *_links(article.url, article.doi, written),
            *_accessed(article),
        ]
        return [_entry(runs, own.families[0] if own.families else written, own.year)]
    authors = [a for a in article.authors if a.strip()]
    first = parse_name(authors[0]).family if authors else article.title
    doi_here = "" if work is not None else article.doi
    entries = [
        _entry(
            [*_generated_runs(article), *_links(article.url, doi_here), *_accessed(article)],
            first,
            _year(article),
        )
    ]
    if work is not None:
        runs = [Run(_sentence(written)), *_links("", article.doi, written)]
        entries.append(_entry(runs, work.families[0] if work.families else written, work.year))
    return entries


def sources_list(articles: list[Article]) -> list[list[Run]]:
    """The whole sources list: one citation style, each source once, filed by the first
    author's family name (as the language files it), then year."""
    seen: set[str] = set()
    entries: list[Entry] = []
    for article in articles:
        for entry in reference_entries(article):
            text = fold("".join(r.text for r in entry.runs))
            if text not in seen:
                seen.add(text)
                entries.append(entry)
    return [list(e.runs) for e in sorted(entries, key=lambda e: e.key)]
