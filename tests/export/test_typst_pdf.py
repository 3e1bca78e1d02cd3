"""The tagged PDF, as a screen reader and an archive meet it: every example pack passes the
PDF/UA checker, and the structure tree, metadata, fonts, links and page furniture are checked on
the real file. Text typed in a pack is printed, never run; characters no font has are named."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pikepdf
import pypdf
import pytest
from briefing_cli import run

from briefing.document.model import (
    BlockQuote,
    BulletList,
    Cover,
    Document,
    DocumentMeta,
    Heading,
    Paragraph,
    Run,
    Table,
)
from briefing.errors import BriefingError
from briefing.export.pdf.typst.writer import render_typst_pdf

if TYPE_CHECKING:
    from collections.abc import Callable

REPO = Path(__file__).resolve().parents[2]
PACKS = sorted((REPO / "packs").glob("*.yaml"))
PACK_IDS = [p.stem for p in PACKS]

# Python's sockets refuse to connect in the build below; the build runs without a network
# namespace's interfaces too where the system allows it, which stops the compiler itself.
_NO_NETWORK = """
import runpy, socket, sys
def refuse(*args, **kwargs):
    sys.stderr.write("NETWORK ATTEMPT\\n")
    raise OSError("network use is not allowed in this test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
sys.argv = ["briefing", *sys.argv[1:]]
runpy.run_module("briefing", run_name="__main__")
"""


@pytest.fixture(scope="session")
def built_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every example pack built once with the default engine, through the command line, with
    the network out of reach."""
    outdir = tmp_path_factory.mktemp("tagged")
    isolate = ["unshare", "-rn"] if _can_isolate() else []
    built = {}
    for pack in PACKS:
        proc = subprocess.run(
            [
                *isolate,
                sys.executable,
                "-c",
                _NO_NETWORK,
                "build",
                str(pack),
                "-o",
                str(outdir),
                "--format",
                "pdf",
                "-q",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        assert "NETWORK ATTEMPT" not in proc.stderr
        built[pack.stem] = Path(proc.stdout.strip())
    return built


def _can_isolate() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0


# ---------------------------------------------------------------------------------------------
# Reading the structure tree and the page content


@dataclass
class Tree:
    """The structure elements of a tagged PDF in reading order, as plain values."""

    tags: list[str] = field(default_factory=list)  # "/H1", "/P", ...
    alts: dict[str, list[str]] = field(default_factory=dict)  # tag -> /Alt of each
    children: dict[str, list[list[str]]] = field(default_factory=dict)  # tag -> kids' tags
    header_scopes: list[str] = field(default_factory=list)


def _tree(pdf: pikepdf.Pdf) -> Tree:
    tree = Tree()

    def kids(node: pikepdf.Object) -> list[pikepdf.Dictionary]:
        k = node.get("/K")
        items = list(k) if isinstance(k, pikepdf.Array) else [k] if k is not None else []
        return [i for i in items if isinstance(i, pikepdf.Dictionary) and "/S" in i]

    def walk(node: pikepdf.Dictionary) -> None:
        tag = str(node["/S"])
        tree.tags.append(tag)
        if "/Alt" in node:
            tree.alts.setdefault(tag, []).append(str(node["/Alt"]))
        tree.children.setdefault(tag, []).append([str(k["/S"]) for k in kids(node)])
        if tag == "/TH":
            attributes = node.get("/A")
            for attribute in attributes if isinstance(attributes, pikepdf.Array) else [attributes]:
                if isinstance(attribute, pikepdf.Dictionary) and "/Scope" in attribute:
                    tree.header_scopes.append(str(attribute["/Scope"]))
        for kid in kids(node):
            walk(kid)

    root = pdf.Root.StructTreeRoot
    for top in list(root.K) if isinstance(root.K, pikepdf.Array) else [root.K]:
        walk(top)
    return tree


def _text_by_kind(page: pypdf.PageObject) -> tuple[str, str]:
    """(text in artifacts, text in tagged content) of a page."""
    stack: list[str] = []
    artifact: list[str] = []
    content: list[str] = []

    def before(op: bytes, args: list, cm: list, tm: list) -> None:
        if op in (b"BDC", b"BMC"):
            stack.append(str(args[0]))
        elif op == b"EMC" and stack:
            stack.pop()

    def text(value: str, cm: list, tm: list, font: object, size: float) -> None:
        (artifact if "/Artifact" in stack else content).append(value)

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return " ".join("".join(artifact).split()), " ".join("".join(content).split())


# ---------------------------------------------------------------------------------------------
# Every example pack


@pytest.mark.parametrize("name", PACK_IDS)
def test_example_pack_passes_the_pdfua_checker(built_pdfs: dict[str, Path], name: str) -> None:
    from pdfua import validate

    report = validate(str(built_pdfs[name]))
    assert [(f.rule_id, f.message) for f in report.findings] == []
    # The checker's empty-heading rule trips over pikepdf 10's arrays (a bug in the checker);
    # test_headings_are_h1_to_h3_in_order covers it. Every other rule must run.
    skipped = {o.rule_id: o.skipped_reason or "" for o in report.skipped}
    assert set(skipped) <= {"UA-14-001"}, skipped
    assert all("is_integer" in reason for reason in skipped.values()), skipped


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) missing")
@pytest.mark.parametrize("name", PACK_IDS)
def test_pdfinfo_says_tagged(built_pdfs: dict[str, Path], name: str) -> None:
    info = subprocess.run(
        ["pdfinfo", str(built_pdfs[name])], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info


@pytest.mark.parametrize("name", PACK_IDS)
def test_language_title_and_standards_are_declared(built_pdfs: dict[str, Path], name: str) -> None:
    from briefing.packfile import load_pack

    title = load_pack(REPO / "packs" / f"{name}.yaml").title
    with pikepdf.open(built_pdfs[name]) as pdf:
        root = pdf.Root
        assert str(root.Lang) == "en-GB"
        assert bool(root.ViewerPreferences.DisplayDocTitle)
        assert bool(root.MarkInfo.Marked)
        assert str(pdf.docinfo["/Title"]) == title
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "A"
        assert meta["dc:title"] == title


@pytest.mark.parametrize("name", PACK_IDS)
def test_headings_are_h1_to_h3_in_order(built_pdfs: dict[str, Path], name: str) -> None:
    with pikepdf.open(built_pdfs[name]) as pdf:
        tree = _tree(pdf)
    levels = [int(t[2:]) for t in tree.tags if re.fullmatch(r"/H\d", t)]
    assert levels and levels[0] == 1
    assert {1, 2, 3} <= set(levels) <= {1, 2, 3}
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    # No heading is empty: each one has its text (the checker's own rule cannot run).
    with pikepdf.open(built_pdfs[name]) as pdf:
        headings = [e for e in _all_elements(pdf) if re.fullmatch(r"/H\d", str(e["/S"]))]
        assert all(e.get("/K") is not None for e in headings)
        assert all(str(e.get("/T", "")).strip() for e in headings)


def _all_elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    found: list[pikepdf.Dictionary] = []

    def walk(node: object) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            found.append(node)
            walk(node.get("/K"))

    walk(pdf.Root.StructTreeRoot.K)
    return found


@pytest.mark.parametrize("name", PACK_IDS)
def test_lists_quotes_tables_and_logo_are_tagged(built_pdfs: dict[str, Path], name: str) -> None:
    from briefing.packfile import load_pack

    pack = load_pack(REPO / "packs" / f"{name}.yaml")
    with pikepdf.open(built_pdfs[name]) as pdf:
        tree = _tree(pdf)
    assert tree.children["/L"] and all(set(kids) == {"/LI"} for kids in tree.children["/L"])
    assert all(kids == ["/Lbl", "/LBody"] for kids in tree.children["/LI"])
    quotes = sum(len(item.quotes) for item in pack.items())
    assert tree.tags.count("/BlockQuote") == quotes
    if pack.layout.logo:
        assert tree.alts["/Figure"] == [pack.layout.logo_alt]
    else:
        assert "/Figure" not in tree.tags
    if pack.kind == "event-handout":
        assert "/Table" in tree.tags
        assert tree.tags.count("/TH") == len(tree.header_scopes) >= 2
        assert set(tree.header_scopes) == {"/Column"}


@pytest.mark.parametrize("name", PACK_IDS)
def test_links_have_descriptions_and_sit_in_the_structure(
    built_pdfs: dict[str, Path], name: str
) -> None:
    with pikepdf.open(built_pdfs[name]) as pdf:
        links = [
            annot
            for page in pdf.pages
            for annot in page.get("/Annots", [])
            if annot.get("/Subtype") == "/Link"
        ]
        assert links
        for link in links:
            assert str(link.get("/Contents", "")).strip(), link
            assert "/StructParent" in link
        assert "/Link" in _tree(pdf).tags


def test_contents_entries_link_to_their_headings_and_show_page_numbers(
    built_pdfs: dict[str, Path],
) -> None:
    path = built_pdfs["member-briefing"]
    reader = pypdf.PdfReader(path)
    with pikepdf.open(path) as pdf:
        tree = _tree(pdf)
        assert "/TOC" in tree.tags and tree.tags.count("/TOCI") >= 10
        page_numbers = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        entries = []
        for annot in pdf.pages[1].get("/Annots", []):
            dest = annot.get("/Dest")
            if dest is not None:
                entries.append((str(annot.Contents), page_numbers[dest[0].objgen]))
    assert len(entries) >= 10
    contents_text = " ".join(reader.pages[1].extract_text().split())
    for description, page in entries:
        title, _, printed = description.rpartition(", page ")
        assert int(printed) == page, description
        assert f"{title} {page}" in contents_text, description  # the number is printed
        assert title in " ".join(reader.pages[page - 1].extract_text().split())
    assert len(reader.outline) >= 5  # bookmarks


@pytest.mark.parametrize("name", PACK_IDS)
def test_page_furniture_is_an_artifact_and_says_page_n_of_m(
    built_pdfs: dict[str, Path], name: str
) -> None:
    from briefing.compose.builder import running_title
    from briefing.packfile import load_pack

    pack = load_pack(REPO / "packs" / f"{name}.yaml")
    reader = pypdf.PdfReader(built_pdfs[name])
    total = len(reader.pages)
    for number, page in enumerate(reader.pages[1:], start=2):
        artifacts, content = _text_by_kind(page)
        assert f"Page {number} of {total}" in artifacts
        assert f"Page {number}" not in content
        assert running_title(pack) in artifacts
        if pack.marking:
            assert artifacts.count(pack.marking) >= 2  # top and bottom
        assert content  # the page's own text is tagged
    with pikepdf.open(built_pdfs[name]) as pdf:
        for page in pdf.pages[1:]:
            kinds = {
                str(op.operands[1].get("/Subtype"))
                for op in pikepdf.parse_content_stream(page)
                if str(op.operator) == "BDC"
                and str(op.operands[0]) == "/Artifact"
                and isinstance(op.operands[1], pikepdf.Dictionary)
            }
            assert "/Footer" in kinds
            assert ("/Header" in kinds) == bool(pack.marking)  # the marking is the header


@pytest.mark.parametrize("name", PACK_IDS)
def test_fonts_are_embedded_with_unicode_maps(built_pdfs: dict[str, Path], name: str) -> None:
    with pikepdf.open(built_pdfs[name]) as pdf:
        fonts = {
            font.objgen: font
            for page in pdf.pages
            for font in page.Resources.get("/Font", {}).values()
        }
        assert fonts
        for font in fonts.values():
            assert "/ToUnicode" in font, font.BaseFont
            descendant = font.DescendantFonts[0]
            assert "/FontFile2" in descendant.FontDescriptor, font.BaseFont


def test_a_rebuild_is_byte_identical_and_dated_from_the_pack(
    built_pdfs: dict[str, Path], tmp_path: Path
) -> None:
    pack = REPO / "packs" / "event-handout.yaml"
    proc = run("build", str(pack), "-o", str(tmp_path), "--format", "pdf", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    again = Path(proc.stdout.strip()).read_bytes()
    assert again == built_pdfs["event-handout"].read_bytes()
    assert pypdf.PdfReader(io.BytesIO(again)).metadata["/CreationDate"].startswith("D:20251104")


# ---------------------------------------------------------------------------------------------
# Text is data


TYPED = [
    "#",
    "$",
    "[",
    "]",
    "\\",
    "<b>",
    "@preview",
    '#import "@preview/x:0.1.0": *',
    '#read("/etc/passwd")',
    "$x^2$",
    "*not bold*",
    "_not italic_",
    "= not a heading",
    "#set page(fill: red)",
    "`raw`",
    "<label>",
    "// not a comment",
    '"quoted"',
]


def _tricky_document() -> Document:
    tricky = " ".join(TYPED)
    return Document(
        meta=DocumentMeta(
            title=f"Title {tricky}",
            running_title=f"Running {tricky}",
            author="#author",
            keywords=["#k", "$"],
            marking="OFFICIAL",
        ),
        cover=Cover(
            title=f"Cover {tricky}",
            subtitle="#sub",
            organisation="[org]",
            kind_label="#kind",
            prepared_by="\\prep",
            details=[("#label", "#line"), ("Venue", "@preview")],
        ),
        blocks=[
            Heading(1, f"Heading {tricky}"),
            Paragraph(
                [
                    Run(f"Body {tricky}"),
                    Run(" bold #x", bold=True),
                    Run(" link $y", href="https://example.org/?q=#x"),
                ]
            ),
            BulletList([[Run(f"Bullet {tricky}")]]),
            BlockQuote([Run(f"Quote {tricky}")], attribution="#by"),
            Table(["#h", "$h"], [['#read("/etc/passwd")', "]c["]], caption="#cap"),
            Paragraph([Run("line one\nline two")]),
        ],
    )


def _squashed_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_everything_typed_prints_literally_and_nothing_runs() -> None:
    data = render_typst_pdf(_tricky_document()).data
    text = _squashed_text(data)
    tricky = " ".join(TYPED)
    for where in ("Cover", "Heading", "Body", "Bullet", "Quote"):
        assert f"{where} {tricky}" in text, where
    for literal in (
        "#sub",
        "[org]",
        "#KIND",
        "\\prep",
        "#label: #line",
        "Venue: @preview",
        "#by",
        "#h",
        "$h",
        '#read("/etc/passwd")',
        "]c[",
        "#cap",
        "bold #x",
        "link $y",
    ):
        assert literal in text, literal
    assert "root:" not in text  # /etc/passwd was not read
    assert "line one line two" in text
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata.title == f"Title {tricky}"
    assert reader.metadata.author == "#author"


def test_text_typed_in_a_pack_prints_literally(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "briefing_pack: 1\n"
        "title: '#import \"@preview/x:0.1.0\": * and $1 [a] \\ <b>'\n"
        "organisation: '#read(\"/etc/passwd\")'\n"
        "sections:\n"
        "  - title: '= #set text(red)'\n"
        "    items:\n"
        "      - article: a1\n"
        "        summary: 'Costs rose #5 in $ and [brackets] with \\ and <b>bold</b>'\n"
        "articles:\n"
        "  a1:\n"
        "    title: '@preview #heading[x]'\n",
        encoding="utf-8",
    )
    proc = run("build", str(pack), "-o", str(tmp_path), "--format", "pdf", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = _squashed_text(Path(proc.stdout.strip()).read_bytes())
    for literal in (
        '#import "@preview/x:0.1.0": * and $1 [a] \\ <b>',
        '#read("/etc/passwd")',
        "= #set text(red)",
        "Costs rose #5 in $ and [brackets] with \\ and <b>bold</b>",
        "@preview #heading[x]",
    ):
        assert literal in text, literal
    assert "root:" not in text


# ---------------------------------------------------------------------------------------------
# Fonts and failures


def _document_with(text: str) -> Document:
    return Document(
        DocumentMeta(title="Scripts"),
        Cover(title="Scripts"),
        [Heading(1, "Languages"), Paragraph([Run(text)])],
    )


def test_latin_text_needs_no_other_font() -> None:
    from briefing.export.pdf.typst.fonts import missing_glyphs, needs_fallback

    welsh_polish_czech = "Llanfair ŵ ŷ — Łódź żółć — Špaček Dvořák — Gaeilge á é í ó ú £ € “ ”"
    document = _document_with(welsh_polish_czech)
    assert not needs_fallback(document)
    assert missing_glyphs(document) == []
    assert welsh_polish_czech in _squashed_text(render_typst_pdf(document).data)


def test_a_character_no_font_has_is_named_with_where_it_is() -> None:
    from briefing.export.pdf.typst.fonts import missing_glyphs

    nowhere = "\U0010fffd"  # a private-use character: no font draws it
    document = _document_with(f"Name: {nowhere}")
    document.blocks.insert(0, Heading(1, f"Key {nowhere} messages"))
    missing = missing_glyphs(document)
    assert [m.char for m in missing] == [nowhere]
    found = missing[0]
    assert found.codepoint == "U+10FFFD"
    assert found.places == (
        "the heading \u201cKey \U0010fffd messages\u201d",
        "the section \u201cLanguages\u201d",
    )
    message = found.message()
    assert "U+10FFFD" in message and "Install a font" in message and "empty box" in message


def test_other_scripts_fall_back_to_the_computers_fonts_but_latin_stays_bundled() -> None:
    from briefing.export.pdf.typst.fonts import (
        bundled_font_folder,
        font_collection,
        missing_glyphs,
        needs_fallback,
    )

    document = _document_with("Welcome 欢迎 مرحبا স্বাগতম")
    assert needs_fallback(document)
    fonts = font_collection(True).fonts()
    bundled = bundled_font_folder().resolve()
    liberation_sans = [f for f in fonts if f.family == "Liberation Sans"]
    assert len(liberation_sans) == 4
    assert all(bundled in Path(f.path).resolve().parents for f in liberation_sans)
    missing = {m.char for m in missing_glyphs(document)}
    printable = [w for w in ("欢迎", "مرحبا", "স্বাগতম") if not set(w) & missing]
    text = _squashed_text(render_typst_pdf(_document_with(" ".join(["Welcome", *printable]))).data)
    assert "Welcome" in text
    for word in printable:  # a font on this computer has it: it prints
        assert all(ch in text for ch in word), word
    if missing:  # never empty boxes: the build stops and names the characters
        with pytest.raises(BriefingError) as caught:
            render_typst_pdf(document)
        named = re.findall(r"U\+[0-9A-F]{4,6}", str(caught.value))
        assert named and set(named) <= {f"U+{ord(ch):04X}" for ch in missing}
        assert len(set(named)) == min(len(missing), 5)


def test_an_address_is_kept_whole_on_a_line_unless_it_is_longer_than_a_line() -> None:
    # Line by line, as the page shows them: a short address moves down whole rather than break
    # at a dot or slash; one about a line long (the close call, measured on the page) too; one
    # longer than a line breaks, and no line runs past the margin.
    short = "https://www.example.org/news/2025/council-budget-consultation"
    close = "https://www.example.org/" + "abcdefghij" * 5 + "/report"  # 0.92 of a line
    long = "https://www.example.org/" + "long-path/" * 12 + "end"
    words = "Members asked where the figures came from and were told to read "
    document = Document(
        DocumentMeta(title="Addresses"),
        Cover(title="Addresses"),
        [
            Heading(1, "Reading"),
            *(
                Paragraph([Run(words), Run(url, href=url), Run(" soon.")])
                for url in (short, close, long)
            ),
        ],
    )
    data = render_typst_pdf(document).data
    page = pypdf.PdfReader(io.BytesIO(data)).pages[1]
    lines = [line.strip() for line in page.extract_text().splitlines()]
    assert any(line.startswith(short) for line in lines)  # whole, at the start of a line
    assert any(line.startswith(close) for line in lines)
    text = " ".join(lines)
    assert long not in text and long.replace("-", "") not in text  # broken across lines...
    assert long in "".join(lines)  # ...with nothing lost
    with pikepdf.open(io.BytesIO(data)) as pdf:
        width = float(pdf.pages[1].mediabox[2])
        for annot in pdf.pages[1].get("/Annots", []):
            assert float(annot.Rect[2]) <= width - 40, annot.Rect  # inside the right margin


def test_an_address_width_from_the_font_is_close_to_the_laid_out_width() -> None:
    import json

    import typst

    from briefing.export.common.font_metrics import text_width_em
    from briefing.export.pdf.typst.fonts import font_collection

    addresses = [
        "https://www.example.org/articles/123",
        "policy@example.gov.uk",
        "www.gov.uk/guidance/accessibility-requirements-for-public-sector-websites",
        "https://example.cymru/adroddiad?id=42&iaith=cy#rhan-2",
        "https://x.io/ŵŷ-łódź",
    ]
    source = (
        '#set text(font: "Liberation Sans", size: 10pt)\n'
        "#for (i, a) in json(bytes(sys.inputs.a)).enumerate() {"
        " for b in (false, true) { context [#metadata((i, b, measure(text(weight: if b"
        ' { "bold" } else { "regular" }, a)).width / 1pt))<w>] } }'
    )
    laid_out = json.loads(
        typst.query(
            source.encode(),
            "<w>",
            field="value",
            font_paths=font_collection(False),
            sys_inputs={"a": json.dumps(addresses)},
        )
    )
    assert len(laid_out) == 2 * len(addresses)
    for index, bold, width in laid_out:
        estimate = text_width_em(addresses[index], bold)
        assert estimate is not None
        assert estimate * 10 == pytest.approx(width, rel=0.03), (addresses[index], bold)
    assert text_width_em("https://例え.jp") is None  # not in the bundled font: measured instead


def test_a_character_no_font_has_stops_the_tagged_pdf_with_its_name() -> None:
    with pytest.raises(BriefingError) as caught:
        render_typst_pdf(_document_with("Name: \U0010fffd"))
    message = str(caught.value)
    assert "U+10FFFD" in message and "the section \u201cLanguages\u201d" in message


def test_a_compiler_failure_is_a_plain_message(
    monkeypatch: pytest.MonkeyPatch, sample_document: Document
) -> None:
    import typst

    def fail(*args: object, **kwargs: object) -> bytes:
        raise typst.TypstError(
            "error: unexpected argument", "error: unexpected argument\n  ┌─ main.typ:3:5"
        )

    monkeypatch.setattr(typst, "compile", fail)
    with pytest.raises(BriefingError) as caught:
        render_typst_pdf(sample_document)
    message = str(caught.value)
    assert "tagged PDF could not be made" in message and "--pdf-engine reportlab" in message
    assert "error:" not in message and "main.typ" not in message


def test_a_briefing_without_a_title_is_refused_plainly() -> None:
    with pytest.raises(BriefingError, match="no title"):
        render_typst_pdf(Document(DocumentMeta(title="  "), Cover(title=""), []))


def test_default_engine_is_the_tagged_one_and_reportlab_is_untagged(
    make_sample_document: Callable[..., Document],
) -> None:
    from briefing.export.registry import DEFAULT_PDF_ENGINE, PDF_ENGINES, render

    assert DEFAULT_PDF_ENGINE == "typst" and PDF_ENGINES["typst"].tagged
    assert not PDF_ENGINES["reportlab"].tagged
    document = make_sample_document()
    with pikepdf.open(io.BytesIO(render("pdf", document).data)) as tagged:
        assert "/StructTreeRoot" in tagged.Root
    with pikepdf.open(io.BytesIO(render("pdf", document, "reportlab").data)) as untagged:
        assert "/StructTreeRoot" not in untagged.Root
    with pytest.raises(BriefingError, match="Unknown PDF engine"):
        render("pdf", document, "word")
