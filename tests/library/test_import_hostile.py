"""Hostile import files (bombs, deep nesting, encryption) are refused with a plain message
naming the file, quickly and without a traceback. Every bomb is built by the test, small."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefing.library.importers import ImportFailure, import_path

if TYPE_CHECKING:
    from pathlib import Path


def test_a_page_nested_thousands_deep_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body>" + "<div>" * 3000 + "<p>Deep text.</p>" + "</div>" * 3000 + "</body></html>",
        encoding="utf-8",
    )
    with pytest.raises(
        ImportFailure,
        match=r"deep.html: the page nests its parts more than 400 "
        r"deep",
    ):
        import_path(page)


def test_a_page_with_many_sections_and_line_breaks_keeps_its_text(tmp_path: Path) -> None:
    sections = "".join(
        f"<h2>Ward {n}</h2><p>Line one of ward {n}<br>line two of ward {n}</p>"
        for n in range(1, 400)
    )
    page = tmp_path / "wards.html"
    page.write_text(
        f"<html><head><title>Ward news</title></head><body><main><h1>Ward news</h1>"
        f"{sections}</main></body></html>",
        encoding="utf-8",
    )
    [article] = import_path(page)
    assert article.title == "Ward news"
    assert "Line one of ward 7 line two of ward 7" in " ".join(article.body.split())
    assert "Ward 399" in article.body


def test_front_matter_nested_a_thousand_deep_is_refused(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text(
        "---\ntitle: " + "[" * 1000 + "]" * 1000 + "\n---\n\n# Note\n\nText.\n", encoding="utf-8"
    )
    with pytest.raises(
        ImportFailure,
        match="note.md: the metadata block at the top: lists and "
        "sets of keys are nested more than 64 deep",
    ):
        import_path(note)


def zip_bomb(path: Path, part: str, megabytes: int, others: dict[str, bytes] | None = None) -> Path:
    """A small zip whose `part` unpacks to `megabytes` MB of the same byte (written in chunks,
    so the test never holds it in memory)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in (others or {}).items():
            archive.writestr(name, data)
        with archive.open(part, "w", force_zip64=True) as stream:
            chunk = b" " * (1024 * 1024)
            for _ in range(megabytes):
                stream.write(chunk)
    return path


def small_docx() -> dict[str, bytes]:
    """The parts of a real .docx (from python-docx's default document) except its text."""
    import io
    import zipfile

    from docx import Document

    out = io.BytesIO()
    Document().save(out)
    with zipfile.ZipFile(out) as archive:
        return {
            name: archive.read(name) for name in archive.namelist() if name != "word/document.xml"
        }


def test_a_word_file_whose_text_unpacks_to_far_more_than_it_weighs_is_refused(
    tmp_path: Path,
) -> None:
    bomb = zip_bomb(tmp_path / "bomb.docx", "word/document.xml", 60, small_docx())
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(
        ImportFailure,
        match=r"bomb.docx: the Word file is too large to read "
        r"safely: its part word/document.xml unpacks to 60 MB",
    ):
        import_path(bomb)


def test_a_word_file_whose_pictures_unpack_past_the_limit_is_refused(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "pictures.docx", "word/media/image1.png", 310, small_docx())
    with pytest.raises(
        ImportFailure,
        match=r"pictures.docx: .* it unpacks to 3\d\d MB, more "
        r"than the 300 MB Briefing reads",
    ):
        import_path(bomb)


def test_a_pdf_whose_page_unpacks_to_a_gigabyte_is_refused(tmp_path: Path) -> None:
    import zlib

    packer = zlib.compressobj(1)
    stream = b"".join(packer.compress(b" " * (1024 * 1024)) for _ in range(200)) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    body = b"%PDF-1.7\n"
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(body)
    with pytest.raises(ImportFailure, match="bomb.pdf: .*too large to read"):
        import_path(bomb)


def test_a_word_file_with_damaged_compressed_text_is_called_damaged(tmp_path: Path) -> None:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in small_docx().items():
            archive.writestr(name, data)
        archive.writestr(
            "word/document.xml", "<w:document>" + "Budget text. " * 2000 + "</w:document>"
        )
    data = bytearray(out.getvalue())
    start = data.index(b"word/document.xml") + len("word/document.xml") + 40
    data[start : start + 200] = bytes(200)  # zeros in the middle of the compressed text
    broken = tmp_path / "broken.docx"
    broken.write_bytes(bytes(data))
    with pytest.raises(ImportFailure, match="broken.docx: the Word file is damaged"):
        import_path(broken)


def test_a_page_declaring_entities_expands_none_and_reads_no_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("officer salaries", encoding="utf-8")
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    page = tmp_path / "entities.html"
    page.write_text(
        f'<!DOCTYPE html [<!ENTITY l0 "ha">{laughs}<!ENTITY leak SYSTEM '
        f'"file://{secret}">]><html><body><p>Laughs: &l9; Leak: &leak; End of '
        "page.</p></body></html>",
        encoding="utf-8",
    )
    [article] = import_path(page)
    assert "End of page." in article.body
    assert "haha" not in article.body and "officer salaries" not in article.body
    assert len(article.body) < 200


def test_a_page_with_a_large_picture_inline_keeps_all_its_text(tmp_path: Path) -> None:
    # Over the parser's own 10-million-character limit for one attribute, under Briefing's 20 MB.
    page = tmp_path / "photo.html"
    page.write_text(
        '<html><body><p>Before the picture.</p><img src="data:image/png;base64,'
        + "A" * 11_000_000
        + '"><p>After the picture.</p></body></html>',
        encoding="utf-8",
    )
    [article] = import_path(page)
    assert article.body == "Before the picture.\n\nAfter the picture."


def test_hundreds_of_paragraphs_never_closed_are_not_nesting(tmp_path: Path) -> None:
    # Each <p> ends the one before, as in a browser: 600 of them are 600 paragraphs, not a page
    # nested 600 deep.
    page = tmp_path / "old-style.html"
    page.write_text(
        "<html><body>"
        + "".join(f"<p>Paragraph {n} of the minutes." for n in range(600))
        + "</body></html>",
        encoding="utf-8",
    )
    [article] = import_path(page)
    assert article.body.count("of the minutes.") == 600
    assert "Paragraph 599 of the minutes." in article.body
