"""Two judgements of a line's shape that the importer's features build on, with no word lists.

An article is made of running text: lines of many words, most of them short function words, ending in
sentence punctuation. Menus, tickers, teaser headlines, captions and footers are short, title-cased or
link-like. And text copied from an e-mail or a plain-text page is often hard-wrapped, so that a paragraph
spans several lines and must be judged whole.
"""

from __future__ import annotations

import re

from .junk import CJK, CJK_STOPS, SPACED_STOPS, UNSPACED, is_end, is_junk, size, words

CLOSERS = "\"'»”’)\\]」』）】"  # quotes and brackets that may close a sentence after its stop
# Thai and Lao mark no sentence's end: a line that ends in sixty of their letters and spaces or more is running text
SENTENCE_END = re.compile(rf"[{re.escape(SPACED_STOPS + CJK_STOPS)}][{CLOSERS}]*$|[\u0e00-\u0eff][\u0e00-\u0eff ]{{59,}}$")
LINK_LIKE = re.compile(r"(?:https?://|www\.|[|›»→>]\s|\s[|›»→>]\s|#\w)")


def unspaced(line: str) -> bool:
    """Written without spaces between its words, where the share of short words and of capitals says nothing."""
    return bool(CJK.search(line) or UNSPACED.search(line))


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
    spaceless = unspaced(line)
    if not spaceless and capital_share(line) > 0.6 and count < 25:
        return False  # Title Case Teaser Or Menu
    return (ends and (spaceless or count >= 12 or short_share(line) >= 0.2)) or count >= 25


def is_wrapped(lines: list[str]) -> bool:
    """Text hard-wrapped at a fixed width (an e-mail, a plain-text copy): no line much longer than 100
    characters, and most long lines followed directly by another line of the same paragraph."""
    long = [i for i, line in enumerate(lines) if len(line) >= 40]
    if not long or max(len(line) for line in lines) > 100:
        return False
    return sum(1 for i in long if i + 1 < len(lines) and lines[i + 1]) > len(long) / 2


def is_table_row(line: str) -> bool:
    """A table's row as a browser copies it: its cells between tabs. Short and no sentence, but no junk either."""
    return "\t" in line


def unparted(lines: list[str]) -> bool:
    """No blank line between two lines of text: a word processor's or a mail's text, or a page whose paragraphs are
    not <p>s, where each line is a block of its own (unless the text is hard-wrapped: see is_wrapped)."""
    text = [i for i, line in enumerate(lines) if line]
    return bool(text) and all(lines[text[0] : text[-1] + 1])


def undoubled(lines: list[str]) -> list[str]:
    """Text double-spaced by a tool that made each line break two, as it was: no two of its lines touch and every gap
    between them is an odd number of blank lines, some of three or more; a gap of one was a line break, a longer one a
    blank line. Text with a blank line of its own between all its lines (gaps of one, now and then two) stays."""
    text = [index for index, line in enumerate(lines) if line]
    gaps = [b - a - 1 for a, b in zip(text, text[1:], strict=False)]
    if any(gap % 2 == 0 for gap in gaps) or sum(gap >= 3 for gap in gaps) < 2:  # a gap of 0: two lines touch
        return lines
    found = [lines[text[0]]]
    for gap, index in zip(gaps, text[1:], strict=True):
        found.extend(["", lines[index]] if gap >= 3 else [lines[index]])
    return found


def announced_list(lines: list[str], end: int) -> int:
    """One past the list a line ending in a colon announces just after the article's end ('The tour's dates:', then
    one line a date): a list's items are short and no sentences, so the run of article lines stops before them.
    Unchanged when the next non-blank line announces none (a list is two lines or more with no blank line between)."""
    index = next((i for i in range(end, min(len(lines), end + 3)) if lines[i]), None)
    if index is None or not lines[index].rstrip().endswith(":") or size(lines[index]) < 5 or is_end(lines[index]) or is_junk(lines[index]):
        return end
    first = index + 1 if index + 1 < len(lines) and lines[index + 1] else index + 2
    last = first
    while last < len(lines) and lines[last] and not is_end(lines[last]):
        last += 1
    return last if last - first >= 2 else end
