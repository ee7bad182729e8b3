"""Where the headline and the article are in a copied page: the line model's run, its headline, its two ends.

Text hard-wrapped at a fixed width (an e-mail, a plain-text copy) is first joined into one line a paragraph, so
that every paragraph is judged whole, and the indexes found are mapped back to the page's own lines.
"""

from __future__ import annotations

import functools

from .blocks import is_wrapped
from .boundary import boundaries
from .features import line_features
from .headline import headline_index
from .language import detect_language
from .model import article_lines


def paragraphs(lines: list[str]) -> tuple[list[str], list[tuple[int, int]]]:
    """One line for each run of non-blank lines (and each blank line), with the span of lines it came from."""
    joined: list[str] = []
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        end = index + 1
        if lines[index]:
            while end < len(lines) and lines[end]:
                end += 1
        joined.append(" ".join(lines[index:end]))
        spans.append((index, end))
        index = end
    return joined, spans


def locate(lines: list[str]) -> tuple[int | None, int, int]:
    """The headline's line (None when no line reads like one), and the article's first line and one past its last."""
    return located(tuple(lines))


@functools.lru_cache(maxsize=4)  # clean() reads the same page twice: once for the language, once with it
def located(page: tuple[str, ...]) -> tuple[int | None, int, int]:
    lines = list(page)
    if is_wrapped(lines):
        units, spans = paragraphs(lines)
    else:
        units, spans = lines, [(i, i + 1) for i in range(len(lines))]
    features = line_features(units, detect_language("\n".join(units))[0])
    run = article_lines(features, units)
    title = headline_index(units, run[0], features)
    begin, end = boundaries(units, run, features, title)
    if begin < len(units):  # the headline again, before the article's first line as chosen (as it was fitted: before the true one)
        title = headline_index(units, begin, features)
    if not units or end <= begin:
        return None, 0, len(lines)
    return None if title is None else spans[title][0], spans[begin][0], spans[end - 1][1]
