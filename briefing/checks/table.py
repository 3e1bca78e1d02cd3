"""THE table of checks: every rule, gathered from the rule modules, and the function that runs
them. To add a rule, add it to a module's RULES (or add a module to RULE_MODULES)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from briefing.checks import (
    accessibility,
    accessibility_colours,
    accessibility_fonts,
    accessibility_output,
    pack_rules,
    text_hazards,
    verify,
    withheld_records,
    writing,
)
from briefing.checks.finding import Finding, sort_key
from briefing.checks.rule import CheckContext, Rule, Scope

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["RULES", "CheckContext", "Rule", "Scope", "for_formats", "rule", "run_checks"]

RULE_MODULES = (
    pack_rules,
    accessibility,
    accessibility_colours,
    accessibility_fonts,
    accessibility_output,
    text_hazards,
    withheld_records,
    verify,
    writing,
)

RULES: tuple[Rule, ...] = tuple(r for module in RULE_MODULES for r in module.RULES)


def rule(code: str) -> Rule:
    """The rule with this code (KeyError when there is none)."""
    for candidate in RULES:
        if candidate.code == code:
            return candidate
    raise KeyError(code)


def run_checks(
    context: CheckContext,
    scope: Literal["pack", "output", "all"] = "pack",
    formats: Iterable[str] | None = None,
) -> list[Finding]:
    """Every finding of the rules in `scope`, errors first, then in printed order. With
    `formats`, a rule about other formats only (the PDF's fonts in a Word build) is not run:
    for_formats would drop what it found."""
    made = None if formats is None else set(formats)
    findings: list[Finding] = []
    for candidate in RULES:
        if made is not None and candidate.outputs and not made.intersection(candidate.outputs):
            continue
        if scope == "all" or candidate.scope == scope:
            findings.extend(candidate.check(context))
    return sorted(findings, key=sort_key)


def for_formats(findings: Iterable[Finding], formats: Iterable[str]) -> list[Finding]:
    """The findings that matter when these formats are made: a rule about one format only
    (the PDF's fonts) says nothing about a build of the others (Word and the web page use the
    reader's own fonts)."""
    made = set(formats)
    kept = []
    for finding in findings:
        try:
            outputs = rule(finding.rule).outputs
        except KeyError:
            outputs = ()
        if not outputs or made.intersection(outputs):
            kept.append(finding)
    return kept
