"""`briefing gui [PACK]`: open the desktop app (imports Qt only when run)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("gui", help="open the desktop app", description="Open the desktop app.")
    p.add_argument("pack", nargs="?", type=Path, help="a pack file to open")
    p.add_argument(
        "--library",
        type=Path,
        metavar="DIR",
        help="the library folder (default: $BRIEFING_LIBRARY, else your data folder)",
    )
    p.set_defaults(run=lambda args: run_gui(args.pack, args.library, args.qt_args))


def run_gui(
    pack: Path | None, library: Path | None = None, qt_args: list[str] | None = None
) -> int:
    from briefing.gui.app import run

    return run(pack, library, qt_args)


def split_qt_args(argv: list[str]) -> tuple[list[str], list[str]]:
    """Qt's own options (-style fusion, -platform xcb, -reverse …) apart from Briefing's, so
    they reach Qt instead of being refused as unknown."""
    ours: list[str] = []
    qt: list[str] = []
    takes_value = {
        "-style",
        "-platform",
        "-platformtheme",
        "-qwindowgeometry",
        "-qwindowtitle",
        "-qwindowicon",
        "-stylesheet",
        "-display",
        "-geometry",
        "-plugin",
    }
    words = iter(argv)
    for word in words:
        if word in takes_value:
            qt += [word, next(words, "")]
        elif word.startswith("-style=") or word in ("-reverse", "-nograb", "-dograb", "-sync"):
            qt.append(word)
        else:
            ours.append(word)
    return ours, qt


def app_main() -> int:
    """`briefing-app [PACK]`: the app with no console window (a Windows GUI entry point), so it
    can be pinned to the Start menu or opened by double-clicking a pack file."""
    parser = argparse.ArgumentParser(prog="briefing-app", description="Open the desktop app.")
    parser.add_argument("pack", nargs="?", type=Path, help="a pack file to open")
    parser.add_argument(
        "--library",
        type=Path,
        metavar="DIR",
        help="the library folder (default: $BRIEFING_LIBRARY, else your data folder)",
    )
    ours, qt_args = split_qt_args(sys.argv[1:])
    args = parser.parse_args(ours)
    return run_gui(args.pack, args.library, qt_args)
