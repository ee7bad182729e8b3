"""Read files into front matter (each value with the line of its key) and body.

MkDocs swallows front-matter errors and python-frontmatter returns empty metadata after a UTF-8 BOM,
so we split and parse the front matter ourselves and turn every failure into a Problem.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .model import Problem

try:  # the C loader is several times faster; both are safe loaders
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

INVALID = object()  # a value that was present but could not be read; already reported


@dataclass
class Document:
    """A file's front matter as plain values, the 1-based line of each key, and the body."""

    path: str
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    start_line: int = 1


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """File text with any BOM removed and line endings made '\\n'; undecodable bytes are a problem."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return None, [Problem(rel, line, "file", f"is not valid UTF-8 (byte {data[err.start]:#04x} at offset {err.start}); save it as UTF-8")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def split_front_matter(text: str, rel: str) -> tuple[str | None, str, int, list[Problem]]:
    """Return (front matter, body, line of the body) or a problem when the '---' fences are missing."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        found = repr(lines[0][:40]) if lines[0] else "an empty line" if text else "an empty file"
        # One line per problem, like compiler output: the example is spelled out rather than drawn.
        return None, text, 1, [Problem(rel, 1, "front matter", f"expected a '---' line opening the front matter, found {found}; "
                                       "e.g. a story starts with a '---' line, then 'title: ...' and its other fields, then another '---' line")]
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1 :]), number + 2, []
    return None, text, 1, [Problem(rel, 1, "front matter", "expected a '---' line closing the front matter opened on line 1, found none before "
                                   "the end of the file; e.g. put '---' on the line after the last field")]


def parse_front_matter(source: str, rel: str, first_line: int = 2,
                       example: str = "title: Huawei builds three AI chip plants near its campus") -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """Parse YAML front matter into values and key lines; first_line is the file line where it starts."""
    problems: list[Problem] = []
    try:
        node = yaml.compose(source, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        # The context mark is where the broken construct began (an unclosed bracket or quote), which
        # is where the editor has to look; the problem mark is where the parser gave up.
        mark = err.context_mark or err.problem_mark
        line = first_line + mark.line if mark else first_line
        what = " ".join(part for part in (err.context, err.problem) if part)
        if err.context_mark and err.problem_mark and err.problem_mark.line != err.context_mark.line:
            what += f" (noticed on line {first_line + err.problem_mark.line})"
        if mark and "\t" in (source.split("\n")[mark.line:] or [""])[0][: mark.column + 1]:  # libyaml does not name the character
            what += " (a tab: YAML indents with spaces only)"
        return {}, {}, [Problem(rel, line, "front matter", f"invalid YAML: {what}; check quotes, brackets, colons and indentation, "
                                                 "e.g. quote a value that holds ': ' as in title: \"Nvidia: a new chip\"")]
    except yaml.YAMLError as err:
        return {}, {}, [Problem(rel, first_line, "front matter", f"invalid YAML: {err}")]
    if node is None:
        return {}, {}, []
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        return {}, {}, [Problem(rel, first_line + node.start_mark.line, "front matter", f"expected fields as 'name: value' lines, found {kind}; e.g. {example}")]

    constructor = yaml.constructor.SafeConstructor()
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = first_line + key_node.start_mark.line
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(rel, line, "front matter", "expected a field name before ':', found a list or map"))
            continue
        key = str(key_node.value)
        if key in lines:
            problems.append(Problem(rel, line, key, f"is given twice (first on line {lines[key]}); keep one"))
            continue
        lines[key] = line
        try:
            values[key] = constructor.construct_object(value_node, deep=True)
        except yaml.constructor.ConstructorError as err:
            values[key] = INVALID
            problems.append(Problem(rel, line, key, f"cannot be read: {err.problem}; write plain text, numbers, lists or maps without '!!' tags, e.g. {key}: plain text"))
        except ValueError as err:
            # PyYAML raises a bare ValueError for a well-shaped but impossible date (2025-02-30), and for
            # a wrong explicit tag (!!int abc); only the first is a date problem.
            values[key] = INVALID
            if isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":timestamp"):
                message = f"{value_node.value!r} is not a real date or time ({err}); e.g. {key}: 2025-04-30"
            else:
                message = f"cannot be read: {err}; e.g. {key}: 2025-04-30 for a date, or plain text"
            problems.append(Problem(rel, line, key, message))
    return values, lines, problems


def load_document(path: Path, root: Path) -> tuple[Document | None, list[Problem]]:
    """Read one Markdown file with front matter."""
    rel = Path(os.path.relpath(path, root)).as_posix()
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    front, body, body_line, problems = split_front_matter(text, rel)
    if front is None:
        return None, problems
    values, lines, problems = parse_front_matter(front, rel)
    if problems and not lines:  # the YAML could not be read at all: listing every field as missing would only bury that
        return None, problems
    return Document(rel, values, lines, body, body_line), problems


def load_yaml_file(path: Path, root: Path) -> tuple[Any, dict[str, int], list[Problem]]:
    """Read a YAML data file (the topic registry): top-level values, their lines, and problems."""
    rel = Path(os.path.relpath(path, root)).as_posix()
    if not path.exists():
        return None, {}, [Problem(rel, None, "file", "is missing; it maps each topic slug to its label in every language, e.g. ai-chips: {en: AI chips, ru: ИИ-чипы}")]
    text, problems = read_text(path, rel)
    if text is None:
        return None, {}, problems
    values, lines, problems = parse_front_matter(text, rel, first_line=1, example="ai-chips: {en: AI chips, ru: ИИ-чипы}")
    # The registry has no front matter: a problem with the file as a whole is a problem with the topic list.
    problems = [replace(p, field="topics") if p.field == "front matter" else p for p in problems]
    if problems and not lines:  # unreadable; None tells check_topics not to add "no topics are defined"
        return None, {}, problems
    return values, lines, problems
