"""Each kind of problem in a pack file is reported at its exact line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from packfile_samples import MINIMAL, problems_in

from briefing.errors import PackError
from briefing.packfile import load_pack, loads_pack


def only(text: str, path: Path | None = None) -> tuple[int, int, str]:
    found = problems_in(text, path)
    assert len(found) == 1, found
    return found[0]


def test_minimal_pack_has_no_problems():
    assert problems_in(MINIMAL) == []


def test_yaml_syntax_error_uses_the_parsers_position():
    text = MINIMAL.replace("title: Housing", "title: Housing: rents")
    line, column, message = only(text)
    assert (line, column) == (4, 19)
    assert message.startswith("YAML syntax error: mapping values are not allowed here")
    assert "put the whole value in quotes" in message


def test_tab_indentation_is_explained():
    line, column, message = only(MINIMAL + "\tsubtitle: x\n")
    assert (line, column) == (10, 1)
    assert "spaces, not tabs" in message


def test_empty_file():
    assert only("") == (
        1,
        1,
        "the file is empty: a pack needs at least briefing_pack: 1, a title and sections",
    )
    assert only("# only a comment\n")[0:2] == (1, 1)


def test_not_utf8_names_the_byte_and_line(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes(MINIMAL.replace("Housing", "Housing \u2013 rents").encode("cp1252"))
    with pytest.raises(PackError) as caught:
        load_pack(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (4, 20)
    assert "not UTF-8" in problem.message and "byte 0x96" in problem.message
    assert "save it as UTF-8" in problem.message


def test_top_level_must_be_a_mapping():
    line, column, message = only("- just\n- a list\n")
    assert (line, column) == (1, 1)
    assert "should be a set of keys" in message and "not a list" in message


@pytest.mark.parametrize(
    ("drop", "where", "message"),
    [
        ("briefing_pack: 1\n", (1, 1), 'the pack has no "briefing_pack"'),
        ("title: Test pack\n", (1, 1), 'the pack has no "title"'),
        ("    title: An article\n", (8, 3), 'article "a1" is empty'),
    ],
)
def test_missing_required_keys(drop, where, message):
    line, column, text = only(MINIMAL.replace(drop, ""))
    assert (line, column) == where
    assert text.startswith(message)


def test_missing_sections():
    text = "briefing_pack: 1\ntitle: T\n"
    assert only(text) == (
        1,
        1,
        'the pack has no "sections": add a line such as sections: followed by "- title: …" lines',
    )


def test_missing_section_title_points_at_the_section():
    text = MINIMAL.replace("  - title: Housing\n    items:", "  - items:")
    line, column, message = only(text)
    assert (line, column) == (4, 5)
    assert message == 'section 1 has no "title": add a line such as title: Name of the section'


def test_missing_item_article():
    text = MINIMAL.replace("      - article: a1\n", "      - summary: Text\n")
    line, column, message = only(text)
    assert (line, column) == (6, 9)
    assert message.startswith('section 1, item 1 has no "article"')


def test_missing_article_title():
    text = MINIMAL.replace("    title: An article\n", "    source: Blog\n")
    line, column, message = only(text)
    assert (line, column) == (9, 5)
    assert message.startswith('article "a1" has no "title"')


def test_unknown_key_suggests_the_nearest():
    text = MINIMAL.replace("      - article: a1\n", "      - article: a1\n        sumary: Hi\n")
    assert only(text) == (
        7,
        9,
        'unknown key "sumary" in section 1, item 1: did you mean "summary"?',
    )


def test_unknown_top_level_key_suggests_the_nearest():
    assert only(MINIMAL + "organization: X\n") == (
        10,
        1,
        'unknown key "organization" at the top of the pack: did you mean "organisation"?',
    )


def test_unknown_key_with_nothing_close_lists_the_known_ones():
    line, column, message = only(MINIMAL + "contact:\n  fax: 0\n")
    assert (line, column) == (11, 3)
    assert message == 'unknown key "fax" in contact: use one of name, email, phone'


def test_real_key_at_the_wrong_level_is_explained():
    text = MINIMAL.replace("    items:\n", "    summary: Text\n    items:\n")
    assert only(text) == (
        5,
        5,
        'unknown key "summary" in section 1: "summary" belongs in an '
        "item (under items:); check the indentation",
    )


def test_string_where_a_list_is_expected():
    text = MINIMAL.replace(
        "      - article: a1\n", "      - article: a1\n        implications: Plan\n"
    )
    assert only(text) == (
        7,
        23,
        'section 1, item 1, implications should be a list (one "- " line per entry), not text',
    )


def test_list_where_text_is_expected():
    text = MINIMAL.replace("title: Test pack", "title: [a, b]")
    assert only(text) == (2, 8, "title should be text, not a list")


def test_text_where_true_or_false_is_expected():
    assert only(MINIMAL + "draft: maybe\n") == (10, 8, "draft should be true or false, not text")


def test_empty_list_entry():
    text = MINIMAL + "key_messages:\n  - One\n  -\n"
    assert only(text) == (12, 4, "key message 2 is empty: write text here, or delete the line")


@pytest.mark.parametrize(
    ("line_text", "column", "allowed"),
    [
        ("kind: briefing", 7, "member-briefing, event-handout"),
        ("classification: SECRET", 17, "OFFICIAL, OFFICIAL-SENSITIVE, none"),
        ("layout:\n  paper: A3", 10, "A4, A5"),
    ],
)
def test_bad_choices_list_the_allowed_ones(line_text, column, allowed):
    line, col, message = only(MINIMAL + line_text + "\n")
    assert (line, col) == (10 + line_text.count("\n"), column)
    assert message.endswith(f"use one of {allowed}")


def test_dangling_article_suggests_the_nearest_id():
    text = MINIMAL.replace("article: a1", "article: al")
    assert only(text) == (6, 18, 'no article "al" in articles: did you mean "a1"?')


def test_dangling_article_with_nothing_close_lists_ids():
    text = MINIMAL.replace("article: a1", "article: zzzzzz")
    assert (
        only(text)[2] == 'no article "zzzzzz" in articles: add it under articles, or use one of a1'
    )


def test_section_theme_must_be_in_themes_when_themes_given():
    text = MINIMAL.replace("  - title: Housing\n", "  - title: Housing\n    theme: housng\n")
    assert problems_in(text) == []  # no themes: any theme id is allowed
    text += "themes:\n  housing: {label: Housing}\n"
    assert only(text) == (5, 12, 'no theme "housng" in themes: did you mean "housing"?')


@pytest.mark.parametrize(
    ("value", "why"),
    [("31/11/2025", ""), ("2025-11-31", "there is no such day; "), ("Tuesday", ""), ("2025", "")],
)
def test_dates_that_are_not_dates(value, why):
    assert only(MINIMAL + f"date: {value}\n") == (
        10,
        7,
        f'date "{value}" is not a date: {why}write it as YYYY-MM-DD, e.g. 2025-11-04',
    )


def test_article_published_must_be_a_date():
    text = MINIMAL + "    published: 2025-02-30\n"
    line, column, message = only(text)
    assert (line, column) == (10, 16)
    assert message.startswith('article "a1", published "2025-02-30" is not a date')


@pytest.mark.parametrize(
    "value", ["2025-11-04T10:00", "2025-11-04 10:00", "2025-11-04T10:00:30", "2025-11-04"]
)
def test_event_starts_accepts_date_and_time_or_date(value):
    assert problems_in(MINIMAL + f"event:\n  starts: {value}\n") == []


@pytest.mark.parametrize("value", ["10am", "2025-11-04T25:00", "2025-13-04T10:00"])
def test_event_starts_that_is_not_a_time(value):
    line, column, message = only(MINIMAL + f"event:\n  starts: {value}\n")
    assert (line, column) == (11, 11)
    assert "is not a date and time: write it as YYYY-MM-DDTHH:MM, e.g. 2025-11-04T10:00" in message


def _layout_findings(path: Path) -> list[tuple[int | None, int | None, str, str]]:
    from briefing.build import BuildRequest, view
    from briefing.checks import run_checks
    from briefing.packfile import load_pack_at

    pack, positions = load_pack_at(path)  # loads: a layout file is the checks' to report
    return [
        (f.location.line, f.location.column, f.severity, f.message)
        for f in run_checks(
            view(BuildRequest(pack, path.parent, pack_path=path, positions=positions))
        )
        if f.rule == "layout-file"
    ]


def test_a_missing_template_or_logo_is_a_finding_not_a_load_error(tmp_path):
    (tmp_path / "styles").mkdir()
    text = (
        MINIMAL + "layout:\n  template: styles/house.docx\n  logo: crest.png\n  logo_alt: Crest\n"
    )
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    assert problems_in(text, path) == []
    (template, logo) = _layout_findings(path)
    assert template[:3] == (11, 13, "error")
    assert template[3].startswith("The Word template file “styles/house.docx” cannot be found")
    assert logo[:3] == (12, 9, "error")
    looked = tmp_path / "crest.png"
    assert logo[3] == (
        f"The logo file “crest.png” cannot be found (looked for {looked}): the "
        "path is relative to the pack file; check the name and the folder."
    )
    (tmp_path / "crest.png").mkdir()  # a folder where the picture should be
    assert [f[3] for f in _layout_findings(path) if f[0] == 12] == [
        "The logo file “crest.png” is not a file (it is a folder or a device): give the path "
        "of a PNG or JPEG picture."
    ]


def test_a_template_or_logo_of_the_wrong_type_is_a_finding(tmp_path):
    text = MINIMAL + "layout:\n  template: house.dot\n  logo: crest.gif\n  logo_alt: Crest\n"
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    assert problems_in(text, path) == []
    assert _layout_findings(path) == [
        (
            11,
            13,
            "error",
            "The Word template file “house.dot” should be a Word document "
            "(.docx, .dotx): save it from Word as a Word Document (.docx), and give "
            "its name here.",
        ),
        (
            12,
            9,
            "error",
            "The logo file “crest.gif” should be a PNG or JPEG picture (.png, .jpg, "
            ".jpeg): save it from an image editor as .png or .jpg, and give its "
            "name here.",
        ),
    ]


def test_logo_without_alt_text_loads_and_the_checks_report_it(tmp_path):
    from briefing.build import BuildRequest, view
    from briefing.checks import run_checks
    from briefing.packfile import load_pack_at

    (tmp_path / "crest.jpg").write_bytes(b"\xff\xd8")
    path = tmp_path / "p.yaml"
    path.write_text(MINIMAL + "layout:\n  logo: crest.jpg\n", encoding="utf-8")
    assert problems_in(path.read_text(encoding="utf-8"), path) == []  # not a load error
    pack, positions = load_pack_at(path)
    [finding] = [
        f
        for f in run_checks(view(BuildRequest(pack, tmp_path, pack_path=path, positions=positions)))
        if f.rule == "alt-text"
    ]
    assert finding.severity == "error"
    assert (finding.location.line, finding.location.column) == (11, 3)
    assert "logo_alt" in str(finding) and str(finding).startswith(f"{path}:11:3: error:")


def test_duplicate_keys_are_reported_at_the_second():
    text = MINIMAL.replace("title: Test pack\n", "title: Test pack\ntitle: Other\n")
    assert only(text) == (
        3,
        1,
        '"title" appears twice in the pack (first on line 2): keep one and delete the other',
    )


def test_duplicate_article_ids():
    text = MINIMAL + "  a1:\n    title: Again\n"
    line, column, message = only(text)
    assert (line, column) == (10, 3)
    assert message.startswith('"a1" appears twice in articles (first on line 8)')


def test_unquoted_colour_is_explained():
    text = MINIMAL + "themes:\n  t:\n    label: T\n    colour: #1d70b8\n"
    line, column, message = only(text)
    assert (line, column) == (13, 5)
    assert 'write the colour in quotes, e.g. colour: "#1d70b8"' in message


def test_bad_colour_and_url():
    text = MINIMAL + "    url: www.example.org\n" + "themes:\n  t: {label: T, colour: blue}\n"
    assert problems_in(text) == [
        (
            10,
            10,
            'article "a1", url "www.example.org" should be a web address starting '
            "https:// or http://",
        ),
        (
            12,
            25,
            'theme "t", colour "blue" should be a colour written "#RRGGBB" in quotes, '
            'e.g. "#1d70b8"',
        ),
    ]


def test_newer_format_is_refused_plainly():
    text = MINIMAL.replace("briefing_pack: 1", "briefing_pack: 2")
    line, column, message = only(text)
    assert (line, column) == (1, 16)
    assert "made by a newer version of Briefing" in message


def test_every_problem_at_once_in_file_order(tmp_path):
    text = (
        "briefing_pack: 1\n"
        "title: T\n"
        "date: 2025-11-31\n"
        "kind: handout\n"
        "sections:\n"
        "  - title: S\n"
        "    items:\n"
        "      - article: missing\n"
        "        sumary: x\n"
    )
    path = tmp_path / "many.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(path)
    lines = str(caught.value).splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [
        f"{path}:3:7",
        f"{path}:4:7",
        f"{path}:8:18",
        f"{path}:9:9",
    ]


def test_nothing_is_returned_for_a_bad_pack():
    with pytest.raises(PackError):
        loads_pack(MINIMAL + "draft: maybe\n", Path("pack.yaml"))
