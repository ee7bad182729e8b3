"""A warm build: which pages an earlier build of the same project made that are still right, pure.

A build leaves a Snapshot of what its pages were made from: everything every page shows (settings but the clock,
topics, interface words, the site's pages, the files published with them, the nav), each story's addresses in
every language, and a print of each page's spec (a digest: the specs themselves, with every story on every card,
are large to keep and slow to read back). The next build compares it with its own (`reusable`): a page whose spec
has the same print, and that shows no story whose addresses changed, comes out the same, so its earlier HTML is
reused.
What is outside the snapshot (templates, mkdocs.yml, the versions of the tools, the project) is in the key that
warm_cache.py checks before a snapshot is used at all.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import io
import os
import pickle
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .attachments import Attachment
from .incremental import addresses, moved_stories, shows_any
from .model import Story
from .rendering import PageSpec, Renderer

FORMAT = 3  # of the snapshot and the cache's layout: a cache of another format is not read
WRITTEN = ("story", "page")  # the kinds of page whose Markdown body MkDocs converts (and checks the links of)
# What can change a page without changing its spec: the tools that turn specs into HTML.
TOOLS = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "jinja2", "babel", "pagefind", "pagefind-bin", "pyyaml")


@dataclass
class Snapshot:
    """What a build's pages were made from, enough to tell which of them the next build can reuse."""

    shared: tuple  # what every page may show
    addresses: dict[str, dict[str, tuple[str, str]]]  # story key -> language -> (file, URL)
    specs: dict[str, list[PageSpec]]  # language -> every page; this build's only (the cache keeps their prints)
    scheduled: frozenset[str]  # keys of the stories dated after the build's moment (marked "Scheduled" when shown)
    prints: dict[str, dict[str, tuple[str, bytes]]] = field(default_factory=dict)  # language -> docs path -> (kind, print)


def snapshot(renderer: Renderer, nav: dict[str, list[Any]]) -> Snapshot:
    """The snapshot of a build by this renderer with this nav."""
    settings = renderer.settings
    attached = {path: [published(a, settings.root) for a in files] for path, files in renderer.attachments.items() if files}
    words = {lang: renderer.strings[lang].key() for lang in settings.languages}
    # Of the site's pages, what other pages show (tabs, links, redirects); a page's own text is in its own spec.
    pages = {lang: tuple(replace(page, body="", summary="") for page in items) for lang, items in renderer.site_pages.items()}
    now = settings.current_time()
    specs = {lang: list(renderer.specs(lang)) for lang in settings.languages}
    return Snapshot(
        shared=(replace(settings, now=None, root=""), renderer.topics, words, pages, attached, nav),
        addresses=addresses(renderer),
        specs=specs,
        scheduled=frozenset(story.key for story in renderer.story_urls if story.published > now),
        prints=fingerprints(specs),
    )


def saved(snapshot: Snapshot) -> Snapshot:
    """What the cache keeps of a snapshot: all but the specs themselves, which their prints stand for."""
    return replace(snapshot, specs={})


def story_print(digest: bytes) -> bytes:
    """What a story stands for in a page's print: a digest of the story (the printer never calls this)."""
    return digest


class SpecPrinter(pickle.Pickler):
    """Pickles a page spec with each story it shows as a digest of the story (a story is on hundreds of pages).
    A dispatch table, so that the pickler calls back into Python for stories only, not for every object."""

    def __init__(self, file: io.BytesIO, stories: dict[int, bytes]) -> None:
        super().__init__(file, protocol=5)
        self.stories = stories
        self.dispatch_table = {Story: self.story}

    def story(self, obj: Story) -> tuple[Any, tuple[bytes]]:
        found = self.stories.get(id(obj))
        if found is None:
            found = self.stories[id(obj)] = hashlib.sha256(pickle.dumps(obj, protocol=5)).digest()
        return story_print, (found,)


def fingerprints(specs: dict[str, list[PageSpec]]) -> dict[str, dict[str, tuple[str, bytes]]]:
    """Each page's kind and a digest of its spec: the same spec, built again, gives the same digest (one that
    differs only makes a page build again, never keeps a wrong one)."""
    stories: dict[int, bytes] = {}
    prints: dict[str, dict[str, tuple[str, bytes]]] = {}
    buffer = io.BytesIO()
    printer = SpecPrinter(buffer, stories)
    for lang, items in specs.items():
        prints[lang] = {}
        for spec in items:
            buffer.seek(0)
            buffer.truncate()
            printer.clear_memo()
            printer.dump(spec)
            prints[lang][spec.path] = (spec.kind, hashlib.sha256(buffer.getbuffer()).digest())
    return prints


def published(attachment: Attachment, root: str) -> Attachment:
    """What a page shows of a file published with it: not where the project is, nor when the file was last changed
    (a fresh checkout, or a restored CI cache, changes that without changing a byte)."""
    return replace(attachment, source=os.path.relpath(attachment.source, root), stamp=(0, attachment.stamp[1]))


def reusable(old: Snapshot, new: Snapshot) -> dict[str, set[str]] | None:
    """The docs paths of each language whose earlier output is still right; None when every page may differ.

    A page is built again when its spec's print differs, when it shows a story one of whose language versions moved
    (or that became due, or was scheduled again), and, after any story moved, came or went, when its body links to a
    Markdown file: the link's target, or MkDocs' check of it, may have changed. A story that came or went changes
    the spec of every page that shows it."""
    if old.shared != new.shared:
        return None
    changed = {key for key in old.addresses.keys() | new.addresses.keys() if old.addresses.get(key) != new.addresses.get(key)}
    due = set(old.scheduled ^ new.scheduled)
    moved = moved_stories(old.addresses, new.addresses) | due
    kept = {}
    for lang, specs in new.specs.items():
        was, now = old.prints.get(lang, {}), new.prints[lang]
        kept[lang] = {
            spec.path
            for spec in specs
            if was.get(spec.path) == now[spec.path] and not shows_any(spec, moved) and not ((changed or due) and links_to_files(spec))
        }
    return kept


def same_indexes(old: Snapshot, new: Snapshot, kept: dict[str, set[str]]) -> tuple[set[str], set[str]]:
    """The languages whose feeds, and those whose search index, come out as the earlier build's: no story (for
    the feeds), no story or page (for search) built again, added or removed."""
    feeds, search = set(), set()
    for lang, specs in new.specs.items():
        now = {spec.path: spec.kind for spec in specs if spec.kind in WRITTEN}
        was = {path: kind for path, (kind, _) in old.prints.get(lang, {}).items() if kind in WRITTEN}
        rebuilt = {path: kind for path, kind in now.items() if path not in kept.get(lang, set())}
        removed = {path: kind for path, kind in was.items() if path not in now}
        if "story" not in rebuilt.values() and "story" not in removed.values():
            feeds.add(lang)
        if not rebuilt and not removed:
            search.add(lang)
    return feeds, search


def links_to_files(spec: PageSpec) -> bool:
    """Whether a page's Markdown may link to another page's file (`../other.en.md`)."""
    return spec.kind in WRITTEN and ".md" in str(spec.context.get("body", ""))


def folder_digest(folder: Path, digest: Any) -> None:
    """Every file under a folder, by its path and bytes, into a hash (nothing when the folder is absent)."""
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def cache_key(folders: dict[str, Path], config: str) -> str:
    """The key an earlier build's pages are kept under: the cache's format, Python and the tools' versions, this
    package's own files (its code, templates and words: an edit of a checkout counts too), the given folders (the
    site's templates and theme overrides, by name) and the loaded configuration, as text. Not the project's place:
    a project moved or copied with its .digest/ keeps it."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{config}\0".encode())
    for name in TOOLS:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name}=-\0".encode())
    folder_digest(Path(__file__).parent, digest)
    for name, folder in folders.items():
        digest.update(f"{name}\0".encode())
        folder_digest(folder, digest)
    return digest.hexdigest()
