"""The Draft and Scheduled marks of the preview, in Chromium: they look like badges (padding, a background from
Material's colours in light and dark), stand apart from the headline, and speak the page's language."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUILD_ENV, copy_project
from serving import Reader
from test_serve import free_port, wait_for

STORIES = {
    "draft": ("en", "Secret draft about chips", "2025-06-02", "draft: true\n"),
    "scheduled": ("en", "Story from the future", "2099-01-01", ""),
    "chernovik": ("ru", "Черновик о чипах", "2025-06-02", "draft: true\n"),
}


def write_story(content: Path, slug: str, lang: str, title: str, date: str, extra: str) -> None:
    path = content / "2025" / "06" / f"{slug}.{lang}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'---\ntitle: "{title}"\ndate: {date}\nlang: {lang}\ntopics: [ai-chips]\nstory: {slug}\n'
        f'source: {{name: FT, url: "https://www.ft.com/"}}\nsummary: "Lede of {title}"\n{extra}---\n\nBody.\n',
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """The sample with a draft and a scheduled story, served by `mkdocs serve`: the base URL."""
    project = copy_project(tmp_path_factory.mktemp("badges"))
    for slug, (lang, title, date, extra) in STORIES.items():
        write_story(project / "content", slug, lang, title, date, extra)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=BUILD_ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/digest/"
        wait_for(base + "ru/2025/06/chernovik/", "Черновик о чипах")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


BADGE = """(badge) => {
  const style = getComputedStyle(badge), heading = badge.closest("h1, h2, h3");
  const range = document.createRange();
  range.selectNodeContents(heading.querySelector("a") || heading.firstChild);
  const text = range.getBoundingClientRect(), box = badge.getBoundingClientRect();
  return {
    padding: [style.paddingTop, style.paddingInlineStart].map(parseFloat),
    margin: parseFloat(style.marginInlineStart),
    background: style.backgroundColor,
    color: style.color,
    gap: box.left - text.right,
    heading: heading.textContent.replace(/\\s+/g, " ").trim(),
  };
}"""


def opaque(colour: str) -> bool:
    """Not transparent: rgb(...), or rgba(...) with some alpha."""
    values = [float(v) for v in re.findall(r"[\d.]+", colour)]
    return len(values) == 3 or (len(values) == 4 and values[3] > 0)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path, kind, title, word",
    [
        ("2025/06/draft/", "draft", "Secret draft about chips", "Draft"),
        ("2099/01/scheduled/", "scheduled", "Story from the future", "Scheduled"),
        ("ru/2025/06/chernovik/", "draft", "Черновик о чипах", "Черновик"),
    ],
)
def test_preview_marks_look_like_badges_apart_from_the_headline(chromium, preview, scheme, path, kind, title, word):
    reader = Reader(chromium, preview, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        tab = reader.open(path)
        tab.wait_for_load_state("load")  # not networkidle: the preview keeps a live-reload request open
        badge = tab.locator(f"article h1 .digest-badge--{kind}")
        assert badge.inner_text().strip() == word
        found = badge.evaluate(BADGE)
        assert all(value > 0 for value in found["padding"]), found
        assert opaque(found["background"]) and found["background"] != found["color"], found
        assert found["margin"] > 0 and found["gap"] >= 4, f"the badge touches the headline: {found}"
        assert found["heading"] == f"{title} {word}", "the headline's text runs into the badge"
        tab.goto(preview + ("ru/" if path.startswith("ru/") else ""))  # the home's card of the story
        card = tab.locator(".digest-card", has_text=title).first.locator(f".digest-badge--{kind}")
        assert card.evaluate(BADGE)["gap"] >= 4
    finally:
        reader.close()
