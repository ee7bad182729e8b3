"""What the importer measures on each line of a copied page, as numbers a small logistic model weighs.

Every feature is about a line's shape, not its words: its length, the share of the language's function words in
it (stop-word lists from the stop-words package), whether it ends like a sentence, how title-cased, digit-heavy
or link-like it is, whether the page repeats it, where in the page it is, and the same measures of the lines
around it. The weights that turn them into a probability are fitted on the development half of
tests/import_corpus/ by bench/fit_import_model.py and kept as numbers in model.py.
"""

from __future__ import annotations

import functools
import re

import numpy as np
from stop_words import LANGUAGE_MAPPING, get_stop_words

from .blocks import SENTENCE_END, is_running_text, unparted, unspaced
from .datelines import date_in
from .junk import CJK, is_end, is_junk, size, words
from .teasers import ends_sentence

LINK_LIKE = re.compile(r"(?:https?://|www\.|[|›»→>]\s|\s[|›»→>/]\s|#\w)")  # an address, a breadcrumb's separators, a hashtag
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
BYLINE_START = re.compile(r"^(?:posted\s+)?(?:by|von|par|por|door|przez|di|автор|текст)\b", re.IGNORECASE)
# a photo credit: ©, an agency after a slash, or 'photo' in a language of the corpus or of the news with most readers
PHOTO = r"photo|foto|фото|image|bild|imagen|zdjęcie|kuva|φωτογραφία|fotó|fotoğraf|ảnh|صورة|תמונה|फोटो|तस्वीर|사진|写真|照片|图片"
CREDIT = re.compile(rf"(?:[©ⓒ]|\(c\)|/\s*[A-Z][\w.]+\s*$|\b(?:{PHOTO})\b|\[[^\]]*제공\])", re.IGNORECASE)
ELLIPSIS = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])[\"'»”’)\]]*$")

LINE_FEATURES = (
    "bias",
    "log_words",
    "stop_share",
    "short_share",
    "sentence_end",
    "capital_share",
    "digit_share",
    "link_like",
    "junk_word_list",
    "repeated",
    "comma_rate",
    "date_or_clock",
    "ellipsis",
    "credit",
    "running",
    "long",
    "position",
    "paragraph",
)


@functools.cache
def stop_words(lang: str | None) -> frozenset[str]:
    """The language's function words, from the stop-words package; none for a language it lacks."""
    if lang not in LANGUAGE_MAPPING:
        return frozenset()
    return frozenset(w.casefold() for w in get_stop_words(lang))


def stop_share(line: str, stops: frozenset[str]) -> float:
    if CJK.search(line):
        chars = CJK.findall(line)
        return sum(1 for ch in chars if ch in stops) / len(chars)
    found = words(line)
    pool = stops or frozenset()
    if not found:
        return 0.0
    if not pool:  # no list for this language: the share of short words stands in for it
        return sum(1 for w in found if len(w) <= 3) / len(found)
    return sum(1 for w in found if w.casefold() in pool) / len(found)


def shape(line: str, stops: frozenset[str], repeated: bool) -> list[float]:
    """The line's own features, in the order of LINE_FEATURES."""
    found = words(line)
    count = max(1, size(line))
    alpha = [w for w in found if w[:1].isalpha()]
    letters = sum(1 for ch in line if not ch.isspace()) or 1
    spaceless = unspaced(line)
    return [
        1.0,
        float(np.log1p(size(line))),
        stop_share(line, stops),
        sum(1 for w in found if len(w) <= 3) / len(found) if found and not spaceless else 0.3,
        1.0 if ends_sentence(line) else 0.0,
        sum(1 for w in alpha if w[0].isupper()) / len(alpha) if alpha and not spaceless else 0.0,
        sum(1 for ch in line if ch.isdigit()) / letters,
        1.0 if LINK_LIKE.search(line) else 0.0,
        1.0 if is_junk(line) or is_end(line) else 0.0,
        1.0 if repeated else 0.0,
        min(1.0, (line.count(",") + line.count("，") + line.count("、") + line.count("،")) / count * 4),
        1.0 if CLOCK.search(line) or date_in(line) else 0.0,
        1.0 if ELLIPSIS.search(line) else 0.0,
        1.0 if is_credit(line) else 0.0,
        1.0 if is_running_text(line) else 0.0,
        1.0 if size(line) >= 20 else 0.0,
    ]


def is_credit(line: str) -> bool:
    """A photo credit or a source under a picture ('Photo: Getty Images', 'Nathan Alliard / Photononstop / AFP')."""
    return bool(CREDIT.search(line)) and not SENTENCE_END.search(line)


def paragraph(lines: list[str], index: int) -> float:
    """1 for a line with a blank line before and after it: the browser copies a <p> so (a paragraph's margins
    become blank lines), while a heading, a list item, a caption or a menu entry sits on a line of its own."""
    before = index == 0 or not lines[index - 1]
    after = index + 1 == len(lines) or not lines[index + 1]
    return 1.0 if before and after else 0.0


def own_features(lines: list[str], lang: str | None) -> np.ndarray:
    """One row of LINE_FEATURES for each line; blank lines get zeros."""
    stops = stop_words(lang)
    counts: dict[str, int] = {}
    for line in lines:
        if line:
            counts[line] = counts.get(line, 0) + 1
    # where no two lines touch (plain text, or hard-wrapped text joined a paragraph a line), blank lines say nothing;
    # where no blank line parts two lines, each line is a block of its own, as a paragraph is
    spaced = any(line and lines[i + 1] for i, line in enumerate(lines[:-1]))
    block = [1.0] * len(lines) if unparted(lines) else [paragraph(lines, i) if spaced else 0.0 for i in range(len(lines))]
    # position: 0 at the page's top, 1 at its bottom (menus open a page; footers, comments and teasers close it)
    blank = [0.0] * len(LINE_FEATURES)
    rows = [[*shape(line, stops, counts[line] > 1), i / len(lines), block[i]] if line else blank for i, line in enumerate(lines)]
    return np.asarray(rows, dtype=float).reshape(len(lines), len(LINE_FEATURES))


def neighbours(own: np.ndarray, present: np.ndarray, step: int, reach: int = 2) -> np.ndarray:
    """Mean of the features of the reach nearest non-blank lines before (step -1) or after (step 1) each line."""
    index = np.flatnonzero(present)
    out = np.zeros_like(own)
    for position, line in enumerate(index):
        picked = index[max(0, position - reach) : position] if step < 0 else index[position + 1 : position + 1 + reach]
        if len(picked):
            out[line] = own[picked].mean(axis=0)
    return out


CONTEXT = ("log_words", "stop_share", "sentence_end", "capital_share", "link_like", "junk_word_list", "running", "paragraph")


def line_features(lines: list[str], lang: str | None) -> np.ndarray:
    """Each line's own features, then those of CONTEXT for the two lines before and the two after it."""
    own = own_features(lines, lang)
    present = np.asarray([bool(line) for line in lines])
    picked = [LINE_FEATURES.index(name) for name in CONTEXT]
    before = neighbours(own, present, -1)[:, picked]
    after = neighbours(own, present, 1)[:, picked]
    return np.hstack([own, before, after])


FEATURE_NAMES = (*LINE_FEATURES, *(f"before_{n}" for n in CONTEXT), *(f"after_{n}" for n in CONTEXT))
