"""Shorter sentences for a draft summary, so that more of an article's points fit in its words.

A sentence loses only what attributes, describes or pads: a trailing attribution (", said the
council's leader", ", according to the survey"), one in the middle (", they argue,"), a bio set
beside a name ("Jo Bloggs, leader of the council, said" → "Jo Bloggs said"), an aside in
brackets or between dashes that holds no figure or name, a describing clause (", which …,")
whose main clause goes on after it, an opening connective ("However,", "In addition,", "That
is why") and padding ("in order to" → "to", "It is worth noting that …"). Reported speech that
quotes a phrase of two words at most ("… at “reasonable levels”, the minister says") loses the
quotation marks and keeps who said it. Each cut is kept only when what is
left still reads as a sentence: it starts with a capital, ends as the sentence did, keeps its
brackets and quotation marks in pairs and keeps most of its words. Nothing is reworded and no
subject is taken away: a cut never starts a sentence or removes a sentence's only named actor.
Rules only: deterministic and fast (a few microseconds a sentence).
"""

from __future__ import annotations

import re
from functools import lru_cache

_NAME = r"(?:[A-Z][\w’'\-]+)"
# English reporting verbs, past and present ("…, the minister has acknowledged.").
_SPEAKER_VERBS = (
    r"(?:said|says|added|adds|argued|argues|warned|warns|claimed|claims|explained|explains|"
    r"noted|notes|believes|acknowledged|acknowledges|admitted|admits|stated|states|insisted|"
    r"insists|confirmed|confirms|announced|announces|stressed|stresses|maintained|maintains|"
    r"conceded|concedes|suggested|revealed|reveals|predicted|predicts|estimated|estimates)"
)
# ", said housing minister Jo Bloggs." / ", said Jo Bloggs, the council's leader." /
# ", a spokesperson said." / ", it said." / ", according to the report."
_TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?:"
    # said housing minister Jo Bloggs (, the council's leader)
    rf"{_SPEAKER_VERBS}\s+(?:[a-z][\w’'\-]*\s+){{0,5}}{_NAME}(?:\s+{_NAME})*"
    r"(?:,\s+(?:the|a|an)\s+[^,.;:!?“”\"]{2,60})?"
    # a council spokesperson said / it said / Ms Bloggs added
    rf"|(?:he|she|they|it|we|(?:the|a|an|its|their|{_NAME})(?:\s+[\w’'\-]+){{0,7}}?)"
    rf"\s+{_SPEAKER_VERBS}"
    r"|according to\s+[^,.;:!?“”\"]{2,70}"
    r")(?P<end>[.!?])$"
)
# "The UK, they argue, could …" / "Costs, the report says, will …"
_MIDDLE_ATTRIBUTION = re.compile(
    rf",\s+(?:he|she|they|it|we|the [a-z]+(?: [a-z]+)?|{_NAME}(?: {_NAME})?)\s+"
    rf"(?:{_SPEAKER_VERBS}|argue|say|believe|suggest|suggests|think|thinks),\s+"
)
# "According to the survey, …" at the start.
_OPENING_ATTRIBUTION = re.compile(r"^According to [^,]{2,70},\s+")
# A connective that only ties the sentence to the one before, and adds nothing on its own.
_OPENING_CONNECTIVE = re.compile(
    r"^(?:(?:However|In addition|Additionally|Moreover|Furthermore|Meanwhile|Indeed|"
    r"Nevertheless|Nonetheless|Importantly|Crucially|Significantly|Notably|Interestingly|"
    r"Of course|In fact|Also|What is more|At the same time),\s+|(?:But|And)\s+(?=[a-z£\d])|"
    r"(?:That|This) is why\s+|(?:That|This)[’']s why\s+)"
)
# A phrase of three words at most in quotation marks, in a sentence that says who said it:
# reported speech with a phrase quoted ("…set taxes at “reasonable levels”, the minister says").
_QUOTED_PHRASE = re.compile(r"(?<![\w])[“\"‘]((?:[\w’'\-]+ ?){1,2})[”\"’](?![\w])")
# (Only verbs that cannot describe a thing: "the “full” sum announced" is no reported speech.)
_REPORTED = re.compile(
    r"\b(?:said|says|added|argued|argues|warned|claimed|explained|noted|believes|say|warn|warns)\b"
)
_PADDING = (
    (re.compile(r"\b(?:in order|so as) to\b"), "to"),
    (
        re.compile(
            r"^It (?:is|was) (?:worth noting|important to note|notable|clear|"
            r"interesting to note) that\s+"
        ),
        "",
    ),
)
# "Jo Bloggs, leader of the council, said …" / "Jo Bloggs, of Torfaen, said …": the bio goes,
# the name stays.
_ROLE = (
    r"(?:leader|deputy leader|chief executive|director|chair|chairman|chairwoman|head|"
    r"spokes(?:man|woman|person)|minister|secretary|member|mayor|councillor|cabinet member|"
    r"professor|lecturer|economist|correspondent|founder|president|officer|manager|editor|"
    r"author|analyst|researcher|fellow|partner|adviser|advisor|portfolio holder|lead member)"
)
_APPOSITIVE_BIO = re.compile(
    rf"(?P<name>\b{_NAME}(?:\s+{_NAME})+),\s+(?:"
    rf"(?:the\s+|a\s+|an\s+)?(?:[\w’'\-]+\s+){{0,4}}?{_ROLE}\b[^,;:“”\"]{{0,70}}"
    rf"|of\s+{_NAME}(?:\s+{_NAME}){{0,3}}"
    r"),\s+(?=[a-z])"
)
# ", which was set up in 2019, has …": a clause that only describes, the main clause going on.
_DESCRIBING_CLAUSE = re.compile(r"(?<=[a-z\d)]),\s+(?:which|who)\s+[^,;:“”\"()]{3,80},\s+(?=[a-z])")
# An aside that holds no figure and no name: "(one day perhaps)", "(see below)", "(p7)".
_ASIDE = re.compile(
    r"\s*\((?:pp?\.?\s*\d+(?:[–\-]\d+)?|see [^()]{1,40}|[a-z][a-z ,’'\-]{0,50})\)(?=[\s,.;:!?])"
)
_DASH_ASIDE = re.compile(r"\s+[–—-]\s+(?P<aside>[a-z][^–—\-\d“”\"()]{2,70}?)\s+[–—-]\s+")
_END = ("…", ".", "!", "?")


@lru_cache(maxsize=4096)
def shorten(sentence: str) -> str:
    """The sentence with its attributions, bios, asides, describing clauses, opening
    connective and padding taken out, each only where what is left still reads; the sentence
    itself when nothing can go."""
    text = " ".join(sentence.split())
    unquoted = _unquote(text)
    if unquoted != text and _reads(unquoted, text):
        text = unquoted  # who said it stays, so the words stay theirs
    for cut in (
        _cut_attribution if text == " ".join(sentence.split()) else _unchanged,
        _cut_bio,
        _cut_clause,
        _cut_aside,
        _cut_opening,
        _cut_padding,
    ):
        shorter = cut(text)
        if shorter != text and _reads(shorter, text):
            text = shorter
    if len(text.split()) < 0.4 * len(sentence.split()):
        return " ".join(sentence.split())
    return text


def dropped_names(sentence: str, shortened: str) -> set[str]:
    """The capitalised words (names) inside the sentence that its shortened form leaves out."""
    kept = set(re.findall(r"[\w’'\-]+", shortened))
    inside = re.findall(r"(?<=\s)[A-Z][\w’'\-]+", sentence)
    return {w for w in inside if w not in kept}


def _unquote(text: str) -> str:
    """Reported speech that quotes a phrase of three words or fewer, without the quotation
    marks; any other text as it is."""
    phrases = _QUOTED_PHRASE.findall(text)
    if not phrases or not _REPORTED.search(text):
        return text
    plain = _QUOTED_PHRASE.sub(lambda m: m.group(1).strip(), text)
    return text if re.search(r"[“”\"]", plain) else plain


def _unchanged(text: str) -> str:
    return text


def _cut_attribution(text: str) -> str:
    text = _TRAILING_ATTRIBUTION.sub(lambda m: m.group("end"), text)
    text = _MIDDLE_ATTRIBUTION.sub(" ", text)
    return _capital(_OPENING_ATTRIBUTION.sub("", text))


def _cut_bio(text: str) -> str:
    return _APPOSITIVE_BIO.sub(lambda m: m.group("name") + " ", text)


def _cut_clause(text: str) -> str:
    return _DESCRIBING_CLAUSE.sub(" ", text)


def _cut_aside(text: str) -> str:
    text = _ASIDE.sub("", text)
    return _DASH_ASIDE.sub(" ", text)


def _cut_opening(text: str) -> str:
    return _capital(_OPENING_CONNECTIVE.sub("", text))


def _cut_padding(text: str) -> str:
    for pattern, replacement in _PADDING:
        text = pattern.sub(replacement, text)
    return _capital(text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _reads(shorter: str, before: str) -> bool:
    """What is left still reads as a sentence: a capital first, the same ending, pairs of
    brackets and quotation marks kept whole, and at least five words."""
    return (shorter[:1].isupper() or shorter[:1] in "£$€" or shorter[:1].isdigit()) and (
        shorter.rstrip("”’\"')").endswith(_END) == before.rstrip("”’\"')").endswith(_END)
        and shorter.count("(") == shorter.count(")")
        and shorter.count("“") == shorter.count("”")
        and shorter.count('"') % 2 == 0
        and len(shorter.split()) >= 5
    )
