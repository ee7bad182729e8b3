"""Where the article starts and ends, by position and shape, once the run of article lines is known.

The run found by model.py often begins one line late (the lede sits between the headline and a caption, so its
neighbours look like junk) or early (a subtitle or caption written as a sentence), and ends at a teaser. So the
lines near each end of the run are candidates: each is described by BOUNDARY_FEATURES (the line model's
probability, its shape, whether it is the first or last line of running text near there, what follows it) and
the conditional logit in model.py (a softmax over the candidates, fitted on dev) picks the likeliest first and last line.
"""

from __future__ import annotations

import re

import numpy as np

from .blocks import is_running_text, is_table_row
from .datelines import date_in, month_numbers
from .features import BYLINE_START, CLOCK, ELLIPSIS, LINE_FEATURES, SENTENCE_END, is_credit, size
from .junk import is_end, is_junk

REACH = 8  # candidates: this many non-blank lines either side of the run's first (or last) line
BOUNDARY_FEATURES = (
    "bias",
    "probability",
    "log_words",
    "sentence_end",
    "stop_share",
    "capital_share",
    "junk_word_list",
    "date_or_clock",
    "credit",
    "ellipsis",
    "is_running",
    "running_before",
    "running_after",
    "inside_run",
    "run_edge",
    "next_probability",
    "next_running",
    "previous_probability",
    "headline_words",
    "after_headline",
    "after_end_marker",
    "end_marker_next",
    "paragraph",
    "byline_or_date_above",
    "byline_or_date_below",
    "log_gap_after",
    "log_gap_before",
    "credit_next",
    "label_above",
)


def running(line: str) -> bool:
    """A line of running text: a sentence of eight words or more."""
    return bool(line) and size(line) >= 8 and bool(SENTENCE_END.search(line))


def near(lines: list[str], edge: int, low: int, high: int, back: int = REACH) -> list[int]:
    """Non-blank lines of three words or more, back before edge and REACH after it, within [low, high)."""
    present = [i for i in range(low, high) if lines[i] and size(lines[i]) >= 3]
    before = [i for i in present if i < edge][-back:]
    after = [i for i in present if i >= edge][: REACH + 1]
    return before + after


def neighbour(present: list[int], index: int, step: int) -> int | None:
    position = present.index(index) + step
    return present[position] if 0 <= position < len(present) else None


def dated(lines: list[str], present: list[int], index: int, step: int) -> float:
    """1 when one of the three non-blank lines above (step -1) or below (step 1) is a byline or a date."""
    position = present.index(index)
    near = present[max(0, position - 3) : position] if step < 0 else present[position + 1 : position + 4]
    return 1.0 if any(BYLINE_START.match(lines[i]) or CLOCK.search(lines[i]) or date_in(lines[i]) for i in near) else 0.0


def is_label(line: str) -> bool:
    """A label on a line of its own: five words at most, with letters and no sentence punctuation at its end (a
    section's or a subheading's name, a dateline, an author's name, 'Related'). The first paragraph often follows
    one (the standfirst or the date line above it), while a standfirst is more often under the headline itself."""
    return size(line) <= 5 and not SENTENCE_END.search(line) and any(ch.isalpha() for ch in line)


NAME = re.compile(r"\b[^\W\d_][^\W\d_'’.-]+\s+[^\W\d_][^\W\d_'’-]+")


def unglued(word: str) -> str:
    """The word without what the copy glued to it ('WhiteUpdated' -> 'White'; 'McDonald', 'MacArthur' stay whole)."""
    return next((word[:i] for i in range(4, len(word)) if word[i].isupper() and word[i - 1].islower()), word)


def authors(lines: list[str], begin: int) -> set[str]:
    """The two capitalised words a byline before the article begins with ('by Jeff Foust', 'Carlos Nadalim 27/09/2018',
    'By Emmet WhiteUpdated: Feb 5'): the author's name, which a bio after the article repeats."""
    found = set()
    for line in lines[max(0, begin - 60) : begin]:
        if line and size(line) <= 12 and (BYLINE_START.match(line) or date_in(line)):
            match = NAME.match(BYLINE_START.sub("", line).strip())  # a byline begins with the name
            pair = [unglued(word) for word in match.group().split()] if match else []
            if pair and all(word[0].isupper() and not is_junk(word) and word.casefold() not in month_numbers() for word in pair):
                found.add(" ".join(pair).casefold())  # not 'Updated Dec', 'Published November'
    return found


def gap(lines: list[str], present: list[int], index: int, step: int, reach: int = 10) -> float:
    """log(1 + the number of lines that are not running text) between this line and the next running text."""
    position, count = present.index(index) + step, 0
    while 0 <= position < len(present) and count < reach and not running(lines[present[position]]):
        position, count = position + step, count + 1
    return float(np.log1p(count))


def rows(lines: list[str], picked: list[int], run: tuple[int, int], edge: int, features: np.ndarray, headline: int | None) -> np.ndarray:
    """One row of BOUNDARY_FEATURES for each candidate line."""
    from .model import probabilities

    probability = probabilities(features)
    own = [LINE_FEATURES.index(n) for n in ("log_words", "sentence_end", "stop_share", "capital_share", "junk_word_list", "date_or_clock")]
    own += [LINE_FEATURES.index("credit")]
    present = [i for i, line in enumerate(lines) if line]
    title = {w.casefold() for w in lines[headline].split() if len(w) >= 4} if headline is not None else set()
    flags = [running(lines[i]) for i in picked]
    markers = np.cumsum([1 if line and is_end(line) else 0 for line in lines])
    out = []
    for k, index in enumerate(picked):
        after, before = neighbour(present, index, 1), neighbour(present, index, -1)
        words = {w.casefold() for w in lines[index].split()}
        out.append(
            [1.0, float(probability[index]), *(float(features[index, j]) for j in own)]
            + [
                1.0 if ELLIPSIS.search(lines[index]) else 0.0,
                1.0 if flags[k] else 0.0,
                float(np.log1p(sum(flags[:k]))),
                float(np.log1p(sum(flags[k + 1 :]))),
                1.0 if run[0] <= index < run[1] else 0.0,
                1.0 if index == edge else 0.0,
                float(probability[after]) if after is not None else 0.0,
                1.0 if after is not None and running(lines[after]) else 0.0,
                float(probability[before]) if before is not None else 0.0,
                len(title & words) / len(title) if title else 0.0,
                1.0 if headline is not None and index > headline else 0.0,
                1.0 if markers[index] > markers[run[0]] else 0.0,
                1.0 if after is not None and is_end(lines[after]) else 0.0,
                float(features[index, LINE_FEATURES.index("paragraph")]),
                dated(lines, present, index, -1),
                dated(lines, present, index, 1),
                gap(lines, present, index, 1),
                gap(lines, present, index, -1),
                1.0 if after is not None and is_credit(lines[after]) else 0.0,
                1.0 if before is not None and is_label(lines[before]) else 0.0,
            ]
        )
    return np.asarray(out, dtype=float).reshape(len(picked), len(BOUNDARY_FEATURES))


def start_candidates(lines: list[str], run: tuple[int, int], headline: int | None) -> list[int]:
    return near(lines, run[0], 0 if headline is None else headline + 1, run[1])


def end_candidates(lines: list[str], run: tuple[int, int]) -> list[int]:
    return near(lines, run[1] - 1, run[0], len(lines))


def boundaries(lines: list[str], run: tuple[int, int], features: np.ndarray, headline: int | None) -> tuple[int, int]:
    """The article's first line and one past its last, picked among the lines near the run's ends."""
    from .model import END_WEIGHTS, START_WEIGHTS

    first, last = run
    starts = start_candidates(lines, run, headline)
    if starts:
        first = starts[int(np.argmax(rows(lines, starts, run, run[0], features, headline) @ np.asarray(START_WEIGHTS)))]
    ends = [i for i in end_candidates(lines, run) if i >= first]
    if ends:
        last = ends[int(np.argmax(rows(lines, ends, run, run[1] - 1, features, headline) @ np.asarray(END_WEIGHTS)))] + 1
    return first, before_bio(lines, first, prose_to_the_end(lines, last))


def prose_to_the_end(lines: list[str], end: int) -> int:
    """The text's end, when all that follows the end picked is running text and nothing else: what a reader copies
    who selects the article alone ends with its last paragraph, not with a footer, so no line after it marks the
    end of an article, and the models (fitted on whole pages, where the end of the page is junk) stop too early. A
    table's rows (cells between tabs) are neither running text nor junk: they do not count."""
    rest = [line for line in lines[end:] if line and not is_table_row(line)]
    running = sum(1 for line in rest if is_running_text(line))
    if rest and is_running_text(rest[-1]) and 3 * running >= 2 * len(rest) and not any(is_junk(line) or is_end(line) for line in rest):
        return len(lines)
    return end


def mentions(line: str, known: set[str]) -> bool:
    """One of the names is among the line's first twelve words."""
    opening = " ".join(line.split()[:12]).casefold()
    return any(name in opening for name in known)


BIO_REACH = 8  # the bio is looked for among the last eight non-blank lines


def before_bio(lines: list[str], first: int, last: int) -> int:
    """One past the article's last line, without the author's bio that the chosen end may hold, nor what follows it: the
    first of the last lines that names among its first words an author of a byline above the article ('Jeff Foust
    is the editor of …', 'About the author: Craig Hull is …'), and the short lines above it (the name and role on
    lines of their own). It reads like prose, but it is about the writer, not the story."""
    tail = [i for i in range(first + 1, last) if lines[i]][-BIO_REACH:]
    known = authors(lines, first)
    bio = next((i for i in tail if size(lines[i]) > 5 and mentions(lines[i], known)), None)
    if bio is None:
        return last
    index = bio - 1
    while index > first and (not lines[index] or size(lines[index]) <= 5):
        index -= 1
    return index + 1
