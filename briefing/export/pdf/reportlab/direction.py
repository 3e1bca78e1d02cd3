"""Text written right to left (Hebrew), drawn in the order it is read.

reportlab draws a line's characters in the order they are stored, so a Hebrew word would print
backwards. After reportlab has broken a paragraph into lines, each line that holds such text is
put in visual order by the Unicode bidirectional algorithm (python-bidi), with the line's base
direction left to right as the tagged PDF draws it: a Hebrew phrase inside English reads right
to left, English and numbers inside it left to right, and each piece keeps its own font, colour
and link. Only drawing changes: the paragraph, and how it splits across pages, stay in logical
order.
"""

from __future__ import annotations

from typing import Any

from reportlab import platypus

from briefing.export.common.direction import RIGHT_TO_LEFT, visual, visual_order


def _visual_frags(frags: list[Any]) -> list[Any]:
    """A line of styled pieces in the order they are drawn: pieces cut where the direction
    changes, each holding its characters left to right."""
    if any(not hasattr(frag, "text") or hasattr(frag, "cbDefn") for frag in frags):
        return frags  # a line with an inline picture or a callback is left as it is
    owner: list[int] = []
    for n, frag in enumerate(frags):
        owner.extend([n] * len(frag.text))
    out: list[Any] = []
    last, chars = -1, list[str]()
    for at, char in visual_order("".join(frag.text for frag in frags)):
        if owner[at] != last and chars:
            out.append(frags[last].clone(text="".join(chars)))
            chars = []
        last = owner[at]
        chars.append(char)
    if chars:
        out.append(frags[last].clone(text="".join(chars)))
    return out


def _visual_lines(laid: Any) -> Any:
    """reportlab's broken lines (`blPara`) as drawn, or `laid` itself when none needs it."""
    lines = getattr(laid, "lines", None)
    if not lines:
        return laid
    shown: list[Any] = []
    changed = False
    for line in lines:
        if laid.kind == 0:  # (extra space, words), all in one font
            extra, words = line
            joined = " ".join(words)
            if RIGHT_TO_LEFT.search(joined):
                line, changed = (extra, visual(joined).split(" ")), True
        elif RIGHT_TO_LEFT.search("".join(getattr(f, "text", "") for f in line.words)):
            line, changed = line.clone(words=_visual_frags(line.words)), True
        shown.append(line)
    return laid.clone(lines=shown) if changed else laid


class Paragraph(platypus.Paragraph):
    """A reportlab Paragraph whose right-to-left text is drawn in reading order."""

    def draw(self) -> None:
        laid = self.blPara  # type: ignore[has-type]  # set by wrap, not in the stubs
        shown = _visual_lines(laid)
        if shown is laid:
            super().draw()
            return
        self.blPara = shown
        try:
            super().draw()
        finally:
            self.blPara = laid
