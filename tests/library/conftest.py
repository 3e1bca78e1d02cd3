"""Fixtures for the library tests: a fresh library in a temporary folder with its own cache."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from briefing.library import Library
from briefing.library.records import DraftArticle

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(cache))
    return cache


@pytest.fixture
def lib(tmp_path: Path, cache_dir: Path) -> Library:
    return Library(tmp_path / "lib")


def _draft(title: str, body: str = "", **kw: object) -> DraftArticle:
    d = DraftArticle(title=title, body=body or f"Text about {title.lower()}.", **kw)  # type: ignore[arg-type]
    d.original = d.original or f"{title}\n\n{d.body}"
    return d


def _samples() -> list[DraftArticle]:
    return [
        _draft(
            "Parks budgets under strain",
            "Councils are closing play areas as parks budgets fall.",
            authors=["Dr Ada Greenwood"],
            source="Town Hall Review",
            published=date(2024, 5, 2),
        ),
        _draft(
            "Adult social care waiting lists",
            "Waiting lists for care assessments grew again; councils ask for multi-year "
            "settlements.",
            authors=["Ben Ortiz"],
            source="Care Weekly",
            published=date(2025, 1, 20),
            url="https://example.org/care",
        ),
        _draft(
            "Councillor workloads",
            "A survey of councillors found casework rising and parks mentioned only once.",
            authors=["Ada Greenwood", "Chen Li"],
            source="Town Hall Review",
            published=date(2025, 6, 30),
            doi="10.1234/abc.5",
        ),
    ]


@pytest.fixture
def make_draft():  # type: ignore[no-untyped-def]
    return _draft


@pytest.fixture
def samples() -> list[DraftArticle]:
    return _samples()
