"""Golden files: a small pack's outputs, in a form a reviewer can read, compared with copies in
tests/golden. After an intended change to the output, regenerate them with

    BRIEFING_UPDATE_GOLDENS=1 python -m pytest -q tests/export/test_goldens.py

and review the diff before committing. Word: document.xml and styles.xml pretty-printed (revision
ids left out); PDF (each engine): each page's text, the bookmark tree and whether it is tagged;
HTML: the file as written.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from briefing.compose import compose
from briefing.export.registry import FORMATS, format_engines
from briefing.packfile import load_pack

TESTS = Path(__file__).resolve().parents[1]
PACK = TESTS / "fixtures" / "golden-pack.yaml"
GOLDEN = TESTS / "golden"
UPDATE = os.environ.get("BRIEFING_UPDATE_GOLDENS") == "1"
_VOLATILE = re.compile(r'\s+w:rsid\w*="[0-9A-F]+"')


def _xml(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read(name))
    text = etree.tostring(root, pretty_print=True, encoding="unicode")
    return _VOLATILE.sub("", text)


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    lines = [f"pages: {len(reader.pages)}"]
    for n, page in enumerate(reader.pages, 1):
        lines += [f"--- page {n}", *(line.rstrip() for line in page.extract_text().splitlines())]

    def outline(entries: list, depth: int) -> None:  # type: ignore[type-arg]
        for entry in entries:
            if isinstance(entry, list):
                outline(entry, depth + 1)
            else:
                lines.append(
                    f"{'  ' * depth}{entry.title} -> page "
                    f"{reader.get_destination_page_number(entry) + 1}"
                )

    lines.append("--- bookmarks")
    outline(reader.outline, 0)
    root = reader.trailer["/Root"]
    lines.append(f"--- structure tree: {'yes' if '/StructTreeRoot' in root else 'none'}")
    return "\n".join(lines) + "\n"


def snapshots(key: str, suffix: str, data: bytes) -> dict[str, str]:
    """Golden file name -> readable text, for one rendered format."""
    if suffix == ".docx":
        return {
            f"{key}.document.xml": _xml(data, "word/document.xml"),
            f"{key}.styles.xml": _xml(data, "word/styles.xml"),
        }
    if suffix == ".pdf":
        return {f"{key}.pdf.txt": _pdf(data)}
    if suffix in (".html", ".htm"):
        return {f"{key}.html": data.decode("utf-8")}
    raise AssertionError(f"no golden form for {suffix}: add one to snapshots()")


@pytest.fixture(scope="module")
def document():  # type: ignore[no-untyped-def]
    return compose(load_pack(PACK), PACK.parent)


# Every format x engine; a format's default engine keeps the format's name (pdf.pdf.txt), any
# other engine adds its own (pdf-reportlab.pdf.txt).
PAIRS = format_engines()


def golden_key(key: str, engine: str) -> str:
    return key if engine == FORMATS[key].default_engine.key else f"{key}-{engine}"


@pytest.mark.parametrize(("key", "engine"), PAIRS, ids=[golden_key(*pair) for pair in PAIRS])
def test_output_matches_its_golden_files(document, key: str, engine: str) -> None:
    fmt = FORMATS[key]
    rendered = fmt.render(document, engine).data
    for name, text in snapshots(golden_key(key, engine), fmt.suffix, rendered).items():
        path = GOLDEN / name
        if UPDATE:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            continue
        assert path.exists(), (
            f"no golden file {name}: run BRIEFING_UPDATE_GOLDENS=1 pytest {__file__}"
        )
        expected = path.read_text(encoding="utf-8")
        assert text == expected, (
            f"{golden_key(key, engine)} output differs from tests/golden/{name}. If the change is intended, run "
            "BRIEFING_UPDATE_GOLDENS=1 python -m pytest -q tests/export/test_goldens.py and "
            "review the diff."
        )
