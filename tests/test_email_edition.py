"""The email edition of every weekly issue (issues/<week>/email.html and email.txt), read back from the real
`mkdocs build --strict` of the sample: inlined CSS with only the dark variant left in <style>, absolute links
and pictures under site_url, every story of the issue once, a text version of at most 72 columns; and in
Chromium at 600 and 375 px, light and dark, no sideways scrolling and no request to another host."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project
from generator import Settings
from generator.build import prepare
from generator.rendering import Renderer
from generator.rendering.email import email_files, render_edition
from generator.rendering.plaintext import columns, wrap
from serving import Reader
from test_attachments import png

SITE_URL = "https://example.github.io/digest/"
LANGUAGES = {"en": "", "ru": "ru/", "fr": "fr/"}
DARK_ONLY = re.compile(r"@media\s*\(prefers-color-scheme:\s*dark\)\s*\{(?:[^{}]*\{[^{}]*\})*\s*\}")
REFERENCE = re.compile(r"^\[(\d+)\]\s+(\S+)$", re.M)


def issues(site: Path) -> list[tuple[str, Path]]:
    found = [(lang, page.parent) for lang, prefix in LANGUAGES.items() for page in sorted((site / prefix).glob("issues/*-W*/index.html"))]
    assert {lang for lang, _ in found} == set(LANGUAGES)
    return found


def read(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def story_links(issue: Path, site: Path) -> list[str]:
    """The stories the issue's web page lists, as absolute addresses."""
    page = read(issue / "index.html")
    here = SITE_URL + issue.relative_to(site).as_posix() + "/"
    return [urljoin(here, a["href"]) for a in page.select(".digest-card__title a")]


def test_every_issue_of_every_language_has_its_email_edition_linked_from_its_page(built_site):
    for lang, issue in issues(built_site):
        assert (issue / "email.html").is_file() and (issue / "email.txt").is_file(), issue
        links = [a["href"] for a in read(issue / "index.html").select(".digest-email a")]
        assert links == ["email.html", "email.txt"], (lang, issue)


def test_the_html_edition_is_inlined_absolute_and_lists_each_story_once(built_site):
    for lang, issue in issues(built_site):
        html = read(issue / "email.html")
        where = f"{issue}/email.html"
        assert html.find("script") is None and html.select("link[rel=stylesheet]") == [], where
        assert html.html["lang"] == lang and html.html["dir"] == "ltr", where
        assert html.find("meta", attrs={"name": "color-scheme"})["content"] == "light dark", where
        styles = [style.get_text() for style in html.find_all("style")]
        assert len(styles) == 1 and "prefers-color-scheme: dark" in styles[0], where
        assert DARK_ONLY.sub("", styles[0]).strip() == "", f"{where}: CSS left outside the dark variant: {styles[0]}"
        assert all(element.get("style") for element in html.select("[class]")), f"{where}: a class left unstyled"
        preheader = html.select_one(".preheader")
        assert preheader is not None and "display: none" in preheader["style"] and preheader.get_text().strip(), where
        addresses = [a["href"] for a in html.find_all("a")] + [img["src"] for img in html.find_all("img")]
        assert addresses and all(address.startswith(SITE_URL) for address in addresses), where
        headlines = [a["href"] for a in html.select(".headline a")]
        assert headlines == story_links(issue, built_site), where  # each story once, in the page's order
        assert len(set(headlines)) == len(headlines)
        assert html.find(string=re.compile(re.escape(html.title.get_text()))) is not None
        footer = [a["href"] for a in html.select(".footer a")]
        web = SITE_URL + issue.relative_to(built_site).as_posix() + "/"
        home = SITE_URL + LANGUAGES[lang]
        assert footer == [web, f"{home}feed.xml", f"{home}rss.xml", home], where


def test_the_text_edition_lists_the_same_stories_and_links_in_72_columns(built_site):
    for _lang, issue in issues(built_site):
        text = (issue / "email.txt").read_text(encoding="utf-8")
        html = read(issue / "email.html")
        for line in text.splitlines():  # a link is never broken, so only a line that is one link may be longer
            assert columns(line) <= 72 or re.fullmatch(r"https://\S+", line), f"{issue}/email.txt: {line!r}"
        references = dict(REFERENCE.findall(re.sub(r"^(\[\d+\])\n", r"\1 ", text, flags=re.M)))
        assert list(references.values()) == list(dict.fromkeys(a["href"] for a in html.select(".headline a, .footer a")))
        flat = " ".join(text.split())
        for story in html.select(".headline a, .lede"):
            assert " ".join(story.get_text().split()) in flat, f"{issue}/email.txt lacks {story.get_text()!r}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chromium_shows_the_edition_in_one_column_at_600_and_375_px(chromium, served_site, built_site, scheme):
    base, _ = served_site
    for width in (600, 375):
        tab = Reader(chromium, base, viewport={"width": width, "height": 900}, color_scheme=scheme)
        try:
            for lang, issue in issues(built_site):
                page = tab.open(f"{issue.relative_to(built_site).as_posix()}/email.html")
                sizes = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]")
                assert max(sizes[:2]) <= sizes[2] == width, f"{lang} at {width} px scrolls sideways: {sizes}"
                column = page.evaluate("document.querySelector('.container').getBoundingClientRect().width")
                assert column <= 600
                background = page.evaluate("getComputedStyle(document.querySelector('.container')).backgroundColor")
                text = page.evaluate("getComputedStyle(document.querySelector('.lede')).color")
                light_background = background == "rgb(255, 255, 255)"
                assert light_background == (scheme == "light"), (scheme, background)
                assert brightness(text) < 100 if scheme == "light" else brightness(text) > 180, (scheme, text)
            assert tab.errors == [] and tab.foreign_requests() == []
        finally:
            tab.close()


def brightness(rgb: str) -> float:
    red, green, blue = (int(part) for part in re.findall(r"\d+", rgb)[:3])
    return 0.299 * red + 0.587 * green + 0.114 * blue


# -- the core, without MkDocs --------------------------------------------------------------------------


def settings(root: Path, **changes) -> Settings:
    base = {"root": str(root), "languages": ("en", "ru", "fr"), "site_name": "AI Chips Digest", "site_url": SITE_URL}
    return Settings(**{**base, "timezone": "Europe/Paris", "now": dt.datetime(2026, 1, 1, tzinfo=dt.UTC), **changes})


def test_no_site_url_no_edition():
    assert email_files(prepare(settings(ROOT, site_url=None)).renderer, "en") == []


def test_a_picture_of_the_site_shows_with_width_and_alt_and_the_unsubscribe_link_in_the_footer(tmp_path):
    project = copy_project(tmp_path)
    story = project / "content/2025/04/huawei-ascend-910d.en.md"
    if not story.exists():
        story = next(path for path in sorted((project / "content/2025/04").glob("*.en.md")))
    (story.parent / "chart.png").write_bytes(png(640, 320))
    story.write_text(story.read_text(encoding="utf-8") + "\n![Output by year](chart.png)\n", encoding="utf-8")
    site = prepare(settings(project, list_unsubscribe="https://example.org/unsubscribe?list=digest"))
    assert site.ok, site.problems
    files = {asset.url: asset.text for asset in email_files(site.renderer, "en")}
    pictures = [img for text in files.values() if text.startswith("<") for img in BeautifulSoup(text, "html.parser").find_all("img")]
    assert len(pictures) == 1
    assert pictures[0]["src"].startswith(SITE_URL) and pictures[0]["src"].endswith("/chart.png")
    assert pictures[0]["width"] == "552" and pictures[0]["alt"] == "Output by year"
    assert "max-width: 552px" in pictures[0]["style"]
    for url, text in files.items():
        assert "https://example.org/unsubscribe?list=digest" in text.replace("&amp;", "&"), url


def test_right_to_left_languages_are_marked():
    renderer = Renderer(settings(ROOT, languages=("en", "ar")), [], {})
    edition = render_edition(renderer, "ar", "2025-W18", [])  # an empty issue is enough for the page's direction
    html = BeautifulSoup(edition["email.html"], "html.parser").html
    assert (html["lang"], html["dir"]) == ("ar", "rtl")
    assert "اقرأ هذا العدد على الويب" in edition["email.txt"]


def test_text_is_wrapped_by_columns_and_links_are_not_broken():
    assert wrap("word " * 30).count("\n") == 2
    wide = "漢字" * 50  # 200 columns, no spaces
    assert all(columns(line) <= 72 for line in wrap(wide).splitlines())
    url = "https://example.github.io/digest/" + "x" * 80
    assert wrap(f"[1] {url}") == f"[1]\n{url}"
    assert wrap("  indented " + "word " * 20).splitlines()[1].startswith("  ")
