"""The importer's logistic models, as numbers: is a line part of the article (by its own shape, and with its
neighbours'), is it the headline, is it the article's first line, is it its last.

Fitted on the development half of tests/import_corpus/ only, by bench/fit_import_model.py (`--write` writes
these tuples, `--check` says whether they still match a fresh fit); each weight is named after its feature
(features.py, headline.py, boundary.py). A line's score is the sum of its features times their weights; the
probability is 1 / (1 + e^-score).
"""

from __future__ import annotations

import numpy as np

BODY_WEIGHTS: tuple[float, ...] = (
    -7.508,  # bias
    0.313,  # log_words
    -0.473,  # stop_share
    0.92,  # short_share
    1.198,  # sentence_end
    0.186,  # capital_share
    -1.405,  # digit_share
    -1.066,  # link_like
    -3.654,  # junk_word_list
    0.92,  # repeated
    1.047,  # comma_rate
    -0.801,  # date_or_clock
    -2.353,  # ellipsis
    -0.2,  # credit
    0.49,  # running
    0.532,  # long
    1.281,  # paragraph
    0.766,  # before_log_words
    -1.47,  # before_stop_share
    0.631,  # before_sentence_end
    -0.361,  # before_capital_share
    0.39,  # before_link_like
    -0.541,  # before_junk_word_list
    -0.044,  # before_running
    0.579,  # before_paragraph
    0.759,  # after_log_words
    -0.312,  # after_stop_share
    1.593,  # after_sentence_end
    -0.01,  # after_capital_share
    -1.063,  # after_link_like
    -0.765,  # after_junk_word_list
    -1.322,  # after_running
    0.74,  # after_paragraph
)
OWN_WEIGHTS: tuple[float, ...] = (
    -4.604,  # bias
    0.478,  # log_words
    -1.093,  # stop_share
    0.64,  # short_share
    2.026,  # sentence_end
    -0.545,  # capital_share
    -0.656,  # digit_share
    -1.298,  # link_like
    -3.389,  # junk_word_list
    0.432,  # repeated
    1.06,  # comma_rate
    -0.823,  # date_or_clock
    -2.921,  # ellipsis
    -0.119,  # credit
    -0.287,  # running
    0.824,  # long
    2.427,  # paragraph
)
START_WEIGHTS: tuple[float, ...] = (
    -7.732,  # bias
    0.868,  # probability
    0.785,  # log_words
    0.975,  # sentence_end
    -0.52,  # stop_share
    -0.238,  # capital_share
    -0.365,  # junk_word_list
    -0.369,  # date_or_clock
    -0.086,  # credit
    -0.051,  # ellipsis
    1.326,  # is_running
    -1.293,  # running_before
    0.35,  # running_after
    -0.601,  # inside_run
    1.087,  # run_edge
    0.21,  # next_probability
    -0.041,  # next_running
    -2.514,  # previous_probability
    0.182,  # headline_words
    0.0,  # after_headline
    0.593,  # after_end_marker
    0.062,  # end_marker_next
    0.863,  # paragraph
    0.748,  # byline_or_date_above
    -0.137,  # byline_or_date_below
    -0.45,  # log_gap_after
    0.79,  # log_gap_before
)
END_WEIGHTS: tuple[float, ...] = (
    -9.294,  # bias
    0.442,  # probability
    0.681,  # log_words
    0.393,  # sentence_end
    0.528,  # stop_share
    -0.84,  # capital_share
    -0.307,  # junk_word_list
    0.646,  # date_or_clock
    0.262,  # credit
    -0.274,  # ellipsis
    0.629,  # is_running
    0.803,  # running_before
    -0.411,  # running_after
    -0.425,  # inside_run
    2.145,  # run_edge
    -1.691,  # next_probability
    -0.361,  # next_running
    1.416,  # previous_probability
    -0.05,  # headline_words
    0.0,  # after_headline
    -0.178,  # after_end_marker
    -0.153,  # end_marker_next
    1.694,  # paragraph
    -0.359,  # byline_or_date_above
    -0.162,  # byline_or_date_below
    0.684,  # log_gap_after
    -0.516,  # log_gap_before
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    -3.203,  # bias
    -0.756,  # log_distance
    -0.475,  # nearest
    2.477,  # headline_length
    -1.678,  # label_length
    -0.498,  # long
    1.12,  # repeated
    3.22,  # in_body
    -0.902,  # full_stop
    0.793,  # question_or_exclamation
    -1.102,  # capital_share
    0.114,  # all_capitals
    -1.211,  # link_like
    -1.332,  # byline_or_date
    -0.994,  # buttons
    -0.554,  # stop_share
    -0.226,  # body_probability
    0.737,  # longest_candidate
    0.072,  # first_candidate
    -0.663,  # junk_word_list
    -0.17,  # credit
    0.439,  # above_longer
    -2.086,  # below_title_like
    0.296,  # prose_between
    1.409,  # date_below
    -1.679,  # paragraph
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
    SPREAD, so long prose pays for the short junk between its paragraphs (blank lines add nothing). FLOOR and
    SPREAD were chosen on the development half: the run then holds the true first and last line most often."""
    length = np.asarray([len(line) for line in lines], dtype=float)
    return (probability - FLOOR) * length**SPREAD


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
    """The article: the best run of lines, from its first to its last line the model takes for article text."""
    probability = probabilities(line_features)
    first, last = best_run(value(probability, lines))
    inside = [i for i in range(first, last) if probability[i] > 0.5]
    return (inside[0], inside[-1] + 1) if inside else (first, last)
