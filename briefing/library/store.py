"""The article library: a folder of Markdown article files plus themes.yaml.

    LIBRARY/
      articles/<id>.md     one article per file (see article_file.py)
      themes.yaml          theme id -> label and colour
      accepted-implications.txt   implication points the officer accepted (see accepted.py)
      .briefing.lock       present only while a change is being made

The folder is the truth; the search index in the user's cache folder is rebuilt from it. Every
change is made under the lock file and written with an atomic replace, so two people sharing a
folder on a network drive take turns and never leave a half-written file. An article's id is its
file name without ".md".
"""

from __future__ import annotations

import contextlib
import functools
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from briefing.errors import BriefingError
from briefing.files.naming import slug
from briefing.files.safe_write import WriteError, atomic_write_text, sweep_temporaries
from briefing.files.user_cache import default_cache_dir
from briefing.library.accepted import FILE_NAME as ACCEPTED_FILE
from briefing.library.accepted import add_accepted, read_accepted
from briefing.library.article_file import (
    LibraryArticle,
    dump_article,
)
from briefing.library.dupes import duplicate_keys, key_kind
from briefing.library.folder import ArticleFolder, create_new
from briefing.library.index import (
    SNIPPETS,
    Listed,
    SearchHit,
    SearchIndex,
    default_index_path,
    disk_full,
)
from briefing.library.lock import LibraryLock
from briefing.library.themes import (
    COLOUR,
    ThemeRecord,
    ThemesFileError,
    next_colour,
    read_themes,
    write_themes,
)
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from briefing.library.records import DraftArticle

ENV_LIBRARY = "BRIEFING_LIBRARY"


class LibraryError(BriefingError):
    """A library request that cannot be done; the message says why and what to do."""


@dataclass
class Skipped:
    """A draft not added because the library already has it."""

    title: str
    existing_id: str
    reason: str  # "the same URL", "the same DOI", "the same title and authors"
    source_file: str = ""


@dataclass
class ImportReport:
    added: list[LibraryArticle] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "FILE: reason", filled in by callers


def default_root() -> Path:
    env = os.environ.get(ENV_LIBRARY, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("Briefing", appauthor=False)) / "library"


class Library:
    """The library service used by the command line and the desktop app."""

    def __init__(self, root: Path | None = None, *, cache_dir: Path | None = None) -> None:
        self.root = Path(root).expanduser() if root is not None else default_root()
        self.articles_dir = self.root / "articles"
        self.themes_path = self.root / "themes.yaml"
        self.accepted_path = self.root / ACCEPTED_FILE
        self.lock_path = self.root / ".briefing.lock"
        if self.root.exists() and not self.root.is_dir():
            raise LibraryError(f"{self.root} is a file, not a library folder. Choose a folder.")
        index_file = default_index_path(self.root, cache_dir or default_cache_dir())
        self.index = SearchIndex(index_file)
        self.folder = ArticleFolder(self.articles_dir, self.index)

    # -- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Bring the index in step with the folder now (files changed outside the app)."""
        self.folder.sync(force=True)

    def articles(self) -> list[LibraryArticle]:
        """Every readable article, newest first."""
        self.folder.sync()
        out = []
        for _id, name in self.folder.indexed(self.index.ids):
            article = self.folder.load(name)
            if article is not None:
                out.append(article)
        return out

    def listing(self) -> list[Listed]:
        """Every readable article's details, newest first, from the index: no article file is
        read except those new or changed since the index last saw them."""
        self.folder.sync()
        return self.folder.indexed(self.index.listing)

    def get(self, article_id: str) -> LibraryArticle:
        path = self._path(article_id)
        article = self.folder.load(path.name) if path.exists() else None
        if article is None:
            raise LibraryError(
                f"No article with id '{article_id}' in {self.root}. "
                f"'briefing library list' shows the ids."
            )
        return article

    def problems(self) -> list[str]:
        """One line per damaged file that was skipped: 'FILE: reason'."""
        self.folder.sync()
        lines = [
            f"{self.articles_dir / name}: skipped, {reason}"
            for name, reason in self.folder.indexed(self.index.problems)
        ]
        try:
            read_themes(self.themes_path)
        except ThemesFileError as exc:
            lines.append(str(exc))
        if self.index.in_memory:
            lines.append(
                f"{self.index.path}: the search index cannot be saved "
                f"({self.index.in_memory}); searching still works, but the index is "
                "built again each time until there is room for it."
            )
        return lines

    def search(
        self,
        query: str,
        *,
        theme: str | None = None,
        source: str | None = None,
        author: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 200,
        snippets: int = SNIPPETS,
    ) -> list[SearchHit]:
        """Ranked full-text search (title counts most); an empty query lists by date. The first
        `snippets` hits carry the words around the match (none when they are not shown)."""
        self.folder.sync()
        return self.folder.indexed(
            lambda: self.index.search(
                query,
                theme=theme,
                source=source,
                author=author,
                date_from=date_from,
                date_to=date_to,
                limit=limit,
                snippets=snippets,
            )
        )

    def did_you_mean(self, query: str) -> str:
        """The query as the library spells it ("councilor" -> "councillor"), or "" when every
        word is one the library uses (offer it when a search finds nothing)."""
        self.folder.sync()
        return self.folder.indexed(lambda: self.index.did_you_mean(query))

    def sources(self) -> list[str]:
        self.folder.sync()
        return self.folder.indexed(lambda: self.index.distinct("source"))

    def authors(self) -> list[str]:
        self.folder.sync()
        return self.folder.indexed(lambda: self.index.distinct("author"))

    def themes(self) -> dict[str, ThemeRecord]:
        """The library's themes; {} (and a line in problems()) when themes.yaml is damaged."""
        try:
            return read_themes(self.themes_path)
        except ThemesFileError:
            return {}

    def articles_by_theme(self, theme_id: str) -> list[LibraryArticle]:
        """Articles with the theme, oldest first (the order a pack section prints them)."""
        chosen = [a for a in self.articles() if theme_id in a.themes]
        return sorted(chosen, key=date_order)

    # -- changing articles --------------------------------------------------------------------

    def add_drafts(
        self, drafts: Sequence[DraftArticle], *, themes: Sequence[str] = ()
    ) -> ImportReport:
        """Save confirmed drafts as articles; duplicates are skipped and reported."""
        report = ImportReport()
        if not drafts:
            return report
        with self._changing():
            known = self._theme_table()
            unknown = [t for t in themes if t not in known]
            if unknown:
                raise LibraryError(_unknown_themes(unknown, self.themes_path))
            self.folder.sync(force=True)
            self.articles_dir.mkdir(parents=True, exist_ok=True)
            batch: dict[str, str] = {}
            now = datetime.now().replace(microsecond=0)
            for draft in drafts:
                keys = duplicate_keys(draft.title, draft.authors, draft.url, draft.doi)
                found = self.folder.indexed(functools.partial(self.index.find_keys, keys))
                if found is None:
                    found = next(((batch[k], k) for k in keys if k in batch), None)
                if found is not None:
                    report.skipped.append(
                        Skipped(draft.title, found[0], key_kind(found[1]), draft.source_file)
                    )
                    continue
                article = from_draft(draft, now, themes)
                try:
                    self._create(article)
                except (OSError, WriteError) as exc:
                    raise LibraryError(_stopped_adding(self.articles_dir, exc, report)) from exc
                report.added.append(article)
                for k in keys:
                    batch[k] = article.id
            self.folder.sync(force=True)
        return report

    def update(self, article: LibraryArticle) -> None:
        """Save an edited article over its file (its id, and so its file name, never change)."""
        if not article.title.strip():
            raise LibraryError("An article needs a title.")
        with self._changing():
            path = self._path(article.id)
            if not path.exists():
                raise LibraryError(f"No article with id '{article.id}' in {self.root}.")
            unknown = [t for t in article.themes if t not in self._theme_table()]
            if unknown:
                raise LibraryError(_unknown_themes(unknown, self.themes_path))
            self._write(article)

    def delete(self, article_id: str) -> None:
        with self._changing():
            path = self._path(article_id)
            if not path.exists():
                raise LibraryError(f"No article with id '{article_id}' in {self.root}.")
            path.unlink()
            self.folder.sync(force=True)

    # -- the officer's accepted implication points ---------------------------------------------

    def accepted_implications(self) -> list[str]:
        """The implication points accepted in this library's packs, oldest first."""
        return read_accepted(self.accepted_path)

    def remember_implications(self, points: Sequence[str]) -> None:
        """Keep points the officer accepted, so later suggestions learn the council's voice."""
        if any(p.strip() for p in points):
            with self._changing():
                add_accepted(self.accepted_path, points)

    # -- themes -------------------------------------------------------------------------------

    def add_theme(self, label: str, colour: str = "") -> str:
        label = " ".join(label.split())
        if not label:
            raise LibraryError("A theme needs a label, for example 'Crisis and resilience'.")
        colour = _check_colour(colour)
        with self._changing():
            table = self._theme_table()
            for theme in table.values():
                if theme.label.casefold() == label.casefold():
                    raise LibraryError(f"There is already a theme '{theme.label}' (id {theme.id}).")
            base = slug(label, "theme")
            tid, n = base, 2
            while tid in table:
                tid, n = f"{base}-{n}", n + 1
            table[tid] = ThemeRecord(tid, label, colour or next_colour(table))
            write_themes(self.themes_path, table)
        return tid

    def rename_theme(self, theme_id: str, label: str, was: str | None = None) -> None:
        """Give the theme a new label. With `was` (the label the user saw), a theme someone
        else has renamed since is left as they named it (LibraryError says so)."""
        label = " ".join(label.split())
        if not label:
            raise LibraryError("A theme needs a label.")
        with self._changing():
            table = self._theme_table()
            theme = self._need_theme(table, theme_id)
            if was is not None and theme.label != was:
                raise LibraryError(_changed_since("renamed", was, theme.label, label))
            theme.label = label
            write_themes(self.themes_path, table)

    def recolour_theme(self, theme_id: str, colour: str, was: str | None = None) -> None:
        """Give the theme a new colour; `was` as for rename_theme (the colour the user saw)."""
        colour = _check_colour(colour)
        with self._changing():
            table = self._theme_table()
            theme = self._need_theme(table, theme_id)
            if was is not None and theme.colour.upper() != was.upper():
                raise LibraryError(_changed_since("recoloured", theme.label, theme.colour, colour))
            theme.colour = colour
            write_themes(self.themes_path, table)

    def merge_themes(self, source_ids: Iterable[str], into_id: str) -> None:
        """Articles of the source themes move to into_id; the source themes are removed."""
        sources = [s for s in dict.fromkeys(source_ids) if s != into_id]
        with self._changing():
            table = self._theme_table()
            self._need_theme(table, into_id)
            for s in sources:
                self._need_theme(table, s)
            self._retheme(lambda ts: _replace(ts, sources, into_id))
            for s in sources:
                del table[s]
            write_themes(self.themes_path, table)

    def delete_theme(self, theme_id: str) -> None:
        """Remove a theme and take it off every article (the articles stay)."""
        with self._changing():
            table = self._theme_table()
            self._need_theme(table, theme_id)
            self._retheme(lambda ts: [t for t in ts if t != theme_id])
            del table[theme_id]
            write_themes(self.themes_path, table)

    def assign(self, article_ids: Iterable[str], theme_id: str) -> None:
        self._set_theme(list(article_ids), theme_id, add=True)

    def unassign(self, article_ids: Iterable[str], theme_id: str) -> None:
        self._set_theme(list(article_ids), theme_id, add=False)

    # -- internals ----------------------------------------------------------------------------

    def _set_theme(self, article_ids: list[str], theme_id: str, *, add: bool) -> None:
        with self._changing():
            self._need_theme(self._theme_table(), theme_id)
            articles = [self.get(a) for a in article_ids]
            for article in articles:
                has = theme_id in article.themes
                if add and not has:
                    article.themes.append(theme_id)
                elif not add and has:
                    article.themes = [t for t in article.themes if t != theme_id]
                else:
                    continue
                self._write(article)

    def _retheme(self, change: Callable[[list[str]], list[str]]) -> None:
        for article in self.articles():
            new = change(list(article.themes))
            if new != article.themes:
                article.themes = new
                self._write(article)

    @contextlib.contextmanager
    def _changing(self) -> Iterator[None]:
        """Hold the library lock for a change; a folder that refuses writes is a plain message."""
        if not self.root.exists():
            try:
                self.root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"Cannot create the library folder {self.root}: {exc}") from exc
        try:
            with LibraryLock(self.lock_path):
                sweep_temporaries(self.articles_dir)  # left by a copy of Briefing that was killed
                yield
        except OSError as exc:
            raise LibraryError(
                f"Cannot change the library in {self.root}: {exc.strerror or exc}. The folder may "
                f"be read-only or on a drive that is not connected; check that you can save "
                f"files there, or choose another library folder."
            ) from exc

    def _theme_table(self) -> dict[str, ThemeRecord]:
        try:
            return read_themes(self.themes_path)
        except ThemesFileError as exc:
            raise LibraryError(f"{exc} Themes cannot be changed until it is fixed.") from exc

    def _need_theme(self, table: dict[str, ThemeRecord], theme_id: str) -> ThemeRecord:
        if theme_id not in table:
            raise LibraryError(_unknown_themes([theme_id], self.themes_path))
        return table[theme_id]

    def _path(self, article_id: str) -> Path:
        if not article_id or "/" in article_id or "\\" in article_id or article_id.startswith("."):
            raise LibraryError(f"'{article_id}' is not an article id.")
        return self.articles_dir / f"{article_id}.md"

    def _write(self, article: LibraryArticle) -> None:
        path = self._path(article.id)
        atomic_write_text(path, dump_article(article))
        article.path = path
        self.folder.remember(path, article)

    def _create(self, article: LibraryArticle) -> None:
        """Write a new article under a file name nobody else has, never replacing a file."""
        base = article.id
        for n in range(1, 10_000):
            article.id = base if n == 1 else f"{base}-{n}"
            target = self.articles_dir / f"{article.id}.md"
            if target.exists():
                continue
            if create_new(target, dump_article(article).encode("utf-8")):
                article.path = target
                self.folder.remember(target, article)
                return
        raise LibraryError(f"Too many articles called '{base}' in {self.articles_dir}.")


def _stopped_adding(folder: Path, exc: OSError | WriteError, report: ImportReport) -> str:
    """Why an import stopped part-way, and which articles it had already added."""
    full = isinstance(exc, OSError) and disk_full(exc) or "disk is full" in str(exc)
    why = (
        "the disk is full"
        if full
        else (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc))
    )
    done = report.added
    lines = [f"Cannot add more articles to {folder}: {why}."]
    if done:
        lines.append(f"{plural(len(done), 'article')} added before it stopped:")
        lines += [f"  + {a.id}  {a.title}" for a in done]
    else:
        lines.append("No article was added.")
    lines.append(
        "Free some space and import again: articles already added are skipped as duplicates."
    )
    return "\n".join(lines)


def from_draft(draft: DraftArticle, now: datetime, themes: Sequence[str] = ()) -> LibraryArticle:
    """The library article for a confirmed draft. A draft with no title (a title cleared in the
    preview, a reader that found none) gets one proposed from its text, marked as proposed:
    an article is never saved without a title."""
    from briefing.library.importers.split import ensure_title

    ensure_title(draft)
    return LibraryArticle(
        id=slug(draft.title, "article"),
        title=draft.title,
        title_proposed=draft.title_was_proposed,
        standfirst=" ".join(draft.standfirst.split()),
        authors=list(draft.authors),
        source=draft.source,
        published=draft.published,
        url=draft.url,
        doi=draft.doi,
        reference=draft.reference,
        themes=list(dict.fromkeys(themes)),
        bio=draft.bio,
        picture_credit=draft.picture_credit,
        first_appeared=draft.first_appeared,
        imported_file=draft.source_file,
        imported_at=now,
        body=draft.body.strip("\n"),
        # Nothing imported is lost: keep the source text even when a reader gave none.
        original=draft.original or draft.body,
    )


def date_order(article: LibraryArticle) -> tuple[bool, date, str]:
    """Oldest first; undated articles last, then by title."""
    return (article.published is None, article.published or date.min, article.title.casefold())


def _check_colour(colour: str) -> str:
    colour = colour.strip()
    if colour and not COLOUR.match(colour):
        raise LibraryError(f"'{colour}' is not a colour: write it as #RRGGBB, for example #1D70B8.")
    return colour.upper()


def _replace(themes: list[str], sources: list[str], into: str) -> list[str]:
    if not any(t in sources for t in themes):
        return themes
    out = [into if t in sources else t for t in themes]
    return list(dict.fromkeys(out))


def _unknown_themes(ids: Sequence[str], themes_path: Path) -> str:
    names = ", ".join(f"'{i}'" for i in ids)
    return f"No theme {names} in {themes_path}. 'briefing theme list' shows the theme ids."


def _changed_since(how: str, theme: str, theirs: str, yours: str) -> str:
    return (
        f"The theme \u201c{theme}\u201d was {how} \u201c{theirs}\u201d by someone else "
        f"after the list was shown, so your change (\u201c{yours}\u201d) was not saved and "
        "theirs is kept. The list now shows the themes as they are; change it again if you "
        "still want to."
    )
