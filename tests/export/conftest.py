"""Shared fixtures for the writer tests: a hand-built Document that uses every kind of block."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefing.document.model import (
    BlockQuote,
    BulletList,
    Contents,
    Cover,
    Document,
    DocumentMeta,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Run,
    Table,
)
from briefing.export import registry

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

# Text that looks like markup: every writer must print it exactly as typed.
LITERAL_MARKUP = 'Costs rose <b>sharply</b> & <font color=red>fast</font> "quoted" 5 < 6'


@pytest.fixture
def sample_logo(tmp_path: Path) -> Path:
    """A small PNG logo (a teal square with a white bar) made for the test."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    path = tmp_path / "logo.png"
    picture = PILImage.new("RGB", (240, 120), "#00707A")
    ImageDraw.Draw(picture).rectangle((20, 50, 220, 70), fill="white")
    picture.save(path)
    return path


def build_sample_document(logo: Path | None = None, **meta: object) -> Document:
    """A two-section member briefing; keyword arguments override DocumentMeta fields."""
    fields: dict[str, object] = dict(
        title="Resilience, reform and local AI",
        author="Policy and Partnerships Team",
        subject="Member briefing",
        keywords=["resilience", "devolution", "AI"],
        marking="OFFICIAL",
        running_title="Resilience, reform and local AI",
    )
    fields.update(meta)
    cover = Cover(
        title="Resilience, reform and local AI",
        subtitle="Briefing for members of the Scrutiny Committee",
        kind_label="Member briefing",
        organisation="Example Borough Council",
        date_text="4 November 2025",
        prepared_by="Prepared by Policy and Partnerships Team",  # as compose words it
        logo=Image(logo, "Example Borough Council logo", 40.0) if logo else None,
        details=[("Meeting", "12 November 2025")],
    )
    body = "Councils that kept trusted local networks responded faster when shocks arrived. "
    blocks = [
        Contents(),
        Heading(1, "Key messages", anchor="key-messages"),
        BulletList(
            [
                [Run("Small councils adapted quickly during both crises.")],
                [
                    Run("Funding reform is "),
                    Run("not", bold=True),
                    Run(" a substitute for capacity."),
                ],
            ]
        ),
        Paragraph([Run("This document is classified OFFICIAL.")], role="note"),
        PageBreak(),
        Heading(1, "Crisis and resilience", anchor="sec-1"),
        Paragraph([Run("Why this section matters to members.")], role="lead"),
        Heading(2, "Local government in central Europe during two crises", anchor="item-1-1"),
        Paragraph([Run("Paul Joyce · INLOGOV blog · 1 November 2025")], role="byline"),
        Paragraph([Run(body * 6)]),
        Paragraph([Run(LITERAL_MARKUP)]),
        Heading(3, "Implications for UK local government", anchor="item-1-1-impl"),
        BulletList(
            [
                [Run("Keep mutual-aid agreements current and tested.")],
                [Run("Map which services depend on a single supplier.")],
            ]
        ),
        BlockQuote(
            [Run("Trust built before a crisis is what gets used during it.")],
            attribution="Paul Joyce, p. 177",
        ),
        Heading(1, "Artificial intelligence", anchor="sec-2"),
        Heading(2, "A round table on AI in councils", anchor="item-2-1"),
        Paragraph([Run("The MJ · 20 October 2025")], role="byline"),
        Paragraph(
            [
                Run("Read the "),
                Run("full report", href="https://example.org/report?a=1&b=2"),
                Run(" or "),
                Run("email the team", href="mailto:policy@example.gov.uk"),
                Run("; "),
                Run("this one is not a link", href="javascript:alert(1)"),
                Run("."),
            ]
        ),
        Paragraph([Run(body * 10)]),
        Table(
            ["Time", "Item", "Speaker"],
            [
                ["10:00", "Welcome and introductions", "Chair"],
                ["10:15", "AI in council services: what works", "Head of Digital"],
                ["11:00", "Questions from members", "All"],
            ],
            caption="Agenda",
        ),
        Heading(1, "Sources", anchor="sources"),
        Paragraph(
            [
                Run(
                    "Joyce, P. (2025) ‘Local government during two crises’, INLOGOV blog. "
                    "Available at: "
                ),
                Run("https://example.org/post", href="https://example.org/post"),
            ],
            role="reference",
        ),
        Heading(1, "Contact", anchor="contact", in_contents=False),
        Paragraph([Run("A. Officer, policy@example.gov.uk, 01234 567890")]),
    ]
    return Document(meta=DocumentMeta(**fields), cover=cover, blocks=blocks)  # type: ignore[arg-type]


@pytest.fixture
def sample_document() -> Document:
    return build_sample_document()


@pytest.fixture
def make_sample_document() -> Callable[..., Document]:
    """build_sample_document itself, for tests that want a variant (paper, logo, draft…).

    Test modules use fixtures rather than `import conftest`: several test folders have a
    conftest.py, and only one module can be called "conftest".
    """
    return build_sample_document


# Every PDF engine the registry lists: the tagged one (the default) and the untagged one.
PDF_ENGINES = list(registry.PDF_ENGINES)


@pytest.fixture(params=PDF_ENGINES)
def pdf_engine(request: pytest.FixtureRequest) -> str:
    """Each PDF engine in turn: both must pass the same content tests."""
    return str(request.param)


@pytest.fixture
def render_pdf(pdf_engine: str) -> Callable[[Document], bytes]:
    """The PDF of a document, as bytes, made by the engine under test."""
    from briefing.export.registry import render

    return lambda document: render("pdf", document, pdf_engine).data


@pytest.fixture
def literal_markup() -> str:
    return LITERAL_MARKUP
