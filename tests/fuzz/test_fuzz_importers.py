"""Random files under every importable suffix: each is imported (articles found) or refused with
a message naming the file, never an exception of another kind."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.errors import BriefingError
from briefing.library.importers import SUPPORTED, import_path

_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs",))
_TEXT = st.text(
    alphabet=st.one_of(_CHARS, st.sampled_from(list("\n\n#-*<>&\x0b\x0c\t"))), max_size=300
)
_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@st.composite
def html_pages(draw) -> str:  # type: ignore[no-untyped-def]
    tags = [
        "div",
        "p",
        "h1",
        "h2",
        "li",
        "ul",
        "article",
        "main",
        "table",
        "tr",
        "td",
        "br",
        "b",
        "script",
        "meta",
        "span",
        "section",
        "header",
        "nav",
        "o:p",
        "xmp",
        "template",
        "rt",
        "title",
        "textarea",
        "style",
        "time",
        "plaintext",
    ]
    # What real pages hold besides tags: comments, declarations, entities (declared ones too),
    # an XML declaration, bylines, furniture and metadata that the reader looks for.
    pieces = [
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<!DOCTYPE html [<!ENTITY e 'ee'>]>",
        "&e;",
        "&amp;",
        "&nbsp",
        "&#0;",
        "&#x110000;",
        "&bogus;",
        "<?xml version='1.0' encoding='latin-1'?>",
        "<br/>",
        '<p class="byline">',
        '<a rel="author">',
        '<div class="share">',
        "<div hidden>",
        '<div role="main">',
        "<time datetime=''>",
        '<meta property="og:title" content="',
        '<meta name="author" content="',
        '">',
        '<link rel="canonical" href="https://example.org/a">',
        "<![if !supportLists]>",
    ]
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(st.sampled_from(tags))
        kind = draw(st.integers(0, 3))
        parts.append(
            f"<{tag}>"
            if kind == 0
            else f"</{tag}>"
            if kind == 1
            else draw(st.sampled_from(pieces))
            if kind == 2
            else draw(_TEXT)
        )
    return "<html><head><title>" + draw(_TEXT) + "</title></head><body>" + "".join(parts)


@st.composite
def markdown_files(draw) -> str:  # type: ignore[no-untyped-def]
    front = draw(
        st.sampled_from(
            [
                "",
                "---\ntitle: {t}\nauthor: {t}\ndate: 2025-02-30\n---\n",
                "---\n{t}\n---\n",
                '+++\ntitle = "{t}"\n+++\n',
                "---\nthemes: {t}\n---\n",
            ]
        )
    )
    return front.replace("{t}", draw(_TEXT)) + draw(_TEXT)


@st.composite
def word_files(draw) -> bytes:  # type: ignore[no-untyped-def]
    from docx import Document

    document = Document()
    for _ in range(draw(st.integers(0, 5))):
        text = "".join(c for c in draw(_TEXT) if c.isprintable() or c in "\n\t")
        style = draw(st.sampled_from(["Normal", "Heading 1", "Heading 2", "List Bullet", "Title"]))
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    if draw(st.booleans()):  # damage it
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=50)) + data[cut + 10 :]
    return data


def _odt(text: str) -> bytes:
    import zipfile
    from xml.sax.saxutils import escape

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "content.xml",
            '<?xml version="1.0"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            f"<office:body><office:text><text:p>{escape(text)}</text:p>"
            "</office:text></office:body></office:document-content>",
        )
    return out.getvalue()


def files() -> st.SearchStrategy[tuple[str, bytes]]:
    any_suffix = st.sampled_from(SUPPORTED)
    return st.one_of(
        st.tuples(any_suffix, st.binary(max_size=2000)),
        st.tuples(any_suffix, st.builds(_encoded, _TEXT, _ENCODINGS)),
        st.tuples(
            st.sampled_from([".html", ".htm"]), st.builds(_encoded, html_pages(), _ENCODINGS)
        ),
        st.tuples(
            st.sampled_from([".md", ".markdown"]), st.builds(_encoded, markdown_files(), _ENCODINGS)
        ),
        st.tuples(st.just(".docx"), word_files()),
        st.tuples(st.just(".pdf"), st.binary(max_size=500).map(lambda b: b"%PDF-1.4\n" + b)),
        st.tuples(
            st.sampled_from([".eml", ".mhtml"]),
            st.builds(
                lambda subject, html: (
                    f"Subject: {subject}\nMIME-Version: 1.0\nContent-Type: "
                    f"text/html; charset=utf-8\n\n{html}"
                ).encode("utf-8", "replace"),
                _TEXT.map(lambda t: " ".join(t.split())),
                html_pages(),
            ),
        ),
        st.tuples(st.just(".odt"), st.builds(_odt, _TEXT)),
    )


# Small and repeatable in CI; BRIEFING_FUZZ=long (bench/README.md) runs many random examples.
LONG = os.environ.get("BRIEFING_FUZZ") == "long"


_EXAMPLES = settings(
    max_examples=int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "2000")) if LONG else 40,
    deadline=None,
    derandomize=not LONG,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@_EXAMPLES
@given(files())
def test_every_importer_imports_or_names_the_file(case: tuple[str, bytes]) -> None:
    _imports_or_names_the_file(*case)


def _imports_or_names_the_file(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzzed{suffix}"
        path.write_bytes(data)
        try:
            drafts = import_path(path)
        except BriefingError as exc:
            assert "fuzzed" in str(exc)
            return
        for draft in drafts:
            assert draft.title.strip() or draft.flags


@_EXAMPLES
@given(html_pages(), _ENCODINGS, st.sampled_from([".html", ".htm"]))
def test_every_web_page_imports_or_names_the_file(page: str, encoding: str, suffix: str) -> None:
    # Web pages alone (the parser's own property): tag soup, declarations, entities, bylines.
    _imports_or_names_the_file(suffix, _encoded(page, encoding))
