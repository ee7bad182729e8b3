"""Check front matter against the public story format and turn it into Story objects.

Every field is checked and every problem kept, so an editor sees all mistakes at once.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from typing import Any
from zoneinfo import ZoneInfo

from slugify import slugify

from .fields import FIELDS, Invalid, bad_character, did_you_mean, unprintable
from .front_matter import INVALID, shown_key
from .loading import Document
from .model import Problem, Settings, Story, Topic
from .urls import unsafe as unsafe_url

FILE_SLUG = r"[^-a-z0-9.]+"  # what python-slugify replaces in a file name; dots stay, as in 'version.2'


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


def check_fields(doc: Document, fields: dict[str, tuple[bool, Any, str]] = FIELDS) -> tuple[dict[str, Any], list[Problem]]:
    """Each field of a format (a story's FIELDS, a page's) on its own: the checked values, and a problem for each
    missing or wrong one."""
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for name, (required, check, example) in fields.items():
        if name not in doc.values:
            if required:
                hint = did_you_mean(name, [k for k in doc.values if k not in fields])
                problems.append(Problem(doc.path, 1, name, f"required field is missing{hint}; e.g. {example}"))
            continue
        if doc.values[name] is INVALID:
            continue
        try:
            values[name] = check(doc.values[name])
        except Invalid as err:
            problems.append(Problem(doc.path, doc.lines[name], name, f"{err}; e.g. {example}"))
    return values, problems


def check_against_site(doc: Document, values: dict[str, Any], settings: Settings, topics: dict[str, Topic]) -> list[Problem]:
    """The fields against the site: its languages, its topics, and the file's own name."""
    problems: list[Problem] = []
    if "lang" in values and values["lang"] not in settings.languages:
        problems.append(
            Problem(
                doc.path,
                doc.lines["lang"],
                "lang",
                f"'{values['lang']}' is not one of the site's languages ({', '.join(settings.languages)}); "
                f"fix the code or add the language to the digest plugin's languages in mkdocs.yml; e.g. lang: {settings.default_language}",
            )
        )
    for slug in values.get("topics", ()) if topics else ():  # no topics at all: the registry's problem, reported once
        if slug not in topics:
            problems.append(
                Problem(
                    doc.path,
                    doc.lines["topics"],
                    "topics",
                    f"unknown topic '{shown_key(slug)}'{did_you_mean(slug, topics)}; the topics are listed in {settings.topics_file}",
                )
            )
    name, suffix = file_slug_and_lang(doc.path, settings.languages)
    if suffix and "lang" in values and suffix != values["lang"]:
        problems.append(
            Problem(
                doc.path,
                doc.lines["lang"],
                "lang",
                f"the file name says '{suffix}' but lang is '{values['lang']}'; rename the file or fix lang, e.g. lang: {suffix}",
            )
        )
    if not file_slug(name) and "slug" not in doc.values:
        problems.append(
            Problem(
                doc.path,
                1,
                "slug",
                f"the file name {name!r} has no letters or digits to make an address from; "
                "rename the file, or give the story a slug, e.g. slug: huawei-ascend-910d",
            )
        )
    return problems


def publication_time(doc: Document, value: dt.date | dt.datetime, settings: Settings) -> tuple[dt.datetime, list[Problem]]:
    """The moment a story is published: a date alone is midnight in the site's time zone."""
    zone = ZoneInfo(settings.timezone)
    if not isinstance(value, dt.datetime):
        published = dt.datetime.combine(value, dt.time(), zone)
    else:
        published = value if value.tzinfo is not None else value.replace(tzinfo=zone)
    try:  # 0001-01-01 in Paris is still year 0 in UTC: Python can hold it but not compare or sort it
        published.astimezone(dt.UTC)
    except (OverflowError, ValueError):
        return published, [
            Problem(
                doc.path,
                doc.lines["date"],
                "date",
                f"{published.isoformat()} is too close to the year 1 or 9999 to place in every time zone; e.g. date: 2025-04-30",
            )
        ]
    return published, []


def check_story(doc: Document, settings: Settings, topics: dict[str, Topic]) -> tuple[Story | None, list[Problem]]:
    """Validate one document against FIELDS and the site; a Story when nothing is wrong."""
    values, problems = check_fields(doc)
    problems += check_against_site(doc, values, settings, topics) + check_body(doc)
    if "date" in values:
        published, found = publication_time(doc, values["date"], settings)
        problems += found
    if problems or any(value is INVALID for value in doc.values.values()):  # the loader reported those
        return None, problems
    extra = {k: v for k, v in doc.values.items() if k not in FIELDS}
    same = {name: values[name] for name in ("title", "lang", "topics", "summary", "draft", "aliases", "image") if name in values}
    slug = values.get("slug", file_slug(file_slug_and_lang(doc.path, settings.languages)[0]))
    named = {"key": values["story"], "sources": values["source"], "body": doc.body.strip("\n"), "slug": slug, "lines": dict(doc.lines)}
    named["body_line"] = doc.start_line + len(doc.body) - len(doc.body.lstrip("\n"))
    return Story(doc.path, published=published, has_time=isinstance(values["date"], dt.datetime), extra=extra, **named, **same), []


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
            problems.append(
                Problem(
                    story.path,
                    story.lines.get("slug", 1),
                    "slug",
                    f"would be published at /{urls[story]}, which {reason}; give the story another slug, "
                    f"e.g. slug: {file_slug(story.slug) or 'story'}-2",
                )
            )
    for (key, lang), group in by_key.items():
        first, *others = sorted(group, key=lambda s: s.path)
        for other in others:
            problems.append(
                Problem(
                    other.path,
                    other.lines.get("story"),
                    "story",
                    f"'{key}' in '{lang}' is already used by {first.path}; each language version of a story "
                    f"needs its own language, and different stories need different keys; e.g. story: {key}-2",
                )
            )
    for group in by_url.values():
        first, *others = sorted(group, key=lambda s: s.path)
        for other in others:
            problems.append(
                Problem(
                    other.path,
                    other.lines.get("slug", 1),
                    "slug",
                    f"would be published at /{urls[other]}, the URL of {first.path}; rename one file or give one its own slug, "
                    f"e.g. slug: {other.slug.lower()}-2",
                )
            )
    return problems


SAMPLE_HOST = "example.github.io"  # the sample's site_url: a site published with it links to someone else's address


def site_url_warning(site_url: str | None) -> str | None:
    """Why the site is not ready to publish at its address, or None: no site_url, or still the sample's."""
    if not site_url:
        return "mkdocs.yml has no site_url: feeds, the sitemap and canonical links need it; e.g. site_url: https://you.github.io/digest/"
    if SAMPLE_HOST in site_url:
        return (
            f"site_url is still the sample's {site_url}: set it to the address the site is published at, e.g. https://you.github.io/digest/"
        )
    return None
