"""What one edit changes, for a preview that rebuilds in about a second.

Two pieces, both pure: a cache of parsed story files that stays valid while a file keeps its size and
modification time (so an unchanged file yields the very same Story object), and a comparison of two renders'
page specs that names the pages whose inputs differ. A page is rendered from its spec and from a few things
every page shares (story URLs, translations, topics, interface strings, settings); when one of those changes,
every page may change and the caller rebuilds everything.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator

from .model import Problem, Settings, Story, Topic
from .rendering import Renderer


@dataclass
class StoryCache:
    """Checked story files by path, kept while the file's stamp (size, mtime, inode) stays the same."""

    settings: Settings | None = None
    topics: dict[str, Topic] | None = None
    entries: dict[Path, tuple[tuple[int, int, int], Story | None, list[Problem]]] = field(default_factory=dict)

    def start(self, settings: Settings, topics: dict[str, Topic]) -> None:
        """Forget everything when what a check depends on changed: the settings (but the clock) or the topics."""
        settings = replace(settings, now=None)
        if settings != self.settings or topics != self.topics:
            self.entries.clear()
        self.settings, self.topics = settings, topics

    def load(self, path: Path, read: Callable[[], tuple[Story | None, list[Problem]]]) -> tuple[Story | None, list[Problem]]:
        """What `read` gives for the file, read again only when its stamp changed. The stamp is taken before
        reading, so a save during the read is seen next time."""
        seen = stamp(path)
        entry = self.entries.get(path)
        if entry is None or entry[0] != seen:
            entry = self.entries[path] = (seen, *read())
        return entry[1], entry[2]

    def keep_only(self, paths: list[Path]) -> None:
        wanted = set(paths)
        for path in [path for path in self.entries if path not in wanted]:
            del self.entries[path]


def stamp(path: Path) -> tuple[int, int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1, -1)
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def shared_inputs(renderer: Renderer) -> tuple:
    """What every page may show besides its own spec: topic labels, interface strings, and the settings (but
    the clock)."""
    return replace(renderer.settings, now=None), renderer.topics, renderer.strings


def addresses(renderer: Renderer) -> dict[str, dict[str, tuple[str, str]]]:
    """Story key -> language -> (file, URL) of each version: what links to a story and its translations show."""
    return {key: {lang: (story.path, renderer.story_urls[story]) for lang, story in versions.items()}
            for key, versions in renderer.versions.items()}


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


@dataclass
class Changes:
    """Per language: docs paths of pages to build again, pages that are gone, and whether the feeds changed."""

    pages: dict[str, set[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)  # language -> site paths (URLs) of pages gone
    feeds: dict[str, bool] = field(default_factory=dict)

    def languages(self) -> list[str]:
        return [lang for lang in self.pages if self.pages[lang] or self.removed[lang] or self.feeds[lang]]


def changes(old: Renderer, new: Renderer) -> Changes | None:
    """The pages of each language to build again after an edit of stories; None when every page may differ.

    A page is built again when its spec differs (what it lists, its title, its links to other languages), or when
    it shows a story one of whose language versions was added, removed or moved: a card links to every version."""
    if shared_inputs(old) != shared_inputs(new):
        return None
    before, after = addresses(old), addresses(new)
    moved = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    found = Changes()
    for lang in new.settings.languages:
        was = {spec.path: spec for spec in old.specs(lang)}
        now = {spec.path: spec for spec in new.specs(lang)}
        found.pages[lang] = {path for path, spec in now.items()
                             if was.get(path) != spec or (moved and any(story.key in moved for story in stories_in(spec.context)))}
        found.removed[lang] = [spec.url for path, spec in was.items() if path not in now]
        found.feeds[lang] = bool(found.removed[lang]) or any(now[path].kind == "story" for path in found.pages[lang])
    return found
