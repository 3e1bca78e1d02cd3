"""How long a build has left, stage by stage: what the app's export shows beside its progress.

Each stage's expected time is the pack's items times that stage's rate (seconds per item):
rates measured on this computer by its earlier builds (`learned`), else those measured with
bench/bench_large.py on a two-core laptop. As the build goes, the stages already finished say
how this build compares with what was expected (a busy computer runs them all slower), and the
stages left are scaled by the same pace.

    estimate = Estimate.of(request, rates)
    estimate.step(done, now)          # at each progress report
    wording(estimate.remaining(now))  # "about 20 seconds left"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from briefing.build.request import BuildRequest

CHECK = "check"  # checking and composing every version
TWO_UP = "two-up"
WRITE = "write"
# Seconds per item, measured with bench/bench_large.py (300 items, a two-core laptop).
DEFAULT_RATES: dict[str, float] = {
    CHECK: 0.0025,
    "pdf/typst": 0.009,
    "pdf/reportlab": 0.0075,
    "docx": 0.002,
    "html": 0.0012,
    TWO_UP: 0.0015,
    WRITE: 0.00005,
}
UNKNOWN_RATE = 0.005  # a stage with no rate measured or given
PACE_LIMITS = (0.25, 4.0)  # how far the build's own pace may move the rates


def build_stages(request: BuildRequest) -> list[str]:
    """The stages of a build of `request`, one per progress step, in the order `build` runs
    them: checking and composing, then for each version each format laid out (and the two-up
    copy), then writing the files."""
    per_version = [stage_of(fmt, request.pdf_engine) for fmt in request.formats]
    if request.two_up:
        per_version.append(TWO_UP)
    return [CHECK, *per_version * len(request.versions()), WRITE]


def stage_of(fmt: str, pdf_engine: str) -> str:
    """The stage that lays out `fmt` (the PDF's time depends on its engine)."""
    return f"pdf/{pdf_engine}" if fmt == "pdf" else fmt


@dataclass
class Estimate:
    """The time left in one build (seconds are those of any one clock: time.monotonic)."""

    stages: list[str]
    items: int
    versions: int
    rates: Mapping[str, float]
    started: list[float] = field(default_factory=list)  # when each stage began

    @classmethod
    def of(cls, request: BuildRequest, rates: Mapping[str, float] | None = None) -> Estimate:
        items = sum(len(section.items) for section in request.pack.sections)
        return cls(
            build_stages(request),
            max(1, items),
            len(request.versions()),
            {**DEFAULT_RATES, **(rates or {})},
        )

    def _work(self, n: int) -> int:
        """The items stage n goes through (checking and composing: once for each version)."""
        return self.items * (self.versions if self.stages[n] == CHECK else 1)

    def expected(self, n: int) -> float:
        """Stage n's seconds at the rates known before this build."""
        return self.rates.get(self.stages[n], UNKNOWN_RATE) * self._work(n)

    def step(self, done: int, now: float) -> None:
        """Progress reported `done` steps finished: stage `done` begins now."""
        while len(self.started) <= min(done, len(self.stages)):
            self.started.append(now)

    def pace(self) -> float:
        """This build's finished stages against what was expected of them (1: as expected)."""
        finished = len(self.started) - 1
        if finished < 1:
            return 1.0
        took = self.started[finished] - self.started[0]
        expected = sum(self.expected(n) for n in range(finished))
        low, high = PACE_LIMITS
        return min(high, max(low, took / expected)) if expected > 0 else 1.0

    def remaining(self, now: float) -> float:
        """Seconds left (never quite nothing while a stage is under way)."""
        if not self.started:
            return sum(self.expected(n) for n in range(len(self.stages)))
        current = len(self.started) - 1
        if current >= len(self.stages):
            return 0.0
        pace = self.pace()
        this = self.expected(current) * pace
        left_here = max(this - (now - self.started[current]), this * 0.1)
        later = sum(self.expected(n) for n in range(current + 1, len(self.stages)))
        return left_here + later * pace

    def measured(self) -> dict[str, float]:
        """Seconds per item of each stage this build finished (the mean over its versions)."""
        times: dict[str, list[float]] = {}
        for n in range(min(len(self.started) - 1, len(self.stages))):
            took = self.started[n + 1] - self.started[n]
            times.setdefault(self.stages[n], []).append(took / self._work(n))
        return {stage: sum(each) / len(each) for stage, each in times.items()}


def learned(known: Mapping[str, float], measured: Mapping[str, float]) -> dict[str, float]:
    """The rates to expect next time: each measured rate weighed equally with the one known."""
    rates = dict(known)
    for stage, rate in measured.items():
        rates[stage] = (rates[stage] + rate) / 2 if stage in rates else rate
    return rates


def wording(seconds: float) -> str:
    """ "about 20 seconds left", rounded as a person would say it."""
    if seconds < 5:
        return "a few seconds left"
    if round(seconds / 5) * 5 < 60:
        return f"about {max(5, round(seconds / 5) * 5)} seconds left"
    minutes = round(seconds / 60)
    return "about a minute left" if minutes <= 1 else f"about {minutes} minutes left"
