"""Posts exported from blogs (Markdown saved under .txt names, front matter of every kind, headers,
template tags, setext headings, entities): read by what they hold, and every file accounted for."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefing.library.importers import import_path
from briefing.library.records import DraftArticle

if TYPE_CHECKING:
    from briefing.library import Library

EXPORTS = Path(__file__).resolve().parents[1] / "samples" / "blog-exports"

# What a person reads in each file: its title, authors and date.
EXPECTED = {
    "01-yaml-front-matter.txt": (
        "Three parishes, one clerk: sharing staff in rural Wiltshire",
        ["Helen Marsh"],
        date(2023, 4, 11),
    ),
    "02-toml-front-matter.txt": (
        "Why the audit backlog matters to councillors",
        ["Tom Beckett"],
        date(2021, 9, 2),
    ),
    "03-pelican-header.txt": ("Bus franchising two years on", ["Priya Raman"], date(2016, 3, 18)),
    "04-template-tags.txt": ("Libraries as warm spaces", [], None),
    "05-setext.txt": ("Planning fees to rise by a third", ["Martin O'Neill"], None),
    "06-kicker.txt": ("Councils weigh up four-day weeks", ["Sam Okafor"], None),
    "07-entities-inline-html.txt": ("Pothole funding — who gets what", [], None),
    "08-hard-wrapped-lists.txt": ("Cost of temporary accommodation", [], None),
    "09-cite-and-date.txt": ("Adult social care precept explained", [], date(2020, 5, 2)),
    "10-name-line.txt": ("A new duty to collect food waste", ["Aisha Bello"], None),
}


def _one(name: str) -> DraftArticle:
    drafts = import_path(EXPORTS / name)
    assert len(drafts) == 1, [d.title for d in drafts]
    return drafts[0]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_author_and_date_as_a_person_reads_them(name: str) -> None:
    title, authors, published = EXPECTED[name]
    draft = _one(name)
    assert (draft.title, draft.authors, draft.published) == (title, authors, published)
    assert not draft.title_was_proposed
    for markup in (
        "---",
        "+++",
        "{%",
        "{{",
        "&pound;",
        "&mdash;",
        "<strong>",
        "![",
        "====",
        "Title:",
        "A post by",
        "Posted on",
        "<cite>",
    ):
        assert markup not in draft.body, (markup, draft.body)


@pytest.mark.parametrize("name", sorted(p.name for p in EXPORTS.glob("*.txt")))
def test_a_txt_and_an_md_copy_give_the_same_article(name: str, tmp_path: Path) -> None:
    copy = tmp_path / (Path(name).stem + ".md")
    shutil.copyfile(EXPORTS / name, copy)
    as_txt, as_md = import_path(EXPORTS / name), import_path(copy)
    for a, b in zip(as_txt, as_md, strict=True):
        b.source_file = a.source_file
        assert a == b


def test_the_front_matter_summary_is_kept_as_the_standfirst() -> None:
    assert _one("01-yaml-front-matter.txt").standfirst.startswith("Three small parish councils")
    assert _one("02-toml-front-matter.txt").standfirst.startswith("Hundreds of council accounts")
    assert _one("03-pelican-header.txt").standfirst.startswith("A look at what changed")


def test_hard_wrapped_paragraphs_are_reflowed_and_lists_and_quotes_kept() -> None:
    body = _one("08-hard-wrapped-lists.txt").body
    paragraphs = body.split("\n\n")
    assert paragraphs[0].endswith("funding model for local government, which is in need of reform.")
    assert "\n" not in paragraphs[0]
    assert (
        "- fewer private lets at housing benefit rates\n- longer stays in bed and breakfast\n"
        "- more families presenting as homeless"
    ) in paragraphs
    assert (
        "> Temporary accommodation is the most expensive way to house a family and the "
        "worst for the children in it."
    ) in paragraphs


def test_entities_and_inline_html_become_text_and_links_stay_links() -> None:
    body = _one("07-entities-inline-html.txt").body
    assert "£150 million" in body
    assert "The largest county gets" in body
    assert "[the full table](https://example.org/table)" in body
    assert "spend it & report progress" in body


def test_citation_line_gives_the_source() -> None:
    draft = _one("09-cite-and-date.txt")
    assert draft.source == "Care Finance Monthly"
    assert "Care Finance Monthly" not in draft.body


def test_a_file_with_no_title_gets_one_proposed_and_marked() -> None:
    for name in ("11-no-title.txt", "12-empty-heading.txt"):
        draft = _one(name)
        assert draft.title_was_proposed
        assert draft.title[0].isupper() and draft.title.strip("# ")
    assert _one("11-no-title.txt").title == "The combined authority has agreed a new skills plan"


def test_text_cut_off_mid_sentence_is_flagged(tmp_path: Path) -> None:
    page = tmp_path / "teaser.md"
    page.write_text(
        "# Waste contracts\n\nThe county has signed a new waste contract that runs "
        "for twelve years and covers collection and\n",
        encoding="utf-8",
    )
    flags = import_path(page)[0].flags
    assert any(f.startswith("possibly truncated") for f in flags)
    whole = import_path(EXPORTS / "05-setext.txt")[0].flags
    assert not any(f.startswith("possibly truncated") for f in whole)


def test_a_title_cleared_in_the_preview_is_proposed_when_saved(lib: Library) -> None:
    draft = DraftArticle(
        title="   ",
        body="Parish precepts rose faster than district council "
        "tax this year. Many parishes took on services.",
    )
    report = lib.add_drafts([draft])
    saved = lib.get(report.added[0].id)
    assert saved.title == "Parish precepts rose faster than district council tax this year"
    assert saved.title_proposed
    saved.title = "Parish precepts"
    saved.title_proposed = False
    lib.update(saved)
    assert not lib.get(saved.id).title_proposed


def _cli(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
        "BRIEFING_LIBRARY": str(tmp_path / "lib"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "briefing", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_import_count_equals_list_count_and_a_damaged_file_is_a_problem(tmp_path: Path) -> None:
    imported = _cli(tmp_path, "import", EXPORTS, "--json")
    assert imported.returncode == 0, imported.stderr
    added = json.loads(imported.stdout)["added"]
    assert len(added) == len(list(EXPORTS.glob("*.txt"))) == 12
    assert sum(a["title_proposed"] for a in added) == 2
    listed = json.loads(_cli(tmp_path, "library", "list", "--json").stdout)
    assert len(listed) == len(added)
    assert {a["id"] for a in listed} == {a["id"] for a in added}
    text = _cli(tmp_path, "library", "list").stdout
    assert text.count("(title proposed)") == 2

    # Someone empties a title by hand: the file is listed as a problem, never hidden.
    damaged = tmp_path / "lib" / "articles" / f"{added[0]['id']}.md"
    damaged.write_text(
        re.sub(r"(?m)^title: .*$", "title: ''", damaged.read_text(encoding="utf-8"), count=1),
        encoding="utf-8",
    )
    listing = _cli(tmp_path, "library", "list")
    assert "11 articles" in listing.stdout and "1 problem" in listing.stdout
    assert f"{damaged.name}: skipped, it has no title" in listing.stderr
    problems = _cli(tmp_path, "library", "problems", "--json")
    assert problems.returncode == 1
    assert json.loads(problems.stdout) == [f"{damaged}: skipped, it has no title"]
    # …and search never offers what the library cannot show.
    found = json.loads(_cli(tmp_path, "search", "parish", "--json").stdout)
    assert added[0]["id"] not in {h["id"] for h in found}
    assert _cli(tmp_path, "library", "show", added[0]["id"]).returncode == 1
