"""The site's words in each language besides its catalog: names of languages, dates, weeks, durations.

Babel formats them; each is cached, as the same date or week shows on many pages.
"""

from __future__ import annotations

import datetime as dt
import functools

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date, format_interval
from babel.units import format_unit

from .. import indexing
from ..model import Settings
from ..translations import Words


def language_name(lang: str, settings: Settings) -> str:
    """The language's own name for itself, 'Русский', unless the settings name it."""
    if lang in settings.language_names:
        return settings.language_names[lang]
    return own_name(lang)


@functools.cache
def own_name(lang: str) -> str:
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


@functools.cache
def text_direction(lang: str) -> str:
    """'rtl' for a language written right to left (Arabic, Hebrew, Persian, Urdu ...), else 'ltr', from Babel's CLDR
    data, so that a language Material does not know gets the right direction too."""
    try:
        order = Locale.parse(lang).character_order
    except (ValueError, TypeError, UnknownLocaleError):  # not a locale Babel knows: most scripts run left to right
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


@functools.cache  # Babel parses a locale on every call that is given a string: parse each once
def locale(lang: str) -> Locale:
    return Locale.parse(lang)


def issue_title(words: Words, week: str) -> str:
    """An ISO week in the language's words: 'Неделя 45, 2025'."""
    year, number = week.split("-W")
    return words.gettext("Week %(week)s, %(year)s", week=int(number), year=year)


@functools.lru_cache(maxsize=65536)  # a story's date shows on every index that lists it; Babel is slow to format
def localized_date(value: dt.date, form: str, lang: str) -> str:
    return format_date(value, form, locale=locale(lang))


@functools.cache
def minutes_in_words(minutes: int, lang: str) -> str:
    return format_unit(minutes, "duration-minute", length="long", locale=locale(lang))


@functools.cache  # Babel matches the skeleton anew on every call
def week_interval(lang: str, week: str) -> str:
    """An ISO week as dates in the language: '3–9 нояб. 2025 г.'."""
    monday, sunday = indexing.week_days(week)
    return format_interval(monday, sunday, "yMMMMd", locale=locale(lang))


@functools.cache
def og_locale(lang: str) -> str:
    """Open Graph wants language_TERRITORY: 'ru' -> 'ru_RU', 'en' -> 'en_US'."""
    likely = Locale.parse(get_global("likely_subtags").get(lang, lang))
    return f"{lang}_{likely.territory}" if likely.territory else lang
