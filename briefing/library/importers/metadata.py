"""Metadata found in an article's own text: authors, DOI, "first appeared in …", credits, bios."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefing.library.records import DraftArticle, FirstAppeared
from briefing.uk.dates import MONTHS

HONORIFICS = (
    "Dr",
    "Prof",
    "Professor",
    "Cllr",
    "Councillor",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Rev",
    "Revd",
)
_TITLES = "|".join(HONORIFICS)
_HONORIFIC = re.compile(r"^(?:(?:" + _TITLES + r")\.?\s+)+")
_NAME_WORD = re.compile(
    r"^(?:[A-Z][a-zà-ÿœšžł'’\-]*[a-zà-ÿ]|[A-Z]\.?|[A-Z][a-z]*[A-Z][a-z]+|"
    r"[A-ZÀ-ÝŠŽŁ][\w'’\-]*)$"
)
_PARTICLES = {
    "van",
    "von",
    "de",
    "der",
    "den",
    "da",
    "del",
    "di",
    "du",
    "la",
    "le",
    "bin",
    "al",
    "st",
    "y",
}
# Capitalised words that start headings far more often than they are anyone's name.
_NOT_NAMES = {
    "the",
    "a",
    "an",
    "local",
    "government",
    "council",
    "councils",
    "democratic",
    "democracy",
    "leadership",
    "renewing",
    "policy",
    "public",
    "services",
    "service",
    "national",
    "new",
    "england",
    "english",
    "uk",
    "britain",
    "british",
    "european",
    "model",
    "reform",
    "crisis",
    "crises",
    "report",
    "review",
    "research",
    "implications",
    "conclusion",
    "conclusions",
    "introduction",
    "summary",
    "background",
    "references",
    "reference",
    "notes",
    "participants",
    "agenda",
    "contents",
    "next",
    "steps",
    "recommendations",
    "findings",
    "key",
    "points",
    "authority",
    "authorities",
    "combined",
    "county",
    "district",
    "borough",
    "city",
    "unitary",
    "mayor",
    "mayors",
    "devolution",
    "finance",
    "funding",
    "budget",
    "health",
    "care",
    "social",
    "housing",
    "planning",
    "digital",
    "data",
    "ai",
    "technology",
    "innovation",
    "innovators",
    "participation",
    "engagement",
    "community",
    "communities",
    "citizens",
    "councillors",
    "councillor",
    "members",
    "member",
    "officers",
    "work",
    "working",
    "future",
    "why",
    "what",
    "how",
    "when",
    "where",
    "who",
    "is",
    "are",
    "do",
    "does",
    "our",
    "my",
    "we",
    "it",
    "this",
    "that",
    "and",
    "or",
    "in",
    "on",
    "of",
    "for",
    "with",
    "to",
    "by",
    "at",
    "as",
    "part",
    "chapter",
    "section",
    "appendix",
    "annex",
    "figure",
    "table",
    "picture",
    "credit",
    "photo",
    "image",
    "source",
    "sources",
    "click",
    "here",
    "read",
    "more",
    "share",
    "theatre",
    "legislative",
    "regional",
    "region",
    "strategy",
    "strategic",
    "management",
    "global",
    "world",
    "week",
    "day",
    "year",
    "today",
    "update",
    "news",
    "blog",
    "briefing",
    "view",
    "views",
}
_BY = re.compile(
    r"^(?:(?:an?\s+)?(?:guest\s+)?(?:post|blog(?:\s+post)?|article|column|piece)\s+"
    r"(?:written\s+)?by|posted\s+by|written\s+by|words\s+by|by|author:)\s+(.+)$",
    re.IGNORECASE,
)
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_URL = re.compile(r"https?://[^\s<>\"”’)]+")
_FIRST = re.compile(
    r"^\s*(?:this|the)\s+(?:article|piece|post|blog(?:\s+post)?|column)\s+"
    r"(?:was\s+)?(?:first|originally|also)?\s*(?:appeared|published|ran|run)"
    r"(?:\s+first)?\s+(?:in|on|by)\s+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_CREDIT = re.compile(
    r"^\s*(?:picture|photo|photograph|image|header image|main image|illustration)"
    r"(?:\s+credit)?s?\s*[:\-–]\s*(?P<credit>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_REFERENCE = re.compile(
    r"^\s*(?:reference|citation|cite as|full reference)\s*:\s*(?P<ref>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_MONTH_NAMES = {m.lower(): i for i, m in enumerate(MONTHS, start=1)}
_MONTH_NAMES.update({m[:3].lower(): i for i, m in enumerate(MONTHS, start=1)})
_MONTH_NAMES["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_DATE_DMY = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b",
    re.IGNORECASE,
)
_DATE_MDY = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.IGNORECASE
)
_DATE_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_DATE_NUM = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\b")
_DATE_FORMS = (_DATE_DMY, _DATE_MDY, _DATE_ISO, _DATE_NUM)
_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·*]|-(?=\s))\s*")
_IS_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·*]|-)\s+\S")
_DOI_LABEL = re.compile(r"\bdoi:\s*10\.", re.IGNORECASE)
_DESCRIBES = re.compile(
    r"^(?:is|was|are|were|has|have|leads|works|teaches|writes|chairs|"
    r"directs|heads|serves|joined)\b"
)


@dataclass
class AuthorLine:
    names: list[str]
    role: str = ""
    strength: int = 1  # 3: a "By …" byline; 2: several names or an honorific; 1: one plain name


def strip_honorific(name: str) -> str:
    return _HONORIFIC.sub("", " ".join(name.split())).strip(" ,.;")


def is_name(text: str) -> bool:
    words = strip_honorific(text).split()
    if not 2 <= len(words) <= 5:
        return False
    if words[0].lower() in _PARTICLES or words[-1].lower() in _PARTICLES:
        return False
    for word in words:
        if word.lower() in _PARTICLES:
            continue
        initial = len(word.rstrip(".")) == 1
        if (not initial and word.lower() in _NOT_NAMES) or not _NAME_WORD.match(word):
            return False
    return True


def parse_author_line(line: str) -> AuthorLine | None:
    """The names on a line such as "A / B / C", "A and B", "Dr A, Dr B, and Dr C" or
    "By NAME, ROLE"; None when the line is not an author line."""
    text = " ".join(line.split()).strip()
    if (
        not text
        or len(text) > 160
        or text.endswith((".", "?", "!", ":"))
        and not text.endswith(" Jr.")
    ):
        return None
    byline = _BY.match(text)
    if byline:
        rest = byline.group(1)
        names, _, role = rest.partition(",")
        parts = [p for p in re.split(r"\s+and\s+|\s*&\s*|\s+/\s+", names) if p.strip()]
        if parts and all(is_name(p) for p in parts):
            return AuthorLine([strip_honorific(p) for p in parts], role.strip(), 3)
        return None
    parts = [
        p.strip()
        for p in re.split(r"\s*/\s*|\s*;\s*|,\s*and\s+|\s+and\s+|\s*&\s*|,\s*", text)
        if p.strip()
    ]
    if not parts or not all(is_name(p) for p in parts):
        return None
    honorific = _HONORIFIC.match(text) is not None
    return AuthorLine(
        [strip_honorific(p) for p in parts], "", 2 if len(parts) > 1 or honorific else 1
    )


def parse_uk_date(text: str) -> date | None:
    """The first date written in a UK (or common) form: "16 October 2025", "25th September 2025",
    "September 25, 2025", "2025-10-16", "16/10/2025"."""
    found: list[tuple[int, date]] = []
    for pattern in _DATE_FORMS:
        for match in pattern.finditer(text):
            day = _date_of(match)
            if day is not None:
                found.append((match.start(), day))
    return min(found)[1] if found else None


def read_uk_date(text: str) -> date | None:
    """The date when the whole text is one date in a form parse_uk_date knows, else None."""
    text = " ".join(text.split()).rstrip(".")
    for pattern in _DATE_FORMS:
        match = pattern.fullmatch(text)
        if match:
            return _date_of(match)
    return None


def _date_of(match: re.Match[str]) -> date | None:
    month = match.group("month")
    number = int(month) if month.isdigit() else _MONTH_NAMES[month.lower().rstrip(".")]
    try:
        return date(int(match.group("year")), number, int(match.group("day")))
    except ValueError:
        return None


_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_DATE_LEAD = re.compile(
    r"^(?:(?:first\s+)?(?:posted|published|updated|dated?|last\s+updated)"
    r"(?:\s+on)?\s*:?\s*|on\s+)",
    re.IGNORECASE,
)
_TIME_TAIL = re.compile(
    r"(?:,?\s+(?:at\s+)?|T)\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:[+-]\d{2}:?\d{2}|Z|UTC|GMT|BST)?$",
    re.IGNORECASE,
)


def date_line(text: str) -> date | None:
    """The date when a whole line is a dateline: "Posted on May 2nd 2020",
    "2016-03-18 10:46 +0000", "Published: Monday 16 October 2025, 9:30am"; else None."""
    text = " ".join(text.split()).strip(" |·•–—-")
    if len(text) > 80:
        return None
    text = _DATE_LEAD.sub("", text)
    text = _WEEKDAY.sub("", text)
    text = _TIME_TAIL.sub("", text).strip(" ,")
    return read_uk_date(text)


_SOURCE_LINE = re.compile(
    r"^\s*(?:source|via|published by|from|originally published (?:in|by))"
    r"\s*[:\-–]\s*(?P<source>\S.{0,100})$",
    re.IGNORECASE,
)


_TRAILER = re.compile(
    r"^\s*(?:originally published|first published|published|read (?:the )?(?:original|full "
    r"(?:article|post|story|report))|source|via|read more|continue reading|the original|link)"
    r"\b[^\n]{0,80}?(?P<url>https?://[^\s<>\"”’)]+)[\s.)]*$",
    re.IGNORECASE,
)


def trailer_url(text: str) -> str:
    """The address on a closing line that points to where the article was published
    ("Originally published at https://…", "Read the full post: https://…"), else ""."""
    match = _TRAILER.match(" ".join(text.split())) if len(text) < 300 else None
    return match.group("url").rstrip(".,;:)]}") if match else ""


def source_line(text: str) -> str:
    """The publication named on a citation line ("Source: Care Finance Monthly"), else ""."""
    match = _SOURCE_LINE.match(" ".join(text.split()))
    if match is None or find_url(match.group("source")) == match.group("source"):
        return ""
    return match.group("source").strip(" .")


def find_doi(text: str) -> str:
    match = _DOI.search(text)
    return match.group(1).rstrip(".,;:)]}”’'\"") if match else ""


def find_url(text: str) -> str:
    match = _URL.search(text)
    return match.group(0).rstrip(".,;:)]}") if match else ""


def parse_first_appeared(paragraph: str) -> FirstAppeared | None:
    """ "This article first appeared in the X on DATE titled "T". It is available here: URL"."""
    match = _FIRST.match(" ".join(paragraph.split()))
    if not match:
        return None
    rest = match.group("rest")
    publication = re.split(
        r",|\s+on\s+|\s+titled\b|\s+under\b|\s+in\s+\d|\s+\(|\.\s|\s+available\b"
        r"|\s+at\s+http|\s+https?://",
        rest,
        maxsplit=1,
    )[0]
    publication = re.sub(r"^the\s+", "", publication.strip(" .:"), flags=re.IGNORECASE)
    title = re.search(
        r"(?:titled|entitled|under the (?:title|headline))\s*[:,]?\s*[“\"‘'](.+?)[”\"’']"
        r"(?=[\s.,;]|$)",
        rest,
    )
    return FirstAppeared(
        publication=publication,
        date=parse_uk_date(rest),
        url=find_url(rest),
        title=title.group(1).strip() if title else "",
    )


def picture_credit(paragraph: str) -> str:
    match = _CREDIT.match(paragraph)
    return " ".join(match.group("credit").split()) if match else ""


def reference(paragraph: str) -> str:
    match = _REFERENCE.match(paragraph)
    return " ".join(match.group("ref").split()) if match else ""


def is_bio(paragraph: str, authors: list[str]) -> bool:
    """A paragraph that starts with an author's name (or an honorific and a name) and goes on to
    describe them: "Dr A B is director of …", "A, B and C are academics at …"."""
    text = " ".join(paragraph.split())
    if len(text.split()) < 6:  # an author line ("A and B") is not a bio
        return False
    stripped = strip_honorific(text)
    for author in authors:
        if stripped.startswith(author):
            tail = stripped[len(author) :].lstrip(" ,")
            if _DESCRIBES.match(tail) or (
                tail.startswith(("and ", "Dr ", "Prof"))
                and re.search(r"\b(?:is|are|was|were)\b", tail)
            ):
                return True
    # Bios of people not on the author line still start "Title Name is …".
    lead = re.match(
        r"^((?:(?:" + _TITLES + r")\.?\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3})\s+(is|was)\s+"
        r"(?:an?|the|director|head|chief|professor|lecturer|reader|senior|associate|"
        r"joint|co-|currently|also)",
        text,
    )
    return bool(lead and _HONORIFIC.match(text))


def normalise_bullet(line: str) -> str:
    """ "•           X" and "  • X" → "- X"."""
    return "- " + " ".join(_BULLET.sub("", line, count=1).split())


def is_bullet(line: str) -> bool:
    return bool(_IS_BULLET.match(line))


def fill(article: DraftArticle, paragraphs: list[str]) -> None:  # noqa: C901 - one pass over the paragraphs, one branch per kind of line
    """Take metadata out of an article's paragraphs (after its title and author lines) and set
    `body` to what remains. Bios, credits, reference and "first appeared" lines leave the body;
    they stay in `original`."""
    body: list[str] = []
    bios: list[str] = []
    tail_started = False
    # Walk from the end: bios and credits close a post; a bio-like paragraph mid-text is content.
    keep = [True] * len(paragraphs)
    for index in range(len(paragraphs) - 1, -1, -1):
        text = " ".join(paragraphs[index].split())
        # (each helper is called only when its pattern matches: this loop sees every paragraph)
        first = parse_first_appeared(text) if _FIRST.match(text) else None
        credit = picture_credit(text) if _CREDIT.match(text) else ""
        ref = reference(text) if _REFERENCE.match(text) else ""
        if first is not None:
            article.first_appeared = article.first_appeared or first
            keep[index] = False
        elif credit:
            article.picture_credit = article.picture_credit or credit
            keep[index] = False
        elif ref and index >= len(paragraphs) - 4:
            article.reference = article.reference or ref
            article.doi = article.doi or find_doi(ref)
            keep[index] = False
        elif index < 2 and date_line(text) is not None:
            article.published = article.published or date_line(text)
            keep[index] = False
        elif index >= len(paragraphs) - 3 and trailer_url(text):
            article.url = article.url or trailer_url(text)
            keep[index] = False
        elif (index < 2 or index >= len(paragraphs) - 3) and source_line(text):
            article.source = article.source or source_line(text)
            keep[index] = False
        elif not tail_started and is_bio(text, article.authors):
            bios.insert(0, text)
            keep[index] = False
        else:
            tail_started = True
    for index, paragraph in enumerate(paragraphs):
        if not keep[index]:
            continue
        if "\n" not in paragraph:  # one line: a list item or a paragraph
            body.append(
                normalise_bullet(paragraph)
                if _IS_BULLET.match(paragraph)
                else " ".join(paragraph.split())
            )
            continue
        lines = paragraph.split("\n")
        if any(is_bullet(ln) for ln in lines):
            body.append(
                "\n".join(
                    normalise_bullet(ln) if is_bullet(ln) else " ".join(ln.split())
                    for ln in lines
                    if ln.strip()
                )
            )
        else:
            body.append(reflow(paragraph))
    if not article.doi:
        for paragraph in paragraphs:
            if "doi.org/" in paragraph or _DOI_LABEL.search(paragraph):
                article.doi = find_doi(paragraph)
                break
    if bios:
        article.bio = "\n\n".join(bios)
    if article.first_appeared is not None:
        article.url = article.url or article.first_appeared.url
        article.published = article.published or article.first_appeared.date
    article.body = _join_lists("\n\n".join(body))


_HARD_BREAK = re.compile(r"(?:  +|\\)$")


def reflow(paragraph: str) -> str:
    """Hard-wrapped lines become one line; a line ending in two spaces or a backslash (a line
    break made on purpose, as Markdown writes it) keeps its break."""
    out: list[str] = []
    for line in paragraph.split("\n"):
        words = " ".join(line.split())
        if not words:
            continue
        if out and out[-1] != "\n":
            out.append(" ")
        out.append(words.rstrip("\\").rstrip())
        if _HARD_BREAK.search(line):
            out.append("\n")
    return "".join(out).strip()


def _join_lists(text: str) -> str:
    """Consecutive one-line bullet paragraphs become one list (no blank lines between items)."""
    return re.sub(r"(?m)^(- .*)\n\n(?=- )", r"\1\n", text)
