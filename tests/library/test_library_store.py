"""The library folder: article files round trip, damaged files, duplicates, themes."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
import yaml

from briefing.library import Library, LibraryError
from briefing.library.article_file import MARKER, parse_article
from briefing.library.records import FirstAppeared

if TYPE_CHECKING:
    from pathlib import Path


def test_article_file_round_trip_keeps_metadata_body_and_original(lib: Library, make_draft):
    original = "Title line\r\nBy Someone\r\n\r\nText with <b>tags</b> & £ signs.\r\n" + MARKER
    d = make_draft(
        "Resilience: what councils learned",
        "First paragraph.\n\n## A subheading\n\n" + MARKER + "\nLast line.",
        authors=["Jo Bloggs", "Sam Příklad"],
        source="Blog",
        published=date(2025, 11, 1),
        url="https://example.org/r",
        doi="10.1/x",
        reference="Bloggs, J. (2025) Resilience.",
        bio="Jo Bloggs is a researcher.",
        picture_credit="Picture: a camera",
        original=original,
        first_appeared=FirstAppeared(
            "The Paper", date(2025, 10, 16), "https://p.example/a", "Old title"
        ),
        source_file="posts.txt",
    )
    added = lib.add_drafts([d]).added[0]
    path = lib.root / "articles" / "resilience-what-councils-learned.md"
    assert added.id == "resilience-what-councils-learned" and path.exists()
    text = path.read_bytes().decode("utf-8")
    # A person can read the file: metadata block, then the body, then the original text.
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == "Resilience: what councils learned"
    assert meta["authors"] == ["Jo Bloggs", "Sam Příklad"]
    assert meta["first_appeared"]["publication"] == "The Paper"
    assert meta["imported"]["file"] == "posts.txt"
    assert text.index("## A subheading") < text.index(MARKER)
    # The original survives byte for byte, CRLFs and marker-like lines included.
    back = Library(lib.root).get(added.id)
    assert back.original == original
    assert back.body == d.body
    assert (back.title, back.authors, back.published, back.doi, back.bio) == (
        d.title,
        d.authors,
        d.published,
        d.doi,
        d.bio,
    )
    assert back.first_appeared == d.first_appeared


def test_same_title_gets_a_new_file_never_overwriting(lib: Library, make_draft):
    a = lib.add_drafts([make_draft("Budget setting", authors=["A One"])]).added[0]
    b = lib.add_drafts([make_draft("Budget setting", authors=["B Two"])]).added[0]
    assert (a.id, b.id) == ("budget-setting", "budget-setting-2")
    assert lib.get("budget-setting").authors == ["A One"]
    assert lib.get("budget-setting-2").authors == ["B Two"]


def test_damaged_file_is_reported_and_skipped(lib: Library, samples):
    lib.add_drafts(samples)
    bad = lib.root / "articles" / "broken.md"
    bad.write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    (lib.root / "articles" / "nohead.md").write_text("just text\n", encoding="utf-8")
    fresh = Library(lib.root)
    assert len(fresh.articles()) == 3
    problems = fresh.problems()
    assert any("broken.md" in p and "not valid YAML" in p for p in problems)
    assert any("nohead.md" in p and "metadata block" in p for p in problems)
    assert len(fresh.search("parks")) == 2


def test_duplicates_are_skipped_and_named(lib: Library, samples, make_draft):
    first = lib.add_drafts(samples)
    assert len(first.added) == 3 and not first.skipped
    again = lib.add_drafts(samples)
    assert not again.added and len(again.skipped) == 3
    same_url = make_draft("Something else", url="http://www.EXAMPLE.org/care/?utm_source=x")
    same_doi = make_draft("Another title", doi="https://doi.org/10.1234/ABC.5")
    same_people = make_draft("PARKS budgets, under strain!", authors=["Ada Greenwood"])
    new_one = make_draft("Parks budgets under strain", authors=["Someone Else"])
    report = lib.add_drafts([same_url, same_doi, same_people, new_one])
    reasons = {s.title: (s.reason, s.existing_id) for s in report.skipped}
    assert reasons["Something else"] == ("the same URL", "adult-social-care-waiting-lists")
    assert reasons["Another title"] == ("the same DOI", "councillor-workloads")
    assert reasons["PARKS budgets, under strain!"][0] == "the same title and authors"
    assert [a.title for a in report.added] == ["Parks budgets under strain"]
    # Duplicates inside one batch count too.
    twice = lib.add_drafts(
        [
            make_draft("Fresh", url="https://x.example/1"),
            make_draft("Fresh copy", url="https://x.example/1"),
        ]
    )
    assert len(twice.added) == 1 and len(twice.skipped) == 1


def test_themes_create_rename_recolour_merge_delete_assign(lib: Library, samples):
    ids = [a.id for a in lib.add_drafts(samples).added]
    parks = lib.add_theme("Parks", "#00703c")
    green = lib.add_theme("Green spaces")
    people = lib.add_theme("Workforce")
    assert lib.themes()[parks].colour == "#00703C"
    assert lib.themes()[green].colour  # a colour is chosen when none is given
    with pytest.raises(LibraryError, match="already a theme"):
        lib.add_theme("parks")
    with pytest.raises(LibraryError, match="#RRGGBB"):
        lib.add_theme("Bad colour", "red")
    lib.assign([ids[0], ids[2]], parks)
    lib.assign([ids[2]], green)
    lib.assign([ids[1], ids[2]], people)
    assert [a.id for a in lib.articles_by_theme(parks)] == [ids[0], ids[2]]
    lib.rename_theme(parks, "Parks and open spaces")
    lib.recolour_theme(green, "#123456")
    assert lib.themes()[parks].label == "Parks and open spaces"
    lib.merge_themes([green], into_id=parks)
    assert green not in lib.themes()
    assert Library(lib.root).get(ids[2]).themes == [parks, people]
    lib.unassign([ids[1]], people)
    assert lib.get(ids[1]).themes == []
    lib.delete_theme(people)
    assert people not in lib.themes()
    assert all(people not in a.themes for a in Library(lib.root).articles())
    assert "Parks and open spaces" in (lib.root / "themes.yaml").read_text(encoding="utf-8")
    with pytest.raises(LibraryError, match="No theme 'nope'"):
        lib.assign([ids[0]], "nope")


def test_update_and_delete(lib: Library, samples):
    article = lib.add_drafts(samples).added[0]
    article.title = "Parks budgets: the squeeze"
    article.body += "\n\nAn officer's note."
    lib.update(article)
    again = Library(lib.root).get(article.id)
    assert again.title == "Parks budgets: the squeeze" and again.body.endswith("note.")
    assert lib.search("squeeze")[0].id == article.id
    lib.delete(article.id)
    assert not (lib.root / "articles" / f"{article.id}.md").exists()
    assert lib.search("squeeze") == []
    with pytest.raises(LibraryError, match="No article"):
        lib.get(article.id)


def test_damaged_themes_file_is_reported_not_overwritten(lib: Library, samples):
    lib.add_drafts(samples)
    themes = lib.root / "themes.yaml"
    themes.write_text("a: {label: [\n", encoding="utf-8")
    assert lib.themes() == {}
    assert any("themes.yaml" in p for p in lib.problems())
    with pytest.raises(LibraryError, match="themes.yaml"):
        lib.add_theme("New")
    assert themes.read_text(encoding="utf-8") == "a: {label: [\n"


def test_parse_rejects_bad_dates_with_a_reason(tmp_path: Path):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_article("---\ntitle: T\npublished: last Tuesday\n---\nbody\n")


def test_a_folder_that_refuses_writes_is_a_plain_message(
    lib: Library, make_draft, monkeypatch: pytest.MonkeyPatch
):
    import briefing.library.lock as lock_module

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    # The lock file is the first thing a change writes (chmod cannot stop root, so refuse here).
    monkeypatch.setattr(lock_module.os, "open", refuse)
    with pytest.raises(LibraryError, match="Cannot change the library in .*Permission denied"):
        lib.add_theme("Housing")
    monkeypatch.undo()
    assert lib.themes() == {}

    lib.root.mkdir(parents=True, exist_ok=True)
    (lib.root / "articles").write_text("not a folder", encoding="utf-8")
    with pytest.raises(LibraryError, match="Cannot change the library"):
        lib.add_drafts([make_draft("A new article")])
