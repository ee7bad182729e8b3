"""Atom and RSS feeds, one per language and one per topic in each language, written with feedgen.

feedgen (over lxml) does the escaping and the date formats; we only decide what goes in.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from .model import Settings, Story, Topic

FEED_SIZE = 50  # entries per feed, newest first
ATOM, RSS = "feed.xml", "rss.xml"


def build_feed(
    settings: Settings,
    lang: str,
    title: str,
    subtitle: str,
    page_url: str,
    feed_folder: str,
    stories: list[Story],
    story_urls: dict[Story, str],
    topics: dict[str, Topic],
) -> dict[str, str]:
    """The Atom and RSS texts of one feed, keyed by site path; stories must be newest first."""
    base = (settings.site_url or "").rstrip("/") + "/"  # callers write feeds only for a site with a site_url
    feed = FeedGenerator()
    feed.load_extension("dc", atom=False, rss=True)
    feed.id(base + feed_folder + ATOM)
    feed.title(title)
    feed.subtitle(subtitle)
    feed.language(lang)
    feed.author({"name": settings.site_name_in(lang)})
    feed.link(href=base + page_url, rel="alternate")
    feed.link(href=base + feed_folder + ATOM, rel="self")
    feed.generator("Digest")
    # The newest story dates the feed, so two builds of the same content give the same bytes.
    latest = stories[0].published if stories else dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    feed.updated(latest)
    feed.lastBuildDate(latest)
    for story in stories[:FEED_SIZE]:
        url = base + story_urls[story]
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.guid(url, permalink=True)
        entry.title(story.title)
        entry.link(href=url, rel="alternate")
        entry.description(story.summary, isSummary=True)  # Atom <summary>, RSS <description>
        entry.published(story.published)
        entry.updated(story.published)
        for slug in story.topics:
            entry.category(term=slug, label=topics[slug].label(lang) if slug in topics else slug)
        first = next((s for s in story.sources if s.url), None)
        if first:
            entry.source(url=first.url, title=first.name)
        entry.dc.dc_language(lang)
    return {
        feed_folder + ATOM: feed.atom_str(pretty=True).decode("utf-8"),
        feed_folder + RSS: feed.rss_str(pretty=True).decode("utf-8"),
    }
