"""A small HTML element builder: a tree of elements serialised with every text and attribute
escaped, so text from a pack can never become markup.

The only unescaped content is a stylesheet the writer builds itself (`Stylesheet`), which is
refused if it could close its own `<style>` element.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

# Elements with no end tag.
VOID = frozenset({"br", "img", "meta", "link", "hr", "wbr"})
# Elements after whose start and end tags a line break is written, to keep the file readable.
# (Only between block elements, where white space has no effect on what the reader sees.)
_BLOCKS = frozenset(
    {
        "html",
        "head",
        "body",
        "header",
        "footer",
        "main",
        "nav",
        "section",
        "div",
        "ul",
        "ol",
        "table",
        "thead",
        "tbody",
        "tr",
        "figure",
        "blockquote",
        "style",
    }
)
_LINE_AFTER_END = _BLOCKS | frozenset(
    {
        "meta",
        "title",
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "th",
        "td",
        "caption",
        "figcaption",
        "img",
    }
)

# C0 and C1 control characters (other than tab, line feed and carriage return) are errors in
# HTML; they are dropped rather than written.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    return _CONTROLS.sub("", text)


def escape_text(text: str) -> str:
    return html.escape(clean(text), quote=False)


def escape_attr(value: str) -> str:
    """A value for a double-quoted attribute."""
    return html.escape(clean(value), quote=False).replace('"', "&quot;")


@dataclass(frozen=True)
class Stylesheet:
    """CSS written by this program (never text from a pack) for a `<style>` element."""

    css: str

    def __post_init__(self) -> None:
        if "</" in self.css or "<!--" in self.css:
            raise ValueError("a stylesheet must not contain '</' or '<!--'")


class Element:
    """One HTML element: a tag, attributes in the order given, and children (elements or text).

    Attribute values of None are left out; True writes a bare boolean attribute.
    """

    __slots__ = ("tag", "attrs", "children")

    def __init__(
        self,
        tag: str,
        attrs: dict[str, str | bool | None] | None = None,
        children: Iterable[Element | str | Stylesheet | None] = (),
    ) -> None:
        self.tag = tag
        self.attrs = {k: v for k, v in (attrs or {}).items() if v is not None and v is not False}
        self.children: list[Element | str | Stylesheet] = []
        self.extend(children)

    def append(self, child: Element | str | Stylesheet | None) -> Element:
        if child is None or child == "":
            return self
        if self.tag in VOID:
            raise ValueError(f"<{self.tag}> cannot have children")
        self.children.append(child)
        return self

    def extend(self, children: Iterable[Element | str | Stylesheet | None]) -> Element:
        for child in children:
            self.append(child)
        return self

    def add_class(self, name: str) -> None:
        current = self.attrs.get("class")
        self.attrs["class"] = f"{current} {name}" if isinstance(current, str) and current else name


def el(
    tag: str, *children: Element | str | Stylesheet | None, **attrs: str | bool | None
) -> Element:
    """Element(tag) with keyword attributes: class_ becomes class, aria_label aria-label."""
    return Element(
        tag, {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()}, children
    )


def text_with_breaks(text: str) -> list[Element | str]:
    """Text whose line breaks stay line breaks (`<br>` between the lines)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[Element | str] = []
    for n, line in enumerate(lines):
        if n:
            out.append(Element("br"))
        if line:
            out.append(line)
    return out


def serialise(root: Element, doctype: bool = True) -> str:
    parts: list[str] = ["<!DOCTYPE html>\n"] if doctype else []
    _write(root, parts)
    return "".join(parts)


def _write(node: Element, parts: list[str]) -> None:
    tag = node.tag
    parts.append(f"<{tag}")
    for name, value in node.attrs.items():
        if value is True:
            parts.append(f" {name}")
        else:
            parts.append(f' {name}="{escape_attr(str(value))}"')
    parts.append(">")
    if tag in VOID:
        if tag in _LINE_AFTER_END:
            parts.append("\n")
        return
    if tag in _BLOCKS:
        parts.append("\n")
    for child in node.children:
        if isinstance(child, Element):
            _write(child, parts)
        elif isinstance(child, Stylesheet):
            parts.append(child.css)
        else:
            parts.append(escape_text(child))
    parts.append(f"</{tag}>")
    if tag in _LINE_AFTER_END:
        parts.append("\n")
