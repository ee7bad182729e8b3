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
    -7.982,  # bias
    0.379,  # log_words
    -0.237,  # stop_share
    1.406,  # short_share
    1.062,  # sentence_end
    0.957,  # capital_share
    -0.694,  # digit_share
    -1.051,  # link_like
    -3.397,  # junk_word_list
    -0.376,  # repeated
    1.222,  # comma_rate
    -1.203,  # date_or_clock
    -2.236,  # ellipsis
    -0.434,  # credit
    0.728,  # running
    0.337,  # long
    -2.635,  # position
    1.435,  # paragraph
    0.926,  # before_log_words
    -1.293,  # before_stop_share
    0.658,  # before_sentence_end
    0.185,  # before_capital_share
    0.253,  # before_link_like
    -0.432,  # before_junk_word_list
    -0.069,  # before_running
    0.771,  # before_paragraph
    0.774,  # after_log_words
    -0.432,  # after_stop_share
    2.038,  # after_sentence_end
    0.551,  # after_capital_share
    -1.056,  # after_link_like
    -0.551,  # after_junk_word_list
    -1.437,  # after_running
    0.771,  # after_paragraph
)
OWN_WEIGHTS: tuple[float, ...] = (
    -4.022,  # bias
    0.564,  # log_words
    -0.813,  # stop_share
    0.948,  # short_share
    1.934,  # sentence_end
    0.283,  # capital_share
    0.245,  # digit_share
    -1.237,  # link_like
    -2.878,  # junk_word_list
    -0.429,  # repeated
    1.307,  # comma_rate
    -1.161,  # date_or_clock
    -3.115,  # ellipsis
    -0.024,  # credit
    0.004,  # running
    0.714,  # long
    -2.993,  # position
    2.702,  # paragraph
)
START_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    0.543,  # probability
    1.497,  # log_words
    0.422,  # sentence_end
    -0.512,  # stop_share
    0.0,  # capital_share
    -0.164,  # junk_word_list
    -0.898,  # date_or_clock
    -0.215,  # credit
    -0.011,  # ellipsis
    0.565,  # is_running
    -1.206,  # running_before
    1.05,  # running_after
    0.141,  # inside_run
    0.299,  # run_edge
    0.605,  # next_probability
    -0.443,  # next_running
    -1.174,  # previous_probability
    0.912,  # headline_words
    0.0,  # after_headline
    0.103,  # after_end_marker
    0.13,  # end_marker_next
    0.832,  # paragraph
    0.89,  # byline_or_date_above
    0.091,  # byline_or_date_below
    -0.264,  # log_gap_after
    0.638,  # log_gap_before
    0.734,  # credit_next
    0.987,  # label_above
)
END_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    0.552,  # probability
    0.484,  # log_words
    0.281,  # sentence_end
    0.321,  # stop_share
    -0.327,  # capital_share
    -0.091,  # junk_word_list
    0.365,  # date_or_clock
    0.162,  # credit
    -0.088,  # ellipsis
    0.458,  # is_running
    0.929,  # running_before
    -0.381,  # running_after
    0.385,  # inside_run
    1.025,  # run_edge
    -0.558,  # next_probability
    -0.466,  # next_running
    0.779,  # previous_probability
    0.012,  # headline_words
    0.0,  # after_headline
    -0.559,  # after_end_marker
    -0.152,  # end_marker_next
    0.955,  # paragraph
    -0.446,  # byline_or_date_above
    -0.22,  # byline_or_date_below
    0.729,  # log_gap_after
    -0.388,  # log_gap_before
    -0.195,  # credit_next
    -0.575,  # label_above
)
HEADLINE_WEIGHTS: tuple[float, ...] = (
    0.0,  # bias
    -0.429,  # log_distance
    -0.351,  # nearest
    2.112,  # headline_length
    -1.2,  # label_length
    -0.415,  # long
    0.783,  # repeated
    3.281,  # in_body
    -0.932,  # full_stop
    0.45,  # question_or_exclamation
    -0.968,  # capital_share
    -0.124,  # all_capitals
    -0.766,  # link_like
    -0.977,  # byline_or_date
    -0.66,  # buttons
    0.385,  # stop_share
    -0.276,  # body_probability
    0.564,  # longest_candidate
    -0.233,  # first_candidate
    -0.516,  # junk_word_list
    -0.196,  # credit
    0.781,  # above_longer
    -1.235,  # below_title_like
    0.787,  # prose_between
    0.807,  # date_below
    -1.332,  # paragraph
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
