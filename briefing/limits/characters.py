"""Characters a pack's text may hold: what Word (XML) and PDF files can store.

One place decides it, for `validate`, `build` and the app alike. A vertical tab (what Word puts
for a manual line break when text is pasted) becomes a line break; a surrogate pair written as two
escapes ("\\ud83d\\ude00") becomes its one character; any other control character, or half of a
surrogate pair, is refused with where it is, since no .docx or PDF can hold it.
"""

from __future__ import annotations

import re

# XML 1.0 allows tab, line feed, carriage return and everything from space up, except the
# surrogate range and U+FFFE/U+FFFF.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def storable(text: str) -> tuple[str, int, str]:
    """(text as it will be stored, index of the first character that cannot be, why).

    The index is -1 and the reason "" when every character can be stored.
    """
    if not _UNSTORABLE.search(text):
        return text, -1, ""
    text = text.replace("\x0b", "\n")
    text = _PAIR.sub(lambda m: m.group().encode("utf-16", "surrogatepass").decode("utf-16"), text)
    bad = _UNSTORABLE.search(text)
    if bad is None:
        return text, -1, ""
    return text, bad.start(), describe(bad.group())


def describe(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return (
            f"the text holds half of a character (U+{code:04X}, a lone surrogate) that Word "
            "and PDF files cannot store: retype the character or delete it"
        )
    return (
        f"the text holds an invisible control character (U+{code:04X}) that Word and PDF "
        "files cannot store: delete it (retype the text around it if you cannot see it)"
    )


def clean(text: str) -> str:
    """Text made storable by dropping what cannot be stored (for text that is not from a file the
    user can fix, such as an article's copy kept for reference)."""
    fixed, index, _ = storable(text)
    return fixed if index < 0 else _UNSTORABLE.sub("", fixed)
