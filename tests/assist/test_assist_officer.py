"""Drafting aids an officer can accept: the author's standfirst first, no markup, a fact never
cut from its subject, implications in officers' form (drafts marked, with their source), the
officer's own voice learned from points already written, and themes a person would file under."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.assist import suggest_implications, suggest_themes, summarise
from briefing.cli import main
from tests.assist.cuts import only_cut

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

# A council press release as a blog engine exports it: an image link, entities, a Markdown
# link, a table, a quotation block and a trailer.
MARKDOWN = """\
<a href="/images/bins.jpg"><img src="/images/bins-thumb.jpg" alt="Image - bins"/></a>

Northfold Council will collect food waste from every home from April, a service that will \
cost &pound;1.2m a year and cut the waste sent to landfill by a fifth.

The council set out the plan at last night's cabinet meeting. Households will receive a \
kitchen caddy and a kerbside bin, and collections will be weekly on the same day as \
recycling.

New national rules require every English council to collect food waste separately from \
2026, and the government has promised &pound;900,000 towards the cost of vehicles and caddies.

Cllr Amy Tolland, cabinet member for the environment, said:

> "This is a big change for residents and we will make it as simple as we can. Food waste \
is heavy and wet, and it should never have been going into the black bin."

Residents can find out more on the [council website](https://example.org/food-waste).

### What households will pay

|Band|Charge|
|----|------|
|A|&pound;0|
|B|&pound;0|

<cite>&mdash; from a Northfold Council press release - 3 March 2025</cite>
"""

# Two councils named, then "the council": whichever it means must come with it.
TWO_COUNCILS = """\
Property and the pandemic

Councils across England borrowed to buy shops and offices when grants were cut, hoping the \
rents would pay for services.

Westerley Borough Council built a portfolio of retail parks worth £400m over five years. The \
pandemic is forecast to leave the council with a deficit of £30m on a budget of £150m, as \
tenants stop paying rent.

Eastmere District Council took a more cautious path and holds no commercial property at all. \
Its finance director, Ruth Calloway, said the decision now looks wise.

Ms Calloway expects the council to balance its budget without drawing on reserves this year.

Auditors have warned that councils relying on commercial rents face the greatest risk of \
running short of money if the downturn lasts.
"""

# An article that only describes: no "should", no "need to".
DESCRIBES = """\
Town centre footfall

Footfall in market town centres fell by a tenth last year, according to a survey of \
ninety councils.

Councils with covered markets saw smaller falls than those without, and several reported \
that evening events brought visitors back after the pandemic.

The survey found that empty shop units rose to one in seven, the highest figure since the \
survey began, and that business rates income fell in most of the towns surveyed.
"""


def test_markup_never_reaches_a_draft_and_entities_become_characters() -> None:
    summary = summarise(MARKDOWN).text
    assert summary.startswith("Northfold Council will collect food waste")
    assert "£1.2m" in summary
    for markup in ("<", ">", "&pound;", "&mdash;", "](", "|", "#", "img", "caddy.jpg"):
        assert markup not in summary
    assert "This is a big change" not in summary  # the quotation block is never offered
    for point in suggest_implications(MARKDOWN):
        assert "<" not in point.text and "&pound;" not in point.text and "](" not in point.text
        assert "This is a big change" not in point.text


def test_the_authors_standfirst_comes_first() -> None:
    standfirst = "Every home in Northfold will have its food waste collected weekly from April."
    summary = summarise(MARKDOWN, 80, standfirst=standfirst)
    assert summary.sentences[0].text == standfirst
    assert summary.sentences[0].reason == "The author's own standfirst"
    assert len(summary.text.split()) <= 80
    # A standfirst set as a quotation under the headline, as magazines print one, is found too.
    magazine = (
        "# Food waste for all\n\n> A new duty arrives in 2026 and councils are getting "
        "ready\n\n> March 3rd 2025\n\n" + MARKDOWN
    )
    first = summarise(magazine).sentences[0]
    assert first.text == "A new duty arrives in 2026 and councils are getting ready."
    assert first.paragraph == 0


def test_each_sentence_says_where_it_stands_and_why() -> None:
    summary = summarise(TWO_COUNCILS)
    assert summary.sentences
    for picked in summary.sentences:
        assert picked.paragraph >= 1
        assert picked.reason.startswith(("The article's opening sentence", "Paragraph "))


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=15, max_value=160))
def test_a_fact_never_leaves_its_subject(budget: int) -> None:
    text = summarise(TWO_COUNCILS, budget).text
    assert len(text.split()) <= budget
    if "leave the council with a deficit" in text:
        assert "Westerley Borough Council built a portfolio" in text
    if "Its finance director" in text:
        assert "Eastmere District Council took" in text
    assert "Ms Calloway expects" not in text  # she is only named in full in another paragraph


_SENTENCE = st.sampled_from(
    [
        "Councils in the region expect demand for home care to rise by a fifth.",
        "The county council has frozen recruitment to all but frontline posts.",
        "This leaves the budget short by several million pounds.",
        "However, the grant for next year has not yet been confirmed.",
        "They said the new duty would cost more than the funding allocated.",
        "Members asked for a report on the risks before the budget is set.",
        "“We cannot go on like this,” said the leader of the council.",
        "Picture credit: a photographer for the county.",
        "Sign up to our newsletter for weekly updates.",
        "Housing associations are building fewer homes for social rent than planned.",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(_SENTENCE, min_size=1, max_size=4), min_size=1, max_size=8),
    st.integers(min_value=20, max_value=140),
)
def test_summaries_of_generated_articles_are_whole_sentences_in_order(
    paragraphs: list[list[str]], budget: int
) -> None:
    text = "A heading\n\n" + "\n\n".join(" ".join(p) for p in paragraphs)
    summary = summarise(text, budget)
    assert summary == summarise(text, budget)  # the same every time
    assert len(summary.text.split()) <= budget
    flat = " ".join(text.split())
    start = 0
    for picked in summary.sentences:  # each is the article's own, in the article's order
        own = picked.source or picked.text
        start = flat.find(own, start)
        assert start >= 0, own
        start += len(own)
        assert only_cut(own, picked.text)  # shown shortened: words taken out, none added
    for picked in summary.sentences:
        assert not picked.text.startswith(("“", "Picture credit", "Sign up"))
    for shown, before in zip(summary.sentences[1:], summary.sentences, strict=False):
        if shown.text.startswith(("This ", "However", "They ")):
            # it comes with what it leans on
            assert (before.source or before.text) + " " + (shown.source or shown.text) in flat
    if summary.sentences:
        assert not summary.sentences[0].text.startswith(("This ", "However", "They "))


def test_an_article_that_only_describes_gets_draft_points_with_their_source() -> None:
    points = suggest_implications(DESCRIBES)
    assert points and all(p.draft for p in points)
    for point in points:
        assert point.text.startswith(("Members may wish to", "Councils may need to"))
        assert point.source in DESCRIBES.replace("\\\n", "").replace("\n", " ")
        assert point.text.split(": ", 1)[1].rstrip(".")[1:] in point.source
        assert "Draft" in point.reason and "paragraph" in point.reason


def test_two_drafts_on_one_function_ask_different_questions() -> None:
    drafts = [p.text for p in suggest_implications(TWO_COUNCILS) if p.draft]
    questions = [d.split(": ", 1)[0] for d in drafts]
    assert len(drafts) >= 4
    assert len(set(questions)) == len(questions), questions
    assert not any("consider this as well" in q for q in questions)
    for question in questions:  # members ask and press; councils do
        if " ask " in question or " press " in question:
            assert question.startswith("Members may wish to"), question


def test_a_short_article_still_gets_points_from_its_other_claims() -> None:
    text = (
        "Parking charges\n\n"
        "Westerley Council will raise parking charges in its town centre car parks from April.\n\n"
        "The council expects the rise to bring in £400,000 a year towards its budget gap.\n\n"
        "Traders fear that fewer shoppers will visit the high street once the charges rise.\n\n"
        "Bus services to the town centre were cut last year after the county withdrew funding.\n\n"
        "Residents will be able to buy a permit for the council's car parks at a discount."
    )
    points = suggest_implications(text)
    summary_claims = {p.source or p.text for p in summarise(text, 240).sentences}
    assert len(points) == 4  # the traders' fear touches no council function
    assert any(p.source not in summary_claims for p in points)  # from the other claims
    assert all(p.source in text for p in points)


def test_the_officers_own_points_set_the_voice_and_the_order() -> None:
    accepted = [
        "The council should review its exposure to commercial rents.",
        "The council should report the property portfolio's risks to audit committee.",
        "Members may wish to ask about reserves.",
    ]
    points = suggest_implications(DESCRIBES, accepted=accepted)
    assert points and all(p.text.startswith("The council should") for p in points if p.draft)
    text = (
        "Heading\n\n"
        "Councils should publish their parking charges a year ahead so drivers can plan.\n\n"
        "Councils should review commercial rents in their property portfolio every quarter."
    )
    plain = [p.text for p in suggest_implications(text) if not p.draft]
    liked = [p.text for p in suggest_implications(text, accepted=accepted) if not p.draft]
    assert plain[0].startswith("Councils should publish")
    assert liked[0].startswith("Councils should review commercial rents")


def test_themes_never_name_people_places_or_addresses() -> None:
    article = (
        "Peter Hollinsworth on the election\n\n"
        + " ".join(
            [
                "Peter Hollinsworth argues that Harrowgate council must explain its election "
                "timetable to voters.",
                "Turnout in the Harrowgate council election fell again, Peter Hollinsworth "
                "notes, and the ballot papers arrived late.",
                "Scrutiny of the returning officer by the overview and scrutiny committee "
                "found the polling station staff were not trained.",
                "Peter Hollinsworth wants the scrutiny committee to hold a second review "
                "of the election.",
                "See the website master list at hollinsworth.com for the scrutiny papers.",
                "The election review will report to Harrowgate council in June.",
            ]
        )
        + "\n"
    )
    suggestions = suggest_themes(article, {"dem": "Democratic participation"}, limit=6)
    labels = [s.label for s in suggestions]
    assert "Elections" in labels and "Scrutiny" in labels
    for label in labels:
        for bad in ("Peter", "Hollinsworth", "Harrowgate", "Website", "master", "com"):
            assert bad.lower() not in label.lower().split(), labels
    existing = [s for s in suggestions if not s.is_new]
    assert suggestions[: len(existing)] == existing


def test_a_quoted_recommendation_becomes_a_draft_in_officers_form() -> None:
    text = (
        "Budget round\n\nThe settlement gives councils a rise of 4% in cash terms, below the "
        "rise in costs.\n\nThe association's spokesman said: “It is vital that we start "
        "now to plan for future years and accept that our resources will keep falling.”\n"
    )
    points = suggest_implications(text)
    recast = [p for p in points if p.draft and ": " not in p.text]
    assert recast, [p.text for p in points]
    assert recast[0].text == (
        "Councils may need to start now to plan for future years and "
        "accept that their resources will keep falling."
    )
    assert "“" in recast[0].source and "quotation" in recast[0].reason


def test_the_command_line_starts_from_the_standfirst_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "food-waste.md"
    source.write_text(
        "---\ntitle: Food waste for every home\nexcerpt: Northfold will collect food "
        "waste weekly from every home from April.\n---\n\n" + MARKDOWN,
        encoding="utf-8",
    )
    library = tmp_path / "library"
    assert main(["import", str(source), "--library", str(library)]) == 0
    capsys.readouterr()
    assert main(["library", "list", "--json", "--library", str(library)]) == 0
    article_id = json.loads(capsys.readouterr().out)[0]["id"]
    assert main(["suggest", "summary", article_id, "--json", "--library", str(library)]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["sentences"][0]
    assert first["text"] == "Northfold will collect food waste weekly from every home from April."
    assert first["why"] == "The author's own standfirst" and first["paragraph"] == 0
    assert all(s["why"] for s in data["sentences"])
    # each sentence as the draft shows it, and the article's own sentence it comes from
    assert all(only_cut(s["source"], s["text"]) for s in data["sentences"])
    assert main(["suggest", "implications", article_id, "--json", "--library", str(library)]) == 0
    points = json.loads(capsys.readouterr().out)["implications"]
    assert points and all(p["why"] and p["source"] for p in points)
