"""Starting the app: `briefing gui PACK` opens the pack in the main window, titled after it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

PACK = """briefing_pack: 1
title: Budget pressures
sections:
  - title: Money
    items:
      - article: funding
        summary: Councils face a gap.
articles:
  funding:
    title: Where the money goes
"""


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    monkeypatch.setenv("BRIEFING_LIBRARY", str(tmp_path / "library"))
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    yield tmp_path
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    QStandardPaths.setTestModeEnabled(False)


def test_briefing_gui_opens_the_pack_named(isolated, qtbot, monkeypatch):
    from briefing.cli import main
    from briefing.gui import app as app_module

    pack = isolated / "budget.yaml"
    pack.write_text(PACK, encoding="utf-8")
    seen = {}

    def fake_exec():  # let the start-up timer run, look at the window, then "quit"
        qtbot.waitUntil(
            lambda: any(
                w.windowTitle().startswith("Budget pressures")
                for w in QApplication.topLevelWidgets()
            ),
            timeout=10000,
        )
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if w.windowTitle().startswith("Budget pressures")
        )
        seen["title"] = window.windowTitle()
        seen["modified"] = window.isWindowModified()
        seen["items"] = [i.summary for i in window.model.pack.items()]
        seen["shows"] = type(window.editors.currentWidget()).__name__
        # The pack opens at its first section: the settings form waits until it is asked for.
        seen["settings built"] = window.settings_page.built() is not None
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert main(["gui", str(pack)]) == 0
    assert seen["title"] == "Budget pressures (budget.yaml)[*] \u2014 Briefing"
    assert not seen["modified"]
    assert seen["items"] == ["Councils face a gap."]
    assert seen["shows"] == "SectionEditor"
    assert not seen["settings built"]
    assert QApplication.organizationName() == "Briefing"
    assert app_module.MainWindow is not None


def test_the_command_line_never_imports_qt(tmp_path):
    code = (
        "import sys; from briefing.cli import main; "
        "main(['validate', sys.argv[1]]); print('PySide6' in sys.modules)"
    )
    pack = tmp_path / "p.yaml"
    pack.write_text(PACK, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", code, str(pack)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": ""},
        check=True,
    )
    assert out.stdout.strip().splitlines()[-1] == "False"
    assert "OK" in out.stdout and Path(pack).is_file()


def test_modules_loaded_after_pyside_are_not_read_for_its_feature_switches():
    # PySide's import hook read the source of every module imported after it; the app takes it
    # out (it uses none of PySide's `__feature__` switches). Star imports still make every class.
    code = (
        "import builtins, sys\n"
        "import briefing.gui\n"
        "import difflib\n"
        "seen = sys.modules['shibokensupport.feature'].pyside_feature_dict\n"
        "print(builtins.__import__ is builtins.__orig_import__, 'difflib' in seen)\n"
        "from PySide6.QtGui import *\n"
        "print(isinstance(QPainterPath, type))\n"
    )
    assert printed(code) == ["True", "False", "True"]


def printed(code: str) -> list[str]:
    """What `code` prints, run in a fresh process (Qt offscreen), word by word."""
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return out.stdout.split()


# Libraries the first window does without: the full schema checker (only a pack that fails the
# quick check needs its messages), the writers and PDF engines, the Markdown reader (word
# counts and previews come after a pause), the stemmer (search), and the spelling dictionary
# (it loads a moment after the window is up).
LOADED_LATER = (
    "jsonschema",
    "fastjsonschema",
    "markdown_it",
    "snowballstemmer",
    "hunspell",
    "typst",
    "pypdfium2",
    "docx",
    "reportlab",
    "lxml",
    "segtok",
)


def first_window(tmp_path: Path, then: str, *args: str) -> str:
    """What `then` prints in a fresh process, once the first window is up with a pack open
    (opened after `show()`, as the benchmark does) and the events waiting have run."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from briefing.gui.app import make_application\n"
        "app = make_application()\n"
        "from briefing.gui.main_window import MainWindow\n"
        "from briefing.gui.settings import Settings\n"
        "from briefing.library import Library\n"
        "root = Path(sys.argv[1])\n"
        "w = MainWindow(Settings(QSettings(str(root / 's.ini'), QSettings.Format.IniFormat)),\n"
        "               library=Library(root / 'lib', cache_dir=root / 'cache'),\n"
        "               recovery_dir=root / 'rec')\n"
        "w.show()\n"
        "assert w.file.open_path(root / 'p.yaml', ask=False)\n"
        "app.processEvents()\n" + then
    )
    (tmp_path / "p.yaml").write_text(PACK, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path), *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return out.stdout.strip().splitlines()[-1]


def test_start_up_loads_only_what_the_first_window_needs(tmp_path):
    then = "print(sorted({m.split('.')[0] for m in sys.modules} & set(sys.argv[2:])))\n"
    assert first_window(tmp_path, then, *LOADED_LATER) == "[]"


# Qt classes PySide would make for the first window only to leave unused: each kind of event
# (made all at once when Python first handles an event of no particular kind), the file and
# button-box dialogs' classes and the text cursor. And what is built only when shown: the
# first steps for an empty pack, which a window opened on a pack never shows.
MADE_LATER = (
    "QChildEvent",
    "QGraphicsSceneEvent",
    "QFileDialog",
    "QDialogButtonBox",
    "QTextCursor",
)


def test_the_first_window_with_a_pack_makes_only_what_it_shows(tmp_path):
    then = (
        "from PySide6 import QtCore, QtGui, QtWidgets\n"
        "made = {n for m in (QtCore, QtGui, QtWidgets) for n in vars(m)}\n"
        "print(sorted(made & set(sys.argv[2:])), w.empty_page.built() is None,\n"
        "      'difflib' in sys.modules)\n"
    )
    assert first_window(tmp_path, then, *MADE_LATER) == "[] True False"


def test_an_empty_pack_shows_its_first_steps_from_the_first_paint(window):
    assert not window.model.pack.sections
    QApplication.processEvents()  # what Qt runs before its first paint
    guidance = window.empty_page.built()
    assert guidance is not None and window.tree_stack.currentWidget() is guidance
    assert "Import articles to start" in window.empty_label.text()
    assert window.empty_label.isVisible()


def test_full_collections_leave_out_what_the_app_started_with(tmp_path):
    """A full garbage collection (run when the officer pauses) walks only what came after the
    first window: what the app started with is frozen, so the pass is short, not a stall."""
    then = "import gc\nprint(gc.get_freeze_count() > 2 * len(gc.get_objects()))\n"
    assert first_window(tmp_path, then) == "True"


def test_python_collects_nothing_until_the_first_window_is_up(tmp_path):
    """What the app makes as it starts lives as long as the app: Python's collector, held back
    from the moment the app starts (not by importing one of its modules), is back on (with all
    of that frozen) once the first window has come up, and collects cyclic garbage after it."""
    code = (
        "import gc, briefing.gui.spell_check\nprint(gc.isenabled())\n"  # a module alone: on
        "import briefing.gui.app\nprint(gc.isenabled())\n"  # the app starting: held
    )
    assert printed(code)[-2:] == ["True", "False"]
    then = (
        "import gc\n"
        "class Ring:\n"
        "    def __init__(self): self.me = self\n"
        "for _ in range(5000): Ring()\n"
        "left = sum(type(o) is Ring for o in gc.get_objects())\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0, left < gc.get_threshold()[0])\n"
    )
    # (Only those made since the youngest generation was last collected are left.)
    assert first_window(tmp_path, then) == "True True True"


def test_an_items_lists_are_made_when_an_item_is_first_shown(tmp_path):
    """A window opened on a pack shows its first section: the item editor's lists (points,
    quotations, questions) are made when an item is first shown, in their place in the form
    and in the Tab order, with their entries."""
    then = (
        "made = [p.built() is not None for p in (w.item_editor._implications,\n"
        "        w.item_editor._quotes, w.item_editor._questions)]\n"
        "print(made, 'briefing.gui.list_editors' in sys.modules)\n"
    )
    assert first_window(tmp_path, then) == "[False, False, False] False"
    then = (
        "w.jump_to(0, 0)\n"
        "app.processEvents()\n"
        "e = w.item_editor\n"
        "chain, widget = [], e.summary\n"
        "while widget is not e.article_text:\n"
        "    if widget.isVisible() and widget.focusPolicy() != 0 and e.isAncestorOf(widget):\n"
        "        chain.append(widget.accessibleName() or widget.text())\n"
        "    widget = widget.nextInFocusChain()\n"
        "print(chain[:5], chain.index('Quotations') < chain.index('Questions members may wish to"
        " ask'), e.quotes.table.isVisible(), e.implications.values())\n"
    )
    expected = (
        "['Summary', 'Draft summary', 'Welsh (Cymraeg)', 'Implications for UK local government',"
        " 'Add point'] True True []"
    )
    assert first_window(tmp_path, then) == expected
