"""The logo and Word template a pack names: which files may serve, and whether they can.

The checks table's layout-file rule (briefing.checks.pack_rules) asks it, for validate, build,
check and the app alike. It reads the first bytes of each file, enough to catch a picture that is
really a text file, an empty file or a template in the old .doc format, then looks inside as
deeply as a build would.
"""

from __future__ import annotations

from pathlib import Path

from briefing.limits.archives import template_problem
from briefing.limits.pictures import picture_problem

LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
TEMPLATE_SUFFIXES = (".docx", ".dotx")  # a Word document, or a Word template

# How each kind of file starts (a .docx is a zip archive).
_SIGNATURES = {
    ".png": b"\x89PNG",
    ".jpg": b"\xff\xd8",
    ".jpeg": b"\xff\xd8",
    ".docx": b"PK",
    ".dotx": b"PK",
}
_KINDS = {
    "logo": (
        LOGO_SUFFIXES,
        "a PNG or JPEG picture",
        "save it from an image editor as .png or .jpg",
    ),
    "Word template": (
        TEMPLATE_SUFFIXES,
        "a Word document",
        "save it from Word as a Word Document (.docx)",
    ),
}


def file_problem(base_dir: Path, relative: str, what: str) -> str:
    """ "" when layout's logo or template (`what`: "logo" or "Word template") can be used, else
    a sentence saying what is wrong and what to do."""
    suffixes, kind, remedy = _KINDS[what]
    path = Path(relative)
    if not path.is_absolute():
        path = Path(base_dir) / path
    if path.suffix.lower() not in suffixes:
        return (
            f"The {what} file “{relative}” should be {kind} ({', '.join(suffixes)}): "
            f"{remedy}, and give its name here."
        )
    if path.exists() and not path.is_file():
        return (
            f"The {what} file “{relative}” is not a file (it is a folder or a device): "
            f"give the path of {kind}."
        )
    if not path.is_file():
        return (
            f"The {what} file “{relative}” cannot be found (looked for {path}): the path "
            "is relative to the pack file; check the name and the folder."
        )
    try:
        with path.open("rb") as stream:
            start = stream.read(8)
    except OSError as exc:
        return (
            f"The {what} file “{relative}” cannot be read ({exc.strerror or exc}): check it opens."
        )
    if not start:
        return f"The {what} file “{relative}” is empty (0 bytes): {remedy}."
    if not start.startswith(_SIGNATURES[path.suffix.lower()]):
        return f"The {what} file “{relative}” is not {kind}, whatever its name says: {remedy}."
    # Then as deeply as a build looks: the picture decodes and is of a size a document can
    # hold; the template unpacks safely and holds no macros.
    problem = picture_problem(path) if what == "logo" else template_problem(path)
    if problem:
        return f"The {what} file “{relative}” {problem if what == 'logo' else problem[3:]}."
    return ""
