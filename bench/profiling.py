"""Profile one whole `mkdocs build` of a project in this process with pyinstrument; write a text report.

    python bench/profiling.py PROJECT OUTFILE

The report has two parts: functions by their own time (a flat list, what to make faster), then the call tree
(why they are called). The build runs as the `mkdocs build` command runs it. Only this process is sampled:
the forked builds of the other languages do the same work as the default language's build, on fewer pages,
and their time does not appear here; Pagefind is a separate program and shows as time spent waiting for it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

TOP = 40  # functions listed in each flat view


def profile_build(project: Path, outfile: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer

    os.chdir(project)
    profiler = Profiler(interval=0.001)
    profiler.start()
    config = load_config(config_file="mkdocs.yml", strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config, dirty=False)
    finally:
        config.plugins.on_shutdown()
    profiler.stop()

    def flat(mode: str) -> str:
        text = profiler.output(ConsoleRenderer(flat=True, flat_time=mode, unicode=True, color=False, show_all=True))
        # pyinstrument's flat view lumps the self time of every function that also calls others into one
        # "[self]" line named after an arbitrary file; it is no one function, so it is left out.
        lines = [line for line in text.strip("\n").splitlines() if "[self]" not in line]
        return "\n".join(lines[: TOP + 8])  # pyinstrument's banner, then the top lines

    tree = profiler.output(ConsoleRenderer(unicode=True, color=False))
    outfile.write_text(
        f"# mkdocs build of {project}\n\n## Functions by own time (top {TOP})\n\n{flat('self')}\n\n"
        f"## Functions by total time, callees included (top {TOP})\n\n{flat('total')}\n\n"
        f"## Call tree\n\n{tree}",
        encoding="utf-8",
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    profile_build(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
