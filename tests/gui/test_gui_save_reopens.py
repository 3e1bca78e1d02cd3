"""Whatever the app lets a user make, Save writes a pack that Open reads back unchanged: findings
of the checks table (a logo without alt text, an item without a summary) never stop a pack
opening again."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from briefing.build import BuildRequest, view
from briefing.checks import run_checks
from briefing.model import AgendaEntry, Article, Event, Item, Quote, Section, Theme
from briefing.packfile import load_pack, load_pack_at


def test_every_pack_the_app_saves_opens_again(window, tmp_path: Path) -> None:
    logo = Path(__file__).resolve().parents[2] / "packs" / "images" / "example-council-logo.png"
    (tmp_path / "crest.png").write_bytes(logo.read_bytes())
    window.file.start_new_pack("event-handout", "Unfinished handout")
    pack = window.model.pack
    pack.layout.logo = str(tmp_path / "crest.png")  # chosen in Pack settings, no alt text yet
    pack.layout.logo_alt = ""
    pack.themes["flood"] = Theme("Flooding", "#1d70b8")
    pack.articles["floods"] = Article(
        "Small Parishes, Big Storms", ["Helen Marsh"], published=date(2025, 10, 1), themes=["flood"]
    )
    pack.articles["spare"] = Article("A study nobody used yet")
    pack.sections = [
        Section(
            "Resilience",
            theme="flood",
            items=[
                Item("floods"),  # no summary, no implications yet
                Item(
                    "floods",
                    summary="Parishes acted first.",
                    quotes=[Quote("Thin but close", "176-7")],
                    questions=["Who holds the list?"],
                ),
            ],
        ),
        Section("Still to fill"),  # an empty section
    ]
    pack.event = Event(
        "Flood forum", "Town hall", datetime(2025, 11, 4, 10, 0), [AgendaEntry("10:00", "Welcome")]
    )
    window.model.set_pack(pack)

    target = tmp_path / "unfinished.yaml"
    assert window.file.save_to(target)
    assert load_pack(target) == window.model.pack  # opens again, exactly as saved

    reopened, positions = load_pack_at(target)
    found = {
        f.rule
        for f in run_checks(
            view(BuildRequest(reopened, tmp_path, pack_path=target, positions=positions))
        )
    }
    assert {"alt-text", "missing-summary", "empty-section", "unused-article"} <= found
    assert window.open_path(target, ask=False)  # and the app itself opens it
    assert Path(window.model.pack.layout.logo).name == "crest.png"


def test_a_saved_pack_whose_logo_was_moved_away_still_opens(window, tmp_path: Path) -> None:
    """The logo file is the checks' business, not the loader's: a pack saved with a logo opens
    again after the picture has been moved or replaced by a folder, and says what to fix."""
    logo = Path(__file__).resolve().parents[2] / "packs" / "images" / "example-council-logo.png"
    (tmp_path / "crest.png").write_bytes(logo.read_bytes())
    window.file.start_new_pack("member-briefing", "Moved logo")
    pack = window.model.pack
    pack.layout.logo = str(tmp_path / "crest.png")  # chosen in Pack settings
    pack.layout.logo_alt = "Riverside District Council crest"
    pack.articles["rents"] = Article("Social rents in the spring")
    pack.sections = [Section("Housing", items=[Item("rents", summary="Rents rose again.")])]
    window.model.set_pack(pack)
    target = tmp_path / "moved.yaml"
    assert window.file.save_to(target)
    (tmp_path / "crest.png").unlink()
    for replaced_by_folder in (False, True):
        if replaced_by_folder:
            (tmp_path / "crest.png").mkdir()
        reopened, positions = load_pack_at(target)
        assert reopened == window.model.pack
        (finding,) = [
            f
            for f in run_checks(
                view(BuildRequest(reopened, tmp_path, pack_path=target, positions=positions))
            )
            if f.rule == "layout-file"
        ]
        assert finding.severity == "error"
        assert ("is not a file" if replaced_by_folder else "cannot be found") in finding.message
        assert window.open_path(target, ask=False)
