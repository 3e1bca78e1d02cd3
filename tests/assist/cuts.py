"""What a shortened sentence may be: the article's sentence with words taken out, nothing added
or reworded (its first letter may become a capital; "in order to" becomes "to"; a phrase may
lose its quotation marks)."""

from __future__ import annotations

import re


def only_cut(original: str, shown: str) -> bool:
    """True when every word of `shown` is a word of `original`, in the same order."""
    before = re.findall(r"\S+", _unquoted(original.lower()))
    after = re.findall(r"\S+", _unquoted(shown.lower()))
    at = 0
    for word in after:
        while (
            at < len(before)
            and before[at] != word
            and before[at].rstrip(",;:") != word.rstrip(",;:.!?")
        ):
            at += 1
        if at == len(before):
            return False
        at += 1
    return True


def _unquoted(text: str) -> str:
    return re.sub(r"[“”\"‘]|(?<!\w)’|’(?!\w)", "", text)
