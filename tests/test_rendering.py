"""Rendering and the build: every page of every language, read back as the text a visitor would get.

A small project is written to a temporary folder and built with build_site, using the real templates
of this repository. No MkDocs here: the pages are Markdown files with front matter, held as data.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
import yaml

from generator import Settings, build_site
from generator.model import Asset, Page

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
LANGUAGES = ("en", "ru", "fr")

TOPICS = """\
ai-chips: {en: AI chips, ru: ИИ-чипы, fr: "Puces d'IA"}
geopolitics: {en: Geopolitics, ru: Геополитика, fr: Géopolitique}
robotics: {en: Robotics, ru: Робототехника, fr: Robotique}
"""

STORIES = {
    "2025/04/chips.en.md": dict(
        title='"Chips & <script>alert(1)</script>"',
        date="2025-04-30",
        lang="en",
        topics="[ai-chips, geopolitics]",
        story="chips",
        summary="Plants & <b>fabs</b>.",
        body="Body with *emphasis*.\n\n## A heading\n",
    ),
    "2025/04/chipy.ru.md": dict(
        title="Huawei строит заводы", date="2025-04-30", lang="ru", topics="[ai-chips, geopolitics]", story="chips", summary="Три завода."
    ),
    "2025/04/puces.fr.md": dict(
        title="Huawei construit des usines",
        date="2025-04-30",
        lang="fr",
        topics="[ai-chips, geopolitics]",
        story="chips",
        summary="Trois usines.",
    ),
    "2025/05/robots.en.md": dict(
        title="Robots at the border",
        date="2025-05-02T09:00:00",
        lang="en",
        topics="[robotics]",
        story="robots",
        summary="Walker S2.",
        source="{name: Reuters}",
    ),
    "2025/03/sanctions.en.md": dict(
        title="New sanctions", date="2025-03-10", lang="en", topics="[geopolitics]", story="sanctions", summary="Export rules."
    ),
    "2025/03/sanktsii.ru.md": dict(
        title="Новые санкции", date="2025-03-10", lang="ru", topics="[geopolitics]", story="sanctions", summary="Правила экспорта."
    ),
    "2025/04/secret.en.md": dict(
        title="Secret draft story", date="2025-04-29", lang="en", topics="[ai-chips]", story="secret", summary="Not yet.", draft="true"
    ),
}


def write_project(root: Path, stories: dict[str, dict] = STORIES, topics: str = TOPICS) -> Path:
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    (content / "topics.yml").write_text(topics, encoding="utf-8")
    for name, fields in stories.items():
        fields = {**fields, "source": fields.get("source", '{name: FT, url: "https://www.ft.com/"}')}
        body = fields.pop("body", "Body.\n")
        front = "".join(f"{key}: {value}\n" for key, value in fields.items())
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return root


def settings(root: Path, **overrides) -> Settings:
    return Settings(root=str(root), templates_dir=str(TEMPLATES), languages=LANGUAGES, **overrides)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = build_site(settings(write_project(tmp_path_factory.mktemp("digest"))))
    assert built.problems == [], [str(p) for p in built.problems]
    return built


def page(site, lang: str, path: str) -> Page:
    matches = [p for p in site.pages[lang] if p.path == path]
    assert matches, f"no page {lang}:{path}; pages are {[p.path for p in site.pages[lang]]}"
    return matches[0]


def text_of(item: Page | Asset) -> str:
    """The whole page as one Markdown file with front matter, the way a builder that reads files would get it."""
    if isinstance(item, Asset):
        return item.text
    return "---\n" + json.dumps(item.meta, ensure_ascii=False) + "\n---\n\n" + item.head + item.markdown + item.tail


def split(text: str) -> tuple[dict, str]:
    """A page's front matter (parsed) and body."""
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(front), body


def url_of(site, p: Page) -> str:
    """The site path a page is served at: the language prefix, then its docs path without index.md."""
    return site.settings.language_prefix(p.lang) + p.path.removesuffix("index.md")


def resolve(from_url: str, link: str) -> str:
    joined = posixpath.normpath(posixpath.join("/" + from_url, link))
    return "" if joined == "/" else joined.lstrip("/") + "/"


def links(body: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]+)"', body)


# -- which pages --------------------------------------------------------------------------------

INDEX_PAGES = {
    "index.md",
    "topics/index.md",
    "archive/index.md",
    "issues/index.md",
    "topics/ai-chips/index.md",
    "topics/geopolitics/index.md",
    "topics/robotics/index.md",
}


def test_every_language_has_home_topics_archive_a_page_per_topic_and_per_story(site):
    assert {lang: sorted(p.path for p in site.pages[lang]) for lang in LANGUAGES} == {
        "en": sorted(
            INDEX_PAGES
            | {
                "2025/04/chips/index.md",
                "2025/05/robots/index.md",
                "2025/03/sanctions/index.md",
                "issues/2025-W18/index.md",
                "issues/2025-W11/index.md",
            }
        ),
        "ru": sorted(
            INDEX_PAGES | {"2025/04/chipy/index.md", "2025/03/sanktsii/index.md", "issues/2025-W18/index.md", "issues/2025-W11/index.md"}
        ),
        "fr": sorted(INDEX_PAGES | {"2025/04/puces/index.md", "issues/2025-W18/index.md"}),
    }
    for lang in LANGUAGES:
        assert all(p.lang == lang for p in site.pages[lang])


def test_every_page_has_front_matter_with_title_and_language(site):
    for lang in LANGUAGES:
        for p in site.pages[lang]:
            meta, _ = split(text_of(p))
            assert meta["title"]
            assert meta["digest"]["lang"] == lang
            assert [a["lang"] for a in meta["digest"]["alternates"]] == list(LANGUAGES)


def test_drafts_are_left_out(site):
    assert [s.key for s in site.stories if s.key == "secret"] == []
    for lang in LANGUAGES:
        for p in site.pages[lang]:
            assert "Secret draft" not in text_of(p) and "secret" not in p.path


# -- escaping --------------------------------------------------------------------------------------


def test_title_and_summary_are_escaped_everywhere(site):
    escaped = "Chips &amp; &lt;script&gt;alert(1)&lt;/script&gt;"
    for path in ("2025/04/chips/index.md", "index.md", "topics/ai-chips/index.md", "archive/index.md"):
        text = text_of(page(site, "en", path))
        assert escaped in text, path
        assert "Plants &amp; &lt;b&gt;fabs&lt;/b&gt;." in text, path
    for lang in LANGUAGES:
        for p in site.pages[lang]:
            assert "<script>" not in text_of(p) and "<b>" not in text_of(p)


def test_story_heading_and_front_matter(site):
    meta, body = split(text_of(page(site, "en", "2025/04/chips/index.md")))
    assert "<h1>Chips &amp; &lt;script&gt;alert(1)&lt;/script&gt;</h1>" in body
    assert meta["title"] == "Chips &amp; &lt;script&gt;alert(1)&lt;/script&gt;"
    assert meta["description"] == "Plants &amp; &lt;b&gt;fabs&lt;/b&gt;."


def test_story_body_is_the_editors_markdown_unchanged(site):
    _, body = split(text_of(page(site, "en", "2025/04/chips/index.md")))
    assert '<div class="digest-story__body">\n\nBody with *emphasis*.\n\n## A heading\n' in body


# -- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, path, shown",
    [
        ("en", "2025/04/chips/index.md", "April 30, 2025"),
        ("ru", "2025/04/chipy/index.md", "30 апреля 2025 г."),
        ("fr", "2025/04/puces/index.md", "30 avril 2025"),
    ],
)
def test_dates_in_the_pages_language(site, lang, path, shown):
    # CLDR keeps "2025 г." together with a narrow no-break space; a reader sees a space.
    text = text_of(page(site, lang, path)).replace("\u202f", " ").replace("\xa0", " ")
    assert f'<time datetime="2025-04-30T00:00:00+00:00">{shown}</time>' in text


def test_a_date_time_keeps_its_time_in_the_datetime_attribute(site):
    text = text_of(page(site, "en", "2025/05/robots/index.md"))
    assert '<time datetime="2025-05-02T09:00:00+00:00">May 2, 2025</time>' in text


@pytest.mark.parametrize(
    "lang, months",
    [
        ("en", ["May 2025", "April 2025", "March 2025"]),
        ("ru", ["Апрель 2025", "Март 2025"]),
        ("fr", ["Avril 2025"]),
    ],
)
def test_archive_months_are_localized_newest_first(site, lang, months):
    _, body = split(text_of(page(site, lang, "archive/index.md")))
    assert re.findall(r'<h2 id="\d{4}-\d{2}">([^<]+)</h2>', body) == months


# -- also in ------------------------------------------------------------------------------------------


def also_in(body: str) -> list[tuple[str, str, str]]:
    """(href, hreflang, name) of the 'also in' links, in order."""
    return re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+">([^<]+)</a>', body)


def test_also_in_links_point_to_the_other_language_versions(site):
    here = "ru/2025/04/chipy/"
    _, body = split(text_of(page(site, "ru", "2025/04/chipy/index.md")))
    assert '<p class="digest-also-in" data-pagefind-ignore>На других языках:' in body
    found = also_in(body)
    assert [(lang, name) for _, lang, name in found] == [("en", "English"), ("fr", "Français")]
    assert [resolve(here, href) for href, _, _ in found] == ["2025/04/chips/", "fr/2025/04/puces/"]


def test_also_in_from_the_default_language(site):
    _, body = split(text_of(page(site, "en", "2025/03/sanctions/index.md")))
    found = also_in(body)
    assert [(resolve("2025/03/sanctions/", href), lang, name) for href, lang, name in found] == [("ru/2025/03/sanktsii/", "ru", "Русский")]


def test_also_in_on_cards(site):
    _, body = split(text_of(page(site, "fr", "index.md")))
    assert '<p class="digest-also-in" data-pagefind-ignore>Disponible aussi en\u00a0:' in body
    assert [(resolve("fr/", href), name) for href, _, name in also_in(body)] == [
        ("2025/04/chips/", "English"),
        ("ru/2025/04/chipy/", "Русский"),
    ]


def test_no_also_in_without_translations(site):
    assert "digest-also-in" not in text_of(page(site, "en", "2025/05/robots/index.md"))


def test_language_selector_goes_to_the_same_story_or_that_languages_home(site):
    meta, _ = split(text_of(page(site, "en", "2025/03/sanctions/index.md")))
    targets = {a["lang"]: resolve("2025/03/sanctions/", a["url"]) for a in meta["digest"]["alternates"]}
    assert targets == {"en": "2025/03/sanctions/", "ru": "ru/2025/03/sanktsii/", "fr": "fr/"}
    names = {a["lang"]: a["name"] for a in meta["digest"]["alternates"]}
    assert names == {"en": "English", "ru": "Русский", "fr": "Français"}


# -- index pages -----------------------------------------------------------------------------------


def card_titles(body: str) -> list[str]:
    return re.findall(r'class="digest-card__title"><a href="[^"]+">([^<]+)</a>', body)


def test_home_shows_the_latest_issue_by_topic_then_earlier_stories(site):
    _, body = split(text_of(page(site, "en", "index.md")))
    # Week 18 holds chips (first topic ai-chips) and robots (robotics), in registry order; then the rest.
    assert card_titles(body) == ["Chips &amp; &lt;script&gt;alert(1)&lt;/script&gt;", "Robots at the border", "New sanctions"]
    assert re.findall(r'<h2 id="([\w-]+)"><a href="topics/[\w-]+/">', body) == ["ai-chips", "robotics"]
    _, body = split(text_of(page(site, "ru", "index.md")))
    assert card_titles(body) == ["Huawei строит заводы", "Новые санкции"]
    assert '<h1 class="digest-masthead__name">Digest</h1>' in body


def test_topic_pages_list_their_stories_in_that_language(site):
    _, body = split(text_of(page(site, "en", "topics/geopolitics/index.md")))
    assert card_titles(body) == ["Chips &amp; &lt;script&gt;alert(1)&lt;/script&gt;", "New sanctions"]
    _, body = split(text_of(page(site, "ru", "topics/geopolitics/index.md")))
    assert "<h1>Геополитика</h1>" in body
    assert card_titles(body) == ["Huawei строит заводы", "Новые санкции"]


def test_a_topic_without_stories_in_a_language_says_so(site):
    _, body = split(text_of(page(site, "ru", "topics/robotics/index.md")))
    assert card_titles(body) == [] and "<p>Новостей пока нет.</p>" in body
    meta, _ = split(text_of(page(site, "fr", "topics/robotics/index.md")))
    assert meta["title"] == "Robotique"


def test_topics_page_counts_stories_per_language(site):
    _, body = split(text_of(page(site, "ru", "topics/index.md")))
    found = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="digest-count">([^<]+)</span></li>', body)
    assert found == [
        ("ai-chips/", "ИИ-чипы", "1 новость"),
        ("geopolitics/", "Геополитика", "2 новости"),
        ("robotics/", "Робототехника", "0 новостей"),
    ]


def test_topic_links_on_a_story_use_the_pages_language(site):
    _, body = split(text_of(page(site, "fr", "2025/04/puces/index.md")))
    topic_links = re.findall(r'<a class="digest-topic" href="([^"]+)">([^<]+)</a>', body)
    assert [(resolve("fr/2025/04/puces/", href), label) for href, label in topic_links] == [
        ("fr/topics/ai-chips/", "Puces d&#39;IA"),
        ("fr/topics/geopolitics/", "Géopolitique"),
    ]


def test_sources_with_and_without_url(site):
    text = text_of(page(site, "en", "2025/04/chips/index.md"))
    assert '<a class="digest-source" href="https://www.ft.com/" rel="noopener">FT</a>' in text
    assert '<span class="digest-source">Reuters</span>' in text_of(page(site, "en", "2025/05/robots/index.md"))


def test_every_internal_link_lands_on_a_page(site):
    pages = {url_of(site, p) for lang in LANGUAGES for p in site.pages[lang]}
    for lang in LANGUAGES:
        for p in site.pages[lang]:
            here = url_of(site, p)
            meta, body = split(text_of(p))
            hrefs = links(body) + [a["url"] for a in meta["digest"]["alternates"]]
            for href in hrefs:
                if href.startswith(("http://", "https://")):
                    continue
                assert resolve(here, href) in pages, f"{lang}:{p.path} links to {href}"


# -- nav ---------------------------------------------------------------------------------------------


def test_nav_per_language_has_localized_labels(site):
    assert site.nav["ru"] == [
        {"Главная": "index.md"},
        {"Выпуски": "issues/index.md"},
        {
            "Темы": [
                "topics/index.md",
                {"ИИ-чипы": "topics/ai-chips/index.md"},
                {"Геополитика": "topics/geopolitics/index.md"},
                {"Робототехника": "topics/robotics/index.md"},
            ]
        },
        {"Архив": "archive/index.md"},
    ]
    assert site.nav["fr"] == [
        {"Accueil": "index.md"},
        {"Numéros": "issues/index.md"},
        {
            "Thèmes": [
                "topics/index.md",
                {"Puces d'IA": "topics/ai-chips/index.md"},
                {"Géopolitique": "topics/geopolitics/index.md"},
                {"Robotique": "topics/robotics/index.md"},
            ]
        },
        {"Archives": "archive/index.md"},
    ]
    assert [next(iter(entry)) for entry in site.nav["en"]] == ["Home", "Issues", "Topics", "Archive"]


def test_nav_points_at_pages_that_exist(site):
    for lang in LANGUAGES:
        paths = {p.path for p in site.pages[lang]}
        [home], [issues], [topics], [archive] = (entry.values() for entry in site.nav[lang])
        assert home in paths and issues in paths and archive in paths
        assert topics[0] in paths and all(next(iter(t.values())) in paths for t in topics[1:])


# -- the build as a whole -----------------------------------------------------------------------------


def test_home_size_limits_the_earlier_stories_and_links_to_the_archive(tmp_path):
    built = build_site(settings(write_project(tmp_path), home_size=2))
    _, body = split(text_of(page(built, "en", "index.md")))
    assert card_titles(body) == ["Chips &amp; &lt;script&gt;alert(1)&lt;/script&gt;", "Robots at the border"]
    assert "digest-more" not in body
    assert '<a href="archive/">Archive</a>' in body and '<a href="issues/2025-W11/">← Previous issue</a>' in body


def test_a_problem_stops_the_build_with_no_pages(tmp_path):
    stories = {
        **STORIES,
        "2025/04/bad.en.md": dict(title="Bad", date="2025-02-30", lang="en", topics="[ai-chips]", story="bad", summary="S."),
    }
    built = build_site(settings(write_project(tmp_path, stories)))
    assert [str(p) for p in built.problems] == [
        "content/2025/04/bad.en.md:3: date: 2025-02-30 does not exist: February 2025 has 28 days; e.g. date: 2025-04-30"
    ]
    assert built.pages == {} and built.nav == {} and not built.ok


def test_a_language_without_stories_still_gets_every_index_page(tmp_path):
    stories = {name: fields for name, fields in STORIES.items() if fields["lang"] == "en"}
    built = build_site(settings(write_project(tmp_path, stories)))
    assert {p.path for p in built.pages["fr"]} == INDEX_PAGES
    _, body = split(text_of(page(built, "fr", "index.md")))
    assert "<p>Pas encore de nouvelles.</p>" in body


def test_build_is_deterministic(tmp_path):
    first = build_site(settings(write_project(tmp_path / "a")))
    second = build_site(settings(write_project(tmp_path / "b")))
    assert {lang: [(p.path, text_of(p)) for p in pages] for lang, pages in first.pages.items()} == {
        lang: [(p.path, text_of(p)) for p in pages] for lang, pages in second.pages.items()
    }


def test_a_long_index_links_the_first_and_last_pages_and_those_around_this_one(tmp_path):
    """As Material's blog and Hugo do: a topic of many pages does not link every page from every page."""
    stories = {
        f"2025/03/s{n:02}.en.md": dict(
            title=f"Story {n}", date=f"2025-03-{n:02}", lang="en", topics="[robotics]", story=f"s{n}", summary="S."
        )
        for n in range(1, 21)
    }
    built = build_site(settings(write_project(tmp_path, stories), page_size=2))  # ten pages
    shown = {}
    for path in (
        "topics/robotics/index.md",
        "topics/robotics/page/6/index.md",
        "topics/robotics/page/10/index.md",
        "topics/robotics/page/5/index.md",
    ):
        _, body = split(text_of(page(built, "en", path)))
        pager = body.split('<nav class="digest-pager"', 1)[1].split("</nav>", 1)[0]
        shown[path] = re.findall(r">(\d+|…)</", pager)
    assert shown == {
        "topics/robotics/index.md": ["1", "2", "3", "…", "10"],
        "topics/robotics/page/6/index.md": ["1", "…", "4", "5", "6", "7", "8", "9", "10"],  # 9 rather than "…" for one page
        "topics/robotics/page/10/index.md": ["1", "…", "8", "9", "10"],
        "topics/robotics/page/5/index.md": ["1", "2", "3", "4", "5", "6", "7", "…", "10"],
    }
    _, body = split(text_of(page(built, "en", "topics/robotics/page/6/index.md")))
    assert '<a href="../../">1</a>' in body and '<a href="../4/">4</a>' in body and '<a href="../10/">10</a>' in body
