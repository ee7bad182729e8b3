"""An extractive summary in the article's own language: the lede and the few most central sentences.

No model: sentences are split by sentencex's rules (compiled, for ~300 languages; it replaced pysbd, which split
the corpus's paragraphs the same way 95% of the time but some fifty times more slowly), words are cut to a short
prefix (a crude stem that serves Russian endings as well as English plurals), and a sentence scores by how much it
shares, weighted by rarity, with the other sentences (the idea of LexRank, without the iteration).
"""

from __future__ import annotations

import math
import re
from collections import Counter

import sentencex

from .junk import CJK, LOOSE_ENDS, size, words

STEM = 6
HEADING_END = re.compile(rf"[{re.escape(LOOSE_ENDS)}:;：；]$")  # how a sentence, not a heading, ends
# Two Chinese, Japanese or Korean characters in a row: the unit of meaning where words are not set apart by spaces
CJK_PAIR = re.compile(rf"(?=({CJK.pattern}{{2}}))")


def stems(text: str) -> list[str]:
    """Lowercased word prefixes; very short words are dropped unless they hold a digit (H100, S2). In Chinese and
    Japanese, the pairs of characters."""
    found = [w.lower()[:STEM] for w in words(text) if not CJK.search(w) and (len(w) >= 3 or any(ch.isdigit() for ch in w))]
    return found + CJK_PAIR.findall(text)


def sentences(paragraph: str, lang: str) -> list[str]:
    """A paragraph's sentences; lines of a hard-wrapped paragraph are joined first."""
    text = " ".join(paragraph.split())
    return [s.strip() for s in sentencex.segment(lang, text) if s.strip()]


# A wire service's dateline before the lede's first word: where and who, not what happened
AGENCY_DATELINE = re.compile(
    r"^(?:"
    r"[^\W\d_]?[^()\n]{0,40}?\((?:[^()\s]+\s?){1,2}\)\s*[-–—]+\s*"  # (Reuters) - / WASHINGTON (Reuters) — / PARIS (AFP) -
    r"|[A-ZÀ-ÞА-ЯЁ]{3,}[A-ZÀ-ÞА-ЯЁ .,'’-]{0,40}?\s+(?:—|--)\s+"  # LONDON — (a place in capitals, an em dash)
    r"|[^/\n]{0,40}/[A-ZА-ЯЁ][^/\n]{0,19}/\.?\s*"  # МОСКВА, 12 марта. /ТАСС/.
    r"|\([^()=\n]{1,20}=[^()\n]{1,20}\)\s*(?:[^=\n]{1,20}=\s*)?"  # (서울=연합뉴스) 홍길동 기자 =
    r"|【[^】\n]{1,30}】"  # 【エルサレム＝酒井圭吾】
    r"|[^，。\s]{2,20}日电\s*(?:[（(][^）)\n]{1,20}[）)])?"  # 新华社北京3月12日电（记者 张三）
    r")"
)


def without_dateline(sentence: str) -> str:
    """The lede without a wire service's dateline ('WASHINGTON (Reuters) - ', 'МОСКВА, 12 марта. /ТАСС/. ',
    '(서울=연합뉴스) 홍길동 기자 = '), when what follows begins a sentence (a capital, or a letter of a script
    without capitals) of four words or more."""
    match = AGENCY_DATELINE.match(sentence)
    rest = sentence[match.end() :] if match else ""
    first = rest.lstrip("\"'«“„‘(")[:1]
    if not first or not first.isalpha() or first.islower() or size(rest) < 4:
        return sentence
    return rest


def is_heading(paragraph: str) -> bool:
    """A subheading or a deck: one short line that does not end like a sentence."""
    return "\n" not in paragraph and size(paragraph) <= 16 and not HEADING_END.search(paragraph.strip())


def lede(paragraphs: list[str], lang: str) -> str:
    """The first sentence of the first paragraph of running text."""
    for paragraph in paragraphs:
        if not is_heading(paragraph):
            found = sentences(paragraph, lang)
            if found:
                return found[0]
    return paragraphs[0].strip() if paragraphs else ""


def summary(paragraphs: list[str], lang: str, count: int = 3, skip: str = "") -> list[str]:
    """The count most central sentences (not the lede given as skip), in the article's order."""
    candidates = [s for p in paragraphs if not is_heading(p) for s in sentences(p, lang)]
    bags = [Counter(stems(s)) for s in candidates]
    df = Counter(stem for bag in bags for stem in bag)
    n = len(bags)
    idf = {stem: math.log((1 + n) / (1 + k)) + 1 for stem, k in df.items()}
    vectors = [{stem: tf * idf[stem] for stem, tf in bag.items()} for bag in bags]
    norms = [math.sqrt(sum(v * v for v in vec.values())) or 1.0 for vec in vectors]

    def similarity(i: int, j: int) -> float:
        small, large = sorted((vectors[i], vectors[j]), key=len)
        return sum(v * large.get(stem, 0.0) for stem, v in small.items()) / (norms[i] * norms[j])

    scores = []
    for i, sentence in enumerate(candidates):
        length = size(sentence)
        if sentence == skip or length < 6 or length > 70 or sentence.endswith(("?", "？")):
            continue
        centrality = sum(similarity(i, j) for j in range(n) if j != i)
        position = 1.0 + 0.5 * (1 - i / max(n, 1))  # news puts what matters first
        scores.append((centrality * position, i))
    chosen = sorted(i for _, i in sorted(scores, reverse=True)[:count])
    return [candidates[i] for i in chosen]
