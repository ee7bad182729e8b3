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
    -7.507,  # bias
    0.316,  # log_words
    -0.463,  # stop_share
    0.919,  # short_share
    1.201,  # sentence_end
    0.175,  # capital_share
    -1.411,  # digit_share
    -1.061,  # link_like
    -3.635,  # junk_word_list
    0.926,  # repeated
    1.04,  # comma_rate
    -0.817,  # date_or_clock
    -2.35,  # ellipsis
    -0.199,  # credit
    0.478,  # running
    0.544,  # long
    1.263,  # paragraph
    0.765,  # before_log_words
    -1.462,  # before_stop_share
    0.634,  # before_sentence_end
    -0.351,  # before_capital_share
    0.402,  # before_link_like
    -0.525,  # before_junk_word_list
    -0.037,  # before_running
    0.594,  # before_paragraph
    0.753,  # after_log_words
    -0.322,  # after_stop_share
    1.567,  # after_sentence_end
    -0.007,  # after_capital_share
    -1.132,  # after_link_like
    -0.775,  # after_junk_word_list
    -1.302,  # after_running
    0.745,  # after_paragraph
)
OWN_WEIGHTS: tuple[float, ...] = (
    -4.607,  # bias
    0.48,  # log_words
    -1.086,  # stop_share
    0.635,  # short_share
    2.027,  # sentence_end
    -0.552,  # capital_share
    -0.66,  # digit_share
    -1.3,  # link_like
    -3.385,  # junk_word_list
    0.439,  # repeated
    1.056,  # comma_rate
    -0.836,  # date_or_clock
    -2.918,  # ellipsis
    -0.115,  # credit
    -0.292,  # running
    0.832,  # long
    2.423,  # paragraph
)
START_WEIGHTS: tuple[float, ...] = (
    -8.864,  # bias
    0.669,  # probability
    1.022,  # log_words
    0.904,  # sentence_end
    -0.439,  # stop_share
    -0.412,  # capital_share
    -0.272,  # junk_word_list
    -0.743,  # date_or_clock
    -0.057,  # credit
    -0.046,  # ellipsis
    1.159,  # is_running
    -1.193,  # running_before
    0.514,  # running_after
    -0.408,  # inside_run
    1.389,  # run_edge
    0.075,  # next_probability
    0.059,  # next_running
    -2.228,  # previous_probability
    0.753,  # headline_words
    0.0,  # after_headline
    0.655,  # after_end_marker
    -0.003,  # end_marker_next
    0.632,  # paragraph
    0.938,  # byline_or_date_above
    -0.204,  # byline_or_date_below
    -0.347,  # log_gap_after
    0.761,  # log_gap_before
    0.422,  # credit_next
)
END_WEIGHTS: tuple[float, ...] = (
    -8.798,  # bias
    0.416,  # probability
    0.567,  # log_words
    0.356,  # sentence_end
    0.753,  # stop_share
    -0.604,  # capital_share
    -0.315,  # junk_word_list
    0.561,  # date_or_clock
    0.264,  # credit
    -0.232,  # ellipsis
    0.636,  # is_running
    0.482,  # running_before
    -0.223,  # running_after
    -0.201,  # inside_run
    2.159,  # run_edge
    -1.746,  # next_probability
    -0.269,  # next_running
    1.374,  # previous_probability
    0.046,  # headline_words
    0.0,  # after_headline
    -0.313,  # after_end_marker
    -0.167,  # end_marker_next
    1.523,  # paragraph
    -0.477,  # byline_or_date_above
    -0.132,  # byline_or_date_below
    0.876,  # log_gap_after
    -0.348,  # log_gap_before
    -0.447,  # credit_next
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    -3.193,  # bias
    -0.739,  # log_distance
    -0.54,  # nearest
    2.361,  # headline_length
    -1.442,  # label_length
    -0.529,  # long
    1.182,  # repeated
    3.477,  # in_body
    -0.903,  # full_stop
    0.828,  # question_or_exclamation
    -1.101,  # capital_share
    0.12,  # all_capitals
    -1.196,  # link_like
    -1.138,  # byline_or_date
    -0.758,  # buttons
    -0.576,  # stop_share
    -0.226,  # body_probability
    0.733,  # longest_candidate
    0.05,  # first_candidate
    -0.689,  # junk_word_list
    -0.188,  # credit
    0.481,  # above_longer
    -2.167,  # below_title_like
    0.238,  # prose_between
    1.399,  # date_below
    -1.598,  # paragraph
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
    """The article: the best run of lines, from its first to its last line the model takes for article text, and
    the list its last line announces, if any."""
    probability = probabilities(line_features)
    first, last = best_run(value(probability, lines))
    inside = [i for i in range(first, last) if probability[i] > 0.5]
    first, last = (inside[0], inside[-1] + 1) if inside else (first, last)
    return first, announced_list(lines, last)
