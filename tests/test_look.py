"""The digest reads like a news site (issue 16), in Chromium on the built sample, in every language: bold headlines,
the first one high on a phone's first screen, no documentation furniture (previous/next footer), a subscribe block on
the home and story pages, the site's own footer. Screenshots for review go to test-results/look/ (git-ignored)."""

from __future__ import annotations

import pytest

from conftest import ROOT
from serving import Reader

LANGS = {"en": "", "ru": "ru/", "fr": "fr/"}
SHOTS = ROOT / "test-results" / "look"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
FIRST_HEADLINE = "article .digest-card__title"


def first_story(reader: Reader, lang: str) -> str:
    """The path of the home's first story."""
    href = reader.open(LANGS[lang]).locator(f"{FIRST_HEADLINE} a").first.get_attribute("href")
    return LANGS[lang] + href.removeprefix("./")


@pytest.fixture(params=["light", "dark"])
def scheme(request) -> str:
    return request.param


@pytest.mark.parametrize("lang", LANGS)
def test_headlines_are_bold_and_the_first_is_in_the_upper_half_of_a_phones_first_screen(chromium, served_site, lang, scheme):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, options in (("desktop", DESKTOP), ("phone", PHONE)):
        tab = Reader(chromium, served_site[0], color_scheme=scheme, **options)
        try:
            page = tab.open(LANGS[lang])
            headline = page.locator(FIRST_HEADLINE).first
            weight = int(headline.evaluate("node => getComputedStyle(node).fontWeight"))
            assert weight >= 600, (lang, name, weight)
            if name == "phone":
                top = headline.bounding_box()["y"]
                assert top < 844 / 2, f"{lang}: the first headline starts at {top}px of 844"
            page.screenshot(path=SHOTS / f"home-{lang}-{name}-{scheme}.png")
            story = first_story(tab, lang)
            page = tab.open(story)
            title = page.locator("article h1").first
            assert int(title.evaluate("node => getComputedStyle(node).fontWeight")) >= 600
            page.screenshot(path=SHOTS / f"story-{lang}-{name}-{scheme}.png", full_page=name == "desktop")
            assert tab.errors == [], tab.errors
        finally:
            tab.close()


@pytest.mark.parametrize("lang", LANGS)
def test_no_previous_next_footer_and_the_sites_own_footer(reader, lang):
    story = first_story(reader, lang)
    for path in ("", "topics/ai-chips/", "issues/", "archive/"):
        page = reader.open(LANGS[lang] + path)
        if path == "issues/":
            page = reader.open(LANGS[lang] + path + page.locator("article .digest-issue-list a").first.get_attribute("href"))
        assert page.locator(".md-footer__link").count() == 0, path
        footer = page.locator("footer.digest-footer")
        assert footer.locator(".digest-footer__name").inner_text().strip()
        assert footer.locator("a[type='application/atom+xml']").count() == 1
        assert footer.locator("a[hreflang]").count() == len(LANGS)
        assert "Material for MkDocs" not in footer.inner_text()
    page = reader.open(story)
    assert page.locator(".md-footer__link").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_the_subscribe_block_is_on_the_home_and_story_pages(reader, lang):
    story = first_story(reader, lang)
    for path in (LANGS[lang], story):
        page = reader.open(path)
        block = page.locator(".digest-subscribe")
        assert block.is_visible(), path
        assert block.locator("a[type='application/atom+xml']").count() == 1, path
    page = reader.open(story)
    box = page.locator(".digest-story__aside").bounding_box()
    body = page.locator(".digest-story__body").bounding_box()
    assert box["x"] > body["x"] + body["width"], "on a desktop the story's right column holds the aside"


def test_the_sidebar_lists_topics_once(reader):
    page = reader.open("")
    labels = [
        text.strip()
        for text in page.locator(
            ".md-nav--primary > .md-nav__list > .md-nav__item > a, .md-nav--primary > .md-nav__list > .md-nav__item > div > a"
        ).all_inner_texts()
    ]
    assert labels.count("Topics") <= 1, labels


def test_pagefinds_clear_button_stays_inside_the_french_search_box(reader):
    page = reader.open("fr/")
    page.evaluate("document.getElementById('__search').checked = true")
    page.locator("#digest-search input").focus()
    page.keyboard.type("puces")
    clear = page.locator(".pagefind-ui__search-clear")
    clear.wait_for()
    button, box = clear.bounding_box(), page.locator(".pagefind-ui__search-input").bounding_box()
    assert box["y"] <= button["y"] and button["y"] + button["height"] <= box["y"] + box["height"] + 0.5, (button, box)
    assert box["x"] <= button["x"] and button["x"] + button["width"] <= box["x"] + box["width"] + 0.5, (button, box)
