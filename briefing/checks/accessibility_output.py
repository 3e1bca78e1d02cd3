"""Accessibility rules on what a build makes: the document's headings, and the built .docx and
PDF (language, picture descriptions, heading order, tags)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.checks.docx_read import heading_levels, open_docx, pictures, read_styles
from briefing.checks.finding import Finding, Location
from briefing.checks.rule import CheckContext, Rule

if TYPE_CHECKING:
    import zipfile
    from collections.abc import Iterator

LANGUAGE = "en-GB"
_LANGUAGES = {
    "en-us": "US English (en-US)",
    "en-au": "Australian English (en-AU)",
    "en-ca": "Canadian English (en-CA)",
    "en-ie": "Irish English (en-IE)",
    "cy-gb": "Welsh (cy-GB)",
}


def skipped_levels(levels: list[tuple[int, str]]) -> Iterator[tuple[int, int, str]]:
    """(previous level, level, text) of each heading more than one level below the last."""
    previous = 0
    for level, text in levels:
        if level > previous + 1:
            yield previous, level, text
        previous = level


def _where(context: CheckContext, text: str) -> Location:
    """The pack place a heading's text comes from: a section or item title, else the pack."""
    pack = context.pack
    for s, section in enumerate(pack.sections):
        if section.title == text:
            return context.at(("sections", s, "title"), section=s + 1, field="title")
        for i, item in enumerate(section.items):
            article = pack.articles.get(item.article)
            if article is not None and article.title == text:
                return context.at(("articles", item.article, "title"), section=s + 1, item=i + 1)
    return Location(context.pack_path)


def _heading_message(kind: str, previous: int, level: int, text: str) -> str:
    jump = f"after a level {previous} heading" if previous else "as the first heading"
    return (
        f"In the {kind}, the heading “{text}” is at level {level} {jump}, so a level is "
        "skipped and screen reader users may think something is missing: use headings in "
        "order (1, then 2, then 3)."
    )


def _model_headings(context: CheckContext) -> Iterator[Finding]:
    if not context.pack.sections:
        return
    levels = [(h.level, h.text) for h in context.document.headings()]
    for previous, level, text in skipped_levels(levels):
        yield MODEL_HEADINGS.finding(
            _heading_message("briefing", previous, level, text), _where(context, text)
        )


def _docx(context: CheckContext) -> zipfile.ZipFile | None:
    data = context.outputs.get("docx")
    return open_docx(data) if data else None


def _docx_headings(context: CheckContext) -> Iterator[Finding]:
    archive = _docx(context)
    if archive is None:
        return
    with archive:
        styles = read_styles(archive)
    levels = heading_levels(context.outputs["docx"], styles)
    for previous, level, text in skipped_levels(levels):
        yield DOCX_HEADINGS.finding(
            _heading_message("Word file", previous, level, text)
            + (
                " The Word template's heading styles decide the levels: check their outline "
                "level (Paragraph, Outline level)."
                if context.pack.layout.template
                else ""
            ),
            _where(context, text),
        )


def _template_at(context: CheckContext) -> Location:
    if context.pack.layout.template:
        return context.at(("layout", "template"), field="layout.template")
    return Location(context.pack_path)


def _docx_language(context: CheckContext) -> Iterator[Finding]:
    archive = _docx(context)
    if archive is None:
        return
    with archive:
        styles = read_styles(archive)
    language = styles.language(styles.by_name("Normal"))
    if not language:
        yield DOCX_LANGUAGE.finding(
            "The Word file does not say what language it is in, so screen readers may read it "
            f"with the wrong voice: set the template's Normal style language to English (UK), "
            f"{LANGUAGE} (Review, Language, Set Proofing Language).",
            _template_at(context),
        )
    elif language.lower() != LANGUAGE.lower():
        yield DOCX_LANGUAGE.finding(
            f"The Word file's text is marked as {_LANGUAGES.get(language.lower(), language)}, "
            f"not English (UK) ({LANGUAGE}), so "
            "screen readers and spelling use the wrong language: in the Word template, select "
            "the Normal style, choose Review, Language, Set Proofing Language, English (United "
            "Kingdom), and save it.",
            _template_at(context),
        )


def _docx_pictures(context: CheckContext) -> Iterator[Finding]:
    archive = _docx(context)
    if archive is None:
        return
    with archive:
        found = pictures(archive)
    for name, description in found:
        if not description:
            yield DOCX_PICTURE.finding(
                f"A picture in the Word file (“{name}”) has no description (alt text): give "
                "the logo alt text with logo_alt under layout; for a picture in the Word "
                "template, right-click it in Word, choose Edit Alt Text and describe it.",
                context.at(("layout", "logo_alt"), field="layout.logo_alt")
                if context.pack.layout.logo
                else _template_at(context),
            )


def _pdf_tagged(context: CheckContext) -> Iterator[Finding]:
    data = context.outputs.get("pdf")
    if not data:
        return
    from briefing.checks.pdf_read import is_tagged

    if is_tagged(data) is False:
        yield PDF_UNTAGGED.finding(
            "The PDF has no tags: a screen reader gets one unstructured stream of text, with no "
            "headings, lists or table headers, so it does not meet the accessibility "
            "regulations for publishing. Build it with the default (tagged) PDF engine, or "
            "publish the Word or HTML version instead.",
            Location(context.pack_path),
        )


MODEL_HEADINGS = Rule(
    "heading-levels",
    "warning",
    "A heading skips a level (e.g. a level 3 straight after a level 1).",
    "pack",
    _model_headings,
)
DOCX_HEADINGS = Rule(
    "docx-heading-levels",
    "warning",
    "A heading in the built Word file skips a level.",
    "output",
    _docx_headings,
)
DOCX_LANGUAGE = Rule(
    "docx-language",
    "warning",
    "The built Word file has no language, or not English (UK).",
    "output",
    _docx_language,
)
DOCX_PICTURE = Rule(
    "docx-picture-description",
    "error",
    "A picture in the built Word file has no description (alt text).",
    "output",
    _docx_pictures,
)
PDF_UNTAGGED = Rule(
    "pdf-untagged",
    "warning",
    "The built PDF has no tags (the reportlab engine makes untagged PDFs).",
    "output",
    _pdf_tagged,
)

RULES: tuple[Rule, ...] = (MODEL_HEADINGS, DOCX_HEADINGS, DOCX_LANGUAGE, DOCX_PICTURE, PDF_UNTAGGED)
