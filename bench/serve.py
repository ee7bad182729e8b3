"""How long an edit takes to reach the reader under `mkdocs serve --livereload` (optionally `--dirty`).

Start the server on the corpus, wait for its first build, then edit the title of the newest English story
(it is on the home page and first on its topic's page) and poll, over HTTP on 127.0.0.1, the story page, the
home page and the topic page until each shows the new title. Also note when the server logs "Reloading
browsers", the moment an open browser would reload. Each edit also adds a new word to the story's body: a
headless Chromium tab asks the served site's Pagefind index (pagefind.js, as the search box does) until it
finds the story by that word. Every wait is bounded.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from generator import urls
from generator.build import load_site
from generator.mkdocs_plugin.config import read_settings

POLL = 0.05  # seconds between two requests for one page
FIRST_BUILD = 1800  # seconds the first build may take before we give up
EDIT_SHOWN = 300  # seconds an edit may take to show
SEARCH_FOUND = 120  # seconds the preview's search may take to find an edited story
ROOT = Path(__file__).resolve().parents[1]
# In the page: forget the index loaded before (the next search reads pagefind-entry.json again), merge the
# index's other parts as the search box does (pagefind/digest-parts.json), search, and say whether the story at
# `path` is among the results with the word in its text.
FINDS = """async ([bundle, word, path]) => {
  const pagefind = await import(bundle);
  await pagefind.destroy();
  const folder = bundle.slice(0, bundle.lastIndexOf("/") + 1);
  const listed = await fetch(folder + "digest-parts.json", {cache: "no-store"});
  for (const part of listed.ok ? await listed.json() : []) await pagefind.mergeIndex(folder + part);
  // the results' texts are fetched together, as the search box fetches the ones it shows
  const found = await Promise.all((await pagefind.search(word)).results.map((result) => result.data()));
  // a merged part's URLs are absolute
  return found.some((data) => new URL(data.url, location.href).pathname === path && data.content.includes(word));
}"""


@dataclass
class ServeTimes:
    """Seconds from saving the file until each page showed the edit (medians over the edits)."""

    story: float
    home: float
    topic: float
    all: float  # until all three showed it
    reload: float | None  # until the server logged "Reloading browsers"
    search: float | None  # until the preview's Pagefind index found the story by the word the edit added
    indexed: float | None  # until the server logged that the story's language's search index was updated
    first_build: float  # the server's first build, before any edit
    edits: int


@dataclass
class ServerLog:
    """The server's log lines with the monotonic time each arrived."""

    lines: list[tuple[float, str]] = field(default_factory=list)

    def follow(self, stream) -> None:
        for line in stream:
            self.lines.append((time.monotonic(), line.rstrip("\n")))

    def first_after(self, moment: float, text: str) -> float | None:
        return next((at for at, line in list(self.lines) if at >= moment and text in line), None)


class SearchProbe:
    """A headless Chromium tab on the served site that searches a language's Pagefind index with pagefind.js."""

    def __init__(self, home: str) -> None:
        from playwright.sync_api import sync_playwright

        found = subprocess.run([sys.executable, str(ROOT / "tests" / "browser.py")], capture_output=True, text=True)
        if found.returncode != 0:
            raise RuntimeError(found.stdout + found.stderr)
        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(executable_path=found.stdout.strip(), args=["--no-sandbox", "--disable-gpu"])
        self.page = self.browser.new_page()
        self.page.goto(home + "pagefind/pagefind-entry.json")  # same origin as the index, and no reload script
        self.bundle = home + "pagefind/pagefind.js"

    def finds(self, word: str, url: str) -> bool:
        try:
            return bool(self.page.evaluate(FINDS, [self.bundle, word, urlparse(url).path]))
        except Exception:  # the index changed places between two of its requests: ask again
            return False

    def close(self) -> None:
        self.browser.close()
        self.playwright.stop()


def start_probe(home: str) -> SearchProbe | None:
    try:
        return SearchProbe(home)
    except Exception as err:  # no Playwright or no Chromium: the other figures still count
        print(f"serve: no search measurement, the browser did not start: {err}", file=sys.stderr)
        return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(check, seconds: float, what: str) -> float:
    """Poll check() until it is true; return the monotonic time it first was."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return time.monotonic()
        time.sleep(POLL)
    raise TimeoutError(f"{what} did not happen within {seconds:.0f} s")


def newest_english_story(project: Path):
    settings = read_settings(str(project / "mkdocs.yml"))
    site = load_site(settings)
    if site.problems:
        raise RuntimeError(f"the corpus has problems, e.g. {site.problems[0]}")
    story = max((s for s in site.stories if s.lang == settings.default_language), key=lambda s: (s.published, s.key))
    return settings, story


def measure_serve(project: Path, env: dict[str, str], dirty: bool, edits: int = 3) -> ServeTimes:
    """Serve project, edit the newest English story's title `edits` times, time each edit's way to the pages."""
    settings, story = newest_english_story(project)
    port = free_port()
    base = f"http://127.0.0.1:{port}{urlparse(settings.site_url or '/').path}"
    pages = {
        "story": base + urls.story_url(story, settings),
        "home": base + urls.page_url(settings, story.lang, "home"),
        "topic": base + urls.page_url(settings, story.lang, "topic", story.topics[0]),
    }
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"]
    if dirty:
        command.append("--dirty")
    log = ServerLog()
    started = time.monotonic()
    server = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace"
    )
    threading.Thread(target=log.follow, args=(server.stderr,), daemon=True).start()
    path = project / story.path
    original = path.read_text(encoding="utf-8")
    results: dict[str, list[float]] = {name: [] for name in (*pages, "all", "reload", "search", "indexed")}
    probe = None
    try:
        serving = wait_until(
            lambda: log.first_after(started, "Serving on") is not None or server.poll() is not None, FIRST_BUILD, "the first build"
        )
        if server.poll() is not None:
            raise RuntimeError("mkdocs serve stopped:\n" + "\n".join(line for _, line in log.lines[-20:]))
        wait_until(lambda: story.title in fetch(pages["home"]), 60, "the home page")
        probe = start_probe(pages["home"])
        for number in range(1, edits + 1):
            time.sleep(2)  # let the watcher settle after the previous build
            title, word = f"Edited headline {number} for the serve benchmark", f"zqvedit{'abcdefghij'[number % 10]}"
            edited = original.replace(f'title: "{story.title}"', f'title: "{title}"', 1) + f"\nThe edit adds {word}.\n"
            path.write_text(edited, encoding="utf-8")
            saved = time.monotonic()
            shown: dict[str, float] = {}

            def every_page_shows(shown: dict[str, float] = shown, title: str = title, saved: float = saved) -> bool:
                for name, url in pages.items():
                    if name not in shown and title in fetch(url):
                        shown[name] = time.monotonic() - saved
                return len(shown) == len(pages)

            wait_until(every_page_shows, EDIT_SHOWN, f"edit {number} on every page")
            for name, seconds in shown.items():
                results[name].append(seconds)
            results["all"].append(max(shown.values()))
            wait_until(lambda saved=saved: log.first_after(saved, "Reloading browsers") is not None, EDIT_SHOWN, "the browser reload")
            results["reload"].append(log.first_after(saved, "Reloading browsers") - saved)
            if probe is not None:
                found = wait_until(lambda word=word: probe.finds(word, pages["story"]), SEARCH_FOUND, f"edit {number} in search")
                results["search"].append(found - saved)
            updated = f"search index of {story.lang} updated"
            wait_until(lambda saved=saved, updated=updated: log.first_after(saved, updated) is not None, SEARCH_FOUND, "the index update")
            results["indexed"].append(log.first_after(saved, updated) - saved)
    finally:
        if probe is not None:
            probe.close()
        path.write_text(original, encoding="utf-8")
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    median = {name: statistics.median(values) for name, values in results.items() if values}
    return ServeTimes(
        story=median["story"],
        home=median["home"],
        topic=median["topic"],
        all=median["all"],
        reload=median.get("reload"),
        search=median.get("search"),
        indexed=median.get("indexed"),
        first_build=serving - started,
        edits=edits,
    )
