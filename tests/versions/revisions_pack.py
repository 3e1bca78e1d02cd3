"""A housing and care briefing in two versions, for the history and compare tests.

Version 1 → version 2: an item added ("Rent arrears"), one removed ("Empty homes"), one moved
to another section ("Homes target"), one moved within its section ("Carers' pay"), one
reworded (£35m → £38m, a quote and a question), one made exempt ("Care market"), a section
added ("Finance") and the introduction edited.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOGO = ROOT / "packs" / "images" / "example-council-logo.png"

VERSION_1 = """\
briefing_pack: 1
title: Housing and care update
organisation: Testshire Council
prepared_by: Policy Team
contact:
  name: Sam Officer
  email: policy@testshire.example
classification: OFFICIAL
layout:
  logo: images/logo.png
  logo_alt: Testshire Council logo
intro: Three pressures on the council's budget this winter.
key_messages:
  - Temporary accommodation is the fastest-growing cost.
audiences:
  members: {}
  public:
    subtitle: Public version
  summary: {}
sections:
  - title: Housing
    items:
      - article: ta-costs
        summary: Temporary accommodation will cost the council £35m this year, twice the sum of three years ago.
        implications:
          - The housing budget needs a mid-year review.
        quotes:
          - text: Nightly paid rooms are the costliest way to house a family
            page: 4
        questions:
          - How many families are in nightly paid rooms?
      - article: homes-target
        summary: The council is behind its target for new social homes.
        implications:
          - Sites in the local plan should be brought forward.
      - article: empty-homes
        summary: Empty homes could house families now in temporary rooms.
        implications:
          - An empty homes officer would pay for themselves.
  - title: Adult social care
    items:
      - article: care-market
        summary: Two home care providers may leave the district.
        implications:
          - Contingency plans for the home care market are needed.
      - article: carers-pay
        summary: Care workers' pay lags behind supermarket pay.
        implications:
          - Commissioning rates should allow the real living wage.
articles:
  ta-costs:
    title: The rising cost of temporary accommodation
    authors: [Jo Analyst]
    source: Housing Review
  homes-target:
    title: Social homes behind target
    source: Planning Weekly
  empty-homes:
    title: Bringing empty homes back into use
    source: Housing Review
  care-market:
    title: Fragile home care market
    source: Care Journal
  carers-pay:
    title: Care workers' pay
    source: Care Journal
  rent-arrears:
    title: Rent arrears after the cost of living crisis
    source: Housing Review
  council-tax:
    title: Council tax collection rates
    source: Finance Weekly
"""

VERSION_2 = (
    VERSION_1
    .replace("Three pressures on the council's budget this winter.",
             "Four pressures on the council's budget this winter.")
    .replace("£35m this year", "£38m this year")
    .replace("Nightly paid rooms are the costliest way", "Nightly paid rooms are the dearest way")
    .replace("""          - How many families are in nightly paid rooms?
""", """          - How many families are in nightly paid rooms?
          - When will the new hostel open?
""")
    # Homes target leaves Housing for a new Finance section; Empty homes is removed.
    .replace("""      - article: homes-target
        summary: The council is behind its target for new social homes.
        implications:
          - Sites in the local plan should be brought forward.
      - article: empty-homes
        summary: Empty homes could house families now in temporary rooms.
        implications:
          - An empty homes officer would pay for themselves.
""", """      - article: rent-arrears
        summary: Rent arrears in council homes rose by a fifth.
        implications:
          - Early help for tenants costs less than evictions.
""")
    # Carers' pay moves above Care market, which becomes exempt.
    .replace("""      - article: care-market
        summary: Two home care providers may leave the district.
        implications:
          - Contingency plans for the home care market are needed.
      - article: carers-pay
        summary: Care workers' pay lags behind supermarket pay.
        implications:
          - Commissioning rates should allow the real living wage.
""", """      - article: carers-pay
        summary: Care workers' pay lags behind supermarket pay.
        implications:
          - Commissioning rates should allow the real living wage.
      - article: care-market
        exempt:
          paragraph: 3
          reason: A provider's finances
        summary: Two home care providers may leave the district.
        implications:
          - Contingency plans for the home care market are needed.
  - title: Finance
    items:
      - article: homes-target
        summary: The council is behind its target for new social homes.
        implications:
          - Sites in the local plan should be brought forward.
      - article: council-tax
        summary: Council tax collection fell by one point.
        implications:
          - Payment plans should be offered sooner.
""")
)


def write_pack(folder: Path, text: str = VERSION_1, name: str = "update.yaml") -> Path:
    """The pack file (and its logo) in `folder`."""
    (folder / "images").mkdir(parents=True, exist_ok=True)
    if not (folder / "images" / "logo.png").exists():
        shutil.copyfile(LOGO, folder / "images" / "logo.png")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
