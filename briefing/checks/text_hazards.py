"""Text that prints badly or misleads: words too long for a line, and the invisible controls that
turn text right to left.

A run of characters with no space (a pasted tracking code, a long address without slashes, a
chemical name) is broken wherever it reaches the edge of the page; Briefing never lets it run
off, but the reader deserves a warning. A right-to-left override (U+202E) shows the text after
it reversed: "Invoice \u202excod.exe" reads "Invoice exe.docx". Briefing drops these controls
from file names; in the text they are reported, since they can disguise what a link or a name
says.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from briefing.checks.accessibility_text import field_location, text_fields
from briefing.checks.rule import CheckContext, Rule
from briefing.files.naming import bidi_controls

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.checks.finding import Finding

LONG_WORD = 40  # characters without a space, hyphen or slash
_LONG = re.compile(rf"[^\s\-\u2010\u2011/]{{{LONG_WORD + 1},}}")
_SHOWN = 30


# A byte of text in UTF-8 that may be part of a run of characters between spaces ("x") or
# that is white space to str.split (ASCII white space and the separators \x1c-\x1f).
_RUN_BYTES = bytes(32 if chr(b).isspace() and b < 128 else ord("x") for b in range(256))


def may_run_past(text: str, length: int) -> bool:
    """Whether `text` may hold a run of more than `length` characters between spaces (as
    str.split reads them): False only when it holds none, found in C without splitting it off
    (every such run is as many bytes in UTF-8 or more, none of them ASCII white space)."""
    data = text.encode("utf-8", "surrogatepass").translate(_RUN_BYTES)
    return b"x" * (length + 1) in data and max(map(len, text.split()), default=0) > length


def _long_words(context: CheckContext) -> Iterator[Finding]:
    for field in text_fields(context, articles=False):
        # A long word lies inside a run of characters between spaces: most texts have none
        # over LONG_WORD, found quicker than by trying the pattern at every character.
        if not may_run_past(field.text, LONG_WORD):
            continue
        for match in _LONG.finditer(field.text):
            word = match.group()
            if word.startswith(("http", "www.")) or "@" in word:
                continue  # an address: readers expect it to break anywhere
            shown = word if len(word) <= _SHOWN else word[:_SHOWN] + "…"
            yield LONG_WORDS.finding(
                f"In {field.name}, “{shown}” runs {len(word):,} characters with no space: it "
                "will be broken across lines wherever it meets the edge of the page. Add "
                "spaces or hyphens where it can break, or shorten it.",
                field_location(context, field, word[:_SHOWN], exact=True),
            )
            break  # one finding per field


def _bidi(context: CheckContext) -> Iterator[Finding]:
    for field in text_fields(context, articles=True):
        found = bidi_controls().search(field.text)
        if found is None:
            continue
        name = unicodedata.name(found.group(), "direction control").lower()
        yield DIRECTION_CONTROLS.finding(
            f"In {field.name}, an invisible character that changes the direction of text "
            f"(U+{ord(found.group()):04X}, {name}) makes what follows it show in another order "
            "than it was typed, which can disguise a name or an address: delete it (retype "
            "the text around it if you cannot see it).",
            field_location(context, field, found.group(), exact=True),
        )


LONG_WORDS = Rule(
    "long-words",
    "warning",
    f"A word over {LONG_WORD} characters with no space or hyphen: it is broken "
    "across lines wherever it meets the edge (nothing runs off the page).",
    "pack",
    _long_words,
)
DIRECTION_CONTROLS = Rule(
    "direction-controls",
    "warning",
    "Invisible right-to-left or left-to-right controls (such as U+202E) "
    "that show text in another order than typed; never in file names.",
    "pack",
    _bidi,
)

RULES: tuple[Rule, ...] = (LONG_WORDS, DIRECTION_CONTROLS)
