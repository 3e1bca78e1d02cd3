"""What a rule is and what it is given: the pack, where its values sit, and any built files.

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

    from briefing.document.model import Document
    from briefing.model import Budget, Pack
    from briefing.packfile.positions import PathKey, Positions

Scope = Literal["pack", "output"]


@dataclass
class CheckContext:
    """Everything a rule may look at. `outputs` maps a format key ("docx", "pdf" ...) to the
    built bytes (empty for pack-only runs); `pages` is the PDF's page count when built;
    `audience` is the version the outputs are built as (None: the full version); `pdf_engine`
    is the engine the PDF is (or will be) made with (registry.PDF_ENGINES)."""

    pack: Pack
    pack_path: Path | None = None
    positions: Positions | None = None
    base_dir: Path = field(default_factory=Path)
    outputs: Mapping[str, bytes] = field(default_factory=dict)
    pages: int | None = None
    audience: str | None = None
    pdf_engine: str = DEFAULT_PDF_ENGINE
    _document: Document | None = field(default=None, repr=False, compare=False)

    def document(self) -> Document:
        """The briefing as this version prints it, composed once for every rule (and for the
        build that follows the checks)."""
        if self._document is None:
            from briefing.compose import compose

            self._document = compose(self.pack, self.base_dir, self.audience)
        return self._document

    def version_pack(self) -> Pack:
        """The pack as the version being checked prints it (an audience may leave items out
        and set its own budget)."""
        if self.audience is None:
            return self.pack
        from briefing.compose.audience import for_audience

        return for_audience(self.pack, self.audience).pack

    def budget(self) -> Budget:
        return self.version_pack().budget

    def at(self, path: PathKey, *, section: int | None = None, item: int | None = None,
           field: str | None = None, key: bool = False) -> Location:
        """The location of the value (or, with key=True, the key) at `path` in the pack file,
        with the 1-based section and item for the app; line and column when the loader kept
        them."""
        line = column = None
        if self.positions is not None:
            line, column = (self.positions.of_key(path) if key
                            else self.positions.of_value(path))
        return Location(self.pack_path, line, column, section, item, field)


@dataclass(frozen=True)
class Rule:
    """One row of the table. `summary` is one line for the docs and `briefing check
    --list-rules`; pack rules run on the Pack, output rules on built files."""

    code: str
    severity: Severity
    summary: str
    scope: Scope
    check: Callable[[CheckContext], Iterable[Finding]]

    def finding(self, message: str, location: Location | None = None,
                severity: Severity | None = None) -> Finding:
        """A finding of this rule, at its severity (or at `severity`, for a rule whose weight
        depends on how the pack is built)."""
        return Finding(self.code, severity or self.severity, message, location or Location())
