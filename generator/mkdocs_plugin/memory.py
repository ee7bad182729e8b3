"""A build process's memory: the collector kept off what lives to the end, and what the pages held given back
to the system before Pagefind runs beside it."""

from __future__ import annotations

import ctypes
import gc


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
    Not under serve, which lives on: each full rebuild replaces what the last one held."""
    if serving:
        return
    gc.collect()
    gc.freeze()
