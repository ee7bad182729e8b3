"""Every page of a language before it is rendered: its address, its language versions, its template and what
the template shows. The sitemap, the nav and the preview's comparison need no more than this."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .. import indexing, urls
from ..feeds import ATOM, RSS
from .words import issue_title, language_name, week_interval

if TYPE_CHECKING:
    from .renderer import Renderer


@dataclass
class PageSpec:
    """A page before rendering: its address, its language versions, its template and what the template shows."""

    lang: str
    url: str  # site path
    path: str  # docs path, e.g. topics/ai-chips/index.md
    template: str
    kind: str
    meta: dict[str, Any]
    alternates: dict[str, str]  # language -> site path of the same page
    feeds: list[dict[str, str]]
    og: dict[str, Any] | None
    lastmod: dt.date | None
    context: dict[str, Any]


def paged_url(url: str, number: int) -> str:
    """Page 1 keeps the index's own URL; later pages are url + 'page/N/'."""
    return url if number == 1 else f"{url}page/{number}/"


def spec(
    r: Renderer,
    lang: str,
    here: str,
    template: str,
    kind: str,
    meta: dict[str, Any],
    targets: dict[str, str],
    feeds: list[dict[str, str]] | tuple = (),
    og: dict[str, Any] | None = None,
    lastmod: dt.date | None = None,
    **context: Any,
) -> PageSpec:
    """A page to render later: where it lives and what it shows."""
    return PageSpec(
        lang, here, urls.docs_path(here, r.settings, lang), template, kind, meta, dict(targets), list(feeds), og, lastmod, context
    )


def same_page(r: Renderer, name: str, slug: str = "") -> dict[str, str]:
    """A named page (home, topics, a topic ...) in every language."""
    return {lang: urls.page_url(r.settings, lang, name, slug) for lang in r.settings.languages}


def feed_links(r: Renderer, here: str, folder: str, title: str) -> list[dict[str, str]]:
    if not r.settings.site_url:
        return []
    return [
        {"type": "application/atom+xml", "title": f"{title} (Atom)", "href": urls.relative(here, folder + ATOM)},
        {"type": "application/rss+xml", "title": f"{title} (RSS)", "href": urls.relative(here, folder + RSS)},
    ]


def paged(
    r: Renderer,
    lang: str,
    name: str,
    slug: str,
    template: str,
    kind: str,
    meta: dict[str, Any],
    items: list,
    feeds_folder: str | None = None,
    feed_title: str = "",
    **context: Any,
) -> list[PageSpec]:
    """An index split into pages of settings.page_size, each with links to the others."""
    first = urls.page_url(r.settings, lang, name, slug)
    chunks = indexing.paginate(items, r.settings.page_size)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        here = paged_url(first, number)
        targets = same_page(r, name, slug) if number == 1 else {lang: here}
        pager = {
            "number": number,
            "count": len(chunks),
            "previous": urls.relative(here, paged_url(first, number - 1)) if number > 1 else None,
            "next": urls.relative(here, paged_url(first, number + 1)) if number < len(chunks) else None,
            "pages": [{"number": n, "url": urls.relative(here, paged_url(first, n))} for n in range(1, len(chunks) + 1)],
        }
        page_meta = dict(meta) if number == 1 else {**meta, "title": f"{meta['title']} ({r.strings[lang]['page']} {number})"}
        feeds = feed_links(r, here, feeds_folder, feed_title) if feeds_folder is not None else []
        pages.append(spec(r, lang, here, template, kind, page_meta, targets, feeds=feeds, items=chunk, pager=pager, **context))
    return pages


def language_feed_title(r: Renderer, lang: str) -> str:
    return r.strings[lang]["feed_title"].format(site=r.settings.site_name, language=language_name(lang, r.settings))


def language_specs(r: Renderer, lang: str) -> list[PageSpec]:
    """Every page of one language: home, issues, topics, archive, stories."""
    stories = r.by_language.get(lang, [])
    return [home_spec(r, lang, stories), *issue_specs(r, lang), *index_specs(r, lang, stories), *story_specs(r, lang, stories)]


def home_spec(r: Renderer, lang: str, stories: list) -> PageSpec:
    """The latest issue, then earlier stories up to home_size."""
    settings, t, weeks = r.settings, r.strings[lang], r.weeks.get(lang, [])
    latest_week, latest = weeks[0] if weeks else (None, [])
    rest = [story for story in stories if story not in latest][: max(0, settings.home_size - len(latest))]
    home = urls.page_url(settings, lang, "home")
    return spec(
        r,
        lang,
        home,
        "home.md",
        "home",
        {"title": t["home_title"], "description": t["home_description"].format(site=settings.site_name), "hide": ["navigation", "toc"]},
        same_page(r, "home"),
        feeds=feed_links(r, home, settings.language_prefix(lang), language_feed_title(r, lang)),
        week=latest_week,
        groups=indexing.by_primary_topic(latest, r.topics),
        previous_week=weeks[1][0] if len(weeks) > 1 else None,
        more=rest,
    )


def issue_specs(r: Renderer, lang: str) -> list[PageSpec]:
    """The list of weekly issues, and a page for each, linked to the weeks before and after it."""
    settings, t, weeks = r.settings, r.strings[lang], r.weeks.get(lang, [])
    pages = paged(
        r,
        lang,
        "issues",
        "",
        "issues.md",
        "issues",
        {"title": t["issues"], "description": t["issues_description"].format(site=settings.site_name), "hide": ["navigation", "toc"]},
        [week for week, _ in weeks],
        counts={week: len(items) for week, items in weeks},
    )
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
                    "title": issue_title(t, week),
                    "description": t["issue_description"].format(site=settings.site_name, dates=week_interval(lang, week)),
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
    settings, t = r.settings, r.strings[lang]
    by_topic = indexing.group_by_topic(stories)
    pages = [
        spec(
            r,
            lang,
            urls.page_url(settings, lang, "topics"),
            "topics.md",
            "topics",
            {"title": t["topics"], "description": t["topics_description"].format(site=settings.site_name)},
            same_page(r, "topics"),
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
        {"title": t["archive"], "description": t["archive_description"].format(site=settings.site_name), "hide": ["navigation", "toc"]},
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
            {"title": label, "description": t["topic_description"].format(topic=label)},
            by_topic.get(slug, []),
            feeds_folder=urls.page_url(settings, lang, "topic", slug),
            feed_title=t["topic_feed_title"].format(site=settings.site_name, topic=label),
            topic=topic,
        )
    return pages


def story_specs(r: Renderer, lang: str, stories: list) -> list[PageSpec]:
    """A page per story, linked to its other language versions and to related stories."""
    settings, prefix, feed_title = r.settings, r.settings.language_prefix(lang), language_feed_title(r, lang)
    related_index = indexing.related_index(stories)
    pages = []
    for story in stories:
        here = r.story_urls[story]
        og = {"type": "article", "published_time": story.published.isoformat(), "tags": [r.topics[s].label(lang) for s in story.topics]}
        pages.append(
            spec(
                r,
                lang,
                here,
                "story.md",
                "story",
                {"title": story.title, "description": story.summary, "hide": ["navigation"]},
                {other: r.story_urls[s] for other, s in r.versions[story.key].items()},
                feeds=feed_links(r, here, prefix, feed_title),
                og=og,
                lastmod=story.date,
                story=story,
                body=Markup(story.body),
                related=indexing.related(story, related_index, settings.related_count),
            )
        )
    return pages
