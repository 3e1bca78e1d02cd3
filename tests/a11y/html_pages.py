"""The packs whose HTML the accessibility tests check: every example pack, and a pack with text
that looks like markup or code in every field that prints; and the build, as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_PACKS = sorted((REPO / "packs").glob("*.yaml"))
REVISIONS = REPO / "tests" / "fixtures" / "revisions"
# The pages of a pack revised since its version 1, beside the example packs' pages.
REVISION_PAGES = ["redline", "changes-page", "supplement"]

# Text a user could type that looks like markup or code: the page must print it, never run it.
SCRIPT = '<script>alert("gotcha")</script>'
HOSTILE_TITLE = f"Fees & charges {SCRIPT} \"review\" 'draft' </style>"
HOSTILE = {
    "organisation": "Smith & Jones <b>District</b> Council",
    "prepared_by": 'Finance "A" Team <img src=x onerror=alert(1)>',
    "logo_alt": 'Crest of "Smith & Jones" <District>',
    "intro": (
        "Read the [terms](javascript:alert(1)) or the "
        '[fee schedule](https://example.org/fees?year=2026&band="c"). '
        '<a href="https://example.net/">raw link</a> &amp; &lt;tags&gt; stay as typed.'
    ),
    "key_message": f"Charges rise 5% & {SCRIPT} is just text",
    "agenda_item": "Q&A: <iframe src=https://example.com></iframe>",
    "speaker": 'Chair\'s "deputy" & guests',
    "article_title": "Why <em>fees</em> & charges matter --> <!-- to councils",
    "quote": 'We said "no" & meant <strong>it</strong>',
    "question": "Who decides </script><script>alert(2)</script>?",
}


def hostile_pack(folder: Path) -> Path:
    """An A5 event handout, marked and DRAFT, with hostile text in every field that prints."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    logo = folder / "crest.png"
    picture = Image.new("RGB", (200, 100), "#0B3C5D")
    ImageDraw.Draw(picture).ellipse((70, 20, 130, 80), fill="white")
    picture.save(logo)
    data = {
        "briefing_pack": 1,
        "title": HOSTILE_TITLE,
        "subtitle": 'Handout <i>for</i> the "open" session',
        "kind": "event-handout",
        "date": "2026-02-03",
        "organisation": HOSTILE["organisation"],
        "prepared_by": HOSTILE["prepared_by"],
        "contact": {
            "name": "Fees <Officer>",
            "email": "fees@example.gov.uk",
            "phone": "01234 000000",
        },
        "classification": "OFFICIAL-SENSITIVE",
        "draft": True,
        "layout": {
            "paper": "A5",
            "large_print": False,
            "logo": "crest.png",
            "logo_alt": HOSTILE["logo_alt"],
        },
        "event": {
            "name": "Fees & charges <workshop>",
            "venue": 'Room "B" & annex',
            "starts": "2026-02-03T14:00",
            "agenda": [
                {"time": "14:00", "item": HOSTILE["agenda_item"], "speaker": HOSTILE["speaker"]},
                {"time": "15:00", "item": "Close", "speaker": "Chair"},
            ],
        },
        "intro": HOSTILE["intro"],
        "key_messages": [HOSTILE["key_message"], "Tom's 'plain' message"],
        "sections": [
            {
                "title": "Section <one> & only",
                "items": [
                    # Marked Welsh: its words carry lang="cy", which axe checks is a valid language.
                    {
                        "article": "fees",
                        "language": "cy",
                        "summary": "Summary with **bold** & <u>tags</u>.\n",
                        "implications": ["Implication & <br> more"],
                        "quotes": [{"text": HOSTILE["quote"], "page": "12"}],
                        "questions": [HOSTILE["question"]],
                    },
                ],
            }
        ],
        "articles": {
            "fees": {
                "title": HOSTILE["article_title"],
                "authors": ["O'Brien & Co <Ltd>"],
                "source": 'Fees "Weekly"',
                "published": "2026-01-20",
                "url": 'https://example.org/article?id=7&view="full"',
            }
        },
    }
    pack = folder / "hostile.yaml"
    pack.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return pack


def _command(pack: Path, outdir: Path, fmt: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "briefing",
        "build",
        str(pack),
        "-o",
        str(outdir),
        "--format",
        fmt,
        "-q",
    ]


def _printed(pack: Path, returncode: int, stdout: str, stderr: str) -> list[Path]:
    assert returncode == 0, f"{pack.name} failed to build:\n{stderr}"
    assert "Traceback" not in stderr
    return [Path(line) for line in stdout.splitlines() if line.strip()]


def build_html(pack: Path, outdir: Path, fmt: str = "html") -> list[Path]:
    """`briefing build PACK --format FMT`, as a user runs it; returns the files it printed."""
    proc = subprocess.run(_command(pack, outdir, fmt), capture_output=True, text=True, timeout=300)
    return _printed(pack, proc.returncode, proc.stdout, proc.stderr)


def build_many(jobs: list[tuple[Path, Path]]) -> list[list[Path]]:
    """build_html for each (pack, output folder), the builds running side by side."""
    running = [
        (
            pack,
            subprocess.Popen(
                _command(pack, outdir, "html"),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
        )
        for pack, outdir in jobs
    ]
    results = []
    for pack, proc in running:
        stdout, stderr = proc.communicate(timeout=300)
        results.append(_printed(pack, proc.returncode, stdout, stderr))
    return results


def _run(*args: str, cwd: Path) -> list[Path]:
    proc = subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return [
        cwd / line for line in _printed(cwd / args[1], proc.returncode, proc.stdout, proc.stderr)
    ]


def revision_pages(folder: Path) -> dict[str, Path]:
    """A pack issued as version 1 and then revised (tests/fixtures/revisions), and the pages an
    officer sends members about it: the redline since version 1, the briefing with its
    "Changes since version 1" page, and the supplement."""
    import shutil

    (folder / "images").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(
        REPO / "packs" / "images" / "example-council-logo.png", folder / "images" / "logo.png"
    )
    pack = folder / "update.yaml"
    shutil.copyfile(REVISIONS / "version-1.yaml", pack)
    _run("issue", pack.name, "--format", "html", "-o", "issued", cwd=folder)
    shutil.copyfile(REVISIONS / "version-2.yaml", pack)
    (redline,) = _run(
        "compare", pack.name, "--from", "1", "-o", "redline", "--format", "html", cwd=folder
    )
    (changes,) = _run(
        "build",
        pack.name,
        "--changes-since",
        "1",
        "-o",
        "changes",
        "--format",
        "html",
        "-q",
        cwd=folder,
    )
    (supplement,) = _run(
        "build",
        pack.name,
        "--supplement-since",
        "1",
        "-o",
        "supplement",
        "--format",
        "html",
        "-q",
        cwd=folder,
    )
    return {"redline": redline, "changes-page": changes, "supplement": supplement}
