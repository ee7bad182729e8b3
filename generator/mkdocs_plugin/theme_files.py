"""The theme's files as MkDocs lists them, without walking the hidden folders it would skip anyway.

Every MkDocs build lists all of the theme's templates to find the files to copy (Material's CSS, JavaScript and
fonts), then drops every hidden path ('.*', '*/.*'). Material keeps about 14,000 icons in `.icons/`, so each
build (each language's process, and each rebuild of the preview) walked and matched them all for nothing."""

from __future__ import annotations

import os
from typing import Any

import jinja2


class ThemeLoader(jinja2.FileSystemLoader):
    """Jinja's FileSystemLoader, whose listing leaves out hidden files and folders."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                inside = os.path.relpath(folder, searchpath).replace(os.path.sep, "/")
                found.update(name if inside == "." else f"{inside}/{name}" for name in names if not name.startswith("."))
        return sorted(found)


def skip_hidden_files(theme: Any) -> None:
    """Make the theme's Jinja environments list their files without the hidden ones (its get_env, on this theme)."""
    get_env = theme.get_env

    def env() -> jinja2.Environment:
        made = get_env()
        if type(made.loader) is jinja2.FileSystemLoader:  # MkDocs' own; anything else is left as it is
            made.loader.__class__ = ThemeLoader
        return made

    theme.get_env = env
