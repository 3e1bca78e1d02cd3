"""The command line explains itself: every command, argument and option has help, and the
generated references (docs/cli.md from the parsers, docs/rules.md from the checks table) are the
ones the program makes now."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefing.checks.table import RULES
from briefing.cli import make_parser

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def reference_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_reference", ROOT / "scripts" / "make_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parsers(
    parser: argparse.ArgumentParser, name: str = "briefing"
) -> list[tuple[str, argparse.ArgumentParser]]:
    found = [(name, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub, subparser in action.choices.items():
                found += parsers(subparser, f"{name} {sub}")
    return found


def test_every_command_and_option_has_help() -> None:
    missing = []
    for name, parser in parsers(make_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                missing += [
                    f"{name} {choice.dest}" for choice in action._choices_actions if not choice.help
                ]
            elif not action.help:
                missing.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    assert not missing, f"no help for: {missing}"


def test_the_summary_names_every_format_and_theme_commands_read_rightly() -> None:
    top = make_parser().format_help()
    assert all(word in top for word in ("Word", "PDF", "HTML"))
    themes = dict(parsers(make_parser()))["briefing theme"].format_help()
    assert "take a theme off articles" in themes
    assert "give a theme to articles" in themes


@pytest.mark.parametrize(
    ("page", "render"), [("cli.md", "render_cli"), ("rules.md", "render_rules")]
)
def test_the_generated_reference_is_up_to_date(page: str, render: str) -> None:
    script = reference_script()
    written = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert written == getattr(script, render)(), (
        f"docs/{page} is out of date: regenerate it with `{script.COMMAND}` and commit it"
    )


def test_the_references_name_every_rule_and_command() -> None:
    rules = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert all(f"| `{rule.code}` |" in rules for rule in RULES)
    cli = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert all(
        f"## `{name}`" in cli
        for name, _ in parsers(make_parser())
        if name != "briefing theme color"
    )


def test_the_check_mode_names_the_stale_page_and_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script = reference_script()
    stale = tmp_path / "rules.md"
    stale.write_text("# Rules reference\n\nan old table\n", encoding="utf-8")
    monkeypatch.setattr(script, "ROOT", tmp_path)
    monkeypatch.setattr(script, "RULES_PAGE", stale)
    monkeypatch.setattr(script, "CLI", tmp_path / "cli.md")
    (tmp_path / "cli.md").write_text(script.render_cli(), encoding="utf-8")
    assert script.main(["--check"]) == 1
    assert "out of date: rules.md; regenerate with: python scripts/make_reference.py" in (
        capsys.readouterr().err
    )
    assert stale.read_text(encoding="utf-8") == "# Rules reference\n\nan old table\n"
