"""Where the article is in a copied page, by the shape of its lines rather than by what they say.

An article is the longest run of prose: lines of many words, most of them short function words, ending in
sentence punctuation. Menus, tickers, teaser headlines, captions and footers are short, title-cased or
link-like. Each line gets a value (positive for prose, by its length; negative for anything else) and the
article is the run of lines with the largest total (the maximum-subarray problem), so a caption or a share bar
inside the article costs less than the paragraphs around it bring, while a menu or a list of teasers after it
costs more than anything beyond it brings. Within that run, the article starts at its first and ends at its
last line of running text. No word lists: the weights are set by hand and explained below.
"""

from __future__ import annotations

import re

from .datelines import date_in
from .junk import is_junk, words

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
SENTENCE_END = re.compile(r"[.!?…。！？][\"'»”’)\]」』]*$")
# A line costs this much when it is not prose: five menu entries in a row outweigh a 200-character paragraph.
GAP_COST = 40.0
NOT_PROSE_SHARE = 0.5  # and half its length in characters
LINK_LIKE = re.compile(r"(?:https?://|www\.|[|›»→>]\s|\s[|›»→>]\s|#\w)")
# A byline's opening word ('By', 'Posted by', 'Von', 'Par', 'Автор'), and a clock time ('3:46 PM', '10.45'): a line
# with either, or with a date, is the article's byline or dateline, never its headline.
BYLINE_START = re.compile(r"^(?:posted\s+)?(?:by|von|par|por|door|przez|автор|текст)\b", re.IGNORECASE)
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


def size(line: str) -> int:
    """Words in a line; in Chinese and Japanese, every two characters count as a word."""
    cjk = len(CJK.findall(line))
    return len(words(line)) + cjk // 2 if cjk else len(words(line))


def short_share(line: str) -> float:
    """Share of words of three letters or fewer: function words (the, и, de, der, il) are short in every
    alphabetic language, and running text is full of them; names, menus and headlines much less so."""
    found = words(line)
    return sum(1 for w in found if len(w) <= 3) / len(found) if found else 0.0


def capital_share(line: str) -> float:
    found = [w for w in words(line) if w[:1].isalpha()]
    return sum(1 for w in found if w[0].isupper()) / len(found) if found else 0.0


def is_running_text(line: str) -> bool:
    """A line of prose: a sentence or more, as the article's first and last lines are."""
    count = size(line)
    if count < 8 or LINK_LIKE.search(line):
        return False
    ends = bool(SENTENCE_END.search(line.rstrip()))
    cjk = bool(CJK.search(line))
    if not cjk and capital_share(line) > 0.6 and count < 25:
        return False  # Title Case Teaser Or Menu
    return (ends and (cjk or count >= 12 or short_share(line) >= 0.2)) or count >= 25


def is_wrapped(lines: list[str]) -> bool:
    """Text hard-wrapped at a fixed width (an e-mail, a plain-text copy): no line much longer than 100
    characters, and most long lines followed directly by another line of the same paragraph."""
    long = [i for i, line in enumerate(lines) if len(line) >= 40]
    if not long or max(len(line) for line in lines) > 100:
        return False
    return sum(1 for i in long if i + 1 < len(lines) and lines[i + 1]) > len(long) / 2


def running_flags(lines: list[str]) -> list[bool]:
    """Which lines are running text; in hard-wrapped text, a line is judged with the rest of its paragraph."""
    if not is_wrapped(lines):
        return [bool(line) and is_running_text(line) for line in lines]
    flags = [False] * len(lines)
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and lines[end]:
            end += 1
        if end > index and is_running_text(" ".join(lines[index:end])):
            flags[index:end] = [True] * (end - index)
        index = end + 1
    return flags


def value(line: str, running: bool) -> float:
    """What a line adds to the article around it: its length if it is prose, a cost if not."""
    if running:
        return float(len(line))
    return -(GAP_COST + NOT_PROSE_SHARE * min(len(line), 200))


def article_span(lines: list[str], start: int = 0) -> tuple[int, int]:
    """First and one-past-last index of the article's lines at or after start: the run of non-blank lines
    with the largest total value, trimmed to its first and last line of running text."""
    flags = running_flags(lines)
    best, best_span = 0.0, (start, start)
    total, begin = 0.0, start
    for index in range(start, len(lines)):
        if not lines[index]:
            continue
        if total <= 0:
            total, begin = 0.0, index
        total += value(lines[index], flags[index])
        if total > best:
            best, best_span = total, (begin, index + 1)
    first, last = best_span
    prose = [i for i in range(first, last) if flags[i]]
    return (prose[0], prose[-1] + 1) if prose else best_span


def headline_score(lines: list[str], index: int, distance: int) -> float:
    """How much a title-like line before the article looks like its headline: near the body, of a headline's
    length, and repeated elsewhere on the page (pages print their headline in breadcrumbs, share bars and
    teasers of themselves); a line of one to three words is a section label, one with a byline's opening word, a
    date or a clock time is a byline or dateline, and one of share buttons is no headline either."""
    line = lines[index]
    count = size(line)
    folded = line.casefold()
    repeated = sum(1 for i, other in enumerate(lines) if i != index and other and folded in other.casefold())
    return (
        -0.4 * distance
        + (2.0 if 5 <= count <= 25 else 0.0)
        - (3.0 if count <= 3 else 0.0)
        - (2.0 if count > 30 else 0.0)
        + (3.0 if repeated else 0.0)
        - (1.5 if LINK_LIKE.search(line) else 0.0)
        - (3.0 if BYLINE_START.match(line) or CLOCK.search(line) or date_in(line) else 0.0)
        - (3.0 if buttons(line) else 0.0)
    )


def buttons(line: str) -> bool:
    """A row of buttons ('Facebook Twitter Email LinkedIn', 'Share Close ...'): half its words are junk on their own."""
    found = words(line)
    return bool(found) and sum(1 for word in found if is_junk(word)) * 2 >= len(found)


def headline_line(lines: list[str], begin: int, is_title, reach: int = 25) -> int | None:
    """Index of the headline among the title-like lines before the article's first line, or None."""
    seen: list[int] = []
    for index in range(begin - 1, -1, -1):
        if lines[index]:
            seen.append(index)
        if len(seen) >= reach:
            break
    scored = [(headline_score(lines, index, distance), -distance, index) for distance, index in enumerate(seen) if is_title(lines[index])]
    return max(scored)[2] if scored else None
