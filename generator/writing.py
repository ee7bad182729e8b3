"""Write rendered pages to a folder the generator owns, touching only files whose content changed.

Unchanged files keep their modification time, so MkDocs' file watcher and `--dirty` see only real edits.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .model import Page


def write_pages(folder: Path, pages: list[Page]) -> list[str]:
    """Make folder hold exactly these pages; return the paths written. Stale Markdown files are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {page.path: page.text.encode("utf-8") for page in pages}
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
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
        written.append(path)
    for existing in sorted(folder.rglob("*"), reverse=True):
        rel = existing.relative_to(folder).as_posix()
        if existing.is_file() and rel not in wanted:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return written
