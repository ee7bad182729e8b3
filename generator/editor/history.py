"""When each story file last changed: its `updated:` field, else git history, else the file's mtime."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

from ..model import Story


def git_times(root: Path, folder: str) -> tuple[dict[str, dt.datetime], set[str]]:
    """Last commit time of every file under folder (root-relative paths), and the files changed since.

    Both are empty when root is not in a git work tree or git is missing: the caller falls back to mtimes.
    """

    def git(*args: str) -> str | None:
        try:
            run = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return run.stdout if run.returncode == 0 else None

    prefix = git("rev-parse", "--show-prefix")
    log = git("log", "--format=%x00%ct", "--name-only", "--no-renames", "--", folder) if prefix is not None else None
    if prefix is None or log is None:
        return {}, set()
    # git prints paths relative to the top of the work tree; root may be a folder inside it.
    prefix = prefix.strip()
    times: dict[str, dt.datetime] = {}
    for entry in log.split("\0")[1:]:
        stamp, _, names = entry.partition("\n")
        when = dt.datetime.fromtimestamp(int(stamp.strip()), dt.UTC)
        for name in names.split("\n"):
            if name.startswith(prefix) and name.strip():
                times.setdefault(name[len(prefix) :], when)  # newest commit first
    status = git("status", "--porcelain", "-z", "--untracked-files=all", "--", folder) or ""
    changed = {item[3:].removeprefix(prefix) for item in status.split("\0") if len(item) > 3}
    return times, changed


def as_time(value: object, zone: str) -> dt.datetime | None:
    """An `updated:` value as an aware time; a plain date is midnight in the site's time zone."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=ZoneInfo(zone))
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(), ZoneInfo(zone))
    if isinstance(value, str):
        try:
            return as_time(dt.datetime.fromisoformat(value.strip()), zone)
        except ValueError:
            return None
    return None


def modified_times(stories: Iterable[Story], root: Path, content_dir: str, zone: str) -> dict[str, tuple[dt.datetime, str]]:
    """Story path -> (when it last changed, how we know: 'updated', 'git' or 'mtime')."""
    commits, changed = git_times(root, content_dir)
    found: dict[str, tuple[dt.datetime, str]] = {}
    for story in stories:
        updated = as_time(story.extra.get("updated"), zone)
        if updated is not None:
            found[story.path] = (updated, "updated")
        elif story.path in commits and story.path not in changed:
            found[story.path] = (commits[story.path], "git")
        else:  # never committed, or edited since the last commit: the file itself knows best
            mtime = os.stat(root / story.path).st_mtime
            found[story.path] = (dt.datetime.fromtimestamp(mtime, dt.UTC), "mtime")
    return found
