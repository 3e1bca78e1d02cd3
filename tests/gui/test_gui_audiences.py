"""Exempt items in the app: the badge in the pack tree (and its spoken name), marking and
clearing with undo, and choosing a version in the preview and the export dialog."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from briefing.gui import exempt_dialog as exempt_module
from briefing.gui.export_dialog import ExportDialog
from briefing.model import Exemption

PACKS = Path(__file__).resolve().parents[2] / "packs"
STEM = "Resilience, reform and AI"
SECRET = "Contact-centre AI pilot: the supplier's offer"


@pytest.fixture
def briefing(window, tmp_path):
    """The window with a copy of the example member briefing open (its logo beside it)."""
    folder = tmp_path / "packs"
    shutil.copytree(PACKS, folder, ignore=shutil.ignore_patterns("*.docx.tmp"))
    assert window.open_path(folder / "member-briefing.yaml", ask=False)
    return window


def _display(window, index) -> str:
    return window.model.data(index, Qt.ItemDataRole.DisplayRole)


def _spoken(window, index) -> str:
    return window.model.data(index, Qt.ItemDataRole.AccessibleTextRole)


def test_the_tree_shows_exempt_badges_in_text_and_in_the_spoken_name(briefing) -> None:
    model = briefing.model
    item = model.index_of_item(2, 2)
    assert _display(briefing, item) == f"[Exempt 3] {SECRET}"
    assert not model.data(item, Qt.ItemDataRole.DecorationRole).isNull()  # the padlock
    assert _spoken(briefing, item) == (
        f"{SECRET}, exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972 "
        "(information about the financial or business affairs of any particular person "
        "(including the council)): The supplier's prices and terms are commercially "
        "confidential while negotiations continue."
    )
    section = model.index_of_section(3)
    assert _display(briefing, section) == "[Exempt 4] Staffing"
    assert model.data(section, Qt.ItemDataRole.EditRole) == "Staffing"  # F2 edits the title
    assert "exempt under paragraph 4" in _spoken(briefing, section)
    limited = model.index_of_item(2, 3)
    assert _display(briefing, limited).startswith("[Only members, public] Is AI-enabled")
    plain = model.index_of_item(0, 0)
    assert "exempt" not in (_display(briefing, plain) + _spoken(briefing, plain)).lower()
    assert model.data(plain, Qt.ItemDataRole.DecorationRole) is None


def test_mark_and_clear_exempt_from_the_pack_menu_with_undo(briefing, monkeypatch) -> None:
    model = briefing.model
    index = model.index_of_item(0, 1)
    target = model.item_at(index)
    briefing.tree.select(index)

    def answer(dialog: QDialog) -> int:  # what a user does in the dialog
        dialog.paragraph.setCurrentIndex(dialog.paragraph.findData(2))
        dialog.reason.setText("Names a member of staff")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("briefing.gui.modal.run_once", answer)
    briefing.actions_by_name["exempt"].trigger()
    assert target.exempt == Exemption(2, "Names a member of staff")
    assert _display(briefing, index).startswith("[Exempt 2] ")
    assert briefing.statusBar().currentMessage() == "Marked exempt under paragraph 2."
    assert briefing.undo_stack.undoText() == "Mark exempt (paragraph 2)"

    briefing.undo_stack.undo()
    assert target.exempt is None and "Exempt" not in _display(briefing, index)
    briefing.undo_stack.redo()
    assert target.exempt == Exemption(2, "Names a member of staff")

    briefing.actions_by_name["clear_exempt"].trigger()
    assert target.exempt is None and "Exempt" not in _display(briefing, index)
    briefing.undo_stack.undo()
    assert target.exempt == Exemption(2, "Names a member of staff")


def test_the_dialog_lists_the_packs_schedule_and_starts_from_the_current_mark(qtbot) -> None:
    from briefing.model.schedules import schedule

    dialog = exempt_module.ExemptDialog(schedule("7A"), "this item", Exemption(14, "Fraud case"))
    qtbot.addWidget(dialog)
    assert dialog.paragraph.count() == 15
    assert dialog.paragraph.currentText() == (
        "14: the prevention, investigation or prosecution of crime"
    )
    assert dialog.exemption() == Exemption(14, "Fraud case")


def test_the_preview_shows_the_chosen_version(briefing, qtbot) -> None:
    preview = briefing.preview
    labels = [preview.audience.itemText(i) for i in range(preview.audience.count())]
    assert labels == [
        "Members: everything",
        "Public: everything but exempt items",
        "Summary: one line per item, exempt items withheld",
    ]
    with qtbot.waitSignal(preview.rendered, timeout=60000):
        preview.refresh_now()
    full_pages = preview.page_count
    preview.enabled = True
    with qtbot.waitSignal(preview.rendered, timeout=60000):
        preview.audience.setCurrentIndex(preview.audience.findData("summary"))
    assert preview.page_count == 2 < full_pages
    text = " ".join(
        " ".join(preview.document.getAllText(p).text().split()) for p in range(preview.page_count)
    )
    assert "The briefing in brief" in text
    assert SECRET not in text


def test_export_writes_the_chosen_version_or_all_of_them(briefing, qtbot, tmp_path) -> None:
    out = tmp_path / "out"
    dialog = ExportDialog(
        briefing.model.pack,
        briefing.file.base_dir(),
        briefing.settings,
        out,
        briefing,
        pack_name="member-briefing.yaml",
    )
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(out))
    dialog.set_formats("pdf")
    dialog.set_audience("public")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=60000)
    assert sorted(p.name for p in dialog.written) == [
        f"{STEM} (public) - NOT FOR PUBLICATION - withheld items.txt",
        f"{STEM} (public).pdf",
    ]
    assert dialog.written[-1].parent.name == "Withheld items - NOT FOR PUBLICATION"
    text = " ".join(
        page.extract_text() or "" for page in PdfReader(out / f"{STEM} (public).pdf").pages
    )
    assert "supplier's offer" not in text
    record = dialog.written[-1].read_text(encoding="utf-8")
    assert "Pack file: member-briefing.yaml" in record

    dialog.written = []
    dialog.set_audience("all")
    assert dialog.audience.currentText() == "All versions, each with its own files"
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=60000)
    assert sorted(p.name for p in dialog.written if p.suffix == ".pdf") == [
        f"{STEM} (public).pdf",
        f"{STEM} (summary).pdf",
        f"{STEM}.pdf",
    ]


def test_the_status_bar_counts_the_version_previewed(briefing, qtbot) -> None:
    preview, status = briefing.preview, briefing.budget_status
    preview.enabled = True
    with qtbot.waitSignal(preview.rendered, timeout=60000):
        preview.refresh_now()
    briefing._update_word_count()
    full_words = status.words
    assert briefing.pages_label.text() == f"{preview.page_count} of 10 pages"

    with qtbot.waitSignal(preview.rendered, timeout=60000):
        preview.audience.setCurrentIndex(preview.audience.findData("summary"))
    # The summary's own budget (two pages), its own pages and words, and its name beside them.
    assert preview.page_count == 2
    assert briefing.pages_label.text() == "2 of 2 pages"
    assert 0 < status.words < full_words
    assert status.version_label.isVisibleTo(briefing)
    assert status.version_label.text() == "Summary version:"
    assert briefing.pages_label.accessibleDescription() == (
        "Pages in the printed PDF of the summary version"
    )

    with qtbot.waitSignal(preview.rendered, timeout=60000):
        preview.audience.setCurrentIndex(preview.audience.findData("public"))
    assert briefing.words_label.text().endswith("of 5,000 words")  # the public budget's words
    assert briefing.pages_label.text() == f"{preview.page_count} of 10 pages"
    with qtbot.waitSignal(preview.rendered, timeout=60000):
        preview.audience.setCurrentIndex(preview.audience.findData("members"))
    assert not status.version_label.isVisibleTo(briefing)  # the full version goes unnamed
    assert status.words == full_words


def test_the_item_editor_says_which_versions_leave_the_item_out(briefing, monkeypatch) -> None:
    editor = briefing.item_editor
    note = editor.exempt_note
    briefing.jump_to(2, 2)
    assert editor.heading.text() == SECRET
    assert editor.exempt_row.isVisibleTo(briefing) and editor.exempt_icon.isVisibleTo(briefing)
    assert note.text() == (
        "This item is exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972 "
        "(information about the financial or business affairs of any particular person "
        "(including the council)). Left out of the public and summary versions."
    )
    # Read out as it is shown, and said to be the exemption.
    assert note.accessibleName() == "" and note.accessibleDescription() == "Exemption"

    briefing.jump_to(3, 0)  # in the exempt Staffing section
    assert note.text().startswith("This item's section is exempt under paragraph 4 of ")
    assert note.text().endswith("Left out of the public and summary versions.")
    briefing.jump_to(2, 3)  # limited to members and the public
    assert note.text() == "Left out of the summary version."
    briefing.jump_to(0, 1)  # printed by every version
    assert not editor.exempt_row.isVisibleTo(briefing)

    def answer(dialog: QDialog) -> int:
        dialog.paragraph.setCurrentIndex(dialog.paragraph.findData(2))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("briefing.gui.modal.run_once", answer)
    briefing.actions_by_name["exempt"].trigger()  # marked while the editor shows it
    assert editor.exempt_row.isVisibleTo(briefing)
    assert note.text().startswith("This item is exempt under paragraph 2 of Schedule 12A")
    briefing.undo_stack.undo()
    assert not editor.exempt_row.isVisibleTo(briefing)
