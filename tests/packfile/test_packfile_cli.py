"""`briefing validate` and `briefing build` report pack problems as FILE:LINE:COL lines."""

from __future__ import annotations

from pathlib import Path

from briefing_cli import run
from packfile_samples import MINIMAL

REPO = Path(__file__).resolve().parents[2]


BAD = MINIMAL.replace("article: a1", "article: a2") + "date: 31/11/2025\nsumary: x\n"


GOOD = MINIMAL.replace(
    "      - article: a1\n",
    (
        "      - article: a1\n        summary: Rents rose again.\n"
        "        implications:\n          - Councils should review their housing budgets.\n"
    ),
)


def test_validate_good_pack(tmp_path):
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    result = run("validate", "good.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "good.yaml: OK (1 section, 1 item)"
    assert result.stderr == ""


def test_validate_refuses_what_a_build_would_refuse(tmp_path):
    """A pack that loads but has an error in the checks table (an item without a summary)."""
    (tmp_path / "draft.yaml").write_text(MINIMAL, encoding="utf-8")
    result = run("validate", "draft.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "draft.yaml:6:9: error: “An article” has no summary: write one.",
        "draft.yaml:6:9: warning: “An article” has no implications for UK local government: "
        "add at least one.",
        "draft.yaml: not ready to build: 1 error and 1 warning; fix the error and try again",
    ]


def test_validate_bad_pack_prints_every_problem_without_traceback(tmp_path):
    (tmp_path / "bad.yaml").write_text(BAD, encoding="utf-8")
    result = run("validate", "bad.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        'bad.yaml:6:18: no article "a2" in articles: did you mean "a1"?',
        'bad.yaml:10:7: date "31/11/2025" is not a date: write it as YYYY-MM-DD, e.g. 2025-11-04',
        'bad.yaml:11:1: unknown key "sumary" at the top of the pack: "summary" belongs in an '
        "item (under items:); check the indentation",
    ]


def test_build_bad_pack_writes_nothing(tmp_path):
    (tmp_path / "bad.yaml").write_text(BAD, encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", "bad.yaml", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("bad.yaml:6:18: ")
    assert not out.exists() or not any(out.iterdir())


def test_syntax_error_and_malicious_tag_from_the_command_line(tmp_path):
    marker = tmp_path / "ran"
    (tmp_path / "evil.yaml").write_text(
        MINIMAL.replace(
            "title: Test pack", f'title: !!python/object/apply:os.system ["touch {marker}"]'
        ),
        encoding="utf-8",
    )
    (tmp_path / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    evil = run("validate", "evil.yaml", cwd=tmp_path)
    broken = run("validate", "broken.yaml", cwd=tmp_path)
    assert not marker.exists()
    assert evil.returncode == broken.returncode == 1
    assert evil.stderr.startswith("evil.yaml:2:8: the tag")
    assert broken.stderr.startswith("broken.yaml:2:1: YAML syntax error")
    assert "Traceback" not in evil.stderr + broken.stderr


def test_missing_and_non_utf8_files(tmp_path):
    (tmp_path / "latin.yaml").write_bytes("title: Caf\xe9\n".encode("latin-1"))
    missing = run("validate", "nowhere.yaml", cwd=tmp_path)
    latin = run("validate", "latin.yaml", cwd=tmp_path)
    assert missing.returncode == latin.returncode == 1
    assert missing.stderr.strip() == "nowhere.yaml: no such file: check the name and the folder"
    assert latin.stderr.startswith("latin.yaml:1:11: the file is not UTF-8 text (byte 0xE9")
