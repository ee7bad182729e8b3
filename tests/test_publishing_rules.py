"""Drafts, stories dated in the future, long indexes and awkward titles, in a real build and a real preview."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_ENV, copy_project, mkdocs
from test_serve import free_port, wait_for

AWKWARD = "Chips <b>bold</b> & \"quotes\" 'single' [link](x) *stars*"


def story(path: Path, title: str, date: str, extra: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    quoted = title.replace("\\", "\\\\").replace('"', '\\"')
    path.write_text(
        f'---\ntitle: "{quoted}"\ndate: {date}\nlang: en\ntopics: [ai-chips]\nstory: {path.stem.split(".")[0]}\n'
        f'source: {{name: FT, url: "https://www.ft.com/"}}\nsummary: "Lede of {quoted}"\n{extra}---\n\nBody.\n',
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("rules"))
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("timezone: Europe/Paris", "timezone: Europe/Paris\n      page_size: 3"), encoding="utf-8"
    )
    content = project / "content" / "2025" / "06"
    story(content / "secret-draft.en.md", "Secret draft about chips", "2025-06-02", "draft: true\n")
    story(content / "from-the-future.en.md", "Story from the future", "2099-01-01")
    story(content / "awkward.en.md", AWKWARD, "2025-06-03")
    return project


@pytest.fixture(scope="module")
def site(project) -> Path:
    mkdocs(project, "build", "--strict")
    return project / "site"


def all_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.suffix in (".html", ".xml"))


def test_drafts_and_future_stories_are_absent_from_a_production_build(site):
    text = all_text(site)
    for title in ("Secret draft about chips", "Story from the future"):
        assert title not in text
    assert "secret-draft" not in text and "from-the-future" not in text
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    english = feedparser.parse((site / "feed.xml").read_bytes()).entries
    pages = len(list((site.parent / "content" / "pages").glob("*.en.md")))  # the site's own pages are searchable too
    assert entry["languages"]["en"]["page_count"] == len(english) + pages


def test_awkward_title_survives_in_pages_and_feeds(site):
    for name in ("feed.xml", "rss.xml", "topics/ai-chips/feed.xml"):
        titles = [e.title for e in feedparser.parse((site / name).read_bytes()).entries]
        assert AWKWARD in titles, name
    html = (site / "2025" / "06" / "awkward" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".digest-story-header h1").get_text(strip=True) == AWKWARD
    assert soup.title.get_text() == f"{AWKWARD} - AI Chips Digest"
    assert soup.select_one('meta[property="og:title"]')["content"] == AWKWARD
    assert "<b>bold</b>" not in html


def test_long_indexes_are_split_into_pages_at_stable_urls(site):
    first = BeautifulSoup((site / "topics" / "ai-chips" / "index.html").read_text(encoding="utf-8"), "html.parser")
    numbers = [a.get_text(strip=True) for a in first.select(".digest-pager a, .digest-pager span")]
    count = int(numbers[-1] if numbers[-1].isdigit() else numbers[-2])
    assert count >= 2
    titles = []
    for number in range(1, count + 1):
        folder = site / "topics" / "ai-chips" / ("" if number == 1 else f"page/{number}")
        soup = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        cards = [a.get_text(strip=True) for a in soup.select("article.md-content__inner .digest-card__title a")]
        assert 0 < len(cards) <= 3
        titles += cards
        current = soup.select_one(".digest-pager__current").get_text(strip=True)
        assert current == str(number)
        assert bool(soup.select_one(".digest-pager__next")) == (number < count)
        assert bool(soup.select_one(".digest-pager__previous")) == (number > 1)
    feed = [e.title for e in feedparser.parse((site / "topics" / "ai-chips" / "feed.xml").read_bytes()).entries]
    assert titles == feed  # every story once, newest first, across the pages


def test_future_true_publishes_stories_dated_ahead(tmp_path, project):
    other = copy_project(tmp_path)
    for path in (project / "content" / "2025" / "06").glob("*.md"):
        (other / "content" / "2025" / "06").mkdir(parents=True, exist_ok=True)
        (other / "content" / "2025" / "06" / path.name).write_bytes(path.read_bytes())
    config = other / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("timezone: Europe/Paris", "timezone: Europe/Paris\n      future: true"), encoding="utf-8"
    )
    mkdocs(other, "build", "--strict")
    assert "Story from the future" in all_text(other / "site")
    assert "Secret draft about chips" not in all_text(other / "site")


def test_preview_shows_drafts_and_scheduled_stories_marked(project):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=BUILD_ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/digest/"
        draft = BeautifulSoup(wait_for(base + "2025/06/secret-draft/", "Secret draft about chips"), "html.parser")
        assert draft.select_one(".digest-story-header .digest-badge--draft").get_text(strip=True) == "Draft"
        future = BeautifulSoup(wait_for(base + "2099/01/from-the-future/", "Story from the future"), "html.parser")
        assert future.select_one(".digest-story-header .digest-badge--scheduled").get_text(strip=True) == "Scheduled"
        home = BeautifulSoup(wait_for(base, "Story from the future"), "html.parser")
        cards = {c.select_one(".digest-card__title a").get_text(strip=True): c for c in home.select(".digest-card")}
        assert cards["Story from the future"].select(".digest-badge--scheduled")
        assert not cards[AWKWARD].select(".digest-badge")
    finally:
        server.terminate()
        server.wait(timeout=20)
