"""Malicious or unusual YAML constructs nothing and runs nothing; it is reported instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from packfile_samples import MINIMAL, problems_in

from briefing.errors import PackError
from briefing.packfile import load_pack


@pytest.mark.parametrize(
    "value",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        "!!python/object/apply:pathlib.Path.touch [{marker}]",
        '!!python/object/new:subprocess.Popen [["touch", "{marker}"]]',
        "!!python/name:os.system",
        "!!python/module:os",
    ],
)
def test_python_tags_construct_nothing(tmp_path, value):
    marker = tmp_path / "ran"
    text = MINIMAL.replace("title: Test pack", "title: " + value.format(marker=marker))
    path = tmp_path / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert not marker.exists()
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (2, 8)
    assert "asks to run Python code" in problem.message
    assert "it was not read" in problem.message


@pytest.mark.parametrize("tag", ["!custom", "!!binary", "!!set", "!!omap"])
def test_other_tags_are_refused(tag):
    (found,) = problems_in(MINIMAL + f"subtitle: {tag} aGk=\n")
    shown = tag if tag.startswith("!!") or tag == "!custom" else tag
    assert found[:2] == (10, 11)
    assert f'the tag "{shown}" is not supported in pack files' in found[2]


def test_tag_on_a_whole_section_is_refused_once():
    text = MINIMAL.replace(
        "  - title: Housing", "  - !!python/object:builtins.dict\n    title: Housing"
    )
    found = problems_in(text)
    assert len(found) == 1 and "asks to run Python code" in found[0][2]


def test_standard_tags_are_fine():
    text = MINIMAL.replace("title: Test pack", "title: !!str 2025")
    assert problems_in(text) == []


def test_aliases_are_refused_without_expanding():
    # A "billion laughs" file: nine levels of nine aliases would expand to 10^9 strings.
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, 10):
        refs = ", ".join(f"*a{level - 1}" for _ in range(9))
        lines.append(f"a{level}: &a{level} [{refs}]")
    text = "\n".join(lines) + "\n"
    found = problems_in(text)
    # Each alias is reported where it stands and none is followed.
    alias_problems = [p for p in found if "YAML alias" in p[2]]
    assert len(alias_problems) == 81
    assert alias_problems[0][:2] == (2, 10)


def test_alias_in_a_pack_points_at_the_alias():
    text = MINIMAL.replace("title: Test pack", "title: &t Test pack") + "subtitle: *t\n"
    assert problems_in(text) == [
        (
            10,
            11,
            '"*t" repeats another value (a YAML alias); pack files do not use anchors '
            "and aliases: write the value out in full",
        ),
    ]


def test_control_characters_are_reported_with_position():
    text = MINIMAL.replace("Test pack", "Test\x07pack")
    (found,) = problems_in(text)
    assert found[:2] == (2, 12)
    assert "control character" in found[2]


def test_pack_reads_no_other_files(tmp_path, monkeypatch):
    # The loader may look at the template and logo it names (existence only) and nothing else.
    (tmp_path / "crest.png").write_bytes(b"\x89PNG")
    path = tmp_path / "p.yaml"
    path.write_text(MINIMAL + "layout:\n  logo: crest.png\n  logo_alt: Crest\n", encoding="utf-8")
    opened: list[str] = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    load_pack(path)
    assert "crest.png" not in opened


def test_libyaml_and_python_composers_give_the_same_positions():
    from test_packfile_load import FULL

    from briefing.packfile.reader import _compose_with_libyaml, compose_in_python

    text = FULL.replace("Resilience", "Špaček – “Resilience”") + "extra: {a: 'ü', b: [1, é]}\n"
    fast = _compose_with_libyaml(text)
    if fast is None:
        pytest.skip("PyYAML has no libyaml here")
    slow, problems = compose_in_python(text, Path("p.yaml"))
    assert problems == []

    def marks(node):
        yield (node.tag, node.start_mark.line, node.start_mark.column)
        children = node.value if isinstance(node.value, list) else []
        for child in children:
            for part in child if isinstance(child, tuple) else (child,):
                yield from marks(part)

    assert list(marks(fast[0])) == list(marks(slow))
