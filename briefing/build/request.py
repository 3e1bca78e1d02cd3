"""What to build: one request names the pack, the formats, the versions, the PDF engine, the
two-up copy and where the files go. Every way of building (the command line, `briefing check`,
the app's preview and export) describes its work as a BuildRequest."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.errors import BriefingError
from briefing.export.registry import DEFAULT_FORMATS, DEFAULT_PDF_ENGINE, FORMATS, engine_for

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from briefing.model import Pack
    from briefing.packfile.positions import Positions

ALL_AUDIENCES = "all"  # stands for every audience the pack names


@dataclass(frozen=True)
class BuildRequest:
    """One build. `audiences` lists the versions (None: the full one; "all": every audience
    the pack names); `outdir` is where files go (None: nothing is written, as for `briefing
    check` and the preview); `names` overrides the file of a format ({"pdf": Path(…)}; the
    two-up copy's key is "two-up"), for one version only; `pack_path` and `positions` let
    findings point at FILE:LINE:COL; `pack_name` names the pack file in a version's record of
    what it withheld."""

    pack: Pack
    base_dir: Path
    formats: tuple[str, ...] = DEFAULT_FORMATS
    audiences: tuple[str | None, ...] = (None,)
    pdf_engine: str = DEFAULT_PDF_ENGINE
    two_up: bool = False
    outdir: Path | None = None
    names: Mapping[str, Path] = field(default_factory=dict)
    pack_path: Path | None = None
    positions: Positions | None = None
    pack_name: str = ""
    # Which issued version the files say they are: None reads the history beside the pack
    # file (history.editions); an issue or a rebuild gives the version it is making.
    edition: str | None = None
    changes_since: int | None = None  # include a "Changes since version N" page
    supplement_since: int | None = None  # build "Supplement K to …": only what is new since N
    history_of: Path | None = None  # the pack file whose history to read (None: pack_path)

    @classmethod
    def for_file(cls, path: Path, **options: object) -> BuildRequest:
        """A request for the pack file at `path` (read here, with the places of its values):
        paths in the pack are relative to its folder. Raises PackError for a pack that cannot
        be read."""
        from briefing.packfile import load_pack_at

        pack, positions = load_pack_at(path)
        values: dict[str, object] = {"pack_name": path.name, **options}
        return cls(pack, path.resolve().parent, pack_path=path, positions=positions, **values)  # type: ignore[arg-type]  # options are the fields above

    def stem(self, audience: str | None) -> str:
        """The name of a version's files: "Title (public)", "Title - supplement 1"."""
        from briefing.files.naming import version_stem

        stem = version_stem(self.pack.title, audience, self.pack.short_title)
        if self.supplement_since is not None:
            from briefing.history.editions import supplement_number

            stem = f"{stem} - supplement {supplement_number(self)}"
        return stem

    def versions(self) -> list[str | None]:
        """The versions to build, each once, in the pack's order for "all"; an unknown name
        stops the build before anything is done, naming the pack file and the choices."""
        from briefing.model.pack import BUILT_IN_AUDIENCES
        from briefing.model.versions import audience_names, known_audience

        chosen: list[str | None] = []
        for name in self.audiences:
            for one in audience_names(self.pack) if name == ALL_AUDIENCES else [name]:
                if one is not None and not known_audience(self.pack, one):
                    offered = ", ".join(dict.fromkeys([*self.pack.audiences, *BUILT_IN_AUDIENCES]))
                    raise BriefingError(
                        f'{self._where()}no audience "{one}": use one of '
                        f"{offered}, or {ALL_AUDIENCES}"
                    )
                if one not in chosen:
                    chosen.append(one)
        return chosen or [None]

    def refuse_what_cannot_be_made(self) -> None:
        """Stop, before any work, a request that cannot be met: an unknown format or engine,
        or a two-up copy without an A5 PDF."""
        unknown = [fmt for fmt in self.formats if fmt not in FORMATS]
        if unknown or not self.formats:
            raise BriefingError(
                f"Unknown format {', '.join(unknown) or '(none)'}: choose from "
                f"{', '.join(FORMATS)}."
            )
        engine_for(self.pdf_engine)
        if not self.two_up:
            return
        from briefing.export.pdf.two_up import NEEDS_A5

        if "pdf" not in self.formats:
            raise BriefingError(
                "--two-up makes a PDF, so it needs --format pdf or --format "
                "both (not --format docx): the two-up copy is made from the "
                "PDF."
            )
        if self.pack.layout.paper != "A5":
            raise BriefingError(
                f"{self._where()}{NEEDS_A5} (this pack is {self.pack.layout.paper})."
            )

    def _where(self) -> str:
        return f"{self.pack_path}: " if self.pack_path is not None else ""
