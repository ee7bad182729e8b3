"""What a build replaced (the last site/, the last warm cache) is removed by the next build, beside its own work.

Removing a site of 10,000 pages is seconds of file-system work, and a build that ends with it keeps its user
waiting for nothing. So a build moves what it replaced into the project's trash folder (.digest/trash/: one rename,
on the same file system; anything else is removed at once), and the next build starts removing what it finds there
in a process of its own as soon as it starts. Its first seconds (reading and checking every story) use one core;
the removal takes the other. It waits for that process before it ends, so nothing runs on after it. Ctrl-C stops
the removal; what is left is removed next time. Between builds the trash holds the last site replaced: mostly
hard links to the files of the current one (warm_cache.py).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import uuid
from typing import Any, NamedTuple


class Sweep(NamedTuple):
    """The process removing the trash, and the process that started it (the only one that may wait for it)."""

    process: Any  # multiprocessing's Process
    owner: int


def discard(folder: str | os.PathLike[str], trash: str) -> None:
    """Move a folder into the trash, for the next build to remove; remove it now where it cannot be moved there."""
    try:
        os.makedirs(trash, exist_ok=True)
        os.rename(folder, os.path.join(trash, uuid.uuid4().hex))
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def sweep(trash: str) -> Sweep | None:
    """Start removing what is in the trash now (not what is put there later), in a process of its own; None when
    there is nothing to remove. Wait for it with done()."""
    entries = [os.path.join(trash, name) for name in os.listdir(trash)] if os.path.isdir(trash) else []
    if not entries or "fork" not in multiprocessing.get_all_start_methods():
        return None
    process = multiprocessing.get_context("fork").Process(target=remove, args=(entries,), name="digest-trash", daemon=True)
    process.start()
    return Sweep(process, os.getpid())


def remove(entries: list[str]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build's Ctrl-C ends this process through the build (daemon)
    for entry in entries:
        shutil.rmtree(entry, ignore_errors=True)


def done(sweeping: Sweep | None) -> None:
    """Wait for a sweep to finish (in the process that started it: the language builds, forked from it, share the
    plugin that holds it)."""
    if sweeping is not None and sweeping.owner == os.getpid():
        sweeping.process.join()
