"""The pipeline: load every file, validate, index, render. Nothing is written here.

`prepare` is the one entry for every client: the MkDocs plugin, the `digest` command, the benchmark and the
tests. It checks everything and indexes it; pages are then rendered when a client asks for them.
"""

from __future__ import annotations

import functools
from pathlib import Path

from . import urls
from .caching import StoryCache
from .loading import load_document
from .model import WARNING, Problem, Settings, Site, Story, Topic
from .rendering import Renderer
from .sitemap import sitemap_xml
from .topics import read_topics
from .validation import check_collection, check_story


def story_files(settings: Settings) -> list[Path]:
    """Every Markdown file under the content folder, in a stable order."""
    content = Path(settings.root) / settings.content_dir
    return sorted(
        p for p in content.rglob("*.md") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(content).parts)
    )


def publishable(story: Story, settings: Settings) -> bool:
    """Drafts only under `mkdocs serve`; stories dated in the future only once their time has come."""
    if story.draft and not settings.include_drafts:
        return False
    return settings.include_future or settings.include_drafts or story.published <= settings.current_time()


def load_site(settings: Settings, cache: StoryCache | None = None) -> Site:
    """Read and check everything; the Site holds the stories or every problem found.

    With a cache (a preview that rebuilds on every edit), files whose stamp did not change are not read again."""
    root = Path(settings.root)
    site = Site(settings)
    problems: list[Problem] = []
    languages = list(settings.languages)
    if len(set(languages)) != len(languages):
        problems.append(Problem("mkdocs.yml", None, "languages", f"a language is listed twice: {', '.join(languages)}"))
    topics, found = read_topics(settings)
    problems += found
    stories: list[Story] = []
    paths = story_files(settings)
    if cache is not None:
        cache.start(settings, topics)
        cache.keep_only(paths)
    for path in paths:
        read = functools.partial(load_story, path, root, settings, topics)
        story, found = read() if cache is None else cache.load(path, read)
        problems += found
        if story is not None:
            stories.append(story)
    stories = [story for story in stories if publishable(story, settings)]
    problems += check_collection(stories, {story: urls.story_url(story, settings) for story in stories})
    site.stories, site.topics = stories, topics
    problems.sort(key=lambda p: (p.path, p.line or 0, p.field))
    site.problems = [p for p in problems if p.severity != WARNING]
    site.warnings = [p for p in problems if p.severity == WARNING]
    return site


def load_story(path: Path, root: Path, settings: Settings, topics: dict[str, Topic]) -> tuple[Story | None, list[Problem]]:
    """One story file, read and checked."""
    document, problems = load_document(path, root)
    if document is None:
        return None, problems
    story, found = check_story(document, settings, topics)
    return story, problems + found


def prepare(settings: Settings, cache: StoryCache | None = None) -> Site:
    """Load and check everything; when nothing is wrong, index it: the site gets its renderer, which renders any
    page on demand, and the nav of every language. With problems, the site holds them and nothing else."""
    site = load_site(settings, cache)
    if site.problems:
        return site
    site.renderer = Renderer(settings, site.stories, site.topics)
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
