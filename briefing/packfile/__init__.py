"""Pack files (format 1): safe loading with FILE:LINE:COLUMN problems, and a stable save.

load_pack(path) -> Pack             raises PackError listing every problem
load_checked_pack(path) -> Pack     a pack known to pass the checks (an issued version)
load_pack_at(path) -> (Pack, Positions)  the same, with where each value sits in the file
loads_pack(text, path) -> Pack      the same, from text already read
check_pack_text(text, path)         the problems only ([] for a good pack)
dump_pack(pack) -> str              canonical YAML
save_pack(pack, path) -> Path       atomic save; the previous file survives a failure, and
                                    its comments are kept (see keep_comments)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaml.nodes import MappingNode, Node, SequenceNode

from briefing.collector import paused
from briefing.errors import PackError, Problem
from briefing.files.safe_write import atomic_write_text
from briefing.limits.reading import MAX_PACK, Unreadable, read_capped
from briefing.packfile.checks import check_semantics
from briefing.packfile.convert import to_pack
from briefing.packfile.dump import dump_pack, pack_to_data
from briefing.packfile.migrate import UnsupportedVersion, upgrade
from briefing.packfile.positions import Positions
from briefing.packfile.reader import ALLOWED_TAGS, compose, decode, to_data
from briefing.packfile.schema import check_schema, normalise

if TYPE_CHECKING:
    from briefing.model.pack import Pack

__all__ = [
    "check_pack_text",
    "dump_pack",
    "load_checked_pack",
    "load_pack",
    "load_pack_at",
    "loads_pack",
    "save_pack",
]


def load_pack(path: Path) -> Pack:
    return load_pack_at(path)[0]


def load_pack_at(path: Path) -> tuple[Pack, Positions]:
    """The pack and the 1-based line and column of each of its values (for checks that point
    into the file)."""
    path = Path(path)
    if path.is_dir():  # checked first: Windows reports a folder as "permission denied"
        raise PackError(
            [
                Problem(
                    path, 0, 0, "this is a folder, not a pack file: give the path of a .yaml file"
                )
            ]
        )
    if not path.exists() and not path.is_symlink():
        raise PackError([Problem(path, 0, 0, "no such file: check the name and the folder")])
    try:
        data = read_capped(path, MAX_PACK, "a pack")
    except Unreadable as exc:
        raise PackError([Problem(path, 0, 0, exc.reason)]) from None
    text, problems = decode(data, path)
    if text is None:
        raise PackError(problems)
    return _loads_at(text, path)


@paused()
def load_checked_pack(path: Path) -> Pack:
    """A pack file known to pass every check (an issued version: checked when it was issued,
    and its fingerprint checked since), read without the schema and cross-reference checks,
    which take most of the time on a long pack. Any problem found still raises PackError."""
    path = Path(path)
    try:
        text, problems = decode(path.read_bytes(), path)
    except OSError as exc:
        raise PackError([Problem(path, 0, 0, f"cannot be read: {exc.strerror or exc}")]) from None
    if text is None:
        raise PackError(problems)
    node, problems = compose(text.removeprefix("\ufeff"), path)
    if node is None or problems:
        return load_pack(path)  # the full reading says what is wrong, and where
    positions = Positions(path)
    data, problems = to_data(node, positions)
    if problems or not isinstance(data, dict):
        return load_pack(path)
    try:
        data, problems = normalise(upgrade(data), positions)
        if not problems:
            return to_pack(data)
    except (UnsupportedVersion, KeyError, TypeError, ValueError):
        pass
    return load_pack(path)


def loads_pack(text: str, path: Path) -> Pack:
    return _loads_at(text, Path(path))[0]


@paused()
def _loads_at(text: str, path: Path) -> tuple[Pack, Positions]:
    data, problems, positions = _read(text, path)
    if problems or data is None:
        raise PackError(problems)
    return to_pack(data), positions


@paused()
def check_pack_text(text: str, path: Path) -> list[Problem]:
    _, problems, _ = _read(text, Path(path))
    return sorted(problems, key=lambda p: (p.line, p.column))


def save_pack(
    pack: Pack, path: Path, *, comments_from: Path | None = None, keep_comments: bool = True
) -> Path:
    """Write the pack to path atomically. When path (or `comments_from`, for Save As of a
    loaded pack) is a pack file that parses, its comments and hand formatting are kept; the
    result is checked to load back to this very pack, else the canonical dump is written.
    `keep_comments=False` writes a new pack over an unrelated file without borrowing from it."""
    path = Path(path)
    source = Path(comments_from) if comments_from is not None else path
    old = _old_text(source) if keep_comments else None
    text = None
    if old is not None and "#" in old:  # no comment to keep: the (much faster) canonical dump
        from briefing.packfile.keep_comments import merged_text

        text = merged_text(old, pack_to_data(pack))
        if text is not None and not _loads_as(text, path, pack):
            text = None
    return atomic_write_text(path, text if text is not None else dump_pack(pack))


def _old_text(path: Path) -> str | None:
    """The text of an existing pack file whose YAML parses with only plain-data tags and no
    aliases (so the round-trip loader meets nothing it could turn into an object)."""
    try:
        data = read_capped(path, MAX_PACK, "a pack")
    except Unreadable:
        return None
    text, _ = decode(data, path)
    if not text:
        return None
    node, problems = compose(text, path)
    if node is None or problems or not _plain_nodes(node):
        return None
    return text


def _plain_nodes(node: Node) -> bool:
    if node.tag not in ALLOWED_TAGS:
        return False
    if isinstance(node, MappingNode):
        return all(_plain_nodes(k) and _plain_nodes(v) for k, v in node.value)
    if isinstance(node, SequenceNode):
        return all(_plain_nodes(n) for n in node.value)
    return True


def _loads_as(text: str, path: Path, pack: Pack) -> bool:
    try:
        return loads_pack(text, path) == pack
    except PackError:
        return False


def _read(text: str, path: Path) -> tuple[dict[str, Any] | None, list[Problem], Positions]:
    """Checked plain data of a pack (or the problems that stop it loading), and positions."""
    if text.startswith("\ufeff"):
        text = text[1:]
    positions = Positions(path)
    node, problems = compose(text, path)
    if node is None:
        if not problems:
            problems.append(
                Problem(
                    path,
                    1,
                    1,
                    "the file is empty: a pack needs at least "
                    "briefing_pack: 1, a title and sections",
                )
            )
        return None, problems, positions
    data, more = to_data(node, positions)
    problems += more
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        problems.append(
            Problem(
                path,
                1,
                1,
                f"a pack file should be a set of keys "
                f"(briefing_pack:, title:, sections: …), not {kind}",
            )
        )
        return None, problems, positions
    try:
        data = upgrade(data)
    except UnsupportedVersion as exc:
        line, column = positions.of_value(("briefing_pack",))
        return None, [*problems, Problem(path, line, column, exc.message)], positions
    data, more = normalise(data, positions)
    more += check_schema(data, positions)
    more += check_semantics(data, positions)
    problems += more
    return (None if problems else data), problems, positions
