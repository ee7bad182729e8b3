"""Every feed and the sitemap, read the way a validator reads them (the W3C feed validator is not installable
offline, so its checks that matter here are written out): feedparser finds no problem, each feed names itself as
rel=self and its HTML page as its link, Atom has what RFC 4287 requires (ids, dates, a complete <source>), RSS
what the RSS 2.0 specification asks, and every URL of the sitemap has the lastmod of what the page shows."""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
import yaml

from conftest import ROOT, SITE_TZ

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
A = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LANGS = {"en": "", "ru": "ru/", "fr": "fr/"}


def feeds(site: Path, name: str) -> list[Path]:
    found = sorted(site.rglob(name))
    assert len(found) >= 3 * 2, f"expected a {name} per language and topic, found {len(found)}"
    return found


def own_and_page(site: Path, feed: Path) -> tuple[str, str]:
    """The feed's own URL, and the URL of the HTML page in its folder (the language's home, or a topic's page)."""
    folder = feed.parent.relative_to(site).as_posix()
    page = SITE_URL + ("" if folder == "." else folder + "/")
    return page + feed.name, page


def rfc3339(text: str | None) -> dt.datetime:
    assert text, "a date is missing"
    moment = dt.datetime.fromisoformat(text)
    assert moment.tzinfo is not None, f"{text}: no time zone"
    return moment


@pytest.mark.parametrize("name", ["feed.xml", "rss.xml"])
def test_every_feed_parses_without_a_problem(built_site, name):
    for path in feeds(built_site, name):
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        assert parsed.version == ("atom10" if name == "feed.xml" else "rss20"), path


@pytest.mark.parametrize("name", ["feed.xml", "rss.xml"])
def test_each_feed_names_itself_as_self_and_its_page_as_its_link(built_site, name):
    for path in feeds(built_site, name):
        own, page = own_and_page(built_site, path)
        parsed = feedparser.parse(path.read_bytes())
        links = {link.rel: link.href for link in parsed.feed.links}
        assert links.get("self") == own, (path, links)
        assert parsed.feed.link == page, path
        root = ET.parse(path).getroot()
        if name == "rss.xml":
            channel = root.find("channel")
            assert channel is not None
            assert channel.findtext("link") == page, path
            assert [link.get("href") for link in channel.findall(f"{A}link") if link.get("rel") == "self"] == [own], path
        else:
            assert [link.get("href") for link in root.findall(f"{A}link") if link.get("rel") == "self"] == [own], path
            assert [link.get("href") for link in root.findall(f"{A}link") if link.get("rel") == "alternate"] == [page], path


def test_atom_feeds_have_what_rfc_4287_requires(built_site):
    sources = 0
    for path in feeds(built_site, "feed.xml"):
        root = ET.parse(path).getroot()
        assert root.findtext(f"{A}id") and root.findtext(f"{A}title"), path
        rfc3339(root.findtext(f"{A}updated"))
        for entry in root.findall(f"{A}entry"):
            where = f"{path}: {entry.findtext(f'{A}id')}"
            assert entry.findtext(f"{A}id", "").startswith(SITE_URL) and entry.findtext(f"{A}title"), where
            assert rfc3339(entry.findtext(f"{A}published")) <= rfc3339(entry.findtext(f"{A}updated")), where
            assert entry.find(f"{A}link") is not None, where
            for source in entry.findall(f"{A}source"):  # 4.2.11: a source SHOULD have id, title and updated
                sources += 1
                link = source.find(f"{A}link")
                assert link is not None and source.findtext(f"{A}id") == link.get("href"), where
                assert source.findtext(f"{A}title"), where
                assert rfc3339(source.findtext(f"{A}updated")) == rfc3339(entry.findtext(f"{A}updated")), where
    assert sources > 0


def test_rss_feeds_have_what_rss_2_asks_for(built_site):
    for path in feeds(built_site, "rss.xml"):
        channel = ET.parse(path).getroot().find("channel")
        assert channel is not None
        assert channel.findtext("title") and channel.findtext("description") and channel.findtext("language"), path
        for item in channel.findall("item"):
            guid = item.find("guid")
            assert item.findtext("title") and guid is not None, path
            assert guid.get("isPermaLink") == "true" and guid.text == item.findtext("link"), path  # a permalink is the item's URL
            assert email.utils.parsedate_to_datetime(item.findtext("pubDate", "")).tzinfo is not None, path  # RFC 822
            source = item.find("source")
            assert source is None or (source.get("url", "").startswith("http") and source.text), path


# -- the sitemap -------------------------------------------------------------------------------------------------


def newest(stories: list[dict]) -> str:
    return max(s["when"].astimezone(SITE_TZ).date() for s in stories).isoformat()


def site_pages() -> set[str]:
    """The site's own pages (content/pages/about.en.md -> about/ in each language): they have no date to give."""
    names = {path.name.split(".")[0] for path in (ROOT / "content" / "pages").glob("*.md")}
    return {SITE_URL + prefix + name + "/" for name in names for prefix in LANGS.values()}


def test_every_url_of_the_sitemap_has_a_lastmod(built_site, sample_stories):
    """Every page of stories: a story, an issue, and every index of them. The site's own pages (About ...) have no
    date in their front matter, and a made-up one would mislead crawlers, so they are left without."""
    urls = {url.findtext(f"{SM}loc"): url.findtext(f"{SM}lastmod") for url in ET.parse(built_site / "sitemap.xml").getroot()}
    missing = sorted(url for url, lastmod in urls.items() if not lastmod and url not in site_pages())
    assert not missing, f"no lastmod: {missing}"
    latest = newest(sample_stories)
    assert all(dt.date.fromisoformat(lastmod).isoformat() <= latest for lastmod in urls.values() if lastmod)
    topics = yaml.safe_load((ROOT / "content" / "topics.yml").read_text(encoding="utf-8"))
    for lang, prefix in LANGS.items():
        mine = [s for s in sample_stories if s["lang"] == lang]
        for index in ("", "archive/", "topics/", "issues/"):  # these list (or count) every story of the language
            assert urls[SITE_URL + prefix + index] == newest(mine), prefix + index
        for slug in topics:
            listed = [s for s in mine if slug in s["topics"]]
            if listed:
                assert urls[SITE_URL + f"{prefix}topics/{slug}/"] == newest(listed), (lang, slug)
