"""The sample digest in a real browser (Debian's Chromium via Playwright), served under /<repo>/ as GitHub Pages
serves it: what a reader clicks, types and sees. Screenshots go to test-results/screenshots/ (git-ignored)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import ROOT, newest_first
from serving import HOST, Reader

LANGS = {"en": "", "ru": "ru/", "fr": "fr/"}
TOPICS = yaml.safe_load((ROOT / "content" / "topics.yml").read_text(encoding="utf-8"))
SCREENSHOTS = ROOT / "test-results" / "screenshots"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}


def latest(sample_stories, lang: str) -> dict:
    return newest_first([s for s in sample_stories if s["lang"] == lang])[0]


def translated_everywhere(sample_stories) -> dict[str, dict]:
    """lang -> version of the newest story that exists in every language."""
    by_key: dict[str, dict[str, dict]] = {}
    for story in newest_first(sample_stories):
        by_key.setdefault(story["story"], {})[story["lang"]] = story
    return next(versions for versions in by_key.values() if set(versions) == set(LANGS))


def heading(page) -> str:
    return page.locator("article h1").first.inner_text().strip()


def open_story(reader: Reader, lang: str, title: str):
    """Reach a story as a reader does: from the language's archive, by its title."""
    page = reader.open(LANGS[lang] + "archive/")
    page.locator("article .digest-card__title a", has_text=title).first.click()
    page.wait_for_load_state()
    assert heading(page) == title
    return page


def settle(page) -> None:
    page.wait_for_load_state("networkidle")


def no_console_errors(reader: Reader) -> None:
    assert reader.errors == [], "\n".join(reader.errors)


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_home_opens_with_no_console_error(reader, sample_stories, lang):
    page = reader.open(LANGS[lang])
    settle(page)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("article .digest-card__title a").first.inner_text().strip() == latest(sample_stories, lang)["title"]
    no_console_errors(reader)


@pytest.mark.parametrize("lang", LANGS)
def test_a_topic_link_opens_that_topics_index(reader, sample_stories, lang):
    story = latest(sample_stories, lang)
    page = reader.open(LANGS[lang])
    card = page.locator("article.digest-card").first
    slug = story["topics"][0]
    card.locator(".digest-topic", has_text=TOPICS[slug][lang]).first.click()
    page.wait_for_url(re.compile(rf"/{re.escape(LANGS[lang])}topics/{slug}/$"))
    assert heading(page) == TOPICS[slug][lang]
    assert story["title"] in page.locator("article .digest-card__title a").all_inner_texts()
    no_console_errors(reader)


@pytest.mark.parametrize("source,target", [("en", "ru"), ("ru", "fr"), ("fr", "en")])
def test_the_language_selector_on_a_story_opens_the_same_story_in_the_other_language(reader, sample_stories, source, target):
    versions = translated_everywhere(sample_stories)
    page = open_story(reader, source, versions[source]["title"])
    page.locator(".md-header .md-select button").hover()
    page.locator(f".md-header .md-select__link[hreflang={target}]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == target
    assert heading(page) == versions[target]["title"]
    no_console_errors(reader)


def search_box(page):
    """The header's search box as a reader finds it: visible in the header, or behind the header's search button."""
    box = page.locator("header input[type=text]:visible, header input[type=search]:visible")
    if box.count() == 0:
        page.locator("header label[for=__search]:visible").first.click()
    box.first.wait_for(state="visible")
    return box.first


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_box_finds_a_story(reader, sample_stories, lang):
    story = latest(sample_stories, lang)
    query = max(re.findall(r"\w+", story["title"]), key=len)
    page = reader.open(LANGS[lang])
    settle(page)
    box = search_box(page)
    box.click()
    box.type(query)
    box.press("End")  # keyboard.type of Cyrillic fires no key events; search boxes wait for one
    result = page.locator("header a", has_text=story["title"]).first
    result.wait_for(state="visible", timeout=15_000)
    result.click()
    page.wait_for_load_state()
    assert heading(page) == story["title"]
    assert page.locator("html").get_attribute("lang") == lang
    no_console_errors(reader)


def scheme(page) -> tuple[str, float]:
    """Material's colour scheme on <body>, and the relative luminance of the page background."""
    name = page.locator("body").get_attribute("data-md-color-scheme")
    rgb = page.evaluate("getComputedStyle(document.body).backgroundColor")
    r, g, b = (int(x) / 255 for x in re.findall(r"\d+", rgb)[:3])
    return name, 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("lang", LANGS)
def test_light_and_dark_switching_works_and_is_remembered(reader, lang):
    page = reader.open(LANGS[lang])
    settle(page)
    name, light = scheme(page)
    assert name == "default" and light > 0.8
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    name, dark = scheme(page)
    assert name == "slate" and dark < 0.2
    page.locator("article .digest-card__title a").first.click()  # the choice holds on the next page
    page.wait_for_load_state()
    assert scheme(page)[0] == "slate"
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    assert scheme(page)[1] > 0.8
    no_console_errors(reader)


@pytest.mark.parametrize("lang", LANGS)
def test_a_phone_shows_the_digest_without_horizontal_scrolling(chromium, served_site, sample_stories, lang):
    stories = [s for s in sample_stories if s["lang"] == lang]
    longest = max(stories, key=lambda s: len(s["title"]))
    phone = Reader(chromium, served_site[0], **PHONE)
    try:
        urls = {path or "home": phone.base + LANGS[lang] + path for path in ("", "topics/", f"topics/{longest['topics'][0]}/", "archive/")}
        page = open_story(phone, lang, longest["title"])
        urls["story"] = page.url
        for name, url in urls.items():
            page.goto(url)
            settle(page)
            width = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]")
            assert max(width[:2]) <= width[2] == 390, f"{name} ({url}) scrolls sideways: {width}"
            title = page.locator("article h1").first
            box = title.bounding_box()
            assert title.is_visible() and box and box["x"] >= 0 and box["x"] + box["width"] <= 390, f"{name}: {box}"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{lang}-story-phone.png")
        assert phone.errors == [], "\n".join(phone.errors)
        assert phone.foreign_requests() == []
    finally:
        phone.close()


@pytest.mark.parametrize("lang", LANGS)
def test_screenshots_of_home_topic_and_story(reader, sample_stories, lang):
    story = latest(sample_stories, lang)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = {}
    page = reader.open(LANGS[lang])
    settle(page)
    shots["home"] = heading(page)
    page.screenshot(path=SCREENSHOTS / f"{lang}-home.png")
    page.locator("article.digest-card").first.locator(".digest-topic").first.click()
    page.wait_for_load_state()
    settle(page)
    shots["topic"] = heading(page)
    page.screenshot(path=SCREENSHOTS / f"{lang}-topic.png")
    open_story(reader, lang, story["title"])
    settle(page)
    shots["story"] = heading(page)
    page.screenshot(path=SCREENSHOTS / f"{lang}-story.png", full_page=True)
    assert shots["story"] == story["title"] and shots["topic"] in {TOPICS[slug][lang] for slug in story["topics"]}
    for name in shots:
        png = (SCREENSHOTS / f"{lang}-{name}.png").read_bytes()
        assert png.startswith(b"\x89PNG") and len(png) > 10_000, name
    no_console_errors(reader)


def test_pages_ask_nothing_of_any_host_but_127_0_0_1(reader, served_site, sample_stories):
    """Every request a page makes, scripts and workers included, is intercepted; none may leave 127.0.0.1."""
    served_before = len(served_site[1])
    for lang, prefix in LANGS.items():
        for path in ("", "topics/", f"topics/{next(iter(TOPICS))}/", "archive/", "404.html"):
            page = reader.page
            page.goto(reader.base + prefix + path)
            settle(page)
        open_story(reader, lang, latest(sample_stories, lang)["title"])
        settle(reader.page)
    hosts = {urlsplit(url).hostname for url in reader.requests if urlsplit(url).scheme in ("http", "https")}
    assert hosts == {HOST}, f"requests to {hosts - {HOST}}: {reader.foreign_requests()}"
    assert len(served_site[1]) - served_before >= len(LANGS) * 6, "the pages were not served by the test server"
    assert any(url.endswith(".css") for url in reader.requests) and any(url.endswith(".js") for url in reader.requests)


def test_a_request_to_another_host_is_caught(chromium, served_site):
    """The interception above can fail: a page that loads a script from elsewhere is reported, and the request blocked."""
    tab = Reader(chromium, served_site[0])
    try:
        tab.open("")
        tab.page.evaluate("""() => new Promise(done => { const s = document.createElement('script');
            s.src = 'https://cdn.example.com/tracker.js'; s.onerror = s.onload = done; document.head.appendChild(s); })""")
        assert tab.foreign_requests() == ["https://cdn.example.com/tracker.js"]
    finally:
        tab.close()
