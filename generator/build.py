"""The pipeline: load every file, validate, index, render. Nothing is written here.

`prepare` is the one entry for every client: the MkDocs plugin, the `digest` command, the benchmark and the
tests. It checks everything and indexes it; pages are then rendered when a client asks for them.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import urls
from .addresses import check_aliases, check_pages
from .attachments import Attachment, attached
from .caching import StoryCache
from .loading import load_document
from .model import WARNING, Problem, Settings, Site, SitePage, Story, Topic
from .rendering import Renderer
from .site_pages import check_page, page_files
from .sitemap import sitemap_xml
from .topics import read_topics
from .validation import check_collection, check_story


def story_files(settings: Settings) -> list[Path]:
    """Every Markdown file under the content folder but its pages folder, in a stable order."""
    content = os.path.join(settings.root, settings.content_dir)
    pages = os.path.normpath(os.path.join(content, settings.pages_dir))
    found = []
    for where, folders, names in os.walk(content):
        folders[:] = [name for name in folders if not name.startswith(".")]
        if os.path.normpath(where) != pages:
            found += [os.path.join(where, name) for name in names if name.endswith(".md") and not name.startswith(".")]
    return [Path(path) for path in sorted(found, key=lambda path: path.split(os.sep)) if os.path.isfile(path)]  # as Paths sort


def publishable(story: Story, settings: Settings) -> bool:
    """Drafts only under `mkdocs serve`; stories dated in the future only once their time has come."""
    if story.draft and not settings.include_drafts:
        return False
    return settings.include_future or settings.include_drafts or story.published <= settings.current_time()


def load_site(settings: Settings, cache: StoryCache | None = None) -> Site:
    """Read and check everything; the Site holds the stories and pages, or every problem found.

    With a cache (a preview that rebuilds on every edit), files whose stamp did not change are not read again."""
    root = Path(settings.root)
    problems: list[Problem] = []
    if len(set(settings.languages)) != len(settings.languages):
        problems.append(Problem("mkdocs.yml", None, "languages", f"a language is listed twice: {', '.join(settings.languages)}"))
    topics, found = read_topics(settings)
    problems += found
    files = {"story": story_files(settings), "page": page_files(settings)}
    if cache is not None:
        cache.start(settings, topics)
        cache.keep_only(files["story"] + files["page"])
    stories, found = load_all(files["story"], functools.partial(load_story, root=root, settings=settings, topics=topics), cache)
    problems += found
    pages, found = load_all(files["page"], functools.partial(load_page, root=root, settings=settings), cache)
    problems += found
    stories = [story for story in stories if publishable(story, settings)]
    files_of, found = attachments_of([*stories, *pages], settings)
    problems += found
    problems += check_collection(stories, {story: urls.story_url(story, settings) for story in stories})
    problems += check_pages(pages) + check_aliases(settings, stories, pages, topics)
    site = Site(settings, stories=stories, site_pages=pages, topics=topics, attachments=files_of)
    problems.sort(key=lambda p: (p.path, p.line or 0, p.field))
    site.problems = [p for p in problems if p.severity != WARNING]
    site.warnings = [p for p in problems if p.severity == WARNING]
    return site


def load_all(paths: list[Path], load: Callable[[Path], tuple[Any, list[Problem]]], cache: StoryCache | None) -> tuple[list, list[Problem]]:
    """Each file read and checked (or taken from the cache while its stamp is unchanged): what loaded, and the problems."""
    loaded, problems = [], []
    for path in paths:
        item, found = load(path) if cache is None else cache.load(path, functools.partial(load, path))
        problems += found
        if item is not None:
            loaded.append(item)
    return loaded, problems


def attachments_of(items: list[Story | SitePage], settings: Settings) -> tuple[dict[str, list[Attachment]], list[Problem]]:
    """The files each story and page links to, by the editor's file; checked on every build, as files beside a
    story come and go without the story's own file changing."""
    found: dict[str, list[Attachment]] = {}
    problems: list[Problem] = []
    root = Path(settings.root)
    for item in items:
        url = urls.story_url(item, settings) if isinstance(item, Story) else urls.page_url(settings, item.lang, "page", item.name)
        files, wrong = attached(item, root, url[len(settings.language_prefix(item.lang)) :], item.body_line)
        found[item.path] = files
        problems += wrong
    return found, problems


def load_story(path: Path, root: Path, settings: Settings, topics: dict[str, Topic]) -> tuple[Story | None, list[Problem]]:
    """One story file, read and checked."""
    document, problems = load_document(path, root)
    if document is None:
        return None, problems
    story, found = check_story(document, settings, topics)
    return story, problems + found


def load_page(path: Path, root: Path, settings: Settings) -> tuple[SitePage | None, list[Problem]]:
    """One page file (content/pages/), read and checked."""
    document, problems = load_document(path, root)
    if document is None:
        return None, problems
    page, found = check_page(document, settings)
    return page, problems + found


def prepare(settings: Settings, cache: StoryCache | None = None) -> Site:
    """Load and check everything; when nothing is wrong, index it: the site gets its renderer, which renders any
    page on demand, and the nav of every language. With problems, the site holds them and nothing else."""
    site = load_site(settings, cache)
    if site.problems:
        return site
    site.renderer = Renderer(settings, site.stories, site.topics, site.site_pages, site.attachments)
    site.nav = {lang: site.renderer.nav(lang) for lang in settings.languages}
    return site


def build_site(settings: Settings) -> Site:
    """Prepare and, when nothing is wrong, render every page and feed of every language, and the sitemap."""
    site = prepare(settings)
    if site.problems:
        return site
    for lang in settings.languages:
        site.pages[lang] = site.renderer.pages(lang)
    site.files = site_files(site.renderer)
    return site


def site_files(renderer: Renderer) -> dict[str, str]:
    """Files of the whole site, by site path: the sitemap of every language's pages."""
    settings = renderer.settings
    if not settings.site_url:
        return {}
    return {"sitemap.xml": sitemap_xml(settings, [spec for lang in settings.languages for spec in renderer.specs(lang)])}
