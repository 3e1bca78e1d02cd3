"""Fixtures for every test: where the sample articles are.

`samples_dir` is the project's own fictional articles (tests/samples), always present.
`corpus_dir` is the shared sample corpus of real articles beside the project (../shared/corpus,
as in CI); a clone with nothing beside it skips the tests that use it, saying why.
`article_dir` runs a test once on each: the project's samples, then the corpus.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES_DIR = ROOT / "tests" / "samples"
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
# What Briefing keeps in the user's cache folder between runs (the library's search index, the
# spelling dictionary's answers) goes to a folder of the test run's own, not the tester's.
_CACHE = (
    None if os.environ.get("BRIEFING_CACHE_DIR") else tempfile.mkdtemp(prefix="briefing-cache-")
)
if _CACHE is not None:
    os.environ["BRIEFING_CACHE_DIR"] = _CACHE


def pytest_unconfigure(config: pytest.Config) -> None:
    if _CACHE is not None:
        shutil.rmtree(_CACHE, ignore_errors=True)


CORPUS_MISSING = (
    f"the shared sample corpus is not beside the project ({CORPUS_DIR} is "
    "missing); the project's own samples in tests/samples cover the same behaviour"
)


def corpus_or_skip() -> Path:
    """The shared corpus folder, or skip the calling test with the reason."""
    if not (CORPUS_DIR / "expected.yaml").is_file():
        pytest.skip(CORPUS_MISSING)
    return CORPUS_DIR


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return corpus_or_skip()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES_DIR


@pytest.fixture(scope="session", params=["samples", "corpus"])
def article_dir(request: pytest.FixtureRequest) -> Path:
    return SAMPLES_DIR if request.param == "samples" else corpus_or_skip()


@pytest.fixture
def gone_pid() -> int:
    """The id of a process that has ended (for files and folders left by a killed program)."""
    import subprocess
    import sys

    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(ended.stdout)
