"""Rules about the pack itself: budgets, layout files, sections, items, articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.checks.rule import CheckContext, Rule
from briefing.compose.counts import count_words
from briefing.limits.layout_files import file_problem
from briefing.uk.wording import plural

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefing.checks.finding import Finding, Location


def _word_budget(context: CheckContext) -> Iterator[Finding]:
    limit = context.budget().words
    if not limit:
        return
    words = count_words(context.version_pack()).words
    if words > limit:
        yield WORD_BUDGET.finding(
            f"{_whose(context, 'pack')} has {words:,} words, over its budget of {limit:,}: "
            "shorten summaries or move items to another pack.",
            context.at(_budget_key(context, "words")),
        )


def _page_budget(context: CheckContext) -> Iterator[Finding]:
    limit, pages = context.budget().pages, context.pages
    if limit and pages is not None and pages > limit:
        yield PAGE_BUDGET.finding(
            f"{_whose(context, 'PDF')} has {plural(pages, 'page')}, over its budget of "
            f"{plural(limit, 'page')}: shorten summaries or remove items.",
            context.at(_budget_key(context, "pages")),
        )


def _whose(context: CheckContext, thing: str) -> str:
    """ "The pack" ("The PDF"), or "The public version" ("The public version's PDF") when
    one audience's version is checked."""
    if not context.audience or context.version.is_full:
        return f"The {thing}"
    return f"The {context.audience} version" + ("" if thing == "pack" else f"'s {thing}")


def _budget_key(context: CheckContext, key: str) -> tuple[str, ...]:
    """Where the budget in force is set: the audience's own, else the pack's."""
    own = context.pack.audiences.get(context.audience or "")
    if own is not None and getattr(own, "budget", None) is not None:
        return ("audiences", str(context.audience), "budget", key)
    return ("budget", key)


def _layout_files(context: CheckContext) -> Iterator[Finding]:
    layout = context.pack.layout
    for key, value, what in (
        ("logo", layout.logo, "logo"),
        ("template", layout.template, "Word template"),
    ):
        problem = file_problem(context.base_dir, value, what) if value else ""
        if problem:
            yield LAYOUT_FILE.finding(problem, context.at(("layout", key), field=f"layout.{key}"))


def _no_sections(context: CheckContext) -> Iterator[Finding]:
    if not context.pack.sections:
        yield NO_SECTIONS.finding(
            "The pack has no sections: add a section and put an article in it.",
            context.at(("sections",), key=True),
        )


def _empty_sections(context: CheckContext) -> Iterator[Finding]:
    for s, section in enumerate(context.pack.sections):
        if not section.items:
            yield EMPTY_SECTION.finding(
                f"Section “{section.title}” has no items: add an article to it or remove it.",
                context.at(("sections", s), section=s + 1),
            )


def _items(context: CheckContext) -> Iterator[tuple[int, int, str]]:
    """(section index, item index, the item's name in messages) for every item."""
    pack = context.pack
    for s, section in enumerate(pack.sections):
        for i, item in enumerate(section.items):
            article = pack.articles.get(item.article)
            yield s, i, f"“{article.title if article else item.article}”"


def _missing_articles(context: CheckContext) -> Iterator[Finding]:
    for s, i, _ in _items(context):
        key = context.pack.sections[s].items[i].article
        if key not in context.pack.articles:
            yield MISSING_ARTICLE.finding(
                f"The item refers to article “{key}”, which is not in the pack's articles: "
                "choose another article or add this one.",
                context.at(
                    ("sections", s, "items", i, "article"),
                    section=s + 1,
                    item=i + 1,
                    field="article",
                ),
            )


def _summary_at(context: CheckContext, s: int, i: int) -> Location:
    return context.at(
        ("sections", s, "items", i, "summary"), section=s + 1, item=i + 1, field="summary"
    )


def _missing_summaries(context: CheckContext) -> Iterator[Finding]:
    for s, i, name in _items(context):
        if not context.pack.sections[s].items[i].summary.strip():
            yield MISSING_SUMMARY.finding(
                f"{name} has no summary: write one.", _summary_at(context, s, i)
            )


def _implications(context: CheckContext) -> Iterator[Finding]:
    for s, i, name in _items(context):
        if not any(text.strip() for text in context.pack.sections[s].items[i].implications):
            yield NO_IMPLICATIONS.finding(
                f"{name} has no implications for UK local government: add at least one.",
                context.at(
                    ("sections", s, "items", i), section=s + 1, item=i + 1, field="implications"
                ),
            )


def _unused_articles(context: CheckContext) -> Iterator[Finding]:
    used = {item.article for section in context.pack.sections for item in section.items}
    for key, article in context.pack.articles.items():
        if key not in used:
            yield UNUSED_ARTICLE.finding(
                f"Article “{article.title}” ({key}) is not used in any section: add it to a "
                "section or remove it.",
                context.at(("articles", key), key=True),
            )


WORD_BUDGET = Rule(
    "word-budget", "warning", "The pack prints more words than its budget.", "pack", _word_budget
)
PAGE_BUDGET = Rule(
    "page-budget", "warning", "The built PDF has more pages than the budget.", "pack", _page_budget
)
LAYOUT_FILE = Rule(
    "layout-file",
    "error",
    "The logo or Word template is missing, empty or not the kind its name says.",
    "pack",
    _layout_files,
)
NO_SECTIONS = Rule("no-sections", "error", "The pack has no sections.", "pack", _no_sections)
EMPTY_SECTION = Rule("empty-section", "warning", "A section has no items.", "pack", _empty_sections)
MISSING_ARTICLE = Rule(
    "missing-article",
    "error",
    "An item names an article the pack does not have.",
    "pack",
    _missing_articles,
)
MISSING_SUMMARY = Rule(
    "missing-summary", "error", "An item has no summary.", "pack", _missing_summaries
)
NO_IMPLICATIONS = Rule(
    "no-implications",
    "warning",
    "An item says nothing about implications for UK local government.",
    "pack",
    _implications,
)
UNUSED_ARTICLE = Rule(
    "unused-article", "advice", "An article is not used in any section.", "pack", _unused_articles
)

RULES: tuple[Rule, ...] = (
    NO_SECTIONS,
    MISSING_ARTICLE,
    MISSING_SUMMARY,
    LAYOUT_FILE,
    WORD_BUDGET,
    PAGE_BUDGET,
    EMPTY_SECTION,
    NO_IMPLICATIONS,
    UNUSED_ARTICLE,
)
