"""Packs made from the library: sections from themes, items in date order, self-contained."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from briefing.library import Library, LibraryError
from briefing.library.to_pack import new_pack, pack_article

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def themed(lib: Library, samples, make_draft) -> Library:
    lib.add_drafts(samples)
    lib.add_drafts([make_draft("Undated note", "No date on this one.")])
    parks = lib.add_theme("Parks", "#00703C")
    work = lib.add_theme("Workforce")
    lib.assign(["councillor-workloads", "parks-budgets-under-strain"], parks)
    lib.assign(["councillor-workloads", "adult-social-care-waiting-lists"], work)
    return lib


def test_one_section_per_theme_in_the_order_given(themed: Library):
    pack = new_pack(
        themed,
        "Spring briefing",
        theme_ids=["workforce", "parks"],
        article_ids=["undated-note", "parks-budgets-under-strain"],
    )
    assert [(s.title, s.theme) for s in pack.sections] == [
        ("Workforce", "workforce"),
        ("Parks", "parks"),
        ("Articles", ""),
    ]
    # Each article once: in the first chosen section whose theme it has, oldest first.
    assert [i.article for i in pack.sections[0].items] == [
        "adult-social-care-waiting-lists",
        "councillor-workloads",
    ]
    assert [i.article for i in pack.sections[1].items] == ["parks-budgets-under-strain"]
    assert [i.article for i in pack.sections[2].items] == ["undated-note"]
    assert all(not i.summary and not i.implications for i in pack.items())


def test_pack_carries_its_own_copy_of_metadata_and_labels(themed: Library):
    pack = new_pack(themed, "Parks", theme_ids=["parks"])
    article = pack.articles["councillor-workloads"]
    assert article.authors == ["Ada Greenwood", "Chen Li"]
    assert article.published == date(2025, 6, 30) and article.doi == "10.1234/abc.5"
    assert article.source == "Town Hall Review" and "casework" in article.body
    assert pack.themes["parks"].label == "Parks" and pack.themes["parks"].colour == "#00703C"
    assert set(pack.themes) == {"parks", "workforce"}  # every theme its articles mention
    key, copy = pack_article(themed.get("parks-budgets-under-strain"))
    assert key == "parks-budgets-under-strain" and copy.title == "Parks budgets under strain"


def test_bad_choices_are_explained(themed: Library):
    with pytest.raises(LibraryError, match="No theme 'nope'"):
        new_pack(themed, "T", theme_ids=["nope"])
    with pytest.raises(LibraryError, match="No article 'missing'"):
        new_pack(themed, "T", article_ids=["missing"])
    with pytest.raises(LibraryError, match="at least one"):
        new_pack(themed, "T")
    themed.add_theme("Empty")
    with pytest.raises(LibraryError, match="no articles"):
        new_pack(themed, "T", theme_ids=["empty"])


def test_new_pack_saves_and_loads_as_a_valid_pack_file(themed: Library, tmp_path: Path):
    from briefing.packfile import load_pack, save_pack

    pack = new_pack(themed, "Spring briefing", theme_ids=["parks"], article_ids=["undated-note"])
    target = save_pack(pack, tmp_path / "spring.yaml")
    loaded = load_pack(target)
    assert [s.title for s in loaded.sections] == ["Parks", "Articles"]
    assert loaded.articles["councillor-workloads"].authors == ["Ada Greenwood", "Chen Li"]
