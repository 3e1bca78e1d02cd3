"""`briefing …`: the command line over the same services the desktop app uses.

Each sub-command lives in its own module with a `register(subparsers)` function. No module here
imports Qt; `briefing gui` imports the app only when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.cli.common import Printable
from briefing.errors import BriefingError

if TYPE_CHECKING:
    from collections.abc import Sequence


def make_parser() -> argparse.ArgumentParser:
    """Every command and option of `briefing` (docs/cli.md is generated from it)."""
    from briefing.cli import build, check, gui, library, suggest, versions

    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Build briefing packs for UK local government: Word (.docx), PDF and web "
        "page (HTML) briefings from a library of articles. With no command, opens the desktop "
        "app.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (build, versions, check, library, suggest, gui):
        module.register(sub)
    return parser


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def main(argv: Sequence[str] | None = None) -> int:
    from briefing.cli.gui import run_gui, split_qt_args

    out, err = sys.stdout, sys.stderr
    # Everything printed from here on (help and usage errors too) is printable in any encoding.
    sys.stdout, sys.stderr = Printable(out), Printable(err)
    try:
        parser = make_parser()
        # Qt's own options (-style, -platform …) go to the app, not to the argument parser.
        words, qt_args = split_qt_args(list(sys.argv[1:] if argv is None else argv))
        args = parser.parse_args(words)
        args.qt_args = qt_args
        if args.command is None:
            if has_display():
                return run_gui(None, None, qt_args)
            parser.print_help()
            return 2
        return _run(args)
    finally:
        sys.stdout, sys.stderr = out, err


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.run(args) or 0)
    except BriefingError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except OSError as exc:  # a file or folder problem the command did not foresee
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"{where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
