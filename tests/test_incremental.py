"""The preview's rebuild after an edit of stories: which pages must be built again.

The property that matters to an editor: after any edit, no page still shows what it showed before when its new
render differs. Each test edits the sample project the way an editor would, renders every page of every language
before and after, and checks that every page whose output changed is among the pages `changes` names (and that
it names few others). No MkDocs here: this is the core's half of the preview.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import copy_project
from generator.build import prepare
from generator.caching import StoryCache
from generator.incremental import changes
from generator.mkdocs_plugin.config import read_settings
from generator.rendering import Renderer

RU_STORY = "content/2025/11/xpeng-predstavila-chelovekopodobnogo-robota-iron-novogo-pokoleniia.ru.md"
EN_STORY = "content/2025/11/claude-reproduces-internal-anthropic-soul-document.en.md"


def whole(page) -> tuple:
    return page.meta, page.head, page.markdown, page.tail


def render(project: Path, cache: StoryCache) -> Renderer:
    settings = read_settings(str(project / "mkdocs.yml"))
    site = prepare(settings, cache=cache)
    assert site.problems == [], [str(p) for p in site.problems]
    return site.renderer


def outputs(renderer: Renderer) -> dict[str, dict[str, str]]:
    return {lang: {spec.path: whole(renderer.render(spec)) for spec in renderer.specs(lang)} for lang in renderer.settings.languages}


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert re.search(old, text, flags=re.M), f"{old!r} is not in {name}"
    path.write_text(re.sub(old, new, text, count=1, flags=re.M), encoding="utf-8")


def new_story(project: Path, name: str, lang: str, key: str, date: str = "2025-11-20") -> None:
    (project / name).write_text(
        f"---\ntitle: A story added during the preview\ndate: {date}\nlang: {lang}\ntopics: [robotics]\nstory: {key}\n"
        "source: {name: Reuters}\nsummary: Written while the preview ran.\n---\n\nA body.\n",
        encoding="utf-8",
    )


EDITS = {
    "a title": lambda p: edit(p, RU_STORY, r"^title: .*$", "title: Новый заголовок"),
    "the body": lambda p: edit(p, EN_STORY, r"^---\n\n", "---\n\nA new first paragraph.\n\n"),
    "the topics": lambda p: edit(p, EN_STORY, r"^topics: .*$", "topics: [robotics]"),
    "the date (a new week, the same URL)": lambda p: edit(p, EN_STORY, r"^date: .*$", "date: 2025-11-03"),
    "the date (a new month: the story moves)": lambda p: edit(p, EN_STORY, r"^date: .*$", "date: 2025-12-01"),
    "a new story": lambda p: new_story(p, "content/2025/11/new-one.en.md", "en", "brand-new"),
    "a new translation": lambda p: new_story(p, "content/2025/11/novaya.ru.md", "ru", "anthropic-claude-soul-document"),
    "a deleted story": lambda p: (p / EN_STORY).unlink(),
    "a renamed file": lambda p: (p / RU_STORY).rename(p / RU_STORY.replace("xpeng-", "xpeng-novyi-")),
}


@pytest.mark.parametrize("name", EDITS)
def test_every_page_whose_output_changed_is_built_again(tmp_path, name):
    project = copy_project(tmp_path)
    cache = StoryCache()
    old = render(project, cache)
    before = outputs(old)
    EDITS[name](project)
    new = render(project, cache)
    after = outputs(new)
    found = changes(old, new)
    assert found is not None, "an edit of stories alone needs no full rebuild"
    assert any(after[lang] != before[lang] for lang in after), "the edit changed no page at all"
    for lang in new.settings.languages:
        differ = {path for path, text in after[lang].items() if before[lang].get(path) != text}
        assert differ <= found.pages[lang], f"{lang}: stale after the edit: {sorted(differ - found.pages[lang])}"
        gone = {spec.url for spec in old.specs(lang)} - {spec.url for spec in new.specs(lang)}
        assert set(found.removed[lang]) == gone
        # Only what the edit touched: far fewer pages than the language has.
        assert len(found.pages[lang]) <= max(len(differ) * 3, 12), f"{lang}: {len(found.pages[lang])} pages for {len(differ)} changed"
        # And every feed (Atom or RSS, of the language or a topic) whose text changed, by its folder.
        feeds_before = {asset.url: asset.text for asset in old.feed_files(lang)}
        feeds_after = {asset.url: asset.text for asset in new.feed_files(lang)}
        stale = {url[: url.rfind("/") + 1] for url, text in feeds_after.items() if feeds_before.get(url) != text}
        assert stale <= found.feeds[lang], f"{lang}: stale feeds after the edit: {sorted(stale - found.feeds[lang])}"


def test_a_russian_title_rebuilds_russian_pages_only(tmp_path):
    project = copy_project(tmp_path)
    cache = StoryCache()
    old = render(project, cache)
    EDITS["a title"](project)
    found = changes(old, render(project, cache))
    assert found.pages["en"] == found.pages["fr"] == set() and found.languages() == ["ru"]
    assert "2025/11/xpeng-predstavila-chelovekopodobnogo-robota-iron-novogo-pokoleniia/index.md" in found.pages["ru"]
    assert {"index.md", "archive/index.md", "topics/robotics/index.md"} <= found.pages["ru"]
    assert found.feeds["en"] == found.feeds["fr"] == set()
    assert found.feeds["ru"] == {"ru/", "ru/topics/robotics/"}, "the Russian feed and its topic's, no other"


def test_unchanged_files_are_not_read_again(tmp_path):
    project = copy_project(tmp_path)
    cache = StoryCache()
    first = render(project, cache)
    edit(project, RU_STORY, r"^title: .*$", "title: Новый заголовок")
    second = render(project, cache)
    same = [story for story in second.story_urls if any(story is old for old in first.story_urls)]
    assert len(same) == len(first.story_urls) - 1, "every story but the edited one is the very object read before"
    assert changes(first, render(project, cache)).languages() == ["ru"]


@pytest.mark.parametrize("what", ["topics", "templates"])
def test_an_edit_every_page_shows_asks_for_a_full_rebuild(tmp_path, what):
    project = copy_project(tmp_path)
    cache = StoryCache()
    old = render(project, cache)
    if what == "topics":
        edit(project, "content/topics.yml", r"^robotics:.*en: [^,}]+", "robotics: {en: Robots")
    else:
        own = project / "templates/locales/en/LC_MESSAGES/digest.po"  # the site's own word for the archive
        own.parent.mkdir(parents=True)
        own.write_text('msgid "Archive"\nmsgstr "Everything"\n', encoding="utf-8")
    assert changes(old, render(project, cache)) is None
