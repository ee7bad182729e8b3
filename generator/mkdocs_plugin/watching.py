"""`mkdocs serve` watches with the system's file notifications, for changes only."""

from __future__ import annotations

from typing import Any


def notified_of_changes(server: Any) -> None:
    """Watch with the system's file notifications (inotify on Linux) instead of MkDocs' polling every 0.5 s: the
    preview starts its rebuild as soon as a file is saved, and nothing stats every story twice a second. Where
    the system has none, or MkDocs keeps its watches elsewhere than in 1.6, MkDocs' polling stays."""
    try:
        from watchdog.events import (
            DirCreatedEvent,
            DirDeletedEvent,
            DirMovedEvent,
            FileClosedEvent,
            FileCreatedEvent,
            FileDeletedEvent,
            FileModifiedEvent,
            FileMovedEvent,
        )
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:  # not Linux, or another watchdog
        return
    paths = getattr(server, "_watched_paths", None)
    if not isinstance(paths, dict) or not hasattr(server, "observer"):
        return
    # Changes only: inotify also reports files opened and read, and every build reads the templates.
    changes = [
        FileCreatedEvent,
        FileDeletedEvent,
        FileModifiedEvent,
        FileMovedEvent,
        FileClosedEvent,
        DirCreatedEvent,
        DirDeletedEvent,
        DirMovedEvent,
    ]

    class ChangesObserver(InotifyObserver):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(
                event_handler, path, recursive=recursive, event_filter=event_filter or changes, follow_symlink=follow_symlink
            )

    watched = list(paths)
    for path in watched:
        server.unwatch(path)
    server.observer = ChangesObserver()
    for path in watched:
        server.watch(path)
