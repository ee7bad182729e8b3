"""Atom and RSS feeds, one per language and one per topic in each language, written with feedgen.

feedgen (over lxml) does the escaping and the date formats; we only decide what goes in.
"""

from __future__ import annotations

import datetime as dt

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

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
    images: dict[Story, tuple[str, int, str]] | None = None,
) -> dict[str, str]:
    """The Atom and RSS texts of one feed, keyed by site path; stories must be newest first. A story's picture
    (address, bytes, type) is its entry's enclosure, which feed readers show beside it."""
    base = (settings.site_url or "").rstrip("/") + "/"  # callers write feeds only for a site with a site_url
    feed = FeedGenerator()
    feed.load_extension("dc", atom=False, rss=True)
    feed.id(base + feed_folder + ATOM)
    feed.title(title)
    feed.subtitle(subtitle)
    feed.language(lang)
    feed.author({"name": settings.site_name_in(lang)})
    feed.register_extension("digest_source", BaseExtension, SourceIdentity, atom=True, rss=False)
    feed.register_extension("digest_image", BaseExtension, Picture, atom=True, rss=True)
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
        entry.digest_image.picture = images.get(story) if images else None
        entry.dc.dc_language(lang)
    return {
        feed_folder + ATOM: _with_links(feed, base + feed_folder + ATOM, base + page_url).atom_str(pretty=True).decode("utf-8"),
        feed_folder + RSS: _with_links(feed, base + feed_folder + RSS, base + page_url).rss_str(pretty=True).decode("utf-8"),
    }


def _with_links(feed: FeedGenerator, itself: str, page: str) -> FeedGenerator:
    """The feed's own address as its self link, and the HTML page as its alternate. feedgen makes the last link
    added the RSS channel's <link>, and the first self link its atom:link rel=self: so self first, the page last."""
    feed.link(href=itself, rel="self", replace=True)
    feed.link(href=page, rel="alternate")
    return feed


class SourceIdentity(BaseEntryExtension):
    """An Atom entry's <source> with the id and updated that RFC 4287 (4.2.11) asks for, which feedgen leaves out:
    the source's address, and the entry's own date (when we read it)."""

    def extend_atom(self, entry):  # an lxml element of feedgen
        source, updated = entry.find("source"), entry.find("updated")
        link = source.find("link") if source is not None else None
        if link is not None:
            xml_elem("id", source).text = link.get("href")
            xml_elem("updated", source).text = updated.text if updated is not None else None
        return entry


class Picture(BaseEntryExtension):
    """The story's picture as the entry's enclosure: <link rel="enclosure"> in Atom, <enclosure> in RSS. Written here
    because feedgen 1.0 drops the rel, type and length of an Atom entry's links (its enclosure() would become a
    second rel=alternate link)."""

    def __init__(self) -> None:
        self.picture: tuple[str, int, str] | None = None  # address, bytes, media type

    def extend_atom(self, entry):
        if self.picture:
            href, length, kind = self.picture
            xml_elem("link", entry, rel="enclosure", href=href, type=kind, length=str(length))
        return entry

    def extend_rss(self, item):
        if self.picture:
            href, length, kind = self.picture
            xml_elem("enclosure", item, url=href, length=str(length), type=kind)
        return item
