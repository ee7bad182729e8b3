"""The headline among the lines before the article: repeated, title-like and near the body.

Candidates are the non-blank lines of two to forty words in the thirty lines before the article's first line.
Each is described by HEADLINE_FEATURES and weighed by the logistic model in model.py (fitted on the
development half of the corpus): pages print their headline more than once (in breadcrumbs, share bars,
teasers of themselves), its words come back in the first paragraphs, it is not a sentence with a full stop, and
a byline, a dateline, a row of buttons or a section label of one to three words is not it.
"""

from __future__ import annotations

import re

import numpy as np

from .blocks import is_running_text
from .datelines import date_in
from .features import BYLINE_START, CLOCK, LINE_FEATURES, LINK_LIKE, size
from .junk import is_junk, words

REACH = 30
URL = re.compile(r"https?://")
FULL_STOPS = (".", "。")  # a sentence's, which a headline does not end with
HEADLINE_FEATURES = (
    "bias",
    "log_distance",
    "nearest",
    "headline_length",
    "label_length",
    "long",
    "repeated",
    "in_body",
    "full_stop",
    "question_or_exclamation",
    "capital_share",
    "all_capitals",
    "link_like",
    "byline_or_date",
    "buttons",
    "stop_share",
    "body_probability",
    "longest_candidate",
    "first_candidate",
    "junk_word_list",
    "credit",
    "above_longer",
    "below_title_like",
    "prose_between",
    "date_below",
    "paragraph",
)


def candidates(lines: list[str], begin: int) -> list[int]:
    """Indexes of the title-like lines in the REACH lines before the article, nearest first."""
    found = []
    for index in range(begin - 1, max(-1, begin - 1 - REACH), -1):
        line = lines[index]
        if line and 2 <= size(line) <= 40 and not URL.search(line) and any(ch.isalpha() for ch in line):
            found.append(index)
    return found


def buttons(line: str) -> bool:
    """A row of buttons ('Facebook Twitter Email LinkedIn'): half its words are junk on their own."""
    found = words(line)
    return bool(found) and sum(1 for word in found if is_junk(word)) * 2 >= len(found)


def title_like(line: str) -> bool:
    """Of a headline's length, not junk, no sentence's full stop, no date: another headline, just above a line."""
    return (
        5 <= size(line) <= 25
        and not is_junk(line)
        and not line.rstrip().endswith(FULL_STOPS)
        and not date_in(line)
        and not LINK_LIKE.search(line)
    )


STEM = 4  # chosen by 5- and 10-fold cross-validation on the development half (3, 4, 5, 6 and whole words tried)


def stem(word: str) -> str:
    """A word's first STEM letters, casefolded: a crude stem that lets a word's forms meet in any language that
    inflects its endings ('stabbed', 'stabbing'; 'спека', 'спеку'; 'Wölfe', 'Wölfen')."""
    return word.casefold()[:STEM]


def in_body(line: str, lines: list[str], begin: int) -> float:
    """Share of the line's words (of four letters or more, no numbers) whose stems the article's first lines use again,
    counted as a share of three words at least: a date's month or a label's one word says little."""
    found = {stem(w) for w in words(line) if len(w) >= 4 and not any(ch.isdigit() for ch in w)}
    if not found:
        return 0.0
    opening = {stem(w) for w in words(" ".join(lines[begin : begin + 12]))}
    return len(found & opening) / max(3, len(found))


def surroundings(lines: list[str], picked: list[int], rank: int, begin: int) -> list[float]:
    """above_longer, below_title_like, prose_between and date_below for the candidate picked[rank]."""
    index = picked[rank]
    below = next((i for i in range(index + 1, begin) if lines[i]), None)  # the next line towards the article
    above = next((i for i in range(index - 1, -1, -1) if lines[i]), None)
    return [
        1.0 if below is not None and size(lines[below]) > size(lines[index]) and not is_junk(lines[below]) else 0.0,
        1.0 if above is not None and title_like(lines[above]) else 0.0,
        1.0 if any(is_running_text(lines[i]) for i in range(index + 1, begin) if lines[i]) else 0.0,
        1.0 if any(BYLINE_START.match(lines[i]) or date_in(lines[i]) for i in picked[max(0, rank - 3) : rank]) else 0.0,
    ]


def capitals(line: str) -> bool:
    """Every letter a capital ('BREAKING NEWS', a style's text-transform)."""
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def headline_features(lines: list[str], picked: list[int], begin: int, line_features: np.ndarray) -> np.ndarray:
    """One row of HEADLINE_FEATURES for each candidate (nearest the article first)."""
    from .model import probabilities

    probability = probabilities(line_features)
    longest = max((size(lines[i]) for i in picked), default=0)
    stop = LINE_FEATURES.index("stop_share")
    capital = LINE_FEATURES.index("capital_share")
    junk, credit = LINE_FEATURES.index("junk_word_list"), LINE_FEATURES.index("credit")
    rows = []
    for rank, index in enumerate(picked):
        line = lines[index]
        count = size(line)
        folded = line.casefold()
        repeated = any(i != index and other and folded in other.casefold() for i, other in enumerate(lines))
        rows.append(
            [
                1.0,
                float(np.log1p(rank)),
                1.0 if rank == 0 else 0.0,
                1.0 if 5 <= count <= 25 else 0.0,
                1.0 if count <= 3 else 0.0,
                1.0 if count > 25 else 0.0,
                1.0 if repeated else 0.0,
                in_body(line, lines, begin),
                1.0 if line.rstrip().endswith(FULL_STOPS) else 0.0,
                1.0 if line.rstrip().endswith(("?", "!", "？", "！")) else 0.0,
                float(line_features[index, capital]),
                1.0 if capitals(line) and sum(ch.isalpha() for ch in line) > 3 else 0.0,
                1.0 if LINK_LIKE.search(line) else 0.0,
                1.0 if BYLINE_START.match(line) or CLOCK.search(line) or date_in(line) else 0.0,
                1.0 if buttons(line) else 0.0,
                float(line_features[index, stop]),
                float(probability[index]),
                1.0 if count == longest else 0.0,
                1.0 if rank == len(picked) - 1 else 0.0,
                float(line_features[index, junk]),
                float(line_features[index, credit]),
                *surroundings(lines, picked, rank, begin),
                float(line_features[index, LINE_FEATURES.index("paragraph")]),
            ]
        )
    return np.asarray(rows, dtype=float).reshape(len(picked), len(HEADLINE_FEATURES))


def headline_index(lines: list[str], begin: int, line_features: np.ndarray) -> int | None:
    """The candidate the model rates highest, or None when there is none."""
    from .model import HEADLINE_WEIGHTS

    picked = candidates(lines, begin)
    if not picked:
        return None
    scores = headline_features(lines, picked, begin, line_features) @ np.asarray(HEADLINE_WEIGHTS)
    return trail_end(lines, picked[int(np.argmax(scores))])


def unglued_title(lines: list[str], index: int, reach: int = 3) -> str:
    """The headline as the page writes it, when it prints it twice, once after a breadcrumb glued to it ('Home
    Holidays Homemade Spiced Honey Pear Jam') and once alone, one of the two in capitals (a style's text-transform:
    'HOMEMADE SPICED HONEY PEAR JAM'). Whichever was picked, the headline is the end they share, not in capitals."""
    line = lines[index]
    for other in lines[max(0, index - reach) : index + reach + 1]:
        if not other or other == line or len(other.lower()) != len(other) or len(line.lower()) != len(line):
            continue
        glued, alone = (line, other) if len(other) < len(line) else (other, line)
        if size(alone) >= 3 and (capitals(glued) or capitals(alone)) and glued.lower().endswith(alone.lower()):
            return glued[len(glued) - len(alone) :] if capitals(alone) else alone
    return line


def trail_end(lines: list[str], index: int, reach: int = 3) -> int:
    """The headline alone, when the line picked is a breadcrumb trail glued to it ('HomeLatest NewsThe headline'):
    a line near it that the picked line ends with, of three words or more."""
    line = lines[index]
    near = [i for i in range(max(0, index - reach), min(len(lines), index + reach + 1)) if i != index and lines[i]]
    inner = [i for i in near if size(lines[i]) >= 3 and len(lines[i]) < len(line) and line.endswith(lines[i])]
    return inner[0] if inner else index
