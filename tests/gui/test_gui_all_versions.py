"""A pack made in the app, with no audiences of its own, exports all its versions at once as
soon as something in it is exempt or limited to some audiences: the members', the public and the
summary version, each with its own files, and the public one without the exempt article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import docx

from briefing.compose.record import record_name
from briefing.gui.exempt_ops import set_exemption
from briefing.gui.export_dialog import ALL_VERSIONS, ExportDialog
from briefing.model import Exemption

if TYPE_CHECKING:
    from pathlib import Path


def _dialog(window: Any, tmp_path: Path, qtbot: Any) -> ExportDialog:
    dialog = ExportDialog(
        window.model.pack, tmp_path, window.settings, tmp_path, window, pack_name="app-made.yaml"
    )
    qtbot.addWidget(dialog)
    return dialog


def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_all_versions_for_an_app_made_pack_with_an_exempt_item(window, library, qtbot, tmp_path):
    window.add_library_articles([a.id for a in library.articles()][:3])
    pack = window.model.pack
    assert not pack.audiences
    assert _dialog(window, tmp_path, qtbot).audience.findData(ALL_VERSIONS) < 0  # one version
    for item in pack.items():
        item.summary = "What this means for the council."
    secret = pack.sections[0].items[1]
    set_exemption(window.model, secret, Exemption(3, "Prices under negotiation"))
    dialog = _dialog(window, tmp_path, qtbot)
    offered = [dialog.audience.itemData(n) for n in range(dialog.audience.count())]
    assert offered == ["members", "public", "summary", ALL_VERSIONS]
    dialog.audience.setCurrentIndex(dialog.audience.findData(ALL_VERSIONS))
    dialog.set_formats("docx")
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=120_000)
    names = sorted(p.name for p in dialog.written if p.suffix == ".docx")
    stem = pack.title
    assert names == sorted([f"{stem}.docx", f"{stem} (public).docx", f"{stem} (summary).docx"])
    # with the record of what the public version withheld, in a folder of its own
    assert (tmp_path / "out" / record_name(f"{stem} (public)")).is_file()
    title = pack.articles[secret.article].title
    assert title in _text(tmp_path / "out" / f"{stem}.docx")
    assert title not in _text(tmp_path / "out" / f"{stem} (public).docx")
    assert dialog.status.text().startswith("Saved")
