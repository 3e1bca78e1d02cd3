"""The schedules of exempt information a pack can cite, with what each paragraph covers.

English and Welsh councils withhold items from the public under Schedule 12A to the Local
Government Act 1972 (paragraphs 1-7); Scottish councils under Schedule 7A to the Local
Government (Scotland) Act 1973 (paragraphs 1-15). The meanings are short descriptions for the
app and the record of what was withheld, not the statutory wording.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Schedule:
    key: str  # "12A", as written in a pack's exempt_schedule
    name: str  # "Schedule 12A to the Local Government Act 1972"
    paragraphs: dict[int, str]  # paragraph number -> what it covers

    def meaning(self, paragraph: int) -> str:
        return self.paragraphs.get(paragraph, "")

    @property
    def highest(self) -> int:
        return max(self.paragraphs)


SCHEDULES: dict[str, Schedule] = {
    "12A": Schedule(
        "12A",
        "Schedule 12A to the Local Government Act 1972",
        {
            1: "information relating to any individual",
            2: "information likely to reveal the identity of an individual",
            3: "information about the financial or business affairs of any particular person "
            "(including the council)",
            4: "consultations or negotiations on a labour relations matter",
            5: "information covered by legal professional privilege",
            6: "a notice, order or direction the council proposes to give or make",
            7: "the prevention, investigation or prosecution of crime",
        },
    ),
    "7A": Schedule(
        "7A",
        "Schedule 7A to the Local Government (Scotland) Act 1973",
        {
            1: "a particular employee, office-holder or applicant of the council",
            2: "a particular occupier of, or applicant for, council accommodation",
            3: "a particular applicant for, or recipient of, a council service",
            4: "a particular applicant for, or recipient of, financial help from the council",
            5: "the adoption, care, fostering or education of a particular child",
            6: "the financial or business affairs of a particular person (not the council)",
            7: "social work reports on or supervision of a particular person",
            8: "expenditure proposed under a particular contract",
            9: "terms proposed in negotiations for a contract",
            10: "the identity of the council as the bidder in a particular tender",
            11: "consultations or negotiations on a labour relations matter",
            12: "counsel's instructions or opinion, or legal advice or proceedings",
            13: "a notice, order or direction the council proposes to give or make",
            14: "the prevention, investigation or prosecution of crime",
            15: "the identity of a protected informant",
        },
    ),
}

DEFAULT_SCHEDULE = "12A"


def schedule(key: str) -> Schedule:
    """The schedule a pack names ("12A" when it names none or one Briefing does not know)."""
    return SCHEDULES.get(key) or SCHEDULES[DEFAULT_SCHEDULE]
