"""Library commands: import, library, search, theme, pack (filled in by the library work)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    return None
