"""Checks already made on a pack as it stood, kept for the build that follows them.

The app's export dialog runs the checks table to list what to fix, then builds; the build would
run the same checks again. `check_versions` keeps each version's findings (and the briefing the
checks composed) with a digest of the pack and the files it names, and `Checked.reuse` is the one
place that decides whether they still hold for what is about to be built. A build called alone
(`briefing build`) has nothing to reuse and checks for itself.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.checks.rule import CheckContext

if TYPE_CHECKING:
    from collections.abc import Sequence

    from briefing.checks.finding import Finding
    from briefing.model import Pack


def pack_state(pack: Pack, base_dir: Path) -> bytes:
    """A digest of everything the pack checks read: every value of the pack, the folder its
    paths are relative to, and the size and time of the logo and Word template it names."""
    digest = hashlib.blake2b(pickle.dumps(pack, protocol=pickle.HIGHEST_PROTOCOL),
                             digest_size=20)
    digest.update(str(Path(base_dir).resolve()).encode())
    for relative in (pack.layout.logo, pack.layout.template):
        if relative:
            path = Path(base_dir) / relative  # an absolute path stays as it is
            try:
                stat = path.stat()
                digest.update(f"\0{path}\0{stat.st_mtime_ns}\0{stat.st_size}".encode())
            except OSError:
                digest.update(f"\0{path}\0missing".encode())
    return digest.digest()


@dataclass(frozen=True)
class Checked:
    """The checks table's pack findings on one state of a pack, for each version checked with
    one PDF engine. `runs` maps each audience (None: the full version) to the context the
    checks ran in (holding the briefing they composed) and what they found."""

    state: bytes
    pdf_engine: str
    runs: dict[str | None, tuple[CheckContext, list[Finding]]]

    def findings(self) -> list[Finding]:
        """Every version's findings, each once, in the order they were found."""
        found: list[Finding] = []
        for _, findings in self.runs.values():
            found.extend(f for f in findings if f not in found)
        return found

    def reuse(self, pack: Pack, base_dir: Path, audience: str | None, pdf_engine: str,
              pack_path: Path | None = None) -> tuple[CheckContext, list[Finding]] | None:
        """A fresh context (with the briefing already composed) and the findings for this
        version, when they were checked with this engine on this very pack and nothing it
        reads has changed since; None when the build must check for itself."""
        run = self.runs.get(audience)
        if run is None or pdf_engine != self.pdf_engine:
            return None
        context, findings = run
        if context.pack_path != pack_path or pack_state(pack, base_dir) != self.state:
            return None
        # A copy: the build adds its page count without touching what is kept here.
        return replace(context, pack=pack, outputs={}, pages=None), list(findings)


def check_versions(pack: Pack, base_dir: Path, audiences: Sequence[str | None],
                   pdf_engine: str) -> Checked:
    """Run the pack checks on each version, keeping what a build of them may reuse."""
    from briefing.checks import run_checks

    state = pack_state(pack, base_dir)
    runs: dict[str | None, tuple[CheckContext, list[Finding]]] = {}
    for audience in audiences:
        context = CheckContext(pack, None, None, Path(base_dir), audience=audience,
                               pdf_engine=pdf_engine)
        runs[audience] = (context, run_checks(context, "pack"))
    return Checked(state, pdf_engine, runs)
