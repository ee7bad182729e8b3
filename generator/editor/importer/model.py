"""The importer's logistic models, as numbers: is a line part of the article (by its own shape, and with its
neighbours'), is it the headline, is it the article's first line, is it its last.

Fitted on the development half of tests/import_corpus/ only, by bench/fit_import_model.py (`--write` writes
these tuples, `--check` says whether they still match a fresh fit); each weight is named after its feature
(features.py, headline.py, boundary.py). A line's score is the sum of its features times their weights; the
probability is 1 / (1 + e^-score).
"""

from __future__ import annotations

import numpy as np

from .blocks import announced_list, is_table_row
from .junk import is_end, is_junk

BODY_WEIGHTS: tuple[float, ...] = (
    -6.215,  # bias
    0.311,  # log_words
    -0.226,  # stop_share
    0.913,  # short_share
    1.21,  # sentence_end
    1.077,  # capital_share
    0.413,  # digit_share
    -0.839,  # link_like
    -3.363,  # junk_word_list
    -0.478,  # repeated
    1.103,  # comma_rate
    -1.486,  # date_or_clock
    -2.489,  # ellipsis
    -0.64,  # credit
    0.651,  # running
    0.264,  # long
    -2.924,  # position
    1.565,  # paragraph
    0.645,  # before_log_words
    -1.46,  # before_stop_share
    0.622,  # before_sentence_end
    -0.5,  # before_capital_share
    0.422,  # before_link_like
    -0.22,  # before_junk_word_list
    0.171,  # before_running
    0.556,  # before_paragraph
    0.596,  # after_log_words
    -0.373,  # after_stop_share
    1.773,  # after_sentence_end
    0.224,  # after_capital_share
    -0.565,  # after_link_like
    -0.558,  # after_junk_word_list
    -1.043,  # after_running
    0.533,  # after_paragraph
)
OWN_WEIGHTS: tuple[float, ...] = (
    -3.788,  # bias
    0.465,  # log_words
    -0.48,  # stop_share
    0.409,  # short_share
    1.664,  # sentence_end
    0.394,  # capital_share
    1.117,  # digit_share
    -0.699,  # link_like
    -2.915,  # junk_word_list
    -0.608,  # repeated
    1.193,  # comma_rate
    -1.39,  # date_or_clock
    -3.164,  # ellipsis
    -0.628,  # credit
    0.42,  # running
    0.576,  # long
    -3.125,  # position
    2.649,  # paragraph
)
START_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    0.437,  # probability
    1.431,  # log_words
    0.619,  # sentence_end
    -0.547,  # stop_share
    0.036,  # capital_share
    -0.163,  # junk_word_list
    -0.884,  # date_or_clock
    -0.214,  # credit
    -0.012,  # ellipsis
    0.611,  # is_running
    -1.217,  # running_before
    1.069,  # running_after
    0.234,  # inside_run
    0.213,  # run_edge
    0.638,  # next_probability
    -0.447,  # next_running
    -0.924,  # previous_probability
    0.845,  # headline_words
    0.0,  # after_headline
    0.124,  # after_end_marker
    0.08,  # end_marker_next
    0.945,  # paragraph
    0.864,  # byline_or_date_above
    0.118,  # byline_or_date_below
    -0.287,  # log_gap_after
    0.737,  # log_gap_before
    0.733,  # credit_next
    0.997,  # label_above
)
END_WEIGHTS: tuple[float, ...] = (
    -0.0,  # bias
    0.597,  # probability
    0.519,  # log_words
    0.41,  # sentence_end
    0.341,  # stop_share
    -0.331,  # capital_share
    -0.09,  # junk_word_list
    0.409,  # date_or_clock
    0.108,  # credit
    -0.094,  # ellipsis
    0.461,  # is_running
    0.94,  # running_before
    -0.395,  # running_after
    0.327,  # inside_run
    0.907,  # run_edge
    -0.639,  # next_probability
    -0.398,  # next_running
    0.901,  # previous_probability
    -0.03,  # headline_words
    -0.0,  # after_headline
    -0.573,  # after_end_marker
    -0.105,  # end_marker_next
    0.925,  # paragraph
    -0.434,  # byline_or_date_above
    -0.276,  # byline_or_date_below
    0.709,  # log_gap_after
    -0.349,  # log_gap_before
    -0.123,  # credit_next
    -0.654,  # label_above
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    -0.418,  # log_distance
    -0.299,  # nearest
    1.945,  # headline_length
    -1.133,  # label_length
    -0.391,  # long
    0.675,  # repeated
    3.43,  # in_body
    -0.971,  # full_stop
    0.617,  # question_or_exclamation
    -0.773,  # capital_share
    -0.157,  # all_capitals
    -0.822,  # link_like
    -0.846,  # byline_or_date
    -0.564,  # buttons
    0.365,  # stop_share
    -0.307,  # body_probability
    0.633,  # longest_candidate
    -0.145,  # first_candidate
    -0.484,  # junk_word_list
    -0.276,  # credit
    0.722,  # above_longer
    -1.143,  # below_title_like
    0.846,  # prose_between
    0.793,  # date_below
    -1.313,  # paragraph
)


FLOOR = 0.35
SPREAD = 0.75


def probabilities(line_features: np.ndarray) -> np.ndarray:
    """Each line's probability of being part of the article's text: the mean of what its own shape says
    (OWN_WEIGHTS) and what its shape and its neighbours' say (BODY_WEIGHTS). Alone, the second takes a lede
    between share buttons and a caption, or a last paragraph before the comments, for junk."""
    own = line_features[:, : len(OWN_WEIGHTS)] @ np.asarray(OWN_WEIGHTS)
    both = line_features @ np.asarray(BODY_WEIGHTS)
    return 0.5 / (1.0 + np.exp(-own)) + 0.5 / (1.0 + np.exp(-both))


def value(probability: np.ndarray, lines: list[str], barred: bool = True) -> np.ndarray:
    """What each line adds to the run around it: its probability above FLOOR times its length to the power
    SPREAD, so long prose pays for the short junk between its paragraphs (blank lines add nothing); a barrier (see
    barriers) costs more than any prose can pay. FLOOR and SPREAD were chosen on the development half: the run then
    holds the true first and last line most often."""
    length = np.asarray([len(line) for line in lines], dtype=float)
    gain = (probability - FLOOR) * length**SPREAD
    if barred:
        gain[barriers(probability, lines)] = -np.inf
    return gain


GAP = 10  # chosen on the development half and by 5-fold cross-validation on it (10, 15, 20 tried)


def barriers(probability: np.ndarray, lines: list[str]) -> list[int]:
    """The lines that end a stretch of GAP non-blank lines the model takes for junk, that no line ending in a colon
    announces: a list of other stories, share buttons, a footer. The run does not cross them, however much prose
    (another story's teaser, a disclaimer, the comments) follows; a table or a list of dates the text announces it may,
    and a table's rows (cells between tabs, as a browser copies them) are not junk: a table belongs to a text."""
    found, streak, announced, previous = [], 0, False, ""
    for index, line in enumerate(lines):
        if not line:
            continue
        if probability[index] >= FLOOR or is_table_row(line):
            streak, previous = 0, line
            continue
        announced = announced if streak else previous.endswith(":") or line.endswith(":")
        streak, previous = streak + 1, line
        if streak >= GAP and not announced:
            found.append(index)
    return found


def best_run(values: np.ndarray) -> tuple[int, int]:
    """First and one-past-last index of the run with the largest total (the maximum-subarray problem)."""
    best, span, total, begin = 0.0, (0, 0), 0.0, 0
    for index, gain in enumerate(values):
        if total <= 0:
            total, begin = 0.0, index
        total += gain
        if total > best:
            best, span = total, (begin, index + 1)
    return span


def article_lines(line_features: np.ndarray, lines: list[str]) -> tuple[int, int]:
    """The article: the best run of lines, from its first to its last line the model takes for article text, and
    the list its last line announces, if any."""
    probability = probabilities(line_features)
    first, last = best_run(value(probability, lines))
    inside = [i for i in range(first, last) if probability[i] > 0.5]
    first, last = (inside[0], inside[-1] + 1) if inside else (first, last)
    return first, announced_list(lines, last)


def unbarred(probability: np.ndarray, lines: list[str], run: tuple[int, int]) -> tuple[int, int]:
    """How far the run would reach if no stretch of junk barred it (see barriers), when that unbarred run holds it
    whole: its first line above the run that the model takes for article text, and one past its last below, before
    any line that ends an article or is junk wherever it stands (a list of other stories or the comments: 'Related
    articles', 'Comments', '11 Kommentare', 'Tags:'). Else the run's own ends."""
    first, last = best_run(value(probability, lines, barred=False))
    if not first <= run[0] < run[1] <= last:
        return run
    begin = next((i for i in range(first, run[0]) if probability[i] > 0.5), run[0])
    stop = next((i for i in range(run[1], last) if lines[i] and (is_end(lines[i]) or is_junk(lines[i]))), last)
    below = [i for i in range(run[1], stop) if probability[i] > 0.5]
    return begin, below[-1] + 1 if below else run[1]
