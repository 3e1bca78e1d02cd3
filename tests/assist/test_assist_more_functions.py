"""Drafts on parking, licensing, parks and staff pensions ask what an officer would ask of
those services, and a third claim on one function asks another question rather than
"consider this as well" while one is left."""

from __future__ import annotations

from briefing.assist import suggest_implications
from briefing.assist.functions import touched

NOTICE = """\
Westvale council will replace its paper parking vouchers with payment by phone in every \
controlled parking zone from September, after the supplier of the vouchers went out of business.

The council's licensing committee will consider applications from pubs and bars to open \
until 2am during a six-month trial of later licensing hours in the town centre.

Council workers will be balloted on strike action over plans to raise the pension age in the \
local government pension scheme from 60 to 65.

A new policy for the council's 80 parks will give biodiversity and wildlife habitats a place \
in every planning decision the council makes.
"""


def test_each_service_gets_its_own_question() -> None:
    names = {
        "parking": "parking and highways",
        "licensing": "licensing and the night-time economy",
        "pension": "industrial relations and pensions",
        "parks": "parks and green space",
    }
    paragraphs = NOTICE.split("\n\n")
    for key, name in names.items():
        paragraph = next(p for p in paragraphs if key in p)
        assert touched(paragraph)[0][1].name == name
    points = suggest_implications(NOTICE, limit=5)
    text = " ".join(p.text for p in points)
    assert "parking and highways income" in text
    assert "licensing service" in text
    assert "industrial action" in text
    assert "parks and green spaces" in text


def test_a_third_claim_on_one_function_asks_something_else() -> None:
    claims = "\n\n".join(
        f"Drivers in {place} will find parking near the station easier from April, with "
        "more bays marked out."
        for place in ("Northgate", "Southgate", "Eastgate")
    )
    points = [p for p in suggest_implications(claims, limit=5) if p.draft]
    assert len(points) >= 3
    assert not any("consider this as well" in p.text for p in points[:3])
    assert len({p.text.split(":")[0] for p in points}) == len(points)
