"""PyYAML is imported without compiling its pure-Python reader's check for characters YAML
cannot hold (costly, and used only to explain a file libyaml refuses): it is compiled the
first time a file needs it, and finds the same characters."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st

from briefing.limits.yaml_import import NON_PRINTABLE, CompiledWhenUsed

if TYPE_CHECKING:
    from pathlib import Path


def run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    return done.stdout.strip().splitlines()[-1]


def test_importing_pyyaml_leaves_the_reader_pattern_for_later() -> None:
    code = (
        "import re, briefing, yaml, yaml.reader\n"
        "pattern = yaml.reader.Reader.NON_PRINTABLE\n"
        "print(type(pattern).__name__, pattern._compiled is None)\n"
    )
    assert run(code) == "CompiledWhenUsed True"


def test_a_control_character_is_still_reported_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("briefing_pack: 1\ntitle: Money\x01 matters\n", encoding="utf-8")
    # In a fresh process, so that nothing has compiled the pattern before this file needs it.
    code = (
        "import sys\nfrom briefing.cli import main\n"
        f"main(['validate', {str(path)!r}])\n"
        "import yaml.reader\nprint(type(yaml.reader.Reader.NON_PRINTABLE._compiled).__name__)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ
    )
    said = done.stdout + done.stderr
    assert f"{path}:2:13: the file contains a control character (code 0x01)" in said
    assert done.stdout.strip().splitlines()[-1] == "Pattern"  # compiled when first used


@given(st.text(max_size=40))
def test_the_deferred_pattern_finds_what_the_pattern_finds(text: str) -> None:
    deferred = CompiledWhenUsed(NON_PRINTABLE)
    found, expected = deferred.search(text), re.compile(NON_PRINTABLE).search(text)
    assert (found and found.group()) == (expected and expected.group())
