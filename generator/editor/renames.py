"""Story and page files that moved since the last commit, and the `aliases:` line that keeps their old address.

Git sees a rename only once both sides are staged; an editor who renamed a file in a file manager has a
deleted file and a new one. So a deleted file is matched to a new one by what it is: the same story key and
language, or a page of the same language with the same title (else, for either, a body that is mostly the same).
"""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

from ..build import load_page, load_story
from ..front_matter import parse_front_matter
from ..loading import Document, split_front_matter
from ..model import Settings, SitePage, Story
from ..site_pages import check_page, is_page_file
from ..topics import read_topics
from ..urls import page_url, story_url
from ..validation import check_story

Item = Story | SitePage


def git(root: Path, *args: str) -> str | None:
    try:
        run = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return run.stdout if run.returncode == 0 else None


def moved(settings: Settings) -> list[tuple[str, Item, str]]:
    """(old path, the file now, the address it had) for each story or page whose address a move changed."""
    root, content = Path(settings.root), settings.content_dir
    changes, prefix = (
        git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", content),
        git(root, "rev-parse", "--show-prefix"),
    )
    if changes is None or prefix is None:
        return []
    prefix = prefix.strip()  # porcelain paths start at the top of the repository; the project may be a folder in it
    gone, new = [], []
    entries = iter(changes.split("\0"))
    for entry in entries:
        status, path = entry[:2], entry[3:].removeprefix(prefix)
        if status.startswith("R"):  # a staged rename: "R  new", then the old path
            gone.append(next(entries, "").removeprefix(prefix))
            new.append(path)
        elif "D" in status:
            gone.append(path)
        elif status in ("??", "A ", "AM"):
            new.append(path)
    now = [item for item in (read_now(root / path, settings) for path in new if path.endswith(".md")) if item is not None]
    found = []
    for old_path in (path for path in gone if path.endswith(".md")):
        old = read_old(root, prefix, old_path, settings)
        match = next((item for item in now if old is not None and same(old, item)), None)
        if old is not None and match is not None and address(old, settings) != address(match, settings):
            found.append((old_path, match, address(old, settings)))
    return found


def read_now(path: Path, settings: Settings) -> Item | None:
    if is_page_file(path, settings):
        return load_page(path, Path(settings.root), settings)[0]
    return load_story(path, Path(settings.root), settings, read_topics(settings)[0])[0]


def read_old(root: Path, prefix: str, rel: str, settings: Settings) -> Item | None:
    """The file as the last commit has it, checked as the build would."""
    text = git(root, "show", f"HEAD:{prefix}{rel}")
    front, body, body_line, _ = split_front_matter(text or "", rel)
    if front is None:
        return None
    values, lines, _ = parse_front_matter(front, rel)
    document = Document(rel, values, lines, body, body_line)
    if is_page_file(root / rel, settings):
        return check_page(document, settings)[0]
    return check_story(document, settings, read_topics(settings)[0])[0]


def same(old: Item, new: Item) -> bool:
    if type(old) is not type(new) or old.lang != new.lang:
        return False
    if isinstance(old, Story) and isinstance(new, Story) and old.key == new.key:
        return True
    return old.title == new.title or difflib.SequenceMatcher(None, old.body, new.body).quick_ratio() > 0.8


def address(item: Item, settings: Settings) -> str:
    """The item's address within its language, as `aliases:` takes it."""
    url = story_url(item, settings) if isinstance(item, Story) else page_url(settings, item.lang, "page", item.name)
    return url[len(settings.language_prefix(item.lang)) :]


def notes(settings: Settings) -> list[str]:
    """What `digest check` says of each moved file whose old address is not kept yet."""
    return [
        f"{item.path}: moved from {old_path}, so its address changed; to keep the old one working, add: aliases: [{old}]"
        for old_path, item, old in moved(settings)
        if old not in item.aliases
    ]
