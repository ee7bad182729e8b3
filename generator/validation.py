"""Check front matter against the public story format and turn it into Story objects.

Every field is checked and every problem kept, so an editor sees all mistakes at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections import defaultdict
from typing import Any, Callable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from slugify import slugify

from .urls import unsafe as unsafe_url
from .loading import INVALID, Document, shown_key
from .model import Problem, Settings, Source, Story, Topic

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")  # \Z, not $: '$' also matches before a final newline
LANG = re.compile(r"^[a-z]{2}\Z")
SPACES = re.compile("[ \t\n\r\f\v\x85\u2028\u2029]+")  # what breaks or pads a line; not U+00A0 or U+202F
FILE_SLUG = r"[^-a-z0-9.]+"  # what python-slugify replaces in a file name; dots stay, as in 'version.2'


class Invalid(Exception):
    """A field's value is wrong; the message says what was expected and what was found."""


def describe(value: Any) -> str:
    """How a YAML value looks to the editor: the value and what YAML made of it."""
    kinds = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list", dict: "a map",
             dt.date: "a date", dt.datetime: "a date-time", type(None): "empty"}
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
    return f"U+{ord(char):04X} ({kind}), which a web page or a feed cannot show; delete it (text copied from web pages often carries invisible characters)"


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
        raise Invalid(f"expected a language code, got {describe(value)}: YAML reads unquoted no, yes, on, off as booleans; quote it: lang: \"{'no' if value is False else 'yes'}\"")
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
        raise Invalid(f"expected a web address without spaces or control characters, got {describe(value)}; "
                      "write a space as %20")
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


def date_or_datetime(value: Any) -> dt.date | dt.datetime:
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()) if "T" in value or " " in value.strip() else dt.date.fromisoformat(value.strip())
        except ValueError as err:
            if re.match(r"^\d{4}-\d{2}-\d{2}", value.strip()):  # the right shape, an impossible day: say so
                raise Invalid(f"expected a real date or time, got {describe(value)}, which is not one ({err})") from None
    raise Invalid(f"expected a date (YYYY-MM-DD) or an ISO date-time, got {describe(value)}")


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
}


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def file_slug(name: str) -> str:
    """The address a file name gives, as Pelican and Hugo make it: lowercase ASCII, transliterated, hyphens
    for spaces and punctuation, dots kept inside ('Huawei Чипы' -> 'huawei-chipy'); '' when nothing is left."""
    slug = slugify(name, regex_pattern=FILE_SLUG)
    return re.sub(r"[-.]{2,}", lambda run: "-" if "-" in run.group() else ".", slug).strip(".-")


def check_body(doc: Document) -> list[Problem]:
    """The body may hold any Markdown, but no control character that a page cannot show."""
    for number, line in enumerate(doc.body.split("\n"), start=doc.start_line):
        char = unprintable(line, allowed="\t")
        if char:
            return [Problem(doc.path, number, "body", f"contains {bad_character(char)}")]
    return []


def file_slug_and_lang(path: str, languages) -> tuple[str, str | None]:
    """'2025/04/chips.ru.md' -> ('chips', 'ru'); the language suffix is optional."""
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    base, _, suffix = stem.rpartition(".")
    if base and suffix in languages:
        return base, suffix
    return stem, None


def check_story(doc: Document, settings: Settings, topics: dict[str, Topic]) -> tuple[Story | None, list[Problem]]:
    """Validate one document against FIELDS and the site; a Story when nothing is wrong."""
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for name, (required, check, example) in FIELDS.items():
        if name not in doc.values:
            if required:
                hint = did_you_mean(name, [k for k in doc.values if k not in FIELDS])
                problems.append(Problem(doc.path, 1, name,
                                        f"required field is missing{hint}; e.g. {example}"))
            continue
        if doc.values[name] is INVALID:
            continue
        try:
            values[name] = check(doc.values[name])
        except Invalid as err:
            problems.append(Problem(doc.path, doc.lines[name], name, f"{err}; e.g. {example}"))

    if "lang" in values and values["lang"] not in settings.languages:
        problems.append(Problem(doc.path, doc.lines["lang"], "lang",
                                f"'{values['lang']}' is not one of the site's languages ({', '.join(settings.languages)}); "
                                f"fix the code or add the language to the digest plugin's languages in mkdocs.yml; e.g. lang: {settings.default_language}"))
    for slug in values.get("topics", ()) if topics else ():  # no topics at all: the registry's problem, reported once
        if slug not in topics:
            problems.append(Problem(doc.path, doc.lines["topics"], "topics",
                                    f"unknown topic '{shown_key(slug)}'{did_you_mean(slug, topics)}; the topics are listed in {settings.topics_file}"))
    name, suffix = file_slug_and_lang(doc.path, settings.languages)
    if suffix and "lang" in values and suffix != values["lang"]:
        problems.append(Problem(doc.path, doc.lines["lang"], "lang",
                                f"the file name says '{suffix}' but lang is '{values['lang']}'; rename the file or fix lang, e.g. lang: {suffix}"))
    slug = file_slug(name)
    if not slug and "slug" not in doc.values:
        problems.append(Problem(doc.path, 1, "slug", f"the file name {name!r} has no letters or digits to make an address from; "
                                                     "rename the file, or give the story a slug, e.g. slug: huawei-ascend-910d"))
    problems += check_body(doc)
    published = values.get("date")
    if published is not None:
        has_time = isinstance(published, dt.datetime)
        zone = ZoneInfo(settings.timezone)
        if not has_time:
            published = dt.datetime.combine(published, dt.time(), zone)
        elif published.tzinfo is None:
            published = published.replace(tzinfo=zone)
        try:  # 0001-01-01 in Paris is still year 0 in UTC: Python can hold it but not compare or sort it
            published.astimezone(dt.timezone.utc)
        except (OverflowError, ValueError):
            problems.append(Problem(doc.path, doc.lines["date"], "date", f"{published.isoformat()} is too close to the year 1 or 9999 to "
                                                                         "place in every time zone; e.g. date: 2025-04-30"))
    if problems or any(value is INVALID for value in doc.values.values()):  # the loader reported those
        return None, problems
    extra = {k: v for k, v in doc.values.items() if k not in FIELDS}
    return Story(
        path=doc.path, title=values["title"], published=published, has_time=has_time, lang=values["lang"],
        topics=values["topics"], key=values["story"], sources=values["source"], summary=values["summary"],
        body=doc.body.strip("\n"), slug=values.get("slug", slug), draft=values.get("draft", False), extra=extra,
        lines=dict(doc.lines),
    ), []


def check_topics(values: Any, lines: dict[str, int], settings: Settings) -> tuple[dict[str, Topic], list[Problem]]:
    """The topic registry: every slug well-formed with a label for every site language."""
    path = settings.topics_file
    topics: dict[str, Topic] = {}
    problems: list[Problem] = []
    example = "ai-chips: {en: AI chips, ru: ИИ-чипы, fr: \"Puces d'IA\"}"
    if values is None:  # the file is missing or unreadable; the loader said why
        return topics, problems
    for slug, labels in values.items():
        line = lines.get(slug)
        if not SLUG.match(slug):
            problems.append(Problem(path, line, shown_key(slug), f"expected a topic slug of lowercase letters, digits and hyphens, got '{shown_key(slug)}'; e.g. {example}"))
            continue
        # A topic with bad labels is still registered, so stories that list it are not told it is unknown.
        topics[slug] = Topic(slug, {})
        if labels is INVALID:
            continue
        if not isinstance(labels, dict):
            problems.append(Problem(path, line, slug, f"expected a map of language code to label, got {describe(labels)}; e.g. {example}"))
            continue
        missing = [lang for lang in settings.languages if not isinstance(labels.get(lang), str) or not labels[lang].strip()]
        if missing:
            problems.append(Problem(path, line, slug, f"expected a label in every site language, missing {', '.join(missing)}; e.g. {example}"))
            continue
        try:
            topics[slug] = Topic(slug, {lang: text(label) for lang, label in labels.items() if isinstance(label, str)})
        except Invalid as err:
            problems.append(Problem(path, line, slug, f"a label {err}"))
    if not values and not problems:
        problems.append(Problem(path, None, "topics", f"no topics are defined; add at least one, e.g. {example}"))
    return topics, problems


def check_collection(stories: list[Story], urls: dict[Story, str]) -> list[Problem]:
    """Problems between files: one story key given twice in one language, two stories at one URL."""
    problems: list[Problem] = []
    by_key: dict[tuple[str, str], list[Story]] = defaultdict(list)
    by_url: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        by_key[(story.key, story.lang)].append(story)
        # Case-insensitive file systems (macOS, Windows) and Unicode normalization would merge these folders.
        by_url[unicodedata.normalize("NFKC", urls[story]).casefold()].append(story)
        reason = unsafe_url(urls[story])
        if reason:
            problems.append(Problem(story.path, story.lines.get("slug", 1), "slug",
                                    f"would be published at /{urls[story]}, which {reason}; give the story another slug, "
                                    f"e.g. slug: {file_slug(story.slug) or 'story'}-2"))
    for (key, lang), group in by_key.items():
        first, *others = sorted(group, key=lambda s: s.path)
        for other in others:
            problems.append(Problem(other.path, other.lines.get("story"), "story",
                                    f"'{key}' in '{lang}' is already used by {first.path}; each language version of a story "
                                    f"needs its own language, and different stories need different keys; e.g. story: {key}-2"))
    for url, group in by_url.items():
        first, *others = sorted(group, key=lambda s: s.path)
        for other in others:
            problems.append(Problem(other.path, other.lines.get("slug", 1), "slug",
                                    f"would be published at /{urls[other]}, the URL of {first.path}; rename one file or give one its own slug, "
                                    f"e.g. slug: {other.slug.lower()}-2"))
    return problems
