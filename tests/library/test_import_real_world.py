"""Files as real tools save them: Hugo's TOML front matter, README-style badges above the title,
and article files whose themes are written wrongly. Each file is written by the test."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from briefing.library import Library
from briefing.library.importers import import_path

if TYPE_CHECKING:
    from pathlib import Path


def test_toml_front_matter_gives_the_title_author_and_date(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(
        '+++\ntitle = "Rural bus services after the funding round"\n'
        'author = "Priya Shah"\ndate = 2025-03-14\n+++\n\n'
        "Bus routes in three market towns will run again from April.\n",
        encoding="utf-8",
    )
    [draft] = import_path(post)
    assert draft.title == "Rural bus services after the funding round"
    assert draft.authors == ["Priya Shah"]
    assert draft.published == date(2025, 3, 14)
    assert "+++" not in draft.body and "Bus routes in three market towns" in draft.body


def test_a_badge_line_above_the_heading_never_becomes_the_title(tmp_path: Path) -> None:
    readme = tmp_path / "notes.md"
    readme.write_text(
        "[![status](https://example.org/badge.svg)](https://example.org) "
        "![licence](https://example.org/l.svg)\n\n"
        "# Adult social care: the winter plan\n\n"
        "The plan adds forty reablement places before December and a discharge "
        "team at the hospital.\n",
        encoding="utf-8",
    )
    [draft] = import_path(readme)
    assert draft.title == "Adult social care: the winter plan"
    assert "![" not in draft.title
    assert "![licence]" in draft.original  # kept in the copy of the file as imported


def test_a_themes_line_that_is_not_a_list_shows_a_themes_example(tmp_path: Path) -> None:
    articles = tmp_path / "lib" / "articles"
    articles.mkdir(parents=True)
    (articles / "parks.md").write_text(
        "---\nid: parks\ntitle: Parks\nthemes: {green: 1}\n---\n\nParks need money.\n",
        encoding="utf-8",
    )
    problems = Library(tmp_path / "lib", cache_dir=tmp_path / "cache").problems()
    assert any(
        "'themes' must be a list, like themes: [housing, social-care]" in p for p in problems
    )
    assert not any("A. Writer" in p for p in problems)


NEWSLETTER = """\
From: Local Government Digest <news@digest.example.org>
To: officer@example.gov.uk
Subject: Councils pilot shared procurement for school transport
Date: Tue, 04 Mar 2025 08:30:00 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="part"

--part
Content-Type: text/plain; charset=utf-8

Plain version of the newsletter.

--part
Content-Type: text/html; charset=utf-8

<html><body><nav>Home | Archive | Unsubscribe</nav><article><p>Four county councils will
buy school transport together from September, saving an estimated 8% on contracts.</p>
<p>The pilot follows a review of rising taxi costs for pupils with special needs.</p>
</article><footer>You are receiving this because you subscribed.</footer></body></html>
--part--
"""


def test_an_email_newsletter_gives_subject_sender_date_and_main_text(tmp_path: Path) -> None:
    mail = tmp_path / "digest.eml"
    mail.write_text(NEWSLETTER, encoding="utf-8")
    [draft] = import_path(mail)
    assert draft.title == "Councils pilot shared procurement for school transport"
    assert draft.source == "Local Government Digest"
    assert draft.published == date(2025, 3, 4)
    assert "Four county councils will buy school transport together" in " ".join(draft.body.split())
    assert "Unsubscribe" not in draft.body and "Plain version" not in draft.body


def test_a_single_file_web_page_is_read_like_a_saved_page(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Libraries reopen</title></head><body><main><h1>Libraries "
        "reopen on Sundays</h1><p>Six branch libraries will open on Sunday afternoons "
        "from May, staffed by a mix of librarians and volunteers.</p></main></body></html>"
    )
    import quopri

    encoded = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    archive = tmp_path / "libraries.mhtml"
    archive.write_text(
        "From: <Saved by Blink>\nSnapshot-Content-Location: https://example.gov.uk/news\n"
        "Subject: Libraries reopen\nMIME-Version: 1.0\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----b"\n\n'
        "------b\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n"
        f"Content-Location: https://example.gov.uk/news\n\n{encoded}\n"
        "------b\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"
        "------b--\n",
        encoding="utf-8",
    )
    [draft] = import_path(archive)
    assert draft.title == "Libraries reopen on Sundays"
    assert "Six branch libraries will open on Sunday afternoons" in " ".join(draft.body.split())


def _odt(path: Path, body: str, title: str = "") -> Path:
    import zipfile

    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            f'<?xml version="1.0"?><office:document-content {ns}>'
            f"<office:body><office:text>{body}</office:text></office:body>"
            "</office:document-content>",
        )
        archive.writestr(
            "meta.xml",
            f'<?xml version="1.0"?><office:document-meta {ns}>'
            f"<office:meta><dc:title>{title}</dc:title></office:meta>"
            "</office:document-meta>",
        )
    return path


def test_a_libreoffice_document_keeps_headings_paragraphs_and_lists(tmp_path: Path) -> None:
    doc = _odt(
        tmp_path / "care.odt",
        (
            '<text:h text:outline-level="1">Home care in the north of the county</text:h>'
            "<text:p>By Sam Okafor</text:p>"
            "<text:p>Home care hours rose by a fifth last year,<text:s/>while the number of "
            "carers<text:tab/>fell.</text:p>"
            "<text:list><text:list-item><text:p>Pay carers for travel time</text:p></text:list-item>"
            "<text:list-item><text:p>Recruit in rural areas</text:p></text:list-item></text:list>"
        ),
    )
    [draft] = import_path(doc)
    assert draft.title == "Home care in the north of the county"
    assert draft.authors == ["Sam Okafor"]
    assert "rose by a fifth last year, while the number of carers fell." in draft.body
    assert "- Pay carers for travel time" in draft.body


def test_an_odt_that_unpacks_to_far_more_than_it_weighs_is_refused(tmp_path: Path) -> None:
    import pytest

    from briefing.library.importers import ImportFailure

    bomb = tmp_path / "bomb.odt"
    import zipfile

    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("content.xml", "w", force_zip64=True) as stream,
    ):
        for _ in range(45):
            stream.write(b" " * (1024 * 1024))
    with pytest.raises(ImportFailure, match="bomb.odt: the document is too large to read safely"):
        import_path(bomb)
