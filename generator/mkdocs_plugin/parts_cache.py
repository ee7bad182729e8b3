"""Earlier search index parts (search.py), each in a folder named by what it indexed, with the list of its files
and their sizes and times: a part is taken from here only when every file is there as it was saved. A part is
written beside its place and renamed into it, so a build stopped halfway leaves no half part behind. Files are
hard links to the index in site/ (as in warm_cache.py), not copies: a file changed in place is seen by its time."""

from __future__ import annotations

import json
import os
import shutil

from ..warm_cache import link_or_copy, stamp

FILES = ".files.json"


def restore(entry: str, target: str) -> bool:
    """Copy a kept part to `target`; False when there is none, or it is not whole."""
    try:
        with open(os.path.join(entry, FILES), encoding="utf-8") as handle:
            files = json.load(handle)
        if not isinstance(files, dict) or not all(stamp(os.path.join(entry, name)) == saved for name, saved in files.items()):
            return False
    except (OSError, ValueError, TypeError):
        return False
    for name in files:
        os.makedirs(os.path.dirname(os.path.join(target, name)), exist_ok=True)
        link_or_copy(os.path.join(entry, name), os.path.join(target, name))
    return True


def save(folder: str, entry: str) -> None:
    """Keep the part Pagefind just wrote in `folder` (its own files, not the other parts inside the first one)."""
    files = {}
    for root, dirs, names in os.walk(folder):
        dirs[:] = [name for name in dirs if not (root == folder and name.startswith("part-"))]
        for name in names:
            path = os.path.join(root, name)
            files[os.path.relpath(path, folder).replace(os.sep, "/")] = stamp(path)
    partial = entry + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    for name in files:
        os.makedirs(os.path.dirname(os.path.join(partial, name)), exist_ok=True)
        link_or_copy(os.path.join(folder, name), os.path.join(partial, name))
    with open(os.path.join(partial, FILES), "w", encoding="utf-8") as handle:
        json.dump(files, handle)
    shutil.rmtree(entry, ignore_errors=True)
    os.replace(partial, entry)


def keep_only(folder: str, keys: set[str]) -> None:
    """Remove the parts this build did not use."""
    for name in os.listdir(folder) if os.path.isdir(folder) else []:
        if name not in keys:
            shutil.rmtree(os.path.join(folder, name), ignore_errors=True)
