"""Addresses between files: two pages at one address, and the earlier addresses (aliases) kept as redirects.

An alias may not take the address of any page of the site, nor another file's alias: each problem names both files.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from . import indexing, urls
from .model import Problem, Settings, SitePage, Story, Topic


def index_urls(settings: Settings, stories: list[Story], topics: dict[str, Topic]) -> dict[str, str]:
    """The digest's own pages of every language, by URL, each with what it is (for messages)."""
    taken = {}
    for lang, items in indexing.group_by_language(stories).items():
        taken.update({urls.page_url(settings, lang, "issue", week): f"the issue of {week}" for week, _ in indexing.group_by_week(items)})
    for lang in settings.languages:
        for name in ("home", "topics", "archive", "issues"):
            taken[urls.page_url(settings, lang, name)] = f"the {name} page"
        taken.update({urls.page_url(settings, lang, "topic", slug): f"the topic page of {slug}" for slug in topics})
    return taken


def check_pages(pages: list[SitePage]) -> list[Problem]:
    """One page name given twice in one language."""
    seen: dict[tuple[str, str], SitePage] = {}
    problems = []
    for page in sorted(pages, key=lambda p: p.path):
        first = seen.setdefault((page.name, page.lang), page)
        if first is not page:
            problems.append(
                Problem(page.path, page.lines.get("lang", 1), "lang", f"'{page.name}' in '{page.lang}' is already {first.path}")
            )
    return problems


def check_aliases(settings: Settings, stories: list[Story], pages: list[SitePage], topics: dict[str, Topic]) -> list[Problem]:
    """Every alias at an address of its own: not a page's, not another alias's."""
    owners: dict[str, str] = {}
    for url, what in index_urls(settings, stories, topics).items():
        owners[key(url)] = what
    for story in stories:
        owners[key(urls.story_url(story, settings))] = story.path
    for page in pages:
        owners[key(urls.page_url(settings, page.lang, "page", page.name))] = page.path
    problems = []
    aliased: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    items: list[Story | SitePage] = [*stories, *pages]
    for item in items:
        for alias in item.aliases:
            url = settings.language_prefix(item.lang) + alias
            line = item.lines.get("aliases")
            if key(url) in owners or any(key(url).startswith(k + "page/") for k in owners if k.endswith("/")):
                owner = owners.get(key(url), "an index page's later pages")
                problems.append(
                    Problem(item.path, line, "aliases", f"{alias} is the address of {owner}; an alias must be an address no page has")
                )
            aliased[key(url)].append((item.path, line))
    for url, files in aliased.items():
        for path, line in sorted(files)[1:]:
            problems.append(
                Problem(path, line, "aliases", f"/{url} is also an alias in {sorted(files)[0][0]}; give each earlier address to one file")
            )
    return problems


def key(url: str) -> str:
    """Addresses that case-insensitive file systems would merge are one address."""
    return unicodedata.normalize("NFKC", url).casefold()


def redirects(settings: Settings, items: Iterable[Story | SitePage], targets: dict[str, str]) -> dict[str, str]:
    """Alias URL -> the URL it redirects to, for items whose own URL is in `targets` (by file path)."""
    return {
        settings.language_prefix(item.lang) + alias: targets[item.path] for item in items for alias in item.aliases if item.path in targets
    }
