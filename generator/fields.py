"""The story format field by field: each checker returns the value as the core uses it, or raises Invalid
with what was expected and what was found."""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from .model import Source
from .urls import unsafe as unsafe_url

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")  # \Z, not $: '$' also matches before a final newline
LANG = re.compile(r"^[a-z]{2}\Z")
SPACES = re.compile("[ \t\n\r\f\v\x85\u2028\u2029]+")  # what breaks or pads a line; not U+00A0 or U+202F


class Invalid(Exception):
    """A field's value is wrong; the message says what was expected and what was found."""


def describe(value: Any) -> str:
    """How a YAML value looks to the editor: the value and what YAML made of it."""
    kinds = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a map",
        dt.date: "a date",
        dt.datetime: "a date-time",
        type(None): "empty",
    }
    kind = kinds.get(type(value), type(value).__name__)
    if value is None:
        return "nothing (the field is empty)"
    if isinstance(value, (set, frozenset)):  # a YAML !!set: sorted, so the message is the same on every run
        return "{" + ", ".join(sorted(map(repr, value))) + "} (a set)"
    shown = str(value).lower() if isinstance(value, bool) else repr(value) if isinstance(value, str) else str(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{shown} ({kind})"


@functools.cache
def unprintable_pattern(allowed: str) -> re.Pattern[str]:
    """Control characters (Unicode category Cc), lone surrogates (Cs), U+FFFE and U+FFFF, less `allowed`."""
    bad = r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]"
    return re.compile(f"(?![{re.escape(allowed)}]){bad}" if allowed else bad)


def unprintable(value: str, allowed: str = "") -> str | None:
    """The first character a page or a feed cannot carry (a control character, a lone surrogate, U+FFFE/U+FFFF)."""
    found = unprintable_pattern(allowed).search(value)  # a regex: this runs over every story's whole text
    return found.group() if found else None


def bad_character(char: str) -> str:
    kind = "half of a surrogate pair" if unicodedata.category(char) == "Cs" else unicodedata.name(char, "a control character")
    return (
        f"U+{ord(char):04X} ({kind}), which a web page or a feed cannot show; delete it "
        "(text copied from web pages often carries invisible characters)"
    )


def text(value: Any) -> str:
    """One line of text: each run of spaces, tabs and line breaks becomes one space, as a browser shows it."""
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"expected text, got {describe(value)}")
    line = SPACES.sub(" ", value).strip()  # no-break spaces stay: French puts them inside « »
    char = unprintable(line)
    if char:
        raise Invalid(f"contains {bad_character(char)}")
    return line


def language(value: Any) -> str:
    if isinstance(value, bool):
        raise Invalid(
            f"expected a language code, got {describe(value)}: YAML reads unquoted no, yes, on, off as booleans; "
            f'quote it: lang: "{"no" if value is False else "yes"}"'
        )
    if not isinstance(value, str) or not LANG.match(value.strip().lower()):
        raise Invalid(f"expected a two-letter ISO 639-1 language code, got {describe(value)}")
    return value.strip().lower()


def topic_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        raise Invalid(f"expected a list of topic slugs, got {describe(value)}; put it in brackets")
    if not isinstance(value, list) or not value:
        raise Invalid(f"expected a list of topic slugs, got {describe(value)}")
    bad = [item for item in value if not isinstance(item, str)]
    if bad:
        raise Invalid(f"expected a list of topic slugs, but {describe(bad[0])} is not a slug")
    return tuple(dict.fromkeys(item.strip() for item in value))


def story_key(value: Any) -> str:
    if not isinstance(value, str) or not SLUG.match(value):
        raise Invalid(f"expected a key of lowercase letters, digits and hyphens, got {describe(value)}")
    return value


def web_url(value: Any) -> str:
    """An http(s) address with a host, and nothing a link cannot hold: no spaces, no control characters."""
    if not isinstance(value, str) or not re.match(r"^https?://[^\s/]+", value):
        raise Invalid(f"expected the url to start with https:// or http://, got {describe(value)}")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as err:
        raise Invalid(f"expected a web address, got {describe(value)}, which is not one ({err})") from None
    if any(char.isspace() for char in value) or unprintable(value) or not parts.hostname:
        raise Invalid(f"expected a web address without spaces or control characters, got {describe(value)}; write a space as %20")
    return value


def sources(value: Any) -> tuple[Source, ...]:
    items = value if isinstance(value, list) else [value]
    if not items:
        raise Invalid("expected a source, got an empty list")
    found = []
    for item in items:
        if not isinstance(item, dict):
            raise Invalid(f"expected a map with a name and a url, or a list of such maps, got {describe(item)}")
        if not isinstance(item.get("name"), str) or not item["name"].strip():
            raise Invalid(f"expected every source to have a name, got {describe(item)}")
        url = item.get("url")
        found.append(Source(text(item["name"]), None if url is None else web_url(url)))
    return tuple(found)


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {describe(value)}")
    return value


def no_such_day(value: str) -> str | None:
    """Why a date of the right shape names no day ('2025-04-31 does not exist: April 2025 has 30 days'), or None."""
    found = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not found:
        return None
    year, month, day = map(int, found.groups())
    if not 1 <= month <= 12:
        return f"{found.group().strip()} does not exist: the month must be 01 to 12"
    days = calendar.monthrange(year, month)[1] if year else 31
    if not 1 <= day <= days:
        return f"{found.group().strip()} does not exist: {calendar.month_name[month]} {year} has {days} days"
    return None


def date_or_datetime(value: Any) -> dt.date | dt.datetime:
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return (
                dt.datetime.fromisoformat(value.strip()) if "T" in value or " " in value.strip() else dt.date.fromisoformat(value.strip())
            )
        except ValueError as err:
            if no_such_day(value):  # the right shape, an impossible day: say so
                raise Invalid(str(no_such_day(value))) from None
            if re.match(r"^\d{4}-\d{2}-\d{2}", value.strip()):  # a real day, an impossible time
                raise Invalid(f"expected a real date or time, got {describe(value)}, which is not one ({err})") from None
    raise Invalid(f"expected a date (YYYY-MM-DD) or an ISO date-time, got {describe(value)}")


def integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"expected a whole number, got {describe(value)}")
    return value


def site_path(value: Any) -> str:
    """An address inside the language's part of the site, as a story's own is written: '2025/04/old-slug/'."""
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"expected an address like 2025/04/old-slug/, got {describe(value)}")
    path = value.strip().strip("/")
    parts = path.split("/")
    if re.match(r"^[a-z][a-z0-9+.-]*:", path) or value.strip().startswith("//") or any(p in ("", ".", "..") for p in parts):
        raise Invalid(f"expected an address inside the site, relative to the language's root, got {describe(value)}")
    if any(char.isspace() for char in path) or unprintable(path) or "\\" in path or "?" in path or "#" in path:
        raise Invalid(f"expected an address without spaces, '?', '#' or control characters, got {describe(value)}")
    reason = unsafe_url(path + "/")
    if reason:
        raise Invalid(f"expected an address that every system can publish, got {describe(value)}, which {reason}")
    return path if path.endswith((".html", ".htm")) else path + "/"


def alias_list(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items:
        raise Invalid("expected a list of earlier addresses, got an empty list")
    return tuple(dict.fromkeys(site_path(item) for item in items))


def image_ref(value: Any) -> str:
    """A file beside the story (a relative path) or a web address."""
    if isinstance(value, str) and re.match(r"^https?://", value.strip()):
        return web_url(value.strip())
    if not isinstance(value, str) or not value.strip() or value.strip().startswith("/") or unprintable(value):
        raise Invalid(f"expected a picture file beside the story (e.g. chart.png) or a web address, got {describe(value)}")
    return value.strip()


# name -> (required, check, example). The public format: add fields freely, rename none.
FIELDS: dict[str, tuple[bool, Callable[[Any], Any], str]] = {
    "title": (True, text, "title: Huawei builds three AI chip plants near its campus"),
    "date": (True, date_or_datetime, "date: 2025-04-30"),
    "lang": (True, language, "lang: en"),
    "topics": (True, topic_list, "topics: [ai-chips, geopolitics]"),
    "story": (True, story_key, "story: huawei-ascend-910d"),
    "source": (True, sources, 'source: {name: Financial Times, url: "https://www.ft.com/"}'),
    "summary": (True, text, "summary: One sentence that tells the news."),
    "draft": (False, boolean, "draft: true"),
    "slug": (False, story_key, "slug: huawei-ascend-910d"),
    "aliases": (False, alias_list, "aliases: [2025/04/old-slug/]"),
    "image": (False, image_ref, "image: chart.png"),
}


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
