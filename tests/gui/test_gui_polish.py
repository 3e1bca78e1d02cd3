"""Polish that users notice: the article text found in the library under another id, Save As
into another folder keeping the logo and template, one recovery copy per window, and a first
run laid out so every pane is usable."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from PySide6.QtWidgets import QMessageBox

from briefing.gui.main_window import MainWindow
from briefing.model import Article

PACKS = Path(__file__).resolve().parents[2] / "packs"


def copy_example(folder: Path) -> Path:
    """The example member briefing with its logo, in a folder of its own."""
    folder.mkdir(parents=True)
    shutil.copy(PACKS / "member-briefing.yaml", folder / "member-briefing.yaml")
    shutil.copytree(PACKS / "images", folder / "images")
    shutil.copytree(PACKS / "templates", folder / "templates")
    return folder / "member-briefing.yaml"


def select_item(window, article_id: str) -> None:
    for s, section in enumerate(window.model.pack.sections):
        for i, item in enumerate(section.items):
            if item.article == article_id:
                window.jump_to(s, i)
                return
    raise AssertionError(article_id)


# -- the article text, found in the library by DOI, web address or title ---------------------
def test_article_text_found_by_doi_and_title_when_ids_differ(window, library, tmp_path, corpus_dir):
    from briefing.library.importers import import_path

    # The example pack's articles come from the shared corpus, under ids of their own.
    for name in ("inlogov-blog-collection.txt", "mj-ai-round-table.txt"):
        library.add_drafts(import_path(corpus_dir / name))
    pack_file = copy_example(tmp_path / "a")
    assert window.open_path(pack_file, ask=False)
    czech = next(a for a in library.articles() if a.title.startswith("Local Government in"))
    assert "czech-crises" not in {a.id for a in library.articles()}

    select_item(window, "czech-crises")  # matched by DOI
    shown = window.item_editor.article_text.toPlainText()
    assert shown == czech.body and len(shown) > 500
    assert window.item_editor.draft_button.isEnabled()

    select_item(window, "cyclopean-government")  # no DOI or URL: title and authors
    assert window.item_editor.article_text.toPlainText().strip()
    assert "not in the pack" not in window.item_editor.article_text.toPlainText()

    select_item(window, "mj-ai-round-table")  # a title of the officers' own: no match
    assert "not in the pack" in window.item_editor.article_text.toPlainText()
    assert not window.item_editor.draft_button.isEnabled()


def test_article_lookup_prefers_doi_then_url_and_refuses_an_ambiguous_title(library):
    from briefing.library.lookup import find_library_article

    records = library.articles()
    target = records[0]
    by_url = Article(title="Something else entirely", url=target.url) if target.url else None
    if by_url is not None:
        assert find_library_article(library, "x", by_url).id == target.id
    by_title = Article(title=f"  {target.title.upper()} ", authors=list(target.authors))
    assert find_library_article(library, "short", by_title).id == target.id
    assert find_library_article(library, "short", Article(title="No such article")) is None
    assert find_library_article(library, target.id, None).id == target.id


# -- Save As keeps the logo and template -------------------------------------------------------
def test_save_as_elsewhere_rewrites_logo_and_template_paths(window, dialogs, tmp_path):
    from briefing.build import BuildRequest, build
    from briefing.packfile import load_pack

    pack_file = copy_example(tmp_path / "a")
    assert window.open_path(pack_file, ask=False)
    window.model.pack.layout.template = "templates/house-style.docx"
    target = tmp_path / "b" / "deeper" / "moved.yaml"
    target.parent.mkdir(parents=True)
    dialogs.save_name = str(target)
    assert window.file.save_as()

    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["layout"]["logo"] == "../../a/images/example-council-logo.png"
    assert data["layout"]["template"] == "../../a/templates/house-style.docx"
    # The moved pack builds from its new place, logo and template included.
    (tmp_path / "out").mkdir()
    written = build(
        BuildRequest(load_pack(target), target.parent, ("pdf", "docx"), outdir=tmp_path / "out")
    )
    assert sorted(p.suffix for p in written) == [".docx", ".pdf"]
    assert not window.isWindowModified()
    # The rewrite is one undo step.
    assert window.undo_stack.undoText() == "Update logo and template paths for the new folder"
    window.undo_stack.undo()
    assert window.model.pack.layout.logo == "images/example-council-logo.png"


def test_save_in_the_same_folder_leaves_paths_alone(window, dialogs, tmp_path):
    pack_file = copy_example(tmp_path / "a")
    assert window.open_path(pack_file, ask=False)
    dialogs.save_name = str(tmp_path / "a" / "copy.yaml")
    assert window.file.save_as()
    data = yaml.safe_load((tmp_path / "a" / "copy.yaml").read_text(encoding="utf-8"))
    assert data["layout"]["logo"] == "images/example-council-logo.png"
    assert window.undo_stack.count() == 0


# -- recovery: one copy per window, every leftover offered -------------------------------------
def fresh_window(settings, library, recovery: Path, qtbot) -> MainWindow:
    win = MainWindow(settings=settings, library=library, recovery_dir=recovery)
    win.preview.enabled = False
    qtbot.addWidget(win)
    return win


def test_two_windows_keep_separate_recovery_copies(
    window, library, settings, dialogs, tmp_path, qtbot
):
    recovery = tmp_path / "recovery"
    first = copy_example(tmp_path / "a")
    assert window.open_path(first, ask=False)
    window.model.pack.title = "First pack"
    window.file.forced_modified = True
    other = fresh_window(settings, library, recovery, qtbot)
    assert other.open_path(copy_example(tmp_path / "b"), ask=False)
    other.model.pack.title = "Second pack"
    other.file.forced_modified = True
    assert window.file.autosave() and other.file.autosave()
    assert window.file.recovery.pack_file != other.file.recovery.pack_file
    assert len(list(recovery.glob("*.yaml"))) == 2

    # While both windows are open, a third one has nothing to offer.
    third = fresh_window(settings, library, recovery, qtbot)
    assert not third.file.offer_recovery()
    assert dialogs.texts("question") == []

    # Both "crash": the next start offers both, newest first; the second opens in a new window.
    window.file.recovery.release()
    other.file.recovery.release()
    dialogs.answer = QMessageBox.StandardButton.Yes
    start = fresh_window(settings, library, recovery, qtbot)
    assert start.file.offer_recovery()
    asked = dialogs.texts("question")
    assert len(asked) == 2
    assert {"First pack", "Second pack"} == {
        t for t in ("First pack", "Second pack") if any(t in q for q in asked)
    }
    extra = MainWindow.extra_windows[-1]
    qtbot.addWidget(extra)
    titles = {start.model.pack.title, extra.model.pack.title}
    assert titles == {"First pack", "Second pack"}
    assert {start.file.path, extra.file.path} == {
        first.resolve(),
        (tmp_path / "b" / first.name).resolve(),
    }
    # Packs with a logo recover too, the logo again relative to the pack's own folder.
    assert start.model.pack.layout.logo == "images/example-council-logo.png"
    # The old copies are gone; each restored window keeps its own.
    left = sorted(recovery.glob("*.yaml"))
    assert left == sorted([start.file.recovery.pack_file, extra.file.recovery.pack_file])
    for win in (window, other, start, extra):
        win.file.forced_modified = False
        win.undo_stack.setClean()


# -- first run ----------------------------------------------------------------------------------
def test_first_run_widths_share_a_laptop_screen():
    from briefing.gui.window_layout import TREE_MIN, default_widths

    for total in (1366, 1920):
        library, tree, editor, preview = default_widths(total)
        assert tree >= TREE_MIN
        assert editor > preview and editor > library
        assert 0.24 <= preview / total <= 0.32
        assert library + tree + editor + preview == total


def test_article_text_panel_can_be_hidden_and_is_remembered(
    window, settings, library, tmp_path, qtbot
):
    window.item_editor.reference_button.click()
    hidden = not window.item_editor.reference_visible()
    assert window.item_editor.reference.isHidden() == hidden
    window.save_layout()
    again = fresh_window(settings, library, tmp_path / "r9", qtbot)
    again.show()
    assert again.item_editor.reference_visible() == (not hidden)
