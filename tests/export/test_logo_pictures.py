"""Logos as print studios and phones save them come out right in every format: a CMYK JPEG
shows its colours in Word, both PDFs and the web page, and a photo the camera recorded sideways
(EXIF orientation) stands the right way up in each, not only in the browser."""

from __future__ import annotations

import base64
import io
import re
import zipfile
from typing import TYPE_CHECKING

import pytest
from PIL import Image as PILImage
from pypdf import PdfReader

from briefing.export.registry import render

if TYPE_CHECKING:
    from pathlib import Path

CYAN_RGB = (0, 255, 255)


def cmyk_logo(folder: Path) -> Path:
    path = folder / "studio-logo.jpg"
    PILImage.new("CMYK", (160, 80), (255, 0, 0, 0)).save(path, "JPEG", quality=95)  # cyan ink
    return path


def sideways_logo(folder: Path) -> Path:
    """Stored 200 × 100 with a red left half; orientation 6 means "turn 90° clockwise to show",
    so it shows 100 × 200 with red on top."""
    path = folder / "phone-photo.jpg"
    picture = PILImage.new("RGB", (200, 100), "white")
    picture.paste((220, 0, 0), (0, 0, 100, 100))
    exif = picture.getexif()
    exif[0x0112] = 6
    picture.save(path, "JPEG", exif=exif, quality=95)
    return path


def pictures_in(fmt: str, data: bytes) -> list[PILImage.Image]:
    """Every picture a built file shows, decoded, with no orientation left to apply."""
    found: list[PILImage.Image] = []
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for name in package.namelist():
                if name.startswith("word/media/"):
                    found.append(PILImage.open(io.BytesIO(package.read(name))))
    elif fmt == "html":
        for encoded in re.findall(r'src="data:image/[a-z]+;base64,([^"]+)"', data.decode()):
            found.append(PILImage.open(io.BytesIO(base64.b64decode(encoded))))
    else:
        found += [image.image for image in PdfReader(io.BytesIO(data)).pages[0].images]
    for picture in found:
        assert picture.getexif().get(0x0112, 1) == 1, "the viewer would turn it again"
    return found


FORMATS = [("docx", None), ("html", None), ("pdf", "typst"), ("pdf", "reportlab")]


@pytest.mark.parametrize(("fmt", "engine"), FORMATS)
def test_a_cmyk_jpeg_logo_keeps_its_colour_in_every_format(
    tmp_path, make_sample_document, fmt, engine
):
    document = make_sample_document(logo=cmyk_logo(tmp_path))
    built = render(fmt, document, engine).data
    (picture,) = [p for p in pictures_in(fmt, built) if p.size == (160, 80)]
    red, green, blue = picture.convert("RGB").getpixel((80, 40))[:3]
    assert red < 60 and green > 190 and blue > 190, (red, green, blue)


@pytest.mark.parametrize(("fmt", "engine"), FORMATS)
def test_a_sideways_photo_logo_stands_upright_in_every_format(
    tmp_path, make_sample_document, fmt, engine
):
    document = make_sample_document(logo=sideways_logo(tmp_path))
    built = render(fmt, document, engine).data
    (picture,) = [p for p in pictures_in(fmt, built) if sorted(p.size) == [100, 200]]
    assert picture.size == (100, 200)  # portrait, as it shows on the phone
    top = picture.convert("RGB").getpixel((50, 40))
    bottom = picture.convert("RGB").getpixel((50, 160))
    assert top[0] > 180 and top[1] < 80, top  # red on top
    assert min(bottom) > 200, bottom
    if fmt == "docx":  # the frame Word draws is portrait too
        xml = zipfile.ZipFile(io.BytesIO(built)).read("word/document.xml").decode()
        cx, cy = map(int, re.search(r'<wp:extent cx="(\d+)" cy="(\d+)"', xml).groups())
        assert cy == pytest.approx(2 * cx, rel=0.02)
    if fmt == "html":
        tag = re.search(r"<img [^>]*>", built.decode()).group()
        assert 'width="100"' in tag and 'height="200"' in tag
