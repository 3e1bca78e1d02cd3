"""A pack, Word template, logo or article that is not a regular file, or is far too large, is
refused at once with a message naming it: no hang on a named pipe, no endless read of a device,
no memory blow-up, no traceback. And a damaged template is found by `validate`, naming the part,
instead of a traceback from `build` and `check`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.cli.housing_pack import housing_pack

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "assets" / "templates" / "reference.docx"
needs_posix = pytest.mark.skipif(os.name != "posix", reason="named pipes and /dev/zero")
pytestmark = pytest.mark.skipif(
    not os.path.exists("/proc/self/status"), reason="peak memory is read from /proc (Linux)"
)

# The child reports its own peak memory in kilobytes after the command: the high-water mark of
# its own memory (VmHWM; getrusage's figure would carry over the parent's across exec).
_CHILD = (
    "import re, sys\n"
    "from briefing.cli import main\n"
    "try:\n    code = main(sys.argv[1:])\n"
    "finally:\n"
    "    with open('/proc/self/status') as status:\n"
    "        peak = re.search(r'VmHWM:\\s+(\\d+)', status.read()).group(1)\n"
    "    sys.stderr.write(f'\\nPEAK-KB {peak}\\n')\n"
    "raise SystemExit(code)\n"
)


def run(tmp_path: Path, *args: str | Path) -> tuple[int, str, float, int]:
    """(exit status, what it printed, seconds, peak MB) of one command, which must end within
    60 s."""
    env = {
        **os.environ,
        "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
        "BRIEFING_LIBRARY": str(tmp_path / "lib"),
    }
    env.pop("QT_QPA_PLATFORM", None)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, *map(str, args)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    seconds = time.monotonic() - started
    err, _, peak = result.stderr.rpartition("PEAK-KB ")
    assert "Traceback" not in err, err
    return result.returncode, result.stdout + err.strip(), seconds, int(peak) // 1024


def layout_pack(folder: Path, line: str) -> Path:
    pack = housing_pack(folder, "Costs rose sharply last year across the region.")
    text = pack.read_text(encoding="utf-8").replace("budget:", f"layout:\n{line}budget:", 1)
    pack.write_text(text, encoding="utf-8")
    return pack


def strange(kind: str, path: Path) -> None:
    if kind == "named pipe":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()


@needs_posix
@pytest.mark.parametrize("kind", ["named pipe", "device", "folder"])
@pytest.mark.parametrize(
    ("what", "line", "name"),
    [
        ("Word template", "  template: house.docx\n", "house.docx"),
        ("logo", "  logo: crest.png\n  logo_alt: Council crest\n", "crest.png"),
    ],
)
def test_a_template_or_logo_that_is_not_a_file_is_named_at_once(
    tmp_path: Path, kind: str, what: str, line: str, name: str
):
    strange(kind, tmp_path / name)
    pack = layout_pack(tmp_path, line)
    for command in (["validate", pack], ["build", pack, "--format", "all"], ["check", pack]):
        status, err, seconds, peak = run(tmp_path, *command)
        assert status == 1, err
        assert f"The {what} file “{name}” is not a file" in err
        assert seconds < 30 and peak < 500, (command[0], seconds, peak)
    assert not list(tmp_path.glob("Housing test pack.*"))


@needs_posix
@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("named pipe", "is a named pipe, not a pack"),
        ("device", "is a device, not a pack"),
        ("folder", "this is a folder, not a pack file"),
    ],
)
def test_a_pack_that_is_not_a_file_is_named_at_once(tmp_path: Path, kind: str, said: str):
    strange(kind, tmp_path / "pack.yaml")
    for command in ("validate", "build", "check"):
        status, err, seconds, peak = run(tmp_path, command, "pack.yaml")
        assert status == 1 and said in err and "pack.yaml" in err, err
        assert seconds < 30 and peak < 500


def test_a_pack_far_larger_than_any_real_one_is_refused_before_it_is_read(tmp_path: Path):
    pack = tmp_path / "huge.yaml"
    with pack.open("wb") as stream:  # sparse: 300 MB on paper, nothing on disk
        stream.write(b"briefing_pack: 1\ntitle: x\n# ")
        stream.truncate(300 * 1024 * 1024)
    status, err, seconds, peak = run(tmp_path, "validate", pack)
    assert status == 1 and "huge.yaml" in err and "is 300 MB, more than the 64 MB" in err
    assert peak < 200, peak
    from briefing.errors import PackError
    from briefing.packfile import load_pack

    started = time.monotonic()
    with pytest.raises(PackError):
        load_pack(pack)
    assert time.monotonic() - started < 5


@needs_posix
@pytest.mark.parametrize("kind", ["named pipe", "device"])
def test_importing_a_pipe_or_device_names_it(tmp_path: Path, kind: str):
    strange(kind, tmp_path / "article.txt")
    (tmp_path / "good.md").write_text(
        "# Housing costs\n\n" + "Costs rose again. " * 40, encoding="utf-8"
    )
    status, err, seconds, peak = run(tmp_path, "import", "article.txt", "good.md")
    assert "article.txt" in err and f"is a {kind}" in err, err
    assert seconds < 30 and peak < 500


def rezip(target: Path, replace: dict[str, bytes], drop: tuple[str, ...] = ()) -> Path:
    with (
        zipfile.ZipFile(REFERENCE) as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            if info.filename not in drop:
                out.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
    return target


def _styles_bomb() -> bytes:
    head = (
        b'<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main">'
    )
    style = b'<w:style w:type="paragraph" w:styleId="x"><w:name w:val="x"/></w:style>'
    return head + style * (60 * 1024 * 1024 // len(style)) + b"</w:styles>"


def _truncated(part: str) -> bytes:
    with zipfile.ZipFile(REFERENCE) as source:
        data = source.read(part)
    return data[: len(data) // 2]


ENTITIES = (
    b'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY a "aaaaaaaaaa">]>'
    b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
    b'main"><w:style w:styleId="x"><w:name w:val="&a;"/></w:style></w:styles>'
)


@pytest.mark.parametrize(
    ("case", "said"),
    [
        ("truncated numbering", "has a damaged part, word/numbering.xml"),
        ("truncated styles", "has a damaged part, word/styles.xml"),
        ("entities in styles", "has a part, word/styles.xml, that declares entities"),
        ("no styles", "lacks a part it refers to (word/styles.xml)"),
        ("styles bomb", "is too large to read safely: its part word/styles.xml unpacks to 60 MB"),
    ],
)
def test_a_damaged_template_is_found_by_validate_and_named_by_every_command(
    tmp_path: Path, case: str, said: str
):
    replace = {
        "truncated numbering": {"word/numbering.xml": _truncated("word/numbering.xml")},
        "truncated styles": {"word/styles.xml": _truncated("word/styles.xml")},
        "entities in styles": {"word/styles.xml": ENTITIES},
        "styles bomb": {"word/styles.xml": _styles_bomb()},
    }.get(case, {})
    rezip(
        tmp_path / "house.docx", replace, drop=("word/styles.xml",) if case == "no styles" else ()
    )
    pack = layout_pack(tmp_path, "  template: house.docx\n")
    for command in (["validate", pack], ["build", pack, "--format", "docx"], ["check", pack]):
        status, err, seconds, peak = run(tmp_path, *command)
        assert status == 1, (command[0], err)
        assert f"The Word template file “house.docx” {said}" in err, (command[0], err)
        assert seconds < 30 and peak < 500, (command[0], seconds, peak)
    assert not (tmp_path / "Housing test pack.docx").exists()
