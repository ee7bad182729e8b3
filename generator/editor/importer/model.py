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
    -7.445,  # bias
    0.362,  # log_words
    -0.972,  # stop_share
    1.371,  # short_share
    1.57,  # sentence_end
    -0.166,  # capital_share
    -1.318,  # digit_share
    -0.914,  # link_like
    -3.519,  # junk_word_list
    0.925,  # repeated
    1.115,  # comma_rate
    -0.646,  # date_or_clock
    -2.983,  # ellipsis
    -0.257,  # credit
    0.234,  # running
    0.91,  # long
    1.008,  # before_log_words
    -1.518,  # before_stop_share
    0.934,  # before_sentence_end
    -0.188,  # before_capital_share
    0.189,  # before_link_like
    -0.649,  # before_junk_word_list
    -0.089,  # before_running
    0.948,  # after_log_words
    -0.599,  # after_stop_share
    1.919,  # after_sentence_end
    0.19,  # after_capital_share
    -1.069,  # after_link_like
    -0.833,  # after_junk_word_list
    -1.313,  # after_running
)
OWN_WEIGHTS: tuple[float, ...] = (
    -4.013,  # bias
    0.659,  # log_words
    -0.907,  # stop_share
    0.927,  # short_share
    2.328,  # sentence_end
    -0.862,  # capital_share
    -0.666,  # digit_share
    -0.994,  # link_like
    -3.25,  # junk_word_list
    0.301,  # repeated
    1.279,  # comma_rate
    -0.599,  # date_or_clock
    -3.105,  # ellipsis
    -0.011,  # credit
    -0.078,  # running
    1.019,  # long
)
START_WEIGHTS: tuple[float, ...] = (
    -5.716,  # bias
    0.558,  # probability
    0.704,  # log_words
    1.088,  # sentence_end
    -0.597,  # stop_share
    -0.028,  # capital_share
    -0.504,  # junk_word_list
    -0.511,  # date_or_clock
    -0.121,  # credit
    -0.03,  # ellipsis
    1.455,  # is_running
    -2.322,  # running_before
    0.346,  # running_after
    -0.349,  # inside_run
    1.498,  # run_edge
    0.159,  # next_probability
    0.435,  # next_running
    -2.437,  # previous_probability
    0.831,  # headline_words
    0.0,  # after_headline
    0.504,  # after_end_marker
    0.149,  # end_marker_next
)
END_WEIGHTS: tuple[float, ...] = (
    -7.899,  # bias
    0.291,  # probability
    0.898,  # log_words
    0.557,  # sentence_end
    0.662,  # stop_share
    -0.753,  # capital_share
    -0.391,  # junk_word_list
    0.435,  # date_or_clock
    0.534,  # credit
    -0.652,  # ellipsis
    0.972,  # is_running
    0.837,  # running_before
    -0.875,  # running_after
    -0.255,  # inside_run
    1.436,  # run_edge
    -1.94,  # next_probability
    -1.572,  # next_running
    2.112,  # previous_probability
    0.116,  # headline_words
    -0.0,  # after_headline
    -0.567,  # after_end_marker
    0.059,  # end_marker_next
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    -3.404,  # bias
    -0.824,  # log_distance
    -1.267,  # nearest
    2.691,  # headline_length
    -0.782,  # label_length
    -0.315,  # long
    1.187,  # repeated
    2.729,  # in_body
    -1.318,  # full_stop
    0.616,  # question_or_exclamation
    -0.51,  # capital_share
    -0.04,  # all_capitals
    -0.71,  # link_like
    -1.759,  # byline_or_date
    -1.179,  # buttons
    0.143,  # stop_share
    -0.655,  # body_probability
    0.717,  # longest_candidate
    0.174,  # first_candidate
    -0.665,  # junk_word_list
    -0.828,  # credit
) or (
    -3.4,
    -0.843,
    -1.216,
    2.682,
    -0.789,
    -0.315,
    1.215,
    2.746,
    -1.349,
    0.583,
    -0.539,
    -0.023,
    -0.781,
    -1.784,
    -1.188,
    0.146,
    -0.832,
    0.723,
    0.172,
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
