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
    -6.364,  # bias
    0.294,  # log_words
    -0.31,  # stop_share
    1.067,  # short_share
    0.878,  # sentence_end
    0.997,  # capital_share
    0.09,  # digit_share
    -0.639,  # link_like
    -3.445,  # junk_word_list
    -0.258,  # repeated
    1.297,  # comma_rate
    -1.297,  # date_or_clock
    -2.573,  # ellipsis
    -0.229,  # credit
    0.829,  # running
    0.375,  # long
    -2.695,  # position
    1.569,  # paragraph
    0.687,  # before_log_words
    -1.449,  # before_stop_share
    0.336,  # before_sentence_end
    -0.458,  # before_capital_share
    0.766,  # before_link_like
    -0.276,  # before_junk_word_list
    0.312,  # before_running
    0.546,  # before_paragraph
    0.66,  # after_log_words
    -0.5,  # after_stop_share
    1.847,  # after_sentence_end
    0.296,  # after_capital_share
    -0.607,  # after_link_like
    -0.571,  # after_junk_word_list
    -1.232,  # after_running
    0.555,  # after_paragraph
)
OWN_WEIGHTS: tuple[float, ...] = (
    -3.726,  # bias
    0.463,  # log_words
    -0.871,  # stop_share
    0.732,  # short_share
    1.787,  # sentence_end
    0.212,  # capital_share
    0.713,  # digit_share
    -0.917,  # link_like
    -3.043,  # junk_word_list
    -0.401,  # repeated
    1.369,  # comma_rate
    -1.252,  # date_or_clock
    -3.255,  # ellipsis
    0.044,  # credit
    0.167,  # running
    0.734,  # long
    -2.999,  # position
    2.654,  # paragraph
)
START_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    0.481,  # probability
    1.47,  # log_words
    0.412,  # sentence_end
    -0.526,  # stop_share
    0.036,  # capital_share
    -0.165,  # junk_word_list
    -0.867,  # date_or_clock
    -0.218,  # credit
    -0.011,  # ellipsis
    0.55,  # is_running
    -1.197,  # running_before
    1.035,  # running_after
    0.152,  # inside_run
    0.401,  # run_edge
    0.66,  # next_probability
    -0.493,  # next_running
    -1.02,  # previous_probability
    0.861,  # headline_words
    0.0,  # after_headline
    0.119,  # after_end_marker
    0.111,  # end_marker_next
    0.82,  # paragraph
    0.902,  # byline_or_date_above
    0.087,  # byline_or_date_below
    -0.272,  # log_gap_after
    0.661,  # log_gap_before
    0.766,  # credit_next
    0.969,  # label_above
)
END_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    0.594,  # probability
    0.538,  # log_words
    0.267,  # sentence_end
    0.378,  # stop_share
    -0.36,  # capital_share
    -0.09,  # junk_word_list
    0.417,  # date_or_clock
    0.112,  # credit
    -0.086,  # ellipsis
    0.431,  # is_running
    0.923,  # running_before
    -0.395,  # running_after
    0.414,  # inside_run
    0.995,  # run_edge
    -0.596,  # next_probability
    -0.423,  # next_running
    0.808,  # previous_probability
    -0.043,  # headline_words
    0.0,  # after_headline
    -0.563,  # after_end_marker
    -0.089,  # end_marker_next
    0.917,  # paragraph
    -0.437,  # byline_or_date_above
    -0.287,  # byline_or_date_below
    0.693,  # log_gap_after
    -0.356,  # log_gap_before
    -0.134,  # credit_next
    -0.601,  # label_above
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    -0.0,  # bias
    -0.427,  # log_distance
    -0.302,  # nearest
    1.95,  # headline_length
    -1.131,  # label_length
    -0.403,  # long
    0.689,  # repeated
    3.423,  # in_body
    -0.98,  # full_stop
    0.545,  # question_or_exclamation
    -0.774,  # capital_share
    -0.151,  # all_capitals
    -0.819,  # link_like
    -0.844,  # byline_or_date
    -0.565,  # buttons
    0.383,  # stop_share
    -0.315,  # body_probability
    0.631,  # longest_candidate
    -0.147,  # first_candidate
    -0.479,  # junk_word_list
    -0.271,  # credit
    0.725,  # above_longer
    -1.142,  # below_title_like
    0.849,  # prose_between
    0.807,  # date_below
    -1.309,  # paragraph
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
