"""A newsroom's own pages (About in every language), links that last (aliases), and edit links, read back from
a real `mkdocs build --strict` of the sample with a renamed story and `repo_url` + `edit_uri` set."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import copy_project, mkdocs

OLD = "2025/04/huawei-chip-plants-seen-from-space/"  # the renamed story's address before the rename
STORY = "content/2025/04/satellite-images-point-to-new-huawei-ai-chip-plants.en.md"
NEW = "2025/04/satellite-images-point-to-new-huawei-ai-chip-plants/"
REPO = "https://github.com/newsroom/digest"


def html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("pages"))
    story = project / STORY
    story.write_text(story.read_text(encoding="utf-8").replace("summary:", f"aliases: [{OLD}]\nsummary:", 1), encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^# repo_url:.*$", f"repo_url: {REPO}", config, flags=re.M)
    config = re.sub(r"^# edit_uri: (\S+).*$", r"edit_uri: \1", config, flags=re.M)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    mkdocs(project, "build", "--strict")
    return project / "site"


@pytest.mark.parametrize(("prefix", "title"), [("", "About"), ("ru/", "О дайджесте"), ("fr/", "À propos")])
def test_the_about_page_is_published_in_each_language_and_has_a_tab(site, prefix, title):
    page = html(site, f"{prefix}about")
    assert page.find("h1").get_text(strip=True) == title
    assert page.find("html")["lang"] == (prefix.strip("/") or "en")
    tabs = [a.get_text(strip=True) for a in html(site, prefix or ".").select(".md-tabs__link")]
    assert tabs[-1] == title, tabs


def test_the_language_versions_of_a_page_are_linked_by_its_name(site):
    page = html(site, "fr/about")
    links = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert links == {
        "en": "https://example.github.io/digest/about/",
        "ru": "https://example.github.io/digest/ru/about/",
        "fr": "https://example.github.io/digest/fr/about/",
        "x-default": "https://example.github.io/digest/about/",
    }
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.github.io/digest/ru/about/</loc>" in sitemap


def test_pages_stay_out_of_feeds_issues_topics_and_the_archive(site):
    for lang, prefix in (("en", ""), ("ru", "ru/")):
        feed = feedparser.parse((site / prefix / "feed.xml").read_bytes())
        assert not any("about" in entry.link for entry in feed.entries)
        for index in ("", "archive", "issues/2025-W18", "topics/ai-chips"):
            links = [a["href"] for a in html(site, prefix + index).select("article a[href]")]
            assert not any(href.rstrip("/").endswith("about") for href in links), (lang, index)


def test_an_alias_leaves_a_redirect_at_the_old_address(site):
    text = (site / OLD / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(text, "html.parser")
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../satellite-images-point-to-new-huawei-ai-chip-plants/"
    assert page.find("link", rel="canonical")["href"] == "https://example.github.io/digest/" + NEW
    assert page.find("a")["href"] == "../satellite-images-point-to-new-huawei-ai-chip-plants/"
    assert "/" + OLD not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_edit_links_point_to_the_editors_own_file(site):
    story = html(site, NEW).select_one("a.md-content__button[href]")
    assert story["href"] == f"{REPO}/edit/main/content/2025/04/satellite-images-point-to-new-huawei-ai-chip-plants.en.md"
    page = html(site, "ru/about").select_one("a.md-content__button[href]")
    assert page["href"] == f"{REPO}/edit/main/content/pages/about.ru.md"
    assert html(site, "archive").select_one("a.md-content__button[href]") is None  # the digest writes that page itself


def write(project: Path, rel: str, text: str) -> None:
    (project / rel).parent.mkdir(parents=True, exist_ok=True)
    (project / rel).write_text(text, encoding="utf-8")


def test_page_and_alias_problems_name_the_files(tmp_path):
    project = copy_project(tmp_path)
    write(project, "content/pages/archive.en.md", "---\ntitle: Old things\nlang: en\n---\n\nText.\n")
    write(project, "content/pages/imprint.en.md", "---\nlang: en\nnav: yes please\n---\n\nText.\n")
    write(project, "content/pages/team.ru.md", "---\ntitle: Команда\nlang: fr\n---\n\nТекст.\n")
    write(project, "content/pages/contact.en.md", "---\ntitle: Contact\nlang: en\naliases: [about/, archive/]\n---\n\nText.\n")
    write(project, "content/pages/write.en.md", "---\ntitle: Write\nlang: en\naliases: [contact-us/]\n---\n\nText.\n")
    write(project, "content/pages/tips.en.md", "---\ntitle: Tips\nlang: en\naliases: [contact-us]\n---\n\nText.\n")
    result = mkdocs(project, "build", "--strict", check=False)
    assert result.returncode != 0
    expected = [
        "content/pages/archive.en.md:1: file: the page name 'archive' is taken by the digest's own pages",
        "content/pages/contact.en.md:4: aliases: about/ is the address of content/pages/about.en.md",
        "content/pages/contact.en.md:4: aliases: archive/ is the address of the archive page",
        "content/pages/imprint.en.md:1: title: required field is missing",
        "content/pages/imprint.en.md:3: nav: expected true or false, got 'yes please' (a string)",
        "content/pages/team.ru.md:3: lang: the file name says 'ru' but lang is 'fr'",
        "content/pages/write.en.md:4: aliases: /contact-us/ is also an alias in content/pages/tips.en.md",
    ]
    for line in expected:
        assert line in result.stderr, f"{line!r} not in:\n{result.stderr}"
    assert not (project / "site").exists()


def test_check_reads_pages_too(tmp_path):
    import subprocess
    import sys

    project = copy_project(tmp_path)
    write(project, "content/pages/imprint.en.md", "---\nlang: en\n---\n\nText.\n")
    run = subprocess.run([sys.executable, "-m", "generator.editor.cli", "check"], cwd=project, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "content/pages/imprint.en.md:1: title: required field is missing" in run.stdout
    assert yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))  # untouched


def test_a_reader_who_follows_an_old_link_lands_on_the_story(site, chromium):
    from serving import Reader, serve

    with serve(site, "/digest/") as (base, _):
        tab = Reader(chromium, base)
        try:
            page = tab.open(OLD)
            page.wait_for_url(base + NEW, timeout=10_000)
            assert page.locator("h1").first.inner_text().startswith("Satellite images point to new Huawei AI chip plants")
            # With repo_url set, Material's header asks GitHub for the repository's stars and forks; nothing else may leave.
            assert {url.split("/")[2] for url in tab.foreign_requests()} <= {"api.github.com"}
        finally:
            tab.close()


def test_check_prints_the_alias_that_keeps_a_moved_files_old_address(tmp_path):
    import os
    import subprocess
    import sys

    project = copy_project(tmp_path)
    env = {**os.environ, "GIT_AUTHOR_NAME": "Ed", "GIT_AUTHOR_EMAIL": "ed@example.org", "GIT_COMMITTER_NAME": "Ed",
           "GIT_COMMITTER_EMAIL": "ed@example.org"}  # fmt: skip
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "sample"]):
        subprocess.run(["git", *command], cwd=project, check=True, env=env)
    story = project / STORY
    story.rename(story.with_name("huawei-builds-ai-chip-plants.en.md"))  # renamed in a file manager: git sees delete + new
    (project / "content/pages/about.fr.md").rename(project / "content/pages/qui-sommes-nous.fr.md")
    run = subprocess.run([sys.executable, "-m", "generator.editor.cli", "check"], cwd=project, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (
        "note: content/2025/04/huawei-builds-ai-chip-plants.en.md: moved from " + STORY + ", so its address changed; "
        "to keep the old one working, add: aliases: [" + NEW + "]"
    ) in run.stderr
    assert "note: content/pages/qui-sommes-nous.fr.md: moved from content/pages/about.fr.md" in run.stderr
    assert "aliases: [about/]" in run.stderr
