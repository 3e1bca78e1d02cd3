"""Exporting from the app: both formats written with the pack's text, progress stage by stage
with the time left (estimated from this computer's earlier exports), the file-in-use and
read-only-folder errors explained with the way out, and the checks warning first."""

from __future__ import annotations

import errno
import os
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from briefing.build.estimate import CHECK, WRITE
from briefing.gui.export_dialog import CHOICES, ExportDialog

SUMMARY = "Smaller councils adapted fastest, helped by trust & local knowledge."


def theme_id(library, label: str) -> str:
    return next(t for t, rec in library.themes().items() if rec.label == label)


@pytest.fixture
def ready(window, library):
    """A pack whose items all have summaries and implications (so the checks pass)."""
    window.library_pane.add_theme_to_pack_requested.emit(theme_id(library, "Councils and crises"))
    pack = window.model.pack
    pack.title = "Crises and councils"
    for n, item in enumerate(pack.items()):
        item.summary = f"{SUMMARY} (item {n + 1})"
        item.implications = ["Review the council's resilience plan."]
    return window


def open_dialog(window, folder: Path) -> ExportDialog:
    dialog = ExportDialog(
        window.model.pack, window.file.base_dir(), window.settings, folder, window
    )
    dialog.folder.setText(str(folder))
    return dialog


def pdf_text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(str(path)).pages)


def docx_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_export_both_formats_writes_the_pack(ready, tmp_path, qtbot, dialogs, settings):
    out = tmp_path / "out"
    dialog = open_dialog(ready, out)
    progress: list[int] = []
    dialog.progress.valueChanged.connect(progress.append)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=30000)
    names = sorted(p.name for p in dialog.written)
    assert names == ["Crises and councils.docx", "Crises and councils.pdf"]
    assert progress and max(progress) >= 2  # progress moved through the steps
    assert "Saved" in dialog.status.text() and dialog.open_button.isEnabled()
    text = " ".join(pdf_text(out / "Crises and councils.pdf").split())
    assert "Crises and councils" in text
    assert "trust & local knowledge" in text  # printed literally
    xml = docx_xml(out / "Crises and councils.docx")
    assert "trust &amp; local knowledge" in xml
    assert settings.export_folder() == out  # remembered for next time
    assert not dialogs.texts("warning")  # no check errors to warn about
    assert not list(out.glob(".~*"))  # no temporary files left


def test_export_to_a_read_only_folder_says_so(ready, tmp_path, qtbot, monkeypatch):
    out = tmp_path / "locked"
    out.mkdir()
    if os.geteuid() != 0:
        out.chmod(0o555)
    else:  # root ignores folder permissions: refuse the way a read-only share does
        import briefing.files.safe_write as atomic

        def refuse(*args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    dialog = open_dialog(ready, out)
    dialog.set_formats("pdf")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "read-only" in dialog.status.text(), timeout=30000)
    assert "Choose another folder" in dialog.status.text()
    assert dialog.export_button.isEnabled() and not dialog.written
    assert list(out.iterdir()) == []
    out.chmod(0o755)


def test_file_open_in_word_offers_another_name(ready, tmp_path, qtbot, monkeypatch, dialogs):
    out = tmp_path / "out"
    out.mkdir()
    existing = out / "Crises and councils.pdf"
    existing.write_bytes(b"the copy open in another program")
    import briefing.files.safe_write as atomic

    real_replace = os.replace

    def locked(src, dst):  # Windows refuses to replace a file another program holds open
        if Path(dst) == existing:
            raise PermissionError(errno.EACCES, "The file is in use")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", locked)
    dialogs.answer = QMessageBox.StandardButton.Save
    dialog = open_dialog(ready, out)
    dialog.set_formats("pdf")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=30000)
    offer = dialogs.texts("question")[-1]
    assert "open in another program" in offer and "Crises and councils (2).pdf" in offer
    assert [p.name for p in dialog.written] == ["Crises and councils (2).pdf"]
    assert "Crises and councils" in pdf_text(out / "Crises and councils (2).pdf")
    assert existing.read_bytes() == b"the copy open in another program"  # untouched


def test_check_errors_stop_the_export_and_are_listed(window, library, tmp_path, dialogs, qtbot):
    window.library_pane.add_to_pack_requested.emit([library.articles()[0].id])
    window.model.pack.sections[0].items[0].article = "missing-article"
    out = tmp_path / "out"
    dialog = open_dialog(window, out)
    dialog.export_button.click()
    listed = [dialog.checks.list.item(i).text() for i in range(dialog.checks.list.count())]
    assert any(
        text.startswith("Error: Section 1, item 1: ") and "missing-article" in text
        for text in listed
    ), listed
    assert dialog.status.text().startswith("Not exported: fix the ")
    assert not dialog.running
    assert not out.exists() or list(out.iterdir()) == []


def test_both_formats_with_the_pdf_in_use_are_written_under_the_other_name(
    ready, tmp_path, qtbot, monkeypatch, dialogs
):
    out = tmp_path / "out"
    out.mkdir()
    existing = out / "Crises and councils.pdf"
    existing.write_bytes(b"the copy open in another program")
    import briefing.files.safe_write as atomic

    real_replace = os.replace

    def locked(src, dst):
        if Path(dst) == existing:
            raise PermissionError(errno.EACCES, "The file is in use")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", locked)
    dialogs.answer = QMessageBox.StandardButton.Save
    dialog = open_dialog(ready, out)
    dialog.set_formats("both")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=30000)
    assert sorted(p.name for p in dialog.written) == [
        "Crises and councils (2).pdf",
        "Crises and councils.docx",
    ]
    assert "Crises and councils" in pdf_text(out / "Crises and councils (2).pdf")
    assert existing.read_bytes() == b"the copy open in another program"


def test_the_dialog_offers_every_format_and_writes_the_web_page(ready, tmp_path, qtbot):
    from bs4 import BeautifulSoup

    out = tmp_path / "out"
    dialog = open_dialog(ready, out)
    labels = [button.text() for button in dialog.formats.buttons()]
    assert labels == [
        "Word (.docx) and PDF",
        "Word, PDF and web page (.html)",
        "Word (.docx) only",
        "PDF only",
        "Web page (.html) only",
    ]
    assert dialog.formats.checkedButton().text() == "Word (.docx) and PDF"  # the default
    dialog.set_formats("html")
    assert dialog.chosen_formats() == ("html",)
    assert not dialog.two_up.isEnabled()  # two-up is made from a PDF
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=30000)
    assert [p.name for p in dialog.written] == ["Crises and councils.html"]
    soup = BeautifulSoup(
        (out / "Crises and councils.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert soup.h1.get_text() == "Crises and councils"
    assert "trust & local knowledge" in soup.main.get_text()  # printed literally


def _export(dialog, qtbot) -> tuple[list[str], float | None, float]:
    """Export, recording every status shown; returns them, the time left estimated when the
    first stage began and the seconds the export took."""
    shown: list[str] = []
    first: list[float] = []
    set_text, progress = dialog.status.setText, dialog._progress

    def recording(text: str) -> None:
        shown.append(text)
        set_text(text)

    def reported(done: int, total: int, message: str) -> None:
        progress(done, total, message)
        if not first and dialog.estimate is not None:
            first.append(dialog.estimate.remaining(time.monotonic()))

    dialog.status.setText = recording
    dialog._progress = reported
    t0 = time.monotonic()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=60000)
    return shown, (first or [None])[0], time.monotonic() - t0


def test_export_names_each_stage_with_the_time_left(ready, tmp_path, qtbot, settings):
    settings.set_export_rates({})
    shown, _first, _took = _export(open_dialog(ready, tmp_path / "out"), qtbot)
    stages = [text for text in shown if "(step " in text]
    assert stages[0].startswith("Checking and composing the briefing… (step 1 of 4): ")
    laid_out = sorted(text.split("… (step ")[0:2] for text in stages if "Laying out" in text)
    assert [name for name, _step in laid_out] == [
        "Laying out Crises and councils.docx",
        "Laying out Crises and councils.pdf",
    ]
    assert sorted(step[:6] for _name, step in laid_out) == ["2 of 4", "3 of 4"]
    assert any(text.startswith("Writing Crises and councils.") for text in stages)
    assert all(text.endswith(" left") for text in stages)
    assert shown[-1].startswith("Saved ")  # the outcome, with no time left hanging about
    rates = settings.export_rates()  # what this computer measured, kept for next time
    assert {CHECK, "pdf/typst", "docx", WRITE} <= set(rates)
    assert all(rate > 0 for rate in rates.values())


def test_the_next_export_is_told_roughly_how_long_it_takes(ready, tmp_path, qtbot, settings):
    # A pack long enough for its items, not the fixed costs, to set the time (about 50 pages).
    from briefing.model import Item

    section = ready.model.pack.sections[0]
    first = section.items[0]
    section.items += [
        Item(article=first.article, summary=f"{SUMMARY} " * 6, implications=[SUMMARY])
        for _ in range(150)
    ]
    settings.set_export_rates({})

    def export_pdf(folder: str) -> tuple[float | None, float]:
        dialog = open_dialog(ready, tmp_path / folder)
        dialog.formats.button(next(n for n, c in enumerate(CHOICES) if c[0] == "pdf")).click()
        _shown, estimated, took = _export(dialog, qtbot)
        return estimated, took

    for folder in ("first", "second"):  # this computer's rates, measured by its exports
        export_pdf(folder)
    estimated, took = export_pdf("third")
    # Learned from the exports before: the right size (within three times, give or take half
    # a second for a busy computer), where the rates measured elsewhere say about 1.8 s.
    assert estimated is not None, "no estimate shown"
    assert took / 3 - 0.5 <= estimated <= took * 3 + 0.5, (estimated, took)
