"""Find the library's copy of a pack article, even when the pack uses its own short id.

Packs written by hand (or on another laptop) often name articles `czech-crises` while the
library files them under a title slug. The id is tried first; then the DOI, the URL, the title
with the authors, and finally the title alone when exactly one library article has it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.errors import BriefingError
from briefing.library.dupes import norm_author, norm_doi, norm_text, norm_url

if TYPE_CHECKING:
    from briefing.library import Library
    from briefing.library.article_file import LibraryArticle
    from briefing.model import Article


def _authors_key(authors: list[str]) -> str:
    return ";".join(sorted(n for n in (norm_author(a) for a in authors) if n))


def find_library_article(
    library: Library | None, article_id: str, article: Article | None
) -> LibraryArticle | None:
    """The matching LibraryArticle, or None when the library has no copy of it."""
    if library is None:
        return None
    try:
        return library.get(article_id)
    except (BriefingError, OSError, KeyError):
        pass
    if article is None:
        return None
    try:
        candidates = library.articles()
    except (BriefingError, OSError):
        return None
    doi, url = norm_doi(article.doi), norm_url(article.url)
    if doi:
        found = [c for c in candidates if norm_doi(c.doi) == doi]
        if found:
            return found[0]
    if url:
        found = [c for c in candidates if norm_url(c.url) == url]
        if found:
            return found[0]
    title = norm_text(article.title)
    if not title:
        return None
    same_title = [c for c in candidates if norm_text(c.title) == title]
    authors = _authors_key(article.authors)
    with_authors = [c for c in same_title if _authors_key(c.authors) == authors]
    if with_authors:
        return with_authors[0]
    # Title alone is enough only when it is unambiguous (authors are often typed differently).
    return same_title[0] if len(same_title) == 1 else None


def library_body(library: Library | None, article_id: str, article: Article | None) -> str:
    """The library's text for a pack article, or "" when there is none."""
    found = find_library_article(library, article_id, article)
    return str(found.body) if found is not None else ""
