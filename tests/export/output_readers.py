"""Read what a user would notice in any output format: its links and its text."""

from __future__ import annotations

import html
import io
import re
import zipfile
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from briefing.export.registry import FORMATS, render

if TYPE_CHECKING:
    from briefing.document.model import Document


def links(suffix: str, data: bytes) -> set[str]:
    """Every external link target in a rendered file, whatever its format."""
    if suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            rels = z.read("word/_rels/document.xml.rels").decode()
        targets = re.findall(r'Target="([^"]+)"\s+TargetMode="External"', rels) + re.findall(
            r'TargetMode="External"\s+Target="([^"]+)"', rels
        )
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
                    hrefs.update(
                        v
                        for k, v in attrs
                        if k == "href"
                        and v
                        and "://" in v
                        or k == "href"
                        and v
                        and v.startswith("mailto:")
                    )

        Links().feed(data.decode("utf-8"))
        return hrefs
    raise AssertionError(f"no link reader for {suffix}: add one here")


def rendered_all(document: Document) -> dict[str, tuple[str, bytes]]:
    """Every registered format rendered: key -> (suffix, bytes)."""
    return {key: (fmt.suffix, render(key, document).data) for key, fmt in FORMATS.items()}


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_style_sizes(data: bytes) -> dict[str, float]:
    """Every paragraph and character style's effective size in points (through basedOn)."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/styles.xml"))
    default_sz = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
    base_size = int(default_sz.get(f"{W}val")) / 2 if default_sz is not None else 10.0
    styles = {s.get(f"{W}styleId"): s for s in root.iter(f"{W}style")}

    def size(style_id: str, seen: tuple[str, ...] = ()) -> float:
        style = styles.get(style_id)
        if style is None or style_id in seen:
            return base_size
        sz = style.find(f"{W}rPr/{W}sz")
        if sz is not None:
            return int(sz.get(f"{W}val")) / 2
        based = style.find(f"{W}basedOn")
        return size(based.get(f"{W}val"), (*seen, style_id)) if based is not None else base_size

    return {
        sid: size(sid)
        for sid, s in styles.items()
        if s.get(f"{W}type") in ("paragraph", "character")
    }


def docx_run_sizes(data: bytes) -> list[float]:
    """Sizes set directly on runs, in the body, headers and footers."""
    found: list[float] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                text = z.read(name).decode("utf-8")
                found += [int(v) / 2 for v in re.findall(r'<w:sz w:val="(\d+)"', text)]
    return found


def pdf_text_sizes(data: bytes) -> list[tuple[float, str]]:
    """(size in points, text) for every piece of text drawn in a PDF."""
    from pypdf import PdfReader

    found: list[tuple[float, str]] = []
    for page in PdfReader(io.BytesIO(data)).pages:

        def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
            if text.strip():
                scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
                found.append((round(size * scale, 2), text.strip()))

        page.extract_text(visitor_text=visit)
    return found


_CSS_SIZE = re.compile(r"font-size:\s*([\d.]+)(rem|em|pt|px|mm|%)")
_POINTS_PER = {"rem": 12.0, "pt": 1.0, "px": 0.75, "mm": 72 / 25.4}  # 1rem = 16px = 12 pt


def html_text_sizes(data: bytes) -> list[tuple[float, str]]:
    """(size in points, the declaration) for every font size in an HTML page's stylesheet.

    The root size is the browser's default, 16 CSS pixels (12 pt); sizes relative to the parent
    (em, %) count against the body size, the smallest any text inherits.
    """
    page = data.decode("utf-8")
    css = "".join(re.findall(r"<style>(.*?)</style>", page, flags=re.S))
    if re.search(r"font-size:\s*(small|x-small|xx-small|smaller)\b", css):
        raise AssertionError("a keyword font size that shrinks text")
    body = re.search(r"body \{[^}]*font-size:\s*([\d.]+)rem", css)
    body_pt = float(body.group(1)) * 12 if body else 12.0
    found: list[tuple[float, str]] = []
    for match in _CSS_SIZE.finditer(css):
        value, unit = float(match.group(1)), match.group(2)
        if unit in _POINTS_PER:
            points = value * _POINTS_PER[unit]
        else:
            points = body_pt * value / (100 if unit == "%" else 1)
        found.append((round(points, 2), match.group(0)))
    return found
