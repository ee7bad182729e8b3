"""`mkdocs serve --livereload` previews the digest and rebuilds on edits under content/ and templates/."""

from __future__ import annotations

import contextlib
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from conftest import BUILD_ENV, copy_project


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


def wait_for(url: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show {text!r} within {seconds} s")


@contextlib.contextmanager
def serving(project: Path, log_path: Path) -> Iterator[tuple[Path, str]]:
    """`mkdocs serve --livereload` in the project, stopped at the end; yields the project and the served base URL."""
    port = free_port()
    log = open(log_path, "w", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=BUILD_ENV,
        stdout=subprocess.DEVNULL,
        stderr=log,
        text=True,
    )
    try:
        # MkDocs serves under the path of site_url, as GitHub Pages serves a project site.
        mount = urlparse(yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path
        yield project, f"http://127.0.0.1:{port}{mount}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture
def served(tmp_path):
    with serving(copy_project(tmp_path), tmp_path / "serve.log") as started:
        yield started


def test_serve_rebuilds_every_language_on_content_and_template_edits(served):
    project, base = served
    home = wait_for(base, "digest-card")
    assert "livereload" in home  # the reload script is injected
    wait_for(base + "ru/", 'lang="ru"')

    story = next((project / "content").rglob("*.ru.md"))
    text = story.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    story.write_text(text.replace(title, "title: Правка видна сразу", 1), encoding="utf-8")
    wait_for(base + "ru/", "Правка видна сразу")
    wait_for(base + "ru/archive/", "Правка видна сразу")

    card = project / "templates" / "partials" / "story-card.html"
    card.write_text(
        card.read_text(encoding="utf-8").replace('<article class="digest-card', '<article class="digest-edited digest-card', 1),
        encoding="utf-8",
    )
    wait_for(base + "fr/", "digest-edited")
    assert not list(project.glob("content/**/*.tmp")), "serve must not write into content/"


def wait_gone(url: str, text: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text not in fetch(url):
            return
        time.sleep(0.3)
    raise AssertionError(f"{url} still showed {text!r} after {seconds} s")


def test_serve_adds_edits_and_removes_a_story_on_every_index_that_lists_it(served):
    """The preview rebuilds only what an edit changed; no index that lists the story may be left stale."""
    project, base = served
    wait_for(base, "digest-card")
    story = project / "content" / "2025" / "11" / "preview-test.en.md"
    story.write_text(
        "---\ntitle: Written during the preview\ndate: 2025-11-27\nlang: en\ntopics: [robotics]\n"
        "story: preview-test\nsource: {name: Reuters}\nsummary: A story saved while mkdocs serve ran.\n---\n\n"
        "Its body.\n",
        encoding="utf-8",
    )
    page = base + "2025/11/preview-test/"
    for url in (page, base, base + "archive/", base + "topics/robotics/", base + "issues/2025-W48/"):
        wait_for(url, "Written during the preview")

    story.write_text(story.read_text(encoding="utf-8").replace("title: Written during", "title: Retitled during"), encoding="utf-8")
    for url in (page, base, base + "archive/", base + "topics/robotics/", base + "issues/2025-W48/"):
        wait_for(url, "Retitled during the preview")
        assert "Written during the preview" not in fetch(url)

    story.unlink()
    wait_gone(base + "archive/", "Retitled during the preview")
    for url in (base, base + "topics/robotics/"):
        assert "Retitled during the preview" not in fetch(url)
    assert "Retitled during the preview" not in fetch(page), "the deleted story's page is gone"


def test_serve_rebuilds_once_per_edit_and_then_rests(served, tmp_path):
    """A rebuild reads the templates; reading is not an edit, so the preview must not rebuild itself again and again."""
    project, base = served
    wait_for(base, "digest-card")
    story = next((project / "content").rglob("*.fr.md"))
    text = story.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    story.write_text(text.replace(title, "title: Une seule reconstruction", 1), encoding="utf-8")
    wait_for(base + "fr/", "Une seule reconstruction")
    time.sleep(3)  # more than a rebuild takes here
    log = (tmp_path / "serve.log").read_text(encoding="utf-8")
    before = log.count("Detected file changes")
    time.sleep(3)
    log = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert 1 <= before <= 3, log  # one save may come as a few file events, but they end
    assert log.count("Detected file changes") == before, "the server kept rebuilding with no edit:\n" + log[-2000:]
    assert "rebuilt" in log and "in fr" in log, log  # the edit of a French story rebuilt French pages only


def test_a_broken_story_under_serve_is_reported_and_the_preview_keeps_the_last_good_build(served, tmp_path):
    project, base = served
    wait_for(base, "digest-card")
    story = next((project / "content").rglob("*.en.md"))
    good = story.read_text(encoding="utf-8")
    story.write_text(good.replace("lang: en", "lang: english", 1), encoding="utf-8")
    deadline = time.monotonic() + 60
    while "ERROR" not in (log := (tmp_path / "serve.log").read_text(encoding="utf-8")).partition("Detected file changes")[2]:
        assert time.monotonic() < deadline, log
        time.sleep(0.3)
    rel = story.relative_to(project).as_posix()
    assert f"{rel}:4: lang:" in log, log  # file, line and field, as `mkdocs build` reports it
    assert "Traceback" not in log, log
    assert "digest-card" in fetch(base), "the preview still serves the last good build"
    story.write_text(good.replace("title:", "title: Fixed —", 1), encoding="utf-8")
    wait_for(base, "Fixed —")


def test_a_page_and_a_picture_added_under_serve_show_on_save(served):
    """A new page in content/pages/ gets its address and its tab; a picture saved beside a story is served with
    it (it changes no story file, yet the preview copies it)."""
    from test_attachments import png

    project, base = served
    wait_for(base, "digest-card")
    (project / "content/pages/imprint.en.md").write_text(
        "---\ntitle: Imprint\nlang: en\nnav: true\norder: 2\n---\n\nPublished by the newsroom.\n", encoding="utf-8"
    )
    wait_for(base + "imprint/", "Published by the newsroom.")
    wait_for(base, 'href="imprint/"')
    story = project / "content/2025/04/satellite-images-point-to-new-huawei-ai-chip-plants.en.md"
    story.write_text(story.read_text(encoding="utf-8") + "\n![Output by year](chart.png)\n", encoding="utf-8")
    time.sleep(2)  # the link to a picture not saved yet is a problem: the preview keeps the last good build
    (project / "content/2025/04/chart.png").write_bytes(png(40, 20))
    wait_for(base + "2025/04/satellite-images-point-to-new-huawei-ai-chip-plants/", "Output by year")
    url = base + "2025/04/satellite-images-point-to-new-huawei-ai-chip-plants/chart.png"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.read(8) == b"\x89PNG\r\n\x1a\n":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} was not served within 90 s")


def test_an_edit_shown_on_many_pages_reaches_every_one_of_them(tmp_path):
    """A story that many others list among their related stories: retitled under serve, every page, feed and
    email edition that shows it shows the new title, however the preview shares out the rebuild."""
    project = copy_project(tmp_path)
    folder = project / "content" / "2025" / "11"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(30):
        (folder / f"many-{number:02d}.en.md").write_text(
            f"---\ntitle: Robot arm report {number}\ndate: 2025-11-{1 + number % 20:02d}\nlang: en\ntopics: [robotics]\n"
            f"story: many-{number:02d}\nsource: {{name: Reuters}}\nsummary: One of many robotics stories.\n---\n\nIts body.\n",
            encoding="utf-8",
        )
    newest = folder / "many-newest.en.md"
    newest.write_text(
        "---\ntitle: Newest robotics story\ndate: 2025-11-26\nlang: en\ntopics: [robotics]\nstory: many-newest\n"
        "source: {name: Reuters}\nsummary: The newest of them.\n---\n\nIts body.\n",
        encoding="utf-8",
    )
    with serving(project, tmp_path / "serve.log") as (_, base):
        others = [base + f"2025/11/many-{number:02d}/" for number in range(30)]
        pages = [base + "2025/11/many-newest/", base, base + "topics/robotics/", base + "issues/2025-W48/", *others]
        for url in pages:
            wait_for(url, "Newest robotics story")
        newest.write_text(newest.read_text(encoding="utf-8").replace("title: Newest", "title: Retitled newest"), encoding="utf-8")
        feeds = [base + "feed.xml", base + "rss.xml", base + "topics/robotics/feed.xml", base + "topics/robotics/rss.xml"]
        for url in [*pages, base + "issues/2025-W48/email.html", base + "issues/2025-W48/email.txt", *feeds]:
            wait_for(url, "Retitled newest robotics story")
            assert "Newest robotics story" not in fetch(url), url
        newest.unlink()
        for url in feeds:
            wait_gone(url, "Retitled newest robotics story")
    log = (tmp_path / "serve.log").read_text(encoding="utf-8")
    rebuilds = re.findall(r"digest: rebuilt (\d+) page\(s\) in (.+)", log)
    assert rebuilds, log[-3000:]
    count, languages = rebuilds[0]  # the retitle: the story, its indexes and the 30 stories that list it, in English only
    assert int(count) >= 31 and languages.strip() == "en", rebuilds
