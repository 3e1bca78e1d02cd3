"""The dependencies pyproject.toml declares are the ones briefing/ imports: every third-party
module the package imports comes from a declared distribution, and every declared distribution
is imported (or is named below with what needs it)."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Declared but never imported by name: each is needed at run time by another dependency.
USED_INDIRECTLY = {
    "cryptography": "pypdf needs it to open AES-encrypted PDFs whose password is empty",
}


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {
        _canonical(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0])
        for spec in project["dependencies"]
    }


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules() -> dict[str, Path]:
    """Top-level names of every absolute import in briefing/, with a file that imports each."""
    found: dict[str, Path] = {}
    for path in sorted((ROOT / "briefing").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], path)
    return found


def third_party() -> dict[str, Path]:
    return {
        name: path
        for name, path in imported_modules().items()
        if name not in sys.stdlib_module_names and name not in ("briefing", "__future__")
    }


def test_every_third_party_import_is_a_declared_dependency() -> None:
    providers = importlib.metadata.packages_distributions()
    wanted = declared()
    undeclared = {}
    for module, path in third_party().items():
        distributions = {_canonical(d) for d in providers.get(module, [])}
        if not distributions & wanted:
            undeclared[module] = (sorted(distributions), str(path.relative_to(ROOT)))
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def test_every_declared_dependency_is_used() -> None:
    providers = importlib.metadata.packages_distributions()
    used = {_canonical(d) for module in third_party() for d in providers.get(module, [])}
    unused = declared() - used - set(USED_INDIRECTLY)
    assert not unused, f"declared in pyproject.toml but never imported by briefing/: {unused}"
    assert not set(USED_INDIRECTLY) & used, "imported now: take it off USED_INDIRECTLY"


def test_pillow_is_declared_because_the_writers_import_it() -> None:
    assert "PIL" in third_party()
    assert "pillow" in declared()
