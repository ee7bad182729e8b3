"""Search: each language's story pages indexed by Pagefind, with word-form stemming per <html lang>."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

from mkdocs.exceptions import PluginError


def index_for_search(site_dir: str, lang: str, pages: list[tuple[str, str]]) -> None:
    """Index a language's story pages with Pagefind into site_dir/pagefind/.

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
                handle.write(
                    f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head>'
                    f"<body><main data-pagefind-body>{content}</main></body></html>"
                )
        run_pagefind(source, os.path.join(site_dir, "pagefind"))
    finally:
        shutil.rmtree(source, ignore_errors=True)


def pagefind_command() -> list[str]:
    """Pagefind's own binary (pagefind_bin's public get_executable), not `python -m pagefind`, which starts
    Python only to exec it: 0.1 s per language."""
    try:
        from pagefind_bin import get_executable

        return [str(get_executable())]
    except Exception:  # another packaging of Pagefind: its module knows where the binary is
        return [sys.executable, "-m", "pagefind"]


def run_pagefind(site_dir: str, output: str, glob: str = "**/index.html") -> None:
    command = [*pagefind_command(), "--site", site_dir, "--output-path", output, "--glob", glob, "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode < 0:  # killed: a full disk or a size limit (SIGXFSZ), memory, or someone's kill
        stopped = signal.Signals(-result.returncode).name
        raise PluginError(f"digest: Pagefind was stopped by {stopped} while writing the search index to {output}")
    if result.returncode != 0:
        raise PluginError(f"digest: Pagefind could not index the site ({output}):\n{result.stdout}{result.stderr}")
