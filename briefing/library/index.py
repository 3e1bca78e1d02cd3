"""The search index: an SQLite FTS5 cache of the library's article files.

The index lives in the user's cache folder, never in the library, and holds nothing that is not
also in the article files: deleting it loses nothing. Each file's mtime and size are stored so
the library can re-read only what changed. A damaged index is deleted and rebuilt.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.library import query as q
from briefing.library.dupes import duplicate_keys, norm_author

if TYPE_CHECKING:
    from briefing.library.article_file import LibraryArticle

SCHEMA_VERSION = "4"
# bm25 column weights: a hit in the title counts most, then authors, source, body.
WEIGHTS = (10.0, 4.0, 2.0, 1.0)
RANK = f"bm25({', '.join(str(w) for w in WEIGHTS)})"
# Highlighted snippets are costly (FTS5 re-reads the text), so only the hits a screen shows first
# get one; the rest show the article's opening words. The app's list shows no snippets, so its
# searches ask for none.
SNIPPETS = 25

Stamp = tuple[int, int]  # (mtime_ns, size)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs(
    docid INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, mtime_ns INTEGER, size INTEGER,
    id TEXT, title TEXT, authors TEXT, source TEXT, published TEXT, url TEXT, doi TEXT,
    themes TEXT, lead TEXT, title_proposed INTEGER DEFAULT 0, reference TEXT, standfirst TEXT);
CREATE TABLE IF NOT EXISTS bad(name TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER,
    reason TEXT);
CREATE TABLE IF NOT EXISTS doc_themes(docid INTEGER, theme TEXT);
CREATE INDEX IF NOT EXISTS doc_themes_theme ON doc_themes(theme);
CREATE INDEX IF NOT EXISTS doc_themes_doc ON doc_themes(docid);
CREATE TABLE IF NOT EXISTS doc_authors(docid INTEGER, author TEXT, plain TEXT);
CREATE INDEX IF NOT EXISTS doc_authors_doc ON doc_authors(docid);
CREATE TABLE IF NOT EXISTS doc_keys(docid INTEGER, key TEXT);
CREATE INDEX IF NOT EXISTS doc_keys_key ON doc_keys(key);
CREATE INDEX IF NOT EXISTS doc_keys_doc ON doc_keys(docid);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title, authors, source, body, tokenize='unicode61 remove_diacritics 2',
    prefix='3 4');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_words USING fts5vocab(fts, 'row');
"""


@dataclass
class SearchHit:
    id: str
    title: str
    authors: list[str] = field(default_factory=list)
    source: str = ""
    published: date | None = None
    themes: list[str] = field(default_factory=list)
    snippet: str = ""
    title_proposed: bool = False


@dataclass
class Listed:
    """An article's details as the index holds them: what a listing shows, without reading
    the article's file (its body may run to megabytes)."""

    id: str
    title: str
    authors: list[str]
    source: str
    published: date | None
    url: str
    doi: str
    reference: str
    standfirst: str
    themes: list[str]
    title_proposed: bool


def default_index_path(root: Path, cache_dir: Path) -> Path:
    key = hashlib.sha256(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:20]
    return Path(cache_dir) / "index" / f"{key}.sqlite3"


def fts_query(text: str) -> str:
    """User words -> a safe FTS5 query of the words as typed, the last one a prefix once it has
    three letters (see query.py)."""
    typed = q.words(text)
    return q.exact(typed, q.prefix_wanted(text, typed))


def disk_full(exc: BaseException) -> bool:
    """An SQLite or file error that means the disk (or the user's quota) is full."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    return "full" in str(exc).lower() or "disk i/o" in str(exc).lower()


class SearchIndex:
    """One SQLite file; safe to share between threads of one process (calls are serialised)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._con: sqlite3.Connection | None = None
        self._hits = 0  # rows returned so far by the running search (see search())
        self._forms_seen: dict[str, list[str]] = {}  # word -> its forms in the library
        # An author filter -> the temporary table of its articles (see _by_author).
        self._author_tables: dict[str, str] = {}
        self._authors_version = -1
        self.rebuilt = False  # true after the file was missing or damaged and started afresh
        # Why the index lives in memory for this session ("" when it is saved in its file).
        self.in_memory = ""

    # -- opening and repair -------------------------------------------------------------------

    @property
    def con(self) -> sqlite3.Connection:
        if self._con is None:
            self._open()
        assert self._con is not None
        return self._con

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            existed = self.path.exists()
            self._connect()
        except OSError as exc:
            self.use_memory(exc.strerror or str(exc))
            return
        except sqlite3.DatabaseError as exc:
            if disk_full(exc):
                self.use_memory("the disk is full")
                return
            self.reset()
            return
        if not existed:
            self.rebuilt = True

    def use_memory(self, why: str) -> None:
        """Keep the index in memory for this session (its file cannot be written: `why`). The
        library stays usable; the index is rebuilt from the article files when next opened."""
        with self._lock:
            if self._con is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._con.close()
            self._con = None
            self.in_memory = why or "it cannot be written"
            self._connect()
            self.rebuilt = True

    def _connect(self) -> None:
        where = ":memory:" if self.in_memory else self.path
        con = sqlite3.connect(where, timeout=30, check_same_thread=False, isolation_level=None)
        try:
            if not self.in_memory:
                con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")
            con.create_function("_hit_no", 0, self._hit_no, deterministic=False)
            con.executescript(_SCHEMA)
            row = con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
            if row is None:
                con.execute("INSERT OR REPLACE INTO meta VALUES('version', ?)", (SCHEMA_VERSION,))
            elif row[0] != SCHEMA_VERSION:
                raise sqlite3.DatabaseError("old index format")
        except BaseException:
            con.close()
            raise
        self._con = con
        self._author_tables.clear()  # temporary tables live and die with their connection

    def reset(self) -> None:
        """Delete the index file and start an empty one (the caller then re-reads the files)."""
        with self._lock:
            if self._con is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._con.close()
                self._con = None
            if not self.in_memory:
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(str(self.path) + suffix).unlink(missing_ok=True)
            self._connect()
            self.rebuilt = True

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    # -- keeping it in step with the files ----------------------------------------------------

    def stamps(self) -> dict[str, Stamp]:
        with self._lock:
            rows = self.con.execute(
                "SELECT name, mtime_ns, size FROM docs UNION ALL SELECT name, mtime_ns, size FROM bad"
            ).fetchall()
        return {name: (mtime, size) for name, mtime, size in rows}

    def apply(
        self,
        good: list[tuple[str, Stamp, LibraryArticle]],
        bad: list[tuple[str, Stamp, str]],
        removed: list[str],
    ) -> None:
        """Store changed files, damaged files and deletions in one transaction."""
        if not (good or bad or removed):
            return
        with self._lock:
            self._forms_seen.clear()
            self._forget_authors()
            con = self.con
            con.execute("BEGIN IMMEDIATE")
            try:
                for name in [*removed, *(g[0] for g in good), *(b[0] for b in bad)]:
                    self._delete(name)
                for name, (mtime, size), reason in bad:
                    con.execute("INSERT INTO bad VALUES(?,?,?,?)", (name, mtime, size, reason))
                for name, stamp, article in good:
                    self._insert(name, stamp, article)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def _delete(self, name: str) -> None:
        con = self.con
        con.execute("DELETE FROM bad WHERE name=?", (name,))
        row = con.execute("SELECT docid FROM docs WHERE name=?", (name,)).fetchone()
        if row is None:
            return
        docid = row[0]
        for table in ("docs", "doc_themes", "doc_authors", "doc_keys"):
            con.execute(f"DELETE FROM {table} WHERE docid=?", (docid,))
        con.execute("DELETE FROM fts WHERE rowid=?", (docid,))

    def _insert(self, name: str, stamp: Stamp, a: LibraryArticle) -> None:
        con = self.con
        published = a.published.isoformat() if a.published else ""
        from briefing.library.importers.markup import words_of

        # The index holds the words a reader sees: snippets never show Markdown or HTML.
        body = words_of(a.body)
        lead = " ".join(body.split()[:40])
        cur = con.execute(
            "INSERT INTO docs(name, mtime_ns, size, id, title, authors, source, published, url,"
            " doi, themes, lead, title_proposed, reference, standfirst)"
            " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                name,
                stamp[0],
                stamp[1],
                a.id,
                a.title,
                "\n".join(a.authors),
                a.source,
                published,
                a.url,
                a.doi,
                "\n".join(a.themes),
                lead,
                int(a.title_proposed),
                a.reference,
                a.standfirst,
            ),
        )
        docid = cur.lastrowid
        con.execute(
            "INSERT INTO fts(rowid, title, authors, source, body) VALUES(?,?,?,?,?)",
            (docid, a.title, "; ".join(a.authors), a.source, body),
        )
        con.executemany("INSERT INTO doc_themes VALUES(?,?)", [(docid, t) for t in a.themes])
        con.executemany(
            "INSERT INTO doc_authors VALUES(?,?,?)",
            [(docid, n, norm_author(n)) for n in a.authors],
        )
        keys = duplicate_keys(a.title, a.authors, a.url, a.doi)
        con.executemany("INSERT INTO doc_keys VALUES(?,?)", [(docid, k) for k in keys])

    # -- questions ----------------------------------------------------------------------------

    def problems(self) -> list[tuple[str, str]]:
        with self._lock:
            return self.con.execute("SELECT name, reason FROM bad ORDER BY name").fetchall()

    def ids(self) -> list[tuple[str, str]]:
        """(id, file name) of every readable article, newest first."""
        with self._lock:
            return self.con.execute(
                "SELECT id, name FROM docs ORDER BY published DESC, title COLLATE NOCASE"
            ).fetchall()

    def listing(self) -> list[Listed]:
        """Every readable article's details, newest first (the order of ids())."""
        with self._lock:
            rows = self.con.execute(
                "SELECT id, title, authors, source, published, url, doi, reference, standfirst,"
                " themes, title_proposed FROM docs ORDER BY published DESC, title COLLATE NOCASE"
            ).fetchall()
        return [
            Listed(
                i,
                title,
                _lines(authors),
                source,
                date.fromisoformat(published) if published else None,
                url or "",
                doi or "",
                reference or "",
                standfirst or "",
                _lines(themes),
                bool(proposed),
            )
            for i, title, authors, source, published, url, doi, reference, standfirst, themes, proposed in rows
        ]

    def find_keys(self, keys: list[str]) -> tuple[str, str] | None:
        """(id, key) of an article sharing any of the keys, or None."""
        if not keys:
            return None
        marks = ",".join("?" * len(keys))
        with self._lock:
            row = self.con.execute(
                f"SELECT d.id, k.key FROM doc_keys k JOIN docs d ON d.docid=k.docid "
                f"WHERE k.key IN ({marks}) ORDER BY k.key LIMIT 1",
                keys,
            ).fetchone()
        return (row[0], row[1]) if row else None

    def distinct(self, what: str) -> list[str]:
        sql = {
            "source": "SELECT DISTINCT source FROM docs WHERE source != ''",
            "author": "SELECT DISTINCT author FROM doc_authors WHERE author != ''",
        }[what]
        with self._lock:
            values = [r[0] for r in self.con.execute(sql)]
        return sorted(values, key=str.casefold)

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
        """The best `limit` hits; the first `snippets` of them with a snippet of the words
        around the match (the rest show the article's opening words)."""
        where: list[str] = []
        args: list[object] = []
        if theme:
            where.append("d.docid IN (SELECT docid FROM doc_themes WHERE theme = ?)")
            args.append(theme)
        if source:
            where.append("d.source LIKE ? ESCAPE '\\'")
            args.append(f"%{_like(source.strip())}%")
        if author:
            with self._lock:
                where.append(f"d.docid IN {self._by_author(norm_author(author))}")
        if date_from:
            where.append("d.published != '' AND d.published >= ?")
            args.append(date_from.isoformat())
        if date_to:
            where.append("d.published != '' AND d.published <= ?")
            args.append(date_to.isoformat())
        filters = "".join(" AND " + c for c in where)
        typed = q.words(query)
        if not typed:
            if query.strip():
                return []  # only punctuation typed: nothing can match
            sql = (
                f"SELECT {_COLUMNS}, NULL FROM docs d WHERE 1{filters} "
                "ORDER BY d.published DESC, d.title COLLATE NOCASE LIMIT ?"
            )
            with self._lock:
                return [_hit(row) for row in self.con.execute(sql, [*args, limit])]
        # Exact words first, then any English form of them or the last word as the start of a
        # longer one (when the library has such words): the second adds only the articles the
        # first did not find.
        prefix = q.prefix_wanted(query, typed)
        with self._lock:
            tiers = [q.exact(typed)]
            last = typed[-1].tokens[-1]
            longer = prefix and any(
                t != last for t, _ in self._terms_from(last, last + "\uffff", limit=2)
            )
            # The last word as a prefix already finds every form that starts with it.
            covered = (
                {last}
                if longer
                and q.starts_every_form(last)
                and [w.single for w in typed].count(last) == 1
                else set()
            )
            forms_of = {
                w.single: self._forms(w.single)
                for w in typed
                if w.single and w.single not in covered
            }
            if longer or any(len(f) > 1 or (f and f[0] != w) for w, f in forms_of.items()):
                # Only the articles the words as typed do not match: they came first.
                tiers.append(f"({q.with_forms(typed, forms_of, prefix=longer)}) NOT ({tiers[0]})")
            hits: list[SearchHit] = []
            seen: set[str] = set()
            for match in tiers:
                if len(hits) >= limit:
                    break
                # FTS5 sorts by `rank` itself (no SQLite sort of wide rows), and the display
                # columns and snippets are then read only for the rows returned, best first: so
                # the counter gives snippets to the first SNIPPETS hits only. CROSS JOIN keeps
                # fts the outer loop, so filters never become one full-text match per row.
                wanted = snippets - len(hits)
                snippet = (
                    f"CASE WHEN _hit_no() <= {wanted} THEN snippet(fts, 3, '', '', '…', 16) END"
                    if wanted > 0
                    else "NULL"
                )
                sql = (
                    f"SELECT {_COLUMNS}, {snippet} "
                    f"FROM fts CROSS JOIN docs d ON d.docid = fts.rowid "
                    f"WHERE fts MATCH ? AND fts.rank MATCH ?{filters} ORDER BY fts.rank LIMIT ?"
                )
                self._hits = 0
                for row in self.con.execute(sql, [match, RANK, *args, limit]):
                    if row[0] not in seen and len(hits) < limit:
                        seen.add(row[0])
                        hits.append(_hit(row))
        return hits

    def did_you_mean(self, query: str) -> str:
        """The query with each misspelt or US-spelt word replaced by the library's own nearest
        word ("councilor" -> "councillor"), or "" when every word is the library's own."""
        typed = q.words(query)
        with self._lock:
            fixes = {w.single: q.correction(w.single, self._terms_from) for w in typed if w.single}
        if not any(fixes.values()):
            return ""
        return " ".join(fixes.get(w.single) or " ".join(w.tokens) for w in typed)

    def _forms(self, word: str) -> list[str]:
        """The library's forms of `word` (remembered until the index next changes)."""
        if word not in self._forms_seen:
            if len(self._forms_seen) > 4096:
                self._forms_seen.clear()
            self._forms_seen[word] = q.forms(word, self._terms_from)
        return self._forms_seen[word]

    def _by_author(self, plain: str) -> str:
        """A temporary table of the articles with an author whose name holds `plain`, made once
        while the index stays as it is: the name search reads every author, and an officer
        keeps the same author filter while typing query after query."""
        # data_version changes when another process has changed the index file.
        version = self.con.execute("PRAGMA data_version").fetchone()[0]
        if version != self._authors_version or len(self._author_tables) >= 64:
            self._forget_authors()
            self._authors_version = version
        table = self._author_tables.get(plain)
        if table is None:
            table = f"temp.by_author_{len(self._author_tables)}"
            self.con.execute(f"CREATE TEMP TABLE {table}(docid INTEGER PRIMARY KEY)")
            self.con.execute(
                f"INSERT OR IGNORE INTO {table} SELECT docid FROM doc_authors "
                "WHERE plain LIKE ? ESCAPE '\\'",
                (f"%{_like(plain)}%",),
            )
            self._author_tables[plain] = table
        return table

    def _forget_authors(self) -> None:
        for table in self._author_tables.values():
            self.con.execute(f"DROP TABLE IF EXISTS {table}")
        self._author_tables.clear()

    def _terms_from(self, low: str, high: str, limit: int = 2000) -> list[tuple[str, int]]:
        """The index's words w with low <= w < high and how many articles hold each."""
        return self.con.execute(
            "SELECT term, doc FROM fts_words WHERE term >= ? AND term < ? LIMIT ?",
            (low, high, limit),
        ).fetchall()

    def _hit_no(self) -> int:
        self._hits += 1
        return self._hits


_COLUMNS = "d.id, d.title, d.authors, d.source, d.published, d.themes, d.lead, d.title_proposed"


def _hit(row: tuple[str, ...]) -> SearchHit:
    i, title, authors, src, published, themes, lead, proposed, snip = row
    return SearchHit(
        id=i,
        title=title,
        authors=_lines(authors),
        source=src,
        published=date.fromisoformat(published) if published else None,
        # The lead is stored with its spaces already made single (see _insert).
        themes=_lines(themes),
        snippet=" ".join(snip.split()) if snip else lead or "",
        title_proposed=bool(proposed),
    )


def _lines(value: str | None) -> list[str]:
    return [v for v in (value or "").split("\n") if v]


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
