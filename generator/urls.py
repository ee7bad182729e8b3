"""Where pages live: URL patterns from the settings, and relative links between any two pages.

Every URL here is a site path without a leading slash ('ru/topics/ai-chips/'); links between pages are
relative, so the site works at a domain root and under a GitHub Pages project path alike.
"""

from __future__ import annotations

import re

from .model import Settings, Story

# Names Windows keeps for devices, with or without an extension: a folder called con/ cannot be checked out there.
RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(\.|$)", re.IGNORECASE)


def story_url(story: Story, settings: Settings) -> str:
    """The story's site path, e.g. 'ru/2025/04/kitai-obkhodit-sanktsii/'."""
    published = story.date
    url = settings.story_url.format(
        year=f"{published.year:04d}",
        month=f"{published.month:02d}",
        day=f"{published.day:02d}",
        slug=story.slug,
        story=story.key,
        lang=story.lang,
    )
    return settings.language_prefix(story.lang) + url


def unsafe(url: str) -> str | None:
    """Why a site path cannot become folders inside the output on every system, or None when it can."""
    if url.startswith("/") or "\\" in url or ":" in url:
        return "would leave the site's folder or break on Windows (it holds '/' at the start, '\\' or ':')"
    for segment in url.rstrip("/").split("/") if url else []:
        if segment in ("", ".", ".."):
            return "has an empty, '.' or '..' folder name"
        if RESERVED.match(segment):
            return f"has the folder name '{segment}', which Windows reserves for a device"
        if segment != segment.rstrip(". ") or not segment.isprintable() or len(segment.encode("utf-8")) > 255:
            return f"has the folder name {segment!r}, which some systems cannot store"
    return None


def page_url(settings: Settings, lang: str, name: str, slug: str = "") -> str:
    """Site path of a named page: 'home', 'topics', 'topic', 'archive', 'issues', 'issue', or a site 'page' (About)."""
    patterns = {
        "home": "",
        "page": "{slug}/",
        "topics": settings.topics_url,
        "topic": settings.topic_url,
        "archive": settings.archive_url,
        "issues": settings.issues_url,
        "issue": settings.issue_url,
    }
    return settings.language_prefix(lang) + patterns[name].format(slug=slug, week=slug)


def docs_path(url: str, settings: Settings, lang: str) -> str:
    """The Markdown file, inside that language's docs folder, that MkDocs serves at this site path."""
    inner = url[len(settings.language_prefix(lang)) :]
    return inner + "index.md"


def relative(from_url: str, to_url: str) -> str:
    """A link from one site path to another, e.g. ('ru/topics/x/', 'ru/') -> '../../'.

    Written out rather than posixpath.relpath, which is several times slower and runs for every link of every page.
    """
    here = [part for part in from_url.split("/") if part]
    there = [part for part in to_url.split("/") if part]
    common = 0
    while common < len(here) and common < len(there) and here[common] == there[common]:
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    if not parts:
        return "./"
    return "/".join(parts) + ("/" if to_url == "" or to_url.endswith("/") else "")


def absolute(settings: Settings, url: str) -> str | None:
    """The full URL from site_url, when the site has one."""
    if not settings.site_url:
        return None
    return settings.site_url.rstrip("/") + "/" + url


def checked_path(path: str) -> str:
    """A page path that stays inside the folder: relative, forward slashes, no '.', '..' or empty part.
    Validation keeps such paths out of the pages; this is the last guard before a page gets an address (for each
    page of every build and rebuild: plain string work, no PurePosixPath)."""
    if not path or "\\" in path or "\0" in path or any(part in ("", ".", "..") for part in path.split("/")):
        raise ValueError(f"refusing to write the page {path!r}: it would not stay inside the pages folder")
    return path
