"""A draft summary says more in its words: sentences lose attributions, bios, asides, describing
clauses, opening connectives and padding, but never their subject, a figure or a name, and
what is left still reads as a sentence. The officer sees the shortened sentence as the draft,
with the article's own sentence beside it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.assist import summarise
from briefing.assist.shorten import shorten
from briefing.assist.text import needs_previous
from tests.assist.cuts import only_cut

CUT = [
    # a trailing attribution, named or not
    (
        "More money will go to councils to build new sites, said housing minister Jo Bloggs.",
        "More money will go to councils to build new sites.",
    ),
    (
        "Building rules are too lax and builders flout them, the committee said.",
        "Building rules are too lax and builders flout them.",
    ),
    (
        "Demand for school places will fall by a tenth by 2030, according to the county's plan.",
        "Demand for school places will fall by a tenth by 2030.",
    ),
    # any English reporting verb, with a helping verb before it
    (
        "Councils face a funding gap of £2bn next year, the minister has acknowledged.",
        "Councils face a funding gap of £2bn next year.",
    ),
    (
        "The scheme will cost more than planned, the council admitted.",
        "The scheme will cost more than planned.",
    ),
    (
        "Ward budgets will be cut by a fifth, Jo Bloggs confirmed.",
        "Ward budgets will be cut by a fifth.",
    ),
    # one in the middle
    (
        "The sector, they argue, could save £2bn a year through shared services.",
        "The sector could save £2bn a year through shared services.",
    ),
    # a bio beside a name: the name stays, as the subject
    (
        "Jo Bloggs, cabinet member for housing at Westshire Council, said the pilot had worked.",
        "Jo Bloggs said the pilot had worked.",
    ),
    (
        "After the vote Sam Smith, of Eastford, said the rise was too steep for most families.",
        "After the vote Sam Smith said the rise was too steep for most families.",
    ),
    # a clause that only describes, with the main clause going on after it
    (
        "The hardship fund, which opened in the spring, has helped 300 families stay housed.",
        "The hardship fund has helped 300 families stay housed.",
    ),
    # asides without a figure or a name
    (
        "The service could one day (perhaps) be run by a shared company (see below).",
        "The service could one day be run by a shared company.",
    ),
    (
        "The powers - tried out in a few areas - now apply to every force in England.",
        "The powers now apply to every force in England.",
    ),
    # an opening connective and padding
    (
        "However, the grant will rise by 4% next year for the most deprived areas.",
        "The grant will rise by 4% next year for the most deprived areas.",
    ),
    (
        "But opposition parties said the new bands would mean steep rises for many.",
        "Opposition parties said the new bands would mean steep rises for many.",
    ),
    (
        "It is worth noting that councils must consult in order to change their schemes.",
        "Councils must consult to change their schemes.",
    ),
    (
        "That is why the council has also agreed a further 2% rise in the social care precept.",
        "The council has also agreed a further 2% rise in the social care precept.",
    ),
    # reported speech quoting a phrase of two words at most: the marks go, who said it stays
    (
        "Councils should set their taxes at “reasonable levels” after a 6% rise, the minister says.",
        "Councils should set their taxes at reasonable levels after a 6% rise, the minister says.",
    ),
    (
        '"Irreversible damage" will be caused by plans for a million new homes, MPs have warned.',
        "Irreversible damage will be caused by plans for a million new homes, MPs have warned.",
    ),
]

KEPT = [
    # what "said" introduces is the sentence's fact, not an attribution
    "After the announcement the finance spokesman said it was vital that rises were kept low.",
    # the speaker is the sentence's subject
    "Opposition parties said rebanding would mean steep rises in council tax bills.",
    # the appositive names what the subject is: cutting it would leave "The book explores"
    "The book, edited by two academics, explores how councils responded to the crises.",
    # an aside with a figure or a name holds a fact
    "Residents in the top bands (Band G and H) are asked for a voluntary contribution.",
    "The award (£223,000 over two years) will fund three new case workers for the borough.",
    # a describing clause that ends the sentence carries its point
    "The council has raised charges for parking, which will pay for new bus lanes.",
    # a quotation of three words or more is a quotation, and a phrase quoted outside
    # reported speech is a title or a term the author marks
    "He said it was “a scandal nobody has fixed” and called on the minister to act now.",
    "The settlement includes the “full” £7.4m from the Treasury announced in the budget.",
    # a connective whose sense the sentence needs
    "As a result, the council will close two libraries and merge three more this year.",
]


@pytest.mark.parametrize(("sentence", "expected"), CUT)
def test_what_only_attributes_describes_or_pads_is_cut(sentence: str, expected: str) -> None:
    assert shorten(sentence) == expected


@pytest.mark.parametrize("sentence", KEPT)
def test_a_subject_a_figure_a_name_or_the_point_is_never_cut(sentence: str) -> None:
    assert shorten(sentence) == sentence


def test_a_sentence_that_still_leans_on_the_one_before_still_does() -> None:
    shortened = shorten("However, this session, arranged with a supplier, found enthusiasm intact.")
    assert shortened.startswith("This session")
    assert needs_previous(shortened)


_WORDS = st.sampled_from(
    [
        "the",
        "council",
        "said",
        "which",
        "however",
        "(",
        ")",
        "-",
        "–",
        ",",
        "Jo",
        "Bloggs",
        "leader",
        "of",
        "Westshire",
        "according",
        "to",
        "in",
        "order",
        "grant",
        "£3m",
        "will",
        "rise",
        "But",
        "it",
        "they",
        "argue",
        "who",
        "cabinet",
        "member",
        "“",
        "”",
        "homes",
    ]  # fmt: skip
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=3, max_size=30), st.sampled_from([".", "!", "?"]))
def test_shortening_only_takes_words_out(pieces: list[str], end: str) -> None:
    sentence = " ".join(["Councils", *pieces]).replace(" ,", ",") + end
    shortened = shorten(sentence)
    assert only_cut(sentence, shortened)
    assert shortened.endswith(end) or shortened == " ".join(sentence.split())
    assert len(shortened.split()) >= min(5, len(sentence.split()))


ARTICLE = """\
Westshire sets out its budget

Westshire Council will raise council tax by 4.99% next year to protect adult social care, \
said Jo Bloggs, the council's cabinet member for finance. However, the council still faces a \
gap of £12m by 2027 and will draw on its reserves in order to balance the books.

The rise, which was agreed on Tuesday, adds about £90 a year to a Band D bill.

Bus services in the north of the county will be kept for another year, according to the plan.
"""


def test_the_draft_shows_sentences_shortened_with_the_article_s_own_beside_them() -> None:
    draft = summarise(ARTICLE, max_words=120)
    texts = [p.text for p in draft.sentences]
    assert texts[0] == (
        "Westshire Council will raise council tax by 4.99% next year to protect adult social care."
    )
    assert draft.sentences[0].source.endswith("cabinet member for finance.")
    assert "The rise adds about £90 a year to a Band D bill." in texts
    for picked in draft.sentences:
        assert only_cut(picked.source or picked.text, picked.text)
        assert "said" not in picked.text and "according" not in picked.text
    # "However, the council …" keeps the sentence that names the council before it
    gap = next(p for p in draft.sentences if "£12m" in p.text)
    assert gap.text.startswith("The council still faces")
    assert texts.index(gap.text) == 1
    assert gap.text.endswith("draw on its reserves to balance the books.")


def test_a_name_a_later_sentence_needs_is_never_cut() -> None:
    article = (
        "Sites for travellers\n\n"
        "More money will be given to councils to develop official caravan parks, said housing "
        "minister Jo Bloggs. Ms Bloggs said a yearly refurbishment scheme would now consider "
        "bids for new stopping places.\n"
    )
    draft = summarise(article, 120)
    text = draft.text
    assert "Ms Bloggs said" in text
    assert "said housing minister Jo Bloggs." in text  # who Ms Bloggs is stays in the draft
