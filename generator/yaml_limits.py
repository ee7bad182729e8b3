"""Limits that keep hostile YAML from exhausting the machine: nesting depth, and the size a value expands to.

Both are measured without recursion, before any value is built.
"""

from __future__ import annotations

from typing import Any, cast

import yaml

try:  # the C loader is several times faster; both are safe loaders
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

# Front matter is a handful of fields. An alias (*name) repeats a whole value without copying it, so ten
# short lines can stand for a billion strings ("billion laughs"): values are measured before they are built.
MAX_VALUES = 10_000  # scalars, lists and maps one field may expand to
MAX_CHARACTERS = 1_000_000  # characters of text one field may expand to (a long lede is a few hundred)
MAX_DEPTH = 64  # lists and maps inside each other


def too_deep(source: str) -> yaml.Mark | None:
    """Where lists and maps first nest more than MAX_DEPTH deep, or None. The parser's events come one by one,
    without recursion, so any depth is measured safely."""
    try:
        return deepest(source, Loader)
    except yaml.YAMLError as err:
        if Loader is yaml.SafeLoader:
            raise
        # libyaml (PyYAML 6.0.4 and later) stops past about 1,000 levels with an error of its own before our count
        # gets there; the pure-Python parser has no such limit. Any other error stays libyaml's, as it was.
        try:
            deep = deepest(source, yaml.SafeLoader)
        except yaml.YAMLError:
            raise err from None
        if deep is None:
            raise
        return deep


def deepest(source: str, loader: Any) -> yaml.Mark | None:
    depth = 0
    for event in yaml.parse(source, Loader=loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return cast(yaml.Mark, event.start_mark)  # libyaml's marks have the same line and column
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


def oversized(node: yaml.Node) -> str | None:
    """Why a value cannot be built safely (an alias bomb, a value that contains itself), or None.
    Aliases count as often as they are used, but each node is visited once, so a billion laughs is measured quickly."""
    sizes: dict[int, int] = {}
    characters: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(node, False)]
    while stack:
        current, children_done = stack.pop()
        ident = id(current)
        if isinstance(current, yaml.ScalarNode):
            sizes[ident], characters[ident] = 1, len(current.value)
            continue
        children = [item for pair in current.value for item in pair] if isinstance(current, yaml.MappingNode) else list(current.value)
        if children_done:
            open_nodes.discard(ident)
            sizes[ident] = 1 + sum(sizes[id(child)] for child in children)
            characters[ident] = sum(characters[id(child)] for child in children)
            if sizes[ident] > MAX_VALUES or characters[ident] > MAX_CHARACTERS:
                return (
                    f"is too big: it stands for more than {MAX_VALUES:,} values or {MAX_CHARACTERS:,} characters "
                    "(each YAML alias, *name, repeats a whole value, so a few lines can stand for gigabytes); "
                    "shorten it, and write it out without '&' anchors and '*' aliases"
                )
            continue
        if ident in sizes:
            continue
        if ident in open_nodes:
            return "contains itself through a YAML alias (*name); write the value out in full, without '&' anchors and '*' aliases"
        open_nodes.add(ident)
        stack.append((current, True))
        stack.extend((child, False) for child in children)
    return None
