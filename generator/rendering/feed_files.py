"""Each language's feeds: one for the language and one for each topic, as Atom and RSS files beside the pages.

A feed shows its newest stories (feeds.FEED_SIZE); `feed_inputs` is all a feed's text depends on beyond the
site's settings and topics, so a preview's rebuild writes only the feeds whose inputs an edit changed."""

from __future__ import annotations

import mimetypes
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from .. import indexing, urls
from ..feeds import FEED_SIZE, build_feed
from ..model import Asset, Story
from .sections import language_feed_title

if TYPE_CHECKING:
    from .renderer import Renderer


def feed_plan(r: Renderer, lang: str) -> dict[str, tuple[str, str, str, list[Story]]]:
    """The language's feeds by their folder's site path: (title, description, page, stories newest first)."""
    words, settings, prefix = r.strings[lang], r.settings, r.settings.language_prefix(lang)
    stories = r.by_language.get(lang, [])
    about = words.gettext("The latest stories of %(site)s, newest first.", site=settings.site_name_in(lang))
    plan = {prefix: (language_feed_title(r, lang), about, urls.page_url(settings, lang, "home"), stories)}
    by_topic = indexing.group_by_topic(stories)
    for slug, topic in r.topics.items():
        folder, label = urls.page_url(settings, lang, "topic", slug), topic.label(lang)
        title = words.gettext("%(site)s: %(topic)s", site=settings.site_name_in(lang), topic=label)
        about = words.gettext("Stories about %(topic)s, newest first.", topic=label)
        plan[folder] = (title, about, folder, by_topic.get(slug, []))
    return plan


def feed_files(r: Renderer, lang: str, only: Collection[str] | None = None) -> list[Asset]:
    """Atom and RSS for the language and for each topic in it (or for the feed folders `only` names)."""
    if not r.settings.site_url:
        return []
    prefix, files = r.settings.language_prefix(lang), {}
    plan = {folder: feed for folder, feed in feed_plan(r, lang).items() if only is None or folder in only}
    images = feed_images(r, [story for *_, stories in plan.values() for story in stories[:FEED_SIZE]])
    for folder, (title, about, page, stories) in plan.items():
        files.update(build_feed(r.settings, lang, title, about, page, folder, stories, r.story_urls, r.topics, images))
    return [Asset(lang, path[len(prefix) :], text, url=path) for path, text in sorted(files.items())]


def feed_inputs(r: Renderer, lang: str) -> dict[str, Any]:
    """What each feed's text depends on, by its folder: its words, and each of its stories with its address and
    picture. The same inputs make the same feed (the site's settings and topics aside)."""
    plan = feed_plan(r, lang)
    images = feed_images(r, [story for *_, stories in plan.values() for story in stories[:FEED_SIZE]])
    return {
        folder: (title, about, page, [(story, r.story_urls[story], images.get(story)) for story in stories[:FEED_SIZE]])
        for folder, (title, about, page, stories) in plan.items()
    }


def feed_images(r: Renderer, stories: list[Story]) -> dict[Story, tuple[str, int, str]]:
    """Each story's shared picture when it is published with the story: address, bytes and type, for feeds."""
    found = {}
    for story in stories:
        if story in found:
            continue
        href = r.share_image(story, r.story_urls[story])
        prefix = (r.settings.site_url or "").rstrip("/") + "/" + r.settings.language_prefix(story.lang)
        path = href[len(prefix) :] if href and href.startswith(prefix) else None
        attachment = next((a for a in r.attachments.get(story.path, []) if a.path == path), None)
        if href and attachment is not None:
            found[story] = (href, attachment.stamp[1], mimetypes.guess_type(attachment.source)[0] or "application/octet-stream")
    return found
