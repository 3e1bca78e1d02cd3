"""Light Markdown in pack text fields: paragraphs, **bold**, *italic*, links and "- " lists.

Everything else a user types (headings, code, raw HTML such as `<b>`, entities such as `&amp;`,
images) is printed exactly as typed: the parser only ever produces plain-text runs, so nothing
in a pack can become markup in a writer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from briefing.document.model import LINK_SCHEMES, BulletList, Paragraph, Run

if TYPE_CHECKING:
    from markdown_it.token import Token

    from briefing.document.model import Origin

# Block and inline rules of CommonMark that would turn typed text into something other than
# paragraphs, lists, emphasis or links. With them off, their syntax stays literal text.
_BLOCK_RULES_OFF = [
    "code",
    "fence",
    "blockquote",
    "hr",
    "reference",
    "html_block",
    "heading",
    "lheading",
]
_INLINE_RULES_OFF = ["backticks", "autolink", "html_inline", "entity"]


# A web or e-mail address typed as plain text. Trailing punctuation is the sentence's, not the
# address's; the e-mail form needs a dot in the domain so "a@b" stays text.
_ADDRESS = re.compile(
    r"(?P<url>\b(?:https?://|www\.)[^\s<>\"]+)"
    r"|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?'\"’”"


def _address_end(url: str) -> str:
    """Drop the sentence's punctuation and an unmatched closing bracket from an address."""
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count(")") > url.count("("))):
        url = url[:-1]
    return url


def _may_hold_address(text: str) -> bool:
    """A quick test that leaves out most text: an address needs "://", "www." or "@"."""
    return "://" in text or "@" in text or "www." in text.lower()


def linked(run: Run) -> list[Run]:
    """A run with typed addresses split out as live links ("www." gets https://; an e-mail
    address mailto:). Text already inside a link is left alone."""
    if run.href or not _may_hold_address(run.text):
        return [run]
    out: list[Run] = []
    pos = 0
    for match in _ADDRESS.finditer(run.text):
        text = match.group(0)
        if match.group("url"):
            text = _address_end(text)
            href = text if "://" in text else f"https://{text}"
        else:
            href = f"mailto:{text}"
        if not text or text[-3:] == "://":
            continue
        start = match.start()
        if start > pos:
            out.append(Run(run.text[pos:start], run.bold, run.italic))
        out.append(Run(text, run.bold, run.italic, href))
        pos = start + len(text)
    if pos < len(run.text):
        out.append(Run(run.text[pos:], run.bold, run.italic))
    return out


def _allowed_link(url: str) -> bool:
    return url.strip().lower().startswith(LINK_SCHEMES)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(_BLOCK_RULES_OFF + _INLINE_RULES_OFF)
    # Links to anything but the web or e-mail (javascript:, file:, relative paths) are not
    # parsed as links at all, so they print as typed.
    md.validateLink = _allowed_link  # type: ignore[method-assign]  # markdown-it's own hook
    return md


def _runs(inline: Token | None) -> list[Run]:
    runs: list[Run] = []
    bold = italic = 0
    href = ""
    for tok in (inline.children or []) if inline is not None else []:
        kind = tok.type
        if kind == "text":
            if tok.content:
                runs.append(Run(tok.content, bold=bold > 0, italic=italic > 0, href=href))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run(" ", bold=bold > 0, italic=italic > 0, href=href))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href = str(tok.attrs.get("href", ""))
        elif kind == "link_close":
            href = ""
        elif kind == "image":
            # Pictures are not part of the light Markdown: print the syntax as typed.
            src = str(tok.attrs.get("src", ""))
            runs.append(Run(f"![{tok.content}]({src})", bold=bold > 0, italic=italic > 0))
        elif tok.content:  # anything unexpected still prints, as text
            runs.append(Run(tok.content, bold=bold > 0, italic=italic > 0, href=href))
    return _merge(runs)


def _merge(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs with the same formatting (fewer, cleaner runs in the output)."""
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].href) == (
            run.bold,
            run.italic,
            run.href,
        ):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.href)
        else:
            merged.append(run)
    merged = [piece for run in merged for piece in linked(run)]
    if merged:
        first, last = merged[0], merged[-1]
        merged[0] = Run(first.text.lstrip(), first.bold, first.italic, first.href)
        last = merged[-1]
        merged[-1] = Run(last.text.rstrip(), last.bold, last.italic, last.href)
    return [r for r in merged if r.text]


def inline_runs(text: str) -> list[Run]:
    """One line of light Markdown (a bullet point, a key message) as runs."""
    tokens = _parser().parseInline(text.strip())
    return _runs(tokens[0] if tokens else None)


def blocks(
    text: str, role: str = "body", first_role: str | None = None, origin: Origin = ()
) -> list[Paragraph | BulletList]:
    """A text field as paragraphs and bullet lists, each recording `origin` (the field's place
    in the pack).

    `first_role` styles the first paragraph differently (the pack intro's lead paragraph).
    Numbered lists are not part of the light Markdown: their items print as paragraphs that
    keep the number as typed.
    """
    out: list[Paragraph | BulletList] = []
    tokens = _parser().parse(text or "")
    list_stack: list[str] = []  # "bullet" | "ordered"
    numbers: list[int] = []
    bullets: list[list[Run]] = []
    pending_number = ""

    def flush_bullets() -> None:
        if bullets:
            out.append(BulletList(items=list(bullets), origins=[origin] * len(bullets)))
            bullets.clear()

    for tok in tokens:
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_stack.append("bullet" if kind == "bullet_list_open" else "ordered")
            numbers.append(int(tok.attrs.get("start", 1) or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
            numbers.pop()
            if "bullet" not in list_stack:
                flush_bullets()
        elif kind == "list_item_open" and list_stack[-1] == "ordered":
            pending_number = f"{numbers[-1]}{tok.markup or '.'} "
            numbers[-1] += 1
        elif kind == "inline":
            runs = _runs(tok)
            if not runs:
                continue
            if pending_number:
                runs = _merge([Run(pending_number), *runs])
                pending_number = ""
            if "bullet" in list_stack:
                bullets.append(runs)
                continue
            flush_bullets()
            is_first = not any(isinstance(b, Paragraph) for b in out)
            use = first_role if (first_role and is_first) else role
            out.append(Paragraph(runs=runs, role=use, origin=origin))
    flush_bullets()
    return out


def plain_text(text: str) -> str:
    """The words a reader sees, without Markdown syntax (for word counts)."""
    parts: list[str] = []
    for block in blocks(text):
        if isinstance(block, Paragraph):
            parts.append("".join(r.text for r in block.runs))
        else:
            parts.extend("".join(r.text for r in item) for item in block.items)
    return "\n".join(parts)
