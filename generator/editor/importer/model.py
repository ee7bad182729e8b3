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
    -7.448,  # bias
    0.312,  # log_words
    -0.475,  # stop_share
    0.948,  # short_share
    1.204,  # sentence_end
    0.194,  # capital_share
    -1.331,  # digit_share
    -0.897,  # link_like
    -3.642,  # junk_word_list
    0.872,  # repeated
    1.0,  # comma_rate
    -0.828,  # date_or_clock
    -2.356,  # ellipsis
    -0.225,  # credit
    0.439,  # running
    0.551,  # long
    1.247,  # paragraph
    0.719,  # before_log_words
    -1.462,  # before_stop_share
    0.643,  # before_sentence_end
    -0.377,  # before_capital_share
    0.375,  # before_link_like
    -0.568,  # before_junk_word_list
    0.079,  # before_running
    0.591,  # before_paragraph
    0.781,  # after_log_words
    -0.316,  # after_stop_share
    1.537,  # after_sentence_end
    0.076,  # after_capital_share
    -1.184,  # after_link_like
    -0.766,  # after_junk_word_list
    -1.313,  # after_running
    0.738,  # after_paragraph
)
OWN_WEIGHTS: tuple[float, ...] = (
    -4.572,  # bias
    0.476,  # log_words
    -1.079,  # stop_share
    0.663,  # short_share
    2.033,  # sentence_end
    -0.524,  # capital_share
    -0.618,  # digit_share
    -1.177,  # link_like
    -3.394,  # junk_word_list
    0.403,  # repeated
    1.032,  # comma_rate
    -0.85,  # date_or_clock
    -2.925,  # ellipsis
    -0.13,  # credit
    -0.321,  # running
    0.838,  # long
    2.408,  # paragraph
)
START_WEIGHTS: tuple[float, ...] = (
    -7.651,  # bias
    0.81,  # probability
    0.78,  # log_words
    0.922,  # sentence_end
    -0.554,  # stop_share
    -0.282,  # capital_share
    -0.367,  # junk_word_list
    -0.387,  # date_or_clock
    -0.137,  # credit
    -0.052,  # ellipsis
    1.326,  # is_running
    -1.295,  # running_before
    0.333,  # running_after
    -0.615,  # inside_run
    1.082,  # run_edge
    0.303,  # next_probability
    -0.061,  # next_running
    -2.521,  # previous_probability
    0.225,  # headline_words
    -0.0,  # after_headline
    0.59,  # after_end_marker
    0.07,  # end_marker_next
    0.907,  # paragraph
    0.765,  # byline_or_date_above
    -0.139,  # byline_or_date_below
    -0.442,  # log_gap_after
    0.79,  # log_gap_before
)
END_WEIGHTS: tuple[float, ...] = (
    -8.404,  # bias
    0.278,  # probability
    0.862,  # log_words
    0.226,  # sentence_end
    0.436,  # stop_share
    -0.645,  # capital_share
    -0.383,  # junk_word_list
    0.542,  # date_or_clock
    0.156,  # credit
    -0.345,  # ellipsis
    0.497,  # is_running
    0.783,  # running_before
    -0.441,  # running_after
    -0.372,  # inside_run
    1.926,  # run_edge
    -1.798,  # next_probability
    -0.882,  # next_running
    0.993,  # previous_probability
    -0.33,  # headline_words
    -0.0,  # after_headline
    -0.27,  # after_end_marker
    -0.118,  # end_marker_next
    1.355,  # paragraph
    -0.342,  # byline_or_date_above
    -0.132,  # byline_or_date_below
    0.518,  # log_gap_after
    -0.642,  # log_gap_before
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    -3.808,  # bias
    -0.708,  # log_distance
    -0.648,  # nearest
    2.687,  # headline_length
    -0.953,  # label_length
    -0.362,  # long
    1.321,  # repeated
    2.851,  # in_body
    -0.937,  # full_stop
    0.651,  # question_or_exclamation
    -0.896,  # capital_share
    0.143,  # all_capitals
    -1.102,  # link_like
    -1.471,  # byline_or_date
    -1.093,  # buttons
    -0.146,  # stop_share
    -0.974,  # body_probability
    0.84,  # longest_candidate
    0.044,  # first_candidate
    -0.705,  # junk_word_list
    -1.088,  # credit
    0.708,  # above_longer
    -1.974,  # below_title_like
    0.317,  # prose_between
    1.255,  # date_below
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
