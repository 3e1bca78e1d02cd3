"""The one table of checks on a pack and its built files: every rule, its severity and message.

    run_checks(context, scope) -> list[Finding]     what `briefing validate`, `briefing build`,
                                                    the app's checks panel and export dialog show
    for_formats(findings, formats) -> list[Finding] those that matter for a build of these formats
    RULES                                           the table (briefing.checks.table)

Rules live in modules that export a `RULES` tuple (pack_rules.py, ...); table.py gathers them.
"""

from __future__ import annotations

from briefing.checks.finding import Finding, Location, Severity
from briefing.checks.rule import CheckContext, Rule, Scope
from briefing.checks.table import RULES, for_formats, run_checks

__all__ = [
    "RULES",
    "CheckContext",
    "Finding",
    "Location",
    "Rule",
    "Scope",
    "Severity",
    "for_formats",
    "run_checks",
]
