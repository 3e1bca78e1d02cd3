"""Theme suggestions from an article's vocabulary: the library's own themes first, then new ones.

New themes come from a map of UK local-government topics, then from phrases the article keeps
using that a person would file under ("social capital", "legislative theatre"): never a name of a
person or a place (words the article always capitalises), nor anything from an address, a link
or a picture's file name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.assist.text import STOPWORDS, always_capitalised, stem, terms

# A small map of UK local-government topics and the words that signal them. Patterns are matched
# case-insensitively on word boundaries, except all-capital ones ("AI"), matched as written.
BUILT_IN: dict[str, tuple[str, ...]] = {
    "AI": (
        "AI",
        "artificial intelligence",
        "machine learning",
        "automation",
        "algorithm",
        "chatbot",
        "generative",
    ),
    "Digital and data": ("digital", "data", "technology", "software", "cyber", "online"),
    "Devolution": (
        "devolution",
        "devolved",
        "combined authority",
        "combined authorities",
        "metro mayor",
        "white paper",
        "strategic authority",
        "mayoral",
    ),
    "Local government reorganisation": (
        "reorganisation",
        "LGR",
        "unitary",
        "unitaries",
        "restructuring",
        "merger",
        "two-tier",
    ),
    "Democratic participation": (
        "participation",
        "participatory",
        "citizens' assembly",
        "citizens’ assemblies",
        "citizens' assemblies",
        "democratic innovation",
        "deliberative",
        "engagement",
        "co-creat",
        "legitimacy",
    ),
    "Councillors": (
        "councillor",
        "councillors",
        "elected members",
        "elected member",
        "ward member",
    ),
    "Finance and funding": (
        "budget",
        "funding",
        "austerity",
        "savings",
        "section 114",
        "underfunding",
        "council tax",
        "financial",
        "spending",
    ),
    "Intervention and improvement": (
        "intervention",
        "commissioners",
        "best value",
        "improvement",
        "audit",
        "inspection",
        "performance",
    ),
    "Crisis and resilience": (
        "crisis",
        "crises",
        "pandemic",
        "emergency",
        "resilience",
        "flood",
        "covid",
    ),
    "Social care": (
        "social care",
        "adult social care",
        "children's services",
        "social work",
        "safeguarding",
        "casework",
    ),
    "Workforce": ("staff", "workforce", "jobs", "recruit", "skills", "officers"),
    "Outsourcing and partnerships": (
        "outsourcing",
        "BPO",
        "contractor",
        "insourcing",
        "private sector",
        "procurement",
        "supplier",
        "vendor",
    ),
    "Housing and planning": ("housing", "homes", "planning", "homelessness", "landlord"),
    "Climate and environment": ("climate", "net zero", "carbon", "environment", "biodiversity"),
    "Health and wellbeing": ("public health", "wellbeing", "integrated care", "NHS"),
    "Equality and inclusion": (
        "equality",
        "diversity",
        "inclusion",
        "inclusive",
        "marginalised",
        "disadvantaged",
    ),
    "Central–local relations": (
        "central government",
        "centralised",
        "whitehall",
        "ministers",
        "national government",
        "vertical",
    ),
    "International comparison": (
        "europe",
        "european",
        "international",
        "comparative",
        "germany",
        "france",
        "czech",
        "sweden",
        "netherlands",
    ),
    "Elections": (
        "election",
        "elections",
        "electoral",
        "voters",
        "ballot",
        "polling",
        "turnout",
        "franchise",
    ),
    "Scrutiny": (
        "scrutiny",
        "scrutinise",
        "overview and scrutiny",
        "hold the executive to account",
        "select committee",
        "audit committee",
    ),
    "Community safety": (
        "crime",
        "policing",
        "police",
        "anti-social behaviour",
        "community safety",
        "robbery",
        "community support officers",
    ),
    "Education and SEND": (
        "SEND",
        "special educational needs",
        "special needs",
        "high needs",
        "schools",
        "education",
        "pupils",
    ),
    "Homelessness": (
        "homelessness",
        "homeless",
        "rough sleeping",
        "rough sleepers",
        "temporary accommodation",
    ),
}
_MIN_SCORE = 3.0
_LEAD_WEIGHT = 1.0  # words in the opening count twice
_PASSING = 0.5  # existing themes scoring under this share of the best one are not offered


@dataclass
class ThemeSuggestion:
    label: str
    theme_id: str = ""  # the key of an existing theme, or "" for a new one
    score: float = 0.0
    evidence: list[str] = field(default_factory=list)  # the words that matched, most frequent first

    @property
    def is_new(self) -> bool:
        return not self.theme_id


class _Words:
    """An article's words counted once, so each keyword is a look-up rather than a scan: a
    keyword matches as a word or its plural ("councillor", "councillors"), as the start of a
    word when it is a stem ("recruit", "co-creat"), as written when it is in capitals ("AI"),
    and as a phrase when it has several words ("combined authority")."""

    def __init__(self, text: str) -> None:
        self.lower = text.lower()
        self.tokens = Counter(re.findall(r"[a-z0-9][a-z0-9'’\-]*[a-z0-9]|[a-z0-9]", self.lower))
        self.capitals = Counter(re.findall(r"\b[A-Z]{2,}\b", text))

    def count(self, keyword: str, prefix: bool = False) -> int:
        if keyword.isupper():
            return self.capitals[keyword] + self.capitals[keyword + "S"]
        word = keyword.lower()
        if not re.fullmatch(r"[a-z0-9]+", word):
            return len(_phrase(word).findall(self.lower))
        if prefix or word.endswith(("creat", "recruit")):
            return sum(n for token, n in self.tokens.items() if token.startswith(word))
        return self.tokens[word] + self.tokens[word + "s"]


@lru_cache(maxsize=512)
def _phrase(keyword: str) -> re.Pattern[str]:
    tail = r"\w*" if keyword.endswith("-") else r"s?\b"
    return re.compile(r"\b" + re.escape(keyword) + tail)


def _count(text: _Words, keywords: list[tuple[str, bool]]) -> tuple[float, list[str]]:
    """A theme's score in the text from its keywords (each with whether it is a stem)."""
    hits = Counter({k: text.count(k, prefix) for k, prefix in keywords})
    hits = +hits  # drop zeros
    distinct = len(hits)
    # Many mentions of one word count less than fewer mentions of several related words.
    score = sum(min(n, 6) for n in hits.values()) + distinct
    return float(score), [k for k, _n in hits.most_common()]


_COMPILED = {label: [(k, False) for k in keys] for label, keys in BUILT_IN.items()}


def _related_built_in(label: str) -> str | None:
    """The built-in theme an existing label is about, if any ("Artificial intelligence" → "AI")."""
    lowered = label.lower()
    label_terms = set(terms(label))
    for name, keywords in BUILT_IN.items():
        if lowered == name.lower() or any(lowered == k.lower() for k in keywords):
            return name
        if label_terms and label_terms & set(terms(name)) - {"local", "government"}:
            return name
    return None


def _keyphrases(text: str) -> list[tuple[str, int]]:
    """Two-word phrases of content words that recur: "legislative theatre", "social capital".
    A phrase with a name in it (a word the article always capitalises: "Chris Game", "Richmond
    council"), a number or a piece of an address ("com", "www") is not a topic."""
    counts: Counter[tuple[str, str]] = Counter()
    forms: dict[tuple[str, str], str] = {}
    names = always_capitalised(re.split(r"(?<=[.!?])\s+|\n+", text))
    for chunk in re.split(r"[.,;:!?()“”\"‘’\n–—/@]", text):
        tokens = re.findall(r"[A-Za-z][A-Za-z\-]+", chunk)
        for a, b in zip(tokens, tokens[1:], strict=False):
            if (
                a.lower() in STOPWORDS
                or b.lower() in STOPWORDS
                or len(a) < 3
                or len(b) < 3
                or a.lower() in names
                or b.lower() in names
                or a.lower() in _NOT_TOPICS
                or b.lower() in _NOT_TOPICS
            ):
                continue
            key = (stem(a), stem(b))
            counts[key] += 1
            forms.setdefault(key, f"{a} {b}")
    return [(forms[k], n) for k, n in counts.most_common() if n >= 3]


# Words from the furniture of a page, not its subject.
_NOT_TOPIC_WORDS = """
com www http https html jpg jpeg png gif pdf image images photo picture credit credits website
click register tickets newsletter email twitter facebook instagram linkedin master blog post
read said says told added
"""
_NOT_TOPICS = frozenset(_NOT_TOPIC_WORDS.split())


def _opening(text: str) -> str:
    """The title and first paragraphs, where an article says what it is about."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n\n".join(paragraphs[:3])


def suggest_themes(
    text: str, themes: dict[str, str] | None = None, limit: int = 5
) -> list[ThemeSuggestion]:
    """Existing themes (id → label) whose vocabulary the text uses, best first; then new themes
    from the built-in map; then recurring key phrases. Suggestions only: nothing is assigned."""
    themes = themes or {}
    opening = _Words(_opening(text))
    words = _Words(text)
    out: list[ThemeSuggestion] = []
    covered: set[str] = set()
    existing: list[ThemeSuggestion] = []
    for theme_id, label in themes.items():
        related = _related_built_in(label)
        keywords = [(label, False)] + [
            (t, True) for t in terms(label) if t not in ("local", "government", "council")
        ]
        if related:
            keywords += _COMPILED[related]
            covered.add(related)
        score, evidence = _count(words, keywords)
        score += _LEAD_WEIGHT * _count(opening, keywords)[0]
        if score >= _MIN_SCORE:
            existing.append(ThemeSuggestion(label, theme_id, score, evidence[:5]))
    existing.sort(key=lambda s: -s.score)
    # A theme used far less than the article's main one is a passing mention, not its subject.
    out.extend(s for s in existing if s.score >= _PASSING * existing[0].score)
    labels = {s.label.lower() for s in out}
    new: list[ThemeSuggestion] = []
    for name, keywords in _COMPILED.items():
        if name in covered or name.lower() in labels:
            continue
        score, evidence = _count(words, keywords)
        if score >= _MIN_SCORE + 1:
            new.append(ThemeSuggestion(name, "", score, evidence[:5]))
    new.sort(key=lambda s: -s.score)
    out.extend(new)
    if len(out) < limit:
        known = " ".join(k.lower() for s in out for k in [s.label, *s.evidence])
        for phrase, n in _keyphrases(text):
            if phrase.lower() in known or any(w.lower() in known.split() for w in phrase.split()):
                continue
            out.append(
                ThemeSuggestion(phrase[:1].upper() + phrase[1:].lower(), "", float(n), [phrase])
            )
            known += " " + phrase.lower()
            if len(out) >= limit:
                break
    return out[:limit]
