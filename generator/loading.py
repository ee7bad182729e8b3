"""Read files into front matter (each value with the line of its key) and body.

MkDocs swallows front-matter errors and python-frontmatter returns empty metadata after a UTF-8 BOM,
so we split and parse the front matter ourselves and turn every failure into a Problem.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

import yaml

from .model import Problem

from .yaml_limits import MAX_DEPTH, Loader, oversized, too_deep

INVALID = object()  # a value that was present but could not be read; already reported

HIDDEN = ("Cc", "Cf", "Cs", "Zl", "Zp")  # control, invisible (zero-width, bidi), surrogate and line-breaking characters
YAML_BREAKS = re.compile("[\n\x85\u2028\u2029]")  # YAML 1.1 also ends a line at NEL, LS and PS


@dataclass
class Document:
    """A file's front matter as plain values, the 1-based line of each key, and the body."""

    path: str
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    start_line: int = 1


def shown_path(rel: str) -> str:
    """A path as problems print it, on one line: bytes that are not UTF-8 and invisible characters as escapes."""
    text = os.fsencode(rel).decode("utf-8", "backslashreplace")
    return "".join(char.encode("unicode_escape").decode("ascii") if unicodedata.category(char) in HIDDEN else char for char in text)


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
    if mark and "\t" in (source.split("\n")[line - first_line:] or [""])[0][: mark.column + 1]:  # libyaml does not name the character
        what += " (a tab: YAML indents with spaces only)"
    last = at(err.problem_mark.line) if err.problem_mark else line
    hidden = [char for char in "\x85\u2028\u2029" if char in "\n".join(source.split("\n")[line - first_line: last - first_line + 1])]
    if hidden:  # pasted from a web page: invisible, but YAML starts a new line there
        what += f" (the text holds U+{ord(hidden[0]):04X} {unicodedata.name(hidden[0], 'NEXT LINE')}, an invisible line break; delete it or quote the value)"
    return Problem(rel, line, "front matter", f"invalid YAML: {' '.join(what.split())}; check quotes, brackets, colons and "
                                                       "indentation, e.g. quote a value that holds ': ' as in title: \"Nvidia: a new chip\"")


def parse_front_matter(source: str, rel: str, first_line: int = 2,
                       example: str = "title: Huawei builds three AI chip plants near its campus") -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """Parse YAML front matter into values and key lines; first_line is the file line where it starts."""
    def at(yaml_line: int) -> int:
        return first_line + file_line(source, yaml_line)

    try:
        source.encode("utf-8")  # text from a file is UTF-8 already; text from a caller may hold lone surrogates
        deep = too_deep(source)  # before compose, whose recursion 100,000 brackets would crash the interpreter
        if deep is not None:
            return {}, {}, [Problem(rel, at(deep.line), "front matter", f"lists or maps are nested more than {MAX_DEPTH} deep; "
                                                                        f"keep fields flat, e.g. {example}")]
        node = yaml.compose(source, Loader=Loader)
    except UnicodeEncodeError as err:
        line = first_line + source.count("\n", 0, err.start)
        return {}, {}, [Problem(rel, line, "front matter", f"contains U+{ord(source[err.start]):04X}, half of a surrogate pair that is not "
                                                           "a character on its own; delete it or retype the character")]
    except yaml.MarkedYAMLError as err:
        return {}, {}, [marked_problem(err, source, rel, first_line)]
    except yaml.reader.ReaderError as err:  # a character YAML does not allow anywhere, not even quoted
        char = chr(err.character) if isinstance(err.character, int) else str(err.character)
        line = first_line + source.count("\n", 0, err.position)
        name = unicodedata.name(char, "a control character")
        return {}, {}, [Problem(rel, line, "front matter", f"contains U+{ord(char):04X} ({name}), which YAML does not allow; delete it "
                                                           "(text copied from web pages often carries invisible characters)")]
    except yaml.YAMLError as err:
        return {}, {}, [Problem(rel, first_line, "front matter", f"invalid YAML: {' '.join(str(err).split())}")]
    if node is None:
        return {}, {}, []
    if not isinstance(node, yaml.MappingNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        return {}, {}, [Problem(rel, at(node.start_mark.line), "front matter", f"expected fields as 'name: value' lines, found {kind}; e.g. {example}")]

    return construct_fields(node, rel, at)


def construct_fields(node: yaml.MappingNode, rel: str, at: Callable[[int], int]) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
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
            problems.append(Problem(rel, line, shown_key(key), f"cannot be read: {' '.join(str(err.problem).split())}; write plain text, "
                                                               f"numbers, lists or maps without '!!' tags, e.g. {shown_key(key)}: plain text"))
        except ValueError as err:
            # PyYAML raises a bare ValueError for a well-shaped but impossible date (2025-02-30), and for
            # a wrong explicit tag (!!int abc); only the first is a date problem.
            values[key] = INVALID
            if isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":timestamp"):
                message = f"{value_node.value!r} is not a real date or time ({err}); e.g. {shown_key(key)}: 2025-04-30"
            else:
                message = f"cannot be read: {' '.join(str(err).split())}; e.g. {shown_key(key)}: 2025-04-30 for a date, or plain text"
            problems.append(Problem(rel, line, shown_key(key), message))
    return values, lines, problems


def load_document(path: Path, root: Path) -> tuple[Document | None, list[Problem]]:
    """Read one Markdown file with front matter."""
    rel = Path(os.path.relpath(path, root)).as_posix()
    if shown_path(rel) != rel:  # a story's path is printed, linked and stored: it must be text that shows
        return None, [Problem(shown_path(rel), None, "file", "the file name holds bytes that are not UTF-8 or invisible characters "
                                                             "(shown as escapes); rename the file, e.g. chips.en.md")]
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
    rel = shown_path(Path(os.path.relpath(path, root)).as_posix())
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
