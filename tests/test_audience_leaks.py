"""Nothing of a withheld item reaches any byte of a version that leaves it out, in any format.

Every field of an exempt item, of an exempt section, of an item limited to members and of the
articles only they cite holds a word starting "zorb". The public and summary versions are built
in every format the registry knows (so a new writer is covered the day it is added) and every
byte is searched: the file itself, every part of a zip (.docx), every PDF object and decompressed
stream (pikepdf), and the text a PDF reader extracts (the fonts are subset, so page streams hold
glyph codes, not letters). The members' version is searched the same way as a control: the
search must find each printed word there, or it proves nothing.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from typing import TYPE_CHECKING

import pikepdf
import pytest

from briefing.build import BuildRequest, build
from briefing.export.registry import FORMATS
from briefing.packfile import load_pack

if TYPE_CHECKING:
    from pathlib import Path


PACK = """\
briefing_pack: 1
title: Testshire scrutiny briefing
subtitle: For the committee
organisation: Testshire Council
classification: OFFICIAL
key_messages:
  - Everyone may read this message.
audiences:
  members: {}
  public:
    subtitle: Public version
  summary: {}
sections:
  - title: Open business
    theme: open
    items:
      - article: open-article
        summary: An ordinary item that everyone may read. It has two sentences.
        implications:
          - Nothing confidential here.
      - article: secret-article
        exempt:
          paragraph: 3
          reason: Zorbreason commercial terms
        summary: |
          The zorbsummary of the secret item, with a [zorblinktext](https://zorblink.example.org/x).

          A second zorbparagraph.
        short_summary: Zorbshort line for the summary.
        implications:
          - Zorbimplication point
        quotes:
          - text: Zorbquote words
            page: 12
            by: Zorbby Editors
        questions:
          - Zorbquestion asked by members?
      - article: members-only
        audiences: [members]
        summary: Zorblimited summary of an item for members only.
  - title: Zorbsectiontitle matters
    exempt:
      paragraph: 1
      reason: Zorbsectionreason about a person
    intro: Zorbsectionintro text.
    items:
      - article: section-article
        summary: Zorbsectionitem summary.
articles:
  open-article:
    title: An open article
    authors: [Ann Open]
    source: Open Weekly
    themes: [open]
  secret-article:
    title: Zorbtitle of the secret article
    authors: [Zorbauthor Smith]
    source: Zorbsource Weekly
    url: https://zorburl.example.org/zorbpath
    doi: 10.9999/zorbdoi
    reference: Zorbreference full citation of the secret article
    themes: [secret]
    body: Zorbbody text of the article, never printed.
  members-only:
    title: Zorblimitedtitle report
    themes: [secret]
  section-article:
    title: Zorbsectionarticle heading
    url: https://zorbsectionurl.example.org/
themes:
  open:
    label: Open government
  secret:
    label: Zorbtheme confidential label
"""

# Words the members' version prints (the reason, the body, the short line and the limited
# item's words are never printed in full versions, or only in the summary).
PRINTED = [
    "zorbsummary",
    "zorblinktext",
    "zorblink.example",
    "zorbparagraph",
    "zorbimplication",
    "zorbquote",
    "zorbby",
    "zorbquestion",
    "zorbsectiontitle",
    "zorbsectionintro",
    "zorbsectionitem",
    "zorbtitle",
    "zorbauthor",
    "zorbsource",
    "zorburl",
    "zorbdoi",
    "zorbreference",
    "zorbtheme",
    "zorblimited",
    "zorbsectionarticle",
    "zorbsectionurl",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    folder = tmp_path_factory.mktemp("leaks")
    pack_file = folder / "leaks.yaml"
    pack_file.write_text(PACK, encoding="utf-8")
    pack = load_pack(pack_file)
    out = folder / "out"
    out.mkdir()
    return {
        audience: build(
            BuildRequest(
                pack, folder, tuple(FORMATS), (audience,), outdir=out, pack_name=pack_file.name
            )
        )
        for audience in ("members", "public", "summary")
    }


def _pdf_parts(data: bytes) -> list[bytes]:
    from pypdf import PdfReader

    parts = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                parts.append(obj.read_bytes())
            with contextlib.suppress(TypeError, ValueError, pikepdf.PdfError):
                parts.append(obj.unparse())
        parts.append(str(pdf.open_metadata()).encode("utf-8"))
    reader = PdfReader(io.BytesIO(data))
    parts.append(" ".join(page.extract_text() or "" for page in reader.pages).encode("utf-8"))
    return parts


def haystacks(path: Path) -> list[bytes]:
    """Every byte of a built file, decompressed and decoded where the format packs it."""
    data = path.read_bytes()
    parts = [data]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            parts += [archive.read(name) for name in archive.namelist()]
    if data.startswith(b"%PDF"):
        parts += _pdf_parts(data)
    return [part.lower() for part in parts]


def found(word: str, parts: list[bytes]) -> bool:
    encodings = ("utf-8", "utf-16-be", "utf-16-le")
    needles = [word.lower().encode(encoding) for encoding in encodings]
    # Extracted PDF text breaks lines where the page does: a phrase may span a line end.
    return any(
        needle in part or needle in re.sub(rb"\s+", b" ", part)
        for part in parts
        for needle in needles
    )


def _outputs(paths: list[Path]) -> list[Path]:
    return [path for path in paths if not path.name.endswith("withheld items.txt")]


def test_every_format_is_built_for_every_version(built: dict[str, list[Path]]) -> None:
    for audience, paths in built.items():
        suffixes = sorted(path.suffix for path in _outputs(paths))
        assert suffixes == sorted(fmt.suffix for fmt in FORMATS.values()), audience


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_the_search_finds_every_printed_word_in_the_members_version(
    built: dict[str, list[Path]],
    fmt: str,
) -> None:
    path = next(p for p in built["members"] if p.suffix == FORMATS[fmt].suffix)
    parts = haystacks(path)
    missing = [word for word in PRINTED if not found(word, parts)]
    assert not missing, f"{path.name}: the search cannot see {missing}"


@pytest.mark.parametrize("audience", ["public", "summary"])
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_byte_of_a_withheld_item_reaches_the_version(
    built: dict[str, list[Path]],
    fmt: str,
    audience: str,
) -> None:
    path = next(p for p in built[audience] if p.suffix == FORMATS[fmt].suffix)
    parts = haystacks(path)
    assert not found("zorb", parts), f"{path.name} holds a word of a withheld item"
    # The version is not empty: the open item is there, with the statement of what was withheld.
    assert found("ordinary item", parts) or found("an open article", parts)
    assert found("withheld under", parts)


# --- what changed between versions ------------------------------------------------------
# Version 1 has one more open item, "zorbformer", which version 2 makes exempt; version 2
# also rewords the exempt item and adds a new exempt one. A public or summary comparison may
# say that an item left the version, never which.

FORMER = """\
      - article: former-article
        summary: Zorbformer summary, public until version 2.
        implications:
          - Zorbformer implication.
"""
FORMER_ARTICLE = """\
  former-article:
    title: Zorbformer article title
"""
VERSION_1 = PACK.replace(
    "      - article: secret-article\n", FORMER + "      - article: secret-article\n", 1
).replace("articles:\n", "articles:\n" + FORMER_ARTICLE, 1)
VERSION_2 = (
    VERSION_1.replace(
        FORMER,
        FORMER.replace(
            "        summary: Zorbformer",
            "        exempt:\n          paragraph: 3\n        summary: Zorbformer",
        ),
    )
    .replace("The zorbsummary of the secret item", "The zorbrevised summary")
    .replace(
        "      - article: members-only\n",
        """\
      - article: new-secret
        exempt:
          paragraph: 3
        summary: Zorbnewsecret summary.
      - article: members-only
""",
    )
    .replace("articles:\n", "articles:\n  new-secret:\n    title: Zorbnewsecret title\n", 1)
)


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Every change output of each version: the comparison as text and JSON, and the redline
    in every format the registry knows."""
    import json
    from datetime import UTC, datetime

    from briefing.compare.diff import compare_packs
    from briefing.compare.redline import redline_document
    from briefing.compare.report import as_data, as_text
    from briefing.compose.audience import for_audience
    from briefing.export.registry import render
    from briefing.history.issue import issue_version
    from briefing.packfile import loads_pack

    folder = tmp_path_factory.mktemp("changes")
    old, new = loads_pack(VERSION_1, "v1.yaml"), loads_pack(VERSION_2, "v2.yaml")
    out: dict[str, list[Path]] = {}
    for audience in ("members", "public", "summary"):
        changes = compare_packs(old, new, audience)
        files = [
            (folder / f"{audience}.txt", as_text(changes, "Changes").encode("utf-8")),
            (
                folder / f"{audience}.json",
                json.dumps(as_data(changes), ensure_ascii=False).encode("utf-8"),
            ),
        ]
        redline = redline_document(
            for_audience(old, audience),
            for_audience(new, audience),
            changes,
            folder,
            since=1,
            by="Officer",
            on=datetime(2026, 12, 10, tzinfo=UTC),
        )
        files += [
            (folder / f"{audience}-redline{FORMATS[fmt].suffix}", render(fmt, redline).data)
            for fmt in FORMATS
        ]
        for path, data in files:
            path.write_bytes(data)
        out[audience] = [path for path, _ in files]
    # The changes page and the supplement, built from the history beside the pack file.
    pack_file = folder / "leaks.yaml"
    pack_file.write_text(VERSION_1, encoding="utf-8")
    issue_version(pack_file, outdir=folder / "issued", formats=("html",))
    pack_file.write_text(VERSION_2, encoding="utf-8")
    for audience in out:
        for option in ("changes_since", "supplement_since"):
            outdir = folder / f"{audience}-{option}"
            outdir.mkdir()
            built = build(
                BuildRequest.for_file(
                    pack_file,
                    formats=tuple(FORMATS),
                    audiences=(audience,),
                    outdir=outdir,
                    **{option: 1},
                )
            )
            out[audience] += _outputs(built)
    return out


def test_the_search_finds_what_changed_in_the_members_comparison(
    compared: dict[str, list[Path]],
) -> None:
    for path in compared["members"]:
        parts = haystacks(path)
        for word in ("zorbrevised", "zorbnewsecret", "zorbformer"):
            assert found(word, parts), f"{path.name}: the search cannot see {word}"


@pytest.mark.parametrize("audience", ["public", "summary"])
def test_no_change_output_names_a_withheld_item(
    compared: dict[str, list[Path]], audience: str
) -> None:
    for path in compared[audience]:
        parts = haystacks(path)
        assert not found("zorb", parts), f"{path.name} holds a word of a withheld item"
        # Not empty: what everyone may read is there.
        assert (
            found("testshire scrutiny briefing", parts)
            or found("withdrawn", parts)
            or found("1 item in the earlier version", parts)
        ), path.name
