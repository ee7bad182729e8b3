"""The warm build's cache, .digest/warm/: what the last complete build made, for the next build to reuse.

    manifest.json                   written last: the format, the key, the size and time of every file below
    snapshot.pickle                 what the pages were made from (warm.Snapshot)
    stories.pickle                  every story and page file as read and checked, by its content (caching.ContentCache)
    pages/<lang>/<hash>.html        each page as the build wrote it, named by a hash of its docs path (one folder)
    feeds/<lang>/, emails/<lang>/   each feed and each issue's email edition, at its path in the language's site
    search/<lang>.pickle            what Pagefind indexed of each story and page: docs path -> (URL in the language, HTML)
    pagefind/<lang>/                the language's search index as Pagefind wrote it

A build writes the next cache into a folder of its own beside it (`warm.new-<pid>`) and puts it in place only
after the site is complete and nothing warned, so a build that failed, was stopped or warned leaves no cache
(the next build is cold, and shows the same warnings). A cache that is absent, incomplete, unreadable, of another
format, or made under another key (another project, configuration, template or tool version) is not used.
Pages and indexes are hard links to the files in site/ (copies where the file system has no links): a file made
is not made twice, which is most of what saving the cache costs. A file changed in place after the build (by a
tool that rewrites site/) changes the cache's file too, so the manifest keeps each file's size and modification
time to the nanosecond: a cache file that differs from it makes the next build a cold one.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .caching import ContentCache
from .warm import FORMAT, Snapshot, saved

MANIFEST, SNAPSHOT, STORIES = "manifest.json", "snapshot.pickle", "stories.pickle"
Search = dict[str, tuple[str, str]]  # docs path -> (URL within the language, the HTML Pagefind indexes)


@dataclass
class Earlier:
    """A usable cache: its folder, the snapshot of the build that made it, and what that build indexed for search."""

    folder: Path
    snapshot: Snapshot
    search: dict[str, Search]
    stories: ContentCache
    files: dict[str, list[int]]  # the manifest's size and time of each file


def page_name(folder: str, lang: str, docs_path: str) -> str:
    """Where the cache keeps a page: all of a language's pages in one folder (a folder per page costs a file each),
    named by a hash of its docs path. A string, not a Path: it runs for every page of a build."""
    return os.path.join(folder, "pages", lang, hashlib.sha256(docs_path.encode()).hexdigest()[:32] + ".html")


def stamp(path: str | Path) -> list[int]:
    """What the manifest keeps of a file to tell that it is still the one saved: its size and modification time."""
    status = os.stat(path)
    return [status.st_size, status.st_mtime_ns]


def tree(folder: Path, kind: str, lang: str) -> Path:
    """Where the cache keeps a language's feeds, email editions or search index (kind: feeds, emails, pagefind)."""
    return folder / kind / lang


def link_tree(source: str | Path, target: str | Path, ignore: Callable[[str, list[str]], Iterable[str]] | None = None) -> None:
    """A folder's files into another as hard links (copies where the file system has none); `ignore` as copytree's."""
    shutil.copytree(source, target, ignore=ignore, copy_function=link_or_copy, dirs_exist_ok=True)


def link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def search_file(folder: Path, lang: str) -> Path:
    return folder / "search" / f"{lang}.pickle"


def load(folder: Path, key: str) -> tuple[Earlier | None, str]:
    """The cache in `folder` when it is complete and was made under `key`; else None, and why not."""
    manifest = folder / MANIFEST
    if not folder.exists():
        return None, "no earlier build to reuse"
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
            return None, "the earlier build was made by another version, project, configuration or template"
        top = str(folder)
        for name, saved in data["files"].items():
            if stamp(os.path.join(top, name)) != saved:
                return None, f"the earlier build's {name} changed"
        with open(folder / SNAPSHOT, "rb") as handle:
            snapshot = pickle.load(handle)
        search = {}
        for lang in data["search"]:
            with open(search_file(folder, lang), "rb") as handle:
                search[lang] = pickle.load(handle)
        with open(folder / STORIES, "rb") as handle:
            stories = pickle.load(handle)
        if (
            not isinstance(snapshot, Snapshot)
            or not isinstance(stories, ContentCache)
            or not all(isinstance(p, dict) for p in search.values())
        ):
            raise ValueError("not a snapshot")
    except Exception as err:  # anything a damaged file can raise while it is read or unpickled
        return None, f"the earlier build's cache is damaged or incomplete ({type(err).__name__}: {err})"
    return Earlier(folder, snapshot, search, stories, data["files"]), ""


def begin(folder: Path) -> Path:
    """A new, empty folder for the next cache beside `folder`; those left by builds no longer running are removed."""
    pattern = re.compile(rf"^{re.escape(folder.name)}\.(new|old)-(\d+)$")
    for entry in folder.parent.iterdir() if folder.parent.is_dir() else []:
        match = pattern.match(entry.name)
        if match and not running(int(match.group(2))):
            shutil.rmtree(entry, ignore_errors=True)
    new = folder.with_name(f"{folder.name}.new-{os.getpid()}")
    shutil.rmtree(new, ignore_errors=True)
    new.mkdir(parents=True)
    return new


def running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a folder of this process's own, from an earlier build in it: not in use any more
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_search(new: Path, lang: str, pages: Search) -> None:
    """What a language's build indexed for search (written by that language's process)."""
    target = search_file(new, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{target}.part", "wb") as handle:
        pickle.dump(pages, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(f"{target}.part", target)


def save(
    new: Path,
    key: str,
    snapshot: Snapshot,
    site_dir: str,
    earlier: Earlier | None = None,
    kept: dict[str, set[str]] | None = None,
) -> None:
    """Fill the new cache with every page of the finished site (linked to the file in site_dir), beside the
    snapshot and stories save_plan wrote, then write the manifest, which makes it a cache. With the earlier cache
    and the pages kept from it, its pages' folders are taken over (renamed): only the pages built again are linked
    (the earlier cache is then no longer one)."""
    files: dict[str, list[int]] = {}
    if earlier is not None:
        (earlier.folder / MANIFEST).unlink(missing_ok=True)
    for lang, specs in snapshot.specs.items():
        files |= save_pages(
            new, lang, specs, site_dir, earlier if kept and kept.get(lang) else None, kept.get(lang, set()) if kept else set()
        )
    for where, folders, names in os.walk(new):
        if where == str(new):
            folders[:] = [name for name in folders if name != "pages"]
        for name in names:
            path = os.path.join(where, name)
            files[os.path.relpath(path, new).replace(os.sep, "/")] = stamp(path)
    search = sorted(path.stem for path in (new / "search").glob("*.pickle")) if (new / "search").is_dir() else []
    manifest = {"format": FORMAT, "key": key, "search": search, "files": files}
    (new / MANIFEST).write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")


def save_plan(new: Path, snapshot: Snapshot, stories: ContentCache) -> None:
    """Into the new cache: what the next build compares its own with, the snapshot, and the stories as read and
    checked. Written while the language builds run (warm_build.restore), before save()."""
    with open(new / SNAPSHOT, "wb") as handle:
        pickle.dump(saved(snapshot), handle, protocol=pickle.HIGHEST_PROTOCOL)
    with open(new / STORIES, "wb") as handle:
        pickle.dump(stories, handle, protocol=pickle.HIGHEST_PROTOCOL)


def save_pages(new: Path, lang: str, specs: list, site_dir: str, earlier: Earlier | None, kept: set[str]) -> dict[str, list[int]]:
    """A language's pages into the new cache, linked to site_dir's files; the earlier cache's taken over when given,
    so that only the pages built again are linked (and those gone removed). Their manifest entries."""
    reused = take_pages(earlier, new, lang) if earlier is not None else set()
    folder = new / "pages" / lang
    folder.mkdir(parents=True, exist_ok=True)
    files, names = {}, set()
    for spec in specs:
        target = page_name(str(new), lang, spec.path)
        base = os.path.basename(target)
        name = f"pages/{lang}/{base}"
        names.add(base)
        if earlier is not None and spec.path in kept and base in reused:  # the same file as the one in site/
            files[name] = earlier.files[name]
            continue
        if base in reused:
            os.unlink(target)
        link_or_copy(os.path.join(site_dir, spec.url, "index.html"), target)
        files[name] = stamp(target)
    for gone in reused - names:
        (folder / gone).unlink()
    return files


def take_pages(earlier: Earlier, new: Path, lang: str) -> set[str]:
    """Move the earlier cache's pages of a language into the new cache; the names of the files moved."""
    source, target = earlier.folder / "pages" / lang, new / "pages" / lang
    if not source.is_dir():
        return set()
    target.parent.mkdir(parents=True, exist_ok=True)
    os.rename(source, target)
    return set(os.listdir(target))


def commit(new: Path, folder: Path, discard: Callable[[Path], None] | None = None) -> None:
    """Put the new cache in the old one's place; the old one goes to `discard` (by default it is removed)."""
    old = folder.with_name(f"{folder.name}.old-{os.getpid()}")
    if folder.exists():
        os.rename(folder, old)
    os.rename(new, folder)
    if discard is not None and old.exists():
        discard(old)
    else:
        shutil.rmtree(old, ignore_errors=True)
