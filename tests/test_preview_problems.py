"""Under `mkdocs serve`, a content problem shows on the open page (file:line: message, in the page's language) over
the last good build, and is gone once the file is fixed. In Chromium, with the preview as tests/test_serve.py runs it."""

from __future__ import annotations

import time

import test_serve
from serving import Reader
from test_serve import wait_for

served = test_serve.served  # the preview as tests/test_serve.py runs it (a fixture)


def test_the_preview_shows_a_saved_problem_in_the_browser_and_clears_it_after_the_fix(served, chromium, tmp_path):
    project, base = served
    wait_for(base, "digest-card")
    wait_for(base + "digest-preview.json", '"problems": []')
    story = next((project / "content").rglob("*.fr.md"))
    good = story.read_text(encoding="utf-8")
    tab = Reader(chromium, base)
    try:
        page = tab.open("fr/")
        assert page.locator(".digest-problems").count() == 0
        story.write_text(good.replace("lang: fr", "lang: french", 1), encoding="utf-8")
        banner = page.locator(".digest-problems")
        banner.wait_for(timeout=60_000)
        text = banner.inner_text()
        rel = story.relative_to(project).as_posix()
        assert f"{rel}:4: lang:" in text, text
        assert "L’aperçu montre la dernière version correcte" in text, text  # the page's language
        assert page.locator(".digest-card").count() > 0, "the last good build stays below the banner"
        story.write_text(good, encoding="utf-8")
        deadline = time.monotonic() + 60
        while page.locator(".digest-problems").count():
            assert time.monotonic() < deadline, "the banner stayed after the fix"
            time.sleep(0.3)
        page.wait_for_timeout(3000)  # the good build reloads the page (livereload): the banner stays away
        assert page.locator(".digest-problems").count() == 0
    finally:
        tab.close()
