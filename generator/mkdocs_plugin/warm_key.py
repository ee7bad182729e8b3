"""The key of a warm build's cache: what can change any page besides what the snapshot compares (warm.py), and
the earlier build's cache when it was made under the same key."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from .. import warm, warm_cache
from ..caching import ContentCache
from ..model import Settings
from .config import project_root

# The loaded configuration's settings that any page may show (with mkdocs.yml's own bytes, the cache's key).
CONFIG_KEYS = (
    "site_name", "site_description", "site_author", "site_url", "repo_url", "repo_name", "edit_uri", "edit_uri_template",
    "copyright", "use_directory_urls", "extra", "extra_css", "extra_javascript", "extra_templates", "markdown_extensions",
    "mdx_configs", "validation", "watch",
)  # fmt: skip


@dataclass
class Previous:
    """What the last complete build left, as far as this build can use it."""

    folder: Path  # .digest/warm
    key: str  # this build's key
    earlier: warm_cache.Earlier | None  # None: not usable (why says why)
    why: str
    stories: ContentCache  # the story files as read and checked by the last build (empty without one)


def previous(config: MkDocsConfig, settings: Settings, build_dir: str) -> Previous:
    """This build's key, and the cache the last complete build left when it was made under the same key."""
    folders = {"templates": Path(settings.root, settings.templates_dir)}
    if config.theme.custom_dir:
        folders["custom_dir"] = Path(config.theme.custom_dir)
    key = warm.cache_key(folders, config_text(config))
    folder = Path(settings.root, build_dir, "warm")
    earlier, why = warm_cache.load(folder, key)
    return Previous(folder, key, earlier, why, earlier.stories if earlier is not None else ContentCache())


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
