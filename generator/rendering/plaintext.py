"""Plain text for the email edition: lines wrapped at 72 columns, counted as a terminal shows them (a Chinese,
Japanese or Korean character takes two columns), and links as numbered references gathered for the end."""

from __future__ import annotations

import functools
import unicodedata

WIDTH = 72  # RFC 2822 suggests 78; 72 leaves room for the "> " of a quoting reply


def columns(text: str) -> int:
    """How many columns the text takes in a monospaced font: wide and full-width characters take two."""
    return len(text) if text.isascii() else sum(map(char_columns, text))


@functools.cache
def char_columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 0 if unicodedata.combining(char) else 1


def wrap(text: str, width: int = WIDTH) -> str:
    """Every line of the text wrapped at `width` columns, keeping each line's indent for its continuation lines.
    Words break at spaces; a word wider than a line (a run of Chinese, say) breaks between characters."""
    return "\n".join(wrapped for line in text.split("\n") for wrapped in wrap_line(line.rstrip(), width))


def wrap_line(line: str, width: int) -> list[str]:
    if columns(line) <= width:
        return [line]
    indent = line[: len(line) - len(line.lstrip(" "))]
    lines, current, used = [], indent, len(indent)  # used: the columns the current line takes
    for word in line.split():
        for piece in pieces(word, width - len(indent)):
            size = columns(piece)
            if current == indent:
                current, used = current + piece, used + size
            elif used + 1 + size <= width:
                current, used = current + " " + piece, used + 1 + size
            else:
                lines.append(current)
                current, used = indent + piece, len(indent) + size
    lines.append(current)
    return lines


def pieces(word: str, width: int) -> list[str]:
    """A word as parts no wider than `width` columns; a link is never broken (a reader's client could not follow it)."""
    if columns(word) <= width or "://" in word or word.startswith("mailto:"):
        return [word]
    parts, current, used = [], "", 0
    for char in word:
        size = char_columns(char)
        if current and used + size > width:
            parts.append(current)
            current, used = "", 0
        current, used = current + char, used + size
    return parts + [current]


class References:
    """Links as numbered references: `ref(url)` gives the link's number ([1], [2] ...), the same number for the
    same link, and `links()` every link in order, for the list at the end of the text."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def ref(self, url: str) -> int:
        if url not in self.urls:
            self.urls.append(url)
        return self.urls.index(url) + 1

    def links(self) -> list[tuple[int, str]]:
        return list(enumerate(self.urls, start=1))
