"""The 404 page: every language's build writes its own (site/404.html, site/ru/404.html ...), in its own words
(title, description, message, links home, to search and to the archive), from our gettext catalogs."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from conftest import ROOT
from serving import site_prefix

LANGS = {"en": "", "ru": "ru/", "fr": "fr/"}
NOT_FOUND = "Page not found"
LOCALES = ROOT / "generator" / "locales"


def translated(lang: str, message: str) -> str:
    with open(LOCALES / lang / "LC_MESSAGES" / "digest.po", "rb") as po:
        found = read_po(po).get(message)
    assert found is not None and found.string, (lang, message)
    return found.string


def words(soup: BeautifulSoup) -> dict[str, str]:
    """What a reader and a search engine get of the page: title, description, heading, message, link texts."""
    article = soup.select_one("article")
    assert article is not None
    return {
        "title": soup.title.get_text(strip=True) if soup.title else "",
        "description": soup.select_one('meta[name="description"]')["content"],
        "heading": article.h1.get_text(strip=True) if article.h1 else "",
        "message": article.p.get_text(strip=True) if article.p else "",
        "links": " | ".join(item.get_text(strip=True) for item in article.select("li")),
    }


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, BeautifulSoup]:
    found = {}
    for lang, prefix in LANGS.items():
        path = built_site / prefix / "404.html"
        assert path.is_file(), f"the {lang} build wrote no {prefix}404.html"
        found[lang] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return found


def test_each_language_has_its_own_404_page(pages):
    for lang, soup in pages.items():
        assert soup.html["lang"] == lang
        text = words(soup)
        assert text["title"].startswith(translated(lang, NOT_FOUND) + " - "), text
        assert text["heading"] == translated(lang, NOT_FOUND)
        assert all(text.values()), (lang, text)


@pytest.mark.parametrize("lang", ["ru", "fr"])
def test_the_russian_and_french_404_pages_say_nothing_in_english(pages, lang):
    english, theirs = words(pages["en"]), words(pages[lang])
    assert english["title"].startswith(NOT_FOUND)
    for part, text in theirs.items():
        assert text != english[part], (lang, part, text)
        assert text.split(" - ")[0] not in english[part], (lang, part, text)  # the site's name is the same everywhere
    assert translated(lang, "There is no page at this address on %(site)s.").split("%(site)s")[0] in theirs["description"]


def test_the_404_pages_link_to_their_languages_home_and_archive(pages, built_site):
    prefix_path = site_prefix(built_site)
    for lang, soup in pages.items():
        targets = [urlsplit(a["href"]).path for a in soup.select("article li a")]
        inside = [path.removeprefix(prefix_path).removesuffix(".") for path in targets]
        assert inside == [LANGS[lang], LANGS[lang] + "archive/"], (lang, targets)
        assert soup.select_one("article li button[data-digest-open-search]") is not None


def test_the_404_pages_search_button_opens_the_search_box(reader):
    page = reader.page
    reader.page.goto(reader.base + "ru/404.html")
    page.get_by_role("button", name=translated("ru", "Search the stories")).click()
    box = page.locator("#digest-search input")
    box.wait_for(state="visible")
    page.wait_for_function("document.activeElement && document.activeElement.closest('#digest-search') !== null")
    assert page.locator("#__search").is_checked()
