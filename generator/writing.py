"""Write rendered pages as Markdown files to a folder the generator owns, touching only files whose content changed.

For a site builder that reads files (the MkDocs plugin hands MkDocs virtual files instead). Unchanged files keep
their modification time, so a file watcher or a dirty build sees only real edits. `checked_path` is the last
guard before any page, on disk or virtual, gets an address.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path, PurePosixPath

from .model import Asset, Page


def checked_path(path: str) -> str:
    """A page path that stays inside the folder: relative, forward slashes, no '.', '..' or empty part.
    Validation keeps such paths out of the pages; this is the last guard before a file is written."""
    parts = PurePosixPath(path).parts
    if not parts or path.startswith("/") or "\\" in path or "\0" in path or any(part in (".", "..") for part in parts) \
            or PurePosixPath(*parts).as_posix() != path:
        raise ValueError(f"refusing to write the page {path!r}: it would not stay inside the pages folder")
    return path


def write_pages(folder: Path, pages: list[Page | Asset]) -> list[str]:
    """Make folder hold exactly these pages; return the paths written. Stale Markdown files are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {checked_path(page.path): page.text.encode("utf-8") for page in pages}
    if len(wanted) < len(pages):
        twice = next(path for path, count in Counter(page.path for page in pages).items() if count > 1)
        raise ValueError(f"two pages would be written to {twice}; one would silently replace the other")
    written = []
    for path, data in wanted.items():
        target = folder / path
        try:
            if target.read_bytes() == data:
                continue
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target, then rename: a reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except BaseException:  # a full disk, or Ctrl-C: no half-written temporary file is left behind
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(path)
    for existing in sorted(folder.rglob("*"), reverse=True):
        rel = existing.relative_to(folder).as_posix()
        if existing.is_file() and rel not in wanted:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return written
