"""The checks table's rules on a pack (items, articles, layout files, word and page budgets),
and word counts."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.build import BuildRequest, view
from briefing.checks import Finding, run_checks
from briefing.compose import count_words
from briefing.model import Budget, Pack

if TYPE_CHECKING:
    from pathlib import Path

PACK_RULES = {
    "no-sections",
    "missing-article",
    "missing-summary",
    "layout-file",
    "word-budget",
    "page-budget",
    "empty-section",
    "no-implications",
    "unused-article",
    "alt-text",
}


def _findings(pack: Pack, folder: Path, pages: int | None = None) -> list[Finding]:
    return [
        f
        for f in run_checks(replace(view(BuildRequest(pack, folder)), pages=pages))
        if f.rule in PACK_RULES
    ]


def _messages(findings: list[Finding], severity: str) -> list[tuple[int | None, int | None, str]]:
    return [
        (f.location.section, f.location.item, f.message) for f in findings if f.severity == severity
    ]


def _with_logo(tmp_path: Path, pack: Pack) -> Pack:
    (tmp_path / "images").mkdir()
    from PIL import Image

    Image.new("RGB", (40, 20), "#00707A").save(tmp_path / "images" / "logo.png")  # a real PNG
    return pack


def test_complete_pack_has_only_the_unused_article_advice(tmp_path, pack) -> None:
    findings = _findings(_with_logo(tmp_path, pack), tmp_path)
    assert [(f.severity, f.message) for f in findings] == [
        (
            "advice",
            "Article “An article nobody chose” (unused) is not used in any section: add "
            "it to a section or remove it.",
        )
    ]


def test_missing_summary_and_implications_name_the_item(tmp_path, pack) -> None:
    item = pack.sections[1].items[0]
    item.summary = "  "
    item.implications = []
    findings = _findings(_with_logo(tmp_path, pack), tmp_path)
    assert (2, 1, "“A third model of intervention” has no summary: write one.") in _messages(
        findings, "error"
    )
    assert (
        2,
        1,
        "“A third model of intervention” has no implications for UK local "
        "government: add at least one.",
    ) in _messages(findings, "warning")
    assert str(findings[0]).startswith("error: Section 2, item 1: ")


def test_article_referenced_but_missing(tmp_path, pack) -> None:
    pack.sections[0].items[0].article = "gone"
    errors = _messages(_findings(_with_logo(tmp_path, pack), tmp_path), "error")
    assert any(s == 1 and i == 1 and "“gone”" in m for s, i, m in errors)


def test_logo_and_template_files_and_alt_text(tmp_path, pack) -> None:
    pack.layout.logo_alt = ""
    pack.layout.template = "templates/missing.docx"
    errors = [m for _, _, m in _messages(_findings(pack, tmp_path), "error")]
    assert any("logo file “images/logo.png” cannot be found" in m for m in errors)
    assert any("Word template file “templates/missing.docx” cannot be found" in m for m in errors)
    assert any("has no alt text" in m for m in errors)


def test_logo_and_template_that_are_not_what_their_names_say(tmp_path, pack) -> None:
    _with_logo(tmp_path, pack)
    (tmp_path / "images" / "logo.png").write_text("a note saved with the wrong name")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "house.docx").write_bytes(b"")
    pack.layout.template = "templates/house.docx"
    errors = [m for _, _, m in _messages(_findings(pack, tmp_path), "error")]
    assert (
        "The logo file “images/logo.png” is not a PNG or JPEG picture, whatever its name "
        "says: save it from an image editor as .png or .jpg." in errors
    )
    assert (
        "The Word template file “templates/house.docx” is empty (0 bytes): save it from "
        "Word as a Word Document (.docx)." in errors
    )


def test_word_counts_per_item_and_pack(pack) -> None:
    counts = count_words(pack)
    first, second = counts.items
    # title 7 + summary 7 + implications 3 + 4 + quote 9 + question 5
    assert (first.section, first.item, first.words) == (1, 1, 35)
    # title 5 + summary 4 + implication 3 + quote 6
    assert second.words == 5 + 4 + 3 + 6
    assert counts.words > first.words + second.words  # intro, key messages, section titles
    assert counts.pages >= 2


def test_markdown_syntax_is_not_counted(make_pack) -> None:
    pack = make_pack()
    pack.sections[0].items[0].summary = "**Bold** [link text](https://example.org/a/long/path)"
    assert count_words(pack).items[0].words == 7 + 3 + 7 + 9 + 5


def test_word_budget_warns_when_the_pack_prints_more_words(tmp_path, pack) -> None:
    words = count_words(pack).words
    pack.budget = Budget(words=words - 1)
    findings = _findings(_with_logo(tmp_path, pack), tmp_path)
    assert (
        "warning",
        f"The pack has {words:,} words, over its budget of {words - 1:,}: "
        "shorten summaries or move items to another pack.",
    ) in [(f.severity, f.message) for f in findings]
    pack.budget = Budget(words=words)  # exactly on budget is within it
    assert not [f for f in _findings(pack, tmp_path) if f.rule == "word-budget"]


def test_word_budget_counts_with_thousands_separators(tmp_path, pack) -> None:
    pack.intro = "word " * 1700
    pack.budget = Budget(words=1500)
    words = count_words(pack).words
    assert words > 1700
    [finding] = [f for f in _findings(pack, tmp_path) if f.rule == "word-budget"]
    assert str(finding) == (
        f"warning: The pack has {words:,} words, over its budget of 1,500: "
        "shorten summaries or move items to another pack."
    )


def test_page_budget_needs_the_real_page_count(tmp_path, pack) -> None:
    def page_findings(pages: int | None) -> list[str]:
        return [str(f) for f in _findings(pack, tmp_path, pages) if f.rule == "page-budget"]

    pack.budget = Budget(pages=4)
    assert page_findings(4) == []
    assert page_findings(8) == [
        "warning: The PDF has 8 pages, over its budget of 4 pages: "
        "shorten summaries or remove items."
    ]
    assert page_findings(None) == []  # page count unknown (nothing built): nothing to say yet
    pack.budget = Budget(pages=1)
    assert "over its budget of 1 page:" in page_findings(2)[0]
    pack.budget = Budget()  # no limit
    assert page_findings(80) == []
