"""Read files into front matter (each value with the line of its key) and body.

python-frontmatter returns empty metadata after a UTF-8 BOM and after unclosed front matter, so we split the
front matter ourselves (front_matter.py parses it) and turn every failure into a Problem.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .front_matter import parse_front_matter
from .model import Problem

HIDDEN = ("Cc", "Cf", "Cs", "Zl", "Zp")  # control, invisible (zero-width, bidi), surrogate and line-breaking characters


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


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """File text with any BOM removed and line endings made '\\n'; undecodable bytes are a problem."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return None, [
            Problem(rel, line, "file", f"is not valid UTF-8 (byte {data[err.start]:#04x} at offset {err.start}); save it as UTF-8")
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def split_front_matter(text: str, rel: str) -> tuple[str | None, str, int, list[Problem]]:
    """Return (front matter, body, line of the body) or a problem when the '---' fences are missing."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        found = repr(lines[0][:40]) if lines[0] else "an empty line" if text else "an empty file"
        # One line per problem, like compiler output: the example is spelled out rather than drawn.
        return (
            None,
            text,
            1,
            [
                Problem(
                    rel,
                    1,
                    "front matter",
                    f"expected a '---' line opening the front matter, found {found}; "
                    "e.g. a story starts with a '---' line, then 'title: ...' and its other fields, then another '---' line",
                )
            ],
        )
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1 :]), number + 2, []
    return (
        None,
        text,
        1,
        [
            Problem(
                rel,
                1,
                "front matter",
                "expected a '---' line closing the front matter opened on line 1, found none before "
                "the end of the file; e.g. put '---' on the line after the last field",
            )
        ],
    )


def load_document(path: Path, root: Path) -> tuple[Document | None, list[Problem]]:
    """Read one Markdown file with front matter."""
    rel = Path(os.path.relpath(path, root)).as_posix()
    if shown_path(rel) != rel:  # a story's path is printed, linked and stored: it must be text that shows
        return None, [
            Problem(
                shown_path(rel),
                None,
                "file",
                "the file name holds bytes that are not UTF-8 or invisible characters "
                "(shown as escapes); rename the file, e.g. chips.en.md",
            )
        ]
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
        return (
            None,
            {},
            [
                Problem(
                    rel,
                    None,
                    "file",
                    "is missing; it maps each topic slug to its label in every language, e.g. ai-chips: {en: AI chips, ru: ИИ-чипы}",
                )
            ],
        )
    text, problems = read_text(path, rel)
    if text is None:
        return None, {}, problems
    values, lines, problems = parse_front_matter(text, rel, first_line=1, example="ai-chips: {en: AI chips, ru: ИИ-чипы}")
    # The registry has no front matter: a problem with the file as a whole is a problem with the topic list.
    problems = [replace(p, field="topics") if p.field == "front matter" else p for p in problems]
    if problems and not lines:  # unreadable; None tells check_topics not to add "no topics are defined"
        return None, {}, problems
    return values, lines, problems
