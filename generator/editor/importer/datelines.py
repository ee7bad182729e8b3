"""Publication dates in the datelines of copied articles: '30 April 2025', '30 апреля 2025', '12 मार्च 2025', '2025-04-30',
'30.04.2025', '2025年4月30日'."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from pathlib import Path

import jdatetime

from .junk import is_prose, words

# Month names come from Babel's CLDR data, in both grammatical forms ('апреля' and 'апрель'), kept in months.json by
# bench/month_names.py (loading the locales at every import was slow). Where two languages give one name two months
# (Croatian 'listopad' is October, Polish and Czech November), the article's language decides, and without it the
# language named first. A locale with a region or script (Serbian in Latin letters; the Levant's Arabic names, 'آذار'
# for March where Egypt writes 'مارس') counts as its language.
MONTHS = Path(__file__).with_name("months.json")
MONTH_LANGUAGES: tuple[str, ...] = ("en", "ru", "fr", "de", "es", "it", "pt", "nl", "pl", "uk", "cs", "sk", "hr", "sl", "bg", "el", "tr")
MONTH_LANGUAGES += ("hu", "ro", "sv", "da", "nb", "fi", "ca", "id", "hi", "ar", "th")
MONTH_LANGUAGES += ("he", "fa", "ur", "vi", "ms", "fil", "sw", "af", "is", "sq", "gl", "et", "lt", "lv", "sr", "sr_Latn", "bs", "mk", "be")
MONTH_LANGUAGES += ("kk", "ky", "uz", "az", "ka", "hy", "am", "bn", "mr", "ne", "ta", "te", "ml", "kn", "gu", "pa", "si", "km", "lo", "my")
MONTH_LANGUAGES += ("ar_SY",)
BUDDHIST_ERA = 543  # Thai dates count years from 543 BC: 2568 is 2025


YEAR = re.compile(r"\d{4}|[\d元]年")
# Japan's era names and the year each began (its first year, 元年, is year 1); Taiwan counts from 1912 (民國元年)
ERAS = {"令和": 2019, "平成": 1989, "民國": 1912, "民国": 1912}


@functools.cache
def month_numbers(first: str | None = None) -> dict[str, int]:
    """Every month name of MONTH_LANGUAGES (lower case) and its number; those of the language first, when it has any."""
    table = json.loads(MONTHS.read_text(encoding="utf-8"))
    own = [locale for locale in MONTH_LANGUAGES if locale.split("_")[0] == first]
    names: dict[str, int] = {}
    for locale in (*own, *MONTH_LANGUAGES):
        for name, number in table[locale]:
            names.setdefault(name, number)
    return names


def alternatives(names: list[str]) -> str:
    """One regular expression for any of the names, as a tree of their shared beginnings ('ma(?:r(?:ch)?|y)'), which
    the engine tries far faster than a list of a thousand names. A name that begins another ('mar', 'march') is
    matched whole where it can be, as the list sorted longest first was."""
    tree: dict = {}
    for name in names:
        node = tree
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return pattern(tree)


@functools.cache
def patterns() -> list[tuple[re.Pattern[str], str]]:
    month = alternatives(list(month_numbers()))
    return [
        (re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), "ymd"),
        (re.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"), "ymd"),  # 2025年3月12日, 2025년 3월 12일
        # 12 March 2025, 1er juin, 7. Mai, 5 de marzo de, 12-mart, 12 במרץ (Hebrew's 'in' before the month)
        (
            re.compile(r"(?<!\d)(\d{1,2})(?:\s*(?:er|\.|º)?\s+|-)(?:de\s+|ב-?)?(" + month + r")\.?[,،]?\s+(?:de\s+)?(\d{4})(?!\d)", re.I),
            "dmy",
        ),
        (re.compile(r"\b(" + month + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)", re.IGNORECASE), "mdy"),
        # the year first: '2025. március 12.' (Hungarian), '2025 m. kovo 12 d.' (Lithuanian), '2025 թ. մարտի 12' (Armenian)
        (re.compile(r"(?<!\d)(\d{4})(?:\.|\s*(?:m\.|թ\.|г\.))?\s+(" + month + r")\.?\s+(\d{1,2})(?!\d)", re.IGNORECASE), "ymd-named"),
        # Vietnamese: 'ngày 12 tháng 3 năm 2025', '12 tháng 03, 2025'
        (re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm|,)?\s+(\d{4})(?!\d)", re.IGNORECASE), "dmy-numbers"),
        (re.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?!\d)"), "numeric"),
        # the year first, as East Asia and Hungary write it: '2025.03.12', '2025/3/12', '2025. 3. 12.'
        (re.compile(r"(?<![\d.,])(\d{4})([./])\s?(\d{1,2})\2\s?(\d{1,2})(?![\d,]|\.\d)"), "ymd-numeric"),
        # an era's year: '令和7年3月12日' (Japan), '民國114年3月12日' or '114年3月12日' (Taiwan, three digits)
        (re.compile("(" + "|".join(ERAS) + r")?(?<!\d)(\d{1,3}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), "era"),
        # Iran's Solar Hijri calendar: '۲۲ اسفند ۱۴۰۳' is 12 March 2025
        (re.compile(r"(?<!\d)(\d{1,2})\s+(" + "|".join(jdatetime.date.j_months_fa) + r")\s+(\d{4})(?!\d)"), "persian"),
    ]


@functools.lru_cache(maxsize=8192)  # the same lines are asked about by the features, the headline and the datelines
def date_in(line: str, lang: str | None = None) -> tuple[dt.date, str] | None:
    """The first real date in a line, and the text it was written as."""
    if not YEAR.search(line):  # every form has a four-digit year or 年: most lines are settled without the month names
        return None
    for pattern, order in patterns():
        for match in pattern.finditer(line):
            groups = match.groups()
            try:
                if order == "ymd":
                    year, month, day = map(int, groups)
                elif order == "ymd-numeric":
                    year, month, day = int(groups[0]), int(groups[2]), int(groups[3])
                elif order == "dmy-numbers":
                    day, month, year = map(int, groups)
                elif order == "era":
                    era = groups[0] or ("民國" if len(groups[1]) == 3 else "")
                    year = ERAS[era] + (0 if groups[1] == "元" else int(groups[1]) - 1)
                    month, day = int(groups[2]), int(groups[3])
                elif order == "persian":
                    month = jdatetime.date.j_months_fa.index(groups[1]) + 1
                    gregorian = jdatetime.date(int(groups[2]), month, int(groups[0])).togregorian()
                    year, month, day = gregorian.year, gregorian.month, gregorian.day
                elif order == "ymd-named":
                    year, month, day = int(groups[0]), month_numbers(lang)[groups[1].lower()], int(groups[2])
                elif order == "dmy":
                    day, month, year = int(groups[0]), month_numbers(lang)[groups[1].lower()], int(groups[2])
                elif order == "mdy":
                    month, day, year = month_numbers(lang)[groups[0].lower()], int(groups[1]), int(groups[2])
                else:
                    first, sep, second, year = int(groups[0]), groups[1], int(groups[2]), int(groups[3])
                    # 04/30/2025 is American, 30.04.2025 and 30/04/2025 European; a number over 12 settles it.
                    american = second > 12 or (first <= 12 and sep == "/" and lang in (None, "en"))
                    month, day = (first, second) if american else (second, first)
                found = dt.date(year - BUDDHIST_ERA if year >= 2400 else year, month, day)
            except (ValueError, KeyError):
                continue
            if 1990 <= found.year <= 2100:
                return found, match.group(0)
    return None


def is_dateline(line: str, lang: str | None = None) -> bool:
    """A short line that is mostly a date: 'Published 30 April 2025, 10:45', 'Par Marie Dubois | 3 mai 2025'."""
    found = date_in(line, lang)
    if found is None or is_prose(line) or len(line) > 100:
        return False
    return len(words(line.replace(found[1], " "))) <= 8


def find_date(lines: list[str], lang: str | None = None) -> tuple[dt.date, int] | None:
    """The date of the first dateline, and its index in lines."""
    for index, line in enumerate(lines):
        if is_dateline(line, lang):
            return date_in(line, lang)[0], index  # type: ignore[index]
    return None
