"""Pure indexes over stories: newest first, by language, by topic, by month, translations."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Iterable

from .model import Story


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
