"""Under `mkdocs serve`, the search box finds a story saved a moment ago, in its language, without a full build.

The preview rebuilds the pages an edit changed and then, in the background, the search index of their language;
the reader searches in the real browser, the way tests/test_search.py does on the built site."""

from __future__ import annotations

import time
from urllib.parse import urlparse

import pytest

import test_serve
from conftest import copy_project
from serving import Reader
from test_search import search
from test_search_parts import parted
from test_serve import wait_for

served = test_serve.served  # the fixture that starts `mkdocs serve` on a copy of the sample

DEADLINE = 180  # seconds to wait for the index: generous, the suite may run beside other work


def found_by_search(reader: Reader, home: str, word: str, title: str, seconds: float = DEADLINE) -> None:
    """Search for `word` from the home of a language, as a reader does, until the story `title` is among the
    results; each try opens the page again, which loads the index as it is now."""
    deadline = time.monotonic() + seconds
    while True:
        page = search(reader, home, word)
        try:
            page.locator(".pagefind-ui__result-link").filter(has_text=title).first.wait_for(timeout=5_000)
            return
        except Exception:  # not in the index yet (or the page reloaded under us): open it again
            if time.monotonic() > deadline:
                raise AssertionError(f"searching {word!r} on /{home} did not find {title!r} within {seconds} s") from None


def matches(reader: Reader, home: str, word: str) -> list[str]:
    """The addresses of the pages Pagefind's own API finds for `word` in a language's index. (For a word it does
    not know, Pagefind may still answer with pages that have a part of it.)"""
    bundle = reader.base + home + "pagefind/pagefind.js"
    script = (
        "async ([bundle, word]) => Promise.all((await (await import(bundle)).search(word)).results.map(async r => (await r.data()).url))"
    )
    return reader.page.evaluate(script, [bundle, word])


def save_story(project, key: str, title: str, word: str) -> None:
    """An English story of 27 November 2025 saved in content/2025/11/<key>.en.md, its body naming `word`."""
    (project / f"content/2025/11/{key}.en.md").write_text(
        f"---\ntitle: {title}\ndate: 2025-11-27\nlang: en\ntopics: [robotics]\n"
        f"story: {key}\nsource: {{name: Reuters}}\nsummary: A story saved while mkdocs serve ran.\n---\n\n"
        f"Its body names the {word} engine, a word no other story has.\n",
        encoding="utf-8",
    )


def test_a_story_added_under_serve_is_found_by_the_search_box(served, chromium):
    project, base = served
    wait_for(base, "digest-card")
    save_story(project, "preview-search", "Found while the preview runs", "zorblaxian")
    wait_for(base + "2025/11/preview-search/", "Found while the preview runs")
    reader = Reader(chromium, base, viewport={"width": 1280, "height": 900})
    try:
        found_by_search(reader, "", "zorblaxian", "Found while the preview runs")
        page = urlparse(base).path + "2025/11/preview-search/"
        assert matches(reader, "", "zorblaxian") == [page]
        assert page not in matches(reader, "fr/", "zorblaxian")  # each language has its own index
    finally:
        reader.close()


def test_an_edit_in_another_language_updates_its_index_and_the_newest_text_wins(served, chromium):
    """Two saves of a Russian story, the second while the index of the first may still be made: the search of
    /ru/ finds the second word, and no longer the first."""
    project, base = served
    wait_for(base + "ru/", 'lang="ru"')
    story = project / "content/2025/10/dzhensen-khuang-ne-vidit-puzyria-na-rynke-ii.ru.md"
    text = story.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:")).partition(":")[2].strip().strip("\"'")
    url = base + "ru/2025/10/dzhensen-khuang-ne-vidit-puzyria-na-rynke-ii/"
    story.write_text(text + "\nПервая правка: кваркозавр.\n", encoding="utf-8")
    wait_for(url, "кваркозавр")
    story.write_text(text + "\nВторая правка: бубликозавр.\n", encoding="utf-8")
    wait_for(url, "бубликозавр")
    reader = Reader(chromium, base, viewport={"width": 1280, "height": 900})
    try:
        found_by_search(reader, "ru/", "бубликозавр", title)
        page = urlparse(url).path
        assert matches(reader, "ru/", "бубликозавр") == [page]
        assert page not in matches(reader, "ru/", "кваркозавр"), "the index of the first save replaced that of the second"
        assert page not in matches(reader, "", "бубликозавр")
    finally:
        reader.close()


@pytest.fixture
def served_in_parts(tmp_path):
    """The sample under serve with search parts of two pages (the preview's are at most 200)."""
    with test_serve.serving(parted(copy_project(tmp_path)), tmp_path / "serve.log") as started:
        yield started


def test_under_serve_an_edit_indexes_again_only_the_part_of_its_story(served_in_parts, chromium):
    """The preview's search is in parts of a few months: after an edit, Pagefind runs on the part of the story
    saved, and the other parts are taken as they were. The new story is found, and so is one of another part."""
    project, base = served_in_parts
    wait_for(base, "digest-card")
    kept = project / ".digest/search-parts-preview/en"
    before = {entry.name for entry in kept.iterdir()}
    assert len(before) >= 3, before
    save_story(project, "preview-parts", "Found in its own part", "quarvelion")
    wait_for(base + "2025/11/preview-parts/", "Found in its own part")
    reader = Reader(chromium, base, viewport={"width": 1280, "height": 900})
    try:
        found_by_search(reader, "", "quarvelion", "Found in its own part")
        after = {entry.name for entry in kept.iterdir()}
        assert len(before - after) == 1 and len(after - before) == 1, (sorted(before), sorted(after))  # one part made again
        old = next(path for path in sorted((project / "content/2025").rglob("*.en.md")) if not path.parts[-2] == "11")
        title = next(line for line in old.read_text(encoding="utf-8").splitlines() if line.startswith("title:"))
        title = title.partition(":")[2].strip().strip("\"'")
        word = max(title.replace("’", " ").split(), key=len).strip(",.:;!?")
        found_by_search(reader, "", word, title)  # a story of a part kept as it was
        assert reader.errors == [], "\n".join(reader.errors)
    finally:
        reader.close()
