"""A digest of everything the pack rules read, so checks already made are reused only while
the pack, its folder and the files it names are unchanged."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.model import Pack


def pack_state(pack: Pack, base_dir: Path) -> bytes:
    """Every value of the pack, the folder its paths are relative to, and the size and time
    of the logo and Word template it names."""
    digest = hashlib.blake2b(pickle.dumps(pack, protocol=pickle.HIGHEST_PROTOCOL), digest_size=20)
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
