"""Plumbing shared by the library commands: opening the library, tables and JSON output."""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING, Any, TextIO

from briefing.errors import BriefingError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from briefing.library import Library


def library_command(
    command: Callable[[argparse.Namespace, Library], int | None],
) -> Callable[..., int]:
    """Open the library, run the command, and turn file-system errors into plain messages."""

    def run(args: argparse.Namespace) -> int:
        from briefing.library import Library

        try:
            return int(command(args, Library(args.library)) or 0)
        except BrokenPipeError:
            # The reader went away (`… | head`): nothing more to say.
            sys.stderr.close()
            return 0
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            raise BriefingError(f"Cannot use the library{where}: {exc.strerror or exc}.") from exc

    return run


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(rows: list[list[str]]) -> None:
    if not rows:
        return
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row, widths, strict=False)] + [row[-1]]
        print("  ".join(cells).rstrip())


def warn_problems(lib: Library) -> None:
    for line in lib.problems():
        print(line, file=sys.stderr)


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text with control characters shown as escapes (\\x1b, \\r): a file name or title that
    holds a terminal escape sequence is printed, never obeyed. Line breaks and tabs are kept."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def shown(name: object) -> str:
    """A file name on one line: its own line breaks shown as \\n too."""
    return printable(str(name)).replace("\n", "\\n")


class Printable:
    """A text stream that writes through `printable`: everything the commands print. Anything
    else (flush, encoding, isatty …) is the wrapped stream's own.

    A character the stream's encoding cannot hold (a Welsh "ŵ" on a Windows console or a
    cp1252 pipe, anything but ASCII on an ASCII one) is written as its escape ("\\u0175")
    instead of stopping the command after its files were written."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        text = printable(text)
        try:
            self.stream.write(text)
        except UnicodeEncodeError:  # raised before anything is written
            encoding = getattr(self.stream, "encoding", None) or "ascii"
            self.stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401 - whatever the stream has
        return getattr(self.stream, name)
