"""The export dialog's two-up option: offered only for an A5 pack with a PDF chosen, remembered,
and writing "Title (two-up).pdf" on A4 landscape sheets beside the usual files."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from briefing.gui.export_dialog import ExportDialog
from briefing.packfile import load_pack

PACKS = Path(__file__).resolve().parents[2] / "packs"


def make_dialog(name: str, settings, qtbot, folder: Path) -> ExportDialog:
    dialog = ExportDialog(load_pack(PACKS / name), PACKS, settings, folder)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(folder))
    return dialog


def test_two_up_checkbox_writes_the_imposed_pdf(tmp_path, qtbot, settings, dialogs):
    out = tmp_path / "out"
    dialog = make_dialog("event-handout.yaml", settings, qtbot, out)
    assert dialog.two_up.isEnabled() and not dialog.two_up.isChecked()
    assert "A4 landscape" in dialog.two_up.toolTip()
    dialog.two_up.setChecked(True)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=30000)
    assert [p.name for p in dialog.written] == [
        "The 21st Century Councillor.docx",
        "The 21st Century Councillor.pdf",
        "The 21st Century Councillor (two-up).pdf",
    ]
    assert "(two-up).pdf" in dialog.status.text()
    imposed = PdfReader(out / "The 21st Century Councillor (two-up).pdf")
    single = PdfReader(out / "The 21st Century Councillor.pdf")
    assert len(imposed.pages) == (len(single.pages) + 1) // 2
    sheet = imposed.pages[0]
    assert round(float(sheet.mediabox.width)) == 842 and round(float(sheet.mediabox.height)) == 595
    assert "EVENT HANDOUT" in (sheet.extract_text() or "")
    assert make_dialog("event-handout.yaml", settings, qtbot, out).two_up.isChecked()


def test_two_up_is_offered_only_for_a5_with_a_pdf(tmp_path, qtbot, settings):
    settings.set_flag("export/two_up", True)
    a4 = make_dialog("member-briefing.yaml", settings, qtbot, tmp_path)
    assert not a4.two_up.isEnabled() and not a4.wants_two_up()
    assert "needs an A5 pack" in a4.two_up.toolTip()
    a5 = make_dialog("event-handout.yaml", settings, qtbot, tmp_path)
    assert a5.wants_two_up()
    a5.set_formats("docx")
    assert not a5.two_up.isEnabled() and "made from the PDF" in a5.two_up.toolTip()
    a5.set_formats("pdf")
    assert a5.two_up.isEnabled() and a5.wants_two_up()
