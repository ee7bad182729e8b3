"""Safe rendering: a headline, lede, source, topic label or link full of Markdown and HTML metacharacters shows
exactly as the editor typed it, on every page and in every feed that shows it, and runs nothing.

One story and one topic label are written to be hostile: `*`, `_`, `[`, `]`, `|`, `#`, backticks, `<script>`,
`"onload=`, an `&amp;` that must not become `&`, and a plain `&` that must not become `&amp;`. The sample project
is built with the real `mkdocs build --strict`, and the HTML (visible text, <title>, meta tags, the tabs), the Atom
and RSS feeds and the sitemap are read back. A `javascript:` link never gets that far: it is a problem.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, mkdocs

TITLE = (
    'AT&T *bold* _em_ [link](https://evil.example/) | a | b | # not a heading `code` <script>alert("title")</script> '
    '"onload="alert(1) &amp; done'
)
SUMMARY = "Lede <img src=x onerror=alert('lede')> with **stars**, __under__, [x][y], |cells|, #tag & &lt;b&gt;"
SOURCE = '<b>Wire</b> *agency* | "quoted" & co'
SOURCE_URL = 'https://example.org/a?b=1&c="onmouseover=alert(2)"'
LABEL = '<script>alert("topic")</script> *Chips* | [AI] & co'
SITE_NAME = "AI Chips Digest"
ATOM = "{http://www.w3.org/2005/Atom}"


def hostile_story(key: str = "hostile", url: str = SOURCE_URL) -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return (
        f"---\ntitle: {quoted(TITLE)}\ndate: 2025-12-31T12:00:00+01:00\nlang: en\ntopics: [ai-chips]\nstory: {key}\n"
        f"source: {{name: {quoted(SOURCE)}, url: {quoted(url)}}}\nsummary: {quoted(SUMMARY)}\n---\n\nThe body.\n"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    (project / "content" / "2025" / "12" / "hostile.en.md").write_text(hostile_story(), encoding="utf-8")
    topics = project / "content" / "topics.yml"
    label = LABEL.replace('"', '\\"')
    topics.write_text(
        re.sub(
            r"^ai-chips: .*$",
            f'ai-chips: {{en: "{label}", ru: "{label}", fr: "{label}"}}',
            topics.read_text(encoding="utf-8"),
            count=1,
            flags=re.M,
        ),
        encoding="utf-8",
    )
    mkdocs(project, "build", "--strict")
    return project / "site"


def html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def visible(soup: BeautifulSoup) -> str:
    """The text a reader sees in the page's article (entities decoded, tags gone)."""
    return soup.select_one("article.md-content__inner").get_text(" ")


def assert_runs_nothing(soup: BeautifulSoup, where: str) -> None:
    """No script, event handler or javascript: link came from the story: only Material's own scripts remain."""
    for script in soup.find_all("script"):
        assert "alert(" not in script.get_text(), f"{where}: a script from the content: {script}"
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), f"{where}: an event handler attribute: {tag}"
            text = " ".join(value) if isinstance(value, list) else str(value)
            assert not text.strip().lower().startswith("javascript:"), f"{where}: a javascript: link: {tag}"
    assert not soup.select("article img[src=x]"), f"{where}: the lede's <img> became an element"


@pytest.mark.parametrize("url", ["", "archive", "topics/ai-chips", "2025/12/hostile"])
def test_the_headline_lede_and_source_show_as_typed(site, url):
    soup = html(site, url)
    text = " ".join(visible(soup).split())
    for value in (TITLE, SUMMARY, SOURCE):
        assert " ".join(value.split()) in text, f"/{url}: {value!r} is not shown as typed"
    assert "AT&amp;T" not in text, "a plain & was escaped twice"
    assert_runs_nothing(soup, url)


def test_the_headline_is_one_link_and_the_source_link_keeps_its_address(site):
    soup = html(site, "")
    links = [a for a in soup.select("article a") if a.get_text() == TITLE]
    assert len(links) == 1 and links[0]["href"].rstrip("/").endswith("2025/12/hostile"), "the title is one whole link"
    sources = [a for a in soup.select("article a.digest-source") if a.get_text() == SOURCE]
    assert sources and all(a["href"] == SOURCE_URL for a in sources)


def test_the_story_page_head_holds_the_literal_texts(site):
    soup = html(site, "2025/12/hostile")
    assert soup.title.get_text() == f"{TITLE} - {SITE_NAME}"
    assert soup.find("meta", attrs={"name": "description"})["content"] == SUMMARY
    assert soup.find("meta", property="og:title")["content"] == TITLE
    assert soup.find("meta", property="og:description")["content"] == SUMMARY
    twitter = soup.find("meta", attrs={"name": "twitter:title"})
    assert twitter is None or twitter["content"] == TITLE
    assert TITLE in [span.get_text(strip=True) for span in soup.select(".md-header__topic .md-ellipsis")]
    assert soup.select_one("article h1").get_text() == TITLE
    assert_runs_nothing(soup, "the story's <head>")


@pytest.mark.parametrize("lang", ["", "ru/", "fr/"])
def test_the_topic_label_shows_as_typed_in_tabs_titles_and_lists(site, lang):
    topic = html(site, f"{lang}topics/ai-chips")
    assert topic.title.get_text().startswith(LABEL)
    assert topic.select_one("article h1").get_text() == LABEL
    tabs = [a.get_text(" ", strip=True) for a in topic.select("nav a")]
    assert LABEL in tabs, f"the label in the navigation reads {[t for t in tabs if 'Chips' in t]}"
    topics = html(site, f"{lang}topics")
    assert LABEL in [a.get_text() for a in topics.select("article a")]
    for soup, where in ((topic, "topic page"), (topics, "topic list")):
        assert_runs_nothing(soup, f"{lang}{where}")


@pytest.mark.parametrize("feed", ["feed.xml", "topics/ai-chips/feed.xml"])
def test_atom_feeds_hold_the_literal_texts(site, feed):
    root = ET.parse(site / feed).getroot()
    entry = next(e for e in root.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == TITLE)
    assert entry.findtext(f"{ATOM}summary") == SUMMARY
    assert [c.get("label") for c in entry.iter(f"{ATOM}category")] == [LABEL]


@pytest.mark.parametrize("feed", ["rss.xml", "topics/ai-chips/rss.xml"])
def test_rss_feeds_hold_the_literal_texts(site, feed):
    root = ET.parse(site / feed).getroot()
    item = next(i for i in root.iter("item") if i.findtext("title") == TITLE)
    assert item.findtext("description") == SUMMARY
    assert item.find("source").text == SOURCE and item.find("source").get("url") == SOURCE_URL


def test_no_file_of_the_site_carries_the_content_markup_raw(site):
    """Every HTML page, feed, sitemap and index of every language: the editor's tags appear only escaped."""
    raw = ('<script>alert("title")', '<script>alert("topic")', "<img src=x onerror", "<b>Wire</b>")
    checked = 0
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not [markup for markup in raw if markup in text], path.relative_to(site)
            checked += 1
    assert checked > 50


def test_the_sitemap_stays_well_formed(site):
    locs = [e.text for e in ET.parse(site / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.github.io/digest/2025/12/hostile/" in locs


@pytest.mark.parametrize(
    "url, message",
    [
        ("javascript:alert(1)", "expected the url to start with https:// or http://, got 'javascript:alert(1)' (a string)"),
        ("https://example.org/a b", "expected a web address without spaces or control characters"),
        ("https://example.org/\n\n<script>", "expected a web address without spaces or control characters"),
    ],
)
def test_links_that_could_run_or_break_the_page_are_problems(tmp_path, url, message):
    project = copy_project(tmp_path)
    (project / "content" / "2025" / "12" / "hostile.en.md").write_text(hostile_story(url=url), encoding="utf-8")
    result = mkdocs(project, "build", "--strict", check=False)
    assert result.returncode != 0
    assert f"content/2025/12/hostile.en.md:7: source: {message}" in result.stderr
