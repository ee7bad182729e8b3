"""The MkDocs events: each delegates to the core or to a module beside this one.

The default language is built by the `mkdocs` command itself into site/, every other language by a forked
process into site/<lang>/ (languages.py). MkDocs gets the pages as virtual files (pages.py): the core renders
each page when MkDocs reads it, MkDocs converts only the editor's Markdown (a story's body), and the templates'
HTML goes around the result untouched. Nothing is written to disk before the HTML.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
import posixpath
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pathspec
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page as MkDocsPage

from ..attachments import sized_images
from ..build import prepare, site_files
from ..caching import StoryCache
from ..rendering import PageSpec, Renderer
from ..validation import site_url_warning
from . import languages, pages, staging, theme_words, trash, warm_build, warm_key
from .config import DigestConfig, configure_language, project_root, settings_from, with_direction
from .memory import collector_waits, keep_to_the_end
from .preview import Preview, show_problems, stop_on_problems
from .search_content import indexed_content
from .staging import system_error
from .theme_files import skip_hidden_files
from .watching import notified_of_changes

log = logging.getLogger("mkdocs.plugins.digest")


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.nav: dict[str, list[Any]] = {}
        self.renderer: Renderer | None = None
        self.lang = ""
        self.specs: dict[str, PageSpec] = {}  # docs path -> page to render, for the language this process builds
        self.around: dict[str, tuple[str, str]] = {}  # docs path -> the templates' HTML before and after the body
        self.changed: set[str] | None = None  # in a preview's rebuild: the only pages to build again
        self.part: str | None = None  # STORIES or INDEXES when the default language is built by two processes
        self.in_nav, self.nav_targets = set[str](), dict[str, list[list[str]]]()  # the nav's pages, and what it links to (pages.links_key)
        self.searchable: dict[str, tuple[str, str]] = {}  # story pages for Pagefind: docs path -> (URL within the language, HTML)
        self.feeds_changed: Collection[str] | None = None  # in a preview's rebuild: the folders of the feeds to write again (None: all)
        self.source_names = pages.SourceNames()  # MkDocs' warnings name the editor's file
        self.sizes: dict[str, tuple[int, int]] = {}  # docs path -> width and height of the pictures published with pages
        self.cache = StoryCache()  # under serve: stories parsed by an earlier build, while their files are unchanged
        self.site_config: MkDocsConfig | None = None
        self.children: list[languages.Child] = []
        self.files: dict[str, str] = {}
        self.command, self.dirty = "build", False
        self.stage = staging.Stage()  # the build goes beside site/ and replaces it only once it is complete
        self.preview: Preview | None = None  # under serve: the rebuilds after edits
        self.warm: warm_build.WarmBuild | None = None  # a build (not serve, not --dirty): the cache of the last one, and the next
        self.trash = ""  # a build's trash folder (trash.py), and the process removing what the last build put there
        self.sweeping: trash.Sweep | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError("digest: use_directory_urls must be true; the digest's links are directory URLs")
        settings = settings_from(self.config, config, self.command)
        self.lang = languages.child_language() or settings.default_language
        if languages.child_language() is None:  # the `mkdocs` process: check everything before MkDocs reads a page
            self.start(config, settings)
            # Publishing to the sample's (or no) address: warn (stops `gh-deploy --strict`; the sample builds --strict).
            if self.command == "gh-deploy" and (warning := site_url_warning(settings.site_url)):
                log.warning(f"digest: {warning}")
        docs = Path(settings.root, self.config.build_dir, "docs")  # empty: every page is a virtual file
        docs.mkdir(parents=True, exist_ok=True)
        config.docs_dir, config.nav = str(docs), ([] if self.part == languages.NOTHING else self.nav[self.lang])
        config.not_in_nav = pathspec.GitIgnoreSpec.from_lines(["*.md"])
        configure_language(config, settings, self.lang)  # Material's language and direction, the site's name in it
        config.extra["alternate"] = True  # Material's selector without its site-wide <link rel=alternate>: ours are per page
        config.extra["digest_search"] = self.config.search
        config.extra["digest_preview"] = self.command == "serve"  # main.html shows the preview's problems
        skip_hidden_files(config.theme)
        return config

    def start(self, config: MkDocsConfig, settings: Any) -> None:
        """Load, check and index everything, stage site/, and start the other language builds. A build (not serve,
        not --dirty) reuses what the last one left in .digest/warm/, when it can (warm_build.py)."""
        if self.command != "serve":  # what the last build replaced, removed while this one reads and checks (trash.py)
            self.trash = os.path.join(settings.root, self.config.build_dir, "trash")
            self.sweeping = trash.sweep(self.trash)
        with collector_waits():
            site = self.load(config, settings)
        keep_to_the_end(serving=self.command == "serve")
        self.children, self.part = languages.fork(
            config,
            settings,
            site.renderer,
            site.nav,
            serving=self.command == "serve",
            dirty=self.dirty,
            search=self.config.search,
            stage=self.stage,
            warm=self.warm,
            split_from=self.config.split_from,
        )

    def load(self, config: MkDocsConfig, settings: Any) -> Any:
        """Read the last build's cache (a build), then load, check and index the content; the warm build's plan."""
        building = self.command != "serve" and not self.dirty and "fork" in multiprocessing.get_all_start_methods()
        previous = warm_key.previous(config, settings, self.config.build_dir) if building else None
        site = prepare(settings, cache=self.cache if self.command == "serve" else previous.stories if previous else None)
        if self.command == "serve":  # shown on the open page (the last good build) until fixed
            show_problems(config.site_dir, self.renderer, site.problems)
        stop_on_problems(site.problems, "nothing was built, site/ is unchanged", site.warnings)
        log.info(f"digest: {len(site.stories)} stories in {len(settings.languages)} languages")
        self.renderer, self.nav, self.files, self.site_config = site.renderer, site.nav, {}, config
        if self.command != "serve" and not self.dirty:  # serve builds into a temporary folder anyway
            config.site_dir = self.stage.begin(config.site_dir)
            if previous is not None:  # the language builds get the cache by inheritance (fork)
                self.warm = warm_build.start(previous, site.renderer, site.nav, self.config.search)
        return site

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.renderer is not None
        self.specs = pages.page_specs(self.renderer, self.lang)
        self.searchable = {}  # serve builds again and again with the same plugin
        self.sizes = self.renderer.image_sizes(self.lang)
        self.source_names.use(self.specs)
        if self.part == languages.NOTHING:  # a warm build's `mkdocs` process: its pages build in a process of their own
            return Files([])
        reused = self.warm.kept.get(self.lang, set()) if self.warm is not None else set()
        files = pages.add_pages(
            files, config, self.renderer, self.lang, self.specs, self.part, self.changed, self.feeds_changed, reused, self.warm
        )
        return files

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self.in_nav, self.nav_targets = pages.title_kept_pages(nav, self.specs), pages.nav_targets(nav)
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        env = pages.shared_renderings(env, Path(project_root(config), self.config.build_dir, "jinja"), self.nav_targets)
        return theme_words.install(env, self.renderer, self.lang) if self.renderer is not None else env

    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        """Render the page: its meta for Material, the editor's Markdown for MkDocs, the templates' HTML kept aside."""
        spec = self.specs.get(page.file.src_uri)
        if spec is None or self.renderer is None:
            return markdown
        rendered = self.renderer.render(spec)
        # A page that is not in the nav shows the same nav and tabs as every other such page with the same links to them.
        page.meta = {**rendered.meta, "digest": {**rendered.meta["digest"], "shared_nav": page.file.src_uri not in self.in_nav}}
        self.around[page.file.src_uri] = (rendered.head, rendered.tail)
        return rendered.markdown

    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        around = self.around.pop(page.file.src_uri, None)
        if around is None or self.renderer is None:
            return html
        spec = self.specs[page.file.src_uri]
        html = around[0] + sized_images(html, posixpath.dirname(spec.path) + "/", self.sizes) + around[1]
        if spec.kind in languages.WRITTEN and self.config.search:  # in a preview's rebuild: the pages it built again
            url = spec.url[len(self.renderer.settings.language_prefix(self.lang)) :]
            self.searchable[page.file.src_uri] = (url, indexed_content(html))
        return html

    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        page.markdown = page.content = None  # written now, and read by nothing later: memory for the pages still to come
        return with_direction(output, self.lang)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return with_direction(output_content, self.lang) if template_name.endswith(".html") else output_content

    @event_priority(-100)  # last, so the site is swapped in after every plugin has written into it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if languages.child_language() is not None or self.renderer is None:
            return
        self.files = site_files(self.renderer)  # while the other processes build
        children, self.children, self.part = self.children, [], None

        def index_here() -> None:  # the default language's pages, built here (a story process indexes its own)
            if self.config.search:
                languages.index_built(self, project_root(config), config.site_dir, self.lang, self.command == "serve", self.warm)

        kept: set[str] = set()
        if self.warm:  # while the language builds build: the next build's plan saved, and this build's kept pages put in place
            warm_build.save_plan(self.warm)
            kept = warm_build.restore(self.warm, config.site_dir, self.renderer.settings, languages.building_dir)
        specs = {path: spec for path, spec in self.specs.items() if path not in kept}  # the story process built these
        languages.join(config.site_dir, children, specs, list(self.renderer.settings.languages), index_here)
        staging.write_site_files(config.site_dir, self.files)
        if self.command == "serve":
            show_problems(config.site_dir, self.renderer, [])
        build, self.warm = self.warm, None
        if build is not None and self.part != languages.NOTHING:  # this process built the default language's feeds
            warm_build.save_assets(build, config.site_dir)
        saved = build is not None and warm_build.finish(build, config.site_dir, [f"{lang}-{part}" for lang, part, _ in children])
        discard = functools.partial(trash.discard, trash=self.trash)  # removed by the next build, beside its work
        if not (config.strict and warned()):  # else MkDocs aborts for the warnings next, and on_build_error aborts the stage
            config.site_dir = self.stage.commit(config.site_dir, discard)
            if saved and build is not None:
                warm_build.commit(build, discard)
        elif build is not None:
            warm_build.abort(build)
        trash.done(self.sweeping)

    def on_build_error(self, *, error: Exception) -> None:
        self.stage.abort()
        trash.done(self.sweeping)
        if self.warm is not None:
            warm_build.abort(self.warm)
            self.warm = None
        if isinstance(error, OSError):  # a full disk, a folder it may not write: one line, not a traceback
            raise Abort(system_error(error)) from None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        settings = settings_from(self.config, config, "serve")
        server.unwatch(config.docs_dir)
        for folder in (settings.content_dir, settings.templates_dir):
            server.watch(os.path.join(settings.root, folder))
        notified_of_changes(server)
        self.preview = server.builder = Preview(self, builder, config)
        return server

    def on_shutdown(self) -> None:
        if self.preview is not None:  # serve ends: stop a search update before MkDocs removes the served folder
            self.preview.search.hold(seconds=5)


def warned() -> bool:
    """Whether MkDocs counted a warning in this build (with --strict it aborts the build after on_post_build)."""
    counts = [getattr(handler, "get_counts", None) for handler in logging.getLogger("mkdocs").handlers]
    return any(count() for count in counts if count is not None)
