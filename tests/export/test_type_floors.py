"""No text is smaller than 12 pt (16 pt in large print) in any format: every style a writer
defines and every run it emits, on a pack that uses every kind of block and furniture."""

from __future__ import annotations

from pathlib import Path

import pytest
from edge_packs import edge_pack
from output_readers import docx_run_sizes, docx_style_sizes, html_text_sizes, pdf_text_sizes

from briefing.compose import compose
from briefing.export.registry import FORMATS, render

# Styles Word keeps in every document for its own use and never applies to our text.
_UNUSED_BUILTINS = {
    "CommentText",
    "CommentReference",
    "FootnoteText",
    "EndnoteText",
    "BalloonText",
    "Macro",
    "PlainText",
    "HTMLPreformatted",
}


@pytest.fixture(scope="module", params=[False, True], ids=["standard", "large-print"])
def built(request) -> tuple[float, dict[str, tuple[str, bytes]]]:
    large = request.param
    pack = edge_pack(large_print=large, paper="A4" if large else "A5")
    document = compose(pack, Path("."))
    floor = 16.0 if large else 12.0
    return floor, {key: (fmt.suffix, render(key, document).data) for key, fmt in FORMATS.items()}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_nothing_is_printed_below_the_floor(built, fmt: str) -> None:
    floor, outputs = built
    suffix, data = outputs[fmt]
    if suffix == ".docx":
        small_styles = {
            sid: size
            for sid, size in docx_style_sizes(data).items()
            if size < floor and sid not in _UNUSED_BUILTINS
        }
        assert not small_styles, f"Word styles under {floor} pt: {small_styles}"
        small_runs = [s for s in docx_run_sizes(data) if s < floor]
        assert not small_runs, f"Word runs under {floor} pt: {small_runs}"
    elif suffix == ".pdf":
        small = sorted({(size, text[:30]) for size, text in pdf_text_sizes(data) if size < floor})
        assert not small, f"PDF text under {floor} pt: {small[:10]}"
    elif suffix == ".html":
        sizes = html_text_sizes(data)
        assert sizes, "no font sizes found in the page's stylesheet"
        small = sorted({(size, text) for size, text in sizes if size < floor - 0.01})
        assert not small, f"HTML text under {floor} pt: {small}"
    else:
        pytest.fail(f"no size reader for {suffix}: add one to output_readers")
