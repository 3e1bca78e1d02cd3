"""Duplicate keys: the same URL, the same DOI, or the same title and authors.

Each article gets a few normalised keys; two articles sharing any key are the same article.
Normalising ignores what does not change the article: letter case, punctuation and accents in
titles and names, "https://www." versus "http://", tracking parameters, "doi:" prefixes.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit

if TYPE_CHECKING:
    from collections.abc import Sequence

KIND_LABELS = {"url": "the same URL", "doi": "the same DOI", "ta": "the same title and authors"}
_HONORIFICS = {"dr", "prof", "professor", "cllr", "councillor", "mr", "mrs", "ms", "miss", "sir"}


def norm_text(text: str) -> str:
    """Lower-case ASCII words only: how titles and names are compared."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def norm_url(url: str) -> str:
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith("utm_")]
    )
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{query}" if query else "")


def norm_doi(doi: str) -> str:
    value = doi.strip().lower()
    for prefix in (
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi.org/",
        "doi:",
    ):
        if value.startswith(prefix):
            value = value[len(prefix) :]
    return value.strip().rstrip(".")


def norm_author(name: str) -> str:
    words = [w for w in norm_text(name).split() if w not in _HONORIFICS]
    return " ".join(words)


def duplicate_keys(title: str, authors: Sequence[str], url: str = "", doi: str = "") -> list[str]:
    keys = []
    if norm_url(url):
        keys.append("url:" + norm_url(url))
    if norm_doi(doi):
        keys.append("doi:" + norm_doi(doi))
    plain_title = norm_text(title)
    if plain_title:
        names = sorted(n for n in (norm_author(a) for a in authors) if n)
        keys.append("ta:" + plain_title + "|" + ";".join(names))
    return keys


def key_kind(key: str) -> str:
    return KIND_LABELS.get(key.split(":", 1)[0], "the same details")
