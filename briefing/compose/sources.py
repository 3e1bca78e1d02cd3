"""How articles are cited: author lists, bylines, quote attributions and full references."""

from __future__ import annotations

import re

from briefing.document.model import Run
from briefing.model import Article
from briefing.uk import uk_date

_HONORIFICS = {"dr", "prof", "professor", "cllr", "councillor", "mr", "mrs", "ms", "miss", "sir",
               "dame", "lord", "lady", "rt", "hon"}
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "dos"}


def join_names(names: list[str]) -> str:
    """Plain English lists: "A", "A and B", "A, B and C" (no Oxford comma)."""
    names = [n.strip() for n in names if n and n.strip()]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _words(name: str) -> list[str]:
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _HONORIFICS:
        words.pop(0)
    return words


def surname(name: str) -> str:
    """"Dr Tarsem Singh Cooner" -> "Cooner"; "Ludwig van Beethoven" -> "van Beethoven"."""
    words = _words(name)
    if not words:
        return ""
    last = [words[-1]]
    i = len(words) - 2
    while i > 0 and words[i].lower() in _PARTICLES:
        last.insert(0, words[i])
        i -= 1
    return " ".join(last)


def _initials(name: str) -> str:
    words = _words(name)
    given = words[: len(words) - len(surname(name).split())]
    return " ".join(f"{w[0]}." for w in given if w[:1].isalpha())


def page_text(page: str) -> str:
    """"177" -> "p. 177"; "176-7" -> "pp. 176–7"; anything already labelled is kept as written."""
    page = page.strip()
    if not page:
        return ""
    if re.match(r"(?i)^pp?\b|^page", page):
        return page
    if re.search(r"\d\s*[-–]\s*\d", page):
        return "pp. " + re.sub(r"\s*[-–]\s*", "–", page)
    return f"p. {page}"


def attribution(article: Article | None, page: str = "", by: str = "") -> str:
    """Who said it, and where: "Paul Joyce, p. 177"; three or more authors by surname.

    `by` names the speaker when it is not the article's authors ("Balík and Špaček").
    """
    if by.strip():
        who = by.strip()
    elif article is None:
        who = ""
    elif len(article.authors) <= 2:
        who = join_names(article.authors)
    else:
        who = join_names([surname(a) for a in article.authors])
    if not who and article is not None:
        who = article.source or article.title
    return ", ".join(part for part in (who, page_text(page)) if part)


def byline(article: Article) -> str:
    """Authors, source and date under an item's heading: "A and B – INLOGOV blog – 1 May 2025"."""
    parts = [join_names(article.authors), article.source, uk_date(article.published)]
    return " – ".join(p for p in parts if p)


def _harvard_authors(authors: list[str]) -> str:
    names = []
    for name in authors:
        family, initials = surname(name), _initials(name)
        names.append(f"{family}, {initials}" if initials else family or name)
    return join_names(names)


def _sentence(text: str) -> str:
    """End with one full stop unless the text already ends with its own punctuation."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def doi_url(doi: str) -> str:
    doi = doi.strip()
    doi = re.sub(r"(?i)^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi)
    return f"https://doi.org/{doi}"


def reference_runs(article: Article) -> list[Run]:
    """One entry of the sources list, with the URL and DOI as live links.

    The article's own `reference` is used as written when given; otherwise a Harvard-style
    reference is built: "Joyce, P. (2025) Title. *Source*." The link text is the address itself,
    which tells a reader where it goes and still works on paper.
    """
    runs: list[Run] = []
    if article.reference.strip():
        runs.append(Run(_sentence(article.reference)))
    else:
        who = _harvard_authors(article.authors)
        year = str(article.published.year) if article.published else "n.d."
        title = _sentence(article.title)
        # With no author the title leads, as Harvard style does for anonymous works.
        runs.append(Run(f"{who} ({year}) {title}" if who else f"{title.rstrip('.')} ({year})."))
        if article.source:
            runs.append(Run(" "))
            runs.append(Run(article.source.strip().rstrip("."), italic=True))
            if article.published:
                runs.append(Run(f", {uk_date(article.published)}"))
            runs.append(Run("."))
    url = article.url.strip()
    if url:
        runs.append(Run(" Available at: "))
        runs.append(Run(url, href=url if url.lower().startswith(("http://", "https://")) else ""))
    doi = article.doi.strip()
    if doi and doi.lower() not in article.reference.lower():
        runs.append(Run(". DOI: " if url else " DOI: "))
        runs.append(Run(doi, href=doi_url(doi)))
    elif doi:
        # The DOI is already in the written reference; still give members a link to follow.
        runs.append(Run(". Link: " if url else " Link: "))
        runs.append(Run(doi_url(doi), href=doi_url(doi)))
    return runs
