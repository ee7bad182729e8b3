"""The digest's pages as MkDocs files: virtual, rendered by the core when MkDocs reads them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..rendering import PageSpec, Renderer, escape_all
from ..urls import checked_path
from .languages import INDEXES, STORIES
from .preview import KeptFile


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
    feeds_changed: bool,
) -> Files:
    """Every page and feed of a language (or of its part of it), as virtual files; pages a dirty build leaves
    alone are KeptFiles."""
    if part == STORIES:  # the default language's story pages only: its index pages and files are built beside
        for file in [file for file in files if not file.is_documentation_page()]:
            files.remove(file)
    for path, spec in specs.items():
        if part == INDEXES and spec.kind == "story":
            continue
        kept = (changed is not None and path not in changed) or (part == STORIES and spec.kind != "story")
        files.append((KeptFile if kept else File).generated(config, path, content=""))
    if part != STORIES:
        for asset in renderer.feed_files(lang):
            files.append((File if feeds_changed else KeptFile).generated(config, checked_path(asset.path), content=asset.text))
    return files


def title_kept_pages(nav: Any, specs: dict[str, PageSpec]) -> set[str]:
    """Pages in the nav that this build leaves alone still need their titles for the nav of the pages it builds.
    Returns the docs paths of the pages in the nav."""
    for page in nav.pages:
        spec = specs.get(page.file.src_uri)
        if spec is not None and isinstance(page.file, KeptFile) and "title" not in vars(page):  # not titled by the nav
            page.title = escape_all(spec.meta["title"])
    return {page.file.src_uri for page in nav.pages}


def shared_renderings(env: jinja2.Environment, cache_dir: Path) -> jinja2.Environment:
    """`digest_once(key...)` for the theme: a call block rendered once per build and key (the nav and tabs of
    the pages that are not in the nav, the same on each of them), then reused. And Material's templates compiled
    once and kept in cache_dir: every later build, each language's process and each rebuild of the preview load
    them instead of compiling them again; Jinja checks each template's source against its cached code."""
    rendered: dict[tuple, Any] = {}

    def digest_once(*key: Any, caller: Any) -> Any:
        if key not in rendered:
            rendered[key] = caller()
        return rendered[key]

    env.globals["digest_once"] = digest_once
    if env.bytecode_cache is None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache_dir))
    return env
