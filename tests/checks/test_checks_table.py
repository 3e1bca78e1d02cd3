"""The table of checks: one row per rule, findings worded and placed the same way everywhere."""

from __future__ import annotations

from pathlib import Path

from briefing.build import BuildRequest, view
from briefing.checks import RULES, Finding, Location, run_checks
from briefing.checks.finding import SEVERITIES
from briefing.model import Article, Item, Pack, Section


def _pack() -> Pack:
    return Pack(
        "Spring briefing",
        articles={"spare": Article("A spare study")},
        sections=[Section("Housing", items=[Item("gone")]), Section("Empty")],
    )


def test_every_rule_has_one_code_a_severity_and_a_summary() -> None:
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes)), "two rules share a code"
    for rule in RULES:
        assert rule.severity in SEVERITIES, rule.code
        assert rule.scope in ("pack", "output"), rule.code
        assert rule.summary.endswith("."), rule.code


def test_findings_come_from_the_table_at_the_table_severity() -> None:
    findings = run_checks(view(BuildRequest(_pack(), Path())))
    severity = {rule.code: rule.severity for rule in RULES}
    assert findings, "a pack with an unknown article and an empty section should be reported"
    for finding in findings:
        assert finding.severity == severity[finding.rule]
    codes = {finding.rule for finding in findings}
    assert {"missing-article", "missing-summary", "empty-section", "unused-article"} <= codes
    # errors first
    order = [SEVERITIES.index(f.severity) for f in findings]
    assert order == sorted(order)


def test_a_finding_reads_file_line_column_then_severity() -> None:
    placed = Finding(
        "missing-summary",
        "error",
        "Write one.",
        Location(Path("pack.yaml"), 12, 7, section=2, item=1),
    )
    assert str(placed) == "pack.yaml:12:7: error: Write one."
    unplaced = Finding("missing-summary", "error", "Write one.", Location(section=2, item=1))
    assert str(unplaced) == "error: Section 2, item 1: Write one."
    assert str(Finding("no-sections", "error", "Add one.")) == "error: Add one."
