"""Splitting one imported file into articles, and proposing a title when a file has none.

An article starts at a title line followed by an author line (the strongest signal), at a
top-level heading in a structured document, or at a title-like line right after the end of the
previous article (a bio, a "first appeared" line or a picture credit). Subheadings inside a post
are followed by ordinary paragraphs, so they never start a new article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from briefing.library.importers import markup
from briefing.library.importers import metadata as md
from briefing.library.records import DraftArticle

if TYPE_CHECKING:
    from briefing.library.importers.source import SourceText

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_CLOSING = "”’\"')]"
_BREAK_WORDS = {
    "to",
    "and",
    "but",
    "which",
    "that",
    "while",
    "whilst",
    "alongside",
    "with",
    "for",
    "because",
    "as",
    "where",
    "who",
    "in",
    "on",
    "of",
    "after",
    "before",
    "by",
    "so",
    "or",
    "when",
    "if",
    "than",
    "from",
    "into",
    "across",
    "under",
    "over",
    "through",
}
PROPOSED = "title proposed: no title line found"


@dataclass(slots=True)
class Para:
    text: str  # one line of words, heading marks removed: what the detectors look at
    raw: str  # the source lines as written
    line: int  # 1-based first line in SourceText.text
    end: int  # 1-based last line
    heading: int | None = None
    bullet: bool = False


def paragraphs(source: SourceText) -> list[Para]:
    """Paragraphs in file order. A blank line ends a paragraph; inside a block each line is its
    own paragraph (pasted web text puts one paragraph per line) unless the block is hard-wrapped
    prose or Markdown."""
    if source.format == "md":
        return _markdown_paragraphs(source)
    lines = source.text.split("\n")
    is_md = source.format == "md"
    headings, list_items = source.headings, source.list_items
    out: list[Para] = []

    def line_para(number: int, text: str, heading: int | None, bullet: bool) -> Para:
        words = _MD_HEADING.sub("", text) if is_md else text
        return Para(" ".join(words.split()), text, number, number, heading, bullet)

    def flush(block: list[tuple[int, str]]) -> None:
        widths = [len(t) for _, t in block]
        wrapped = is_md or (
            len(block) > 1 and max(widths) <= 100 and all(w >= 35 for w in widths[:-1])
        )
        current: list[tuple[int, str]] = []
        for number, text in block:
            heading = headings.get(number)
            bullet = number in list_items or md.is_bullet(text)
            if heading is not None or bullet or not wrapped:
                _close(current, out)
                out.append(line_para(number, text, heading, bullet))
            else:
                current.append((number, text))
        _close(current, out)

    block: list[tuple[int, str]] = []
    for number, text in enumerate(lines, start=1):
        if text.strip():
            block.append((number, text))
        elif len(block) == 1:  # the usual case on a long page: a paragraph of one line
            at, line = block[0]
            heading = headings.get(at)
            bullet = at in list_items or md.is_bullet(line)
            if is_md and (heading is not None or bullet):
                out.append(line_para(at, line, heading, bullet))
            else:  # (Markdown heading marks are only taken off headings and list items)
                out.append(Para(" ".join(line.split()), line, at, at, heading, bullet))
            block = []
        elif block:
            flush(block)
            block = []
    if block:
        flush(block)
    return out


def _markdown_paragraphs(source: SourceText) -> list[Para]:
    """Markdown blocks as paragraphs: headings, list items (with their wrapped lines), quotes
    and hard-wrapped prose each made one paragraph; HTML, entities and template tags made text;
    lines with nothing to read left out."""
    out: list[Para] = []
    current: list[tuple[int, str]] = []
    kind = ""

    def close() -> None:
        nonlocal kind
        if current:
            if kind == "item":
                first = current[0][1].strip()
                raw = " ".join([first, *(t.strip() for _, t in current[1:])])
                raw = md.normalise_bullet(raw) if md.is_bullet(raw) else " ".join(raw.split())
            elif kind == "quote":
                raw = "> " + " ".join(_QUOTE.sub("", t).strip() for _, t in current)
            else:
                raw = "\n".join(t for _, t in current)  # (md.fill reflows it)
            text = " ".join(markup.words_of(raw).split())
            if text:
                out.append(Para(text, raw, current[0][0], current[-1][0], None, kind == "item"))
            current.clear()
        kind = ""

    for number, line in enumerate(source.text.split("\n"), start=1):
        text = "" if number in source.hidden else markup.clean_inline(line)
        if not text.strip():
            close()
            continue
        heading = source.headings.get(number)
        if heading is not None:
            close()
            words = " ".join(markup.words_of(text).split())
            if words:
                out.append(Para(words, text, number, number, heading, False))
            continue
        if number in source.list_items:
            close()
            kind = "item"
        elif _QUOTE.match(text):
            if kind != "quote":
                close()
                kind = "quote"
        elif not kind:
            kind = "para"
        current.append((number, text))
    close()
    return out


_QUOTE = re.compile(r"^\s{0,3}>\s?")


def _close(current: list[tuple[int, str]], out: list[Para]) -> None:
    """A run of hard-wrapped lines becomes one paragraph."""
    if current:
        raw = "\n".join(t for _, t in current)
        out.append(Para(" ".join(raw.split()), raw, current[0][0], current[-1][0]))
        current.clear()


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSING).endswith((".", ",", ";", ":"))


def is_title_like(p: Para) -> bool:
    text = p.text
    if p.bullet or not text or len(text) > 200 or not 1 <= len(text.split()) <= 25:
        return False
    if p.heading is not None:
        return True
    if _ends_sentence(text) or re.search(r"https?://|www\.|\||@", text):
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "“‘\"'"):
        return False
    return not is_end_signal(text)


def is_end_signal(text: str) -> bool:
    return bool(md.parse_first_appeared(text) or md.picture_credit(text) or md.reference(text))


def _author(paras: list[Para], index: int) -> md.AuthorLine | None:
    if index >= len(paras) or paras[index].bullet:
        return None
    return md.parse_author_line(paras[index].text)


def _starts(source: SourceText, paras: list[Para]) -> dict[int, tuple[int | None, int | None]]:
    """{first paragraph index: (title index or None, author index or None)}."""
    starts: dict[int, tuple[int | None, int | None]] = {}
    levels = [p.heading for p in paras if p.heading is not None]
    top = min(levels) if levels else None
    split_on_headings = top is not None and len(set(levels)) > 1 and levels.count(top) > 1
    authors: list[str] = []
    index = 0
    while index < len(paras):
        p = paras[index]
        author = _author(paras, index + 1)
        start: tuple[int | None, int | None] | None = None
        if is_title_like(p) and author and index + 2 < len(paras):
            ahead = _author(paras, index + 2)
            # "Title / Name / Body": the better author line decides which line is the title.
            if not (ahead and is_title_like(paras[index + 1]) and ahead.strength > author.strength):
                start = (index, index + 1)
        elif split_on_headings and p.heading == top and index + 1 < len(paras):
            start = (index, None)
        elif (
            index
            and is_title_like(p)
            and index + 1 < len(paras)
            and not is_title_like(paras[index + 1])
            and not is_end_signal(paras[index + 1].text)
        ):
            before = paras[index - 1].text
            if is_end_signal(before) or md.is_bio(before, authors):
                start = (index, None)
        if start is not None or index == 0:
            if start is None:
                start = _first_article(paras)
            starts[index] = start
            line = _author(paras, start[1]) if start[1] is not None else None
            authors = line.names if line else []
            index = max(i for i in (index, *start) if i is not None) + 1
            continue
        index += 1
    return starts


def _first_article(paras: list[Para]) -> tuple[int | None, int | None]:
    first = paras[0]
    if not is_title_like(first) or len(paras) == 1:
        return (None, 0 if _author(paras, 0) else None)
    if first.heading is not None or _author(paras, 1):
        return (0, 1 if _author(paras, 1) else None)
    following = paras[1]
    if not following.bullet and len(following.text.split()) >= 12:
        return (0, None)
    return (None, None)


def propose_title(text: str, limit: int = 12) -> str:
    """A title from the first sentence: whole if short, else cut at a natural break."""
    sentence = re.split(r"(?<=[.!?])[”’'\"]?\s+(?=[A-Z“‘\"'])", " ".join(text.split()), maxsplit=1)[
        0
    ]
    words = sentence.rstrip(".!").split()
    if words and words[0].islower():
        words[0] = words[0][0].upper() + words[0][1:]  # a title starts with a capital
    if len(words) <= limit:
        return " ".join(words).rstrip(",;:–- ")
    cut = limit
    for position in range(limit, 4, -1):
        if words[position].lower() in _BREAK_WORDS or words[position - 1].endswith((",", ";", ":")):
            cut = position
            break
    while cut > 1 and words[cut - 1].lower() in _BREAK_WORDS:
        cut -= 1
    return " ".join(words[:cut]).rstrip(",;:–- ")


def _repeats(paras: list[Para], offset: int) -> list[str]:
    flags: list[str] = []
    # Two paragraphs of 60 characters or more where one begins the other share their first 60
    # characters, so only paragraphs in the same group are compared (linear on a long file).
    seen: dict[str, list[tuple[str, Para]]] = {}
    for p in paras:
        key = p.text.lower().rstrip(" .")
        if len(key) < 60:
            continue
        group = seen.setdefault(key[:60], [])
        for other_key, other in group:
            shorter, longer = sorted((key, other_key), key=len)
            if longer.startswith(shorter):
                flags.append(
                    f"paragraph repeated at lines {other.line + offset} and {p.line + offset}"
                )
                break
        group.append((key, p))
    return flags


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    return md.parse_uk_date(str(value)) if value else None


def _apply_hints(article: DraftArticle, source: SourceText) -> None:
    meta = source.meta
    if meta.get("title") and (article.title_was_proposed or source.format in ("md", "html")):
        article.title = str(meta["title"])
        article.flags = [f for f in article.flags if f != PROPOSED]
    names = list(meta.get("authors") or [])
    if not names and meta.get("author_line"):
        line = md.parse_author_line(str(meta["author_line"]))
        names = line.names if line else [str(meta["author_line"])]
    if names and not article.authors:
        article.authors = [md.strip_honorific(n) for n in names]
    for key in ("source", "url", "doi", "reference", "bio", "picture_credit", "standfirst"):
        if meta.get(key) and not getattr(article, key):
            setattr(article, key, str(meta[key]))
    article.published = article.published or _as_date(meta.get("published"))
    article.themes = article.themes or list(meta.get("themes") or [])


def _drop_kicker(paras: list[Para]) -> list[Para]:
    """A short section label over the headline ("## Local government" above "# Councils weigh
    up four-day weeks") is not the title: the headline is the larger heading below it."""
    if len(paras) < 3:
        return paras
    kicker, headline = paras[0], paras[1]
    if (
        headline.heading is not None
        and len(kicker.text.split()) <= 6
        and not _ends_sentence(kicker.text)
        and (kicker.heading is None or kicker.heading > headline.heading)
        and all(p.heading is None or p.heading >= headline.heading for p in paras[2:])
    ):
        return paras[1:]
    return paras


def _possibly_truncated(article: DraftArticle) -> str:
    """A flag when the text stops mid-sentence (a page saved part-way, a teaser)."""
    last = article.body.rstrip().rsplit("\n", 1)[-1].strip()
    if not last or last.startswith(("- ", "> ", "#", "|")) or re.match(r"^\d+[.)]\s", last):
        return ""
    if last.endswith(("…", "...", "[…]", "[...]")) or (
        len(last.split()) >= 8
        and not last.rstrip(_CLOSING + "*_").endswith((".", "!", "?", ":", ";"))
    ):
        return "possibly truncated: the text ends mid-sentence"
    return ""


LISTED = "from a listing page: only the teaser was saved (open the link for the whole article)"


def _listed(source: SourceText) -> list[DraftArticle]:
    """One entry for each item of a listing page: its title, date, teaser and link."""
    entries: list[DraftArticle] = []
    line = 1
    for item in source.meta["listing"]:
        block = "\n".join(
            v for v in (item["title"], item["date"], item["teaser"], item["url"]) if v
        )
        entry = DraftArticle(
            title=item["title"],
            body=item["teaser"],
            original=block,
            url=item["url"],
            published=_as_date(item["date"]),
            source_file=source.name,
            start_line=line,
            flags=[LISTED],
        )
        ensure_title(entry)
        entries.append(entry)
        line += block.count("\n") + 2
    return entries


def split_articles(source: SourceText) -> list[DraftArticle]:  # noqa: C901 - the splitting rules, tried in order on each paragraph
    if source.meta.get("listing"):
        return _listed(source)
    paras = paragraphs(source)
    if not paras:
        return []
    if source.format == "md":
        paras = _drop_kicker(paras)
    whole_file = source.format in ("md", "html") and bool(source.meta.get("title"))
    starts = {0: _first_article(paras)} if whole_file else _starts(source, paras)
    if whole_file and starts[0][0] is not None and paras[0].text != source.meta.get("title"):
        starts[0] = (None, starts[0][1])  # the first line is body text, not a second title
    lines = source.text.split("\n")
    order = sorted(starts)
    articles: list[DraftArticle] = []
    for number, first in enumerate(order):
        last = order[number + 1] if number + 1 < len(order) else len(paras)
        title_at, author_at = starts[first]
        own = paras[first:last]
        used = {i for i in (title_at, author_at) if i is not None}
        body = [p for i, p in enumerate(own, start=first) if i not in used]
        end_line = paras[last].line - 1 if last < len(paras) else len(lines)
        # The first article's original starts at the top: lines before its first paragraph
        # (a section label, template tags, pictures) are kept with it.
        start_line = 1 if number == 0 else own[0].line
        original = "\n".join(lines[start_line - 1 : end_line]).rstrip()
        if number == 0 and source.preamble:
            original = source.preamble + original
        article = DraftArticle(
            title="",
            original=original,
            source_file=source.name,
            start_line=own[0].line + source.line_offset,
        )
        if author_at is not None:
            line = md.parse_author_line(paras[author_at].text)
            if line:
                article.authors = line.names
                if line.role:
                    article.bio = f"{', '.join(line.names)}, {line.role}"
        if author_at is None and body and not body[0].bullet:
            byline = (
                md.parse_author_line(body[0].text) if body[0].text[:3].lower() == "by " else None
            )
            if byline is not None and byline.strength == 3:  # "By …" opening the text
                article.authors = byline.names
                body = body[1:]
        if title_at is not None:
            article.title = paras[title_at].text
        else:
            article.title = propose_title(body[0].text if body else own[0].text)
            article.flags.append(PROPOSED)
        md.fill(article, [p.raw for p in body])
        article.flags.extend(_repeats(body, source.line_offset))
        articles.append(article)
    if len(articles) == 1:
        _apply_hints(articles[0], source)
    for article in articles:
        article.flags.extend(str(note) for note in source.meta.get("notes") or ())
        ensure_title(article)
        truncated = _possibly_truncated(article)
        if truncated:
            article.flags.append(truncated)
    return articles


def ensure_title(article: DraftArticle) -> None:
    """Every article has a title: one proposed from its text (and flagged so) when none was
    found, or when the one found has no words in it."""
    title = " ".join(article.title.split())
    if any(c.isalnum() for c in title):
        article.title = title
        return
    text = " ".join(markup.words_of(article.body or article.original).split())
    article.title = propose_title(text) or "Untitled article"
    if not article.title_was_proposed:
        article.flags.insert(0, PROPOSED)
