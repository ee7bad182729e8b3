"""A language with many stories is indexed by Pagefind in parts (its memory grows with what it indexes), and the
search box searches every part: a reader finds stories of each part from the one box."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs, story_time
from generator.mkdocs_plugin.search import share_out, sync_sources
from generator.mkdocs_plugin.search_content import indexed_content
from serving import Reader, serve, site_prefix
from test_search import search
from test_warm import assert_same_site, build, cold_copy


def pages(folder: Path, counts: dict[str, int]) -> None:
    for unit, count in counts.items():
        for number in range(count):
            page = folder / unit / f"story-{number}" / "index.html"
            page.parent.mkdir(parents=True)
            page.write_text("<p>text</p>", encoding="utf-8")


def part_globs(source: Path, limit: int) -> list[str]:
    return [glob for glob, _ in share_out(str(source), limit)]


def test_what_pagefind_reads_is_written_only_where_it_changed(tmp_path):
    """The folder Pagefind reads stays from one build to the next: a page's file is rewritten only when its
    content changed, and the files of pages no longer there go, folders and all."""
    sync_sources(str(tmp_path), "en", [("2025/01/a/", "<p>A</p>"), ("2025/01/b/", "<p>B</p>"), ("2025/02/c/", "<p>C</p>")])
    kept = tmp_path / "2025/01/a/index.html"
    before = kept.stat().st_mtime_ns, kept.stat().st_ino
    sync_sources(str(tmp_path), "en", [("2025/01/a/", "<p>A</p>"), ("2025/01/b/", "<p>B, corrected</p>")])
    assert (kept.stat().st_mtime_ns, kept.stat().st_ino) == before
    assert "<p>B, corrected</p>" in (tmp_path / "2025/01/b/index.html").read_text(encoding="utf-8")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "2025",
        "2025/01",
        "2025/01/a",
        "2025/01/a/index.html",
        "2025/01/b",
        "2025/01/b/index.html",
    ]


def test_months_are_shared_out_in_order_and_whole(tmp_path):
    pages(tmp_path, {"2024/12": 3, "2025/01": 2, "2025/02": 4, "2025/03": 1})
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text("<p>about</p>", encoding="utf-8")
    assert part_globs(tmp_path, 5) == [
        "{2024/12,2025/01}/**/index.html",
        "{2025/02,2025/03}/**/index.html",
        "about/**/index.html",
    ]
    assert part_globs(tmp_path, 2) == [  # a month with more pages than a part stays whole
        "2024/12/**/index.html",
        "2025/01/**/index.html",
        "2025/02/**/index.html",
        "{2025/03,about}/**/index.html",
    ]
    assert part_globs(tmp_path, 11) == ["**/index.html"]


def test_a_folder_name_a_glob_would_misread_keeps_one_part(tmp_path):
    pages(tmp_path, {"2025/01": 2, "a{b,c}": 2})
    assert part_globs(tmp_path, 2) == ["**/index.html"]


@pytest.mark.parametrize(
    ("html", "read"),
    [
        (
            '<p>a</p><section class="r" data-pagefind-ignore><h2>R</h2><section><p>x</p></section></section><p>b</p>',
            '<p>a</p><section class="r" data-pagefind-ignore></section><p>b</p>',
        ),
        ("<p data-pagefind-ignore='all'>x<br>y</p><p>b</p>", "<p data-pagefind-ignore='all'></p><p>b</p>"),
        ('<div data-pagefind-ignore><span data-pagefind-filter="topic">Chips</span></div>',) * 2,  # Pagefind reads filters there
        ("<div data-pagefind-ignore><p>no end",) * 2,
        (
            "<p data-pagefind-ignored>x</p><pre data-pagefind-ignore>y</pre><p>z</p>",
            "<p data-pagefind-ignored>x</p><pre data-pagefind-ignore></pre><p>z</p>",
        ),
    ],
)
def test_what_pagefind_would_ignore_is_left_out_of_what_it_reads(html, read):
    assert indexed_content(html) == read


def parted(project: Path) -> Path:
    """The project with search parts of two pages."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("  - digest:\n", "  - digest:\n      search_part: 2\n", 1), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def parted_site(tmp_path_factory):
    """The sample built with search parts of two pages: English has four parts (2025/04 and 2025/11, whole months
    of more stories than a part, 2025/12 with the About page), Russian and French two or more."""
    project = parted(copy_project(tmp_path_factory.mktemp("parts")))
    mkdocs(project, "build", "--strict")
    with serve(project / "site", site_prefix(project / "site")) as served:
        yield project / "site", served[0]


def test_the_search_box_finds_stories_of_every_part(parted_site, chromium, sample_stories):
    site, base = parted_site
    parts = json.loads((site / "pagefind" / "digest-parts.json").read_text(encoding="utf-8"))
    assert len(parts) >= 2, parts
    assert all((site / "pagefind" / part / "pagefind-entry.json").is_file() for part in parts)
    english = [s for s in sample_stories if s["lang"] == "en"]
    months = sorted({story_time(s["date"]).strftime("%Y/%m") for s in english})
    assert len(months) >= 3  # one story of each month: each month is in a part of its own or shares one
    reader = Reader(chromium, base, viewport={"width": 1280, "height": 900})
    try:
        for month in months:
            story = next(s for s in english if story_time(s["date"]).strftime("%Y/%m") == month)
            word = max(re.findall(r"\w+", story["title"]), key=len)
            page = search(reader, "", word)
            page.locator(".pagefind-ui__result-link", has_text=story["title"]).first.wait_for(timeout=30_000)
        assert reader.errors == [], "\n".join(reader.errors)
    finally:
        reader.close()


def test_a_part_whose_pages_did_not_change_is_kept_and_the_index_is_a_cold_builds(tmp_path):
    """A second build indexes again only the parts whose pages changed; the others come from .digest/, and the index
    is byte for byte the one a build from nothing makes. A kept part that lost a file is indexed again."""
    project = parted(copy_project(tmp_path / "project"))
    build(project)
    kept = project / ".digest" / "search-parts" / "en"
    before = {entry.name: entry.stat().st_ino for entry in kept.iterdir()}
    assert len(before) >= 3
    story = project / "content" / "2025" / "12" / "openagi-launches-lux-a-computer-use-model-it-says-outpaces-rivals.en.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nA zanzibarian aside.\n", encoding="utf-8")
    build(project)
    after = {entry.name: entry.stat().st_ino for entry in kept.iterdir()}
    unchanged = before.keys() & after.keys()
    assert len(unchanged) == len(before) - 1 and len(after) == len(before), (before, after)  # one part made again
    assert all(before[name] == after[name] for name in unchanged)
    damaged = next(iter(unchanged))
    next(path for path in (kept / damaged).rglob("*.pf_fragment")).unlink()
    build(project)
    cold = parted(cold_copy(project, tmp_path / "cold"))
    build(cold)
    assert_same_site(project / "site", cold / "site")


def test_a_new_story_remakes_its_own_part_only_though_older_stories_now_list_it(tmp_path):
    """A new story shows under "Related stories" on older stories of its topics, in every month; what Pagefind reads
    of those older stories leaves that list out (Pagefind ignores it), so their parts are kept, and the index is
    still byte for byte a cold build's."""
    project = parted(copy_project(tmp_path / "project"))
    build(project)
    kept = project / ".digest" / "search-parts" / "en"
    before = {entry.name: entry.stat().st_ino for entry in kept.iterdir()}
    assert len(before) == 3  # 2025/04, 2025/11, and 2025/12 with the About page
    title = "Zanzibarian chip makers court new business"
    (project / "content" / "2025" / "12" / "zanzibarian-chips.en.md").write_text(
        f"---\ntitle: {title}\ndate: 2025-12-20\nlang: en\ntopics: [ai-chips, business]\nstory: zanzibarian-chips\n"
        "source: {name: Example, url: 'https://example.org/'}\nsummary: A made-up story for the test.\n---\n\nA zanzibarian body.\n",
        encoding="utf-8",
    )
    build(project)
    for older in (
        "2025/04/huawei-ships-ascend-910b-computing-clusters-to-chinese-customers",
        "2025/11/ubtech-wins-37-million-deal-to-put-walker-s2-robots-at-china-vietnam-border",
    ):
        page = (project / "site" / older / "index.html").read_text(encoding="utf-8")
        assert title in page.split("Related stories", 1)[1], older
    after = {entry.name: entry.stat().st_ino for entry in kept.iterdir()}
    unchanged = {name for name in before.keys() & after.keys() if before[name] == after[name]}
    assert len(unchanged) == 2, (before, after)  # the parts of April and November, whose stories' texts did not change
    cold = parted(cold_copy(project, tmp_path / "cold"))
    build(cold)
    assert_same_site(project / "site", cold / "site")
