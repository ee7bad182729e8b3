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
    -7.783,  # bias
    0.818,  # probability
    0.813,  # log_words
    1.033,  # sentence_end
    -0.495,  # stop_share
    -0.241,  # capital_share
    -0.379,  # junk_word_list
    -0.391,  # date_or_clock
    -0.085,  # credit
    -0.05,  # ellipsis
    1.404,  # is_running
    -1.371,  # running_before
    0.353,  # running_after
    -0.668,  # inside_run
    0.983,  # run_edge
    0.231,  # next_probability
    -0.1,  # next_running
    -2.497,  # previous_probability
    0.152,  # headline_words
    -0.0,  # after_headline
    0.598,  # after_end_marker
    0.057,  # end_marker_next
    0.853,  # paragraph
    0.762,  # byline_or_date_above
    -0.139,  # byline_or_date_below
    -0.518,  # log_gap_after
    0.821,  # log_gap_before
)
END_WEIGHTS: tuple[float, ...] = (
    -8.425,  # bias
    0.283,  # probability
    0.862,  # log_words
    0.228,  # sentence_end
    0.432,  # stop_share
    -0.643,  # capital_share
    -0.38,  # junk_word_list
    0.542,  # date_or_clock
    0.138,  # credit
    -0.347,  # ellipsis
    0.498,  # is_running
    0.788,  # running_before
    -0.44,  # running_after
    -0.372,  # inside_run
    1.926,  # run_edge
    -1.796,  # next_probability
    -0.883,  # next_running
    0.994,  # previous_probability
    -0.276,  # headline_words
    0.0,  # after_headline
    -0.269,  # after_end_marker
    -0.116,  # end_marker_next
    1.353,  # paragraph
    -0.345,  # byline_or_date_above
    -0.13,  # byline_or_date_below
    0.519,  # log_gap_after
    -0.638,  # log_gap_before
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    -3.692,  # bias
    -0.702,  # log_distance
    -0.547,  # nearest
    2.675,  # headline_length
    -0.95,  # label_length
    -0.397,  # long
    1.244,  # repeated
    2.842,  # in_body
    -0.877,  # full_stop
    0.715,  # question_or_exclamation
    -0.988,  # capital_share
    0.104,  # all_capitals
    -1.162,  # link_like
    -1.276,  # byline_or_date
    -0.964,  # buttons
    -0.166,  # stop_share
    -0.227,  # body_probability
    0.971,  # longest_candidate
    0.01,  # first_candidate
    -0.732,  # junk_word_list
    -0.79,  # credit
    0.67,  # above_longer
    -1.983,  # below_title_like
    0.317,  # prose_between
    1.295,  # date_below
    -1.568,  # paragraph
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
