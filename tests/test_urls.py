"""URLs: where each page lives, the Markdown file MkDocs serves there, and relative links between pages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath

import pytest

from generator.model import Settings, Story
from generator.urls import absolute, docs_path, page_url, relative, story_url

SETTINGS = Settings(root=".", languages=("en", "ru", "fr"))


def make(slug: str, lang: str, day: str = "2025-04-30", key: str = "chips") -> Story:
    published = dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)
    return Story(
        path=f"content/{slug}.{lang}.md",
        title="T",
        published=published,
        has_time=False,
        lang=lang,
        topics=("ai-chips",),
        key=key,
        sources=(),
        summary="",
        body="",
        slug=slug,
    )


def resolve(from_url: str, link: str) -> str:
    """Where a browser lands when it follows a relative link from a site path (both without a leading slash)."""
    joined = posixpath.normpath(posixpath.join("/" + from_url, link))
    joined = "" if joined == "/" else joined.lstrip("/") + ("/" if link.endswith("/") else "")
    return joined


def test_story_url_in_the_default_language_has_no_prefix():
    assert story_url(make("huawei-chips", "en"), SETTINGS) == "2025/04/huawei-chips/"


def test_story_url_in_another_language_has_its_prefix():
    assert story_url(make("kitai-chipy", "ru"), SETTINGS) == "ru/2025/04/kitai-chipy/"
    assert story_url(make("puces", "fr", "2025-11-03"), SETTINGS) == "fr/2025/11/puces/"


def test_story_url_pattern_from_settings():
    settings = Settings(root=".", languages=("ru", "en"), story_url="news/{year}-{month}-{day}/{story}-{lang}/")
    assert story_url(make("x", "ru", "2025-01-05"), settings) == "news/2025-01-05/chips-ru/"
    assert story_url(make("x", "en", "2025-01-05"), settings) == "en/news/2025-01-05/chips-en/"


def test_story_url_uses_the_editors_date_not_utc():
    from zoneinfo import ZoneInfo

    late = dt.datetime(2025, 4, 30, 23, 30, tzinfo=ZoneInfo("Europe/Paris"))  # already 1 May in UTC
    story = dataclasses.replace(make("late", "en"), published=late)
    assert story_url(story, SETTINGS) == "2025/04/late/"


@pytest.mark.parametrize(
    "lang, name, slug, url",
    [
        ("en", "home", "", ""),
        ("ru", "home", "", "ru/"),
        ("en", "topics", "", "topics/"),
        ("fr", "topics", "", "fr/topics/"),
        ("en", "topic", "ai-chips", "topics/ai-chips/"),
        ("ru", "topic", "ai-chips", "ru/topics/ai-chips/"),
        ("en", "archive", "", "archive/"),
        ("fr", "archive", "", "fr/archive/"),
    ],
)
def test_page_urls(lang, name, slug, url):
    assert page_url(SETTINGS, lang, name, slug) == url


@pytest.mark.parametrize(
    "from_url, to_url, link",
    [
        ("", "2025/04/chips/", "2025/04/chips/"),  # home to a story
        ("", "", "./"),  # home to itself
        ("2025/04/chips/", "", "../../../"),  # a story to home
        ("ru/2025/04/chipy/", "2025/04/chips/", "../../../../2025/04/chips/"),  # ru story to en story
        ("2025/04/chips/", "ru/2025/04/chipy/", "../../../ru/2025/04/chipy/"),  # en story to ru story
        ("ru/2025/04/chipy/", "ru/", "../../../"),  # a story to its language's home
        ("ru/topics/ai-chips/", "ru/", "../../"),
        ("ru/topics/ai-chips/", "ru/topics/", "../"),
        ("ru/topics/", "ru/topics/ai-chips/", "ai-chips/"),
        ("fr/", "ru/", "../ru/"),
        ("ru/", "", "../"),  # to the default language's home
        ("topics/ai-chips/", "topics/ai-chips/", "./"),
        ("archive/", "2025/04/chips/", "../2025/04/chips/"),
        ("2025/04/chips/", "2025/04/other/", "../other/"),
        ("2025/04/chips/", "2025/05/other/", "../../05/other/"),
    ],
)
def test_relative_links(from_url, to_url, link):
    assert relative(from_url, to_url) == link
    assert resolve(from_url, link) == to_url, "following the link lands on the target"


def test_relative_link_to_a_file():
    assert relative("ru/2025/04/chipy/", "assets/logo.png") == "../../../../assets/logo.png"


@pytest.mark.parametrize(
    "url, lang, path",
    [
        ("", "en", "index.md"),
        ("ru/", "ru", "index.md"),
        ("topics/", "en", "topics/index.md"),
        ("ru/topics/ai-chips/", "ru", "topics/ai-chips/index.md"),
        ("fr/2025/04/puces/", "fr", "2025/04/puces/index.md"),
        ("2025/04/chips/", "en", "2025/04/chips/index.md"),
    ],
)
def test_docs_path_is_inside_the_language_folder(url, lang, path):
    assert docs_path(url, SETTINGS, lang) == path


def test_docs_path_of_every_page_url_round_trips():
    for lang in SETTINGS.languages:
        for name, slug in [("home", ""), ("topics", ""), ("topic", "ai-chips"), ("archive", "")]:
            url = page_url(SETTINGS, lang, name, slug)
            assert SETTINGS.language_prefix(lang) + docs_path(url, SETTINGS, lang) == url + "index.md"


def test_absolute_url_needs_a_site_url():
    assert absolute(SETTINGS, "ru/") is None
    settings = Settings(root=".", site_url="https://example.org/digest")
    assert absolute(settings, "ru/2025/04/chipy/") == "https://example.org/digest/ru/2025/04/chipy/"
    assert absolute(Settings(root=".", site_url="https://example.org/digest/"), "") == "https://example.org/digest/"
