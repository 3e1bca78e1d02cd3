"""The library command line end to end, in a subprocess, on the project's sample articles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
BLOG = SAMPLES / "council-blog-collection.txt"
ROUND_TABLE = SAMPLES / "contact-centre-round-table.txt"


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    env = {
        **os.environ,
        "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
        "BRIEFING_LIBRARY": str(tmp_path / "lib"),
    }
    env.pop("QT_QPA_PLATFORM", None)

    def call(*args: str | Path, ok: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "briefing", *map(str, args)],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "Traceback" not in result.stderr, result.stderr
        if ok:
            assert result.returncode == 0, result.stderr
        return result

    return call


def test_dry_run_previews_the_split_and_saves_nothing(run, tmp_path: Path, article_dir: Path):
    expected = yaml.safe_load((article_dir / "expected.yaml").read_text(encoding="utf-8"))
    out = run("import", *(article_dir / name for name in expected), "--dry-run", "--json")
    files = {Path(f["file"]).name: f["articles"] for f in json.loads(out.stdout)["files"]}
    for name, want in expected.items():
        got = files[name]
        assert len(got) == want["articles"]
        for article, item in zip(got, want["items"], strict=True):
            if item["title"] is None:
                assert any(f.startswith("title proposed") for f in article["flags"])
            else:
                assert article["title"] == item["title"].strip()
            assert set(article["authors"]) == set(item["authors"])
            assert article["start_line"] >= 1 and article["first_words"]
    text = run("import", BLOG, "--dry-run").stdout
    assert "5 articles" in text and "starts at line 1" in text and "nothing was saved" in text
    assert not (tmp_path / "lib" / "articles").exists()


def test_bad_files_are_named_and_the_good_ones_imported(run, tmp_path: Path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 200)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "fake.docx").write_text("not a zip", encoding="utf-8")
    result = run(
        "import",
        tmp_path / "binary.txt",
        ROUND_TABLE,
        tmp_path / "empty.txt",
        tmp_path / "fake.docx",
        tmp_path / "missing.txt",
        ok=False,
    )
    assert result.returncode == 1
    for name in ("binary.txt", "empty.txt", "fake.docx", "missing.txt"):
        assert name in result.stderr
    assert "Added 2 articles" in result.stdout
    listed = json.loads(run("library", "list", "--json").stdout)
    assert len(listed) == 2


def test_whole_path_import_theme_search_pack_build(run, tmp_path: Path):
    added = json.loads(run("import", BLOG, ROUND_TABLE, "--json").stdout)
    assert len(added["added"]) == 7 and not added["skipped"] and not added["failed"]
    again = json.loads(run("import", BLOG, ROUND_TABLE, "--json").stdout)
    assert not again["added"] and len(again["skipped"]) == 7

    listed = json.loads(run("library", "list", "--json").stdout)
    for entry in listed:
        assert {
            "id",
            "title",
            "authors",
            "source",
            "published",
            "url",
            "doi",
            "themes",
        } <= entry.keys()
    by_title = {a["title"]: a for a in listed}
    floods = by_title["Small Parishes, Big Storms: What Flood Recovery Teaches Councils"]
    assert floods["doi"] == "10.5555/thin-close-2025"
    contact_ids = [a["id"] for a in listed if "contact centres" in a["title"]]
    assert len(contact_ids) == 2

    theme = json.loads(
        run("theme", "add", "Contact centres", "--colour", "#1d70b8", "--json").stdout
    )["id"]
    run("theme", "assign", theme, *contact_ids)
    assert "contact-centres" in run("theme", "list").stdout
    bad = run("theme", "assign", "no-such-theme", contact_ids[0], ok=False)
    assert bad.returncode == 1 and "No theme 'no-such-theme'" in bad.stderr

    hits = json.loads(run("search", "councillor", "--json").stdout)
    assert hits and all({"id", "title", "snippet"} <= h.keys() for h in hits)
    themed = json.loads(run("search", "contact", "--theme", theme, "--json").stdout)
    assert sorted(h["id"] for h in themed) == sorted(contact_ids)
    assert run("search", 'contact AND "').returncode == 0
    assert "Marsh" in run("search", "parish", "--author", "marsh").stdout

    pack_file = tmp_path / "ai.yaml"
    run(
        "pack",
        "new",
        "--title",
        "Contact centres",
        "--theme",
        theme,
        "--article",
        floods["id"],
        "-o",
        pack_file,
    )
    refused = run("pack", "new", "--title", "Again", "--theme", theme, "-o", pack_file, ok=False)
    assert refused.returncode == 1 and "already exists" in refused.stderr

    # The officer fills in the summaries by editing the YAML by hand.
    data = yaml.safe_load(pack_file.read_text(encoding="utf-8"))
    assert [s["title"] for s in data["sections"]] == ["Contact centres", "Articles"]
    for n, item in enumerate(i for s in data["sections"] for i in s["items"]):
        item["summary"] = f"Officer summary number {n} in plain words."
        item["implications"] = [f"Implication {n} for the council."]
    pack_file.write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )

    out_dir = tmp_path / "out"
    run("build", pack_file, "-o", out_dir, "--format", "pdf")
    pdf = out_dir / "Contact centres.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    text = " ".join(text.split())
    for n in range(3):
        assert f"Officer summary number {n} in plain words." in text
    assert "Small Parishes, Big Storms: What Flood Recovery Teaches Councils" in text
    assert "10.5555/thin-close-2025" in text


def test_show_and_unknown_ids(run):
    run("import", BLOG)
    listed = json.loads(run("library", "list", "--json").stdout)
    shown = run("library", "show", listed[0]["id"]).stdout
    assert listed[0]["title"] in shown
    missing = run("library", "show", "no-such-article", ok=False)
    assert missing.returncode == 1 and "No article with id 'no-such-article'" in missing.stderr
