"""`briefing build --audience`: one set of files per version, a record of what each withheld in
a not-for-publication folder beside them, budgets each."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from briefing_cli import run
from pypdf import PdfReader

from briefing.export.registry import FORMATS

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "packs" / "member-briefing.yaml"
STEM = "Resilience, reform and AI"
RECORDS = "Withheld items - NOT FOR PUBLICATION"


def _text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def example_all(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path], str]:
    out = tmp_path_factory.mktemp("all")
    proc = run(
        "build", str(EXAMPLE), "-o", str(out), "--audience", "all", "--format", "all", cwd=out
    )
    assert proc.returncode == 0, proc.stderr
    return out, [Path(line) for line in proc.stdout.splitlines()], proc.stderr


def test_all_builds_every_format_for_each_of_the_three_audiences(example_all) -> None:  # type: ignore[no-untyped-def]
    out, printed, _ = example_all
    names = sorted(path.name for path in out.iterdir() if path.is_file())
    expected = [
        f"{STEM}{label}{fmt.suffix}"
        for label in ("", " (public)", " (summary)")
        for fmt in FORMATS.values()
    ]
    assert names == sorted(expected)  # nothing that names the withheld items among them
    records = sorted(path.name for path in (out / RECORDS).iterdir())
    assert records == [
        f"{STEM} (public) - NOT FOR PUBLICATION - withheld items.txt",
        f"{STEM} (summary) - NOT FOR PUBLICATION - withheld items.txt",
    ]
    assert sorted(str(path.relative_to(out)) for path in printed) == sorted(
        [*names, *(f"{RECORDS}/{name}" for name in records)]
    )


def test_the_public_version_withholds_the_exempt_item_and_section(example_all) -> None:  # type: ignore[no-untyped-def]
    out, _, _ = example_all
    full, public = _text(out / f"{STEM}.pdf"), _text(out / f"{STEM} (public).pdf")
    for secret in ("the supplier's offer", "Customer services restructure", "Staffing"):
        assert secret in full
        assert secret not in public
    statement = (
        "2 items withheld under Schedule 12A to the Local Government Act 1972: 1 under "
        "paragraph 3 and 1 under paragraph 4."
    )
    assert statement in " ".join(public.split())
    assert "OFFICIAL-SENSITIVE" in full and "OFFICIAL-SENSITIVE" not in public
    assert "Briefing for members, public version" in public


def test_the_summary_fits_its_two_pages_with_one_line_per_item(example_all) -> None:  # type: ignore[no-untyped-def]
    out, _, stderr = example_all
    summary = out / f"{STEM} (summary).pdf"
    assert len(PdfReader(summary).pages) == 2
    text = " ".join(_text(summary).split())
    assert "Claimed AI savings need independent testing." in text
    assert "Implications for UK local government" not in text
    assert "Is AI-enabled BPO" not in text  # limited to members and public
    assert "summary:" not in stderr  # within budget: no warning


def test_the_record_says_what_was_withheld_why_and_when(example_all) -> None:  # type: ignore[no-untyped-def]
    out, _, _ = example_all
    record = (
        out / RECORDS / f"{STEM} (public) - NOT FOR PUBLICATION - withheld items.txt"
    ).read_text(encoding="utf-8")
    assert "NOT FOR PUBLICATION" in record
    assert "Version: public" in record
    assert "Built: " in record and " UTC" in record
    assert f"{STEM} (public).pdf" in record
    assert '1. Section 3, item 3: "Contact-centre AI pilot: the supplier\'s offer"' in record
    assert "paragraph 3 of Schedule 12A to the Local Government Act 1972" in record
    assert "Reason: The supplier's prices and terms are commercially confidential" in record
    assert '2. Section 4: section "Staffing", with its 1 item' in record
    summary = (
        out / RECORDS / f"{STEM} (summary) - NOT FOR PUBLICATION - withheld items.txt"
    ).read_text(encoding="utf-8")
    assert "Rule: the item is limited to members, public, not summary" in summary


def test_one_audience_by_name_and_the_default_full_version(tmp_path: Path) -> None:
    proc = run(
        "build",
        str(EXAMPLE),
        "-o",
        str(tmp_path),
        "--audience",
        "public",
        "--format",
        "pdf",
        "-q",
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{STEM} (public).pdf", RECORDS]
    assert [p.name for p in (tmp_path / RECORDS).iterdir()] == [
        f"{STEM} (public) - NOT FOR PUBLICATION - withheld items.txt"
    ]
    proc = run(
        "build", str(EXAMPLE), "-o", str(tmp_path / "plain"), "--format", "pdf", "-q", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert [p.name for p in (tmp_path / "plain").iterdir()] == [f"{STEM}.pdf"]


def test_an_unknown_audience_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    proc = run(
        "build",
        str(EXAMPLE),
        "-o",
        str(tmp_path),
        "--audience",
        "public",
        "--audience",
        "cabinet",
        cwd=tmp_path,
    )
    assert proc.returncode != 0
    assert 'no audience "cabinet": use one of members, public, summary, or all' in proc.stderr
    assert "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_summary_over_its_page_budget_warns_and_still_builds(tmp_path: Path) -> None:
    pack = tmp_path / "long.yaml"
    items = "".join(
        f"      - article: a{n}\n        summary: Item {n} says something brief.\n"
        for n in range(60)
    )
    articles = "".join(
        f"  a{n}:\n    title: Article number {n} on council finance\n" for n in range(60)
    )
    pack.write_text(
        "briefing_pack: 1\ntitle: Long pack\nsections:\n  - title: Finance\n"
        f"    items:\n{items}articles:\n{articles}",
        encoding="utf-8",
    )
    proc = run("build", str(pack), "--audience", "summary", "--format", "pdf", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert ": warning: The summary version's PDF has " in proc.stderr
    assert "pages, over its budget of 2 pages" in proc.stderr


def test_check_holds_a_version_to_its_own_budget(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace(
            "    budget:\n      pages: 2\n", "    budget:\n      pages: 2\n      words: 20\n"
        ),
        encoding="utf-8",
    )
    shutil.copytree(EXAMPLE.parent / "images", tmp_path / "images")
    summary = run("check", str(pack), "--audience", "summary", cwd=tmp_path)
    assert "words, over its budget of 20" in summary.stdout
    full = run("check", str(pack), cwd=tmp_path)
    assert "over the budget" not in full.stdout
    unknown = run("check", str(pack), "--audience", "cabinet", cwd=tmp_path)
    assert unknown.returncode == 1
    assert 'no audience "cabinet": use one of members, public, summary' in unknown.stderr


def test_check_warns_of_a_record_lying_beside_the_public_files(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    shutil.copytree(EXAMPLE.parent, folder)
    pack = folder / EXAMPLE.name
    proc = run("check", str(pack), "--audience", "public", cwd=tmp_path)
    assert "withheld-record" not in proc.stdout + proc.stderr
    assert "sits beside the files built for publication" not in proc.stdout + proc.stderr
    # As an earlier version of Briefing left it: the record among the public files.
    (folder / f"{STEM} (public) - withheld items.txt").write_text("Record", encoding="utf-8")
    proc = run("check", str(pack), "--audience", "public", cwd=tmp_path)
    said = proc.stdout + proc.stderr
    assert "Traceback" not in said
    assert f"“{STEM} (public) - withheld items.txt” in {folder} names the items withheld" in said
    assert f"move it into the folder “{RECORDS}”" in said
