"""What readers of the sample digest get besides pages: feeds, weekly issues, hreflang and sharing meta,
the sitemap, related stories and reading time. Read back from the real `mkdocs build --strict`."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, SITE_TZ, newest_first
from test_site import LANGS, card_titles, page, resolve

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
TOPICS = yaml.safe_load((ROOT / "content" / "topics.yml").read_text(encoding="utf-8"))


def week_of(story: dict) -> str:
    year, week, _ = story["when"].astimezone(SITE_TZ).date().isocalendar()
    return f"{year}-W{week:02d}"


def story_url(built_site: Path, story: dict) -> str:
    """The story's site path, found through its language's archive."""
    prefix = LANGS[story["lang"]]
    for link in page(built_site, f"{prefix}archive").select(".digest-card__title a"):
        if link.get_text(strip=True) == story["title"]:
            return resolve(f"{prefix}archive/", link["href"])
    raise AssertionError(f"{story['title']} is not in the archive")


# -- feeds ------------------------------------------------------------------------------------------


def read_feed(path: Path):
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["feed.xml", "rss.xml"])
def test_language_feeds_list_the_language_stories_newest_first(built_site, sample_stories, lang, name):
    feed = read_feed(built_site / LANGS[lang] / name)
    expected = newest_first(s for s in sample_stories if s["lang"] == lang)
    assert [e.title for e in feed.entries] == [s["title"] for s in expected]
    assert feed.feed.language == lang
    for entry, story in zip(feed.entries, expected, strict=True):
        assert entry.link == SITE_URL + story_url(built_site, story)
        assert entry.summary == story["summary"]
        if name == "feed.xml":  # Atom: the slug as term, the label in the feed's language as label
            assert [(t.term, t.label) for t in entry.tags] == [(slug, TOPICS[slug][lang]) for slug in story["topics"]]
        else:  # RSS has only the category's text: the label
            assert [t.term for t in entry.tags] == [TOPICS[slug][lang] for slug in story["topics"]]
        published = entry.published_parsed  # feedparser gives UTC
        assert math.isclose(__import__("calendar").timegm(published), story["when"].timestamp())
        sources = story["source"] if isinstance(story["source"], list) else [story["source"]]
        first = next(s for s in sources if s.get("url"))
        if name == "rss.xml":
            assert entry.source.href == first["url"] and entry.source.title == first["name"]


@pytest.mark.parametrize("lang", LANGS)
def test_topic_feeds_list_the_topic_stories(built_site, sample_stories, lang):
    for slug in TOPICS:
        feed = read_feed(built_site / LANGS[lang] / "topics" / slug / "feed.xml")
        expected = newest_first(s for s in sample_stories if s["lang"] == lang and slug in s["topics"])
        assert [e.title for e in feed.entries] == [s["title"] for s in expected]
        assert TOPICS[slug][lang] in feed.feed.title


@pytest.mark.parametrize("url", ["", "ru/", "fr/topics/ai-chips/", "ru/topics/geopolitics/"])
def test_pages_with_a_feed_announce_it_and_show_it(built_site, url):
    soup = page(built_site, url.rstrip("/"))
    announced = [resolve(url, link["href"]) for link in soup.select('link[rel=alternate][type="application/atom+xml"]')]
    assert announced == [url + "feed.xml"]
    visible = [resolve(url, a["href"]) for a in soup.select(".digest-feeds a")]
    assert visible == [url + "feed.xml", url + "rss.xml"]
    for path in visible:
        assert (built_site / path).is_file()


# -- weekly issues ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_issue_pages_group_each_weeks_stories_by_topic(built_site, sample_stories, lang):
    prefix = LANGS[lang]
    mine = newest_first(s for s in sample_stories if s["lang"] == lang)
    weeks = sorted({week_of(s) for s in mine}, reverse=True)
    listed = [resolve(f"{prefix}issues/", a["href"]) for a in page(built_site, f"{prefix}issues").select(".digest-issue-list a")]
    assert listed == [f"{prefix}issues/{week}/" for week in weeks]
    for position, week in enumerate(weeks):
        soup = page(built_site, f"{prefix}issues/{week}")
        in_week = [s for s in mine if week_of(s) == week]
        grouped = [s for topic in TOPICS for s in in_week if s["topics"][0] == topic]
        assert card_titles(soup) == [s["title"] for s in grouped]
        older = soup.select_one(".digest-issue-nav__older")
        newer = soup.select_one(".digest-issue-nav__newer")
        here = f"{prefix}issues/{week}/"
        assert (resolve(here, older["href"]) if older else None) == (
            f"{prefix}issues/{weeks[position + 1]}/" if position + 1 < len(weeks) else None
        )
        assert (resolve(here, newer["href"]) if newer else None) == (f"{prefix}issues/{weeks[position - 1]}/" if position else None)


# -- hreflang, sharing, sitemap -------------------------------------------------------------------------


def translations(sample_stories) -> dict[str, dict[str, dict]]:
    found: dict[str, dict[str, dict]] = {}
    for story in sample_stories:
        found.setdefault(story["story"], {})[story["lang"]] = story
    return found


def test_hreflang_graph_is_complete_and_symmetric(built_site, sample_stories):
    for key, versions in translations(sample_stories).items():
        urls = {lang: SITE_URL + story_url(built_site, story) for lang, story in versions.items()}
        first = next(lang for lang in LANGS if lang in urls)
        expected = {**urls, "x-default": urls[first]}
        for lang in versions:
            soup = page(built_site, story_url(built_site, versions[lang]).rstrip("/"))
            links = {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")}
            assert links == expected, (key, lang)
            assert soup.select_one("link[rel=canonical]")["href"] == urls[lang]


def test_sitemap_lists_every_page_with_symmetric_alternates(built_site, sample_stories):
    soup = BeautifulSoup((built_site / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    entries = {url.loc.text: {link["hreflang"]: link["href"] for link in url.find_all("link")} for url in soup.find_all("url")}
    for html in built_site.rglob("index.html"):
        rel = html.parent.relative_to(built_site).as_posix()
        if rel.startswith(("assets", "pagefind", "search")):
            continue
        assert SITE_URL + ("" if rel == "." else rel + "/") in entries
    for loc, alternates in entries.items():
        for lang, href in alternates.items():
            assert entries[href] == alternates, (loc, lang)
    for versions in translations(sample_stories).values():
        if len(versions) > 1:
            loc = SITE_URL + story_url(built_site, next(iter(versions.values())))
            assert set(entries[loc]) == set(versions) | {"x-default"}


@pytest.mark.parametrize("lang, locale", [("en", "en_US"), ("ru", "ru_RU"), ("fr", "fr_FR")])
def test_story_pages_carry_open_graph_and_twitter_meta(built_site, sample_stories, lang, locale):
    story = next(s for s in sample_stories if s["story"] == "huawei-ascend-910d" and s["lang"] == lang)
    url = story_url(built_site, story)
    soup = page(built_site, url.rstrip("/"))
    meta = {m.get("property") or m.get("name"): m["content"] for m in soup.select("meta[content]")}
    assert meta["og:title"] == meta["twitter:title"] == story["title"]
    assert meta["og:description"] == meta["twitter:description"] == meta["description"] == story["summary"]
    assert meta["og:locale"] == locale and meta["og:type"] == "article"
    assert meta["og:url"] == SITE_URL + url
    assert meta["og:site_name"] == "AI Chips Digest"
    alternates = [m["content"] for m in soup.select('meta[property="og:locale:alternate"]')]
    assert sorted(alternates) == sorted(loc for code, loc in [("en", "en_US"), ("ru", "ru_RU"), ("fr", "fr_FR")] if code != lang)
    assert soup.title.get_text() == f"{story['title']} - AI Chips Digest"


@pytest.mark.parametrize("lang", LANGS)
def test_topic_pages_have_titles_and_descriptions_in_their_language(built_site, lang):
    for slug, labels in TOPICS.items():
        soup = page(built_site, f"{LANGS[lang]}topics/{slug}")
        assert soup.title.get_text().startswith(labels[lang] + " - ")
        assert labels[lang] in soup.select_one("meta[name=description]")["content"]


# -- reading aids --------------------------------------------------------------------------------------


def test_related_stories_share_a_topic_most_shared_first(built_site, sample_stories):
    for story in sample_stories:
        soup = page(built_site, story_url(built_site, story).rstrip("/"))
        others = [
            s
            for s in newest_first(sample_stories)
            if s["lang"] == story["lang"] and s["story"] != story["story"] and set(s["topics"]) & set(story["topics"])
        ]
        others.sort(key=lambda s: -len(set(s["topics"]) & set(story["topics"])))  # stable: newest first within
        shown = [a.get_text(strip=True) for a in soup.select(".digest-related a")]
        assert shown == [s["title"] for s in others[:4]], story["title"]


@pytest.mark.parametrize("lang, wpm, unit", [("en", 228, "minute"), ("ru", 184, "минут"), ("fr", 195, "minute")])
def test_reading_time_uses_the_languages_reading_speed(built_site, sample_stories, lang, wpm, unit):
    for story in (s for s in sample_stories if s["lang"] == lang):
        text = Path(story["path"]).read_text(encoding="utf-8").split("---", 2)[2]
        words = len(re.findall(r"\w+", text)) + len(re.findall(r"\w+", story["summary"]))
        minutes = max(1, round(words / wpm))
        shown = page(built_site, story_url(built_site, story).rstrip("/")).select_one(".digest-reading-time").get_text(strip=True)
        assert re.match(rf"^{minutes} {unit}", shown), (shown, minutes)


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_a_search_index_of_its_own_stories(built_site, sample_stories, lang):
    entry = json.loads((built_site / LANGS[lang] / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    counts = {code: info["page_count"] for code, info in entry["languages"].items()}
    pages = len(list((ROOT / "content" / "pages").glob(f"*.{lang}.md")))  # the site's own pages are found by search too
    assert counts == {lang: sum(1 for s in sample_stories if s["lang"] == lang) + pages}
