"""A cache of checked story files that stays valid while a file keeps its size, modification time and inode, so
that an unchanged file yields the very same Story object. The preview rebuilds with it on every edit."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .model import Problem, Settings, Topic


@dataclass
class StoryCache:
    """Checked story and page files by path, kept while the file's stamp (size, mtime, inode) stays the same."""

    settings: Settings | None = None
    topics: dict[str, Topic] | None = None
    entries: dict[Path, tuple[Any, Any, list[Problem]]] = field(default_factory=dict)  # path -> (stamp, item, problems)

    def start(self, settings: Settings, topics: dict[str, Topic]) -> None:
        """Forget everything when what a check depends on changed: the settings (but the clock) or the topics."""
        settings = replace(settings, now=None)
        if settings != self.settings or topics != self.topics:
            self.entries.clear()
        self.settings, self.topics = settings, topics

    def load(self, path: Path, read: Callable[[], tuple[Any, list[Problem]]]) -> tuple[Any, list[Problem]]:
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


class ContentCache(StoryCache):
    """The same, by each file's content instead of its stamp: valid in a fresh checkout too, where every file's
    modification time is new. A build keeps it in .digest/warm/ for the next one (warm_cache.py)."""

    def load(self, path: Path, read: Callable[[], tuple[Any, list[Problem]]]) -> tuple[Any, list[Problem]]:
        try:
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
        except OSError:  # read() says what is wrong with it
            return read()
        entry = self.entries.get(path)
        if entry is None or entry[0] != digest:
            entry = self.entries[path] = (digest, *read())
        return entry[1], entry[2]


def stamp(path: Path) -> tuple[int, int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1, -1)
    return (info.st_mtime_ns, info.st_size, info.st_ino)
