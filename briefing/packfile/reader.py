"""Reading a pack file safely: bytes to text, text to a YAML node tree, nodes to plain data.

Nothing here constructs objects from tags: the file is only *composed* (parsed into nodes) with
PyYAML's safe loader, and scalars are turned into str/int/float/bool/None by hand. Tags outside
YAML's core set, aliases and duplicate keys are reported as problems with their position.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.errors import Problem
from briefing.limits.characters import describe as describe_character
from briefing.limits.characters import storable
from briefing.limits.yaml_depth import MAX_DEPTH, depth_message, too_deep
from briefing.packfile.positions import PathKey, Positions, describe, mark_of

if TYPE_CHECKING:
    from pathlib import Path

_CORE = "tag:yaml.org,2002:"
_ALIAS = "tag:briefing,2025:refused-alias"  # stands in for an alias, already reported
# Tags a pack may carry (all resolve to plain data). Anything else, such as
# !!python/object/apply:os.system or a custom !tag, is refused before any value is made.
ALLOWED_TAGS = {
    _CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}

_SYNTAX_HINTS = {
    "mapping values are not allowed here": "if a value contains ': ', put the whole value in quotes",
    "that cannot start any token": "indent with spaces, not tabs; put values starting with @ or ` in quotes",
    "could not find expected ':'": "check the indentation and that each key ends with ':'",
    "did not find expected key": "check the indentation of this line against the lines above",
    "did not find expected '-' indicator": "check the indentation of this list",
    "found unexpected end of stream": "a quoted value is not closed: add the closing quote",
    "found undefined alias": "remove the '*' or put the value in quotes",
    "expected <block end>, but found": "check the indentation of this line against the lines above",
}


def decode(data: bytes, file: Path) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a leading BOM is dropped), or a problem naming where the first bad byte is."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16's mark
        return None, [
            Problem(
                file,
                1,
                1,
                "the file is saved as UTF-32: save it as UTF-8 "
                "(in Notepad: Save as, Encoding: UTF-8)",
            )
        ]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            Problem(
                file,
                1,
                1,
                "the file is saved as UTF-16: save it as UTF-8 "
                "(in Notepad: Save as, Encoding: UTF-8)",
            )
        ]
    if _utf16_without_mark(data):
        return None, [
            Problem(
                file,
                1,
                1,
                "the file is saved as UTF-16 (without a byte order "
                "mark): save it as UTF-8 (in Notepad: Save as, "
                "Encoding: UTF-8)",
            )
        ]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start_of_line = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start_of_line : exc.start].decode("utf-8", "replace")) + 1
        return None, [
            Problem(
                file,
                line,
                column,
                f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X} at byte offset "
                f"{exc.start}): save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
            )
        ]


def _utf16_without_mark(data: bytes) -> bool:
    """Text saved as UTF-16 with no byte order mark: every other byte of its start is NUL
    (a pack's keys are ASCII), which UTF-8 text never has."""
    head = data[:200]
    if len(head) < 8:
        return False
    evens, odds = head[0::2], head[1::2]
    return evens.count(0) > 0.8 * len(evens) or odds.count(0) > 0.8 * len(odds)


class _Composer(yaml.SafeLoader):
    """The safe loader, used only to compose nodes; aliases are recorded and not followed."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.aliases: list[tuple[int, int, str]] = []

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            # Following aliases would let a tiny file expand into a huge one ("billion
            # laughs"), and the app never writes them, so they are refused.
            event = self.get_event()  # type: ignore[no-untyped-call]  # unannotated in types-PyYAML
            self.aliases.append(
                (event.start_mark.line + 1, event.start_mark.column + 1, event.anchor)
            )
            return ScalarNode(_ALIAS, "", event.start_mark, event.end_mark)
        return super().compose_node(parent, index)


def compose(text: str, file: Path) -> tuple[Node | None, list[Problem]]:
    fast = _compose_with_libyaml(text)
    if fast is not None:
        return fast[0], []
    return compose_in_python(text, file)


def _compose_with_libyaml(text: str) -> tuple[Node | None] | None:
    """The node tree from libyaml (several times faster), or None to use the Python composer:
    when libyaml is missing, when the file has aliases (the C composer would follow them) and
    when the file has an error (the Python parser's messages are the ones explained here), and
    when it nests too deeply (composing recurses; the Python side reports where)."""
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    try:
        scan = yaml.CSafeLoader(text)
        depth = 0
        try:
            while scan.check_event():
                event = scan.get_event()
                if isinstance(event, AliasEvent):
                    return None
                if isinstance(event, CollectionStartEvent):
                    depth += 1
                    if depth > MAX_DEPTH:
                        return None
                elif isinstance(event, CollectionEndEvent):
                    depth -= 1
        finally:
            scan.dispose()
        loader = yaml.CSafeLoader(text)
        try:
            return (loader.get_single_node(),)
        finally:
            loader.dispose()
    except (yaml.YAMLError, UnicodeEncodeError):  # libyaml cannot take half a character
        return None


def compose_in_python(text: str, file: Path) -> tuple[Node | None, list[Problem]]:
    deep = too_deep(text)
    if deep is not None:
        return None, [Problem(file, *deep, depth_message())]
    try:
        loader = _Composer(text)  # the reader checks for unprintable characters here
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        if 0xD800 <= exc.character <= 0xDFFF:
            return None, [Problem(file, line, column, describe_character(chr(exc.character)))]
        return None, [
            Problem(
                file,
                line,
                column,
                f"the file contains a control character (code {exc.character:#04x}) "
                "that a pack cannot hold: delete it",
            )
        ]
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, file)]
    finally:
        loader.dispose()
    problems = [
        Problem(
            file,
            line,
            col,
            f'"*{anchor}" repeats another value (a YAML alias); pack files '
            "do not use anchors and aliases: write the value out in full",
        )
        for line, col, anchor in loader.aliases
    ]
    return node, problems


def _syntax_problem(exc: yaml.MarkedYAMLError, file: Path) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = exc.problem or "unreadable YAML"
    if exc.context:
        what = f"{what} ({exc.context})"
    hint = next((h for key, h in _SYNTAX_HINTS.items() if key in what), "check this line")
    return Problem(file, line, column, f"YAML syntax error: {what}; {hint}")


def to_data(node: Node, positions: Positions) -> tuple[Any, list[Problem]]:
    """Plain data (dicts, lists, scalars) from a node tree, recording every position."""
    problems: list[Problem] = []
    positions.record((), node)
    data = _convert(node, (), positions, problems)
    return data, problems


def _convert(node: Node, path: PathKey, positions: Positions, problems: list[Problem]) -> Any:
    if node.tag == _ALIAS:
        positions.refused.add(path)
        return None
    if node.tag not in ALLOWED_TAGS:
        problems.append(positions.at_value(path, _tag_message(node.tag)))
        positions.refused.add(path)
        return None
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in ALLOWED_TAGS:
                line, column = mark_of(key_node)
                problems.append(
                    Problem(
                        positions.file, line, column, "a key must be a plain word followed by ':'"
                    )
                )
                continue
            key = _storable(key_node.value, key_node, path, positions, problems)
            child = (*path, key)
            if key in result:
                first = positions.of_key(child)
                line, column = mark_of(key_node)
                problems.append(
                    Problem(
                        positions.file,
                        line,
                        column,
                        f'"{key}" appears twice in {describe(path)} (first on line {first[0]}): '
                        "keep one and delete the other",
                    )
                )
                continue
            positions.record(child, value_node, key_node)
            result[key] = _convert(value_node, child, positions, problems)
        return result
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            positions.record((*path, index), item)
            items.append(_convert(item, (*path, index), positions, problems))
        return items
    if node.tag in _TYPED:
        positions.raw[path] = node.value
    value = scalar_value(node)
    return _storable(value, node, path, positions, problems) if isinstance(value, str) else value


def _storable(
    text: str, node: Node, path: PathKey, positions: Positions, problems: list[Problem]
) -> str:
    """The text as a writer can store it, or a problem at the first character it cannot."""
    fixed, index, why = storable(text)
    if index >= 0:
        line, column = mark_of(node)
        if getattr(node, "style", None) is None and node.start_mark.line == node.end_mark.line:
            column += index  # a plain one-line value: point at the character itself
        problems.append(Problem(positions.file, line, column, why))
        positions.refused.add(path)
    return fixed


def scalar_value(node: Node) -> Any:
    """The value of a scalar node under YAML 1.1 core rules, made without any constructor
    that could run code. Timestamps stay text: the checks parse dates with clear messages."""
    tag, text = node.tag, node.value
    if tag == _CORE + "null":
        return None
    if tag == _CORE + "bool":
        return _BOOLS.get(text.lower(), text)
    if tag == _CORE + "int":
        return _number(_NUMBERS.construct_yaml_int, node)
    if tag == _CORE + "float":
        return _number(_NUMBERS.construct_yaml_float, node)
    return text


# Only its number parsers are used: they read digits and never look at tags.
_NUMBERS = yaml.constructor.SafeConstructor()


def _number(parse: Any, node: Node) -> Any:
    try:
        return parse(node)
    except (ValueError, yaml.YAMLError):
        return node.value  # an explicit !!int on text that is not a number: left to the schema


_TYPED = {_CORE + "int", _CORE + "float", _CORE + "bool"}
_BOOLS = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False}


def _tag_message(tag: str) -> str:
    shown = tag.replace(_CORE, "!!")
    if "python" in tag:
        return (
            f'the tag "{shown}" asks to run Python code; pack files never do that, '
            "so it was not read: delete the tag and write plain text"
        )
    return f'the tag "{shown}" is not supported in pack files: delete it and write plain text'
