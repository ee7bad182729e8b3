"""Search as a reader uses it: the header search box, in Chromium, finds stories by word forms of their language.

Material's own search (lunr) finds neither `чипов` for `чипы` nor `sanction` for `sanctions` (see NOTES.md);
the digest's Pagefind index stems each language. Pagefind's interface is fetched only when the reader first opens
the search box."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import frontmatter
import pytest

from conftest import ROOT, newest_first
from serving import Reader

CASES = [
    # (language home, typed word, a word form the story has, the story's title)
    ("ru/", "чипов", "чипы", "Спутниковые снимки указали на новые заводы Huawei по выпуску ИИ-чипов"),
    ("ru/", "заводов", "заводы", "Спутниковые снимки указали на новые заводы Huawei по выпуску ИИ-чипов"),
    ("fr/", "sanction", "sanctions", "Des images satellite révèlent de nouvelles usines de puces d’IA chez Huawei"),
    ("", "plant", "plants", "Satellite images point to new Huawei AI chip plants"),
]


def search(reader, home: str, word: str):
    page = reader.open(home)
    page.set_default_timeout(30_000)
    button = page.locator("label.md-header__button[for=__search]")
    if button.is_visible():  # on a phone the box opens from the button; on a desktop it is in the header
        button.click()
    box = page.locator("#digest-search input")
    box.click()
    box.fill(word)
    page.keyboard.press("End")  # Playwright's typing of Cyrillic fires no key event; this one does
    return page


@pytest.mark.parametrize("home, word, form, title", CASES)
def test_an_inflected_word_finds_the_story_in_that_language(reader, sample_stories, home, word, form, title):
    assert any(s["title"] == title for s in sample_stories)
    page = search(reader, home, word)
    results = page.locator(".pagefind-ui__result-link")
    results.filter(has_text=title).first.wait_for(timeout=30_000)
    pages = [frontmatter.load(path) for path in (ROOT / "content" / "pages").glob("*.md")]  # About is searchable too
    languages = {s["title"]: s["lang"] for s in sample_stories} | {p["title"]: p["lang"] for p in pages}
    expected_lang = home.rstrip("/") or "en"
    shown = results.all_inner_texts()
    assert title in shown
    assert all(languages[t] == expected_lang for t in shown), shown  # a Russian page finds Russian stories only
    results.filter(has_text=title).first.click()
    page.wait_for_load_state()
    assert page.locator(".digest-story-header h1").inner_text() == title
    assert page.evaluate("document.documentElement.lang") == expected_lang
    assert reader.errors == []


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def search_code(requests: list[str]) -> list[str]:
    """What of the requests was search (Pagefind's interface and index) or a sitemap."""
    return [url for url in requests if "/pagefind/" in url or url.endswith("sitemap.xml")]


@pytest.mark.parametrize(
    "lang, opening, screen",
    [
        ("en", "a click in the box", DESKTOP),
        ("ru", "the / key", DESKTOP),
        ("fr", "the s key", DESKTOP),
        ("en", "the f key", PHONE),
        ("ru", "the search button", PHONE),
    ],
)
def test_search_is_loaded_when_the_reader_opens_the_box_and_finds_a_story(chromium, served_site, sample_stories, lang, opening, screen):
    """A page asks for no search code and no sitemap; once the reader opens the box, in any of the ways the header
    offers, Pagefind's interface arrives, the box has the focus, and a word of a story's title finds it."""
    story = newest_first([s for s in sample_stories if s["lang"] == lang])[0]
    word = max(re.findall(r"\w+", story["title"]), key=len)
    reader = Reader(chromium, served_site[0], **screen)
    try:
        page = reader.open("" if lang == "en" else f"{lang}/")
        page.wait_for_load_state("networkidle")
        assert search_code(reader.requests) == []
        assert page.locator("#digest-search input").count() == 1  # the box is there before its code
        if opening == "a click in the box":
            page.locator("#digest-search input").click()
        elif opening == "the search button":
            page.locator("label.md-header__button[for=__search]").click()
        else:
            page.keyboard.press(opening.split()[1])
        page.wait_for_function("document.activeElement && document.activeElement.closest('#digest-search') !== null")
        page.keyboard.type(word)
        page.keyboard.press("End")  # Playwright's typing of Cyrillic fires no key event; this one does
        result = page.locator(".pagefind-ui__result-link", has_text=story["title"]).first
        result.wait_for(timeout=30_000)
        prefix = "" if lang == "en" else f"{lang}/"
        fetched = {urlsplit(url).path.removeprefix(urlsplit(reader.base).path) for url in search_code(reader.requests)}
        assert {f"{prefix}pagefind/pagefind-ui.js", f"{prefix}pagefind/pagefind-ui.css"} <= fetched, fetched
        assert page.locator("#digest-search input").count() == 1  # Pagefind's own box, in the stand-in's place
        assert page.locator("#digest-search input").input_value() == word
        target = urljoin(page.url, result.get_attribute("href"))
        result.click()
        page.wait_for_url(target)
        assert page.locator(".digest-story-header h1").inner_text() == story["title"]
        assert reader.errors == [], "\n".join(reader.errors)
        assert reader.foreign_requests() == []
    finally:
        reader.close()
