"""Which stories exist in which languages, and which translations are older than their original."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..build import load_story, story_files
from ..model import Settings, Story
from ..topics import read_topics

# A version's status in one language. Only 'original' and 'ok' count as covered.
ORIGINAL, OK, STALE, DRAFT, MISSING = "original", "ok", "stale", "draft", "missing"


@dataclass(frozen=True)
class Cell:
    status: str
    path: str | None = None
    changed: dt.datetime | None = None
    known_by: str | None = None  # 'updated', 'git' or 'mtime'


@dataclass(frozen=True)
class Row:
    key: str
    original: str  # the original's language
    cells: dict[str, Cell]


@dataclass(frozen=True)
class Coverage:
    languages: tuple[str, ...]
    rows: list[Row]

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

        return {
            "languages": list(self.languages),
            "percent": round(self.percent, 1),
            "counts": {s: self.count(s) for s in (ORIGINAL, OK, STALE, DRAFT, MISSING)},
            "stories": [
                {"story": r.key, "original": r.original, "versions": {lang: cell(c) for lang, c in r.cells.items()}} for r in self.rows
            ],
        }


def pick_original(versions: list[Story], default_language: str) -> Story:
    """The default language's version if there is a published one, else the earliest dated (then by path)."""
    published = [s for s in versions if not s.draft] or versions
    for story in published:
        if story.lang == default_language:
            return story
    return min(published, key=lambda s: (s.published, s.path))


def coverage(stories: Iterable[Story], languages: tuple[str, ...], changed: dict[str, tuple[dt.datetime, str]]) -> Coverage:
    """One row per story key, one cell per site language; changed maps a story path to when it last changed."""
    by_key: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        by_key[story.key].append(story)
    rows = []
    for key, versions in sorted(by_key.items()):
        original = pick_original(sorted(versions, key=lambda s: s.path), languages[0])
        origin_time = changed.get(original.path, (None, None))[0]
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
        rows.append(Row(key, original.lang, cells))
    return Coverage(tuple(languages), rows)


def table(report: Coverage) -> str:
    """A plain-text table, one story a line, and a closing line with the counts."""
    width = max([len("story"), *(len(r.key) for r in report.rows)])
    lines = [f"{'story':<{width}}  " + "  ".join(f"{lang:<8}" for lang in report.languages)]
    for row in report.rows:
        lines.append(f"{row.key:<{width}}  " + "  ".join(f"{row.cells[lang].status:<8}" for lang in report.languages))
    covered = report.count(ORIGINAL, OK)
    total = len(report.rows) * len(report.languages)
    for row in report.rows:
        for cell in row.cells.values():
            if cell.status == STALE:
                origin = row.cells[row.original]
                lines.append(
                    f"stale: {cell.path} ({cell.known_by} {cell.changed:%Y-%m-%d %H:%M}) is older than "
                    f"{origin.path} ({origin.known_by} {origin.changed:%Y-%m-%d %H:%M})"
                )
    lines.append(
        f"{covered} of {total} versions up to date ({report.percent:.1f}%): {report.count(STALE)} stale, "
        f"{report.count(DRAFT)} draft, {report.count(MISSING)} missing"
    )
    return "\n".join(line.rstrip() for line in lines)


def read_versions(settings: Settings) -> list[Story]:
    """Every story that passes validation, drafts included (the build leaves drafts out; coverage counts them)."""
    root, topics = Path(settings.root), read_topics(settings)[0]
    stories = [load_story(path, root, settings, topics)[0] for path in story_files(settings)]
    return [story for story in stories if story is not None]
