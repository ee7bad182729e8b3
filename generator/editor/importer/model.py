"""The importer's logistic models, as numbers: is a line part of the article (by its own shape, and with its
neighbours'), is it the headline, is it the article's first line, is it its last.

Fitted on the development half of tests/import_corpus/ only, by bench/fit_import_model.py (`--write` writes
these tuples, `--check` says whether they still match a fresh fit); each weight is named after its feature
(features.py, headline.py, boundary.py). A line's score is the sum of its features times their weights; the
probability is 1 / (1 + e^-score).
"""

from __future__ import annotations

import numpy as np

from .blocks import announced_list

BODY_WEIGHTS: tuple[float, ...] = (
    -8.136,  # bias
    0.305,  # log_words
    -0.371,  # stop_share
    1.616,  # short_share
    1.305,  # sentence_end
    0.666,  # capital_share
    -0.981,  # digit_share
    -1.189,  # link_like
    -3.802,  # junk_word_list
    1.121,  # repeated
    1.17,  # comma_rate
    -1.252,  # date_or_clock
    -2.451,  # ellipsis
    -0.606,  # credit
    0.836,  # running
    0.698,  # long
    -2.767,  # position
    1.505,  # paragraph
    1.031,  # before_log_words
    -1.364,  # before_stop_share
    0.699,  # before_sentence_end
    -0.101,  # before_capital_share
    0.254,  # before_link_like
    -0.59,  # before_junk_word_list
    0.216,  # before_running
    0.807,  # before_paragraph
    0.808,  # after_log_words
    -0.528,  # after_stop_share
    1.91,  # after_sentence_end
    0.191,  # after_capital_share
    -1.437,  # after_link_like
    -0.854,  # after_junk_word_list
    -1.211,  # after_running
    0.864,  # after_paragraph
)
OWN_WEIGHTS: tuple[float, ...] = (
    -3.912,  # bias
    0.522,  # log_words
    -1.073,  # stop_share
    1.005,  # short_share
    2.146,  # sentence_end
    -0.192,  # capital_share
    0.117,  # digit_share
    -1.379,  # link_like
    -2.979,  # junk_word_list
    0.454,  # repeated
    1.209,  # comma_rate
    -1.186,  # date_or_clock
    -3.262,  # ellipsis
    0.006,  # credit
    -0.042,  # running
    0.921,  # long
    -3.014,  # position
    2.791,  # paragraph
)
START_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    0.561,  # probability
    1.469,  # log_words
    0.402,  # sentence_end
    -0.52,  # stop_share
    0.036,  # capital_share
    -0.164,  # junk_word_list
    -0.892,  # date_or_clock
    -0.209,  # credit
    -0.013,  # ellipsis
    0.575,  # is_running
    -1.125,  # running_before
    0.98,  # running_after
    -0.089,  # inside_run
    0.535,  # run_edge
    0.498,  # next_probability
    -0.335,  # next_running
    -1.191,  # previous_probability
    0.973,  # headline_words
    0.0,  # after_headline
    0.1,  # after_end_marker
    0.108,  # end_marker_next
    0.784,  # paragraph
    0.882,  # byline_or_date_above
    0.079,  # byline_or_date_below
    -0.177,  # log_gap_after
    0.52,  # log_gap_before
    0.841,  # credit_next
    1.026,  # label_above
)
END_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    0.576,  # probability
    0.437,  # log_words
    0.243,  # sentence_end
    0.303,  # stop_share
    -0.304,  # capital_share
    -0.096,  # junk_word_list
    0.369,  # date_or_clock
    0.164,  # credit
    -0.082,  # ellipsis
    0.439,  # is_running
    0.917,  # running_before
    -0.327,  # running_after
    0.405,  # inside_run
    0.981,  # run_edge
    -0.674,  # next_probability
    -0.446,  # next_running
    0.794,  # previous_probability
    -0.063,  # headline_words
    0.0,  # after_headline
    -0.584,  # after_end_marker
    -0.039,  # end_marker_next
    1.023,  # paragraph
    -0.44,  # byline_or_date_above
    -0.252,  # byline_or_date_below
    0.673,  # log_gap_after
    -0.332,  # log_gap_before
    -0.171,  # credit_next
    -0.567,  # label_above
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    -0.461,  # log_distance
    -0.404,  # nearest
    2.113,  # headline_length
    -1.195,  # label_length
    -0.387,  # long
    0.87,  # repeated
    3.289,  # in_body
    -0.911,  # full_stop
    0.394,  # question_or_exclamation
    -0.946,  # capital_share
    -0.085,  # all_capitals
    -0.724,  # link_like
    -0.909,  # byline_or_date
    -0.611,  # buttons
    0.395,  # stop_share
    -0.321,  # body_probability
    0.419,  # longest_candidate
    -0.19,  # first_candidate
    -0.509,  # junk_word_list
    -0.2,  # credit
    0.759,  # above_longer
    -1.261,  # below_title_like
    0.748,  # prose_between
    0.819,  # date_below
    -1.295,  # paragraph
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


def value(probability: np.ndarray, lines: list[str]) -> np.ndarray:
    """What each line adds to the run around it: its probability above FLOOR times its length to the power
    SPREAD, so long prose pays for the short junk between its paragraphs (blank lines add nothing); a barrier (see
    barriers) costs more than any prose can pay. FLOOR and SPREAD were chosen on the development half: the run then
    holds the true first and last line most often."""
    length = np.asarray([len(line) for line in lines], dtype=float)
    gain = (probability - FLOOR) * length**SPREAD
    gain[barriers(probability, lines)] = -np.inf
    return gain


GAP = 10  # chosen on the development half and by 5-fold cross-validation on it (10, 15, 20 tried)


def barriers(probability: np.ndarray, lines: list[str]) -> list[int]:
    """The lines that end a stretch of GAP non-blank lines the model takes for junk, that no line ending in a colon
    announces: a list of other stories, share buttons, a footer. The run does not cross them, however much prose
    (another story's teaser, a disclaimer, the comments) follows; a table or a list of dates the text announces it may."""
    found, streak, announced, previous = [], 0, False, ""
    for index, line in enumerate(lines):
        if not line:
            continue
        if probability[index] >= FLOOR:
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
