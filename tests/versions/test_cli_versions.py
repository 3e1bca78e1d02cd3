"""`briefing issue`, `briefing history` and `briefing compare` as an officer runs them."""

from __future__ import annotations

import json

from briefing_cli import run
from revisions_pack import VERSION_2, write_pack


def test_issue_revise_compare_and_rebuild(tmp_path):
    write_pack(tmp_path)
    first = run(
        "issue",
        "update.yaml",
        "--note",
        "December committee",
        "--officer",
        "Sam Officer",
        "--format",
        "docx",
        "-o",
        "out",
        cwd=tmp_path,
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == ["out/Housing and care update.docx"]
    assert (
        "Version 1, issued" in first.stderr and "by Sam Officer: December committee" in first.stderr
    )

    again = run("issue", "update.yaml", "--format", "docx", "-o", "out", cwd=tmp_path)
    assert again.returncode == 0
    assert "nothing has changed since version 1" in again.stdout

    (tmp_path / "update.yaml").write_text(VERSION_2, encoding="utf-8")
    text = run("compare", "update.yaml", cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("Changes to update.yaml from version 1 (")
    assert "to the pack as it is now" in text.stdout.splitlines()[0]
    assert "Summary: “£35m” → “£38m”" in text.stdout

    public = json.loads(
        run("compare", "update.yaml", "--json", "--audience", "public", cwd=tmp_path).stdout
    )
    assert public["from"] == 1 and public["to"] == "current"
    assert public["counts"]["withdrawn"] == 1
    assert "care market" not in json.dumps(public).lower()

    listing = run("history", "update.yaml", cwd=tmp_path)
    assert listing.stdout.splitlines()[0].startswith("Version 1, issued ")
    assert 'builds say "Draft after version 1"' in listing.stdout

    second = run(
        "issue",
        "update.yaml",
        "--note",
        "Figures corrected",
        "--format",
        "docx",
        "-o",
        "out",
        cwd=tmp_path,
    )
    assert second.returncode == 0, second.stderr
    versions = json.loads(run("history", "update.yaml", "--json", cwd=tmp_path).stdout)
    assert [(v["version"], v["note"]) for v in versions] == [
        (1, "December committee"),
        (2, "Figures corrected"),
    ]
    between = json.loads(
        run("compare", "update.yaml", "--from", "1", "--to", "2", "--json", cwd=tmp_path).stdout
    )
    assert (between["from"], between["to"]) == (1, 2)
    assert between["counts"]["added"] == 2

    rebuilt = run("history", "update.yaml", "--rebuild", "1", "-o", "v1", cwd=tmp_path)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert rebuilt.stdout.strip() == "v1/Housing and care update.docx: identical to the file issued"


def test_mistakes_get_a_plain_answer(tmp_path):
    write_pack(tmp_path)
    none_yet = run("compare", "update.yaml", cwd=tmp_path)
    assert none_yet.returncode == 1
    assert "no versions issued yet" in none_yet.stderr and "Traceback" not in none_yet.stderr
    assert "no versions issued yet" in run("history", "update.yaml", cwd=tmp_path).stdout
    run("issue", "update.yaml", "--format", "docx", "-o", "out", cwd=tmp_path)
    missing = run("compare", "update.yaml", "--from", "4", cwd=tmp_path)
    assert missing.returncode == 1
    assert "update.yaml has no version 4: the versions issued are 1." in missing.stderr
    bad = run("compare", "update.yaml", "--to", "latest", cwd=tmp_path)
    assert bad.returncode == 1 and "give a version number or 'current'" in bad.stderr
    (tmp_path / "update.yaml").write_text(
        VERSION_2.replace("        summary: Council tax collection fell by one point.\n", ""),
        encoding="utf-8",
    )
    refused = run("issue", "update.yaml", "--format", "docx", "-o", "out", cwd=tmp_path)
    assert refused.returncode == 1
    assert "not issued" in refused.stderr and "no summary" in refused.stderr
    assert [
        p.name for p in (tmp_path / "update.history").iterdir() if p.name.startswith("version")
    ] == ["version-1"]
