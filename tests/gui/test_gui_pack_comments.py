"""Saving from the app keeps an officer's comments in the pack file, also on Save As."""

from __future__ import annotations

from briefing.packfile import load_pack

COMMENTED = """\
# yaml-language-server: $schema=pack-format-1.schema.json
briefing_pack: 1
title: Housing  # working title
sections:
  - title: Housing
    items:
      # check this figure with finance
      - article: rents
        summary: Rents rose.
articles:
  rents:
    title: Rents and wages
"""


def test_comments_survive_editing_a_summary_and_saving(window, dialogs, tmp_path):
    path = tmp_path / "pack.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    assert window.open_path(path, ask=False)
    window.tree.select(window.model.index(0, 0, window.model.index(0, 0)))
    window.item_editor.summary.setPlainText("Rents rose faster than wages.")
    assert window.isWindowModified()
    assert window.file.save()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=pack-format-1.schema.json\n")
    assert "title: Housing  # working title\n" in text
    assert "      # check this figure with finance\n      - article: rents\n" in text
    assert "summary: Rents rose faster than wages." in text
    assert load_pack(path).sections[0].items[0].summary.strip() == ("Rents rose faster than wages.")

    copy = tmp_path / "copy.yaml"  # Save As carries the comments to the new file
    dialogs.save_name = str(copy)
    assert window.file.save_as()
    assert "# check this figure with finance" in copy.read_text(encoding="utf-8")
