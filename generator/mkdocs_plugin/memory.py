"""Memory a build process no longer needs, given back to the system before Pagefind runs beside it."""

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
