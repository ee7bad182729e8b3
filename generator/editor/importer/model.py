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
    -6.367,  # bias
    0.294,  # log_words
    -0.311,  # stop_share
    1.07,  # short_share
    0.878,  # sentence_end
    0.998,  # capital_share
    0.068,  # digit_share
    -0.639,  # link_like
    -3.445,  # junk_word_list
    -0.257,  # repeated
    1.297,  # comma_rate
    -1.295,  # date_or_clock
    -2.572,  # ellipsis
    -0.229,  # credit
    0.829,  # running
    0.374,  # long
    -2.695,  # position
    1.569,  # paragraph
    0.687,  # before_log_words
    -1.449,  # before_stop_share
    0.337,  # before_sentence_end
    -0.457,  # before_capital_share
    0.766,  # before_link_like
    -0.275,  # before_junk_word_list
    0.312,  # before_running
    0.546,  # before_paragraph
    0.66,  # after_log_words
    -0.499,  # after_stop_share
    1.848,  # after_sentence_end
    0.296,  # after_capital_share
    -0.607,  # after_link_like
    -0.571,  # after_junk_word_list
    -1.231,  # after_running
    0.555,  # after_paragraph
)
OWN_WEIGHTS: tuple[float, ...] = (
    -3.728,  # bias
    0.464,  # log_words
    -0.872,  # stop_share
    0.736,  # short_share
    1.787,  # sentence_end
    0.214,  # capital_share
    0.687,  # digit_share
    -0.917,  # link_like
    -3.042,  # junk_word_list
    -0.401,  # repeated
    1.369,  # comma_rate
    -1.248,  # date_or_clock
    -3.255,  # ellipsis
    0.044,  # credit
    0.167,  # running
    0.733,  # long
    -2.999,  # position
    2.653,  # paragraph
)
START_WEIGHTS: tuple[float, ...] = (
    -0.0,  # bias
    0.481,  # probability
    1.47,  # log_words
    0.412,  # sentence_end
    -0.526,  # stop_share
    0.036,  # capital_share
    -0.165,  # junk_word_list
    -0.868,  # date_or_clock
    -0.218,  # credit
    -0.011,  # ellipsis
    0.55,  # is_running
    -1.197,  # running_before
    1.035,  # running_after
    0.152,  # inside_run
    0.401,  # run_edge
    0.66,  # next_probability
    -0.492,  # next_running
    -1.02,  # previous_probability
    0.861,  # headline_words
    -0.0,  # after_headline
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
    0.59,  # probability
    0.542,  # log_words
    0.269,  # sentence_end
    0.377,  # stop_share
    -0.357,  # capital_share
    -0.088,  # junk_word_list
    0.425,  # date_or_clock
    0.113,  # credit
    -0.087,  # ellipsis
    0.431,  # is_running
    0.927,  # running_before
    -0.386,  # running_after
    0.415,  # inside_run
    0.996,  # run_edge
    -0.599,  # next_probability
    -0.423,  # next_running
    0.813,  # previous_probability
    -0.044,  # headline_words
    0.0,  # after_headline
    -0.561,  # after_end_marker
    -0.085,  # end_marker_next
    0.905,  # paragraph
    -0.434,  # byline_or_date_above
    -0.216,  # byline_or_date_below
    0.691,  # log_gap_after
    -0.357,  # log_gap_before
    -0.139,  # credit_next
    -0.601,  # label_above
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    -0.427,  # log_distance
    -0.302,  # nearest
    1.95,  # headline_length
    -1.131,  # label_length
    -0.403,  # long
    0.689,  # repeated
    3.423,  # in_body
    -0.98,  # full_stop
    0.545,  # question_or_exclamation
    -0.773,  # capital_share
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
