"""A housing and care briefing in two versions (tests/fixtures/revisions), for the history,
compare and redline tests.

Version 1 → version 2: an item added ("Rent arrears"), one removed ("Empty homes"), one moved
to another section ("Homes target"), one moved within its section ("Carers' pay"), one
reworded (£35m → £38m, a quote and a question), one made exempt ("Care market"), a section
added ("Finance") and the introduction edited.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOGO = ROOT / "packs" / "images" / "example-council-logo.png"

FIXTURES = ROOT / "tests" / "fixtures" / "revisions"
VERSION_1 = (FIXTURES / "version-1.yaml").read_text(encoding="utf-8")
VERSION_2 = (FIXTURES / "version-2.yaml").read_text(encoding="utf-8")


def write_pack(folder: Path, text: str = VERSION_1, name: str = "update.yaml") -> Path:
    """The pack file (and its logo) in `folder`."""
    (folder / "images").mkdir(parents=True, exist_ok=True)
    if not (folder / "images" / "logo.png").exists():
        shutil.copyfile(LOGO, folder / "images" / "logo.png")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
