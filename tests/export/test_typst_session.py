"""The tagged PDF made through a kept compile context (the app's preview of an open pack) is the
same file as one made from nothing; the context follows the document's pictures as they change
and lets everything go when closed."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.document.model import Paragraph, Run
from briefing.export.pdf.typst.writer import LayoutSession, render_typst_pdf

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from briefing.document.model import Document


def test_a_kept_context_makes_the_same_file_as_a_fresh_compile(
    make_sample_document: Callable[..., Document], sample_logo: Path
) -> None:
    first = make_sample_document(logo=sample_logo)
    edited = replace(
        first, blocks=[*first.blocks, Paragraph([Run("A sentence added after the first preview.")])]
    )
    session = LayoutSession()
    try:
        with session.active():
            kept = [render_typst_pdf(document).data for document in (first, edited, first)]
        # The logo sits in the context's folder while a document shows it.
        assert list((session.folder / "pictures").iterdir())
        with session.active():
            render_typst_pdf(make_sample_document())
        assert not list((session.folder / "pictures").iterdir())  # gone with the logo
    finally:
        session.close()
    assert kept == [
        render_typst_pdf(first).data,
        render_typst_pdf(edited).data,
        render_typst_pdf(first).data,
    ]
    assert kept[0] != kept[1] and session.compiles == 4


def test_a_closed_context_keeps_nothing_and_still_compiles(sample_document: Document) -> None:
    session = LayoutSession()
    with session.active():
        render_typst_pdf(sample_document)
    folder = session.folder
    assert (folder / "document.json").is_file()
    session.close()
    assert session.closed and not folder.exists()
    with session.active():  # a preview finishing after its pack closed
        late = render_typst_pdf(sample_document).data
    assert late == render_typst_pdf(sample_document).data and not folder.exists()
