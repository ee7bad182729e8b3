"""The sample digest built with the real `mkdocs build --strict`, read back as a reader sees it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, SITE_TZ, newest_first

LANGS = {"en": "", "ru": "ru/", "fr": "fr/"}
TOPICS = yaml.safe_load((ROOT / "content" / "topics.yml").read_text(encoding="utf-8"))


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html"
    assert path.exists(), f"{url} was not built"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def card_titles(soup: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select("article.md-content__inner .digest-card__title a")]


def resolve(url: str, href: str) -> str:
    """The site path a relative link on the page at `url` leads to."""
    return urljoin("http://x/" + url, href).removeprefix("http://x/")


def iso_week(story: dict) -> tuple[int, int]:
    return story["when"].astimezone(SITE_TZ).date().isocalendar()[:2]


@pytest.mark.parametrize("lang", LANGS)
def test_home_shows_the_latest_issue_by_topic_then_earlier_stories(built_site, sample_stories, lang):
    soup = page(built_site, LANGS[lang])
    mine = newest_first(s for s in sample_stories if s["lang"] == lang)
    latest = max(iso_week(s) for s in mine)
    issue = [s for s in mine if iso_week(s) == latest]
    grouped = [s for topic in TOPICS for s in issue if s["topics"][0] == topic]
    rest = [s for s in mine if s not in issue][: 20 - len(issue)]
    assert card_titles(soup) == [s["title"] for s in grouped + rest]
    headings = [h.get_text(strip=True) for h in soup.select(".digest-issue-topic > h2")]
    assert headings == list(dict.fromkeys(TOPICS[s["topics"][0]][lang] for s in grouped))
    assert soup.html["lang"] == lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_topic_page_lists_exactly_its_stories_in_order(built_site, sample_stories, lang):
    for slug, labels in TOPICS.items():
        soup = page(built_site, f"{LANGS[lang]}topics/{slug}")
        expected = [s["title"] for s in newest_first(s for s in sample_stories if s["lang"] == lang and slug in s["topics"])]
        assert expected, f"the sample has no {lang} story about {slug}"
        assert card_titles(soup) == expected, slug
        assert soup.select_one("article h1").get_text(strip=True) == labels[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_archive_lists_every_story_of_the_language_by_month(built_site, sample_stories, lang):
    soup = page(built_site, f"{LANGS[lang]}archive")
    expected = [s["title"] for s in newest_first(s for s in sample_stories if s["lang"] == lang)]
    assert card_titles(soup) == expected
    months = [h.get("id") for h in soup.select(".digest-month h2")]
    assert months == sorted({s["when"].strftime("%Y-%m") for s in sample_stories if s["lang"] == lang}, reverse=True)


def story_urls(built_site: Path) -> dict[tuple[str, str], str]:
    """(story key, lang) -> site path, read from the links on each language's archive."""
    found = {}
    for lang, prefix in LANGS.items():
        soup = page(built_site, f"{prefix}archive")
        for link in soup.select(".digest-card__title a"):
            url = resolve(f"{prefix}archive/", link["href"])
            key = page(built_site, url).select_one("meta[name=description]")  # the story page exists
            assert key is not None
            found[(lang, link.get_text(strip=True))] = url
    return found


def test_translations_link_each_other_both_ways(built_site, sample_stories):
    urls = story_urls(built_site)
    by_key: dict[str, dict[str, str]] = {}
    for story in sample_stories:
        by_key.setdefault(story["story"], {})[story["lang"]] = urls[(story["lang"], story["title"])]
    translated = {key: versions for key, versions in by_key.items() if len(versions) > 1}
    assert any(len(v) == 3 for v in translated.values()), "the sample has a story in all three languages"
    for key, versions in translated.items():
        for lang, url in versions.items():
            soup = page(built_site, url)
            also_in = {a["hreflang"]: resolve(url, a["href"]) for a in soup.select("article .digest-also-in a")}
            assert also_in == {other: u for other, u in versions.items() if other != lang}, (key, lang)
            selector = {a["hreflang"]: resolve(url, a["href"]) for a in soup.select(".md-select__link")}
            assert selector == {other: versions.get(other, home) for other, home in LANGS.items()}, (key, lang)


def test_language_selector_falls_back_to_the_language_home(built_site, sample_stories):
    urls = story_urls(built_site)
    keys = {}
    for s in sample_stories:
        keys.setdefault(s["story"], set()).add(s["lang"])
    only_ru = next(s for s in sample_stories if keys[s["story"]] == {"ru"})
    url = urls[("ru", only_ru["title"])]
    selector = {a["hreflang"]: resolve(url, a["href"]) for a in page(built_site, url).select(".md-select__link")}
    assert selector == {"en": "", "ru": url, "fr": "fr/"}


@pytest.mark.parametrize("lang, date_text", [("en", "April 28, 2025"), ("ru", "28 апреля 2025\u202fг."), ("fr", "28 avril 2025")])
def test_story_page_header_in_the_reader_language(built_site, sample_stories, lang, date_text):
    story = next(s for s in sample_stories if s["story"] == "huawei-ascend-910d" and s["lang"] == lang)
    url = story_urls(built_site)[(lang, story["title"])]
    soup = page(built_site, url)
    assert soup.html["lang"] == lang
    header = soup.select_one(".digest-story-header")
    assert header.h1.get_text(strip=True) == story["title"]
    assert header.time.get_text(strip=True) == date_text
    topic_links = {a.get_text(strip=True): resolve(url, a["href"]) for a in header.select(".digest-topic")}
    assert topic_links == {TOPICS[t][lang]: f"{LANGS[lang]}topics/{t}/" for t in story["topics"]}
    sources = story["source"] if isinstance(story["source"], list) else [story["source"]]
    assert [a["href"] for a in header.select("a.digest-source")] == [s["url"] for s in sources if s.get("url")]


@pytest.mark.parametrize(
    "lang, search, tabs",
    [
        ("en", "Search", ["Home", "Issues", "Topics", "Archive", "About"]),  # About: the sample's page with nav: true
        ("ru", "Поиск", ["Главная", "Выпуски", "Темы", "Архив", "О дайджесте"]),
        ("fr", "Recherche", ["Accueil", "Numéros", "Thèmes", "Archives", "À propos"]),
    ],
)
def test_interface_is_in_the_page_language(built_site, lang, search, tabs):
    soup = page(built_site, LANGS[lang])
    label = soup.select_one("label.md-header__button[for=__search]")
    assert label.get_text(strip=True) == label["title"] == search  # its name: hidden text, not aria-label (vnu)
    assert [a.get_text(strip=True) for a in soup.select(".md-tabs__link")] == tabs


def test_stories_stay_out_of_the_nav(built_site, sample_stories):
    soup = page(built_site, "")
    nav_links = {a.get("href") for a in soup.select("nav.md-nav a")}
    assert not any("/2025/" in (href or "") for href in nav_links)


def test_no_request_to_a_third_party_host(built_site):
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, html
