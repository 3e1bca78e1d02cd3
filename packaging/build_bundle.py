"""Build the self-contained Briefing folder for this platform and zip it.

    python packaging/build_bundle.py            # -> dist/Briefing/ and dist/Briefing-<version>-<platform>.zip

The same command works on Windows (run it there with `py packaging\\build_bundle.py`). It makes a
clean virtual environment under build/, installs Briefing and PyInstaller into it (from PyPI, or
from a wheelhouse with --find-links DIR --no-index), runs packaging/briefing.spec, adds the example
packs and the licences, and zips the folder. The result needs no Python, no administrator rights
and no network: unzip it anywhere the user can write and run briefing-app.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYINSTALLER = "pyinstaller>=6.10"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="where the folder and zip go"
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "build" / "bundle",
        help="scratch folder (virtual environment and PyInstaller's work files)",
    )
    parser.add_argument("--find-links", type=Path, help="install from this wheelhouse folder")
    parser.add_argument(
        "--no-index", action="store_true", help="never ask PyPI (with --find-links)"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    python = make_venv(args.work / "venv")
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if args.find_links:
        pip += ["--find-links", str(args.find_links)]
    if args.no_index:
        pip.append("--no-index")
    run([*pip, str(ROOT), PYINSTALLER])
    run(
        [
            str(python),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(args.dist),
            "--workpath",
            str(args.work / "pyinstaller"),
            str(ROOT / "packaging" / "briefing.spec"),
        ],
        cwd=args.work,
    )
    folder = args.dist / "Briefing"
    add_extras(folder, python)
    archive = zip_folder(folder, args.dist / f"Briefing-{version(python)}-{platform_tag()}.zip")
    print(f"Folder: {folder} ({megabytes(folder_size(folder))} unpacked)")
    print(f"Zip:    {archive} ({megabytes(archive.stat().st_size)})")
    print(f"Built in {time.perf_counter() - started:.0f} s")
    return 0


def make_venv(where: Path) -> Path:
    if where.exists():
        shutil.rmtree(where)
    run([sys.executable, "-m", "venv", str(where)])
    scripts = "Scripts" if os.name == "nt" else "bin"
    return where / scripts / ("python.exe" if os.name == "nt" else "python")


def add_extras(folder: Path, python: Path) -> None:
    """Example packs (with their logo and template), the README and its guide, and the licences,
    beside the programs (`python`: the clean install's, which knows where the spelling engine's
    licence is)."""
    packs = folder / "packs"
    if packs.exists():
        shutil.rmtree(packs)
    shutil.copytree(
        ROOT / "packs", packs, ignore=shutil.ignore_patterns("*.py", "__pycache__", "out")
    )
    shutil.copy2(ROOT / "README.md", folder / "README.md")
    shutil.copytree(ROOT / "docs", folder / "docs", dirs_exist_ok=True)  # the guide it links to
    shutil.copy2(ROOT / "assets" / "fonts" / "LICENSE-LiberationSans.txt", folder)
    for name in ("LICENSE-en_GB.txt", "LICENSE-cy_GB.txt"):  # the spelling dictionaries
        shutil.copy2(
            ROOT / "assets" / "dictionaries" / name, folder / f"{name[:-4]}-dictionary.txt"
        )
    shutil.copy2(engine_licence(python), folder / "LICENSE-chunspell.txt")  # the spelling engine
    shutil.copy2(
        ROOT / "packaging" / "licences" / "LGPL-2.1.txt",  # Hunspell, compiled into it
        folder / "LICENSE-Hunspell-LGPL-2.1.txt",
    )


def engine_licence(python: Path) -> Path:
    """The licence file of the chunspell wheel (Hunspell's Python binding) as installed."""
    found = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.metadata as m; d = m.distribution('chunspell'); "
            "print(next(d.locate_file(f) for f in d.files or () if 'LICEN' in f.name.upper()))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(found.stdout.strip())


def zip_folder(folder: Path, archive: Path) -> Path:
    archive.unlink(missing_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_symlink() or path.is_file():
                zf.write(path, Path(folder.name) / path.relative_to(folder))
    return archive


def version(python: Path) -> str:
    return subprocess.check_output(
        [str(python), "-c", "import briefing; print(briefing.__version__)"], text=True
    ).strip()


def platform_tag() -> str:
    system = {"Windows": "windows", "Darwin": "macos"}.get(platform.system(), "linux")
    return f"{system}-{platform.machine().lower()}"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.0f} MB"


def run(command: list[str], cwd: Path | None = None) -> None:
    """Run a step; from outside the source tree, so the installed Briefing is what is bundled."""
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=cwd)


if __name__ == "__main__":
    sys.exit(main())
