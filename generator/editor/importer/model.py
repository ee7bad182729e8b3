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
    -5.248,  # bias
    1.164,  # probability
    0.555,  # log_words
    1.04,  # sentence_end
    -0.467,  # stop_share
    -0.202,  # capital_share
    -0.388,  # junk_word_list
    -0.327,  # date_or_clock
    -0.102,  # credit
    -0.039,  # ellipsis
    1.292,  # is_running
    -2.063,  # running_before
    0.174,  # running_after
    -0.308,  # inside_run
    1.688,  # run_edge
    0.242,  # next_probability
    0.474,  # next_running
    -2.668,  # previous_probability
    0.138,  # headline_words
    0.0,  # after_headline
    0.84,  # after_end_marker
    0.175,  # end_marker_next
)
END_WEIGHTS: tuple[float, ...] = (
    -7.406,  # bias
    0.929,  # probability
    0.767,  # log_words
    0.266,  # sentence_end
    0.497,  # stop_share
    -0.657,  # capital_share
    -0.341,  # junk_word_list
    0.583,  # date_or_clock
    0.492,  # credit
    -0.406,  # ellipsis
    0.592,  # is_running
    0.714,  # running_before
    -0.699,  # running_after
    -0.268,  # inside_run
    2.262,  # run_edge
    -1.927,  # next_probability
    -1.29,  # next_running
    1.894,  # previous_probability
    -0.357,  # headline_words
    -0.0,  # after_headline
    -0.463,  # after_end_marker
    -0.008,  # end_marker_next
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    -3.548,  # bias
    -0.787,  # log_distance
    -1.226,  # nearest
    2.842,  # headline_length
    -0.931,  # label_length
    -0.288,  # long
    1.219,  # repeated
    3.076,  # in_body
    -0.979,  # full_stop
    0.548,  # question_or_exclamation
    -0.664,  # capital_share
    -0.081,  # all_capitals
    -0.894,  # link_like
    -1.64,  # byline_or_date
    -1.137,  # buttons
    0.099,  # stop_share
    -0.928,  # body_probability
    0.997,  # longest_candidate
    0.067,  # first_candidate
    -0.759,  # junk_word_list
    -0.996,  # credit
    0.898,  # above_longer
    -1.949,  # below_title_like
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
