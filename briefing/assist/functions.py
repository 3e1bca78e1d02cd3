"""What a council does, as the words that name it: each function a UK council carries (its
budget, council tax, adult social care, housing and planning …), the words by which an article
touches it, and what an officer would ask of it in a briefing.

A draft implication is built on an article's claim and on the function the claim touches, so it
says what the council might do ("Councils may need to reflect this in the local plan, housing
supply and infrastructure planning: …") rather than only that something happened. The lists are
general local-government vocabulary, the same for every article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Function:
    """One thing councils do, how an article touches it, and the officer's question about it."""

    name: str
    cues: re.Pattern[str]
    opening: str  # "Members may wish to" or "Councils may need to"
    action: str  # reads after any opening: "ask what this means for …"
    follow_up: str  # a second question on the same function, for a second claim touching it

    def question(self, asked: int) -> tuple[str, str]:
        """The opening and the question of a draft on this function when `asked` drafts have
        asked about it already: its question, then its second one (members ask and press,
        councils do), then only "consider this as well"."""
        if asked == 0:
            return self.opening, self.action
        if asked == 1:
            return (
                _ASK if self.follow_up.startswith(("ask ", "press ")) else _NEED
            ), self.follow_up
        return self.opening, "consider this as well"


def _cues(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")", re.IGNORECASE)


_ASK = "Members may wish to"
_NEED = "Councils may need to"

FUNCTIONS: tuple[Function, ...] = (
    Function(
        "council tax",
        _cues(
            r"council[- ]tax",
            r"precepts?\b",
            r"rebanding",
            r"revaluation",
            r"tax bands?\b",
            r"band [a-h]\b",
        ),
        _ASK,
        "weigh council tax setting, bands, the referendum limit and council tax support for "
        "low-income households",
        "explain to residents how bills, bands and discounts change and who is protected",
    ),
    Function(
        "funding on offer",
        _cues(
            r"awarded",
            r"\bbids?\b",
            r"bidding",
            r"\bpot\b",
            r"(?:money|funding|grants?|cash) (?:is|are|will be) "
            r"(?:to be )?(?:given|made available|available|offered)",
            r"funds? (?:is|are) available",
        ),
        _NEED,
        "bid for the funding on offer and plan how it is spent, measured and "
        "continued once it ends",
        "check the conditions, match funding and deadlines that come with the money",
    ),
    Function(
        "finance",
        _cues(
            r"budget",
            r"fund",
            r"grants?\b",
            r"deficit",
            r"settlement\b",
            r"money\b",
            r"spend",
            r"cuts?\b",
            r"savings",
            r"£",
            r"business rates",
            r"income",
            r"borrow",
            r"reserves",
            r"section 114",
            r"bail[- ]?out",
            r"underfund",
            r"financ",
            r"cost",
        ),
        _ASK,
        "ask what this means for the budget, reserves, the medium-term financial plan "
        "and pressure on services",
        "press the government for funding that meets the full cost, and plan savings in case it does not",
    ),
    Function(
        "adult social care",
        _cues(
            r"social care",
            r"social-care",
            r"care homes?",
            r"elderly",
            r"older people",
            r"dementia",
            r"care (?:workers|providers|market|costs?)",
            r"carers",
        ),
        _NEED,
        "assess the effect on adult social care budgets and plans, needs "
        "assessments, commissioning, the care market and the care workforce",
        "model the cost to the council of changes in care fees, assessments and charging",
    ),
    Function(
        "children and schools",
        _cues(
            r"send\b",
            r"special (?:educational )?needs",
            r"schools?\b",
            r"pupils",
            r"children",
            r"young people",
            r"high needs",
            r"education",
        ),
        _NEED,
        "review the effect on children's services, SEND, schools and the high needs budget",
        "ask how the change affects pupils, families and school budgets in the area",
    ),
    Function(
        "homelessness",
        _cues(r"homeless", r"rough sleep", r"temporary accommodation", r"tenanc", r"rehousing"),
        _NEED,
        "work with voluntary sector partners on homelessness prevention, rough "
        "sleeping services and accommodation",
        "ask how many households are affected locally and how prevention work is funded",
    ),
    Function(
        "housing and planning",
        _cues(
            r"housing",
            r"homes\b",
            r"planning",
            r"local plans?",
            r"brownfield",
            r"brown field",
            r"sites?\b",
            r"densit",
            r"infrastructure",
            r"housebuilding",
            r"developers?\b",
        ),
        _NEED,
        "reflect this in the local plan, its evidence on housing need and sites, "
        "infrastructure and planning decisions",
        "check that planning policies, sites and infrastructure funding keep pace with new homes",
    ),
    Function(
        "community safety",
        _cues(
            r"police",
            r"policing",
            r"crime",
            r"anti-social",
            r"community safety",
            r"enforcement",
            r"encampment",
            r"violen",
        ),
        _NEED,
        "consider with the community safety partnership and the police the local "
        "effect on crime, anti-social behaviour and enforcement powers",
        "ask how the council, the police and partners will use the powers and report on their effect",
    ),
    Function(
        "councillors and democracy",
        _cues(
            r"councillors?\b",
            r"elected members",
            r"democra",
            r"citizens?\b",
            r"participat",
            r"assembl",
            r"elections?\b",
            r"scrutin",
            r"engagement",
        ),
        _ASK,
        "consider what this means for member development, councillors' support and "
        "safety, and engagement with residents",
        "ask how residents and councillors will be told and involved",
    ),
    Function(
        "digital and data",
        _cues(
            r"\bai\b",
            r"artificial intelligence",
            r"digital",
            r"\bdata\b",
            r"technolog",
            r"software",
            r"automat",
            r"vendors?\b",
            r"suppliers?\b",
        ),
        _NEED,
        "test the evidence, data protection and bias risks and the effect on staff and "
        "residents before adopting or procuring new digital or AI tools",
        "ask what data the council holds, who owns it and how it is kept safe",
    ),
    Function(
        "shared learning",
        _cues(
            r"shar(?:e|es|ed|ing) (?:\w+ )?(?:learning|lessons|"
            r"experiences?|practice|examples?|results|findings)",
            r"lessons? (?:learn|from)",
            r"best practice",
            r"(?:collective|shared) learning",
            r"\bpeers?\b",
            r"other councils",
            r"collaborat",
            r"pilots?\b",
        ),
        _NEED,
        "share what pilots and projects have found, failures included, with other "
        "councils through peer and sector networks",
        "ask what evidence other councils have gathered and what following them would cost",
    ),
    Function(
        "industrial relations and pensions",
        _cues(
            r"strikes?\b",
            r"industrial action",
            r"walk-?outs?\b",
            r"unions?\b",
            r"ballot(?:s|ing|ed)?\b",
            r"pensions?\b",
        ),
        _NEED,
        "plan to keep essential services running through any industrial action and keep "
        "staff and unions informed",
        "ask what the change will cost the council and its staff",
    ),
    Function(
        "licensing and the night-time economy",
        _cues(
            r"licen[cs]",
            r"alcohol",
            r"drinking",
            r"\bpubs?\b",
            r"\bbars?\b",
            r"night-?time",
            r"gambling",
            r"betting",
            r"\btaxis?\b",
        ),
        _NEED,
        "prepare the licensing service and policy, and plan night-time services such as "
        "transport, street cleaning and toilets with the police and partners",
        "ask how the council and the police will manage disorder and what it will cost",
    ),
    Function(
        "parking and highways",
        _cues(
            r"parking",
            r"\bcpzs?\b",
            r"highways?\b",
            r"roads?\b",
            r"pothole",
            r"speed limits?",
            r"\b20 ?mph\b",
            r"traffic",
        ),
        _ASK,
        "ask how the change affects parking and highways income, enforcement and road users",
        "check the contracts, suppliers and payment systems the service depends on",
    ),
    Function(
        "parks and green space",
        _cues(
            r"(?<!car )\bparks?\b",
            r"green ?spaces?",
            r"open spaces?",
            r"biodivers",
            r"wildlife",
            r"habitats?\b",
            r"\btrees?\b",
            r"nature",
        ),
        _NEED,
        "reflect this in the management of parks and green spaces, the duty on "
        "biodiversity and planning decisions",
        "work with landowners, community groups and partners to protect and improve habitats",
    ),
    Function(
        "workforce",
        _cues(r"staff", r"workforce", r"recruit", r"jobs?\b", r"wages?\b", r"training", r"skills"),
        _NEED,
        "consider the effect on the workforce, its recruitment, skills, training, pay "
        "and staff engagement",
        "plan staff training, capacity and any change to roles",
    ),
    Function(
        "resilience",
        _cues(
            r"cris[ie]s", r"emergenc", r"pandemic", r"covid", r"flood", r"resilien", r"refugees?"
        ),
        _NEED,
        "review emergency plans and the role of partners, community groups and "
        "volunteers in a crisis",
        "check business continuity plans and the support for vulnerable residents",
    ),
    Function(
        "reorganisation and devolution",
        _cues(
            r"reorganis",
            r"\blgr\b",
            r"unitar",
            r"devol",
            r"combined authorit",
            r"merg",
            r"restructur",
        ),
        _NEED,
        "weigh this when shaping reorganisation or devolution proposals, including "
        "the effect on local services, knowledge and accountability",
        "ask how services, staff, data and contracts would move across and who is accountable",
    ),
    Function(
        "governance",
        _cues(
            r"intervention",
            r"commissioners",
            r"best value",
            r"audit",
            r"governance",
            r"inspect",
            r"failing",
            r"accountab",
        ),
        _ASK,
        "ask whether governance, audit, scrutiny and early warning arrangements are strong enough",
        "ask how members will be kept informed and how performance will be reported",
    ),
    Function(
        "environment and transport",
        _cues(
            r"climate",
            r"environment",
            r"energy",
            r"carbon",
            r"emissions",
            r"\bwater\b",
            r"waste",
            r"transport",
        ),
        _NEED,
        "consider the effect on climate, environment, energy and transport plans",
        "ask how the change affects air quality, carbon targets and local travel",
    ),
    Function(
        "national policy",
        _cues(
            r"government",
            r"ministers?\b",
            r"legislation",
            r"\bbill\b",
            r"white paper",
            r"consultation",
            r"regulations?\b",
            r"dut(?:y|ies)\b",
            r"powers?\b",
            r"reforms?\b",
            r"proposals?\b",
            r"\bmps\b",
            r"committee",
            r"report",
        ),
        _NEED,
        "prepare for the change, brief members, respond to any consultation and note "
        "new duties or powers",
        "ask when the change takes effect, what it will cost and what guidance will follow",
    ),
)
# When a claim touches none of them: what it means for the council's services.
GENERAL = Function(
    "services",
    _cues(r"$^"),
    _ASK,
    "consider what this means for the council's services and residents",
    "ask which residents and services are affected and what it will cost",
)


def touched(text: str) -> list[tuple[int, Function]]:
    """The functions a text touches, with how many of their cue words it holds, most first
    (the order of FUNCTIONS breaks ties)."""
    found = [(len(f.cues.findall(text)), f) for f in FUNCTIONS]
    hits = [(n, f) for n, f in found if n]
    order = {f.name: i for i, f in enumerate(FUNCTIONS)}
    return sorted(hits, key=lambda pair: (-pair[0], order[pair[1].name]))
