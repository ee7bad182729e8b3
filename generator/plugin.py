"""The MkDocs adapter: run the pure core before MkDocs reads a page, build each language as its own site.

Material takes one interface language per build, so the default language is built by the `mkdocs` command
itself into site/, and every other language by a build of the same mkdocs.yml into site/<lang>/, in a
child process started while the default language renders (two cores, two builds at once).
MkDocs gets the pages as virtual files: the core renders each page when MkDocs reads it, MkDocs converts only
the editor's Markdown (a story's body), and the templates' HTML goes around the result untouched. Nothing is
written to disk before the HTML.
"""

from __future__ import annotations

import datetime as dt
import gzip
import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pathspec
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from . import incremental, staging
from .build import index_site, load_site, navs, site_files
from .incremental import StoryCache
from .model import Settings
from .rendering import PageSpec, Renderer, escape_all, language_name
from .writing import checked_path

log = logging.getLogger("mkdocs.plugins.digest")


class DigestConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """Folder of the story files, relative to mkdocs.yml."""
    templates_dir = c.Type(str, default="templates")
    """Folder of the Jinja templates that write the pages."""
    topics_file = c.Type(str, default="content/topics.yml")
    """The topic registry: slug -> label in every language."""
    languages = c.ListOfItems(c.Type(str), default=["en"])
    """Site languages as ISO 639-1 codes; the first is served at /, the others at /<code>/."""
    language_names = c.DictOfItems(c.Type(str), default={})
    """Names for the language selector, when Babel's own names ('Русский') don't suit."""
    timezone = c.Type(str, default="UTC")
    """Time zone for stories dated without a time."""
    story_url = c.Type(str, default="{year}/{month}/{slug}/")
    """Where a story is published; fields: year, month, day, slug, story, lang."""
    home_size = c.Type(int, default=20)
    """How many stories the home page lists: the latest issue, then earlier stories."""
    page_size = c.Type(int, default=20)
    """Longer indexes are split into pages of this many entries."""
    future = c.Type(bool, default=False)
    """Publish stories dated in the future right away instead of waiting for their date."""
    search = c.Type(bool, default=True)
    """Index the stories with Pagefind after the build, for the search box."""
    build_dir = c.Type(str, default=".digest")
    """Folder the digest owns (git-ignored); MkDocs' docs_dir becomes an empty folder in it."""


# The language a forked child process builds; None in the `mkdocs` process itself. Module state, not
# plugin state: MkDocs keeps plugins that have on_startup alive across loads of mkdocs.yml (serve, nested builds).
_CHILD_LANGUAGE: str | None = None
# The two parts of the default language, which has most of the pages: its story pages build in a process of their own.
STORIES, INDEXES = "stories", "indexes"


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.nav: dict[str, list[Any]] = {}
        self.renderer: Renderer | None = None
        self.lang = ""
        self.specs: dict[str, PageSpec] = {}  # docs path -> page to render, for the language this process builds
        self.around: dict[str, tuple[str, str]] = {}  # docs path -> the templates' HTML before and after the body
        self.changed: set[str] | None = None  # in a preview's rebuild: the only pages to build again
        self.part: str | None = None  # STORIES or INDEXES when the default language is built by two processes
        self.in_nav: set[str] = set()
        self.searchable: list[tuple[str, str]] = []  # story pages for Pagefind: (URL within the language, HTML)
        self.feeds_changed = True
        self.cache = StoryCache()  # under serve: stories parsed by an earlier build, while their files are unchanged
        self.site_config: MkDocsConfig | None = None
        self.children: list[tuple[str, Any]] = []
        self.files: dict[str, str] = {}
        self.command = "build"
        self.dirty = False
        self.stage = staging.Stage()  # the build goes beside site/ and replaces it only once it is complete

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def settings(self, config: MkDocsConfig) -> Settings:
        root = project_root(config)
        return Settings(
            root=root, content_dir=self.config.content_dir, templates_dir=self.config.templates_dir,
            topics_file=self.config.topics_file, languages=tuple(self.config.languages),
            language_names=dict(self.config.language_names), site_name=config.site_name,
            site_url=config.site_url, timezone=self.config.timezone, story_url=self.config.story_url,
            home_size=self.config.home_size, page_size=self.config.page_size,
            include_drafts=self.command == "serve", include_future=self.config.future, now=build_time(),
        )

    def docs_dir(self, settings: Settings) -> Path:
        """An empty folder for MkDocs to read: every page is a virtual file (and content/ must not be read as pages)."""
        folder = Path(settings.root) / self.config.build_dir / "docs"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        settings = self.settings(config)
        if not config.use_directory_urls:
            raise PluginError("digest: use_directory_urls must be true; the digest's links are directory URLs")
        lang = _CHILD_LANGUAGE
        if lang is None:  # the `mkdocs` process: check everything, before MkDocs reads a page or touches site/
            lang = settings.default_language
            site = load_site(settings, cache=self.cache if self.command == "serve" else None)
            stop_on_problems(site.problems, "nothing was built, site/ is unchanged")
            renderer = Renderer(settings, site.stories, site.topics)
            # Each process works out its own pages; the sitemap, which needs them all, waits for on_post_build.
            self.nav, self.files = navs(renderer), {}
            log.info(f"digest: {len(site.stories)} stories in {len(settings.languages)} languages")
            if self.command != "serve" and not self.dirty:  # serve builds into a temporary folder anyway
                config.site_dir = self.stage.begin(config.site_dir)
            self.renderer, self.site_config = renderer, config
            self.start_languages(config, settings, renderer)
        self.lang = lang
        config.docs_dir = str(self.docs_dir(settings))
        config.nav = self.nav[lang]
        config.not_in_nav = pathspec.GitIgnoreSpec.from_lines(["*.md"])
        config.theme["language"] = lang
        # `true` shows Material's selector without its site-wide <link rel=alternate>: ours are per page.
        config.extra["alternate"] = True
        config.extra["digest_search"] = self.config.search
        config.extra["digest_languages"] = [
            {"lang": other, "name": language_name(other, settings),
             "link": os.path.relpath(os.path.join("/", settings.language_prefix(other)), os.path.join("/", settings.language_prefix(lang))) + "/"}
            for other in settings.languages
        ]
        return config

    def start_languages(self, config: MkDocsConfig, settings: Settings, renderer: Renderer) -> None:
        """Fork one process per other language, and one for the default language's story pages; each renders and
        builds its pages while this one builds the default language's index pages.

        A child builds into a hidden folder of site/ (MkDocs' cleaning spares hidden entries, and the default
        language's search index skips them). The story pages join site/ before the default language is indexed
        for search; the other languages move to site/<lang>/ when every build is done.
        """
        self.children, self.part = [], None
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        default = settings.default_language
        jobs = [(default, STORIES, config.site_url)] if renderer.by_language.get(default) else []
        jobs += [(lang, None, language_url(config.site_url, lang)) for lang in settings.languages[1:]]
        for lang, part, url in jobs:
            building = building_dir(config.site_dir, lang if part is None else f"{lang}-{part}")
            shutil.rmtree(building, ignore_errors=True)
            final = os.path.join(config.site_dir, lang)
            if part is None and self.dirty and os.path.isdir(final):  # a dirty build compares with what it built last time
                os.replace(final, building)
            child = context.Process(target=build_language, name=f"digest-{lang}" + (f"-{part}" if part else ""), args=(
                renderer if context.get_start_method() == "fork" else None, config.config_file_path, lang, self.nav,
                building, url), kwargs={"strict": config.strict, "serving": self.command == "serve", "dirty": self.dirty,
                                        "search": self.config.search, "part": part})
            child.start()
            self.stage.track(child)
            self.children.append((lang, part, child))
        if jobs and jobs[0][1] == STORIES:
            self.part = INDEXES

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Every page and feed of this process's language (or of its part of it), as virtual files."""
        assert self.renderer is not None
        self.specs = {checked_path(spec.path): spec for spec in self.renderer.specs(self.lang)}
        if self.part == STORIES:  # the default language's story pages only: its index pages and files are built beside
            for file in [file for file in files if not file.is_documentation_page()]:
                files.remove(file)
        for path, spec in self.specs.items():
            if self.part == INDEXES and spec.kind == "story":
                continue
            kept = (self.changed is not None and path not in self.changed) or (self.part == STORIES and spec.kind != "story")
            files.append((KeptFile if kept else File).generated(config, path, content=""))
        if self.part != STORIES:
            for asset in self.renderer.feed_files(self.lang):
                files.append((File if self.feeds_changed else KeptFile).generated(config, checked_path(asset.path), content=asset.text))
        return files

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        """Pages in the nav that this build leaves alone still need their titles for the nav of the pages it builds."""
        self.in_nav = {page.file.src_uri for page in nav.pages}
        for page in nav.pages:
            spec = self.specs.get(page.file.src_uri)
            if spec is not None and isinstance(page.file, KeptFile) and "title" not in vars(page):  # not titled by the nav
                page.title = escape_all(spec.meta["title"])
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """`digest_once(key...)` for the theme: a call block rendered once per build and key (the nav and tabs of
        the pages that are not in the nav, the same on each of them), then reused."""
        rendered: dict[tuple, Any] = {}

        def digest_once(*key: Any, caller) -> Any:
            if key not in rendered:
                rendered[key] = caller()
            return rendered[key]

        env.globals["digest_once"] = digest_once
        # Material's templates compiled once and kept in .digest/: every later build, each language's process and
        # each rebuild of the preview load them instead of compiling them again. Jinja checks each template's
        # source against its cached code.
        if env.bytecode_cache is None:
            folder = Path(project_root(config), self.config.build_dir, "jinja")
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
        return env

    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        """Render the page: its meta for Material, the editor's Markdown for MkDocs, the templates' HTML kept aside."""
        spec = self.specs.get(page.file.src_uri)
        if spec is None or self.renderer is None:
            return markdown
        rendered = self.renderer.render(spec)
        # A page that is not in the nav shows the same nav and tabs as every other such page at its depth.
        page.meta = {**rendered.meta, "digest": {**rendered.meta["digest"], "shared_nav": page.file.src_uri not in self.in_nav}}
        self.around[page.file.src_uri] = (rendered.head, rendered.tail)
        return rendered.markdown

    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        around = self.around.pop(page.file.src_uri, None)
        if around is None:
            return html
        html = around[0] + html + around[1]
        spec = self.specs[page.file.src_uri]
        if spec.kind == "story" and self.config.search and self.changed is None:
            self.searchable.append((spec.url[len(self.renderer.settings.language_prefix(self.lang)):], html))
        return html

    @event_priority(-100)  # last, so the site is swapped in after every plugin has written into it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if _CHILD_LANGUAGE is not None:
            return
        self.files = site_files(self.renderer)  # while the other processes build
        stories = [(lang, child) for lang, part, child in self.children if part == STORIES]
        others = [(lang, child) for lang, part, child in self.children if part != STORIES]
        failed = failed_children(stories)
        for lang, _ in stories:
            if lang not in failed:
                self.merge_stories(config.site_dir, building_dir(config.site_dir, f"{lang}-{STORIES}"))
        if self.config.search and not stories:  # no story process: this one built the default language's stories
            index_for_search(config.site_dir, self.lang, self.searchable)
        failed += failed_children(others)
        self.children, self.part = [], None
        if failed:
            raise PluginError(f"digest: the build of {', '.join(failed)} failed; see the messages above")
        for lang in self.config.languages[1:]:
            final = os.path.join(config.site_dir, lang)
            shutil.rmtree(final, ignore_errors=True)
            os.replace(building_dir(config.site_dir, lang), final)
        self.write_files(config.site_dir)
        if not (config.strict and any(getattr(h, "get_counts", None) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)):
            config.site_dir = self.stage.commit(config.site_dir)  # else MkDocs aborts for the warnings next, and on_build_error aborts the stage

    def merge_stories(self, site_dir: str, building: str) -> None:
        """Move the default language's story pages, built by their own process, into the site."""
        for spec in self.specs.values():
            if spec.kind == "story":
                target = os.path.join(site_dir, spec.url, "index.html")
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.replace(os.path.join(building, spec.url, "index.html"), target)
        if os.path.isdir(os.path.join(building, "pagefind")):
            shutil.rmtree(os.path.join(site_dir, "pagefind"), ignore_errors=True)
            os.replace(os.path.join(building, "pagefind"), os.path.join(site_dir, "pagefind"))
        shutil.rmtree(building)

    def on_build_error(self, *, error: Exception) -> None:
        self.stage.abort()

    def write_files(self, site_dir: str) -> None:
        """One sitemap for all languages at the root (each language keeps MkDocs' own, which Material's instant
        navigation reads)."""
        for path, text in self.files.items():
            target = Path(site_dir, path)
            target.write_text(text, encoding="utf-8")
            if path == "sitemap.xml":
                with open(f"{target}.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
                    packed.write(text.encode("utf-8"))

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        settings = self.settings(config)
        server.unwatch(config.docs_dir)
        for folder in (settings.content_dir, settings.templates_dir):
            server.watch(os.path.join(settings.root, folder))
        notified_of_changes(server)
        server.builder = Preview(self, builder, config)
        return server

    def rebuild_changed(self, site_dir: str, site_url: str) -> bool:
        """After an edit of stories only: build again just the pages whose inputs changed, every language at once.
        False when the edit touches what every page shows (a story's URL, translations, topics): build it all."""
        if self.renderer is None or self.site_config is None:
            return False
        settings = self.settings(self.site_config)
        site = load_site(settings, cache=self.cache)
        stop_on_problems(site.problems, "the preview shows the last good build")
        renderer = Renderer(settings, site.stories, site.topics)
        found = incremental.changes(self.renderer, renderer)
        if found is None:
            return False
        index_site(site, renderer)
        if site.nav != self.nav:
            return False
        context = multiprocessing.get_context("fork")
        children = []
        for lang in found.languages():
            target = site_dir if lang == settings.default_language else os.path.join(site_dir, lang)
            url = site_url if lang == settings.default_language else language_url(site_url, lang)
            child = context.Process(target=build_language, name=f"digest-{lang}", args=(
                renderer, self.site_config.config_file_path, lang, self.nav, target, url),
                kwargs={"strict": False, "serving": True, "dirty": True, "search": False,
                        "changed": found.pages[lang], "feeds_changed": found.feeds[lang]})
            child.start()
            children.append((lang, child))
        failed = failed_children(children)
        if failed:
            raise PluginError(f"digest: the preview of {', '.join(failed)} failed; see the messages above")
        for lang in settings.languages:
            for url in found.removed[lang]:  # a story renamed or deleted: its old page must not linger
                Path(site_dir, url, "index.html").unlink(missing_ok=True)
        self.renderer, self.files = renderer, site.files
        self.write_files(site_dir)
        log.info(f"digest: rebuilt {sum(len(found.pages[lang]) for lang in settings.languages)} page(s) in "
                 f"{', '.join(found.languages()) or 'no language'}")
        return True


def notified_of_changes(server) -> None:
    """Watch with the system's file notifications (inotify on Linux) instead of MkDocs' polling every 0.5 s: the
    preview starts its rebuild as soon as a file is saved, and nothing stats every story twice a second. Where
    the system has none, or MkDocs keeps its watches elsewhere than in 1.6, MkDocs' polling stays."""
    try:
        from watchdog.events import (DirCreatedEvent, DirDeletedEvent, DirMovedEvent, FileClosedEvent, FileCreatedEvent,
                                     FileDeletedEvent, FileModifiedEvent, FileMovedEvent)
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:  # not Linux, or another watchdog
        return
    paths = getattr(server, "_watched_paths", None)
    if not isinstance(paths, dict) or not hasattr(server, "observer"):
        return
    # Changes only: inotify also reports files opened and read, and every build reads the templates.
    changes = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
               DirCreatedEvent, DirDeletedEvent, DirMovedEvent]

    class ChangesObserver(InotifyObserver):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or changes,
                                    follow_symlink=follow_symlink)

    watched = list(paths)
    for path in watched:
        server.unwatch(path)
    server.observer = ChangesObserver()
    for path in watched:
        server.watch(path)


class KeptFile(File):
    """A page or feed whose output from the previous build is still right: a dirty build leaves it alone."""

    def is_modified(self) -> bool:
        return False


class Preview:
    """`mkdocs serve`'s rebuild: only what an edit of stories changed, or all of it after an edit of templates,
    theme overrides or mkdocs.yml (and of what every page shows: a story's URL, its translations, the topics)."""

    def __init__(self, plugin: DigestPlugin, full_build, config: MkDocsConfig) -> None:
        self.plugin, self.full_build = plugin, full_build
        self.site_dir, self.site_url = config.site_dir, config.site_url
        settings = plugin.settings(config)
        self.watched = [Path(settings.root, settings.templates_dir), Path(config.config_file_path)]
        self.seen = self.stamps()

    def stamps(self) -> dict[str, tuple[int, int, int]]:
        found = {}
        for path in self.watched:
            for item in (path.rglob("*") if path.is_dir() else [path]):
                found[str(item)] = incremental.stamp(item)
        return found

    def __call__(self) -> None:
        seen, self.seen = self.seen, self.stamps()
        try:
            if seen == self.seen and self.plugin.rebuild_changed(self.site_dir, self.site_url):
                return
        except PluginError as err:  # the problems are logged above, one per line; the last good build stays served
            log.error(str(err))
            return
        self.full_build()


def project_root(config: MkDocsConfig) -> str:
    """The folder of mkdocs.yml: story, template and build paths are relative to it."""
    return os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))


def failed_children(children: list[tuple[str, Any]]) -> list[str]:
    """Wait for each child process; the names of those that failed."""
    failed = []
    for name, child in children:
        child.join()
        if child.exitcode != 0:
            failed.append(name)
    return failed


def stop_on_problems(problems: list, outcome: str) -> None:
    """Log every problem in the content, one line each, and stop the build."""
    if problems:
        for problem in problems:
            log.error(str(problem))
        raise PluginError(f"digest: {len(problems)} problem(s) in the content; {outcome}")


def build_time() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH, when set, is the moment of the build (reproducible builds); else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch and epoch.isdigit() else None


def building_dir(site_dir: str, lang: str) -> str:
    return os.path.join(site_dir, f".digest-{lang}")


def language_url(site_url: str | None, lang: str) -> str | None:
    return (site_url.rstrip("/") + f"/{lang}/") if site_url else None


def build_language(renderer: Renderer | None, config_file: str, lang: str, nav: dict[str, list[Any]], site_dir: str,
                   site_url: str | None, strict: bool, serving: bool, dirty: bool, search: bool,
                   changed: set[str] | None = None, feeds_changed: bool = True, part: str | None = None) -> None:
    """In a child process: render one language, build it with Material's interface in that language, and index it
    for search. `changed` limits a preview's rebuild to those pages (a dirty build: the others stay as built)."""
    global _CHILD_LANGUAGE
    _CHILD_LANGUAGE = lang
    if changed is not None or part is not None:  # MkDocs warns that a dirty build may leave links stale; the digest chose the pages
        logging.getLogger(mkdocs_build.__module__).addFilter(lambda record: "'dirty' build" not in record.getMessage())
    sub = load_config(config_file=config_file, site_dir=site_dir, site_url=site_url, strict=strict)
    plugin = sub.plugins["digest"]
    assert isinstance(plugin, DigestPlugin)
    plugin.nav, plugin.renderer, plugin.changed, plugin.feeds_changed, plugin.part = nav, renderer, changed, feeds_changed, part
    log.info(f"digest: building the '{lang}' site" + (f" ({part})" if part else ""))
    try:
        if renderer is None:  # started by spawn, not fork: nothing was inherited
            settings = plugin.settings(sub)
            site = load_site(settings)
            plugin.renderer = Renderer(settings, site.stories, site.topics)
        # A part is a dirty build: the pages of the other part are known to MkDocs (the nav links them) but not built.
        mkdocs_build(sub, serve_url=sub.site_url if serving else None, dirty=dirty or part is not None)
        if search:
            index_for_search(site_dir, lang, plugin.searchable)
    except Exception as err:  # noqa: BLE001 - reported here, the parent only sees the exit code
        log.error(f"digest: building '{lang}' failed: {err}")
        sys.exit(1)


def index_for_search(site_dir: str, lang: str, pages: list[tuple[str, str]]) -> None:
    """Index a language's story pages with Pagefind (word-form stemming per <html lang>) into site_dir/pagefind/.

    Pagefind reads each story's content, not the whole themed page: a small HTML file per story, in a hidden
    folder laid out like the site so that the URLs come out the same. Without stories, it reads the site."""
    if not pages:
        run_pagefind(site_dir, os.path.join(site_dir, "pagefind"), glob="{index.html,[!.]*/**/index.html}")
        return
    source = os.path.join(site_dir, ".digest-search")
    shutil.rmtree(source, ignore_errors=True)
    try:
        for url, content in pages:
            target = os.path.join(source, url, "index.html")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head>'
                             f"<body><main data-pagefind-body>{content}</main></body></html>")
        run_pagefind(source, os.path.join(site_dir, "pagefind"))
    finally:
        shutil.rmtree(source, ignore_errors=True)


def pagefind_command() -> list[str]:
    """Pagefind's own binary (pagefind_bin's public get_executable), not `python -m pagefind`, which starts
    Python only to exec it: 0.1 s per language."""
    try:
        from pagefind_bin import get_executable
        return [str(get_executable())]
    except Exception:  # noqa: BLE001 - another packaging of Pagefind: its module knows where the binary is
        return [sys.executable, "-m", "pagefind"]


def run_pagefind(site_dir: str, output: str, glob: str = "**/index.html") -> None:
    command = [*pagefind_command(), "--site", site_dir, "--output-path", output, "--glob", glob, "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"digest: Pagefind could not index the site:\n{result.stdout}{result.stderr}")
