"""Where the headline and the article are in a copied page: the line model's run, its headline, its two ends.

Text hard-wrapped at a fixed width (an e-mail, a plain-text copy) is first joined into one line a paragraph, so
that every paragraph is judged whole, and the indexes found are mapped back to the page's own lines.
"""

from __future__ import annotations

import functools

import numpy as np

from . import model
from .blocks import is_wrapped
from .boundary import boundaries
from .features import line_features
from .headline import candidates, headline_features, headline_index
from .language import detect_language
from .model import article_lines, best_run, probabilities, unbarred, value

RIVAL = 0.5  # chosen by 5-fold cross-validation on the development half (0.3, 0.5, 0.7 tried)


def headline_score(units: list[str], begin: int, features: np.ndarray) -> float:
    """How likely the likeliest headline before line begin is (the headline model's score; -inf with no candidate)."""
    picked = candidates(units, begin)
    if not picked:
        return -np.inf
    return float((headline_features(units, picked, begin, features) @ np.asarray(model.HEADLINE_WEIGHTS)).max())


def anchored_run(features: np.ndarray, units: list[str]) -> tuple[int, int]:
    """The article's run: the line model's best run, unless the best run before or after it holds at least RIVAL of
    its prose, two lines or more, under a likelier headline. A cookie notice, a comments section or a list of other
    stories can hold more prose than a short article, but no headline sits above it as one sits above the article.
    Then, when a stretch of short lines inside a long text (a guide's product boxes, links) barred the run from the
    text's top part, the run begins there, if a likelier headline sits above it; and it goes on past such a stretch
    below it, up to a line that ends an article (see model.unbarred)."""
    run = article_lines(features, units)
    probability = probabilities(features)
    gains = value(probability, units)
    raw = best_run(gains)
    total = float(np.sum(gains[raw[0] : raw[1]]))
    best, score = run, headline_score(units, run[0], features)
    for low, high in ((0, raw[0]), (raw[1], len(units))):
        first, last = best_run(gains[low:high])
        if last <= first or float(np.sum(gains[low + first : low + last])) < RIVAL * total:
            continue
        inner = article_lines(features[low + first : low + last], units[low + first : low + last])
        rival = (low + first + inner[0], low + first + inner[1])
        if sum(1 for line in units[rival[0] : rival[1]] if line) >= 2 and (other := headline_score(units, rival[0], features)) > score:
            best, score = rival, other
    begin, end = unbarred(probability, units, best)
    if begin < best[0] and headline_score(units, begin, features) > score:
        best = (begin, best[1])
    return best[0], end


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
    run = anchored_run(features, units)
    title = headline_index(units, run[0], features)
    begin, end = boundaries(units, run, features, title)
    if begin < len(units):  # the headline again, before the article's first line as chosen (as it was fitted: before the true one)
        title = headline_index(units, begin, features)
    if not units or end <= begin:
        return None, 0, len(lines)
    return None if title is None else spans[title][0], spans[begin][0], spans[end - 1][1]
