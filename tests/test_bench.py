"""The benchmark (bench/) runs end to end on a tiny corpus, and its corpus is the one bench/README.md describes.

Nothing here is timed: the figures themselves are only checked to be there and to add up.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from conftest import BUILD_ENV, ROOT
from generator.build import build_site, load_site
from generator.mkdocs_plugin.config import read_settings

sys.path.insert(0, str(ROOT / "bench"))
from corpus import TOPICS, WORDS, write_corpus
from floor import write_floor
from peers import PEERS, read_corpus, write_peer

COLUMNS = [
    "N",
    "pages",
    "wall s",
    "CPU s",
    "max RSS MB",
    "tree PSS MB",
    "load+check s",
    "index+render s",
    "core share",
    "floor pages",
    "floor wall s",
    "floor CPU s",
    "floor RSS MB",
    "ratio",
    "warm s",
    "warm / cold",
]


def markdown_table(text: str) -> list[dict[str, str]]:
    """The first Markdown table in text, as one dict per row."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    header, _, *rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines]
    assert all(len(cells) == len(header) for cells in rows), lines
    return [dict(zip(header, cells, strict=True)) for cells in rows]


def number(cell: str) -> float:
    return float(cell.replace(",", "").rstrip("%"))


def test_the_runner_builds_a_tiny_corpus_and_prints_every_column(tmp_path):
    result = subprocess.run(
        # --peers none: the peers' own table is tested apart, without installing or running them
        [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "12", "--runs", "1", "--serve", "0", "--peers", "none", "--settle", "0"]
        + ["--work", str(tmp_path)],
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"generator from {ROOT}" in result.stdout  # it measures this checkout's generator
    rows = markdown_table(result.stdout)
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 1
    row = rows[0]
    assert row["N"] == "12"
    for column in COLUMNS:
        assert number(row[column]) >= 0, column
    for column in ("wall s", "CPU s", "max RSS MB", "tree PSS MB", "floor wall s", "floor CPU s", "floor RSS MB", "ratio", "warm s"):
        assert number(row[column]) > 0, column
    # Every Markdown page the core renders became an index.html (feeds are files, not pages); the floor has
    # the 12 stories and its home page.
    site = build_site(read_settings(str(tmp_path / "n12" / "digest" / "mkdocs.yml")))
    assert site.problems == []
    assert number(row["pages"]) == sum(page.path.endswith(".md") for pages in site.pages.values() for page in pages) > 12
    assert number(row["floor pages"]) == 13
    wall, floor_wall = number(row["wall s"]), number(row["floor wall s"])  # both rounded to 0.1 s
    assert (wall - 0.05) / (floor_wall + 0.05) - 0.005 <= number(row["ratio"]) <= (wall + 0.05) / (floor_wall - 0.05) + 0.005
    share = (number(row["load+check s"]) + number(row["index+render s"])) / number(row["wall s"])
    assert number(row["core share"]) / 100 == pytest.approx(share, abs=0.02)
    floor_config = (tmp_path / "n12" / "floor" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "plugins: []" in floor_config and "not_in_nav" in floor_config and "font: false" in floor_config


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(400, tmp_path_factory.mktemp("corpus"), seed=3)


@pytest.fixture(scope="module")
def stories(corpus):
    site = load_site(read_settings(str(corpus / "mkdocs.yml")))
    assert site.problems == [], [str(problem) for problem in site.problems[:5]]
    return site


def test_the_corpus_passes_every_check_and_is_published_whole(corpus, stories):
    check = subprocess.run(
        [sys.executable, "-m", "generator.editor.cli", "check"], cwd=corpus, env=BUILD_ENV, capture_output=True, text=True, timeout=300
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert len(stories.stories) == 400 == len(list((corpus / "content").rglob("*.md")))
    assert (corpus / "templates" / "story.md").read_text() == (ROOT / "templates" / "story.md").read_text()
    assert (corpus / "mkdocs.yml").read_text() == (ROOT / "mkdocs.yml").read_text()


def test_the_corpus_has_the_languages_topics_and_translations_asked_for(stories):
    assert Counter(story.lang for story in stories.stories) == {"en": 240, "ru": 100, "fr": 60}
    assert len(stories.topics) == 12
    assert all(set(topic.labels) == {"en", "ru", "fr"} for topic in stories.topics.values())
    assert {slug for story in stories.stories for slug in story.topics} == set(stories.topics)
    versions = defaultdict(list)
    for story in stories.stories:
        versions[story.key].append(story)
    translated = [group for group in versions.values() if len(group) > 1]
    assert 0.15 <= len(translated) / len(versions) <= 0.25
    for group in translated:
        assert len(group) in (2, 3)
        assert len({story.published for story in group}) == 1
        assert len({story.topics for story in group}) == 1


def test_the_corpus_has_dates_over_two_years_and_bodies_of_about_250_words(stories):
    published = [story.published for story in stories.stories]
    assert (max(published) - min(published)).days > 600
    with_time = [story for story in stories.stories if story.has_time]
    assert 0.2 < len(with_time) / len(published) < 0.5
    assert len({story.published.utcoffset() for story in with_time}) > 3
    counts = sorted(len(story.body.split()) for story in stories.stories)
    assert 220 <= counts[len(counts) // 2] <= 280
    for story in stories.stories:
        assert "\n### " in story.body and "\n- " in story.body
    assert sum("](https://" in story.body for story in stories.stories) > 300


@pytest.mark.parametrize("lang, script", [("ru", "CYRILLIC"), ("fr", "LATIN"), ("en", "LATIN")])
def test_each_story_is_written_in_its_own_language(stories, lang, script):
    for story in (s for s in stories.stories if s.lang == lang):
        text = re.sub(r"\(https://[^)]*\)", "", story.title + story.body)  # link addresses are ASCII everywhere
        letters = [char for char in text if char.isalpha()]
        assert all(unicodedata.name(char).startswith(script) for char in letters), story.path
        words = set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", story.title.lower()))
        assert words <= set(WORDS[lang]), (story.path, words - set(WORDS[lang]))


def test_the_same_seed_writes_the_same_corpus_and_another_seed_another(tmp_path):
    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted((folder / "content").rglob("*")) if p.is_file()}

    for name, seed in (("a", "5"), ("b", "5"), ("c", "6")):
        result = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "corpus.py"), "30", str(tmp_path / name), "--seed", seed],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert files(tmp_path / "a") != files(tmp_path / "c")
    assert len(files(tmp_path / "a")) == 31  # 30 stories and topics.yml


def test_the_peer_writers_write_every_story_for_each_tool_without_running_it(tmp_path):
    """bench/peers.py's projects for Pelican, Hugo and Zensical hold the corpus's stories; nothing is installed or built."""
    project = write_corpus(3, tmp_path / "digest", seed=4)
    floor = write_floor(project, tmp_path / "floor")
    corpus = read_corpus(project)
    stories = {story.path: story for story in corpus.stories}
    assert len(stories) == 3 and corpus.topics == TOPICS
    out = {name: write_peer(name, project, floor, tmp_path / name, corpus) for name in PEERS}
    assert set(out) == {"pelican", "hugo", "zensical"}

    # Pelican: one Markdown file per story under its language, with Pelican's metadata header; one original per key.
    pelican = out["pelican"]
    config = (pelican / "pelicanconf.py").read_text(encoding="utf-8")
    assert 'ARTICLE_TRANSLATION_ID = "story"' in config and "DEFAULT_PAGINATION = 20" in config
    compile(config, "pelicanconf.py", "exec")
    files = sorted((pelican / "content").rglob("*.md"))
    assert len(files) == 3
    originals = set()
    for path in files:
        header, body = path.read_text(encoding="utf-8").split("\n\n", 1)
        meta = dict(line.split(": ", 1) for line in header.splitlines())
        story = stories[f"{path.relative_to(pelican / 'content' / meta['Lang']).as_posix()[:-3]}.{meta['Lang']}.md"]
        assert (meta["Title"], meta["Slug"], meta["Story"], meta["Category"]) == (story.title, story.name, story.key, story.lang)
        assert meta["Tags"] == ", ".join(TOPICS[slug][story.lang] for slug in story.topics)
        assert body == story.body
        if "Translation" not in meta:
            originals.add(story.key)
    assert originals == {story.key for story in stories.values()}

    # Hugo: a multilingual config, our own layouts, localized topic pages, one file per story with front matter.
    hugo = out["hugo"]
    config = (hugo / "hugo.toml").read_text(encoding="utf-8")
    for lang in ("en", "ru", "fr"):
        assert f"[languages.{lang}]" in config and f'contentDir = "content/{lang}"' in config
        for slug, labels in TOPICS.items():
            assert f'title: "{labels[lang]}"' in (hugo / "content" / lang / "topics" / slug / "_index.md").read_text(encoding="utf-8")
    assert 'topic = "topics"' in config and "pagerSize = 20" in config
    assert {p.name for p in (hugo / "layouts").rglob("*.html")} == {"baseof.html", "list.html", "taxonomy.html", "single.html", "card.html"}
    files = sorted((hugo / "content").glob("*/stories/*/*/*.md"))
    assert len(files) == 3
    for path in files:
        lang = path.relative_to(hugo / "content").parts[0]
        story = stories[f"{path.relative_to(hugo / 'content' / lang / 'stories').as_posix()[:-3]}.{lang}.md"]
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        assert (meta["title"], meta["slug"], meta["translationKey"], meta["topics"]) == (story.title, story.name, story.key, story.topics)
        assert body.strip() == story.body.strip()

    # Zensical: the floor's project as it is.
    assert (out["zensical"] / "mkdocs.yml").read_text() == (floor / "mkdocs.yml").read_text()
    assert sorted(p.relative_to(out["zensical"]) for p in out["zensical"].rglob("*.md")) == sorted(
        p.relative_to(floor) for p in floor.rglob("*.md")
    )


def test_the_side_by_side_table_divides_our_medians_by_each_tool_and_names_a_failed_peer():
    from measure import Usage
    from run import PEER_COLUMNS, Result, chosen_peers, peer_rows

    def usage(wall: float, cpu: float) -> Usage:
        return Usage(wall=wall, cpu=cpu, max_rss_mb=50, tree_mb=60, returncode=0, log="")

    result = Result(100, ours=[usage(4, 6), usage(5, 7), usage(6, 8)], floor=[usage(2, 2)] * 3, pages=233, floor_pages=101)
    result.peers = {"hugo": [usage(1, 3.5)] * 3}
    result.peer_pages = {"hugo": 152}
    result.peer_failures = {"zensical": "exited with 1: Error: no docs"}
    rows = peer_rows(result, ["hugo", "zensical"], {"hugo": "0.168.0", "zensical": "0.0.73"})
    assert all(len(cells) == len(PEER_COLUMNS) for cells in rows)
    table = {cells[1]: dict(zip(PEER_COLUMNS, cells, strict=True)) for cells in rows}
    assert list(table) == ["digest (ours)", "floor (MkDocs + Material)", "hugo 0.168.0", "zensical 0.0.73"]
    assert table["digest (ours)"]["ours / tool wall"] == "1.00"
    floor, hugo = table["floor (MkDocs + Material)"], table["hugo 0.168.0"]
    assert (floor["ours / tool wall"], floor["ours / tool CPU"]) == ("2.50", "3.50")
    assert (hugo["pages"], hugo["ours / tool wall"], hugo["ours / tool CPU"]) == ("152", "5.00", "2.00")
    assert table["zensical 0.0.73"]["pages"] == "failed: exited with 1: Error: no docs"
    assert chosen_peers("none") == [] and chosen_peers("all") == ["pelican", "hugo", "zensical"]
    assert chosen_peers("hugo, pelican") == ["hugo", "pelican"]
    with pytest.raises(argparse.ArgumentTypeError):
        chosen_peers("jekyll")
