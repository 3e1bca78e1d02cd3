"""Every command prints whatever the console or pipe can hold: a Welsh title ("Dŵr") on a
cp1252 or ASCII stdout (a Windows scheduled task, a script capturing output) is written as an
escape instead of stopping the command with a traceback after its files were written."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from tests.cli.housing_pack import housing_pack

if TYPE_CHECKING:
    from pathlib import Path

TITLE = "Dŵr Cymru – 水 2025"


def run(tmp_path: Path, encoding: str, *args: str | Path) -> subprocess.CompletedProcess[bytes]:
    env = {
        **os.environ,
        "PYTHONIOENCODING": encoding,
        "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
        "BRIEFING_LIBRARY": str(tmp_path / "lib"),
    }
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-m", "briefing", *map(str, args)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        timeout=180,
        check=False,
    )


def assert_clean(result: subprocess.CompletedProcess[bytes], encoding: str) -> tuple[str, str]:
    out, err = result.stdout.decode(encoding), result.stderr.decode(encoding)
    assert "Traceback" not in err and "UnicodeEncodeError" not in err, err
    assert result.returncode == 0, err
    return out, err


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_build_with_a_welsh_title_prints_its_paths_on_a_narrow_stdout(
    tmp_path: Path, encoding: str
):
    pack = housing_pack(tmp_path, "Costs of ŵ and ŷ rose.", title=f'"{TITLE}"')
    out, _ = assert_clean(run(tmp_path, encoding, "build", pack, "--format", "docx"), encoding)
    written = tmp_path / "Dŵr Cymru – 水 2025.docx"
    assert written.is_file()
    # The path is printed with the characters the encoding lacks as escapes: a reader can
    # still tell which file it is.
    assert "D\\u0175r Cymru" in out and "\\u6c34 2025.docx" in out


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_validate_check_import_list_and_search_print_on_a_narrow_stdout(
    tmp_path: Path, encoding: str
):
    pack = housing_pack(tmp_path, "Costs of ŵ and ŷ rose.", title='"Dŵr Cymru – Ω"')
    checked, _ = assert_clean(run(tmp_path, encoding, "validate", pack), encoding)
    assert "OK" in checked
    article = tmp_path / "dwr.md"
    article.write_text(
        "# Cronfa ddŵr yng Nghymru\n\nBy Siân Jôb\n\n" + "Mae'r gronfa ddŵr yn llawn. " * 30 + "\n",
        encoding="utf-8",
    )
    out, err = assert_clean(run(tmp_path, encoding, "import", article), encoding)
    assert "Cronfa dd\\u0175r" in out + err
    listed, _ = assert_clean(run(tmp_path, encoding, "library", "list"), encoding)
    assert "Cronfa dd\\u0175r yng Nghymru" in listed
    found, _ = assert_clean(run(tmp_path, encoding, "search", "gronfa"), encoding)
    assert "Cronfa dd\\u0175r" in found
    as_json, _ = assert_clean(run(tmp_path, encoding, "library", "list", "--json"), encoding)
    assert "Cronfa dd" in as_json


def test_a_usage_error_naming_a_welsh_file_prints_on_an_ascii_stdout(tmp_path: Path):
    result = run(tmp_path, "ascii", "build", "Dŵr.yaml", "--format", "nonsense")
    err = result.stderr.decode("ascii")
    assert result.returncode == 2 and "Traceback" not in err and "invalid choice" in err
