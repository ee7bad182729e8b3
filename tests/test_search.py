"""Search as a reader uses it: the header search box, in Chromium, finds stories by word forms of their language.

Material's own search (lunr) finds neither `чипов` for `чипы` nor `sanction` for `sanctions` (see NOTES.md);
the digest's Pagefind index stems each language."""

from __future__ import annotations

import frontmatter
import pytest

from conftest import ROOT

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
