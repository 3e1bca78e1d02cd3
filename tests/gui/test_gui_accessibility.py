"""The app's checks panel shows the accessibility report: the same findings as `briefing check`
for a pack made to have every problem; the export dialog lists the errors and exports nothing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "checks"))
from a11y_fixture import write_faulty_pack


@pytest.fixture
def bare_window(qtbot: Any, settings: Any, dialogs: Any, tmp_path: Path) -> Any:
    """A main window over an empty library of its own (no sample corpus needed)."""
    from briefing.gui.main_window import MainWindow

    win = MainWindow(
        settings=settings, library_root=tmp_path / "library", recovery_dir=tmp_path / "recovery"
    )
    qtbot.addWidget(win)
    win.show()
    yield win
    win.file.forced_modified = False
    win.undo_stack.setClean()
    from briefing.gui.workers import wait_for_all

    wait_for_all(20_000)


def test_the_checks_panel_lists_what_briefing_check_reports(
    bare_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    from briefing.build import BUILD_FAILED
    from briefing.build import check_file as report_for_file
    from briefing.export.registry import FORMATS
    from briefing.gui.checks_panel import describe

    path = write_faulty_pack(tmp_path / "pack")
    report = report_for_file(path, tuple(FORMATS))
    # The tagged PDF cannot be made until the errors are fixed: the preview says so in its
    # message rather than as a line of the list.
    (not_built,) = [f for f in report.findings if f.rule == BUILD_FAILED]
    assert "PDF" in not_built.message
    expected = [f for f in report.findings if f.rule != BUILD_FAILED]
    window = bare_window
    window.preview.enabled = False
    assert window.open_path(path, ask=False)
    with qtbot.waitSignal(window.preview.rendered, timeout=30000):
        window.preview.refresh_now()
    panel = window.checks
    shown = [panel.list.item(i).text() for i in range(panel.list.count())]
    # The same findings (the app has no line numbers to order pack-wide ones by).
    assert sorted(shown) == sorted(describe(f) for f in expected)
    assert [f.severity for f in panel.findings] == [f.severity for f in expected]
    for rule in (
        "document-title",
        "alt-text",
        "link-text",
        "capitals",
        "long-sentence",
        "italic-paragraph",
        "summary-length",
        "theme-contrast",
        "template-contrast",
        "template-text-size",
        "unprintable-characters",
        "docx-language",
        "docx-heading-levels",
    ):
        assert any(f.rule == rule for f in panel.findings), rule
    assert not any(f.rule == "pdf-untagged" for f in panel.findings)  # the preview is tagged
    errors = sum(1 for f in expected if f.severity == "error")
    assert panel.summary.text().startswith(f"{errors} errors, ")
    assert "Advice: Section 1, item 1: In the summary of" in "\n".join(shown)


def test_export_refuses_a_pack_with_errors_and_lists_them(
    bare_window: Any, dialogs: Any, tmp_path: Path
) -> None:
    from briefing.gui.export_dialog import ExportDialog

    path = write_faulty_pack(tmp_path / "pack")
    assert bare_window.open_path(path, ask=False)
    out = tmp_path / "out"
    dialog = ExportDialog(
        bare_window.model.pack, path.parent, bare_window.settings, out, bare_window
    )
    dialog.show()
    dialog.start()
    assert not dialog.running and not out.exists() or not list(out.iterdir())
    listed = "\n".join(dialog.checks.list.item(i).text() for i in range(dialog.checks.list.count()))
    assert dialog.checks.isVisible()
    assert "Error: The pack has no title." in listed and "has no alt text" in listed
    assert "no font on this computer can show" in listed
    assert "Advice:" not in listed  # advice stays in the Checks panel
    assert dialog.status.text().startswith("Not exported: fix the ")
    assert dialogs.texts("warning") == []  # no "export anyway?": the build would refuse
