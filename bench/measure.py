"""Run one command and measure what it cost: wall time, CPU time and memory of its whole process tree.

- CPU time is user + sys of the command and every process it waited for (its forked language builds,
  Pagefind), from the delta of getrusage(RUSAGE_CHILDREN) around it.
- "max RSS" is the kernel's ru_maxrss for the command: the largest resident set of any ONE process in the
  tree (the kernel keeps a max over children, not a sum), read from wait4 for this command alone.
- "tree PSS" is sampled every 0.25 s with psutil: the sum of the proportional set sizes of every live process in
  the tree, so pages a forked child still shares with its parent count once. Its peak is what the machine
  needed at once. Without psutil it is None.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

try:
    import psutil
except ImportError:  # pragma: no cover - psutil is in the test extras; the bench runs without it
    psutil = None

MB = 1024 * 1024


@dataclass
class Usage:
    wall: float  # seconds
    cpu: float  # seconds, user + sys of the whole tree
    max_rss_mb: float  # the largest single process
    tree_mb: float | None  # peak of the sampled sum over the tree (PSS)
    returncode: int | None  # None when the command ran out of time
    log: str  # the command's stderr (and stdout), for when it failed

    @property
    def ok(self) -> bool:
        return self.returncode == 0


class TreeSampler(threading.Thread):
    """Samples the summed PSS of a process and all its descendants until stopped; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.done.is_set():
            total = 0
            try:
                processes = [root, *root.children(recursive=True)]
            except psutil.Error:
                processes = []
            for process in processes:
                try:
                    total += process.memory_full_info().pss
                except psutil.Error:  # ended between the listing and the read, or a zombie
                    continue
            self.peak = max(self.peak, total)
            self.done.wait(self.interval)


SETTLE = 6.0  # seconds: more than ext4's 5 s of refusing freed inodes once they are on disk


def settle(seconds: float = SETTLE) -> None:
    """Let the file system forget the files just deleted before the next build is timed, as far as it will.

    Measured with perf on this machine (ext4 without a journal): after `rm -rf` of a 1,000-story site, a build's
    file creations spent most of its kernel time in find_inode_bit/recently_deleted, skipping inodes freed in the
    last 5 s, or 300 s while the block that holds them is not yet written back. sync() writes them back and the
    wait passes the 5 s, but the next build's own new files dirty those blocks again, and the 300 s apply once
    more: a third of a cold build's samples were still there after sync and 8 s. The wait lowers this cost, it
    does not remove it; a work folder in memory (`--work /dev/shm/...`) does (see file_system)."""
    if seconds > 0:
        os.sync()
        time.sleep(seconds)


def file_system(path: Path) -> str:
    """The type of the file system that holds path (from /proc/mounts: the longest mount point above it), or "?"."""
    try:
        mounts = [line.split()[1:3] for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return "?"
    above = [(point, kind) for point, kind in mounts if path == Path(point) or Path(point) in path.parents]
    return max(above, key=lambda mount: len(mount[0]))[1] if above else "?"


def run_measured(command: list[str], cwd: str, env: dict[str, str], timeout: float) -> Usage:
    """Run command to its end (or kill its process group after timeout seconds) and measure it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        sampler = TreeSampler(process.pid) if psutil else None
        if sampler:
            sampler.start()
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            os.killpg(process.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        # wait4, not Popen.wait: it also returns this child's own rusage, whose ru_maxrss is this build's alone.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        if sampler:
            sampler.done.set()
            sampler.join()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        log.seek(0)
        text = log.read()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Usage(
        wall=wall,
        cpu=cpu,
        max_rss_mb=usage.ru_maxrss * 1024 / MB,
        tree_mb=sampler.peak / MB if sampler else None,
        returncode=None if timed_out.is_set() else process.returncode,
        log=text,
    )
