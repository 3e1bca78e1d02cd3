"""Saving over a hand-edited pack without losing its comments: the new data laid into the old tree.

The existing file is read with ruamel.yaml's round-trip loader (which keeps comments and the
style of each value) and the canonical plain data of the pack is merged into that tree in place:
changed values are replaced, keys that are gone are deleted, new keys go in at their canonical
place, and list entries are matched (sections by title, items by article id, other entries by
value, then by position) so a moved entry keeps its comments. The caller checks that the result
loads back to the same Pack and falls back to the canonical dump if not.

ruamel keeps a comment on the line *before* an entry at the end of whatever came before it (often
deep inside the previous item), so before merging such comments are lifted off and tied to the
entry they precede, and afterwards put back where ruamel expects them.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from briefing.packfile.dump import _NON_PRINTABLE, _NOT_IN_BLOCKS

Target = tuple[Any, ...]  # ("k", id(map), key) | ("o", id(entry)) | ("i", id(seq), index)
Slot = tuple[Any, Any]  # (container, key or index) of a scalar whose trailing comment it holds
_END = ("end",)  # the comments after the last value in the file


class _Resolver11(VersionedResolver):
    """YAML 1.1 rules, as the pack reader (PyYAML) uses: `yes`, `on`, `0177` are not plain text,
    so the emitter quotes them when they are text; no %YAML directive is written."""

    @property
    def processing_version(self) -> Any:
        return (1, 1)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0] and value in ("y", "Y", "n", "N"):
            return self.DEFAULT_SCALAR_TAG  # PyYAML reads these as text: keep them unquoted
        return super().resolve(kind, value, implicit)


def _indented(token: CommentToken) -> str:
    """A comment token's text with its first line indented as in the file (ruamel keeps that
    column apart, and the token is written back at column 0)."""
    text = token.value
    if text.startswith("#"):
        return " " * token.column + text
    return text


def _yaml() -> YAML:
    rt = YAML(typ="rt")  # round trip: plain containers and scalars only, never Python objects
    rt.Resolver = _Resolver11
    rt.indent(mapping=2, sequence=4, offset=2)  # lists indented under their key, as dump_pack
    rt.width = 1_000_000  # never fold long lines
    rt.allow_unicode = True
    rt.preserve_quotes = True  # a value typed in quotes keeps them while it is unchanged
    return rt


def merged_text(old_text: str, data: dict[str, Any]) -> str | None:
    """The old file with `data` merged in, or None when the old text cannot be used."""
    rt = _yaml()
    try:
        tree = rt.load(old_text)
    except Exception:  # any ruamel error: the canonical dump is used instead
        return None
    if not isinstance(tree, CommentedMap):
        return None
    merger = _Merger()
    merger.lift(tree)
    merger.merge_map(tree, data)
    merger.settle(tree)
    out = io.StringIO()
    try:
        rt.dump(tree, out)
    except Exception:
        return None
    return out.getvalue()


class _Merger:
    def __init__(self) -> None:
        self.leads: dict[Target, str] = {}  # comment lines before an entry, tied to the entry
        self.pending = ""
        self.keep: list[Any] = []  # old objects whose ids are keys in `leads`
        self.used: set[int] = set()  # ids of old entries already matched to a new one
        self.articles: list[Any] = []  # every article id in the new sections

    # -- lifting comments off the old tree ------------------------------------------------------
    def lift(self, node: Any) -> None:
        self._lift(node)
        if self.pending:
            self.leads[_END] = self.pending

    def _note(self, target: Target) -> None:
        if self.pending:
            self.leads[target] = self.leads.get(target, "") + self.pending
            self.pending = ""

    def _lift(self, node: Any) -> None:
        self.keep.append(node)
        if isinstance(node, CommentedMap):
            for key, value in node.items():
                self._note(("k", id(node), key))
                if isinstance(value, CommentedSeq):
                    entry = node.ca.items.get(key)
                    if entry is not None and len(entry) > 3:
                        entry[3] = None  # a copy of the list's own head comment
                if isinstance(value, (CommentedMap, CommentedSeq)):
                    self._lift(value)
                else:
                    self._take_tail(node.ca.items.get(key), 2, value)
        elif isinstance(node, CommentedSeq):
            head = node.ca.comment
            if head and len(head) > 1 and head[1]:
                self.pending += "".join(_indented(t) for t in head[1])
                head[1] = None
            for index, value in enumerate(node):
                if isinstance(value, (CommentedMap, CommentedSeq)):
                    self._note(("o", id(value)))
                    self._lift(value)
                else:
                    self._note(("i", id(node), index))
                    self._take_tail(node.ca.items.get(index), 0, value)

    def _take_tail(self, entry: list[Any] | None, at: int, value: Any) -> None:
        """Split a scalar's trailing comment: the part on its own line stays, the lines after
        it become pending (they precede whatever comes next)."""
        if not entry or entry[at] is None:
            return
        text = entry[at].value
        if isinstance(value, LiteralScalarString):
            own, rest = "", _indented(entry[at])  # a block scalar has already ended its line
        else:
            own, _, rest = text.partition("\n")
            own = own + "\n" if own.lstrip().startswith("#") else ""
        self.pending += rest
        if own:
            entry[at].value = own
        else:
            entry[at] = None

    # -- merging -----------------------------------------------------------------------------------
    def merge_map(self, old: CommentedMap, new: dict[str, Any], pool: Any = None) -> None:
        for key in [k for k in old if k not in new]:
            del old[key]
            old.ca.items.pop(key, None)
        for key, value in new.items():
            if key in old:
                merged = self.merge_value(old[key], value, key, pool)
                if merged is not old[key]:
                    old[key] = merged
                    _respace(old.ca.items.get(key), 2)
            else:
                old.insert(self._position(old, new, key), key, fresh(value))

    @staticmethod
    def _position(old: CommentedMap, new: dict[str, Any], key: str) -> int:
        """After the nearest key that comes before it in the canonical order."""
        keys = list(old)
        before = list(new)[: list(new).index(key)]
        for earlier in reversed(before):
            if earlier in old:
                return keys.index(earlier) + 1
        return 0

    def merge_value(self, old: Any, new: Any, key: Any = None, pool: Any = None) -> Any:
        if isinstance(new, dict):
            if not isinstance(old, CommentedMap):
                return fresh(new)
            self.merge_map(old, new, pool)
            return old
        if isinstance(new, list):
            if not isinstance(old, CommentedSeq):
                return fresh(new)
            if key == "sections":
                self.articles = [i.get("article") for s in new for i in s.get("items", [])]
                return self.merge_list(old, new, _title, _item_pool(old))
            if key == "items":
                return self.merge_list(old, new, _article, pool, pool_wanted=True)
            return self.merge_list(old, new)
        return old if same_scalar(old, new) else fresh(new)

    def merge_list(  # noqa: C901 - match by key, then by position, keeping comments
        self,
        old: CommentedSeq,
        new: list[Any],
        key_of: Any = None,
        pool: Any = None,
        pool_wanted: bool = False,
    ) -> CommentedSeq:
        """Entries matched by key (items from a pool shared by all sections, so an item moved
        to another section is found), then by position; the old list object is kept."""
        olds = list(old)
        keys = [_key(o, key_of) for o in olds]
        picks: list[int | None] = []  # index into olds (items from elsewhere are appended)
        for value in new:
            want = _key(value, key_of)
            pick = None
            if pool_wanted:
                while pool.get(want) and pick is None:
                    obj = pool[want].pop(0)
                    if id(obj) not in self.used:
                        pick = next((i for i, o in enumerate(olds) if o is obj), None)
                        if pick is None:
                            olds.append(obj)
                            keys.append(want)
                            pick = len(olds) - 1
            elif want is not None:
                pick = next(
                    (
                        i
                        for i, o in enumerate(olds)
                        if id(o) not in self.used and i not in picks and keys[i] == want
                    ),
                    None,
                )
            if pick is not None:
                self.used.add(id(olds[pick]))
            picks.append(pick)
        wanted = self.articles if pool_wanted else [_key(v, key_of) for v in new]
        for n, pick in enumerate(picks):  # unmatched: the old entry in the same place, unless
            if (
                pick is None
                and n < len(old)
                and id(olds[n]) not in self.used  # it is wanted
                and keys[n] not in wanted
            ):  # elsewhere
                picks[n] = n
                self.used.add(id(olds[n]))
        tails = dict(old.ca.items)
        leads = {t: self.leads.pop(t) for t in list(self.leads) if t[:2] == ("i", id(old))}
        result: list[Any] = []
        for n, (value, pick) in enumerate(zip(new, picks, strict=True)):
            if pick is None:
                result.append(fresh(value))
                continue
            result.append(self.merge_value(olds[pick], value, None, pool))
            if pick < len(old):
                if pick in tails and not isinstance(olds[pick], (CommentedMap, CommentedSeq)):
                    tails[("new", n)] = tails[pick]
                    if result[-1] is not olds[pick]:
                        _respace(tails[pick], 0)
                if ("i", id(old), pick) in leads:
                    self.leads[("i", id(old), n)] = leads[("i", id(old), pick)]
        old.ca.items.clear()
        del old[:]
        old.extend(result)
        for slot, entry in tails.items():
            if isinstance(slot, tuple):
                old.ca.items[slot[1]] = entry
        return old

    # -- putting comments back ---------------------------------------------------------------------
    def settle(self, tree: CommentedMap) -> None:
        self.last: Slot | None = None
        self._settle(tree)
        end = self.leads.get(_END)
        if end and self.last is not None:
            self._append(self.last, end)

    def _place(self, target: Target, container: Any, first: bool, parent: Slot | None) -> None:
        text = self.leads.get(target)
        if not text:
            return
        if self.last is not None and not first:
            self._append(self.last, text)
        elif isinstance(container, CommentedSeq) and parent is not None:
            # Before a list's first entry: ruamel writes it from the parent key's entry.
            tokens = [CommentToken(text, CommentMark(0))]
            entry = parent[0].ca.items.setdefault(parent[1], [None, None, None, None])
            entry[3] = tokens
            container.ca.comment = [
                container.ca.comment[0] if container.ca.comment else None,
                tokens,
            ]
        elif self.last is not None:
            self._append(self.last, text)

    def _settle(self, node: Any, parent: Slot | None = None) -> None:
        if isinstance(node, CommentedMap):
            self.last = None
            for n, (key, value) in enumerate(node.items()):
                self._place(("k", id(node), key), node, n == 0, parent)
                if isinstance(value, (CommentedMap, CommentedSeq)):
                    self._settle(value, (node, key))
                else:
                    self.last = (node, key)
        elif isinstance(node, CommentedSeq):
            self.last = None
            for n, value in enumerate(node):
                if isinstance(value, (CommentedMap, CommentedSeq)):
                    self._place(("o", id(value)), node, n == 0, parent)
                    self._settle(value)
                else:
                    self._place(("i", id(node), n), node, n == 0, parent)
                    self.last = (node, n)

    @staticmethod
    def _append(slot: Slot, text: str) -> None:
        container, key = slot
        at = 2 if isinstance(container, CommentedMap) else 0
        entry = container.ca.items.setdefault(key, [None, None, None, None])
        token = entry[at]
        if token is None:
            block = isinstance(container[key], LiteralScalarString)
            entry[at] = CommentToken(("" if block else "\n") + text, CommentMark(0))
        else:
            token.value = token.value + text


def _respace(entry: list[Any] | None, at: int) -> None:
    """A comment after a value that changed length goes two spaces after it (its old column
    would now be too close, or far off)."""
    if entry and entry[at] is not None and entry[at].value.startswith("#"):
        entry[at] = CommentToken(" " + entry[at].value, CommentMark(0))


def _title(value: Any) -> Any:
    return value.get("title")


def _article(value: Any) -> Any:
    return value.get("article")


def _key(value: Any, key_of: Any) -> Any:
    """What an entry is matched on: its own value, or a key of a mapping (None if not one)."""
    if key_of is None:
        return value
    return key_of(value) if isinstance(value, dict) else None


def _item_pool(sections: CommentedSeq) -> dict[Any, list[CommentedMap]]:
    """Every old item by article id, so an item moved to another section is found."""
    pool: dict[Any, list[CommentedMap]] = {}
    for section in sections:
        items = section.get("items") if isinstance(section, CommentedMap) else None
        for item in items if isinstance(items, CommentedSeq) else []:
            if isinstance(item, CommentedMap):
                pool.setdefault(item.get("article"), []).append(item)
    return pool


def same_scalar(old: Any, new: Any) -> bool:
    """Equal and of the same kind (True is not 1, a date is not text)."""
    kinds = (bool, int, float, str, date)
    kind = next((k for k in kinds if isinstance(new, k)), type(new))
    return isinstance(old, kind) and not (kind is int and isinstance(old, bool)) and old == new


def fresh(value: Any) -> Any:
    """A new value for the tree, styled as the canonical dump would write it."""
    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = fresh(item)
        return out
    if isinstance(value, list):
        return CommentedSeq(fresh(item) for item in value)
    if isinstance(value, str):
        if any(c in value for c in _NOT_IN_BLOCKS) or _NON_PRINTABLE.search(value):
            return DoubleQuotedScalarString(value)
        if "\n" in value:
            return LiteralScalarString(value)
    return value
