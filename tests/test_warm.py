"""A warm `mkdocs build` (one that reuses the pages of the last complete build, kept in .digest/warm/) makes
byte for byte the site a cold build of the same project makes.

Each test starts from the sample project built cold once (its site/ and .digest/ copied), edits it as an editor
would, builds it warm, builds a copy of the edited project without any .digest/ (cold), and compares the two
site/ folders file by file. Pagefind's pagefind/pagefind-entry.json is the one named exception, as in
test_determinism.py: the same JSON, its language map in a random order, even between two cold builds.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BUILD_ENV, MKDOCS, copy_project
from test_incremental import EDITS, EN_STORY, edit, new_story

EPOCH = 1767225600  # 2026-01-01: after every sample story
UNORDERED_JSON = {"pagefind/pagefind-entry.json"}
ABOUT = "content/pages/about.en.md"


def build(project: Path, *args: str, epoch: int = EPOCH, check: bool = True) -> str:
    """`mkdocs build --strict` (or with these arguments) in the project; its log."""
    environment = {**BUILD_ENV, "SOURCE_DATE_EPOCH": str(epoch)}
    command = [*MKDOCS, "build", *(args or ("--strict",))]
    result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=600)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def same_json(path: str, a: bytes, b: bytes) -> bool:
    return path in UNORDERED_JSON and json.loads(a) == json.loads(b)


def assert_same_site(warm: Path, cold: Path) -> None:
    """The two sites hold the same files with the same bytes (the JSON of Pagefind's entry the same)."""
    a, b = files(warm), files(cold)
    assert sorted(a) == sorted(b), f"only in the warm build: {sorted(a.keys() - b.keys())}; only in the cold: {sorted(b.keys() - a.keys())}"
    differ = sorted(path for path in a if a[path] != b[path] and not same_json(path, a[path], b[path]))
    assert differ == [], f"{len(differ)} file(s) differ from a cold build's: {differ[:10]}"


def cold_copy(project: Path, target: Path) -> Path:
    """The project's own files, without its site/ and .digest/."""
    for name in ("content", "templates"):
        shutil.copytree(project / name, target / name)
    shutil.copy(project / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The sample project, built cold: its site/ and its .digest/ with the cache."""
    project = copy_project(tmp_path_factory.mktemp("built"))
    assert "digest: a cold build: no earlier build to reuse" in build(project)
    assert (project / ".digest/warm/manifest.json").is_file()
    return project


def started(built: Path, target: Path) -> Path:
    shutil.copytree(built, target, symlinks=True)
    return target


def warm_equals_cold(project: Path, tmp_path: Path, epoch: int = EPOCH) -> str:
    """Build the project warm, then a copy of it cold, and compare; the warm build's log."""
    log = build(project, epoch=epoch)
    cold = cold_copy(project, tmp_path / "cold")
    build(cold, epoch=epoch)
    assert_same_site(project / "site", cold / "site")
    return log


def template_edit(project: Path) -> None:
    edit(project, "templates/partials/story-card.html", r"\A", "<!-- a card -->\n")


def topic_label(project: Path) -> None:
    edit(project, "content/topics.yml", r"^robotics:.*en: [^,}]+", "robotics: {en: Robots")


def config_edit(project: Path) -> None:
    edit(project, "mkdocs.yml", r"^site_name: .*$", "site_name: Chips Weekly")


def about_edit(project: Path) -> None:
    edit(project, ABOUT, r"^---\n\n", "---\n\nA new first paragraph about us.\n\n")


# Edits of stories keep most pages; what every page shows (a template, a topic's label, mkdocs.yml) keeps none.
WARM_EDITS = {**EDITS, "a site page": about_edit}
COLD_EDITS = {"a template": template_edit, "a topic label": topic_label, "the configuration": config_edit}


@pytest.mark.parametrize("name", WARM_EDITS)
def test_a_warm_build_after_an_edit_of_stories_is_the_cold_build(built, tmp_path, name):
    project = started(built, tmp_path / "project")
    WARM_EDITS[name](project)
    log = warm_equals_cold(project, tmp_path)
    assert "digest: a warm build:" in log, log


@pytest.mark.parametrize("name", COLD_EDITS)
def test_an_edit_every_page_shows_makes_a_cold_build(built, tmp_path, name):
    project = started(built, tmp_path / "project")
    COLD_EDITS[name](project)
    log = warm_equals_cold(project, tmp_path)
    assert "digest: a cold build:" in log, log


def test_an_unchanged_project_keeps_every_page_and_its_site(built, tmp_path):
    project = started(built, tmp_path / "project")
    log = build(project)
    assert "digest: a warm build: " in log and "Doc file" not in log
    kept = log.split("digest: a warm build: ", 1)[1].split(" pages", 1)[0]
    number, total = kept.split(" of ")
    assert number == total, log
    assert_same_site(project / "site", built / "site")


def test_a_story_that_comes_due_is_published_by_a_warm_build(built, tmp_path):
    """The build's moment decides what is published: a story dated after it waits, then a later build shows it."""
    project = started(built, tmp_path / "project")
    new_story(project, "content/2025/11/due-soon.en.md", "en", "due-soon", date="2026-01-05")
    first = build(project)
    assert not (project / "site/2025/11/due-soon").exists() and not (project / "site/2026/01/due-soon").exists()
    assert "digest: a warm build:" in first
    later = EPOCH + 10 * 86400
    assert "digest: a warm build:" in warm_equals_cold(project, tmp_path, epoch=later)
    assert (project / "site/2026/01/due-soon/index.html").is_file()


def test_warm_builds_in_a_row_follow_each_edit(built, tmp_path):
    project = started(built, tmp_path / "project")
    EDITS["a new story"](project)
    build(project)
    EDITS["a deleted story"](project)
    assert "digest: a warm build:" in warm_equals_cold(project, tmp_path)
    assert not (project / "site" / "2025/11/claude-reproduces-internal-anthropic-soul-document").exists()


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


DAMAGE = {
    "a truncated manifest": lambda cache: truncate(cache / "manifest.json"),
    "a manifest of garbage": lambda cache: (cache / "manifest.json").write_bytes(b"\x00\xff garbage"),
    "a snapshot of garbage": lambda cache: (cache / "snapshot.pickle").write_bytes(b"x" * (cache / "snapshot.pickle").stat().st_size),
    "a deleted page": lambda cache: min((cache / "pages/en").iterdir()).unlink(),
    "a missing search index": lambda cache: shutil.rmtree(cache / "search"),
    "no manifest (a build stopped half-way)": lambda cache: (cache / "manifest.json").unlink(),
}


@pytest.mark.parametrize("name", DAMAGE)
def test_a_damaged_cache_is_ignored(built, tmp_path, name):
    project = started(built, tmp_path / "project")
    DAMAGE[name](project / ".digest/warm")
    log = build(project)
    assert "digest: a cold build:" in log, log
    assert_same_site(project / "site", built / "site")
    assert "digest: a warm build:" in build(project), "the cold build left a good cache"


def test_a_page_rewritten_in_site_after_the_build_is_not_reused(built, tmp_path):
    """The cache's pages are the site's files (hard links): a tool that rewrites a page of site/ in place after
    the build, same size and all, changes the cache's too. The next build sees it and builds cold."""
    project = started(built, tmp_path / "project")
    assert "digest: a warm build:" in build(project)  # now site/ and the cache share their files, as after any build
    page = project / "site/index.html"
    size = page.stat().st_size
    with open(page, "r+b") as handle:  # in place: the same file, the same size
        handle.write(b"<!-- rewritten by a tool -->".ljust(64))
    assert page.stat().st_size == size
    log = build(project)
    assert "digest: a cold build: the earlier build's pages/en/" in log, log
    assert_same_site(project / "site", built / "site")


def test_a_cache_from_another_configuration_is_ignored(built, tmp_path):
    """Another project's cache (another mkdocs.yml): not used at all."""
    other = copy_project(tmp_path / "other")
    config_edit(other)
    build(other)
    project = started(built, tmp_path / "project")
    shutil.rmtree(project / ".digest/warm")
    shutil.copytree(other / ".digest/warm", project / ".digest/warm")
    log = build(project)
    assert "digest: a cold build: the earlier build was made by another" in log, log
    assert_same_site(project / "site", built / "site")


def test_a_build_that_warns_leaves_no_cache(built, tmp_path):
    """A warm build warns about what a cold one warns about: a build that warned saves no cache (a page it kept
    would not warn again), so the next build starts from the last cache made without a warning."""
    project = started(built, tmp_path / "project")
    draft = (project / EN_STORY).with_name("unfinished.en.md")
    text = (project / EN_STORY).read_text(encoding="utf-8")
    draft.write_text(text.replace("story: anthropic-claude-soul-document", "story: x\ndraft: true"), encoding="utf-8")
    edit(project, EN_STORY, r"^---\n\n", "---\n\nSee [the draft](unfinished.en.md).\n\n")  # a draft has no page: MkDocs warns
    for _ in range(2):
        log = build(project, "--verbose")
        assert "WARNING" in log and "contains a link 'unfinished.en.md'" in log, log
        assert "the build warned, so it leaves no cache" in log, log
        assert (project / ".digest/warm/manifest.json").read_bytes() == (built / ".digest/warm/manifest.json").read_bytes()
    assert "Aborted with 1 warnings in strict mode" in build(project, "--strict", check=False)


KINDS = ["title", "body", "topics", "date", "add", "delete", "rename"]


def random_edit(project: Path, kind: str, seed: int) -> None:
    """One edit of the sample's stories, chosen by kind, its details by the seed."""
    rnd = random.Random(seed)
    stories = sorted(p for p in (project / "content").rglob("*.md") if "pages" not in p.parts)
    story = rnd.choice(stories)
    name = story.relative_to(project).as_posix()
    if kind == "title":
        edit(project, name, r"^title: .*$", f"title: Title {rnd.randrange(10**6)}")
    elif kind == "body":
        edit(project, name, r"^---\n\n", f"---\n\nParagraph {rnd.randrange(10**6)}.\n\n")
    elif kind == "topics":
        edit(project, name, r"^topics: .*$", f"topics: [{', '.join(rnd.sample(['robotics', 'ai-chips', 'business', 'ai-models'], 2))}]")
    elif kind == "date":
        edit(project, name, r"^date: .*$", f"date: 2025-{rnd.choice([4, 10, 11, 12]):02}-{rnd.randrange(1, 29):02}")
    elif kind == "add":
        number = rnd.randrange(10**6)
        lang = rnd.choice(["en", "ru", "fr"])
        new_story(project, f"content/2025/11/added-{number}.{lang}.md", lang, f"added-{number}")
    elif kind == "delete" and len(stories) > 5:
        story.unlink()
    elif kind == "rename":
        story.rename(story.with_name(f"renamed-{rnd.randrange(10**6)}-{story.name}"))


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 10**6)), min_size=1, max_size=3))
def test_warm_builds_after_random_edits_are_cold_builds(built, tmp_path_factory, edits):
    """After each edit of a random sequence a warm build; after the sequence, the site is a cold build's."""
    work = tmp_path_factory.mktemp("random")
    project = started(built, work / "project")
    for kind, seed in edits:
        random_edit(project, kind, seed)
        build(project)
    warm_equals_cold(project, work)
