"""Light Markdown in text fields: a few things are formatting, everything else is literal."""

from __future__ import annotations

from briefing.compose.markdown import blocks, inline_runs, plain_text
from briefing.document.model import BulletList, Paragraph


def _flat(text: str) -> list[tuple[str, bool, bool, str]]:
    out = []
    for block in blocks(text):
        assert isinstance(block, Paragraph)
        out.extend((r.text, r.bold, r.italic, r.href) for r in block.runs)
    return out


def test_bold_italic_and_web_links() -> None:
    assert _flat("A **b** *i* [GOV.UK](https://www.gov.uk) [mail](mailto:a@b.uk)") == [
        ("A ", False, False, ""),
        ("b", True, False, ""),
        (" ", False, False, ""),
        ("i", False, True, ""),
        (" ", False, False, ""),
        ("GOV.UK", False, False, "https://www.gov.uk"),
        (" ", False, False, ""),
        ("mail", False, False, "mailto:a@b.uk"),
    ]


def test_other_link_targets_print_as_typed() -> None:
    text = "[x](javascript:alert(1)) [y](file:///etc/passwd) [z](notes.html)"
    assert _flat(text) == [(text, False, False, "")]


def test_html_and_entities_print_literally() -> None:
    text = "Fish & chips <b>bold?</b> <font color=red>red</font> &amp; &lt; <script>x</script>"
    assert _flat(text) == [(text, False, False, "")]


def test_headings_code_quotes_rules_and_images_print_as_typed() -> None:
    text = "# Not a heading\n\n`code`\n\n> not a quote\n\n---\n\n![logo](https://x.org/a.png)"
    paras = [("".join(r.text for r in b.runs)) for b in blocks(text)]
    assert paras == [
        "# Not a heading",
        "`code`",
        "> not a quote",
        "---",
        "![logo](https://x.org/a.png)",
    ]


def test_paragraphs_and_bullet_lists() -> None:
    out = blocks("First para\nsame para.\n\nList:\n- one\n- **two**\n\nAfter.")
    assert [type(b).__name__ for b in out] == ["Paragraph", "Paragraph", "BulletList", "Paragraph"]
    assert "".join(r.text for r in out[0].runs) == "First para same para."
    bullets = out[2]
    assert isinstance(bullets, BulletList)
    assert [[(r.text, r.bold) for r in item] for item in bullets.items] == [
        [("one", False)],
        [("two", True)],
    ]


def test_numbered_lists_keep_their_numbers_as_text() -> None:
    out = blocks("1. first\n2. second")
    assert ["".join(r.text for r in b.runs) for b in out] == ["1. first", "2. second"]


def test_first_role_applies_to_the_first_paragraph_only() -> None:
    out = blocks("One\n\nTwo", first_role="lead")
    assert [b.role for b in out] == ["lead", "body"]


def test_inline_runs_do_not_make_lists() -> None:
    runs = inline_runs("- a **b** <i>")
    assert [(r.text, r.bold) for r in runs] == [("- a ", False), ("b", True), (" <i>", False)]


def test_unicode_survives() -> None:
    text = "Špaček said “£5m” – ‘quickly’ • Balík"
    assert plain_text(text) == text


def test_empty_text_gives_nothing() -> None:
    assert blocks("") == [] and blocks("   \n\n ") == []
