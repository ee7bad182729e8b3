"""A warm `mkdocs build`: the pages whose inputs did not change since the last complete build are not rendered
again; their HTML comes from the cache that build left in .digest/warm/ (the core's warm.py decides which,
warm_cache.py keeps them).

Every process of the build gets the WarmBuild (the language builds are forked from the `mkdocs` one): each
builds its pages with MkDocs' dirty machinery, the reused ones as KeptFiles copied from the cache beforehand, and
indexes its language for search from the content of every story, the reused ones' read from the cache (Pagefind
has no incremental update). At the end the `mkdocs` process saves the finished site as the next cache; a build
that fails, or warns (in any process), saves none, so that the next build is cold and warns the same.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from .. import warm, warm_cache
from ..model import Settings
from ..rendering import PageSpec, Renderer
from .config import project_root
from .preview import KeptFile

log = logging.getLogger("mkdocs.plugins.digest")
# The loaded configuration's settings that any page may show (with mkdocs.yml's own bytes, the cache's key).
CONFIG_KEYS = (
    "site_name", "site_description", "site_author", "site_url", "repo_url", "repo_name", "edit_uri", "edit_uri_template",
    "copyright", "use_directory_urls", "extra", "extra_css", "extra_javascript", "extra_templates", "markdown_extensions",
    "mdx_configs", "validation", "watch",
)  # fmt: skip


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


def config_text(config: MkDocsConfig) -> str:
    """The loaded configuration, as text for the cache's key: mkdocs.yml's bytes, and what it came to (with the
    environment's values and the command line's options), the theme and every plugin's options."""
    path = config.config_file_path
    root = project_root(config)
    raw = Path(path).read_bytes().decode("utf-8", "replace") if path and os.path.isfile(path) else ""
    modules: Any = config.hooks or []
    files = [getattr(module, "__file__", None) for module in (modules.values() if isinstance(modules, dict) else modules)]
    hooks = {within(file, root): Path(file).read_bytes().hex() for file in files if file and os.path.isfile(file)}
    plugins = {name: dict(getattr(plugin, "config", {}) or {}) for name, plugin in config.plugins.items()}
    values = {key: config.get(key) for key in CONFIG_KEYS}
    theme = config.theme
    dirs = [within(folder, root) for folder in theme.dirs]
    themed = {"name": theme.name, "dirs": dirs, "static_templates": sorted(theme.static_templates), **dict(theme.items())}
    return json.dumps([raw, values, themed, plugins, hooks], sort_keys=True, default=repr)


def within(path: str, root: str) -> str:
    """A path inside the project relative to it (a project moved with its .digest/ keeps its cache), else as it is."""
    relative = os.path.relpath(path, root)
    return path if relative.startswith("..") else relative


@dataclass
class WarmBuild:
    """This build's cache: the earlier one (when usable), the pages kept from it, and the folder of the next."""

    folder: Path  # .digest/warm
    new: Path  # the next cache, until it is complete
    key: str
    snapshot: warm.Snapshot
    earlier: warm_cache.Earlier | None
    kept: dict[str, set[str]] = field(default_factory=dict)  # language -> docs paths reused; empty in a cold build

    @property
    def reusing(self) -> bool:
        return any(self.kept.values())


def start(
    config: MkDocsConfig, settings: Settings, renderer: Renderer, nav: dict[str, list[Any]], build_dir: str, search: bool
) -> WarmBuild:
    """Read the earlier build's cache and decide which pages to reuse; logs one line saying which kind of build this is."""
    folders = {"templates": Path(settings.root, settings.templates_dir)}
    if config.theme.custom_dir:
        folders["custom_dir"] = Path(config.theme.custom_dir)
    key = warm.cache_key(folders, config_text(config))
    snapshot = warm.snapshot(renderer, nav)
    folder = Path(settings.root, build_dir, "warm")
    earlier, why = warm_cache.load(folder, key)
    kept = warm.reusable(earlier.snapshot, snapshot) if earlier is not None else None
    if earlier is not None and kept is None:
        why = "what every page shows changed (settings, topics, words, site pages, attached files or the nav)"
    if kept and search and earlier is not None:  # a story reused needs its content for the search index
        kept = {lang: indexed(snapshot, lang, paths, earlier.search.get(lang, {})) for lang, paths in kept.items()}
    build = WarmBuild(folder, warm_cache.begin(folder), key, snapshot, earlier, kept or {})
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


def restore(build: WarmBuild, lang: str, files: Files, specs: dict[str, PageSpec], written_only: bool) -> None:
    """Put the kept pages of this process's part where MkDocs would have written them (it leaves KeptFiles alone)."""
    kept, earlier = build.kept.get(lang, set()), build.earlier
    if not kept or earlier is None:
        return
    made: set[str] = set()
    for file in files.documentation_pages():
        if isinstance(file, KeptFile) and file.src_uri in kept and not (written_only and specs[file.src_uri].kind not in warm.WRITTEN):
            folder = os.path.dirname(file.abs_dest_path)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            shutil.copyfile(warm_cache.page_file(earlier.folder, lang, file.src_uri), file.abs_dest_path)


def searchable(build: WarmBuild, lang: str, specs: dict[str, PageSpec], built: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """What to index for search in a language: each story and page as built now, or as the cache has it when kept;
    in the pages' order, as a cold build indexes them. Saved for the next build."""
    earlier = build.earlier.search.get(lang, {}) if build.earlier is not None else {}
    pages = {path: built.get(path) or earlier[path] for path, spec in specs.items() if spec.kind in warm.WRITTEN}
    warm_cache.write_search(build.new, lang, pages)
    return pages


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
        warm_cache.save(build.new, build.key, build.snapshot, site_dir, build.kept, build.earlier)
    except OSError as err:
        log.info(f"digest: the next build cannot reuse this one: {err}")
        abort(build)
        return False
    return True


def commit(build: WarmBuild) -> None:
    warm_cache.commit(build.new, build.folder)


def abort(build: WarmBuild) -> None:
    shutil.rmtree(build.new, ignore_errors=True)
