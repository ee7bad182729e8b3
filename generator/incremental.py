"""What one edit changes, for a preview that rebuilds in about a second.

A comparison of two renders' page specs that names the pages whose inputs differ, pure. A page is rendered from
its spec and from a few things every page shares (story URLs, translations, topics, interface strings,
settings); when one of those changes, every page may change and the caller rebuilds everything.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from .model import Story
from .rendering import PageSpec, Renderer
from .rendering.feed_files import feed_inputs


def shared_inputs(renderer: Renderer) -> tuple:
    """What every page may show besides its own spec: topic labels, interface strings, the settings (but the
    clock), the site's pages (the tabs), and the files published beside stories and pages."""
    pages = {lang: tuple(items) for lang, items in renderer.site_pages.items()}
    attached = {path: files for path, files in renderer.attachments.items() if files}
    return replace(renderer.settings, now=None), renderer.topics, renderer.strings, pages, attached


def addresses(renderer: Renderer) -> dict[str, dict[str, tuple[str, str]]]:
    """Story key -> language -> (file, URL) of each version: what links to a story and its translations show."""
    return {
        key: {lang: (story.path, renderer.story_urls[story]) for lang, story in versions.items()}
        for key, versions in renderer.versions.items()
    }


def stories_in(value: Any) -> Iterator[Story]:
    """Every story a page spec's context holds: the story itself, cards, groups, related stories."""
    if isinstance(value, Story):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from stories_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from stories_in(item)


def moved_stories(before: dict[str, dict[str, tuple[str, str]]], after: dict[str, dict[str, tuple[str, str]]]) -> set[str]:
    """Keys of the stories in both `addresses` one of whose language versions was added, removed or moved. A story
    added or removed altogether is in (or out of) the spec of every page that shows it, which then differs anyway."""
    return {key for key in before.keys() & after.keys() if before[key] != after[key]}


def shows_any(spec: PageSpec, keys: set[str]) -> bool:
    """Whether a page shows one of these stories (by key)."""
    return bool(keys) and any(story.key in keys for story in stories_in(spec.context))


@dataclass
class Changes:
    """Per language: docs paths of pages to build again, pages that are gone, and the feeds that changed."""

    pages: dict[str, set[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)  # language -> site paths (URLs) of pages gone
    feeds: dict[str, set[str]] = field(default_factory=dict)  # language -> the folders of its feeds that changed

    def languages(self) -> list[str]:
        return [lang for lang in self.pages if self.pages[lang] or self.removed[lang] or self.feeds[lang]]


def changes(old: Renderer, new: Renderer) -> Changes | None:
    """The pages of each language to build again after an edit of stories; None when every page may differ."""
    if shared_inputs(old) != shared_inputs(new):
        return None
    was = {lang: old.specs(lang) for lang in new.settings.languages}
    found = pages_changed(addresses(old), addresses(new), was, {lang: new.specs(lang) for lang in new.settings.languages})
    for lang in new.settings.languages:
        before, after = feed_inputs(old, lang), feed_inputs(new, lang)
        found.feeds[lang] = {folder for folder, inputs in after.items() if before.get(folder) != inputs}
    return found


def pages_changed(
    before: dict[str, dict[str, tuple[str, str]]],
    after: dict[str, dict[str, tuple[str, str]]],
    old: dict[str, list[PageSpec]],
    new: dict[str, list[PageSpec]],
    also_moved: set[str] | frozenset[str] = frozenset(),
) -> Changes:
    """The pages of each language whose spec differs (what it lists, its title, its links to other languages), or
    that show a story one of whose language versions was added, removed or moved (a card links to every version),
    or one of the stories `also_moved` names by key. `before` and `after` are `addresses` of the two renders."""
    moved = moved_stories(before, after) | set(also_moved)
    found = Changes()
    for lang, specs in new.items():
        was = {spec.path: spec for spec in old.get(lang, [])}
        now = {spec.path: spec for spec in specs}
        found.pages[lang] = {path for path, spec in now.items() if was.get(path) != spec or shows_any(spec, moved)}
        found.removed[lang] = [spec.url for path, spec in was.items() if path not in now]
    return found
