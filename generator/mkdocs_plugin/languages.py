"""The language builds: Material takes one interface language per build, so every language but the default one
is built by a forked process of its own into a hidden folder of site/, and joined into site/<lang>/ at the end.

The default language has most pages: its story pages build in a process of their own too, beside its index
pages, which the `mkdocs` process builds itself (two cores, two builds at once).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import signal
import sys
from collections.abc import Collection
from typing import TYPE_CHECKING, Any, cast

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..build import prepare
from ..model import Settings
from ..rendering import PageSpec, Renderer
from . import warm_build
from .config import project_root, settings_from
from .memory import release_memory
from .search import index_for_search, part_size, parts_dir, sources_dir, write_sources
from .staging import system_error

if TYPE_CHECKING:
    from .plugin import DigestPlugin
    from .warm_build import WarmBuild

log = logging.getLogger("mkdocs.plugins.digest")

# The two parts of the default language: the editors' pages (stories and site pages, which search indexes) and the indexes.
STORIES, INDEXES = "stories", "indexes"
NOTHING = "nothing"  # a warm build's `mkdocs` process, which leaves its pages to a process of their own (they build dirty)
WRITTEN = ("story", "page")  # the kinds of page an editor writes; the STORIES part builds them
# The language a forked child process builds; None in the `mkdocs` process itself. Module state, not
# plugin state: MkDocs keeps plugins that have on_startup alive across loads of mkdocs.yml (serve, nested builds).
_CHILD_LANGUAGE: str | None = None
Child = tuple[str, "str | None", Any]  # language, part, process


def child_language() -> str | None:
    """The language this process builds when it is a language build, else None."""
    return _CHILD_LANGUAGE


def fork(
    config: MkDocsConfig,
    settings: Settings,
    renderer: Renderer,
    nav: dict[str, list[Any]],
    *,
    serving: bool,
    dirty: bool,
    search: bool,
    stage: Any,
    warm: WarmBuild | None = None,
    split_from: int = 200,
) -> tuple[list[Child], str | None]:
    """Start one process per other language, and one for the default language's story pages when it has at least
    `split_from` stories and pages (below that, a process of its own costs more than it spreads; in memory on 2
    cores, one process took 1.47 s and two 1.66 s at 60 such pages, two 3.30 s and one 3.47 s at 300); each
    renders and builds its pages while this one builds the default language's index pages. Returns the children
    and the part this process builds (INDEXES when its stories build beside it, else None).

    A warm build that reuses pages builds the default language's index pages in a process too, since only a
    dirty build leaves pages alone: every process builds dirty, this one nothing (NOTHING)."""
    context: Any = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    default = settings.default_language
    written = len(renderer.by_language.get(default, ())) + len(renderer.site_pages.get(default, ()))
    reusing = warm is not None and warm.reusing
    jobs: list[tuple[str, str | None, str | None]] = (
        [(default, STORIES, config.site_url)] if written and (written >= split_from or reusing) else []
    )
    if reusing:
        jobs.append((default, INDEXES, config.site_url))
    jobs += [(lang, None, language_url(config.site_url, lang)) for lang in settings.languages[1:]]
    children: list[Child] = []
    for lang, part, url in jobs:
        building = building_dir(config.site_dir, lang if part is None else f"{lang}-{part}")
        shutil.rmtree(building, ignore_errors=True)
        final = os.path.join(config.site_dir, lang)
        if part is None and dirty and os.path.isdir(final):  # a dirty build compares with what it built last time
            os.replace(final, building)
        child = context.Process(
            target=build_language,
            name=f"digest-{lang}" + (f"-{part}" if part else ""),
            args=(renderer if context.get_start_method() == "fork" else None, config.config_file_path, lang, nav, building, url),
            kwargs={"strict": config.strict, "serving": serving, "dirty": dirty or reusing, "search": search and part != INDEXES}
            | {"part": part, "warm": warm},
        )
        child.start()
        stage.track(child)
        children.append((lang, part, child))
    return children, (NOTHING if reusing else INDEXES if jobs and jobs[0][1] == STORIES else None)


def join(site_dir: str, children: list[Child], specs: dict[str, PageSpec], languages: list[str], index_here: Any) -> None:
    """Wait for every language build, put the default language's story pages and each language in their place.
    `index_here()` indexes the default language for search when no story process did."""
    release_memory()
    stories = [(lang, child) for lang, part, child in children if part == STORIES]
    indexes = [(lang, child) for lang, part, child in children if part == INDEXES]
    others = [(lang, child) for lang, part, child in children if part is None]
    failed = failed_children(indexes)
    for lang, _ in indexes:
        if lang not in failed:
            merge_tree(building_dir(site_dir, f"{lang}-{INDEXES}"), site_dir)
    failed += failed_children(stories)
    for lang, _ in stories:
        if lang not in failed:
            merge_stories(site_dir, building_dir(site_dir, f"{lang}-{STORIES}"), specs)
    if not stories:
        index_here()
    failed += failed_children(others)
    if failed:
        raise PluginError(f"digest: the build of {', '.join(failed)} failed; see the messages above")
    for lang in languages[1:]:
        final = os.path.join(site_dir, lang)
        shutil.rmtree(final, ignore_errors=True)
        os.replace(building_dir(site_dir, lang), final)


def merge_stories(site_dir: str, building: str, specs: dict[str, PageSpec]) -> None:
    """Move the default language's story pages, built by their own process, into the site."""
    for spec in specs.values():
        if spec.kind in WRITTEN:
            target = os.path.join(site_dir, spec.url, "index.html")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.replace(os.path.join(building, spec.url, "index.html"), target)
    if os.path.isdir(os.path.join(building, "pagefind")):
        shutil.rmtree(os.path.join(site_dir, "pagefind"), ignore_errors=True)
        os.replace(os.path.join(building, "pagefind"), os.path.join(site_dir, "pagefind"))
    shutil.rmtree(building)


def merge_tree(source: str, target: str) -> None:
    """Move everything under `source` into `target`, over what is there, and remove `source`."""
    for entry in os.scandir(source):
        there = os.path.join(target, entry.name)
        if entry.is_dir(follow_symlinks=False) and os.path.isdir(there):
            merge_tree(entry.path, there)
        else:
            os.replace(entry.path, there)
    os.rmdir(source)


def failed_children(children: list[tuple[str, Any]]) -> list[str]:
    """Wait for each child process; the names of those that failed."""
    failed = []
    for name, child in children:
        child.join()
        if child.exitcode != 0:
            failed.append(name)
    return failed


def building_dir(site_dir: str, lang: str) -> str:
    return os.path.join(site_dir, f".digest-{lang}")


def language_url(site_url: str | None, lang: str) -> str | None:
    return (site_url.rstrip("/") + f"/{lang}/") if site_url else None


def index_built(plugin: DigestPlugin, root: str, site_dir: str, lang: str, serving: bool, warm: WarmBuild | None) -> None:
    """Index for search the story pages this process built (in a warm build, with the kept ones' content from the
    cache), and keep that content for the next build: in a language's process, and in the `mkdocs` one when it
    built the default language's stories itself."""
    pages = plugin.searchable if warm is None else warm_build.searchable(warm, lang, plugin.specs, plugin.searchable)
    kept, sources = (folder(root, plugin.config.build_dir, lang, serving) for folder in (parts_dir, sources_dir))
    index_for_search(site_dir, lang, list(pages.values()), sources, part_size(plugin.config.search_part, serving), kept)
    if warm is not None:
        warm_build.save_search(warm, lang, site_dir)


def build_language(
    renderer: Renderer | None,
    config_file: str,
    lang: str,
    nav: dict[str, list[Any]],
    site_dir: str,
    site_url: str | None,
    strict: bool,
    serving: bool,
    dirty: bool,
    search: bool,
    changed: set[str] | None = None,
    feeds_changed: Collection[str] | None = None,
    part: str | None = None,
    warm: WarmBuild | None = None,
) -> None:
    """In a child process: render one language, build it with Material's interface in that language, and index it
    for search. `changed` limits a preview's rebuild to those pages (a dirty build: the others stay as built), and
    `feeds_changed` to those feed folders (None: every feed)."""
    global _CHILD_LANGUAGE
    _CHILD_LANGUAGE = lang
    for number in (signal.SIGINT, signal.SIGTERM):  # stopped by the parent (or Ctrl-C): no traceback of our own
        signal.signal(number, lambda *_: os._exit(1))
    if dirty or changed is not None or part is not None:  # MkDocs warns that a dirty build may leave links stale; the digest chose
        logging.getLogger(mkdocs_build.__module__).addFilter(lambda record: "'dirty' build" not in record.getMessage())
    sub = load_config(config_file=config_file, site_dir=site_dir, site_url=site_url, strict=strict)
    plugin = cast("DigestPlugin", sub.plugins["digest"])
    plugin.nav, plugin.renderer, plugin.changed, plugin.feeds_changed, plugin.part = nav, renderer, changed, feeds_changed, part
    plugin.warm = warm
    if warm is not None:
        warm_build.counting()  # this process's own warnings, not those the `mkdocs` one logged before the fork
    log.info(f"digest: building the '{lang}' site" + (f" ({part})" if part else ""))
    try:
        if renderer is None:  # started by spawn, not fork: nothing was inherited
            plugin.renderer = prepare(settings_from(plugin.config, sub, "serve" if serving else "build")).renderer
        # A part is a dirty build: the pages of the other part are known to MkDocs (the nav links them) but not built.
        mkdocs_build(sub, serve_url=sub.site_url if serving else None, dirty=dirty or part is not None)
        # What Pagefind reads stays in .digest/search-sources/<lang>/ (under serve .digest/search/<lang>/, for the
        # preview's updates, live_search.py): the next build writes only the files that changed.
        sources = sources_dir(project_root(sub), plugin.config.build_dir, lang, serving)
        if search and not (warm is not None and warm_build.reuse_search(warm, lang, site_dir)):
            release_memory()  # before Pagefind, which needs its own (a preview's rebuild runs none, and ends here)
            index_built(plugin, project_root(sub), site_dir, lang, serving, warm)
        elif changed is not None and serving and plugin.config.search:  # a preview's rebuild: the pages it built
            write_sources(sources, lang, list(plugin.searchable.values()))
        if warm is not None:
            warm_build.save_assets(warm, site_dir)
            warm_build.done(warm, f"{lang}-{part}")
    except Exception as err:  # reported here, the parent only sees the exit code
        log.error(f"digest: building '{lang}' failed: {system_error(err) if isinstance(err, OSError) else err}")
        sys.exit(1)
