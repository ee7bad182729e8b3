"""A warm `mkdocs build`: the pages whose inputs did not change since the last complete build are not rendered
again; their HTML comes from the cache that build left in .digest/warm/ (the core's warm.py decides which,
warm_cache.py keeps them).

Every process of the build gets the WarmBuild (the language builds are forked from the `mkdocs` one): each
builds its pages with MkDocs' dirty machinery, the reused ones as KeptFiles that the `mkdocs` process links from
the cache meanwhile, and
indexes its language for search from the content of every story, the reused ones' read from the cache (Pagefind
has no incremental update). At the end the `mkdocs` process saves the finished site as the next cache; a build
that fails, or warns (in any process), saves none, so that the next build is cold and warns the same.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import warm, warm_cache
from ..caching import ContentCache
from ..model import Settings
from ..rendering import PageSpec, Renderer, email
from ..urls import checked_path
from .warm_key import Previous

log = logging.getLogger("mkdocs.plugins.digest")


class WarningCount(logging.Handler):
    """Counts the warnings MkDocs' loggers emit in this process (a build that warned leaves no cache)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


COUNT = WarningCount()


def counting() -> None:
    """Count this process's warnings from now on."""
    COUNT.count = 0
    if COUNT not in logging.getLogger("mkdocs").handlers:
        logging.getLogger("mkdocs").addHandler(COUNT)


@dataclass
class WarmBuild:
    """This build's cache: the earlier one (when usable), the pages kept from it, and the folder of the next."""

    folder: Path  # .digest/warm
    new: Path  # the next cache, until it is complete
    key: str
    snapshot: warm.Snapshot
    earlier: warm_cache.Earlier | None
    stories: ContentCache  # read and checked story files, for the next build
    kept: dict[str, set[str]] = field(default_factory=dict)  # language -> docs paths reused; empty in a cold build
    feeds: set[str] = field(default_factory=set)  # languages whose feeds are the earlier build's
    search: set[str] = field(default_factory=set)  # languages whose search index is the earlier build's
    made: list[tuple[str, str, str, str | None]] = field(default_factory=list)  # this process's feeds and editions

    @property
    def reusing(self) -> bool:
        return any(self.kept.values())


def start(previous: Previous, renderer: Renderer, nav: dict[str, list[Any]], search: bool) -> WarmBuild:
    """Decide which pages to reuse from the earlier build's cache; logs one line saying which kind of build this is."""
    snapshot, earlier, why = warm.snapshot(renderer, nav), previous.earlier, previous.why
    kept = warm.reusable(earlier.snapshot, snapshot) if earlier is not None else None
    if earlier is not None and kept is None:
        why = "what every page shows changed (settings, topics, words, site pages, attached files or the nav)"
    if kept and search and earlier is not None:  # a story reused needs its content for the search index
        kept = {lang: indexed(snapshot, lang, paths, earlier.search.get(lang, {})) for lang, paths in kept.items()}
    new = warm_cache.begin(previous.folder)
    build = WarmBuild(previous.folder, new, previous.key, snapshot, earlier, previous.stories, kept or {})
    if earlier is not None and build.reusing:
        build.feeds, build.search = warm.same_indexes(earlier.snapshot, snapshot, build.kept)
    total = sum(len(specs) for specs in snapshot.specs.values())
    if build.reusing:
        log.info(f"digest: a warm build: {sum(len(paths) for paths in build.kept.values())} of {total} pages kept from the last build")
    else:
        log.info(f"digest: a cold build: {why or 'every page changed'}")
    counting()
    return build


def indexed(snapshot: warm.Snapshot, lang: str, paths: set[str], search: dict[str, tuple[str, str]]) -> set[str]:
    """The pages of `paths` whose content for search the cache has, or that search does not index."""
    kinds = {spec.path: spec.kind for spec in snapshot.specs[lang]}
    return {path for path in paths if path in search or kinds[path] not in warm.WRITTEN}


def save_plan(build: WarmBuild) -> None:
    """Save the snapshot and the stories for the next build: in the `mkdocs` process while the language builds
    build (0.5 s at 10,000 stories that a build no longer ends with)."""
    warm_cache.save_plan(build.new, build.snapshot, build.stories)


def restore(build: WarmBuild, site_dir: str, settings: Settings, building_dir: Callable[[str, str], str]) -> set[str]:
    """Put every kept page where its language's build would have written it (MkDocs leaves KeptFiles alone): in
    the `mkdocs` process, while the language builds build the other pages; the default language's in site_dir,
    another's in building_dir(site_dir, lang). Returns the default language's kept pages."""
    earlier, default = build.earlier, settings.default_language
    if earlier is None:
        return set()
    made: set[str] = set()
    cache = str(earlier.folder)
    for lang, kept in build.kept.items():
        top, prefix = site_dir if lang == default else building_dir(site_dir, lang), settings.language_prefix(lang)
        for spec in build.snapshot.specs[lang]:
            if spec.path not in kept:
                continue
            target = os.path.join(top, spec.url[len(prefix) :], "index.html")
            folder = os.path.dirname(target)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            warm_cache.link_or_copy(warm_cache.page_name(cache, lang, spec.path), target)
    return build.kept.get(default, set())


def searchable(build: WarmBuild, lang: str, specs: dict[str, PageSpec], built: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """What to index for search in a language: each story and page as built now, or as the cache has it when kept;
    in the pages' order, as a cold build indexes them. Saved for the next build."""
    earlier = build.earlier.search.get(lang, {}) if build.earlier is not None else {}
    pages = {path: built.get(path) or earlier[path] for path, spec in specs.items() if spec.kind in warm.WRITTEN}
    warm_cache.write_search(build.new, lang, pages)
    return pages


def language_assets(build: WarmBuild, renderer: Renderer, lang: str) -> list[tuple[str, str | None, str | None]]:
    """A language's feeds and email editions as (path, text, or the cached file to copy): those of the earlier
    build when their inputs did not change (all the feeds, or an issue's edition with its page), else rendered."""
    earlier = build.earlier
    found: list[tuple[str, str, str | None, str | None]] = []
    feeds = warm_cache.tree(earlier.folder, "feeds", lang) if earlier is not None else None
    if feeds is not None and lang in build.feeds and feeds.is_dir():
        found += [("feeds", path, None, source) for path, source in cached(feeds)]
    else:
        found += [("feeds", checked_path(asset.path), asset.text, None) for asset in renderer.feed_files(lang)]
    prefix, kept = renderer.settings.language_prefix(lang), build.kept.get(lang, set())
    issues = {spec.url[len(prefix) :] for spec in build.snapshot.specs[lang] if spec.kind == "issue" and spec.path in kept}
    editions = dict(cached(warm_cache.tree(earlier.folder, "emails", lang))) if earlier is not None and issues else {}
    reused = {folder for folder in issues if all(folder + name in editions for name in (email.HTML, email.TEXT))}
    found += [("emails", folder + name, None, editions[folder + name]) for folder in sorted(reused) for name in (email.HTML, email.TEXT)]
    rendered = email.email_files(renderer, lang, skip=lambda url: url[len(prefix) :] in reused)
    found += [("emails", asset.path, asset.text, None) for asset in rendered]
    build.made = [(kind, lang, path, source) for kind, path, _, source in found]
    return [(path, text, source) for _, path, text, source in found]


def cached(folder: Path | None) -> list[tuple[str, str]]:
    """(path, file) of every file the cache keeps under a folder."""
    if folder is None or not folder.is_dir():
        return []
    return [(path.relative_to(folder).as_posix(), str(path)) for path in sorted(folder.rglob("*")) if path.is_file()]


def save_assets(build: WarmBuild, site_dir: str) -> None:
    """Into the next cache: the feeds and editions this process wrote (linked from the earlier cache when reused)."""
    for kind, lang, path, source in build.made:
        target = warm_cache.tree(build.new, kind, lang) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is not None:
            warm_cache.link_or_copy(source, str(target))
        else:
            warm_cache.link_or_copy(os.path.join(site_dir, path), str(target))


def reuse_search(build: WarmBuild, lang: str, site_dir: str) -> bool:
    """The earlier build's search index of a language, when what it indexes did not change; False when it did."""
    earlier = build.earlier
    if earlier is None or lang not in build.search or lang not in earlier.search:
        return False
    index = warm_cache.tree(earlier.folder, "pagefind", lang)
    if not index.is_dir():
        return False
    warm_cache.link_tree(index, Path(site_dir, "pagefind"))
    warm_cache.link_tree(index, warm_cache.tree(build.new, "pagefind", lang))
    warm_cache.search_file(build.new, lang).parent.mkdir(parents=True, exist_ok=True)
    warm_cache.link_or_copy(str(warm_cache.search_file(earlier.folder, lang)), str(warm_cache.search_file(build.new, lang)))
    return True


def save_search(build: WarmBuild, lang: str, site_dir: str) -> None:
    warm_cache.link_tree(Path(site_dir, "pagefind"), warm_cache.tree(build.new, "pagefind", lang))


def done(build: WarmBuild, name: str) -> None:
    """A language build finished: say so to the `mkdocs` process, unless it warned."""
    if COUNT.count == 0:
        (build.new / "done").mkdir(exist_ok=True)
        (build.new / "done" / name).touch()


def finish(build: WarmBuild, site_dir: str, children: list[str]) -> bool:
    """After a complete build: save the site as the next cache when nothing warned; True when it was saved."""
    finished = all((build.new / "done" / name).exists() for name in children)
    if COUNT.count or not finished:
        log.info("digest: the build warned, so it leaves no cache: the next build is a cold one")
        abort(build)
        return False
    try:
        shutil.rmtree(build.new / "done", ignore_errors=True)
        warm_cache.save(build.new, build.key, build.snapshot, site_dir, build.earlier, build.kept)
    except OSError as err:
        log.info(f"digest: the next build cannot reuse this one: {err}")
        abort(build)
        return False
    return True


def commit(build: WarmBuild, discard: Callable[[Path], None] | None = None) -> None:
    warm_cache.commit(build.new, build.folder, discard)


def abort(build: WarmBuild) -> None:
    shutil.rmtree(build.new, ignore_errors=True)
