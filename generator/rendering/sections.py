"""The sections of a language's site, as page specs: home, the weekly issues, the topics, the archive, the stories."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from markupsafe import Markup

from .. import indexing, urls
from .specs import PageSpec, feed_links, paged, same_page, spec
from .words import issue_title, language_name, week_interval

if TYPE_CHECKING:
    from .renderer import Renderer


def language_feed_title(r: Renderer, lang: str) -> str:
    return r.strings[lang].gettext("%(site)s (%(language)s)", site=r.settings.site_name_in(lang), language=language_name(lang, r.settings))


def language_specs(r: Renderer, lang: str) -> list[PageSpec]:
    """Every page of one language: home, issues, topics, archive, stories, and the site's own pages."""
    stories = r.by_language.get(lang, [])
    sections = [home_spec(r, lang, stories), *issue_specs(r, lang), *index_specs(r, lang, stories), *story_specs(r, lang, stories)]
    return sections + page_specs(r, lang)


def home_spec(r: Renderer, lang: str, stories: list) -> PageSpec:
    """The latest issue, then earlier stories up to home_size."""
    settings, words, weeks = r.settings, r.strings[lang], r.weeks.get(lang, [])
    latest_week, latest = weeks[0] if weeks else (None, [])
    shown = {id(story) for story in latest}  # by identity: comparing stories compares every field, body and all
    rest = list(itertools.islice((story for story in stories if id(story) not in shown), max(0, settings.home_size - len(latest))))
    home = urls.page_url(settings, lang, "home")
    return spec(
        r,
        lang,
        home,
        "home.md",
        "home",
        {
            "title": words.gettext("Latest stories"),
            "description": words.gettext("The latest stories of %(site)s, newest first.", site=settings.site_name_in(lang)),
            "hide": ["navigation", "toc"],
        },
        same_page(r, "home"),
        lastmod=stories[0].date if stories else None,
        feeds=feed_links(r, home, settings.language_prefix(lang), language_feed_title(r, lang)),
        week=latest_week,
        groups=indexing.by_primary_topic(latest, r.topics),
        previous_week=weeks[1][0] if len(weeks) > 1 else None,
        more=rest,
    )


def issue_specs(r: Renderer, lang: str) -> list[PageSpec]:
    """The list of weekly issues, and a page for each, linked to the weeks before and after it."""
    settings, words, weeks = r.settings, r.strings[lang], r.weeks.get(lang, [])
    pages = paged(
        r,
        lang,
        "issues",
        "",
        "issues.md",
        "issues",
        {
            "title": words.gettext("Issues"),
            "description": words.gettext("Every weekly issue of %(site)s, newest first.", site=settings.site_name_in(lang)),
            "hide": ["navigation", "toc"],
        },
        [week for week, _ in weeks],
        counts={week: len(items) for week, items in weeks},
    )
    stories_of = dict(weeks)
    dated(pages, lambda listed: stories_of[listed[0]][0].date)
    for position, (week, items) in enumerate(weeks):
        here = urls.page_url(settings, lang, "issue", week)
        pages.append(
            spec(
                r,
                lang,
                here,
                "issue.md",
                "issue",
                {
                    "title": issue_title(words, week),
                    "description": words.gettext(
                        "%(site)s: the stories of %(dates)s, by topic.", site=settings.site_name_in(lang), dates=week_interval(lang, week)
                    ),
                    "hide": ["navigation"],
                },
                {lang: here},
                lastmod=items[0].date,
                week=week,
                groups=indexing.by_primary_topic(items, r.topics),
                newer=weeks[position - 1][0] if position > 0 else None,
                older=weeks[position + 1][0] if position + 1 < len(weeks) else None,
            )
        )
    return pages


def index_specs(r: Renderer, lang: str, stories: list) -> list[PageSpec]:
    """The topic list, the archive, and each topic's page."""
    settings, words, site = r.settings, r.strings[lang], r.settings.site_name_in(lang)
    by_topic = indexing.group_by_topic(stories)
    pages = [
        spec(
            r,
            lang,
            urls.page_url(settings, lang, "topics"),
            "topics.md",
            "topics",
            {"title": words.gettext("Topics"), "description": words.gettext("The topics %(site)s follows.", site=site)},
            same_page(r, "topics"),
            lastmod=stories[0].date if stories else None,
            counts={slug: len(by_topic.get(slug, [])) for slug in r.topics},
        )
    ]
    pages += paged(
        r,
        lang,
        "archive",
        "",
        "archive.md",
        "archive",
        {
            "title": words.gettext("Archive"),
            "description": words.gettext("Every story of %(site)s, by month.", site=site),
            "hide": ["navigation", "toc"],
        },
        stories,
    )
    for slug, topic in r.topics.items():
        label = topic.label(lang)
        pages += paged(
            r,
            lang,
            "topic",
            slug,
            "topic.md",
            "topic",
            {"title": label, "description": words.gettext("Stories about %(topic)s, newest first.", topic=label)},
            by_topic.get(slug, []),
            feeds_folder=urls.page_url(settings, lang, "topic", slug),
            feed_title=words.gettext("%(site)s: %(topic)s", site=site, topic=label),
            topic=topic,
        )
    return pages[:1] + dated(pages[1:])  # the topic list, then the archive's pages and each topic's, dated


def dated(pages: list[PageSpec], newest: Callable[[list], dt.date] = lambda stories: stories[0].date) -> list[PageSpec]:
    """Index pages dated, for the sitemap's lastmod, by the newest story each lists (their items are newest first)."""
    for page in pages:
        items = page.context["items"]
        page.lastmod = newest(items) if items else None
    return pages


def story_specs(r: Renderer, lang: str, stories: list) -> list[PageSpec]:
    """A page per story, linked to its other language versions and to related stories."""
    settings, prefix, feed_title = r.settings, r.settings.language_prefix(lang), language_feed_title(r, lang)
    related_index = indexing.related_index(stories)
    pages = []
    for story in stories:
        here = r.story_urls[story]
        og = {"type": "article", "published_time": story.published.isoformat(), "tags": [r.topics[s].label(lang) for s in story.topics]}
        og["image"] = r.share_image(story, here)
        pages.append(
            spec(
                r,
                lang,
                here,
                "story.md",
                "story",
                {"title": story.title, "description": story.summary, "hide": ["navigation", "toc"]},
                {other: r.story_urls[s] for other, s in r.versions[story.key].items()},
                feeds=feed_links(r, here, prefix, feed_title),
                og=og,
                lastmod=story.date,
                source=story.path,
                story=story,
                body=Markup(story.body),
                related=indexing.related(story, related_index, settings.related_count),
            )
        )
    return pages


def page_specs(r: Renderer, lang: str) -> list[PageSpec]:
    """A page per site page (About, Imprint ...), linked to its other language versions by name."""
    pages = []
    for page in r.site_pages.get(lang, []):
        here = urls.page_url(r.settings, lang, "page", page.name)
        targets = {other: urls.page_url(r.settings, other, "page", page.name) for other in r.page_versions[page.name]}
        meta = {"title": page.title, "description": page.summary, "hide": ["navigation"]}
        og = {"image": r.share_image(page, here)}
        pages.append(spec(r, lang, here, "page.md", "page", meta, targets, og=og, source=page.path, page=page, body=Markup(page.body)))
    return pages
