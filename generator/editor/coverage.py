"""Which stories exist in which languages, and which translations are older than their original."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..build import load_story, story_files
from ..model import Settings, Story
from ..topics import read_topics

# A version's status in one language. Only 'original' and 'ok' count as covered.
ORIGINAL, OK, STALE, DRAFT, MISSING = "original", "ok", "stale", "draft", "missing"
Changed = dict[str, tuple[dt.datetime, str]]  # a story's path -> when it last changed, and how we know


@dataclass(frozen=True)
class Cell:
    status: str
    path: str | None = None
    changed: dt.datetime | None = None
    known_by: str | None = None  # 'updated', 'git' or 'mtime'


@dataclass(frozen=True)
class Row:
    key: str
    original: str | None  # the original's language; None for a story that has only drafts
    cells: dict[str, Cell]
    title: str = ""  # the original's (or, with drafts only, the first draft's) title, date and file
    date: dt.date | None = None
    path: str = ""


@dataclass(frozen=True)
class Coverage:
    languages: tuple[str, ...]
    rows: list[Row]  # stories with a published version, newest original first
    drafts: list[Row] = field(default_factory=list)  # stories that have only drafts: not yet originals, not counted

    def count(self, *statuses: str) -> int:
        return sum(cell.status in statuses for row in self.rows for cell in row.cells.values())

    @property
    def percent(self) -> float:
        """Covered versions (originals and up-to-date translations) out of every story in every language."""
        total = len(self.rows) * len(self.languages)
        return 100.0 if total == 0 else 100.0 * self.count(ORIGINAL, OK) / total

    def as_dict(self) -> dict[str, Any]:
        def cell(c: Cell) -> dict[str, Any]:
            return {"status": c.status, "path": c.path, "changed": c.changed.isoformat() if c.changed else None, "known_by": c.known_by}

        def row(r: Row) -> dict[str, Any]:
            found = {"story": r.key, "original": r.original, "title": r.title, "date": r.date.isoformat() if r.date else None}
            return {**found, "path": r.path, "versions": {lang: cell(c) for lang, c in r.cells.items()}}

        return {
            "languages": list(self.languages),
            "percent": round(self.percent, 1),
            "counts": {s: self.count(s) for s in (ORIGINAL, OK, STALE, DRAFT, MISSING)},
            "stories": [row(r) for r in self.rows],
            "drafts": [row(r) for r in self.drafts],
        }


def pick_original(versions: list[Story], default_language: str) -> Story:
    """The default language's version if there is a published one, else the earliest dated (then by path)."""
    published = [s for s in versions if not s.draft] or versions
    for story in published:
        if story.lang == default_language:
            return story
    return min(published, key=lambda s: (s.published, s.path))


def cells_of(versions: list[Story], original: Story | None, languages: tuple[str, ...], changed: Changed) -> dict[str, Cell]:
    origin_time = changed.get(original.path, (None, None))[0] if original else None
    cells: dict[str, Cell] = {}
    for lang in languages:
        mine = sorted((s for s in versions if s.lang == lang), key=lambda s: (s.draft, s.path))
        if not mine:
            cells[lang] = Cell(MISSING)
            continue
        story = mine[0]
        when, how = changed.get(story.path, (None, None))
        if story is original:
            status = ORIGINAL
        elif story.draft:
            status = DRAFT
        elif when is not None and origin_time is not None and origin_time > when:
            status = STALE
        else:
            status = OK
        cells[lang] = Cell(status, story.path, when, how)
    return cells


def coverage(stories: Iterable[Story], languages: tuple[str, ...], changed: Changed) -> Coverage:
    """One row per story key, one cell per site language, newest original first; changed maps a story path to
    when it last changed. A story with drafts only has no original yet: it is listed apart and not counted."""
    by_key: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        by_key[story.key].append(story)
    rows, drafts = [], []
    for key, versions in sorted(by_key.items()):
        versions.sort(key=lambda s: s.path)
        if all(story.draft for story in versions):
            first = min(versions, key=lambda s: (s.published, s.path))
            drafts.append(Row(key, None, cells_of(versions, None, languages, changed), first.title, first.date, first.path))
            continue
        original = pick_original(versions, languages[0])
        cells = cells_of(versions, original, languages, changed)
        rows.append(Row(key, original.lang, cells, original.title, original.date, original.path))
    newest = {row.key: max(s.published for s in by_key[row.key] if s.path == row.path) for row in [*rows, *drafts]}
    rows.sort(key=lambda r: (-newest[r.key].timestamp(), r.key))
    drafts.sort(key=lambda r: (-newest[r.key].timestamp(), r.key))
    return Coverage(tuple(languages), rows, drafts)


def read_versions(settings: Settings) -> list[Story]:
    """Every story that passes validation, drafts included (the build leaves drafts out; coverage counts them)."""
    root, topics = Path(settings.root), read_topics(settings)[0]
    stories = [load_story(path, root, settings, topics)[0] for path in story_files(settings)]
    return [story for story in stories if story is not None]
