"""Word opens the file as a modern document with a gallery of the styles a briefing uses, a
council's template still wins, and Word and the PDF share bullets and the Sources layout."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from edge_packs import edge_pack

from briefing.compose import compose
from briefing.export.common import brand
from briefing.export.docx import styles as docx_styles
from briefing.export.docx.writer import reference_template
from briefing.export.registry import render

PACKS = Path(__file__).resolve().parents[2] / "packs"


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def _docx(template: Path | None = None) -> bytes:
    pack = edge_pack(large_print=False, paper="A4", handout=False)
    document = compose(pack, Path("."))
    document.meta.template = template
    return render("docx", document).data


def test_word_is_not_in_compatibility_mode_even_from_an_old_template() -> None:
    for template in (None, PACKS / "templates" / "house-style.docx"):
        settings = _part(_docx(template), "word/settings.xml")
        modes = re.findall(r'w:name="compatibilityMode"[^>]*w:val="(\d+)"', settings)
        assert modes == ["15"], (template, modes)


def test_reference_template_gallery_holds_only_the_styles_a_briefing_uses() -> None:
    styles = zipfile.ZipFile(reference_template()).read("word/styles.xml").decode()
    names = set(re.findall(r'<w:style [^>]*>\s*<w:name w:val="([^"]+)"', styles))
    assert {spec.name.lower() for spec in docx_styles.SPECS} <= {n.lower() for n in names}
    assert len(names) <= 45, f"{len(names)} styles in the gallery"
    assert "Heading 9" not in names and "Intense Quote" not in names


def test_a_council_template_still_wins() -> None:
    styles = _part(_docx(PACKS / "templates" / "house-style.docx"), "word/styles.xml")
    assert "Verdana" in styles


def test_bullets_and_sources_look_the_same_in_word_as_in_the_pdf() -> None:
    data = _docx()
    numbering = _part(data, "word/numbering.xml")
    assert f'w:color w:val="{brand.ACCENT.lstrip("#").upper()}"' in numbering
    styles = _part(data, "word/styles.xml")
    reference = re.search(r'<w:style [^>]*w:styleId="Reference".*?</w:style>', styles, re.S)
    assert reference and re.search(r'<w:ind w:left="(\d+)" w:hanging="\1"/>', reference.group(0))


def test_council_footer_tab_stops_do_not_pull_the_page_number_to_the_middle() -> None:
    data = _docx(PACKS / "templates" / "house-style.docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        footers = [z.read(n).decode() for n in z.namelist() if re.match(r"word/footer\d", n)]
    running = next(f for f in footers if "PAGE" in f)
    # The template's Footer style sets centre (4680) and right (9360) stops: both are cleared
    # and one right stop at the text width carries "Page N of M".
    assert '<w:tab w:val="clear" w:pos="4680"/>' in running
    assert re.search(r'<w:tab w:val="right" w:pos="\d+"/>', running)
