"""What a rule is and what it is given: the pack, the version and document being built, where
the pack's values sit, and the built files.

Rule modules import these from here (table.py imports the rule modules to gather RULES).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from briefing.checks.finding import Finding, Location, Severity
from briefing.export.registry import DEFAULT_PDF_ENGINE

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from briefing.compose.audience import Version
    from briefing.document.model import Document
    from briefing.model import Budget, Pack
    from briefing.packfile.positions import PathKey, Positions

Scope = Literal["pack", "output"]


@dataclass(frozen=True)
class CheckContext:
    """What a rule may look at: a read-only view of one version's build job (made by
    briefing.build; rules never compose or render anything themselves).

    `pack` is the pack as written in its file (`pack_path`, with `positions` of its values);
    `version` is the version being built, resolved once (`version.pack` is what it prints);
    `document` is that version composed, once, for every rule and every writer; `outputs` maps a
    format key ("docx", "pdf" ...) to the bytes rendered (empty before rendering); `pages` is
    the PDF's page count once made; `audience` is the version's name as asked for (None: the
    full version); `pdf_engine` is the engine the PDF is (or will be) made with."""

    pack: Pack
    version: Version
    document: Document
    pack_path: Path | None = None
    positions: Positions | None = None
    base_dir: Path = field(default_factory=Path)
    outputs: Mapping[str, bytes] = field(default_factory=dict)
    pages: int | None = None
    audience: str | None = None
    pdf_engine: str = DEFAULT_PDF_ENGINE
    # What rules derive from the view and share (e.g. a built file read once for several
    # rules); never part of what the view says.
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def version_pack(self) -> Pack:
        """The pack as the version being checked prints it (an audience may leave items out
        and set its own budget)."""
        return self.version.pack

    def budget(self) -> Budget:
        return self.version.pack.budget

    def at(
        self,
        path: PathKey,
        *,
        section: int | None = None,
        item: int | None = None,
        field: str | None = None,
        key: bool = False,
    ) -> Location:
        """The location of the value (or, with key=True, the key) at `path` in the pack file,
        with the 1-based section and item for the app; line and column when the loader kept
        them."""
        line = column = None
        if self.positions is not None:
            line, column = self.positions.of_key(path) if key else self.positions.of_value(path)
        return Location(self.pack_path, line, column, section, item, field)


@dataclass(frozen=True)
class Rule:
    """One row of the table. `summary` is one line for the docs and `briefing check
    --list-rules`; pack rules run on the Pack, output rules on built files. A rule with
    `outputs` matters only when one of those formats is made (see table.for_formats)."""

    code: str
    severity: Severity
    summary: str
    scope: Scope
    check: Callable[[CheckContext], Iterable[Finding]]
    # The formats whose making the rule is about (registry keys); empty: every format.
    outputs: tuple[str, ...] = ()

    def finding(
        self, message: str, location: Location | None = None, severity: Severity | None = None
    ) -> Finding:
        """A finding of this rule, at its severity (or at `severity`, for a rule whose weight
        depends on how the pack is built)."""
        return Finding(self.code, severity or self.severity, message, location or Location())
