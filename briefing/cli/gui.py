"""`briefing gui [PACK]`: open the desktop app (imports Qt only when run)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the desktop app", description="Open the desktop app.")
    p.add_argument("pack", nargs="?", type=Path, help="a pack file to open")
    p.add_argument("--library", type=Path, help="the library folder to use")
    p.set_defaults(run=lambda args: run_gui(args.pack, args.library))


def run_gui(pack: Path | None, library: Path | None = None) -> int:
    from briefing.gui.app import run

    return run(pack, library)


def app_main() -> int:
    """`briefing-app [PACK]`: the app with no console window (a Windows GUI entry point), so it
    can be pinned to the Start menu or opened by double-clicking a pack file."""
    parser = argparse.ArgumentParser(prog="briefing-app", description="Open the desktop app.")
    parser.add_argument("pack", nargs="?", type=Path, help="a pack file to open")
    parser.add_argument("--library", type=Path, help="the library folder to use")
    args = parser.parse_args()
    return run_gui(args.pack, args.library)
