"""YAML front matter -> plain values with the line of each key, and a Problem for everything that goes wrong.

MkDocs swallows front-matter errors, so we parse it ourselves, with PyYAML's safe `compose`, which records the
line of each key; every field is then built on its own, so one bad value is one problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

import yaml

from .fields import no_such_day
from .model import Problem
from .yaml_limits import MAX_DEPTH, Loader, oversized, too_deep

YAML_BREAKS = re.compile("[\n\x85\u2028\u2029]")  # YAML 1.1 also ends a line at NEL, LS and PS
INVALID = object()  # a value that was present but could not be read; already reported
Fields = tuple[dict[str, Any], dict[str, int], list[Problem]]


def shown_key(key: str) -> str:
    """A field name as problems print it: on one line, invisible characters spelt out."""
    return key if key.isprintable() and key.strip() == key and key else repr(key)


def file_line(source: str, yaml_line: int) -> int:
    """The 0-based line, counting only '\\n', of a 0-based line as YAML counts them (NEL, LS and PS end lines too)."""
    if yaml_line <= 0 or not any(char in source for char in "\x85\u2028\u2029"):
        return yaml_line
    for number, match in enumerate(YAML_BREAKS.finditer(source), start=1):
        if number == yaml_line:
            return source.count("\n", 0, match.end())
    return source.count("\n")


def parse_front_matter(
    source: str, rel: str, first_line: int = 2, example: str = "title: Huawei builds three AI chip plants near its campus"
) -> Fields:
    """Parse YAML front matter into values and key lines; first_line is the file line where it starts."""

    def at(yaml_line: int) -> int:
        return first_line + file_line(source, yaml_line)

    node, problem = compose(source, rel, first_line, example)
    if problem is not None:
        return {}, {}, [problem]
    if node is None:
        return {}, {}, []
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        found = f"expected fields as 'name: value' lines, found {kind}; e.g. {example}"
        return {}, {}, [Problem(rel, at(node.start_mark.line), "front matter", found)]
    return construct_fields(node, rel, at)


def compose(source: str, rel: str, first_line: int, example: str) -> tuple[yaml.Node | None, Problem | None]:
    """The YAML's node tree, or the problem that stops it being read."""

    def problem(line: int, message: str) -> tuple[None, Problem]:
        return None, Problem(rel, line, "front matter", message)

    try:
        source.encode("utf-8")  # text from a file is UTF-8 already; text from a caller may hold lone surrogates
        deep = too_deep(source)  # before compose, whose recursion 100,000 brackets would crash the interpreter
        if deep is not None:
            line = first_line + file_line(source, deep.line)
            return problem(line, f"lists or maps are nested more than {MAX_DEPTH} deep; keep fields flat, e.g. {example}")
        return yaml.compose(source, Loader=Loader), None
    except UnicodeEncodeError as err:
        line = first_line + source.count("\n", 0, err.start)
        return problem(
            line,
            f"contains U+{ord(source[err.start]):04X}, half of a surrogate pair that is not "
            "a character on its own; delete it or retype the character",
        )
    except yaml.MarkedYAMLError as err:
        return None, marked_problem(err, source, rel, first_line)
    except yaml.reader.ReaderError as err:  # a character YAML does not allow anywhere, not even quoted
        char = chr(err.character) if isinstance(err.character, int) else str(err.character)
        line = first_line + source.count("\n", 0, err.position)
        name = unicodedata.name(char, "a control character")
        return problem(
            line,
            f"contains U+{ord(char):04X} ({name}), which YAML does not allow; delete it "
            "(text copied from web pages often carries invisible characters)",
        )
    except yaml.YAMLError as err:
        return problem(first_line, f"invalid YAML: {' '.join(str(err).split())}")


def marked_problem(err: yaml.MarkedYAMLError, source: str, rel: str, first_line: int) -> Problem:
    """A YAML syntax error as the editor needs it: the line where the broken construct began, and hints for
    what the parser does not name (a tab, an invisible line break pasted from a web page)."""

    def at(yaml_line: int) -> int:
        return first_line + file_line(source, yaml_line)

    # The context mark is where the broken construct began (an unclosed bracket or quote), which
    # is where the editor has to look; the problem mark is where the parser gave up.
    mark = err.context_mark or err.problem_mark
    line = at(mark.line) if mark else first_line
    what = " ".join(part for part in (err.context, err.problem) if part)
    if err.context_mark and err.problem_mark and err.problem_mark.line != err.context_mark.line:
        what += f" (noticed on line {at(err.problem_mark.line)})"
    tab = mark is not None and "\t" in (source.split("\n")[line - first_line :] or [""])[0][: mark.column + 1]  # libyaml does not name it
    if tab:
        what += " (a tab: YAML indents with spaces only)"
    last = at(err.problem_mark.line) if err.problem_mark else line
    hidden = [char for char in "\x85\u2028\u2029" if char in "\n".join(source.split("\n")[line - first_line : last - first_line + 1])]
    if hidden:  # pasted from a web page: invisible, but YAML starts a new line there
        name = unicodedata.name(hidden[0], "NEXT LINE")
        what += f" (the text holds U+{ord(hidden[0]):04X} {name}, an invisible line break; delete it or quote the value)"
    return Problem(rel, line, "front matter", f"invalid YAML: {' '.join(what.split())}; {yaml_hint(err, tab)}")


def yaml_hint(err: yaml.MarkedYAMLError, tab: bool) -> str:
    """What to do about a YAML syntax error, for its own cause: a tab, an unquoted colon, an unclosed quote or bracket."""
    context, problem = err.context or "", err.problem or ""
    if tab:
        return "replace the tab with spaces, e.g. indent a list item with two spaces"
    if "quoted scalar" in context:
        return "close the quote on the same value; to put a quote inside, use the other kind, e.g. title: 'Nvidia \"Blackwell\" ships'"
    if "flow sequence" in context or "flow mapping" in context:
        return (
            "close the bracket or brace, and quote an item that holds a comma or bracket, "
            'e.g. topics: [ai-chips, geopolitics] or source: {name: FT, url: "https://www.ft.com/"}'
        )
    if "mapping values are not allowed" in problem:
        return "a value that holds ': ' needs quotes, e.g. title: \"Nvidia: a new chip\""
    return "check quotes, brackets, colons and indentation, e.g. quote a value that holds ': ' as in title: \"Nvidia: a new chip\""


def construct_fields(node: yaml.MappingNode, rel: str, at: Callable[[int], int]) -> Fields:
    """Each field of a parsed map built on its own, so one bad value is one problem and the others still count."""
    constructor = yaml.constructor.SafeConstructor()
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = at(key_node.start_mark.line)
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(rel, line, "front matter", "expected a field name before ':', found a list or map"))
            continue
        key = str(key_node.value)
        if key in lines:
            problems.append(Problem(rel, line, shown_key(key), f"is given twice (first on line {lines[key]}); keep one"))
            continue
        lines[key] = line
        too_big = oversized(value_node)
        if too_big:
            values[key] = INVALID
            problems.append(Problem(rel, line, shown_key(key), too_big))
            continue
        try:
            values[key] = constructor.construct_object(value_node, deep=True)
        except yaml.constructor.ConstructorError as err:
            values[key] = INVALID
            problems.append(
                Problem(
                    rel,
                    line,
                    shown_key(key),
                    f"cannot be read: {' '.join(str(err.problem).split())}; write plain text, "
                    f"numbers, lists or maps without '!!' tags, e.g. {shown_key(key)}: plain text",
                )
            )
        except ValueError as err:
            # PyYAML raises a bare ValueError for a well-shaped but impossible date (2025-02-30), and for
            # a wrong explicit tag (!!int abc); only the first is a date problem.
            values[key] = INVALID
            if isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":timestamp"):
                reason = no_such_day(value_node.value) or f"{value_node.value!r} is not a real date or time ({err})"
                message = f"{reason}; e.g. {shown_key(key)}: 2025-04-30"
            else:
                message = f"cannot be read: {' '.join(str(err).split())}; e.g. {shown_key(key)}: 2025-04-30 for a date, or plain text"
            problems.append(Problem(rel, line, shown_key(key), message))
    return values, lines, problems
