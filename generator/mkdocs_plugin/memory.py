"""A build process's memory: the collector kept off what lives to the end, and what the pages held given back
to the system before Pagefind runs beside it."""

from __future__ import annotations

import contextlib
import ctypes
import gc
from collections.abc import Iterator


def release_memory() -> None:
    """Give the system back what the pages built so far held, before Pagefind runs or the process waits for the
    others: Python frees it, but the C allocator keeps it for the process unless asked (glibc's malloc_trim; where
    there is none, nothing to do)."""
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError, TypeError):  # no C library by that name (Windows), or no malloc_trim (macOS, musl)
        pass


def keep_to_the_end(serving: bool) -> None:
    """What a build holds now (the content, its indexes, the renderer) lives until the build ends: out of the
    cyclic collector's sight from here on (gc.freeze). At 10,000 stories every full collection walked it all again,
    and a forked language build that walks it copies pages of memory it would otherwise share with this one.
    No collection first: collector_waits kept it off while all this was made, and what garbage it made (about 150
    objects at 10,000 stories) is not worth a walk of the whole heap (0.5 s). Python's documentation gives this
    recipe for a process that forks: the collector disabled early, gc.freeze() just before the fork.
    Not under serve, which lives on: each full rebuild replaces what the last one held."""
    if serving:
        return
    gc.freeze()


@contextlib.contextmanager
def collector_waits() -> Iterator[None]:
    """No cyclic collection while the build reads the cache and the content and plans the pages: that makes a
    million objects that live to the end and next to no cyclic garbage, and at 10,000 stories the collector ran
    seven full collections meanwhile that found nothing (about 2 s of CPU), more often once part of the heap
    was frozen. A preview's rebuild plans its pages the same way (0.18 s instead of 0.27 s at 1,000 stories)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
