"""Candidate "implications for UK local government" points, from the article's own words or
drafted from its key claims in the form officers write.

In order: the article's own "Implications for …" list, in its order (leaving room for one
draft); then sentences that recommend something or draw a consequence or a risk for councils
("Councils should …", "… will need to …"), shortened where they can be; then draft points built
from its key claims, each matched to the council function it touches (functions.py: "Members may
wish to ask what this means for the budget, reserves …: <claim>"; a second claim on the same
function gets its second question), marked as a draft and shown
with the sentence it came from. Sentences that only describe a source, speak to residents, or
quote someone are not offered as they stand. Points like the ones the officer has accepted
before (given as `accepted`: the open pack's and the library's, kept on the user's own machine)
rank higher, and drafts open the way the officer's own points usually open.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.assist.functions import GENERAL, Function, touched
from briefing.assist.shorten import shorten as cut
from briefing.assist.summary import Picked, summarise
from briefing.assist.text import (
    Unit,
    always_capitalised,
    cached_units,
    centrality,
    cosine,
    generics_named,
    is_quote,
    is_remark,
    is_unofferable,
    needs_previous,
    paragraph_numbers,
    refers_back,
    split_sentences,
    tfidf_vectors,
    words,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

_SECTION = re.compile(
    r"^(?:implications?|what (?:this|it) means|lessons?|recommendations?|what (?:councils|members|"
    r"local government) (?:should|can|need)|key (?:points|messages|lessons)|conclusions?|"
    r"so what|next steps)\b",
    re.IGNORECASE,
)
_SIGNALS = {
    r"\bshould\b": 2.0,
    r"\bneed(?:s)? to\b": 2.0,
    r"\bmust\b(?! have)": 2.0,
    r"\bought to\b": 1.5,
    r"\bcouncils?\b": 1.0,
    r"\blocal government\b": 1.0,
    r"\blocal authorit(?:y|ies)\b": 1.0,
    r"\bcouncillors?\b": 0.8,
    r"\brisks?\b": 1.0,
    r"\bcosts?\b": 0.6,
    r"\binvest": 0.8,
    r"\breform": 0.6,
    r"\bimplications?\b": 0.8,
    r"\bmembers\b": 0.5,
    r"\bpolicy\b": 0.5,
    r"\brecommend": 1.2,
    r"\bimportant\b": 0.6,
    r"\bensur": 0.8,
    r"\bsupport\b": 0.4,
    r"\bUK\b": 0.5,
    r"\bgovernment\b": 0.4,
    r"\bresponsib": 0.5,
    r"\bcritical": 0.6,
    r"\bwill (?:need|have) to\b": 1.5,
    r"\bexposed\b|\bvulnerable\b|\bthreat": 0.8,
    r"\bduty\b|\bobligation\b|\bpowers?\b": 0.6,
}
_LEADING = re.compile(
    r"^(?:however|but|and|so|yet|thus|therefore|ultimately|of course|in fact|indeed|"
    r"in addition|meanwhile|in the meantime|at the same time|furthermore|"
    r"crucially|importantly|moreover|also|instead|rather|in other words|as a result|"
    r"[a-z]+ly,)\s*,?\s+(?!of\b|than\b)",
    re.IGNORECASE,
)
_MAX_WORDS = 40
# Sentences that describe what a source says rather than what follows for councils.
_DESCRIPTION = re.compile(
    r"^(?:in (?:their|his|her|its|the|a|this|that) (?:recent |new |latest )?(?:report|paper|book|"
    r"article|study|blog|chapter|review|research)|(?:the|this|that|a) (?:recent |new )?(?:report|"
    r"paper|book|authors?|study|article|blog|post|piece|editors?|chapter|research)\b)|"
    r"\bmakes? the case\b|\b(?:argues?|argued|claims?|claimed|contends?|describes?|described)"
    r" that\b|\b(?:sets? out|explores?|examines?|looks at|reports? on)\b|"
    r"\b(?:chaired|chairs|hosted|hosts|convened|held|organised|ran) (?:a|an|the|its|our) "
    r"(?:\w+ )?(?:round[- ]?table|session|event|webinar|seminar|conference|workshop|panel)\b",
    re.IGNORECASE,
)
# A recommendation, a consequence or a risk drawn for councils.
_RECOMMENDS = re.compile(
    r"\b(?:should|must(?! have)|ought to|needs? to|will (?:need|have) to|"
    r"(?:is|are) (?:vital|essential|important|crucial|critical|key) (?:that|to|for)|"
    r"recommends?|recommended that|urged?s? (?:councils|ministers|the government)|"
    r"means that|lessons? for|implications? for|(?:poses?|posing) (?:a )?risks?|at risk|"
    r"leaves? (?:them|councils) exposed|particularly vulnerable)\b",
    re.IGNORECASE,
)
# Advice to residents or readers is not an implication for the council.
_TO_RESIDENTS = re.compile(
    r"^(?:residents|you|people|readers|parents) (?:should|must|need to|can)\b|"
    r"\bI would ask (?:residents|people|you)\b|^if you\b|\byou should\b",
    re.IGNORECASE,
)
# A claim a draft point can be built on says something about councils, money or policy.
_FOR_COUNCILS = re.compile(
    r"\b(?:council|councils|local (?:government|authorit(?:y|ies))|"
    r"councillors?|public services?|municipal\w*|boroughs?|mayors?)\b",
    re.IGNORECASE,
)
# What a draft is about: councils and their services, policy or money.
_POLICY_OR_MONEY = re.compile(
    r"\b(?:polic(?:y|ies)|government|ministers?|parliament|legislation|law|duty|duties|"
    r"funding|funded|budgets?|money|spending|spend|costs?|grants?|tax(?:es)?|bills?|"
    r"services?|residents|housing|schools?|care|transport|plan(?:s|ning)?|population|"
    r"communit(?:y|ies)|public|economy|health|jobs)\b|£\s?\d",
    re.IGNORECASE,
)
# A name with "Council" inside it that is not a council's own ("the Council House", "Council
# Chamber"): it makes nothing about councils.
_COUNCIL_IN_NAME = re.compile(
    r"\b(?:Council|Borough|Mayor)(?:['’]s)?(?:\s+(?!(?:Tax|Council|Borough)\b)[A-Z][\w’'-]*)+"
)
# A clause that starts like this cannot stand alone as a point.
# A claim in the first or second person ("we heard", "you'll hear") or reported speech ("X said
# the report …") is someone's voice, not a claim a council can act on.
_PERSONAL = re.compile(r"\b(?:I|we|our|us|you|your|you['’]ll)\b|\b(?:said|says)\b", re.IGNORECASE)
_SUBORDINATE = re.compile(
    r"^(?:while|whilst|although|though|if|as|when|because|since|unless|"
    r"whereas|where|which)\b",
    re.IGNORECASE,
)
# "…, a think tank says." / ", MPs have warned." / "X said" around a claim (not ", X said it was
# vital …": what was said comes after the verb).
_ATTRIBUTION_TAIL = re.compile(
    r",\s*(?:[^,]{0,70}?\s)?(?:says?|said|warn(?:s|ed)?|have warned|has warned|found|has found|"
    r"argues?|argued|claims?|claimed|has learned|reports?|reported|added)\s*"
    r"(?:(?!\b(?:is|was|were|are|be|would|will|could|should|had|has|have)\b)[^,]){0,40}[.!]?$"
)
_ATTRIBUTION_HEAD = re.compile(
    r"^(?:according to [^,]{3,60},\s*|[^,]{3,60}\bsays? that\s+)", re.IGNORECASE
)
_OFFICER_OPENING = re.compile(
    r"^((?:the )?(?:councils?|members|officers|cabinet|the council|we|local authorities)\s+"
    r"(?:may|might|should|could|will|must|need to)(?:\s+(?:wish|need|want) to)?)\b",
    re.IGNORECASE,
)


# A recommendation as people say it, turned into the form an officer writes.
_VITAL = re.compile(
    r"\b(?:it is|it's|it’s|it was|it will be) (?:vital|essential|important|crucial|critical|key)"
    r" (?:that )?(?:(?:we|councils|local authorities|local government|the council) )?"
    r"(?:to )?(?P<vp>(?:start|plan|make|build|invest|work|ensure|keep|find|take|give|look|"
    r"share|use|help|protect|develop|improve|review|reduce|set|put|focus|think|learn|"
    r"understand|engage|involve|support|prepare|act|move)\b[^.;!?]*)",
    re.IGNORECASE,
)
_WE_MUST = re.compile(
    r"\b(?P<who>we|councils|local authorities|the council|local government|authorities|members|"
    r"councillors|local leaders)\s+(?:will\s+)?(?:need to|must|should|have to|ought to)\s+"
    r"(?P<vp>(?!be\b)[a-z][^.;!?]*)",
    re.IGNORECASE,
)
_THEY_MUST = re.compile(
    r"\b(?P<who>(?:the )?government|ministers|the treasury|whitehall|the home office|"
    r"the department for [a-z]+|the mayor(?: of london)?)\s+(?:should|must|needs? to|ought to)\s+"
    r"(?P<vp>[a-z][^.;!?]*)",
    re.IGNORECASE,
)
# An action that ends on "it", "this" or "them" leans on what the sentences before it said.
_ENDS_ON_PRONOUN = re.compile(r"\b(?:it|this|that|them|these|those|so)\W*$", re.IGNORECASE)
_OURS = {"we": "they", "our": "their", "us": "them", "ours": "theirs", "ourselves": "themselves"}


def officer_form(sentence: str, opening: str = "") -> str:
    """A recommendation in the article ("It is vital that we start now to plan …", "Councils
    need to …", "The government should …") as an officer writes it ("Councils may need to
    start now to plan …", "Members may wish to press the government to …"); "" when the sentence
    recommends nothing."""
    text = re.sub(r"[“”\"]", "", sentence).strip()
    for pattern, default in ((_VITAL, "Councils may need to"), (_WE_MUST, "Councils may need to")):
        match = pattern.search(text)
        if match and not re.match(
            r"\w+ to\b", match.group("vp")
        ):  # "decisions we need to make to …"
            action = _action(match.group("vp"))
            if _ENDS_ON_PRONOUN.search(action):
                return ""  # "… ask why they are doing it": what "it" is was said before
            who = match.groupdict().get("who") or ""
            lead = "Members may wish to" if who.lower() in ("members", "councillors") else default
            return _finish(f"{opening or lead} {_theirs(action)}")
    match = _THEY_MUST.search(text)
    if match:
        who = match.group("who")
        if who.lower().startswith("the "):
            who = "the " + who[4:]
        return _finish(f"Members may wish to press {who} to {_theirs(_action(match.group('vp')))}")
    return ""


def _action(phrase: str) -> str:
    """What is to be done, without "also" in front or who said it behind."""
    phrase = re.sub(r"^(?:also|now|therefore|still|really)\s+", "", phrase.strip(), flags=re.I)
    tail = _ATTRIBUTION_TAIL.search(phrase)
    if tail and len(words(phrase[: tail.start()])) >= 4:
        phrase = phrase[: tail.start()]
    return phrase


def _theirs(phrase: str) -> str:
    return re.sub(
        r"\b(we|our|us|ours|ourselves)\b",
        lambda m: _OURS[m.group(1).lower()],
        phrase.strip(),
        flags=re.IGNORECASE,
    )


def _finish(point: str) -> str:
    point = " ".join(point.split()).rstrip(" ,;:—–-")
    return point + "."


@dataclass(frozen=True)
class Suggestion:
    """One candidate point, with where it came from."""

    text: str  # the point as offered (shortened, or drafted in officers' form)
    context: str  # the sentence before, the sentence itself and the one after, as written
    from_list: bool  # True when it is one of the article's own implication points
    draft: bool = False  # True when it is drafted from a claim, not the article's own words
    source: str = ""  # the article's sentence the point was taken or drafted from
    paragraph: int = 0  # the paragraph that sentence stands in, counted from 1
    reason: str = ""  # why it was offered, in a few words


def candidate_implications(text: str, limit: int = 5) -> list[str]:
    """The points of `suggest_implications`, as text."""
    return [s.text for s in suggest_implications(text, limit)]


def suggest_implications(
    text: str, limit: int = 5, accepted: Sequence[str] = (), standfirst: str = ""
) -> list[Suggestion]:
    """Up to `limit` points: the article's own implications list first (in its order), then
    sentences that recommend, draw consequences or name risks, best first (policy signals such as
    "should", "need to", "councils", "risk", how central the sentence is, and how like the
    officer's `accepted` points it is), then draft points from the article's key claims, so
    that an article that only describes still gets points to start from."""
    all_units = cached_units(text)
    numbers = paragraph_numbers(all_units)
    section = _section(all_units)
    in_section = {u.index for u in section}
    out: list[Suggestion] = []

    def offer(suggestion: Suggestion) -> None:
        if len(out) < limit and suggestion.text not in (s.text for s in out):
            out.append(suggestion)

    own = [u for u in section if _usable(u, in_list=True) and _stands_alone(u)]
    if own:
        central = centrality(tfidf_vectors([u.text for u in own]))
        best = sorted(
            range(len(own)),
            key=lambda i: (
                -(
                    _signal(own[i].text)
                    + 2.0 * central[i]
                    + (1.0 if _RECOMMENDS.search(own[i].text) else 0.0)
                ),
                i,
            ),
        )[: max(limit - 1, 1)]
        for i in sorted(best):  # the article's own points, in its order
            offer(_taken(own[i], all_units, numbers, "From the article's own implications"))
    rest = [
        u
        for u in all_units
        if u.index not in in_section
        and _usable(u)
        and not u.bullet
        and _RECOMMENDS.search(u.text)
        and not _DESCRIPTION.search(u.text)
        and not _TO_RESIDENTS.search(u.text)
        and _stands_alone(u)
    ]
    like = _likeness([u.text for u in rest], accepted)
    ranked = []
    if rest:
        central = centrality(tfidf_vectors([u.text for u in rest]))
        for position, unit in enumerate(rest):
            signal = _signal(unit.text)
            if signal < 2.0:
                continue
            length_penalty = 0.8 if len(words(unit.text)) > _MAX_WORDS else 1.0
            score = (signal + 2.0 * central[position] + 3.0 * like[position]) * length_penalty
            ranked.append((score, unit.index, unit))
        ranked.sort(key=lambda item: (-item[0], item[1]))
    # The article's own recommendations first, leaving room for drafts: recommendations it
    # quotes or puts another way, turned into officers' form, and points from its key claims.
    room = max(limit - len(out) - 2, 1)
    for _score, _index, unit in ranked[:room]:
        offer(_taken(unit, all_units, numbers, "A recommendation or risk stated in the article"))
    recast = _recast(all_units, numbers, accepted, taken={s.source for s in out})
    for suggestion in recast[:1]:
        offer(suggestion)
    asked: Counter[str] = Counter()
    for suggestion in _drafts(text, accepted, {s.source for s in out}, standfirst, asked):
        offer(suggestion)
    for _score, _index, unit in ranked[room:]:
        offer(_taken(unit, all_units, numbers, "A recommendation or risk stated in the article"))
    for suggestion in recast[1:]:
        offer(suggestion)
    if len(out) < limit:  # too few: drafts from the article's other claims, most central first
        taken = {s.source for s in out}
        for suggestion in _drafts(text, accepted, taken, standfirst, asked, wider=True):
            offer(suggestion)
    return out


def _recast(
    all_units: tuple[Unit, ...], numbers: dict[int, int], accepted: Sequence[str], taken: set[str]
) -> list[Suggestion]:
    """Recommendations the article quotes or makes in passing, as an officer would put them:
    drafts, each with the sentence it came from. Best first: most policy signals, then most
    like the officer's own points, then earliest."""
    found: list[tuple[float, int, Suggestion]] = []
    opening = _usual_opening(accepted)
    for unit in all_units:
        if unit.heading or unit.back_matter or unit.text in taken or is_unofferable(unit.text):
            continue
        point = officer_form(unit.text, opening)
        if (
            not point
            or not 6 <= len(words(point)) <= 60
            or _TO_RESIDENTS.search(unit.text)
            or is_quote(point)
            or not makes_claim(unit.text)
        ):
            continue
        paragraph = numbers.get(unit.paragraph, 0)
        said = "a quotation" if unit.quoted or is_quote(unit.text) else "the article"
        found.append(
            (
                _signal(unit.text),
                unit.index,
                Suggestion(
                    point,
                    _context(all_units, unit),
                    False,
                    draft=True,
                    source=unit.text,
                    paragraph=paragraph,
                    reason=f"Draft: a recommendation in {said} (paragraph {paragraph}), in officers' "
                    "form; check it before use",
                ),
            )
        )
    like = _likeness([f[2].text for f in found], accepted)
    order = sorted(range(len(found)), key=lambda i: (-(found[i][0] + 3.0 * like[i]), found[i][1]))
    return [found[i][2] for i in order]


def _drafts(
    text: str,
    accepted: Sequence[str],
    taken: set[str],
    standfirst: str = "",
    used: Counter[str] | None = None,
    wider: bool = False,
) -> list[Suggestion]:
    """Draft points in officers' form from the sentences a summary would offer: the claims the
    article turns on. With `wider`, from the article's other sentences, most central first
    (to fill the points when the summary's claims gave too few). `used` counts the questions
    already asked of each council function."""
    opening = _usual_opening(accepted)
    claims = [
        p for p in summarise(text, 240, standfirst).sentences if (p.source or p.text) not in taken
    ]
    all_units = cached_units(text)
    names = always_capitalised([u.text for u in all_units])
    ambiguous = generics_named([u.text for u in all_units])
    like = _likeness([p.text for p in claims], accepted)
    bearing = [min(sum(n for n, _f in touched(c.text)), 3) for c in claims]
    order = sorted(range(len(claims)), key=lambda i: (-like[i], -bearing[i], i))
    if wider:
        claims, order = _other_claims(all_units, taken | {p.source or p.text for p in claims})
    used = Counter() if used is None else used
    out = []
    for i in order:
        claim = claims[i]
        core = _claim(claim.text, names)
        if (
            len(words(core)) < 6
            or _TO_RESIDENTS.search(core)
            or needs_previous(core)
            or refers_back(core, ambiguous)
            or is_quote(core)
            or core.endswith("?")
            or _DESCRIPTION.search(core)
            or _PERSONAL.search(core)
            or not makes_claim(core, for_councils=True)
            or len(split_sentences(core)) > 1  # a list item holding "… . This will …"
        ):
            continue  # not a claim a council could act on
        function = _function_for(core, used)
        # A second claim on a function already asked about gets the function's second question.
        lead, ask = function.question(used[function.name])
        used[function.name] += 1
        point = f"{opening or lead} {ask}: {core}."
        where = "the standfirst" if claim.paragraph == 0 else f"paragraph {claim.paragraph}"
        out.append(
            Suggestion(
                point,
                claim.source or claim.text,
                False,
                draft=True,
                source=claim.source or claim.text,
                paragraph=claim.paragraph,
                reason=f"Draft from the key claim in {where}, on {function.name}; "
                "check it before use",
            )
        )
    return out


def makes_claim(sentence: str, for_councils: bool = False) -> bool:
    """Whether a draft can be built on the sentence: it says something about councils, their
    services, policy or money (with `for_councils`, about councils or a council function), and
    is not a remark or an aside ("Yes, there are loads of large buildings – the Council House
    …, etc."). Words inside a name other than a council's ("the Council House") do not count."""
    if is_remark(sentence):
        return False
    bare = _COUNCIL_IN_NAME.sub("", sentence)
    if touched(bare) or _FOR_COUNCILS.search(bare):
        return True
    return not for_councils and bool(_POLICY_OR_MONEY.search(bare))


def _other_claims(all_units: tuple[Unit, ...], taken: set[str]) -> tuple[list[Picked], list[int]]:
    """The article's sentences outside `taken` that a point could be drafted from, shortened
    as a summary shows them, and their order: most central first."""
    numbers = paragraph_numbers(all_units)
    units = [u for u in all_units if u.text not in taken and _usable(u) and not u.bullet]
    claims = [Picked(cut(u.text), numbers.get(u.paragraph, 0), "", u.text) for u in units]
    central = centrality(tfidf_vectors([u.text for u in units])) if units else []
    return claims, sorted(range(len(claims)), key=lambda i: (-central[i], i))


def _function_for(claim: str, used: Counter[str]) -> Function:
    """The council function a claim touches most that no earlier draft spoke to; failing that,
    one asked about only once (its second question is still unasked); failing that, the
    council's services, while their two questions last; failing that, the one it touches most."""
    functions = [f for _n, f in touched(claim)]
    fresh = [f for f in functions if not used[f.name]]
    once = [f for f in functions if used[f.name] == 1]
    general = [GENERAL] if used[GENERAL.name] < 2 else []
    return (fresh or once or general or functions or [GENERAL])[0]


def _claim(sentence: str, names: set[str]) -> str:
    """A claim with who said it dropped and its first letter lowered (unless it is a name or
    an acronym), ready to follow a colon: "Councils in inner London are set to lose funding, a
    think tank says." → "councils in inner London are set to lose funding"."""
    core = sentence.strip().rstrip(".!")
    tail = _ATTRIBUTION_TAIL.search(core)
    if tail and len(words(core[: tail.start()])) >= 6:
        core = core[: tail.start()]
    core = _ATTRIBUTION_HEAD.sub("", core)
    head, colon, after = core.partition(": ")
    if colon and len(words(head)) <= 10 and len(words(after)) >= 6:
        core = after  # "There was also a warning about timing: councils facing …"
    while _LEADING.match(core):
        core = _LEADING.sub("", core, count=1)
    first, _space, rest = core.partition(" ")
    if (
        first[:1].isupper()
        and (len(first) == 1 or not first[1:2].isupper())
        and first.lower().strip("“‘\"'") not in names
        and not rest[:1].isupper()
    ):
        core = core[:1].lower() + core[1:]
    return core.rstrip(" ,;:")


def _usual_opening(accepted: Sequence[str]) -> str:
    """How the officer's own points usually open ("Members may wish to"), when at least two of
    them open the same way; "" otherwise."""
    openings: Counter[str] = Counter()
    for point in accepted:
        match = _OFFICER_OPENING.match(point.strip())
        if match:
            opening = " ".join(match.group(1).split())
            openings[opening[:1].upper() + opening[1:]] += 1
    if not openings:
        return ""
    opening, count = openings.most_common(1)[0]
    return opening if count >= 2 else ""


def _likeness(texts: list[str], accepted: Sequence[str]) -> list[float]:
    """How like the officer's accepted points each text is (the best cosine, 0 to 1)."""
    if not accepted or not texts:
        return [0.0] * len(texts)
    vectors = tfidf_vectors([*texts, *accepted])
    mine, theirs = vectors[: len(texts)], vectors[len(texts) :]
    return [max(cosine(v, a) for a in theirs) for v in mine]


def _signal(text: str) -> float:
    return sum(weight for pattern, weight in _SIGNALS.items() if re.search(pattern, text))


def _section(all_units: tuple[Unit, ...]) -> list[Unit]:
    """The units under an "Implications …" heading, up to the next heading."""
    for position, unit in enumerate(all_units):
        if unit.heading and _SECTION.match(unit.text):
            inside: list[Unit] = []
            for following in all_units[position + 1 :]:
                if following.heading and len(inside) >= 2:
                    break
                inside.append(following)
            return inside
    return []


def _taken(
    unit: Unit, all_units: tuple[Unit, ...], numbers: dict[int, int], reason: str
) -> Suggestion:
    paragraph = numbers.get(unit.paragraph, 0)
    return Suggestion(
        shorten(unit.text),
        _context(all_units, unit),
        reason.startswith("From the article's own"),
        source=unit.text,
        paragraph=paragraph,
        reason=f"{reason} (paragraph {paragraph})",
    )


def shorten(text: str) -> str:
    """Drop a leading "However," or "But", and cut an over-long sentence at a clause break."""
    text = text.strip()
    while _LEADING.match(text):  # "And, ominously, the …"
        text = _LEADING.sub("", text, count=1)
    head, colon, tail = text.partition(": ")
    if colon and len(words(head)) <= 10 and len(words(tail)) >= 8:
        text = tail  # "For the UK, the message may be this: councils need to …"
    text = text[:1].upper() + text[1:]
    if len(words(text)) > _MAX_WORDS:
        for mark in ("; ", " – ", " — "):
            head = text.split(mark, 1)[0]
            if (
                mark in text
                and 8 <= len(words(head)) <= _MAX_WORDS
                and not _SUBORDINATE.match(head)
            ):
                return head.rstrip(",:") + "."
    return text


def _stands_alone(unit: Unit) -> bool:
    """Reads on its own once a leading "However," or "But" is dropped ("It does …" does not),
    and is not a quotation once shortened."""
    short = shorten(unit.text)
    return not needs_previous(short) and not is_quote(short)


def _usable(unit: Unit, in_list: bool = False) -> bool:
    n = len(words(unit.text))
    shortest = (3 if in_list else 6) if unit.bullet else 8
    return (
        not unit.heading
        and not unit.back_matter
        and not unit.quoted
        and shortest <= n <= 70
        and not is_quote(unit.text)
        and not is_unofferable(unit.text)
        and not is_remark(unit.text)
        and not unit.text.endswith(("?", ":"))
    )


def _context(all_units: tuple[Unit, ...], unit: Unit) -> str:
    """The sentence with its neighbours in the same paragraph, as the article has them."""
    around = [
        u
        for u in all_units[max(0, unit.index - 1) : unit.index + 2]
        if u.paragraph == unit.paragraph and not u.heading
    ]
    return " ".join(u.text for u in around)
