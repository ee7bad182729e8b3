"""Pure indexes over stories: newest first, by language, by topic, by month, translations."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from .model import SitePage, Story


def newest_first(story: Story) -> tuple:
    """Sort key: latest publication first; ties broken by story key, then language, then path."""
    return (-story.published.timestamp(), story.key, story.lang, story.path)


def sort_stories(stories: Iterable[Story]) -> list[Story]:
    return sorted(stories, key=newest_first)


def group_by_language(stories: Iterable[Story]) -> dict[str, list[Story]]:
    """Map each language code to its stories, newest first."""
    index: dict[str, list[Story]] = defaultdict(list)
    for story in sort_stories(stories):
        index[story.lang].append(story)
    return dict(index)


def group_by_topic(stories: Iterable[Story]) -> dict[str, list[Story]]:
    """Map each topic slug to its stories, newest first; a story stands under every topic it lists."""
    index: dict[str, list[Story]] = defaultdict(list)
    for story in sort_stories(stories):
        for topic in story.topics:
            index[topic].append(story)
    return dict(sorted(index.items()))


def group_by_month(stories: Iterable[Story]) -> list[tuple[dt.date, list[Story]]]:
    """(first day of the month, its stories) pairs, newest month first, stories newest first."""
    index: dict[dt.date, list[Story]] = defaultdict(list)
    for story in sort_stories(stories):
        index[story.date.replace(day=1)].append(story)
    return sorted(index.items(), reverse=True)


def translations(stories: Iterable[Story]) -> dict[str, dict[str, Story]]:
    """Map each story key to its language versions."""
    index: dict[str, dict[str, Story]] = defaultdict(dict)
    for story in stories:
        index[story.key][story.lang] = story
    return dict(index)


def iso_week(story: Story) -> str:
    """The ISO week a story belongs to, by its local date: '2025-W18'."""
    year, week, _ = story.date.isocalendar()
    return f"{year:04d}-W{week:02d}"


def group_by_week(stories: Iterable[Story]) -> list[tuple[str, list[Story]]]:
    """(ISO week, its stories) pairs for the weeks that have stories, newest week first."""
    index: dict[str, list[Story]] = defaultdict(list)
    for story in sort_stories(stories):
        index[iso_week(story)].append(story)
    return sorted(index.items(), reverse=True)


def week_days(week: str) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of an ISO week."""
    monday = dt.date.fromisoformat(week + "-1")
    return monday, monday + dt.timedelta(days=6)


def by_primary_topic(stories: Iterable[Story], topic_order: Iterable[str]) -> list[tuple[str, list[Story]]]:
    """Stories grouped under their first topic, topics in registry order; each story appears once."""
    groups: dict[str, list[Story]] = defaultdict(list)
    for story in sort_stories(stories):
        groups[story.topics[0]].append(story)
    return [(slug, groups[slug]) for slug in topic_order if slug in groups]


def paginate(items: list, size: int) -> list[list]:
    """Split a list into pages of `size`; an empty list is one empty page."""
    if size <= 0 or len(items) <= size:
        return [items]
    return [items[start : start + size] for start in range(0, len(items), size)]


def related_index(stories: Iterable[Story]) -> dict[frozenset[str], list[Story]]:
    """Stories under every set of up to three of their topics, newest first: the index `related` reads."""
    index: dict[frozenset[str], list[Story]] = defaultdict(list)
    for story in sort_stories(stories):
        topics = sorted(set(story.topics))
        for size in range(1, min(len(topics), MOST_SHARED) + 1):
            for combo in combinations(topics, size):
                index[frozenset(combo)].append(story)
    return dict(index)


MOST_SHARED = 3  # stories sharing more topics than this rank with those sharing this many


def related(story: Story, index: dict[frozenset[str], list[Story]], count: int) -> list[Story]:
    """Other stories of the index (one language) sharing a topic: most shared topics first, then newest.

    Reads at most `count` stories per topic set, so it costs the same for 100 stories as for 100,000.
    """
    chosen: list[Story] = []
    seen = {story.key}
    topics = sorted(set(story.topics))
    for size in range(min(len(topics), MOST_SHARED), 0, -1):
        level: dict[Story, None] = {}
        for combo in combinations(topics, size):
            taken = 0
            for other in index.get(frozenset(combo), ()):
                if other.key in seen or other in level:
                    continue
                level[other] = None
                taken += 1
                if taken == count:
                    break
        for other in sorted(level, key=newest_first):
            chosen.append(other)
            seen.add(other.key)
            if len(chosen) == count:
                return chosen
    return chosen


def group_pages(pages: Iterable[SitePage]) -> dict[str, list[SitePage]]:
    """Map each language code to its site pages, in tab order: by `order`, then title."""
    index: dict[str, list[SitePage]] = defaultdict(list)
    for page in sorted(pages, key=lambda p: (p.order, p.title.casefold(), p.name)):
        index[page.lang].append(page)
    return dict(index)


def page_versions(pages: Iterable[SitePage]) -> dict[str, dict[str, SitePage]]:
    """Map each page name to its language versions."""
    index: dict[str, dict[str, SitePage]] = defaultdict(dict)
    for page in pages:
        index[page.name][page.lang] = page
    return dict(index)
