"""The digest's pages as MkDocs files: virtual, rendered by the core when MkDocs reads them."""

from __future__ import annotations

import logging
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..rendering import PageSpec, Renderer, escape_all
from ..rendering.email import email_files
from ..urls import checked_path
from . import warm_build
from .languages import INDEXES, STORIES, WRITTEN
from .preview import KeptFile
from .warm_build import WarmBuild


def page_specs(renderer: Renderer, lang: str) -> dict[str, PageSpec]:
    """A language's pages by docs path."""
    return {checked_path(spec.path): spec for spec in renderer.specs(lang)}


def add_pages(
    files: Files,
    config: MkDocsConfig,
    renderer: Renderer,
    lang: str,
    specs: dict[str, PageSpec],
    part: str | None,
    changed: set[str] | None,
    feeds_changed: Collection[str] | None,
    reused: set[str] | frozenset[str] = frozenset(),
    warm: WarmBuild | None = None,
) -> Files:
    """Every page, feed, redirect and attached file of a language (or of its part of it), as virtual files; pages a
    dirty build leaves alone (and those a warm build reuses) are KeptFiles. A story's or page's file gets the edit link
    of the editor's own file."""
    if part == STORIES:  # the default language's story pages only: its index pages and files are built beside
        for file in [file for file in files if not file.is_documentation_page()]:
            files.remove(file)
    for path, spec in specs.items():
        if part == INDEXES and spec.kind == "story":  # site pages build here too: the tabs may link them
            continue
        kept = (changed is not None and path not in changed) or (part == STORIES and spec.kind not in WRITTEN) or path in reused
        file = (KeptFile if kept else File).generated(config, path, content="")
        file.edit_uri = edit_path(spec.source, renderer.settings.content_dir)
        files.append(file)
    if part != STORIES and warm is not None:  # a build: feeds and editions from the last build where they are the same
        for path, text, source in warm_build.language_assets(warm, renderer, lang):
            if source is None:
                files.append(File.generated(config, path, content=text or ""))
            else:  # copied by MkDocs, as it copies an attached picture
                files.append(File.generated(config, path, abs_src_path=source))
    elif part != STORIES:  # a preview's rebuild writes only the feeds an edit changed
        for asset in renderer.feed_files(lang, feeds_changed):
            files.append(File.generated(config, checked_path(asset.path), content=asset.text))
        # Each issue's email edition, beside its page (rendering/email.py); a preview's rebuild makes only those of
        # the issues whose page it builds again (a warm build reuses an edition with its page the same way).
        rebuilt = None if changed is None else {spec.url for path, spec in specs.items() if spec.kind == "issue" and path in changed}
        for asset in email_files(renderer, lang, skip=lambda url: rebuilt is not None and url not in rebuilt):
            files.append(File.generated(config, asset.path, content=asset.text))
    if part != STORIES:
        for asset in renderer.redirect_files(lang):
            files.append(File.generated(config, asset.path, content=asset.text))
    for attachment in renderer.attachment_files(lang):  # every part: MkDocs checks the stories' links against them
        files.append(File.generated(config, checked_path(attachment.path), abs_src_path=attachment.source))
    return files


def edit_path(source: str | None, content_dir: str) -> str | None:
    """The editor's file relative to the content folder, as `edit_uri: edit/main/content/` expects it; None for
    pages the digest writes itself."""
    if source is None:
        return None
    prefix = content_dir.strip("/") + "/"
    return source[len(prefix) :] if source.startswith(prefix) else source


def title_kept_pages(nav: Any, specs: dict[str, PageSpec]) -> set[str]:
    """Pages in the nav that this build leaves alone still need their titles for the nav of the pages it builds.
    Returns the docs paths of the pages in the nav."""
    for page in nav.pages:
        spec = specs.get(page.file.src_uri)
        if spec is not None and isinstance(page.file, KeptFile) and "title" not in vars(page):  # not titled by the nav
            page.title = escape_all(spec.meta["title"])
    return {page.file.src_uri for page in nav.pages}


def nav_targets(nav: Any) -> dict[str, list[list[str]]]:
    """What the tabs and the sidebar link to: the address of every page and link in the nav, split at its slashes,
    by its first folder (only a page under that folder shares any folder with it: links_key looks at no other)."""
    found: dict[str, list[list[str]]] = {}
    items = list(nav.items)
    while items:
        item = items.pop()
        items.extend(item.children or [])
        if getattr(item, "url", None) is not None:  # a page or a link; a section links to its first page
            found.setdefault(item.url.split("/")[0], []).append(item.url.split("/"))
    return found


def links_key(url: str, targets: dict[str, list[list[str]]]) -> str:
    """Pages with the same key get the same relative links to every target of the nav, so that the tabs and the
    sidebar rendered for one of them serve them all. A link from folder F to target T climbs from F up to the
    folders they share, then goes down T: it depends on F's depth and on how many leading folders F shares with
    T. Same depth is not enough: from issues/page/2/ the issues are at ../../, from 2025/04/x/ at ../../../issues/."""
    folder = url.split("/")[:-1]  # "2025/04/x/" -> 2025, 04, x; "2025/04/x.html" -> 2025, 04; the home -> none

    def shared(target: list[str]) -> int:
        count = 0
        while count < min(len(folder), len(target)) and folder[count] == target[count]:
            count += 1
        return count

    near = targets.get(folder[0], []) if folder else []  # a story's folder (2025/...) shares its first with no target
    return " ".join([str(len(folder)), *sorted(f"{'/'.join(target)}:{n}" for target in near if (n := shared(target)))])


def shared_renderings(env: jinja2.Environment, cache_dir: Path, targets: dict[str, list[list[str]]]) -> jinja2.Environment:
    """`digest_once(key...)` for the theme: a call block rendered once per build and key (the nav and tabs of
    the pages that are not in the nav, the same on each of them), then reused. The key also holds the page's
    links_key to the nav's targets, whatever the template passes, so a block with relative links is never reused
    on a page where they would lead elsewhere. And Material's templates compiled once and kept in cache_dir: every
    later build, each language's process and each rebuild of the preview load them instead of compiling them again;
    Jinja checks each template's source against its cached code."""
    rendered: dict[tuple, Any] = {}

    @jinja2.pass_context
    def digest_once(context: Any, *key: Any, caller: Any) -> Any:
        page = context.get("page")
        key = (*key, links_key(page.url, targets) if page is not None and page.url is not None else None)
        if key not in rendered:
            rendered[key] = caller()
        return rendered[key]

    env.globals["digest_once"] = digest_once
    if env.bytecode_cache is None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache_dir))
    return env


class SourceNames(logging.Filter):
    """MkDocs' messages about a page name the editor's file, not the virtual docs path the digest gave it
    ("Doc file '2025/04/chips/index.md' contains a link ..." -> "Doc file 'content/2025/04/chips.en.md' ...")."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: dict[str, str] = {}

    def use(self, specs: dict[str, PageSpec]) -> None:
        """Name the files of these pages, on every handler of MkDocs' log (a filter on the logger would miss its children)."""
        self.sources = {path: spec.source for path, spec in specs.items() if spec.source}
        for handler in logging.getLogger("mkdocs").handlers:
            if self not in handler.filters:
                handler.addFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        if self.sources and record.levelno >= logging.WARNING:
            message = record.getMessage()
            for path in QUOTED.findall(message):
                if path in self.sources:
                    message = message.replace(f"'{path}'", f"'{self.sources[path]}'")
            record.msg, record.args = message, ()
        return True


QUOTED = re.compile(r"'([^']+\.md)'")
