"""The draft summary dialog shows each sentence as the draft has it, shortened, and under the
sentence the officer is on, why it was offered and what the article itself says."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefing.assist import summarise
from briefing.gui.item_editor import SuggestionDialog

ARTICLE = """\
Westshire sets out its budget

Westshire Council will raise council tax by 4.99% next year to protect adult social care, \
said Jo Bloggs, the council's cabinet member for finance.

The rise, which was agreed on Tuesday, adds about £90 a year to a Band D bill for most homes.
"""


def test_a_shortened_sentence_shows_the_article_s_own_beneath_it(qtbot) -> None:
    draft = summarise(ARTICLE, 120)
    dialog = SuggestionDialog(
        "Draft summary", None, text=draft.text, sentences=list(draft.sentences)
    )
    qtbot.addWidget(dialog)
    assert dialog.sentences is not None
    first = dialog.sentences.item(0)
    assert first.text() == (
        "Westshire Council will raise council tax by 4.99% next year to protect adult social care."
    )
    # beneath the list: why, and the article's own sentence, whole
    why = dialog.context.text()
    assert why.startswith("Why: The article's opening sentence")
    assert why.endswith(
        ". Shortened; the article says: “Westshire Council will raise council tax by 4.99% next "
        "year to protect adult social care, said Jo Bloggs, the council's cabinet member for "
        "finance.”"
    )
    assert dialog.context.accessibleDescription() == dialog.context.text()
    # the draft the officer edits is the shortened sentences; unticking one leaves it out
    assert dialog.text() == (
        f"{first.text()} The rise adds about £90 a year to a Band D bill for most homes."
    )
    first.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.text() == "The rise adds about £90 a year to a Band D bill for most homes."
