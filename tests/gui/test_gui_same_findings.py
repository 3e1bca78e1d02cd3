"""One table of checks, one voice: `briefing validate`, `briefing build`, `briefing check`, the
app's checks panel and the export dialog report the same findings for the same pack (same rule,
same place, same words), and the build writes nothing while there are errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from briefing_cli import run as _run

from briefing.build import BuildRequest, prepare
from briefing.packfile import load_pack_at

if TYPE_CHECKING:
    from briefing.checks import Finding

LOGO = Path(__file__).resolve().parents[2] / "packs" / "images" / "example-council-logo.png"

# Made to have one of each: a logo without alt text, an item without a summary and a character
# no font has (errors); a word budget exceeded and a run of capitals (warnings); a sentence of
# more than 25 words (advice).
PACK = """\
briefing_pack: 1
title: Riverside spring briefing
organisation: Riverside District Council
budget:
  words: 60
layout:
  logo: crest.png
sections:
  - title: Waste and recycling
    items:
      - article: bins
        summary: ""
        implications:
          - Members may want to ask how the new rounds were chosen.
      - article: depot
        summary: |
          The depot lease ends in March, and the council must decide before then whether to buy the site, rent a smaller yard on the trading estate or share the county's yard at Millbrook.
        implications:
          - THE LEASE ENDS IN MARCH whatever is decided.
          - The old ledger marks the site with 𐀂 on its first page.
articles:
  bins:
    title: Fortnightly collections start in June
  depot:
    title: What next for the Riverside depot
"""


def _key(finding: Finding) -> tuple[Any, ...]:
    where = finding.location
    return (finding.rule, finding.severity, where.section, where.item, where.field, finding.message)


@pytest.fixture
def faulty(tmp_path: Path) -> Path:
    (tmp_path / "crest.png").write_bytes(LOGO.read_bytes())
    path = tmp_path / "spring.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


@pytest.fixture
def expected(faulty: Path, monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    """The checks table's findings, with the lines and columns the CLI prints (run, as the
    commands are, beside the pack: the file is read again to place a character exactly)."""
    monkeypatch.chdir(faulty.parent)
    pack, positions = load_pack_at(faulty)
    found = prepare(
        BuildRequest(pack, faulty.parent, pack_path=Path(faulty.name), positions=positions)
    ).findings()
    rules = {f.rule for f in found}
    # The pack really has what it was made to have (else the comparison proves little).
    assert {
        "alt-text",
        "missing-summary",
        "unprintable-characters",
        "word-budget",
        "capitals",
        "long-sentence",
    } <= rules, rules
    return found


def _lines(findings: list[Finding], *severities: str) -> list[str]:
    return [str(f) for f in findings if f.severity in severities]


def test_validate_build_and_check_print_the_same_findings(
    faulty: Path, expected: list[Finding]
) -> None:
    folder = faulty.parent
    shown = _lines(expected, "error", "warning")
    errors, warnings = (sum(f.severity == s for f in expected) for s in ("error", "warning"))

    validate = _run("validate", faulty.name, cwd=folder)
    assert validate.returncode == 1 and validate.stdout == ""
    assert validate.stderr.splitlines()[:-1] == shown
    assert validate.stderr.splitlines()[-1].startswith(
        f"{faulty.name}: not ready to build: {errors} errors and {warnings} warnings"
    )

    build = _run("build", faulty.name, "-o", "out", cwd=folder)
    assert build.returncode == 1 and build.stdout == ""
    said = build.stderr.splitlines()
    assert said[0] == "[1/4] Checking and composing the briefing"  # then nothing is laid out
    assert said[1:-1] == shown
    assert said[-1].startswith(f"{faulty.name}: not built: {errors} errors")
    assert not (folder / "out").exists() or list((folder / "out").iterdir()) == []

    check = _run("check", faulty.name, "--json", cwd=folder)
    assert check.returncode == 1
    reported = json.loads(check.stdout)
    # Every finding of the pack's rules, with its rule and place; check adds what only the
    # built files can show (here: that the PDF cannot be built until the errors are fixed).
    pack_part = [
        (r["rule"], r["severity"], r["line"], r["column"], r["message"])
        for r in reported
        if r["rule"] != "build-failed"
    ]
    assert pack_part == [
        (f.rule, f.severity, f.location.line, f.location.column, f.message) for f in expected
    ]


def test_the_checks_panel_and_export_dialog_show_the_same_findings(
    faulty: Path, expected: list[Finding], qtbot: Any, settings: Any, dialogs: Any, tmp_path: Path
) -> None:
    from briefing.gui.export_dialog import ExportDialog
    from briefing.gui.main_window import MainWindow
    from briefing.gui.workers import wait_for_all

    window = MainWindow(
        settings=settings, library_root=tmp_path / "library", recovery_dir=tmp_path / "recovery"
    )
    qtbot.addWidget(window)
    window.show()
    window.preview.enabled = False
    assert window.open_path(faulty, ask=False)  # a pack with errors still opens
    with qtbot.waitSignal(window.preview.rendered, timeout=30000):
        window.preview.refresh_now()
    # The panel: every finding, advice too (the app has sections and items, not lines).
    assert sorted(map(_key, window.checks.findings)) == sorted(map(_key, expected))

    out = tmp_path / "out"
    dialog = ExportDialog(window.model.pack, faulty.parent, window.settings, out, window)
    qtbot.addWidget(dialog)
    dialog.start()
    # The export dialog: the errors and warnings, as the panel words them; nothing written.
    assert sorted(map(_key, dialog.checks.findings)) == sorted(
        _key(f) for f in expected if f.severity != "advice"
    )
    panel_text = {window.checks.list.item(i).text() for i in range(window.checks.list.count())}
    dialog_text = [dialog.checks.list.item(i).text() for i in range(dialog.checks.list.count())]
    assert set(dialog_text) <= panel_text and len(dialog_text) == len(dialog.checks.findings)
    assert not out.exists() or list(out.iterdir()) == []
    window.file.forced_modified = False
    window.undo_stack.setClean()
    wait_for_all(20_000)


LAYOUT_PACK = """\
briefing_pack: 1
title: Riverside housing note
layout:
  logo: images/crest.png
  logo_alt: Riverside District Council crest
  template: house.docx
sections:
  - title: Housing
    items:
      - article: rents
        summary: Rents rose again this spring.
        implications:
          - Members may want to ask about the waiting list.
articles:
  rents:
    title: Social rents in the spring
"""


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_a_pack_whose_logo_or_template_cannot_be_used_opens_and_is_refused_by_build(
    kind: str,
    qtbot: Any,
    settings: Any,
    dialogs: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The loader refuses only unreadable packs: a missing logo, or a folder named like the
    template, is a finding the user can fix in the app, and a build refuses it."""
    from briefing.cli import main
    from briefing.gui.main_window import MainWindow
    from briefing.gui.workers import wait_for_all

    folder = tmp_path / "pack"
    folder.mkdir()
    if kind == "folder":
        (folder / "images" / "crest.png").mkdir(parents=True)
        (folder / "house.docx").mkdir()
    path = folder / "note.yaml"
    path.write_text(LAYOUT_PACK, encoding="utf-8")
    monkeypatch.chdir(folder)
    pack, positions = load_pack_at(Path("note.yaml"))
    expected = [
        f
        for f in prepare(
            BuildRequest(pack, folder, pack_path=Path("note.yaml"), positions=positions)
        ).findings()
        if f.rule == "layout-file"
    ]
    assert [(f.severity, f.location.line) for f in expected] == [("error", 4), ("error", 6)]
    assert ("cannot be found" if kind == "missing" else "is not a file") in expected[0].message

    window = MainWindow(
        settings=settings, library_root=tmp_path / "library", recovery_dir=tmp_path / "recovery"
    )
    qtbot.addWidget(window)
    window.show()
    window.preview.enabled = False
    assert window.open_path(path, ask=False)
    with qtbot.waitSignal(window.preview.rendered, timeout=30000):
        window.preview.refresh_now()
    shown = [f for f in window.checks.findings if f.rule == "layout-file"]
    assert [_key(f) for f in shown] == [_key(f) for f in expected]
    assert window.checks.summary.text().startswith("2 errors")

    capsys.readouterr()
    assert main(["build", "note.yaml", "-o", "out", "-q"]) == 1
    assert capsys.readouterr().err.splitlines()[:-1] == [str(f) for f in expected]
    assert not (folder / "out").exists() or list((folder / "out").iterdir()) == []
    window.file.forced_modified = False
    window.undo_stack.setClean()
    wait_for_all(20_000)
