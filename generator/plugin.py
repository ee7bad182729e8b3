"""The MkDocs adapter: run the pure core before MkDocs reads a page, build each language as its own site.

Material takes one interface language per build, so the default language is built by the `mkdocs` command
itself into site/, and every other language by a nested build of the same mkdocs.yml into site/<lang>/.
The core writes every page as a real Markdown file into a folder the digest owns (never into content/).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import pathspec
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .build import build_site
from .model import Settings
from .rendering import language_name
from .writing import write_pages

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
    """How many stories the home page lists."""
    build_dir = c.Type(str, default=".digest")
    """Folder the digest owns for the pages it writes (git-ignored)."""


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.language: str | None = None  # set on the nested build of a non-default language
        self.nav: dict[str, list[Any]] = {}
        self.command = "build"
        self.dirty = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def settings(self, config: MkDocsConfig) -> Settings:
        root = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        return Settings(
            root=root, content_dir=self.config.content_dir, templates_dir=self.config.templates_dir,
            topics_file=self.config.topics_file, languages=tuple(self.config.languages),
            language_names=dict(self.config.language_names), site_name=config.site_name,
            site_url=config.site_url, timezone=self.config.timezone, story_url=self.config.story_url,
            home_size=self.config.home_size,
        )

    def pages_dir(self, settings: Settings, lang: str) -> Path:
        return Path(settings.root) / self.config.build_dir / "pages" / lang

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        settings = self.settings(config)
        if not config.use_directory_urls:
            raise PluginError("digest: use_directory_urls must be true; the digest's links are directory URLs")
        if self.language is None:  # the top-level build reads and writes everything once
            site = build_site(settings)
            if site.problems:
                for problem in site.problems:
                    log.error(str(problem))
                raise PluginError(f"digest: {len(site.problems)} problem(s) in the content; nothing was built, site/ is unchanged")
            for lang, pages in site.pages.items():
                write_pages(self.pages_dir(settings, lang), pages)
            self.nav = site.nav
            self.language = settings.default_language
            log.info(f"digest: {len(site.stories)} stories in {len(settings.languages)} languages")
        lang = self.language
        config.docs_dir = str(self.pages_dir(settings, lang))
        config.nav = self.nav[lang]
        config.not_in_nav = pathspec.GitIgnoreSpec.from_lines(["*.md"])
        config.theme["language"] = lang
        # `true` shows Material's selector without its site-wide <link rel=alternate>: ours are per page.
        config.extra["alternate"] = True
        config.extra["digest_languages"] = [
            {"lang": other, "name": language_name(other, settings),
             "link": os.path.relpath(os.path.join("/", settings.language_prefix(other)), os.path.join("/", settings.language_prefix(lang))) + "/"}
            for other in settings.languages
        ]
        return config

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        settings = self.settings(config)
        server.unwatch(config.docs_dir)  # our own output: a write there must not trigger another build
        for folder in (settings.content_dir, settings.templates_dir):
            server.watch(os.path.join(settings.root, folder))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        settings = self.settings(config)
        if self.language != settings.default_language:
            return
        for lang in settings.languages[1:]:
            log.info(f"digest: building the '{lang}' site into {os.path.join(config.site_dir, lang)}")
            sub = load_config(
                config_file=config.config_file_path,
                site_dir=os.path.join(config.site_dir, lang),
                site_url=(config.site_url.rstrip("/") + f"/{lang}/") if config.site_url else None,
                strict=config.strict,
            )
            plugin = sub.plugins["digest"]
            assert isinstance(plugin, DigestPlugin)
            plugin.language, plugin.nav = lang, self.nav
            plugin.command, plugin.dirty = self.command, self.dirty
            mkdocs_build(sub, serve_url=sub.site_url if self.command == "serve" else None, dirty=self.dirty)
