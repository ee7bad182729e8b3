"""Time the generator's own stages on a project, with no MkDocs build around them.

    python bench/core.py PROJECT load    ->  {"load": s, "stories": n}
    python bench/core.py PROJECT build   ->  {"build": s, "pages": n}

`load` is generator.build.load_site (read, parse and validate every file); `build` is build_site (the same,
then index and render every page of every language, as the plugin renders them while MkDocs reads them; the
plugin writes no page file). The runner starts a fresh
process for each stage and run, so nothing one measurement read or cached helps the next.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generator.build import build_site, load_site  # noqa: E402
from generator.mkdocs_plugin.config import read_settings  # noqa: E402


def time_load(project: Path) -> dict:
    settings = read_settings(str(project / "mkdocs.yml"))
    start = time.perf_counter()
    site = load_site(settings)
    seconds = time.perf_counter() - start
    if site.problems:
        raise SystemExit(f"{len(site.problems)} problem(s), e.g. {site.problems[0]}")
    return {"load": seconds, "stories": len(site.stories)}


def time_build(project: Path) -> dict:
    settings = read_settings(str(project / "mkdocs.yml"))
    start = time.perf_counter()
    site = build_site(settings)
    built = time.perf_counter()
    if site.problems:
        raise SystemExit(f"{len(site.problems)} problem(s), e.g. {site.problems[0]}")
    return {"build": built - start, "pages": sum(len(pages) for pages in site.pages.values())}


if __name__ == "__main__":
    stages = {"load": time_load, "build": time_build}
    if len(sys.argv) != 3 or sys.argv[2] not in stages:
        sys.exit(__doc__.split("\n\n")[1])
    print(json.dumps(stages[sys.argv[2]](Path(sys.argv[1]).resolve())))
