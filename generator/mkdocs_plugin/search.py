"""Search: each language's story pages indexed by Pagefind, with word-form stemming per <html lang>.

Pagefind holds everything it indexes in memory until it writes the index: about 130 KB for a story of 250
words, 800 MB for 6,000 such stories. So a language with many stories is indexed in parts of at most
`search_part` pages (1,000 by default), one Pagefind run after the other, each a whole months' worth of stories:
the first part is the language's pagefind/ bundle, the others go in pagefind/part-2/, part-3/ ..., named in
pagefind/digest-parts.json, and the search box merges them (Pagefind's mergeIndex).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable

from mkdocs.exceptions import PluginError

from . import parts_cache

PART = 1_000  # pages to a Pagefind run: about 135 MB of its memory
PREVIEW_PART = 200  # under serve: an edit's update indexes again the part of its story, a few months, not the language
PARTS = "digest-parts.json"  # in a language's pagefind/: the folders of its other parts, for the search box
GLOB_SPECIAL = re.compile(r"[][{}*?,!\\]")  # a folder with these in its name is not put in a glob: one part then


def index_for_search(
    site_dir: str, lang: str, pages: list[tuple[str, str]], source: str | None = None, part: int = PART, kept: str | None = None
) -> None:
    """Index a language's story pages with Pagefind into site_dir/pagefind/.

    Pagefind reads each story's content, not the whole themed page: a small HTML file per story, in a folder laid
    out like the site so that the URLs come out the same. Without stories, it reads the site. That folder is
    `source`, kept from one build to the next (sources_dir): a file already right is not written again. Under serve,
    the preview's search updates (live_search.py) index it again after each edit. `kept`: where the parts of the
    index stay for the next build (index_folder)."""
    if not pages:
        run_pagefind(site_dir, os.path.join(site_dir, "pagefind"), glob="{index.html,[!.]*/**/index.html}")
        write_parts(os.path.join(site_dir, "pagefind"), 1)
        return
    folder = source or os.path.join(site_dir, ".digest-search")
    try:
        sync_sources(folder, lang, pages)
        index_folder(folder, os.path.join(site_dir, "pagefind"), part=part, kept=kept)
    finally:
        if source is None:
            shutil.rmtree(folder, ignore_errors=True)


def source_html(lang: str, content: str) -> bytes:
    """What Pagefind reads of a page: its content in a small HTML file."""
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head>'
        f"<body><main data-pagefind-body>{content}</main></body></html>"
    ).encode()


def write_sources(folder: str, lang: str, pages: list[tuple[str, str]]) -> None:
    """What Pagefind reads of each page, at the page's URL within `folder`."""
    for url, content in pages:
        target = os.path.join(folder, url, "index.html")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(source_html(lang, content))


def sync_sources(folder: str, lang: str, pages: list[tuple[str, str]]) -> None:
    """Make `folder` hold what Pagefind reads of exactly these pages: a file whose bytes are already right is left
    as it is (making files is most of what writing them costs), and those of pages no longer there are removed."""
    wanted = {os.path.normpath(os.path.join(folder, url, "index.html")) for url, _ in pages}
    for where, _, names in os.walk(folder, topdown=False):
        for name in names:
            if os.path.normpath(os.path.join(where, name)) not in wanted:
                os.remove(os.path.join(where, name))
        if where != folder and not os.listdir(where):
            os.rmdir(where)
    for url, content in pages:
        target, data = os.path.join(folder, url, "index.html"), source_html(lang, content)
        try:
            if os.path.getsize(target) == len(data):
                with open(target, "rb") as handle:
                    if handle.read() == data:
                        continue
        except OSError:  # not there yet
            pass
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(data)


def index_folder(source: str, output: str, stop: Callable[[], bool] | None = None, part: int = PART, kept: str | None = None) -> bool:
    """Index the pages in `source` into `output`, in parts when there are many (see above). False when stop()
    stopped it (the output is then incomplete). With `kept`, a folder of earlier parts' indexes by what they
    indexed: a part whose pages are the same as then is copied from there, not indexed again."""
    parts = share_out(source, part)
    used = set()
    for number, (glob, files) in enumerate(parts, start=1):
        target = output if number == 1 else os.path.join(output, f"part-{number}")
        key = part_key(source, glob, files) if kept else ""
        used.add(key)
        if kept and parts_cache.restore(os.path.join(kept, key), target):
            continue
        if not run_pagefind(source, target, glob=glob, stop=stop):
            return False
        if kept:
            parts_cache.save(target, os.path.join(kept, key))
    write_parts(output, len(parts))
    if kept:
        parts_cache.keep_only(kept, used)
    return True


def part_key(source: str, glob: str, files: list[str]) -> str:
    """What a part's index is made of: Pagefind's version, the glob and the bytes of each page it reads."""
    digest = hashlib.sha256(f"{' '.join(pagefind_command())}\0{version('pagefind')}\0{glob}\0".encode())
    for name in files:
        with open(os.path.join(source, name), "rb") as handle:
            digest.update(name.encode() + b"\0" + handle.read() + b"\0")
    return digest.hexdigest()


def version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def write_parts(output: str, count: int) -> None:
    """The folders of a language's other index parts, for the search box."""
    with open(os.path.join(output, PARTS), "w", encoding="utf-8") as handle:
        json.dump([f"part-{number}/" for number in range(2, count + 1)], handle)


def share_out(source: str, limit: int) -> list[tuple[str, list[str]]]:
    """Pagefind globs that share out the pages in `source`, a month (YYYY/MM/) or another top folder at a time,
    in order, at most `limit` pages to a glob unless one month alone has more; with each glob, its pages' files."""
    units: dict[str, list[str]] = {}
    for folder, _, files in sorted(os.walk(source)):
        if "index.html" in files:
            parts = os.path.relpath(folder, source).replace(os.sep, "/").split("/")
            unit = "/".join(parts[:2]) if parts[0].isdigit() else parts[0]
            units.setdefault(unit, []).append("/".join([*parts, "index.html"]))
    everything = [name for names in units.values() for name in names]
    if len(everything) <= limit or any(GLOB_SPECIAL.search(unit) for unit in units):
        return [("**/index.html", everything)]
    groups: list[list[str]] = [[]]
    size = 0
    for unit, names in units.items():
        if groups[-1] and size + len(names) > limit:
            groups.append([])
            size = 0
        groups[-1].append(unit)
        size += len(names)
    globs = [(group[0] if len(group) == 1 else "{" + ",".join(group) + "}") + "/**/index.html" for group in groups]
    return [(glob, [name for unit in group for name in units[unit]]) for glob, group in zip(globs, groups, strict=True)]


def parts_dir(root: str, build_dir: str, lang: str, serving: bool = False) -> str:
    """Where a language's search index parts stay from one build to the next (the preview's apart: its parts are
    smaller, and each would remove the other's)."""
    return os.path.join(root, build_dir, "search-parts-preview" if serving else "search-parts", lang)


def part_size(configured: int, serving: bool) -> int:
    """Pages to a Pagefind run: `search_part`, and under serve at most PREVIEW_PART."""
    return min(configured, PREVIEW_PART) if serving else configured


def sources_dir(root: str, build_dir: str, lang: str, serving: bool = True) -> str:
    """Where a language's pages for Pagefind stay between builds: the preview's apart from the builds' (a preview
    shows drafts)."""
    return os.path.join(root, build_dir, "search" if serving else "search-sources", lang)


def pagefind_command() -> list[str]:
    """Pagefind's own binary (pagefind_bin's public get_executable), not `python -m pagefind`, which starts
    Python only to exec it: 0.1 s per language."""
    try:
        from pagefind_bin import get_executable

        return [str(get_executable())]
    except Exception:  # another packaging of Pagefind: its module knows where the binary is
        return [sys.executable, "-m", "pagefind"]


def run_pagefind(site_dir: str, output: str, glob: str = "**/index.html", stop: Callable[[], bool] | None = None) -> bool:
    """Run Pagefind on site_dir into output. With `stop`, in the background: at a lower priority, and stopped
    (returning False, the output incomplete) as soon as stop() is true."""
    command = [*pagefind_command(), "--site", site_dir, "--output-path", output, "--glob", glob, "--quiet"]
    if stop is not None and shutil.which("nice"):
        command = ["nice", "-n", "10", *command]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        while True:
            try:  # retrying communicate() after its timeout loses no output
                stdout, stderr = process.communicate(timeout=None if stop is None else 0.1)
                break
            except subprocess.TimeoutExpired:
                if stop is not None and stop():
                    process.kill()
                    process.communicate()
                    return False
    if process.returncode < 0:  # killed: a full disk or a size limit (SIGXFSZ), memory, or someone's kill
        stopped = signal.Signals(-process.returncode).name
        raise PluginError(f"digest: Pagefind was stopped by {stopped} while writing the search index to {output}")
    if process.returncode != 0:
        raise PluginError(f"digest: Pagefind could not index the site ({output}):\n{stdout}{stderr}")
    return True
