"""Text whose only characters beyond ASCII are common punctuation, as ASCII bytes.

The checks read the words of a paragraph quickly, a byte at a time in C (bytes.translate),
when it is ASCII; in most prose the only other characters are curly quotes and apostrophes,
dashes, an ellipsis, a currency sign or a no-break space. Every pattern the checks read words
with treats each of these as it treats its stand-in here: ’ joins words as an apostrophe does
(or is held apart from it: see HELD_APOSTROPHE), and the others part words, as a space does.
"""

from __future__ import annotations

# What ’ may be written as to keep it apart from ' while the rest is read as ASCII (a
# control character no pack text holds: text holding it is read the slow way).
HELD_APOSTROPHE = "\x1f"
_APOSTROPHE = "\u2019"  # ’
_PARTING = (
    *"\u2018\u201c\u201d",  # ‘ “ ”
    *"\u2013\u2014\u2026",  # – — …
    *"\u00a3\u20ac",  # £ €
    *"\u00a0\u202f\u2022",  # no-break spaces and a bullet
)


def ascii_bytes(text: str, apostrophe: str = "'") -> bytes | None:
    """`text` as ASCII bytes, with ’ written as `apostrophe` and the other common punctuation
    as a space; None when it holds any other character beyond ASCII. (Looking for a character
    in text is quicker than for its bytes in UTF-8.)"""
    if not text.isascii():
        if _APOSTROPHE in text:
            text = text.replace(_APOSTROPHE, apostrophe)
        for char in _PARTING:
            if char in text:
                text = text.replace(char, " ")
        if not text.isascii():
            return None
    return text.encode("ascii")
