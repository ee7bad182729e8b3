"""Under `mkdocs serve`: the search index of each language an edit changed, rebuilt in the background.

Pagefind has no incremental update, so a language's index is made again from the content of all its searchable
pages, which every build under serve keeps in .digest/search/<lang>/ (search.py; a preview's rebuild rewrites
the pages it built). Under serve the index is in parts of at most PREVIEW_PART pages, a few months each, kept in
.digest/search-parts-preview/<lang>/: an edit's update runs Pagefind on the part of the story it changed, and
takes the others as they were. The work starts once the preview's pages are written, so MkDocs reloads the browsers at
once; Pagefind writes the new index beside the served one, and the two folders change places in one step, so a
search never reads half an index. One thread per language runs Pagefind at most once at a time; an edit that
arrives meanwhile stops the run, which is done again after that edit's rebuild: the newest content wins.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from .search import index_folder

log = logging.getLogger("mkdocs.plugins.digest")
Job = tuple[str, str, str]  # the folder of a language's pages for Pagefind, the index folder the site serves, its kept parts
NEXT = ".digest-pagefind-next"  # the new index, beside the served one until the two change places


class SearchUpdates:
    """The background updates of the preview's search: `hold()` before a rebuild, `release(jobs)` after it."""

    def __init__(self, part: int) -> None:
        self.part = part  # pages to a Pagefind run (search.py)
        self.cond = threading.Condition()
        self.wanted: dict[str, Job] = {}  # language -> its job, waiting for its thread
        self.running: set[str] = set()
        self.held = False
        self.epoch = 0  # one more at each hold(): a run started before it is stale
        self.threads: dict[str, threading.Thread] = {}
        self.fresh: dict[str, set[str]] = {}  # index folder -> the files the last update wrote there

    def hold(self, seconds: float = 60) -> None:
        """Stop the runs under way (each is done again at release) before a build writes the pages they read."""
        with self.cond:
            self.held, self.epoch = True, self.epoch + 1
            self.cond.wait_for(lambda: not self.running, timeout=seconds)

    def release(self, jobs: dict[str, Job], built_all: bool = False) -> None:
        """Update the index of these languages, and of those whose runs hold() stopped, unless a full build
        (`built_all`) made every index anew."""
        with self.cond:
            if built_all:
                self.wanted.clear()
                self.fresh.clear()
            self.wanted.update(jobs)
            self.held = False
            for lang in self.wanted:
                if lang not in self.threads or not self.threads[lang].is_alive():
                    self.threads[lang] = threading.Thread(target=self.work, args=(lang,), name=f"digest-search-{lang}", daemon=True)
                    self.threads[lang].start()
            self.cond.notify_all()

    def work(self, lang: str) -> None:
        """One language's thread: index each time its job is wanted, for as long as serve runs."""
        while True:
            with self.cond:
                self.cond.wait_for(lambda: not self.held and lang in self.wanted)
                job, epoch = self.wanted.pop(lang), self.epoch
                self.running.add(lang)

            def stale(epoch: int = epoch) -> bool:  # a hold() since, or a newer job for the language
                return self.epoch != epoch or lang in self.wanted

            count = None
            try:
                count = self.index(job, stale)
            except Exception as err:  # logged, and serve goes on with the index it has
                log.error(f"digest: the search index of {lang} was not updated: {err}")
            with self.cond:
                self.running.discard(lang)
                if count is None and self.epoch != epoch:  # stopped by hold(): again after the rebuild
                    self.wanted.setdefault(lang, job)
                self.cond.notify_all()
            if count is not None:
                log.info(f"digest: search index of {lang} updated ({count} pages)")

    def index(self, job: Job, stale: Callable[[], bool]) -> int | None:
        """Index the job's pages into a folder beside its index, and put it in the index's place unless stale()
        by then. The number of pages indexed; None when stale."""
        source, output, kept = job
        pages = sum(1 for _ in Path(source).rglob("index.html"))
        if not pages:  # no searchable page left in the language (or none kept yet): the index stays as it is
            return None
        following = os.path.join(os.path.dirname(output), NEXT)
        shutil.rmtree(following, ignore_errors=True)
        try:
            if not index_folder(source, following, stop=stale, part=self.part, kept=kept):
                return None
            made = files_in(following)
            keep_for_open_pages(output, following, self.fresh.get(output), made)
            with self.cond:  # hold() cannot begin between the check and the exchange
                if stale():
                    return None
                exchange(following, output)
                self.fresh[output] = made
            return pages
        finally:
            shutil.rmtree(following, ignore_errors=True)  # what stayed of a stale run, or the old index


def files_in(folder: str) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in Path(folder).rglob("*") if path.is_file()}


def keep_for_open_pages(output: str, following: str, fresh: set[str] | None, made: set[str]) -> None:
    """A page opened before the update has read the old pagefind-entry.json and asks for the old index's chunks
    (their names are hashes of their content): the new folder keeps the chunks of the update before it (all
    files of a full build's index), as links, so that page's searches still work."""
    previous = files_in(output) if fresh is None and os.path.isdir(output) else (fresh or set())
    for name in previous - made:
        old, new = os.path.join(output, name), os.path.join(following, name)
        os.makedirs(os.path.dirname(new), exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            try:
                os.link(old, new)
            except OSError:  # a file system without hard links
                shutil.copy2(old, new)


def _renameat2() -> Callable[..., int] | None:
    try:
        return getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    except (OSError, TypeError):  # no C library to load by that name (Windows)
        return None


RENAMEAT2 = _renameat2()
AT_FDCWD, RENAME_EXCHANGE = -100, 2  # <fcntl.h>, <linux/fs.h>


def exchange(new: str, old: str) -> None:
    """The folder `new` takes the place of `old` and `old` that of `new`: in one step where Linux allows
    (renameat2 with RENAME_EXCHANGE), so that no request finds the index missing; else by two renames."""
    if RENAMEAT2 is not None and os.path.isdir(old):
        if RENAMEAT2(AT_FDCWD, os.fsencode(new), AT_FDCWD, os.fsencode(old), RENAME_EXCHANGE) == 0:
            return
    aside = new + "-old"
    shutil.rmtree(aside, ignore_errors=True)
    if os.path.isdir(old):
        os.replace(old, aside)
    os.replace(new, old)
    if os.path.isdir(aside):
        os.replace(aside, new)
