"""Drafts never lean on what the article said before them: a sentence that counts from an earlier
date ("Some twenty years later, …"), a piece of a quotation cut off by the sentence split, an
account of the publication's own event, or a recommendation that ends on "it"."""

from __future__ import annotations

from briefing.assist import draft_summary, suggest_implications
from briefing.assist.text import is_quote, needs_previous, split_sentences

# An article of our own, in the shape of a trade-press write-up.
LIBRARIES = """\
Libraries after the closures

In 2004 the county closed nine of its branch libraries to save money on buildings and staff.

Some twenty years later, the county reopened four of them as community hubs run with volunteers \
and a small paid team.

Later this year the county will decide whether to open three more hubs in its market towns.

The Civic Gazette chaired a round table of library managers from councils across the county \
to ask what community hubs run with volunteers have taught councils about library services.

Managers said visits to the hubs had doubled since they reopened, with most growth among families \
and older residents. Their finance lead warned: "Volunteer hours are falling every year. Councils \
will need to plan for paid staff before the volunteers run out."

One manager put it plainly: "We need to ask why we are doing it."

Councils should publish the running costs of every hub so that residents can compare them with \
the branches they replaced.

In addition, councils should ask their volunteers each year how many hours they expect to give.
"""


def test_a_sentence_counted_from_an_earlier_date_comes_with_it() -> None:
    assert needs_previous("Some twenty years later, the county reopened four of them.")
    assert needs_previous("A year on, the scheme was dropped.")
    assert needs_previous("Later, the council agreed.")
    assert not needs_previous("Later this year the county will decide.")
    for budget in (25, 40, 120):
        sentences = split_sentences(draft_summary(LIBRARIES, max_words=budget))
        for position, sentence in enumerate(sentences):
            if sentence.startswith("Some twenty years later"):
                assert position > 0 and sentences[position - 1].startswith("In 2004")


def test_a_piece_of_a_quotation_is_never_offered_as_it_stands() -> None:
    assert is_quote('Councils will need to plan for paid staff before the volunteers run out."')
    points = suggest_implications(LIBRARIES, limit=8)
    assert points
    for point in points:
        assert '"' not in point.text and "“" not in point.text and "”" not in point.text
        if not point.draft:
            assert not is_quote(point.source)


def test_no_point_is_drafted_from_an_account_of_the_publications_own_event() -> None:
    for point in suggest_implications(LIBRARIES, limit=8):
        assert "chaired a round table" not in point.source


def test_a_recommendation_that_ends_on_it_is_not_recast() -> None:
    texts = [p.text for p in suggest_implications(LIBRARIES, limit=8)]
    assert not any(t.rstrip(".").endswith(("doing it", "doing this")) for t in texts)
    assert any(t.startswith("Councils should publish the running costs") for t in texts)


def test_a_recommendation_opening_with_in_addition_is_offered_without_it() -> None:
    texts = [p.text for p in suggest_implications(LIBRARIES, limit=8)]
    assert any(t.startswith("Councils should ask their volunteers each year") for t in texts)
    assert not any("in addition" in t.lower() for t in texts)


# An article of our own in the shape of a news report, whose most central sentences open on a
# person or body named only in the paragraph before ("The leader says …", "The editors …").
BUDGET_REPORT = """\
A county's budget plans

Harrowfield County Council has a new leader, Councillor Ann Reeve, elected in May on a promise \
to balance the county budget without cutting services.

The leader says the county will balance its budget next year by sharing services, offices and \
budget staff with the district councils.

Opposition councillors doubt that sharing services with district councils can balance a budget \
with a gap of £30m next year.

A book on county finances was published in March by two former finance directors.

The editors describe the county budget gap as the widest of any shire county, with services \
for children and adults costing more every year.

The county will consult residents on its budget plans in the autumn.
"""


def test_a_sentence_about_the_leader_or_the_editors_is_not_offered_alone() -> None:
    for budget in (30, 60, 120):
        draft = draft_summary(BUDGET_REPORT, max_words=budget)
        assert draft
        assert "The leader says" not in draft, draft
        assert "The editors describe" not in draft, draft
    for point in suggest_implications(BUDGET_REPORT, limit=8):
        assert not point.source.startswith(("The leader says", "The editors describe"))
