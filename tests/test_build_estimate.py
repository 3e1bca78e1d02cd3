"""The export's time left: one stage per progress step of the build, in its order; the stages
left scaled by how the finished ones compared with what was expected; never negative and never
growing while a stage runs; and worded as a person would say it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefing.build import BuildRequest, build
from briefing.build.estimate import CHECK, WRITE, Estimate, build_stages, learned, wording

PACKS = Path(__file__).resolve().parents[1] / "packs"


def test_one_stage_for_each_progress_step_of_the_build(tmp_path: Path) -> None:
    request = BuildRequest.for_file(
        PACKS / "member-briefing.yaml",
        formats=("docx", "pdf"),
        audiences=("all",),
        outdir=tmp_path,
    )
    reports: list[tuple[int, int, str]] = []
    build(request, lambda done, total, message: reports.append((done, total, message)))
    stages = build_stages(request)
    assert len(stages) == reports[0][1]  # the build's total
    assert [done for done, _total, _message in reports] == list(range(len(stages) + 1))
    for (done, _total, message), stage in zip(reports, stages, strict=False):
        word = {CHECK: "Checking", WRITE: "Writing"}.get(stage, "Laying out")
        assert message.startswith(word), (done, stage, message)
    assert stages.count("pdf/typst") == stages.count("docx") == 3  # three versions


def _estimate(rates: dict[str, float]) -> Estimate:
    return Estimate([CHECK, "pdf/typst", "docx", WRITE], 100, 1, rates)


def test_a_build_going_slower_than_expected_expects_the_rest_slower_too() -> None:
    estimate = _estimate({CHECK: 0.01, "pdf/typst": 0.05, "docx": 0.02, WRITE: 0.0})
    assert estimate.remaining(0.0) == 8.0  # 1 + 5 + 2 seconds, before it starts
    estimate.step(0, 0.0)
    estimate.step(1, 2.0)  # checking took 2 seconds, not 1: the computer is busy
    assert estimate.remaining(2.0) == 14.0  # (5 + 2) x 2
    assert estimate.remaining(7.0) == 9.0  # five seconds into laying out the PDF
    estimate.step(4, 20.0)
    assert estimate.remaining(20.0) == 0.0
    assert estimate.measured() == {CHECK: 0.02, "pdf/typst": 0.18, "docx": 0.0, WRITE: 0.0}


@given(
    st.lists(st.floats(0.0, 30.0), min_size=4, max_size=4),
    st.floats(0.0, 100.0),
    st.floats(0.0, 100.0),
)
def test_the_time_left_never_grows_within_a_stage_nor_goes_below_nothing(
    took: list[float], later: float, more: float
) -> None:
    estimate = _estimate({CHECK: 0.01, "pdf/typst": 0.05, "docx": 0.02, WRITE: 0.001})
    now = 0.0
    for n, seconds in enumerate(took[:2]):
        estimate.step(n, now)
        now += seconds
    estimate.step(2, now)
    first = estimate.remaining(now + later)
    assert 0.0 < first <= estimate.remaining(now)
    assert estimate.remaining(now + later + more) <= first


def test_rates_learned_from_a_build_weigh_with_those_known() -> None:
    known = {CHECK: 0.002, "docx": 0.004}
    assert learned(known, {CHECK: 0.004, "html": 0.001}) == {
        CHECK: 0.003,
        "docx": 0.004,
        "html": 0.001,
    }


def test_time_left_is_worded_as_a_person_would_say_it() -> None:
    assert wording(0.2) == "a few seconds left"
    assert wording(12) == "about 10 seconds left"
    assert wording(56) == "about 55 seconds left"
    assert wording(58) == "about a minute left"
    assert wording(70) == "about a minute left"
    assert wording(150) == "about 2 minutes left"
