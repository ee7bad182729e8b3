"""The built site served under /<repo>/ on 127.0.0.1, as GitHub Pages serves a project site, crawled from
every language's home: every internal link, stylesheet, script, image and feed resolves, no link leaves the
sub-path, and no page loads anything from a host but 127.0.0.1. Links to other sites are fine; loading is not."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, mkdocs
from serving import HOST, serve

# Elements whose URL the browser loads by itself, as opposed to links a reader may follow.
LOADED = [
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
    ("track", "src"),
]
LOADED_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "preload", "modulepreload", "prefetch", "manifest"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


@dataclass
class Reference:
    page: str  # where it was found
    url: str  # absolute, as the browser resolves it (site_url links mapped onto the local server)
    loaded: bool  # fetched by the browser itself (stylesheet, script, image), not just a link
    what: str  # e.g. "a[href]"


@dataclass
class Crawl:
    base: str  # http://127.0.0.1:<port>/<repo>/
    canonical: str  # site_url: https://<user>.github.io/<repo>/
    status: dict[str, int] = field(default_factory=dict)  # URL (no fragment) -> HTTP status
    bodies: dict[str, bytes] = field(default_factory=dict)
    pages: dict[str, BeautifulSoup] = field(default_factory=dict)  # the HTML pages read
    references: list[Reference] = field(default_factory=list)

    def local(self, url: str) -> str:
        """site_url links (canonical, hreflang, feeds) point at the published site: read them from ours."""
        return self.base + url[len(self.canonical) :] if url.startswith(self.canonical) else url

    def is_ours(self, url: str) -> bool:
        return urlsplit(url).hostname == HOST

    def fetch(self, url: str) -> int:
        url = urldefrag(url).url
        if url not in self.status:
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    self.status[url], self.bodies[url] = response.status, response.read()
                    content_type = response.headers.get_content_type()
            except urllib.error.HTTPError as err:
                self.status[url], content_type = err.code, ""
            if self.status[url] == 200 and content_type == "text/html":
                self.pages[url] = BeautifulSoup(self.bodies[url], "html.parser")
        return self.status[url]

    def refer(self, page: str, raw: str, loaded: bool, what: str) -> str | None:
        raw = raw.strip()
        if not raw or raw.startswith(("data:", "mailto:", "tel:", "javascript:", "blob:")):
            return None
        url = self.local(urljoin(page, raw))
        self.references.append(Reference(page, url, loaded, what))
        return url

    def read_page(self, page: str) -> list[str]:
        """Record every reference on one HTML page; return the pages of our site it links to."""
        soup, follow = self.pages[page], []
        for tag, attr in LOADED:
            for element in soup.find_all(tag, attrs={attr: True}):
                values = [part.split()[0] for part in element[attr].split(",") if part.strip()] if attr == "srcset" else [element[attr]]
                for value in values:
                    self.refer(page, value, True, f"{tag}[{attr}]")
        for element in soup.find_all("link", href=True):
            rels = set(element.get("rel") or [])
            what = "feed" if element.get("type") in FEED_TYPES else f"link[rel={' '.join(sorted(rels))}]"
            self.refer(page, element["href"], bool(rels & LOADED_LINK_RELS), what)
        for element in soup.find_all(style=True):
            for value in CSS_URL.findall(element["style"]):
                self.refer(page, value, True, "style")
        for element in soup.find_all("style"):
            for value in CSS_URL.findall(element.get_text()):
                self.refer(page, value, True, "<style>")
        for element in soup.find_all(["a", "area"], href=True):
            url = self.refer(page, element["href"], False, f"{element.name}[href]")
            if url and self.is_ours(url):
                follow.append(urldefrag(url).url)
        return follow

    def broken(self) -> list[str]:
        """Internal references that do not answer 200, or name a fragment the page does not have."""
        found = []
        for ref in self.references:
            if not self.is_ours(ref.url):
                continue
            if (status := self.fetch(ref.url)) != 200:
                found.append(f"{ref.page}: {ref.what} {ref.url}: HTTP {status}")
                continue
            fragment, target = urldefrag(ref.url).fragment, self.pages.get(urldefrag(ref.url).url)
            if fragment and target is not None and not has_anchor(target, fragment):
                found.append(f"{ref.page}: {ref.what} {ref.url}: no element with id {fragment!r}")
        return found

    def outside(self) -> list[str]:
        """Links to our host, or to the published site's host, that leave the sub-path."""
        hosts, prefix = (HOST, urlsplit(self.canonical).hostname), urlsplit(self.base).path
        return [
            f"{ref.page}: {ref.what} {ref.url}"
            for ref in self.references
            if urlsplit(ref.url).hostname in hosts and not urlsplit(ref.url).path.startswith(prefix)
        ]

    def foreign_loads(self) -> list[str]:
        """Things the browser would load from a host other than ours."""
        return [f"{ref.page}: {ref.what} {ref.url}" for ref in self.references if ref.loaded and not self.is_ours(ref.url)]

    def run(self, seeds: list[str]) -> None:
        queue = list(seeds)
        while queue:
            url = queue.pop()
            if url in self.status:
                continue
            self.fetch(url)
            if url in self.pages and url.startswith(self.base):
                queue.extend(self.read_page(url))
        # Everything else the pages refer to on our host: stylesheets (and what they load), scripts, feeds.
        for ref in list(self.references):
            if self.is_ours(ref.url) and self.fetch(ref.url) == 200 and urlsplit(ref.url).path.endswith(".css"):
                css = self.bodies[urldefrag(ref.url).url].decode("utf-8", "replace")
                for value in CSS_URL.findall(css):
                    if (url := self.refer(urldefrag(ref.url).url, value, True, "css url()")) and self.is_ours(url):
                        self.fetch(url)


def crawl_site(site: Path, base: str) -> Crawl:
    """Crawl from the home and 404 page of every language (a folder of site/ with its own 404.html)."""
    canonical = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("link[rel=canonical]")["href"]
    result = Crawl(base=base, canonical=canonical)
    homes = [base] + [base + lang.name + "/" for lang in sorted(site.iterdir()) if (lang / "404.html").exists()]
    result.run(homes + [home + "404.html" for home in homes if (site / home.removeprefix(base) / "404.html").exists()])
    return result


@pytest.fixture(scope="module")
def crawl(built_site, served_site) -> Crawl:
    return crawl_site(built_site, served_site[0])


def site_pages(site: Path, base: str) -> set[str]:
    """The URL of every HTML page built into site/."""
    urls = set()
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        urls.add(base + (relative.removesuffix("index.html") if path.name == "index.html" else relative))
    return urls


def has_anchor(soup: BeautifulSoup, fragment: str) -> bool:
    return soup.find(id=fragment) is not None or soup.find("a", attrs={"name": fragment}) is not None


def test_every_built_page_of_every_language_is_reached_from_the_homes(crawl, built_site):
    built = site_pages(built_site, crawl.base)
    crawled = {url for url in crawl.pages if url.startswith(crawl.base)}
    assert {"", "ru/", "fr/"} <= {url.removeprefix(crawl.base) for url in crawled}
    assert sorted(built - crawled) == [], "pages built but not linked from anything a reader can reach"
    print(f"\ncrawl: {len(crawled)} pages, {len(crawl.references)} references, {len(crawl.status)} distinct URLs fetched")


def test_every_internal_link_and_resource_resolves(crawl):
    internal = [ref for ref in crawl.references if crawl.is_ours(ref.url)]
    assert len(internal) > 1000, "the crawl found too few links to be a crawl of the sample"
    broken = crawl.broken()
    assert not broken, "\n".join(broken)
    kinds = Counter(ref.what for ref in internal)
    print(f"\ncrawl: {len(internal)} internal references checked, 0 broken; by kind: {dict(kinds.most_common())}")


def test_no_link_leaves_the_sub_path(crawl):
    outside = crawl.outside()
    assert not outside, "\n".join(outside)


def test_pages_load_nothing_from_other_hosts(crawl):
    loaded = [ref for ref in crawl.references if ref.loaded]
    assert {urlsplit(ref.url).path.rsplit(".", 1)[-1] for ref in loaded} >= {"css", "js", "png"}
    foreign = crawl.foreign_loads()
    assert not foreign, "\n".join(foreign)
    external = {ref.url for ref in crawl.references if not crawl.is_ours(ref.url)}
    print(f"\ncrawl: {len(loaded)} loaded resources, all from {HOST}; {len(external)} distinct links to other sites (not loaded)")


def test_story_sources_stay_links_to_their_sites(crawl, sample_stories):
    """A story's source (<a href="https://www.ft.com/">) is a link a reader may follow, never something loaded."""
    sources = {
        source["url"]
        for story in sample_stories
        for source in (story["source"] if isinstance(story["source"], list) else [story["source"]])
        if source.get("url")
    }
    linked = {ref.url for ref in crawl.references if ref.what == "a[href]"}
    assert sources and sources <= linked
    assert not {ref.url for ref in crawl.references if ref.loaded} & sources


def test_feeds_and_sitemaps_resolve_and_their_links_too(crawl):
    feeds = {ref.url for ref in crawl.references if ref.what == "feed"}
    sitemaps = {crawl.base + lang + "sitemap.xml" for lang in ("", "ru/", "fr/")}
    checked, broken = 0, []
    for url in sorted(feeds | sitemaps):
        assert crawl.fetch(url) == 200, url
        root = ET.fromstring(crawl.bodies[url])
        links = [el.get("href") for el in root.iter() if el.tag.endswith("}link") and el.get("href")]  # Atom
        links += [el.text for el in root.iter() if el.tag.rsplit("}", 1)[-1] in ("link", "loc") and el.text]  # RSS, sitemap
        for link in links:
            link = crawl.local(link.strip())
            if link.startswith(crawl.base):
                checked += 1
                if crawl.fetch(link) != 200:
                    broken.append(f"{url}: {link}: HTTP {crawl.status[urldefrag(link).url]}")
    assert not broken, "\n".join(broken)
    assert checked > len(feeds | sitemaps)
    print(f"\ncrawl: {len(feeds)} feeds and {len(sitemaps)} sitemaps, {checked} links in them resolve")


def test_the_crawl_finds_each_kind_of_defect(tmp_path):
    """The checks above can fail: a small site with one defect of each kind, served and crawled the same way."""
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("body { background: url(../missing.png) }", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        """<html><head>
        <link rel="canonical" href="https://you.github.io/repo/">
        <link rel="stylesheet" href="css/site.css">
        <script src="https://cdn.example.com/lib.js"></script></head><body>
        <a href="https://you.github.io/repo/ok/">fine: the published site, read from ours</a>
        <a href="gone/">missing page</a> <a href="ok/#nowhere">missing anchor</a>
        <a href="/elsewhere/">leaves the sub-path</a> <a href="https://www.ft.com/">a source: fine</a>
        </body></html>""",
        encoding="utf-8",
    )
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "index.html").write_text("<html><body><h1 id='top'>ok</h1></body></html>", encoding="utf-8")
    with serve(tmp_path, "/repo/") as (base, _requests):
        found = crawl_site(tmp_path, base)
        broken = found.broken()
    assert len(broken) == 4, broken
    assert any("gone/: HTTP 404" in line for line in broken) and any("nowhere" in line for line in broken)
    assert any("missing.png: HTTP 404" in line for line in broken) and any("/elsewhere/: HTTP 404" in line for line in broken)
    assert [line.rsplit(" ", 1)[-1] for line in found.outside()] == [base.removesuffix("repo/") + "elsewhere/"]
    assert [line.rsplit(" ", 1)[-1] for line in found.foreign_loads()] == ["https://cdn.example.com/lib.js"]
    assert base + "ok/" in found.pages


def nav_targets(site: Path, page: Path) -> tuple[list[str], set[str]]:
    """Where the header's tabs and the sidebar's links of a built page lead, as paths from the site's root."""
    here = ("/" + page.parent.relative_to(site).as_posix() + "/").replace("//", "/")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    tabs = [urljoin(here, link["href"]) for link in soup.select("a.md-tabs__link")]
    sidebar = {
        urljoin(here, link["href"]) for link in soup.select(".md-nav--primary a.md-nav__link[href]") if not link["href"].startswith("#")
    }
    return tabs, sidebar


def test_tabs_lead_to_the_same_pages_from_every_page_when_indexes_have_later_pages(tmp_path):
    """With two stories an index page, the issues, the archive and each topic have later pages (issues/page/2/ ...)
    at the depth of the story pages (2025/04/x/). From every page of a language, story or index, the tabs and the
    sidebar lead where the language home's lead: not to a folder of the page's own section."""
    project = copy_project(tmp_path / "paged")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("timezone: Europe/Paris", "timezone: Europe/Paris\n      page_size: 2"), encoding="utf-8"
    )
    mkdocs(project, "build", "--strict")
    site = project / "site"
    assert (site / "issues" / "page" / "2" / "index.html").exists() and (site / "ru" / "archive" / "page" / "2" / "index.html").exists()
    for lang in ("", "ru", "fr"):  # the default language's pages are those outside ru/ and fr/
        pages = [page for page in (site / lang).rglob("index.html") if lang or page.relative_to(site).parts[0] not in ("ru", "fr")]
        expected = nav_targets(site, site / lang / "index.html")
        assert len(expected[0]) >= 4 and len(expected[1]) >= 6 and all(target.endswith("/") for target in expected[0]), expected
        wrong = {page.relative_to(site).as_posix(): nav_targets(site, page) for page in pages if nav_targets(site, page) != expected}
        assert not wrong, (expected, dict(list(wrong.items())[:3]))
