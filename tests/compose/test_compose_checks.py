"""Checks before export and word counts."""

from __future__ import annotations

from briefing.compose import check_pack, count_words


def _messages(findings, severity):  # type: ignore[no-untyped-def]
    return [(f.section, f.item, f.message) for f in findings if f.severity == severity]


def _with_logo(tmp_path, pack):  # type: ignore[no-untyped-def]
    (tmp_path / "images").mkdir()
    from PIL import Image

    Image.new("RGB", (40, 20), "#00707A").save(tmp_path / "images" / "logo.png")  # a real PNG
    return pack


def test_complete_pack_has_only_the_unused_article_note(tmp_path, pack) -> None:
    findings = check_pack(_with_logo(tmp_path, pack), tmp_path)
    assert [(f.severity, f.message) for f in findings] == [
        ("info", "Article “An article nobody chose” (unused) is not used in any section.")]


def test_missing_summary_and_implications_name_the_item(tmp_path, pack) -> None:
    item = pack.sections[1].items[0]
    item.summary = "  "
    item.implications = []
    findings = check_pack(_with_logo(tmp_path, pack), tmp_path)
    assert (2, 1, "“A third model of intervention” has no summary.") in _messages(findings, "error")
    assert (2, 1, "“A third model of intervention” has no implications for UK local government."
            ) in _messages(findings, "warning")
    assert "Section 2, item 1" in str(findings[0])


def test_article_referenced_but_missing(tmp_path, pack) -> None:
    pack.sections[0].items[0].article = "gone"
    errors = _messages(check_pack(_with_logo(tmp_path, pack), tmp_path), "error")
    assert any(s == 1 and i == 1 and "“gone”" in m for s, i, m in errors)


def test_logo_and_template_files_and_alt_text(tmp_path, pack) -> None:
    pack.layout.logo_alt = ""
    pack.layout.template = "templates/missing.docx"
    findings = check_pack(pack, tmp_path)
    errors = [m for _, _, m in _messages(findings, "error")]
    assert any("logo file “images/logo.png” cannot be found" in m for m in errors)
    assert any("Word template file “templates/missing.docx” cannot be found" in m for m in errors)
    assert any("alt text" in m for _, _, m in _messages(findings, "warning"))


def test_logo_and_template_that_are_not_what_their_names_say(tmp_path, pack) -> None:
    _with_logo(tmp_path, pack)
    (tmp_path / "images" / "logo.png").write_text("a note saved with the wrong name")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "house.docx").write_bytes(b"")
    pack.layout.template = "templates/house.docx"
    errors = [m for _, _, m in _messages(check_pack(pack, tmp_path), "error")]
    assert "The logo file “images/logo.png” is not a PNG or JPEG picture, whatever its name " \
           "says: save it from an image editor as .png or .jpg." in errors
    assert "The Word template file “templates/house.docx” is empty (0 bytes): save it from " \
           "Word as a Word Document (.docx)." in errors


def test_very_long_summary_is_a_warning(tmp_path, pack) -> None:
    pack.sections[0].items[0].summary = "word " * 300
    warnings = _messages(check_pack(_with_logo(tmp_path, pack), tmp_path), "warning")
    assert any("300 words" in m for _, _, m in warnings)


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
    from briefing.model import Budget

    words = count_words(pack).words
    pack.budget = Budget(words=words - 1)
    findings = check_pack(_with_logo(tmp_path, pack), tmp_path)
    assert ("warning", f"The pack has {words:,} words, over its budget of {words - 1:,}: "
            "shorten summaries or move items to another pack.") in [
        (f.severity, f.message) for f in findings]
    assert findings[0].section is None  # a pack-level finding, listed first
    pack.budget = Budget(words=words)  # exactly on budget is within it
    assert not [f for f in check_pack(pack, tmp_path) if "budget" in f.message]


def test_word_budget_counts_with_thousands_separators(pack) -> None:
    from briefing.compose import check_word_budget
    from briefing.model import Budget

    pack.intro = "word " * 1700
    pack.budget = Budget(words=1500)
    words = count_words(pack).words
    assert words > 1700
    [finding] = check_word_budget(pack)
    assert finding.message.startswith(f"The pack has {words:,} words, over its budget of 1,500")
    assert str(finding).startswith("warning: The pack has 1,")


def test_page_budget_needs_the_real_page_count(pack) -> None:
    from briefing.compose import check_budget, check_page_budget
    from briefing.model import Budget

    pack.budget = Budget(pages=4)
    assert check_page_budget(pack, 4) == []
    [finding] = check_page_budget(pack, 8)
    assert str(finding) == ("warning: 8 pages, over the budget of 4 pages: shorten summaries "
                            "or remove items.")
    assert check_budget(pack, None) == []  # page count unknown: nothing to say yet
    assert check_budget(pack, 8) == [finding]
    pack.budget = Budget(pages=1)
    assert "over the budget of 1 page:" in check_page_budget(pack, 2)[0].message
    pack.budget = Budget()  # no limit
    assert check_budget(pack, 80) == []
