"""Paths: no file name, slug, story key or URL pattern can put a page outside the output folder, and two
stories that would share a folder, even only on a case-insensitive disk or after Unicode normalization, are a
problem that names both files.

A file name becomes an address as Pelican and Hugo make it: lowercase ASCII, transliterated by python-slugify
('Huawei Чипы' -> 'huawei-chipy'), dots kept inside ('version.2'). A name with nothing left to make an address of
is a problem, and so is an address that Windows cannot store (con, nul, com1, a trailing dot).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from generator import Settings
from generator.build import build_site, load_site
from generator.urls import checked_path, story_url

TEMPLATES = str(Path(__file__).resolve().parents[1] / "templates")
LANGUAGES = ("en", "ru", "fr")
TOPICS = 'ai-chips: {en: AI chips, ru: ИИ-чипы, fr: "Puces d\'IA"}\n'


def story(key: str = "chips", lang: str = "en", slug: str | None = None) -> str:
    extra = f"slug: {slug}\n" if slug is not None else ""
    return (
        f"---\ntitle: Huawei builds chip plants\ndate: 2025-04-30\nlang: {lang}\ntopics: [ai-chips]\nstory: {key}\n"
        f"source: {{name: FT}}\nsummary: Three plants.\n{extra}---\nBody.\n"
    )


def project(root: Path, files: dict[str, str], **settings) -> Settings:
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "content" / "topics.yml").write_text(TOPICS, encoding="utf-8")
    for name, text in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Settings(root=str(root), templates_dir=TEMPLATES, languages=LANGUAGES, **settings)


def addresses(root: Path, files: dict[str, str], **settings) -> dict[str, str]:
    site = load_site(project(root, files, **settings))
    assert site.problems == [], [str(p) for p in site.problems]
    return {s.path: story_url(s, site.settings) for s in site.stories}


# -- file names become safe addresses -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, url",
    [
        ("Huawei Chips.en.md", "2025/04/huawei-chips/"),
        ("Huawei Чипы.en.md", "2025/04/huawei-chipy/"),
        ("ÉTÉ chez Huawei.fr.md", "fr/2025/04/ete-chez-huawei/"),
        ("Китай обходит санкции.ru.md", "ru/2025/04/kitai-obkhodit-sanktsii/"),
        ("version.2.md", "2025/04/version.2/"),
        ("a\\..\\..\\etc.en.md", "2025/04/a-etc/"),
        ("C:\\Windows.en.md", "2025/04/c-windows/"),
        ("-x-.en.md", "2025/04/x/"),
        ("trailing dot..en.md", "2025/04/trailing-dot/"),
    ],
)
def test_file_names_become_lowercase_ascii_addresses(tmp_path, name, url):
    lang = name.rsplit(".", 2)[-2] if name.count(".") > 1 and name.rsplit(".", 2)[-2] in LANGUAGES else "en"
    assert addresses(tmp_path, {name: story(lang=lang)}) == {f"content/{name}": url}


def test_a_file_name_with_nothing_to_make_an_address_of_is_a_problem(tmp_path):
    site = load_site(project(tmp_path, {"\U0001f600.en.md": story()}))
    assert [str(p) for p in site.problems] == [
        "content/\U0001f600.en.md:1: slug: the file name '\U0001f600' has no letters or digits to make an address from; "
        "rename the file, or give the story a slug, e.g. slug: huawei-ascend-910d"
    ]


def test_a_slug_field_rescues_such_a_file(tmp_path):
    assert addresses(tmp_path, {"\U0001f600.en.md": story(slug="smile")}) == {"content/\U0001f600.en.md": "2025/04/smile/"}


# -- slugs, keys and patterns that would leave the folder -------------------------------------------------


@pytest.mark.parametrize("slug", ["../../etc", "/etc/passwd", "a/b", "a\\b", "..", "C:", "Chips"])
def test_a_slug_field_is_only_letters_digits_and_hyphens(tmp_path, slug):
    site = load_site(project(tmp_path, {"chips.en.md": story(slug=f'"{slug}"')}))
    assert [(p.path, p.line, p.field) for p in site.problems] == [("content/chips.en.md", 9, "slug")]
    assert "expected a key of lowercase letters, digits and hyphens" in site.problems[0].message


def test_a_key_or_slug_ending_in_a_newline_is_refused(tmp_path):
    """'$' in a regular expression also matches before a final newline: a folder name 'chips\\n' must not pass."""
    site = load_site(project(tmp_path, {"chips.en.md": story(key='"chips\\n"', slug='"chips\\n"')}))
    assert sorted(p.field for p in site.problems) == ["slug", "story"]


@pytest.mark.parametrize("name", ["con", "nul", "aux", "prn", "com1", "lpt9", "nul.tar"])
def test_names_windows_reserves_are_a_problem(tmp_path, name):
    site = load_site(project(tmp_path, {f"{name}.en.md": story()}))
    [problem] = site.problems
    assert str(problem) == (
        f"content/{name}.en.md:1: slug: would be published at /2025/04/{name}/, which has the "
        f"folder name '{name}', which Windows reserves for a device; give the story another slug, "
        f"e.g. slug: {name}-2"
    )


@pytest.mark.parametrize(
    "pattern, reason",
    [
        ("../{slug}/", "has an empty, '.' or '..' folder name"),
        ("{year}/../../{slug}/", "has an empty, '.' or '..' folder name"),
        ("/{slug}/", "would leave the site's folder or break on Windows"),
        ("{year}//{slug}/", "has an empty, '.' or '..' folder name"),
        ("{year}\\{slug}/", "would leave the site's folder or break on Windows"),
        ("{story}/", "has the folder name 'nul', which Windows reserves for a device"),
    ],
)
def test_a_url_pattern_cannot_take_a_story_out_of_the_site(tmp_path, pattern, reason):
    site = load_site(project(tmp_path, {"chips.en.md": story(key="nul")}, story_url=pattern))
    assert [(p.path, p.field) for p in site.problems] == [("content/chips.en.md", "slug")]
    assert reason in site.problems[0].message


# -- collisions name both files --------------------------------------------------------------------------


def test_names_that_differ_only_in_case_collide(tmp_path):
    site = load_site(project(tmp_path, {"a/Chips.en.md": story(key="one"), "b/CHIPS.en.md": story(key="two")}))
    assert [str(p) for p in site.problems] == [
        "content/b/CHIPS.en.md:1: slug: would be published at /2025/04/chips/, the URL of content/a/Chips.en.md; "
        "rename one file or give one its own slug, e.g. slug: chips-2"
    ]


def test_names_that_differ_only_in_unicode_normalization_collide(tmp_path):
    """'café' typed on Linux (one code point) and saved by macOS (e + combining accent): two files, one folder."""
    composed, decomposed = unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")
    assert composed != decomposed
    site = load_site(
        project(tmp_path, {f"{composed}.fr.md": story(key="one", lang="fr"), f"{decomposed}.fr.md": story(key="two", lang="fr")})
    )
    [problem] = site.problems
    assert problem.field == "slug" and "/fr/2025/04/cafe/" in problem.message
    assert {problem.path, problem.message.split("the URL of ")[1].split(";")[0]} == {
        f"content/{composed}.fr.md",
        f"content/{decomposed}.fr.md",
    }


def test_a_slug_field_and_a_file_name_collide(tmp_path):
    site = load_site(project(tmp_path, {"chips.en.md": story(key="one"), "other.en.md": story(key="two", slug="chips")}))
    assert [(p.path, p.line, p.field) for p in site.problems] == [("content/other.en.md", 9, "slug")]
    assert "the URL of content/chips.en.md" in site.problems[0].message


# -- the last guard before a page gets an address ---------------------------------------------------------


@pytest.mark.parametrize("path", ["../outside.md", "/etc/passwd", "a/../../b.md", "a\\..\\b.md", "a//b.md", "", ".", "a/./b.md", "a\0.md"])
def test_a_page_path_outside_the_site_is_refused(path):
    with pytest.raises(ValueError, match="would not stay inside the pages folder"):
        checked_path(path)


def test_every_page_of_a_site_with_odd_file_names_lands_inside_the_folder(tmp_path):
    files = {
        "Huawei Чипы.en.md": story(key="one"),
        "a\\..\\b.ru.md": story(key="one", lang="ru"),
        "ÉTÉ.fr.md": story(key="one", lang="fr"),
        "2025/Ünï/x y.en.md": story(key="two"),
    }
    site = build_site(project(tmp_path / "p", files, site_url="https://example.org/digest/"))
    assert site.problems == []
    paths = [f"{lang}/{checked_path(page.path)}" for lang, pages in site.pages.items() for page in pages]
    assert paths and len(set(paths)) == len(paths), "two pages share one path"
    assert all(path.isascii() for path in paths)
    assert "en/2025/04/huawei-chipy/index.md" in paths
    assert "ru/2025/04/a-b/index.md" in paths
