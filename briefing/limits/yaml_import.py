"""PyYAML without the start-up cost of its pure-Python reader's character check.

Importing PyYAML compiles, in `yaml.reader.Reader`, a pattern for the characters YAML cannot
hold: a set reaching U+10FFFF that Python's `re` expands one code point at a time, some 58
million instructions (about 10 ms), more than all the rest of PyYAML's import. Packs and
library files are read with libyaml, which checks characters itself; the pure-Python reader,
and so the pattern, is used only to explain a file libyaml refuses. So, once `defer_pattern()`
has run (the `briefing` package runs it), the pattern is compiled the first time it is used:
the same pattern, the same matches.
"""

from __future__ import annotations

import contextlib
import importlib.abc
import importlib.machinery
import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from types import ModuleType

READER = "yaml.reader"
# As written in PyYAML's reader (yaml/reader.py, Reader.NON_PRINTABLE).
NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


class CompiledWhenUsed:
    """A pattern compiled on first use; then it is that compiled pattern in all but type."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return self._compiled

    def __getattr__(self, name: str) -> object:  # search, match, pattern, …
        return getattr(self.compiled(), name)


@contextlib.contextmanager
def _reader_pattern_deferred() -> Iterator[None]:
    """While PyYAML's reader is imported, its one costly pattern is not compiled."""
    compile_now = re.compile

    def compile_or_defer(pattern: str, flags: int = 0) -> re.Pattern[str] | CompiledWhenUsed:
        if pattern == NON_PRINTABLE and not flags:
            return CompiledWhenUsed(pattern)
        return compile_now(pattern, flags)

    re.compile = compile_or_defer  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = compile_now


class _Loader(importlib.abc.Loader):
    """PyYAML's own loader for its reader module, run with the pattern deferred."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        with _reader_pattern_deferred():
            self.loader.exec_module(module)

    def __getattr__(self, name: str) -> object:  # get_source, get_filename, … as PyYAML's
        return getattr(self.loader, name)


class _Finder(importlib.abc.MetaPathFinder):
    """Finds PyYAML's reader module as Python would, and loads it through `_Loader` (once)."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name != READER:
            return None
        with contextlib.suppress(ValueError):
            sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


def defer_pattern() -> None:
    """From now on, PyYAML (if not imported yet) compiles its reader's pattern when used."""
    if READER not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
