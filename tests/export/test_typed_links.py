"""A web or e-mail address typed as plain text in any text field is a live link in every format."""

from __future__ import annotations

from pathlib import Path

import pytest
from output_readers import links, rendered_all

from briefing.compose import compose
from briefing.export.registry import FORMATS
from briefing.model import Article, Item, Pack, Section

TYPED = {
    "intro": (
        "See www.example.gov.uk/budget for the figures.",
        "https://www.example.gov.uk/budget",
    ),
    "key": ("Write to scrutiny@example.gov.uk.", "mailto:scrutiny@example.gov.uk"),
    "section": (
        "Background at https://example.org/section-notes.",
        "https://example.org/section-notes",
    ),
    "summary": (
        "The dataset (https://data.example.org/set_(2025)) is open.",
        "https://data.example.org/set_(2025)",
    ),
    "implication": (
        "Report cases to https://example.org/report?id=7&x=1, then wait.",
        "https://example.org/report?id=7&x=1",
    ),
    "question": ("Has http://old.example.net been retired?", "http://old.example.net"),
}


def _pack() -> Pack:
    item = Item(
        article="a",
        summary=TYPED["summary"][0],
        implications=[TYPED["implication"][0]],
        questions=[TYPED["question"][0]],
    )
    return Pack(
        title="Typed addresses",
        intro=TYPED["intro"][0],
        key_messages=[TYPED["key"][0]],
        sections=[Section(title="Links", intro=TYPED["section"][0], items=[item])],
        articles={"a": Article(title="An article", authors=["Ann Smith"])},
    )


@pytest.fixture(scope="module")
def outputs() -> dict[str, tuple[str, bytes]]:
    return rendered_all(compose(_pack(), Path(".")))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_typed_addresses_are_live_links(outputs, fmt: str) -> None:
    suffix, data = outputs[fmt]
    assert {href for _, href in TYPED.values()} <= links(suffix, data)


def test_sentence_punctuation_stays_outside_the_link() -> None:
    document = compose(_pack(), Path("."))
    runs = [r for b in document.blocks for r in getattr(b, "runs", [])]
    runs += [r for b in document.blocks for item in getattr(b, "items", []) for r in item]
    linked = {r.text: r.href for r in runs if r.href}
    assert linked["www.example.gov.uk/budget"] == "https://www.example.gov.uk/budget"
    assert linked["scrutiny@example.gov.uk"] == "mailto:scrutiny@example.gov.uk"
    assert "https://example.org/section-notes" in linked  # without the full stop
