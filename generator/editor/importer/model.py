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
    -8.059,  # bias
    0.29,  # log_words
    -0.301,  # stop_share
    1.585,  # short_share
    1.288,  # sentence_end
    0.68,  # capital_share
    -0.796,  # digit_share
    -1.194,  # link_like
    -3.728,  # junk_word_list
    1.095,  # repeated
    1.186,  # comma_rate
    -1.256,  # date_or_clock
    -2.255,  # ellipsis
    -0.492,  # credit
    0.815,  # running
    0.734,  # long
    -2.832,  # position
    1.429,  # paragraph
    1.045,  # before_log_words
    -1.321,  # before_stop_share
    0.708,  # before_sentence_end
    -0.035,  # before_capital_share
    0.198,  # before_link_like
    -0.523,  # before_junk_word_list
    0.193,  # before_running
    0.773,  # before_paragraph
    0.813,  # after_log_words
    -0.672,  # after_stop_share
    1.902,  # after_sentence_end
    0.155,  # after_capital_share
    -1.432,  # after_link_like
    -0.769,  # after_junk_word_list
    -1.243,  # after_running
    0.922,  # after_paragraph
)
OWN_WEIGHTS: tuple[float, ...] = (
    -3.815,  # bias
    0.497,  # log_words
    -1.042,  # stop_share
    1.03,  # short_share
    2.122,  # sentence_end
    -0.183,  # capital_share
    0.145,  # digit_share
    -1.387,  # link_like
    -2.964,  # junk_word_list
    0.427,  # repeated
    1.22,  # comma_rate
    -1.178,  # date_or_clock
    -2.912,  # ellipsis
    -0.059,  # credit
    -0.072,  # running
    0.967,  # long
    -2.977,  # position
    2.732,  # paragraph
)
START_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    0.581,  # probability
    1.436,  # log_words
    0.396,  # sentence_end
    -0.522,  # stop_share
    0.046,  # capital_share
    -0.173,  # junk_word_list
    -0.878,  # date_or_clock
    -0.18,  # credit
    -0.013,  # ellipsis
    0.579,  # is_running
    -1.12,  # running_before
    1.005,  # running_after
    -0.082,  # inside_run
    0.563,  # run_edge
    0.481,  # next_probability
    -0.342,  # next_running
    -1.236,  # previous_probability
    0.926,  # headline_words
    0.0,  # after_headline
    0.102,  # after_end_marker
    0.108,  # end_marker_next
    0.738,  # paragraph
    0.872,  # byline_or_date_above
    0.123,  # byline_or_date_below
    -0.141,  # log_gap_after
    0.47,  # log_gap_before
    0.83,  # credit_next
    1.037,  # label_above
)
END_WEIGHTS: tuple[float, ...] = (
    -0.0,  # bias
    0.528,  # probability
    0.452,  # log_words
    0.207,  # sentence_end
    0.275,  # stop_share
    -0.321,  # capital_share
    -0.1,  # junk_word_list
    0.37,  # date_or_clock
    0.174,  # credit
    -0.066,  # ellipsis
    0.404,  # is_running
    0.873,  # running_before
    -0.293,  # running_after
    0.438,  # inside_run
    0.968,  # run_edge
    -0.666,  # next_probability
    -0.454,  # next_running
    0.846,  # previous_probability
    0.069,  # headline_words
    -0.0,  # after_headline
    -0.56,  # after_end_marker
    -0.023,  # end_marker_next
    0.97,  # paragraph
    -0.294,  # byline_or_date_above
    -0.229,  # byline_or_date_below
    0.684,  # log_gap_after
    -0.352,  # log_gap_before
    -0.196,  # credit_next
    -0.519,  # label_above
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    -0.489,  # log_distance
    -0.419,  # nearest
    2.081,  # headline_length
    -1.188,  # label_length
    -0.389,  # long
    0.786,  # repeated
    3.2,  # in_body
    -0.919,  # full_stop
    0.444,  # question_or_exclamation
    -0.89,  # capital_share
    -0.087,  # all_capitals
    -0.766,  # link_like
    -0.915,  # byline_or_date
    -0.609,  # buttons
    0.321,  # stop_share
    -0.323,  # body_probability
    0.423,  # longest_candidate
    -0.178,  # first_candidate
    -0.503,  # junk_word_list
    -0.176,  # credit
    0.695,  # above_longer
    -1.231,  # below_title_like
    0.666,  # prose_between
    0.932,  # date_below
    -1.294,  # paragraph
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
