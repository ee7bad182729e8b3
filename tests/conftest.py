"""Shared fixtures: the sample project, built once with the real `mkdocs build --strict`."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import frontmatter
import pytest

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
# Pinned so that output does not depend on the machine: time zone, locale, no end-of-life banner.
BUILD_ENV = {**os.environ, "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "NO_MKDOCS_2_WARNING": "1"}
SITE_TZ = ZoneInfo("Europe/Paris")  # mkdocs.yml: timezone


def copy_project(target: Path) -> Path:
    """A copy of the sample project (content, templates, mkdocs.yml) that a test may change."""
    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def mkdocs(project: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([*MKDOCS, *args], cwd=project, env=BUILD_ENV, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def built_site(sample_project: Path) -> Path:
    """The sample digest built by the real `mkdocs build --strict`."""
    mkdocs(sample_project, "build", "--strict")
    return sample_project / "site"


def story_time(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=SITE_TZ)
    return dt.datetime.combine(value, dt.time(), SITE_TZ)


@pytest.fixture(scope="session")
def sample_stories() -> list[dict]:
    """The sample stories read by python-frontmatter, independently of the generator's loader."""
    stories = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        if path.parent == ROOT / "content" / "pages":  # the site's own pages (About), not stories
            continue
        post = frontmatter.load(path)
        if post.get("draft"):
            continue
        stories.append({**post.metadata, "when": story_time(post["date"]), "path": path})
    return stories


def newest_first(stories: list[dict]) -> list[dict]:
    return sorted(stories, key=lambda s: (-s["when"].timestamp(), s["story"], s["lang"], str(s["path"])))


# The site as readers get it (tests/serving.py): served under /<repo>/ on 127.0.0.1, read in Chromium (tests/browser.py).


@pytest.fixture(scope="session")
def served_site(built_site):
    """(base URL ending in /<repo>/, log of request paths) of the built sample, served by the tests' own server."""
    from serving import serve, site_prefix

    with serve(built_site, site_prefix(built_site)) as served:
        yield served


@pytest.fixture(scope="session")
def playwright():
    """Playwright, started once: its sync API runs one event loop, so a test may not start a second one beside it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as started:
        yield started


@pytest.fixture(scope="session")
def chromium(playwright):
    """The Chrome or Chromium that tests/browser.py finds, driven by Playwright. None found fails the test, in CI
    and locally, with what to install: never a skip."""
    from browser import LAUNCH_ARGS, BrowserMissing, find_chromium

    try:
        executable = find_chromium(playwright=playwright)
    except BrowserMissing as missing:
        pytest.fail(str(missing), pytrace=False)
    browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def reader(chromium, served_site):
    """A fresh browser tab on the served site; afterwards, no request may have gone to a host but 127.0.0.1."""
    from serving import Reader

    tab = Reader(chromium, served_site[0], viewport={"width": 1280, "height": 900}, color_scheme="light")
    yield tab
    foreign = tab.foreign_requests()
    tab.close()
    assert foreign == [], f"requests to hosts other than 127.0.0.1: {foreign}"
