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
    -10.78,  # bias
    0.731,  # probability
    1.281,  # log_words
    0.795,  # sentence_end
    -0.425,  # stop_share
    -0.128,  # capital_share
    -0.295,  # junk_word_list
    -0.909,  # date_or_clock
    -0.018,  # credit
    -0.015,  # ellipsis
    1.022,  # is_running
    -1.43,  # running_before
    0.78,  # running_after
    -0.285,  # inside_run
    1.434,  # run_edge
    0.297,  # next_probability
    -0.17,  # next_running
    -1.614,  # previous_probability
    0.857,  # headline_words
    -0.0,  # after_headline
    0.094,  # after_end_marker
    0.02,  # end_marker_next
    0.592,  # paragraph
    0.826,  # byline_or_date_above
    -0.261,  # byline_or_date_below
    -0.221,  # log_gap_after
    0.822,  # log_gap_before
    0.583,  # credit_next
    1.032,  # label_above
)
END_WEIGHTS: tuple[float, ...] = (
    -8.62,  # bias
    0.481,  # probability
    0.503,  # log_words
    0.259,  # sentence_end
    0.79,  # stop_share
    -0.565,  # capital_share
    -0.307,  # junk_word_list
    0.569,  # date_or_clock
    0.277,  # credit
    -0.215,  # ellipsis
    0.746,  # is_running
    0.456,  # running_before
    -0.277,  # running_after
    -0.095,  # inside_run
    2.157,  # run_edge
    -1.514,  # next_probability
    -0.393,  # next_running
    1.353,  # previous_probability
    0.183,  # headline_words
    0.0,  # after_headline
    -0.404,  # after_end_marker
    -0.268,  # end_marker_next
    1.502,  # paragraph
    -0.731,  # byline_or_date_above
    -0.349,  # byline_or_date_below
    0.925,  # log_gap_after
    -0.181,  # log_gap_before
    -0.438,  # credit_next
    -0.937,  # label_above
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    -0.485,  # log_distance
    -0.434,  # nearest
    2.08,  # headline_length
    -1.185,  # label_length
    -0.391,  # long
    0.783,  # repeated
    3.203,  # in_body
    -0.927,  # full_stop
    0.44,  # question_or_exclamation
    -0.89,  # capital_share
    -0.086,  # all_capitals
    -0.762,  # link_like
    -0.912,  # byline_or_date
    -0.609,  # buttons
    0.319,  # stop_share
    -0.2,  # body_probability
    0.415,  # longest_candidate
    -0.179,  # first_candidate
    -0.502,  # junk_word_list
    -0.181,  # credit
    0.692,  # above_longer
    -1.233,  # below_title_like
    0.667,  # prose_between
    0.933,  # date_below
    -1.321,  # paragraph
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
