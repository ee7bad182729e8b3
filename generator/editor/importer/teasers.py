"""Teasers glued to the article's last sentence, cut by position and shape rather than by what they say.

A page often sets a 'Read more »', an update time, a copyright, a photo credit, the agency's or author's
signature or a 'continue reading' link on the same line as the article's last sentence, or a ' […]' where a
syndicated text was cut. After the last sentence's end, such a tail is short and is no sentence itself (it ends
with no sentence punctuation): it goes. A signature goes too, in brackets or not ('(ats/nxp)', 'PTI',
'（记者 …）'): it names who wrote or sent the text, and the digest's story names its source apart. In Chinese
and Japanese a sentence's stop is followed by no space.
"""

from __future__ import annotations

import re

from .blocks import CLOSERS, SENTENCE_END
from .junk import CJK, CJK_STOPS, SPACED_STOPS, size, words

# The end of a sentence followed by a space (none after a Chinese or Japanese stop): where a glued tail can begin.
SENTENCE_BREAK = re.compile(rf"[{re.escape(SPACED_STOPS)}][{CLOSERS}]*\s+|[{CJK_STOPS}][{CLOSERS}]*\s*")
CUT_MARK = re.compile(r"\s*(?:\[(?:…|\.\.\.)\]|\((?:…|\.\.\.)\))\s*$")  # ' […]', ' (...)': the rest was cut off
TAIL_WORDS = 12
TAIL_CJK = 16  # Chinese, Japanese and Korean characters: a longer tail is a sentence that lacks its stop, kept


def trim_tail(line: str) -> str:
    """The line without a short, unpunctuated tail after its last sentence, or a cut-off mark at its end."""
    line = CUT_MARK.sub("", line)
    if SENTENCE_END.search(line):
        return line
    breaks = list(SENTENCE_BREAK.finditer(line))
    if not breaks:
        return line
    tail = line[breaks[-1].end() :]
    if len(words(tail)) > TAIL_WORDS or len(CJK.findall(tail)) > TAIL_CJK:
        return line
    return line[: breaks[-1].end()].rstrip()


def ends_sentence(line: str) -> bool:
    """The line ends a sentence, or would without a short tail glued after its last one ('… Updated 22:07 © ALL RIGHTS RESERVED')."""
    if SENTENCE_END.search(line):
        return True
    trimmed = trim_tail(line)
    return trimmed != line and bool(SENTENCE_END.search(trimmed)) and size(trimmed) >= 8


def trim(paragraphs: list[str]) -> list[str]:
    """The paragraphs with the last one's last line trimmed of a glued teaser."""
    if not paragraphs:
        return paragraphs
    *rest, last = paragraphs[-1].split("\n")
    trimmed = trim_tail(last)
    return [*paragraphs[:-1], "\n".join([*rest, trimmed] if trimmed else rest)] if trimmed or rest else paragraphs[:-1]
