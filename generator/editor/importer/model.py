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
    -8.989,  # bias
    0.27,  # log_words
    -0.222,  # stop_share
    1.366,  # short_share
    1.334,  # sentence_end
    0.464,  # capital_share
    -0.764,  # digit_share
    -1.353,  # link_like
    -4.243,  # junk_word_list
    1.027,  # repeated
    0.706,  # comma_rate
    -1.09,  # date_or_clock
    -2.567,  # ellipsis
    -0.487,  # credit
    0.57,  # running
    0.839,  # long
    1.302,  # paragraph
    0.962,  # before_log_words
    -1.415,  # before_stop_share
    0.54,  # before_sentence_end
    -0.089,  # before_capital_share
    0.268,  # before_link_like
    -0.688,  # before_junk_word_list
    0.426,  # before_running
    0.788,  # before_paragraph
    0.863,  # after_log_words
    -0.568,  # after_stop_share
    1.707,  # after_sentence_end
    0.185,  # after_capital_share
    -1.466,  # after_link_like
    -1.224,  # after_junk_word_list
    -1.04,  # after_running
    0.934,  # after_paragraph
)
OWN_WEIGHTS: tuple[float, ...] = (
    -4.819,  # bias
    0.464,  # log_words
    -0.968,  # stop_share
    0.834,  # short_share
    2.156,  # sentence_end
    -0.346,  # capital_share
    -0.08,  # digit_share
    -1.478,  # link_like
    -3.542,  # junk_word_list
    0.413,  # repeated
    0.797,  # comma_rate
    -0.975,  # date_or_clock
    -3.124,  # ellipsis
    -0.148,  # credit
    -0.323,  # running
    1.017,  # long
    2.557,  # paragraph
)
START_WEIGHTS: tuple[float, ...] = (
    -10.875,  # bias
    0.565,  # probability
    1.197,  # log_words
    0.794,  # sentence_end
    -0.434,  # stop_share
    -0.159,  # capital_share
    -0.269,  # junk_word_list
    -0.87,  # date_or_clock
    -0.055,  # credit
    -0.015,  # ellipsis
    0.98,  # is_running
    -1.391,  # running_before
    0.764,  # running_after
    0.14,  # inside_run
    1.692,  # run_edge
    0.372,  # next_probability
    -0.137,  # next_running
    -1.519,  # previous_probability
    0.951,  # headline_words
    -0.0,  # after_headline
    0.089,  # after_end_marker
    0.005,  # end_marker_next
    0.513,  # paragraph
    0.884,  # byline_or_date_above
    -0.31,  # byline_or_date_below
    -0.001,  # log_gap_after
    0.769,  # log_gap_before
    0.643,  # credit_next
    1.127,  # label_above
)
END_WEIGHTS: tuple[float, ...] = (
    -8.837,  # bias
    0.603,  # probability
    0.29,  # log_words
    0.327,  # sentence_end
    0.54,  # stop_share
    -0.409,  # capital_share
    -0.292,  # junk_word_list
    0.647,  # date_or_clock
    0.217,  # credit
    -0.189,  # ellipsis
    1.024,  # is_running
    0.495,  # running_before
    -0.249,  # running_after
    0.38,  # inside_run
    1.85,  # run_edge
    -1.391,  # next_probability
    -0.4,  # next_running
    1.467,  # previous_probability
    0.196,  # headline_words
    0.0,  # after_headline
    -0.483,  # after_end_marker
    -0.373,  # end_marker_next
    1.464,  # paragraph
    -0.702,  # byline_or_date_above
    -0.43,  # byline_or_date_below
    1.056,  # log_gap_after
    -0.039,  # log_gap_before
    -0.208,  # credit_next
    -0.951,  # label_above
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    -0.0,  # bias
    -0.486,  # log_distance
    -0.433,  # nearest
    2.079,  # headline_length
    -1.185,  # label_length
    -0.391,  # long
    0.783,  # repeated
    3.202,  # in_body
    -0.926,  # full_stop
    0.441,  # question_or_exclamation
    -0.891,  # capital_share
    -0.086,  # all_capitals
    -0.763,  # link_like
    -0.912,  # byline_or_date
    -0.609,  # buttons
    0.32,  # stop_share
    -0.217,  # body_probability
    0.415,  # longest_candidate
    -0.178,  # first_candidate
    -0.502,  # junk_word_list
    -0.181,  # credit
    0.692,  # above_longer
    -1.233,  # below_title_like
    0.667,  # prose_between
    0.933,  # date_below
    -1.319,  # paragraph
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
