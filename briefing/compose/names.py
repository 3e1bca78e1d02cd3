"""People's names in citations: given and family name, particles, initials and sort order.

A family name keeps its particles ("ap Gwŷn", "Ní Bhriain", "van der Berg", "de la Fontaine",
"von Trapp", "al-Sayed", "bin Salman"), so "Dafydd ap Gwŷn" is cited "ap Gwŷn, D.". Names no
rule can tell apart are written "Family, Given" (the pack's `family`/`given` keys become this
form), which is always read literally.

Sorting follows the conventions of each language: particles that the language files under the
main name are skipped (Dutch van/van der, German von, French de/d', Welsh ap/ab/ferch, Arabic
al-/bin), while the ones it files under the particle are kept (French du/des/la/le, Irish Ó/Ní/
Mac, Scottish Mac; Mc files as Mac). Accents are folded so Š sorts with S for English readers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_NON_ASCII = re.compile(r"[^\x00-\x7f]")

HONORIFICS = {
    "dr",
    "prof",
    "professor",
    "cllr",
    "councillor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
    "dame",
    "lord",
    "lady",
    "rt",
    "hon",
    "baroness",
    "baron",
}

# Words that belong to the family name when they come before it.
PARTICLES = {
    "ap",
    "ab",
    "ferch",
    "verch",  # Welsh
    "ó",
    "o",
    "ní",
    "nic",
    "mac",
    "mag",
    "uí",
    "mhic",  # Irish and Scottish
    "van",
    "der",
    "den",
    "ter",
    "te",
    "'t",  # Dutch
    "de",
    "la",
    "le",
    "du",
    "des",
    "d'",  # French
    "von",
    "zu",
    "vom",
    "zum",  # German
    "al",
    "el",
    "bin",
    "ibn",
    "bint",
    "ben",  # Arabic
    "da",
    "di",
    "del",
    "della",
    "dos",
    "das",
    "do",  # Italian, Spanish, Portuguese
}

# Particles sorted as part of the name, as Irish, Scottish and French names are filed ("Mac
# Donald" under M, "Le Grand" under L); every other particle is skipped when sorting.
SORTED_WITH_THE_NAME = {"ó", "o", "ní", "nic", "mac", "mag", "uí", "mhic", "la", "le", "du", "des"}
SKIPPED_IN_SORT = PARTICLES - SORTED_WITH_THE_NAME


@dataclass(frozen=True)
class Name:
    given: str
    family: str  # with its particles, as printed

    def display(self) -> str:
        """ "Dafydd ap Gwŷn": given name first, as in a byline."""
        return " ".join(p for p in (self.given, self.family) if p)

    def cited(self) -> str:
        """ "ap Gwŷn, D.": family name and initials, as in a reference."""
        initials = name_initials(self.given)
        return (
            f"{self.family}, {initials}" if initials and self.family else self.family or self.given
        )

    def sort_key(self) -> tuple[str, str]:
        return (family_sort_key(self.family), fold(self.given))


def fold(text: str) -> str:
    """Lower case without accents: "Špaček" -> "spacek"."""
    plain = unicodedata.normalize("NFKD", text)
    # Only characters beyond ASCII can be accents: each is looked at on its own.
    plain = _NON_ASCII.sub(lambda m: "" if unicodedata.combining(m.group()) else m.group(), plain)
    return plain.casefold().strip()


def family_sort_key(family: str) -> str:
    """The family name as a language files it: "van der Berg" -> "berg", "ap Gwŷn" -> "gwyn",
    "du Bellay" -> "du bellay", "McLeod" -> "macleod", "al-Sayed" -> "sayed"."""
    words = family.split()
    while len(words) > 1 and words[0].casefold() in SKIPPED_IN_SORT:
        words.pop(0)
    key = fold(" ".join(words))
    key = re.sub(r"^(?:al|el)-", "", key)
    return re.sub(r"^mc", "mac", key)


_ORGANISATION = re.compile(
    r"(?i)\b(association|council|institute|department|office|network|group|society|agency|"
    r"commission|trust|university|centre|center|foundation|ministry|government|authority|"
    r"committee|partnership|team|unit|board|service|services|ltd|limited|plc)\b"
)


def _is_particle(word: str) -> bool:
    return word.casefold() in PARTICLES


def _looks_like_inverted(family: str, given: str) -> bool:
    """ "Balík, S." or "ap Gwŷn, Dafydd" rather than "Housing, Communities and Local Government"."""
    words = given.split()
    return (
        len(words) <= 3
        and not any(w.casefold() in {"and", "&", "of"} for w in words)
        and 0 < len(family.split()) <= 4
    )


def parse_name(text: str) -> Name:
    """Split one author's name into given and family names (honorifics dropped).

    An organisation ("Local Government Association") is all family name: cited and sorted whole.
    """
    text = " ".join(text.split())
    if _ORGANISATION.search(text):
        return Name(given="", family=text)
    if text.count(",") == 1:
        family, given = (part.strip() for part in text.split(","))
        if _looks_like_inverted(family, given):
            return Name(given=given, family=family)
    words = text.replace(",", " ").split()
    while len(words) > 1 and words[0].casefold().rstrip(".") in HONORIFICS:
        words.pop(0)
    if not words:
        return Name("", "")
    start = len(words) - 1
    while start > 1 and _is_particle(words[start - 1]):
        start -= 1
    return Name(given=" ".join(words[:start]), family=" ".join(words[start:]))


def name_initials(given: str) -> str:
    """ "Dafydd" -> "D."; "Jean-Paul" -> "J.-P."; "A. B." stays "A. B."."""
    out = []
    for word in given.split():
        parts = [p for p in word.split("-") if p]
        letters = ["".join(c for c in p if c.isalpha())[:1] for p in parts]
        if any(letters):
            out.append("-".join(f"{c}." for c in letters if c))
    return " ".join(out)


def display_name(text: str) -> str:
    """An author as printed in a byline: "ap Gwŷn, Dafydd" -> "Dafydd ap Gwŷn"; a name typed
    given name first is printed as typed."""
    text = " ".join(text.split())
    if text.count(",") == 1:
        family, given = (part.strip() for part in text.split(","))
        if _looks_like_inverted(family, given) and not _ORGANISATION.search(text):
            return f"{given} {family}"
    return text


def family_name(text: str) -> str:
    return parse_name(text).family
