"""Which versions a pack offers and what each built-in one means: the names `--audience all`
builds, the choices the app offers, and each audience's settings. What a version then holds is
decided in briefing.compose.audience (`for_audience`), which reads its settings here; kept apart
so the app's window can list a pack's versions without loading what builds them."""

from __future__ import annotations

from briefing.model.pack import BUILT_IN_AUDIENCES, FULL_AUDIENCE, Audience, Pack

# What each built-in name means when the pack says nothing else; any other name is `public`.
_DEFAULTS = {
    FULL_AUDIENCE: ("include", "full"),
    "public": ("withhold", "full"),
    "summary": ("withhold", "summary"),
}


def audience_names(pack: Pack) -> list[str]:
    """The versions `--audience all` builds: the pack's audiences; the built-in members, public
    and summary versions for a pack that names none but marks something exempt or limits an
    item to some audiences; otherwise its one full version."""
    if pack.audiences:
        return list(pack.audiences)
    return list(BUILT_IN_AUDIENCES) if has_versions(pack) else [FULL_AUDIENCE]


def has_versions(pack: Pack) -> bool:
    """Whether the pack's versions differ: it names audiences, or something in it is exempt or
    limited to some audiences."""
    return bool(pack.audiences) or any(
        section.exempt is not None
        or any(item.exempt is not None or item.audiences for item in section.items)
        for section in pack.sections
    )


def audience_choices(pack: Pack) -> list[tuple[str, str]]:
    """(name, label) of each version the app offers: the pack's audiences, or the built-in
    ones when it names none; e.g. ("public", "Public: exempt items withheld")."""
    names = list(pack.audiences) or list(BUILT_IN_AUDIENCES)
    choices = []
    for name in names:
        _, withhold, form = settings(pack, name)
        what = "one line per item" if form == "summary" else "everything"
        if withhold:
            what += ", exempt items withheld" if form == "summary" else " but exempt items"
        choices.append((name, f"{name[:1].upper()}{name[1:]}: {what}"))
    return choices


def known_audience(pack: Pack, name: str) -> bool:
    return name in pack.audiences or name in BUILT_IN_AUDIENCES


def settings(pack: Pack, name: str) -> tuple[Audience, bool, str]:
    """The audience's own keys, whether it withholds exempt information, and its form."""
    audience = pack.audiences.get(name, Audience())
    exempt, form = _DEFAULTS.get(name, ("withhold", "full"))
    return audience, (audience.exempt or exempt) == "withhold", audience.form or form
