"""Build the site in a folder beside site/ and swap it in at the end, so a failed build loses nothing.

MkDocs empties site/ before it writes a page. Staged, the build writes into a fresh hidden folder beside it
(`.site.staging-<pid>-<random>`), and only a finished build takes site/'s place, by two renames in the same
folder. A build that fails, or is stopped by Ctrl-C (SIGINT) or SIGTERM, leaves site/ as it was: the staging
folder is removed, with the language builds still writing into it stopped first. A staging folder left by a
build that was killed outright (SIGKILL, a power cut) is removed by the next build.

Like MkDocs' own cleaning, the swap keeps site/'s hidden entries, such as a `.git` folder of a Pages checkout.
No MkDocs here: the plugin calls begin(), track(), commit() and abort().
"""

from __future__ import annotations

import atexit
import gzip
import multiprocessing.util  # noqa: F401 - registers its exit handler (which waits for children) before ours, so ours runs first
import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

STOPPING = (signal.SIGINT, signal.SIGTERM)


def staging_name(site: Path) -> re.Pattern[str]:
    """The names this module gives its folders beside site/, with the id of the process that made them."""
    return re.compile(rf"^\.{re.escape(site.name)}\.staging-(\d+)-")


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def remove_stale(site: Path) -> list[Path]:
    """Remove staging folders whose build is no longer running (it was killed before it could clean up)."""
    pattern, removed = staging_name(site), []
    for entry in site.parent.iterdir() if site.parent.is_dir() else []:
        match = pattern.match(entry.name)
        if match and int(match.group(1)) != os.getpid() and not running(int(match.group(1))):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def folder_mode(site: Path) -> int:
    """site/'s own permissions when it exists, else what the umask gives a new folder (mkdtemp's 0700 is too strict
    for a web server reading the site as another user)."""
    if site.is_dir():
        return site.stat().st_mode & 0o7777
    mask = os.umask(0)
    os.umask(mask)
    return 0o777 & ~mask


class Stage:
    """One staged build: begin() gives the folder to build into, commit() swaps it in, abort() throws it away."""

    def __init__(self) -> None:
        self.site: Path | None = None
        self.temp: Path | None = None
        self.owner = os.getpid()
        self.processes: list[Any] = []
        self.handlers: dict[int, Any] = {}

    @property
    def active(self) -> bool:
        return self.temp is not None and os.getpid() == self.owner

    def begin(self, site_dir: str) -> str:
        """Make the staging folder beside site_dir and return it; site_dir itself when it cannot be staged
        (a symbolic link or a mount point cannot be swapped by a rename)."""
        self.abort()
        site = Path(os.path.abspath(site_dir))
        if site.is_symlink() or (site.is_dir() and os.path.ismount(site)):
            return site_dir
        site.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(site)
        self.site, self.owner, self.processes = site, os.getpid(), []
        self.temp = Path(tempfile.mkdtemp(prefix=f".{site.name}.staging-{os.getpid()}-", dir=site.parent))
        os.chmod(self.temp, folder_mode(site))
        atexit.register(self.abort)  # Ctrl-C and SIGTERM end the process through Python's exit: clean up then
        if threading.current_thread() is threading.main_thread():
            for number in STOPPING:
                if signal.getsignal(number) in (signal.SIG_DFL, signal.default_int_handler):
                    self.handlers[number] = signal.signal(number, stop)
        return str(self.temp)

    def track(self, process: Any) -> None:
        """A child process that writes into the staging folder: abort() stops it before removing the folder."""
        self.processes.append(process)

    def commit(self, current: str, discard: Callable[[Path], None] | None = None) -> str:
        """Put the staged build in site_dir's place and return site_dir (`current` when nothing was staged);
        hidden entries of the old site/ move over. The old site goes to `discard` (by default it is removed)."""
        if not self.active:
            return current
        assert self.site is not None and self.temp is not None
        site, temp, old = self.site, self.temp, self.temp.with_name(self.temp.name + "-old")
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)  # no Ctrl-C between the two renames
        try:
            if site.is_dir():
                for entry in site.iterdir():
                    if entry.name.startswith(".") and not (temp / entry.name).exists():
                        os.rename(entry, temp / entry.name)
                os.rename(site, old)
            os.rename(temp, site)
            self.temp = None
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        if discard is None:
            shutil.rmtree(old, ignore_errors=True)
        elif old.exists():
            discard(old)
        self.finish()
        return str(site)

    def abort(self) -> None:
        """Stop the tracked processes, then remove the staging folder; site_dir is not touched."""
        if not self.active:
            return
        assert self.temp is not None
        for process in self.processes:
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
                process.join()
        shutil.rmtree(self.temp, ignore_errors=True)
        self.temp = None
        self.finish()

    def finish(self) -> None:
        self.processes = []
        atexit.unregister(self.abort)
        for number, handler in self.handlers.items():
            signal.signal(number, handler)
        self.handlers = {}


def stop(number: int, frame: Any) -> None:
    """SIGINT and SIGTERM end a staged build as Ctrl-C does, through Python's exit, so that abort() runs."""
    raise KeyboardInterrupt(f"stopped by {signal.Signals(number).name}")


def system_error(error: OSError) -> str:
    """A failure of the machine, not of the content, in one line that names the path."""
    path = error.filename2 or error.filename  # a copy that fails to write names its source first, its target second
    where = f" ({path})" if path else ""
    return f"digest: the build stopped: {error.strerror or error}{where}; site/ is unchanged"


def write_site_files(site_dir: str, files: dict[str, str]) -> None:
    """The files of the whole site (site_files): one sitemap for all languages at the root (each language keeps
    MkDocs' own, which Material's instant navigation reads), gzipped beside it too."""
    for path, text in files.items():
        target = Path(site_dir, path)
        target.write_text(text, encoding="utf-8")
        if path == "sitemap.xml":
            with open(f"{target}.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
                packed.write(text.encode("utf-8"))
