"""Any language, in its own words (issue 12): a right-to-left language (Arabic) read in Chromium, each language's own
site name, a topic label that falls back to the default language's with a warning, and the languages' config errors.

The project is the sample with `languages: [en, {locale: ar, ...}]`, Arabic topic labels (but none for `business`)
and one Arabic story, written for this test."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, mkdocs
from serving import Reader, serve, site_prefix

SITE_NAME = "موجز رقائق الذكاء الاصطناعي"
SITE_DESCRIPTION = "أخبار العتاد والنماذج والشركات في عالم الذكاء الاصطناعي."
LANGUAGES = f"""languages:
        - en
        - {{locale: ar, name: العربية, site_name: {SITE_NAME}, site_description: {SITE_DESCRIPTION}}}"""
LABELS = {
    "ai-chips": "رقائق الذكاء الاصطناعي",
    "geopolitics": "الجغرافيا السياسية",
    "robotics": "الروبوتات",
    "ai-safety": "أمان الذكاء الاصطناعي",
    "ai-models": "نماذج الذكاء الاصطناعي",
}  # business has no Arabic label: its pages show the English one, with a warning
TITLE = "مصانع هواوي الجديدة تنتج رقائق أسند"
STORY = f"""---
title: {TITLE}
date: 2025-04-30
lang: ar
topics: [ai-chips, business]
story: huawei-ascend-910d
source: {{name: Financial Times, url: "https://www.ft.com/"}}
summary: تقول تقارير إن هواوي بنت ثلاثة مصانع قرب مقرها لإنتاج رقائق الذكاء الاصطناعي.
---

تظهر صور التقطتها الأقمار الصناعية مباني ضخمة بجوار حرم الشركة في مدينة شنتشن. ويرى محللون أن هذه الخطوة
تقلل اعتماد الصين على الموردين الأجانب في صناعة المعالجات.
"""
ENGLISH_TITLE = "Satellite images point to new Huawei AI chip plants"  # the same story key in the sample
WIDTHS = (390, 1280)


def make_project(folder: Path, languages: str = LANGUAGES) -> Path:
    project = copy_project(folder)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("languages: [en, ru, fr]", languages), encoding="utf-8")
    topics = project / "content/topics.yml"
    lines = [
        line.rstrip("}") + f', ar: "{LABELS[line.split(":")[0]]}"}}' if line.split(":")[0] in LABELS else line
        for line in topics.read_text(encoding="utf-8").splitlines()
    ]
    topics.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for path in (project / "content").rglob("*.md"):  # the sample's other languages are not site languages here
        if not path.name.endswith(".en.md"):
            path.unlink()
    (project / "content/2025/04/huawei-plants.ar.md").write_text(STORY, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def arabic(tmp_path_factory):
    """(project, the output of its `mkdocs build`, without --strict)."""
    project = make_project(tmp_path_factory.mktemp("arabic"))
    return project, mkdocs(project, "build")


def page(project: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((project / "site" / path).read_text(encoding="utf-8"), "html.parser")


def business_line(project: Path) -> int:
    lines = (project / "content/topics.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith("business:"))


# -- a topic label missing in a language ------------------------------------------------------------


def test_a_missing_topic_label_is_a_warning_with_file_line_topic_and_language(arabic):
    project, result = arabic
    expected = f"content/topics.yml:{business_line(project)}: business: no label in ar; ar pages show the en label 'Business'"
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert any(expected in line for line in warnings), result.stderr
    assert page(project, "ar/topics/business/index.html").select_one("article h1").get_text(strip=True) == "Business"
    assert page(project, "ar/topics/ai-chips/index.html").select_one("article h1").get_text(strip=True) == LABELS["ai-chips"]


def test_a_strict_build_fails_on_the_missing_label_and_leaves_the_site_as_it_was(arabic):
    project, _ = arabic
    before = hashlib.sha256((project / "site/ar/index.html").read_bytes()).hexdigest()
    result = mkdocs(project, "build", "--strict", check=False)
    assert result.returncode != 0
    assert f"content/topics.yml:{business_line(project)}: business: no label in ar" in result.stderr
    assert hashlib.sha256((project / "site/ar/index.html").read_bytes()).hexdigest() == before


# -- each language's own site name --------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, name",
    [
        ("index.html", "AI Chips Digest"),
        ("ar/index.html", SITE_NAME),
        ("ar/topics/ai-chips/index.html", SITE_NAME),
        ("ar/2025/04/huawei-plants/index.html", SITE_NAME),
    ],
)
def test_each_language_shows_its_own_site_name(arabic, path, name):
    html = page(arabic[0], path)
    assert html.title.get_text().endswith(f" - {name}")
    assert html.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == name
    assert html.select_one('meta[property="og:site_name"]')["content"] == name
    assert html.select_one(".md-header__button.md-logo")["aria-label"] == name


def test_feeds_and_the_selector_use_the_languages_own_words(arabic):
    project = arabic[0]
    feed = BeautifulSoup((project / "site/ar/feed.xml").read_text(encoding="utf-8"), "xml")
    assert feed.find("title").get_text() == f"{SITE_NAME} (العربية)"
    topic_feed = BeautifulSoup((project / "site/ar/topics/ai-chips/feed.xml").read_text(encoding="utf-8"), "xml")
    assert topic_feed.find("title").get_text().startswith(SITE_NAME)
    english = BeautifulSoup((project / "site/feed.xml").read_text(encoding="utf-8"), "xml")
    assert english.find("title").get_text().startswith("AI Chips Digest")
    selector = [a.get_text(strip=True) for a in page(project, "index.html").select(".md-select__link")]
    assert selector == ["English", "العربية"]


def test_the_site_description_of_the_language_reaches_the_masthead(arabic):
    """The language's own site_description is what its home says the site is (the 404 page has words of its own)."""
    html = page(arabic[0], "ar/index.html")
    assert html.select_one(".digest-masthead__about").get_text(strip=True) == SITE_DESCRIPTION


# -- right to left ---------------------------------------------------------------------------------------


def test_arabic_pages_are_right_to_left_and_english_ones_left_to_right(arabic):
    project = arabic[0]
    for path in ("ar/index.html", "ar/topics/ai-chips/index.html", "ar/2025/04/huawei-plants/index.html", "ar/404.html"):
        html = page(project, path)
        assert html.html["dir"] == "rtl" and html.body["dir"] == "rtl", path
    assert page(project, "index.html").html["dir"] == "ltr"


@pytest.fixture(scope="module")
def served_arabic(arabic):
    site = arabic[0] / "site"
    with serve(site, site_prefix(site)) as served:
        yield served[0]


ARABIC_PAGES = {"home": "ar/", "topic": "ar/topics/ai-chips/", "story": "ar/2025/04/huawei-plants/"}


@pytest.mark.parametrize("width", WIDTHS)
def test_arabic_pages_read_right_to_left_without_sideways_scrolling(chromium, served_arabic, width):
    reader = Reader(chromium, served_arabic, viewport={"width": width, "height": 900})
    try:
        for name, path in ARABIC_PAGES.items():
            tab = reader.open(path)
            tab.wait_for_load_state("networkidle")
            assert tab.evaluate("document.documentElement.dir") == "rtl", name
            assert tab.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl", name
            scroll, inner = tab.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
            assert scroll <= inner, f"{name} scrolls sideways at {width}px: {scroll} > {inner}"
            heading = tab.locator("article h1").first.bounding_box()
            assert heading and heading["x"] >= 0 and heading["x"] + heading["width"] <= width, (name, heading)
        assert reader.errors == [], "\n".join(reader.errors)
        assert reader.foreign_requests() == []
    finally:
        reader.close()


def test_the_language_selector_leads_from_the_arabic_story_to_the_english_one(chromium, served_arabic):
    reader = Reader(chromium, served_arabic, viewport={"width": 1280, "height": 900})
    try:
        tab = reader.open("ar/2025/04/huawei-plants/")
        tab.locator(".md-header .md-select button").hover()
        tab.locator(".md-header .md-select__link[hreflang=en]").click()
        tab.wait_for_load_state()
        assert tab.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]
        assert tab.locator("article h1").first.inner_text().strip() == ENGLISH_TITLE
        tab.locator(".md-header .md-select button").hover()
        tab.locator(".md-header .md-select__link[hreflang=ar]").click()
        tab.wait_for_load_state()
        assert tab.evaluate("document.documentElement.dir") == "rtl"
        assert tab.locator("article h1").first.inner_text().strip() == TITLE
        assert reader.errors == [], "\n".join(reader.errors)
    finally:
        reader.close()


def test_the_search_box_finds_the_arabic_story_by_a_word_of_its_text(chromium, served_arabic):
    reader = Reader(chromium, served_arabic, viewport={"width": 1280, "height": 900})
    try:
        tab = reader.open("ar/")
        tab.wait_for_load_state("networkidle")
        box = tab.locator("header input[type=text]:visible, header input[type=search]:visible")
        if box.count() == 0:
            tab.locator("header label[for=__search]:visible").first.click()
        box.first.wait_for(state="visible")
        box.first.click()
        box.first.type("شنتشن")
        box.first.press("End")  # keyboard.type of a non-Latin script may fire no key event; the box waits for one
        result = tab.locator("header a", has_text=TITLE).first
        result.wait_for(state="visible", timeout=15_000)
        result.click()
        tab.wait_for_load_state()
        assert tab.locator("article h1").first.inner_text().strip() == TITLE
        assert reader.errors == [], "\n".join(reader.errors)
    finally:
        reader.close()


# -- the languages option ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entry, expected",
    [
        ("5", "languages[1]: expected a language code such as ru, or a map such as {locale: ar, "),
        ("{locale: ar, title: Arabic}", "languages[1].title: expected only these keys in a language's map: locale, name, site_name"),
        ("{name: Arabic}", "languages[1].locale: expected the language's code under locale, "),
        ("{locale: ar, site_name: [a, b]}", "languages[1].site_name: expected a text, e.g. {locale: ar, "),
    ],
)
def test_a_mistyped_language_entry_is_a_clear_config_error(tmp_path, entry, expected):
    project = make_project(tmp_path, f"languages:\n        - en\n        - {entry}")
    result = mkdocs(project, "build", check=False)
    assert result.returncode == 1
    message = next(line for line in result.stderr.splitlines() if "languages[1]" in line)
    assert re.search(rf"{re.escape(str(project / 'mkdocs.yml'))}: plugins\.digest\.{re.escape(expected)}", message), message
    assert ", got " in message and not (project / "site").exists()
