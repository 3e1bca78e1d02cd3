"""Read what a user would notice in any output format: its links and its text."""

from __future__ import annotations

import html
import io
import re
import zipfile
from html.parser import HTMLParser

from briefing.document.model import Document
from briefing.export.registry import FORMATS, render


def links(suffix: str, data: bytes) -> set[str]:
    """Every external link target in a rendered file, whatever its format."""
    if suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            rels = z.read("word/_rels/document.xml.rels").decode()
        targets = re.findall(r'Target="([^"]+)"\s+TargetMode="External"', rels) + re.findall(
            r'TargetMode="External"\s+Target="([^"]+)"', rels)
        return {html.unescape(t) for t in targets}
    if suffix == ".pdf":
        from pypdf import PdfReader

        found: set[str] = set()
        for page in PdfReader(io.BytesIO(data)).pages:
            for annot in page.get("/Annots") or []:
                action = annot.get_object().get("/A")
                if action is not None and "/URI" in action:
                    found.add(str(action["/URI"]))
        return found
    if suffix in (".html", ".htm"):
        hrefs: set[str] = set()

        class Links(HTMLParser):
            def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
                if tag == "a":
                    hrefs.update(v for k, v in attrs if k == "href" and v and "://" in v
                                 or k == "href" and v and v.startswith("mailto:"))

        Links().feed(data.decode("utf-8"))
        return hrefs
    raise AssertionError(f"no link reader for {suffix}: add one here")


def rendered_all(document: Document) -> dict[str, tuple[str, bytes]]:
    """Every registered format rendered: key -> (suffix, bytes)."""
    return {key: (fmt.suffix, render(key, document).data) for key, fmt in FORMATS.items()}
