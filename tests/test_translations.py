"""The pages' words in gettext catalogs: complete catalogs, a template that matches the templates, placeholders and
plural forms that survive translation, a site's own words, and a real build in six languages with no English left."""

from __future__ import annotations

import re
import shutil
from gettext import c2py
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, mkdocs
from generator import Settings, build_site
from generator.rendering import text_direction
from generator.translations import (
    DEFAULT_WPM,
    LOCALES,
    READING_CPM,
    READING_WPM,
    load_translations,
    load_words,
    reading_minutes,
    shipped_languages,
)

LANGUAGES = [
    "en",
    "ru",
    "uk",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "cs",
    "sv",
    "tr",
    "ar",
    "he",
    "fa",
    "zh",
    "ja",
    "ko",
    "hi",
    "id",
    "vi",
]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def read(path: Path):
    with open(path, "rb") as po:
        return read_po(po)


def catalog(lang: str):
    return read(LOCALES / lang / "LC_MESSAGES" / "digest.po")


def template_ids() -> set:
    return {message.id for message in read(LOCALES / "messages.pot") if message.id}


# -- the catalogs ------------------------------------------------------------------------------------


def test_every_language_we_promise_is_shipped():
    assert set(LANGUAGES) <= set(shipped_languages())


def test_the_template_holds_exactly_the_messages_the_templates_and_code_use():
    """What pybabel extract finds today (babel.cfg) is what messages.pot holds: nothing missing, nothing stale."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = {message for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map, options_map)}
    assert found == template_ids()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_catalog_translates_every_message(lang):
    found = catalog(lang)
    assert not found.fuzzy, "the header is marked fuzzy"
    messages = {message.id: message for message in found if message.id}
    assert set(messages) == template_ids(), "run pybabel update (README, Translating the pages)"
    expected_forms = get_plural(lang).num_plurals
    assert found.num_plurals == expected_forms, f"Plural-Forms says {found.plural_forms}"
    for message in messages.values():
        assert not message.fuzzy, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(text.strip() for text in strings), f"untranslated: {message.id!r}"
        if message.pluralizable:
            assert len(strings) == expected_forms, message.id
    assert not list(found.check()), [(m.id, errors) for m, errors in found.check()]  # Babel's own checks


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_survive_translation(lang):
    """Every %(name)s of the English text is in the translation, and no other. A plural form used for one number
    only (Arabic 'خبر واحد', 'خبران') may leave the number out, as the English '1 story' could not."""
    found = catalog(lang)
    plural = c2py(found.plural_expr)  # the rule of the catalog's Plural-Forms header, as gettext runs it
    for message in found:
        if not message.id:
            continue
        if not message.pluralizable:
            assert "python-format" in message.flags or not PLACEHOLDER.search(message.id), message.id
            assert set(PLACEHOLDER.findall(message.string)) == set(PLACEHOLDER.findall(message.id)), (message.id, message.string)
            continue
        wanted = set(PLACEHOLDER.findall(message.id[1]))
        numbers_of_form = {}
        for n in range(0, 1001):
            numbers_of_form.setdefault(plural(n), set()).add(n)
        for index, text in enumerate(message.string):
            have = set(PLACEHOLDER.findall(text))
            assert have <= wanted, (message.id, text)
            if len(numbers_of_form.get(index, ())) > 1:
                assert have == wanted, f"form {index} serves several numbers, so it must show the number: {text!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_arrows_point_the_languages_reading_direction(lang):
    """'← Previous' and 'Next →' point back and forward in the reading direction: mirrored in a right-to-left
    language ('→ السابق', 'التالي ←'), where the arrow leads the text the same way."""
    back, forward = ("→", "←") if text_direction(lang) == "rtl" else ("←", "→")
    arrows = [message for message in catalog(lang) if isinstance(message.id, str) and re.search("[←→]", message.id)]
    assert len(arrows) >= 4
    for message in arrows:
        if message.id.startswith("←"):
            assert message.string.startswith(back) and "←→".replace(back, "") not in message.string, (message.id, message.string)
        if message.id.endswith("→"):
            assert message.string.endswith(forward) and "←→".replace(forward, "") not in message.string, (message.id, message.string)


@pytest.mark.parametrize(
    "n, expected",
    [(1, "1 новость"), (3, "3 новости"), (5, "5 новостей"), (11, "11 новостей"), (21, "21 новость"), (22, "22 новости"), (0, "0 новостей")],
)
def test_russian_counts_take_the_right_form(n, expected):
    words = load_words(Path("/nonexistent"), ["ru"])["ru"]
    assert words.ngettext("%(num)d story", "%(num)d stories", n) == expected


@pytest.mark.parametrize(
    "n, expected",
    [
        (0, "لا توجد أخبار"),
        (1, "خبر واحد"),
        (2, "خبران"),
        (3, "3 أخبار"),
        (10, "10 أخبار"),
        (11, "11 خبرًا"),
        (99, "99 خبرًا"),
        (100, "100 خبر"),
    ],
)
def test_arabic_counts_take_all_six_forms(n, expected):
    words = load_words(Path("/nonexistent"), ["ar"])["ar"]
    assert words.ngettext("%(num)d story", "%(num)d stories", n) == expected


def test_reading_time_uses_babels_plural_aware_units():
    words = load_words(Path("/nonexistent"), ["ru"])["ru"]
    from generator.rendering.words import minutes_in_words

    shown = [words.gettext("%(duration)s read", duration=minutes_in_words(n, "ru")) for n in (1, 3, 5)]
    assert shown == ["1 минута чтения", "3 минуты чтения", "5 минут чтения"]


def test_reading_speeds():
    assert READING_WPM["en"] == 228 and READING_WPM["ru"] == 184 and READING_WPM["fr"] == 195  # as before
    assert all(lang in READING_WPM or lang in READING_CPM for lang in LANGUAGES)
    assert reading_minutes("word " * 228 * 3, "en") == 3
    assert reading_minutes("词" * 255 * 2, "zh") == 2, "Chinese is counted in characters, not space-separated words"
    assert reading_minutes("mot " * DEFAULT_WPM * 4, "xx") == 4 and reading_minutes("", "en") == 1


# -- a site's own words ------------------------------------------------------------------------------


def own_catalog(templates: Path, lang: str, text: str) -> None:
    path = templates / "locales" / lang / "LC_MESSAGES" / "digest.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_sites_catalog_changes_only_the_words_it_translates(tmp_path):
    own_catalog(
        tmp_path, "ru", 'msgid "Archive"\nmsgstr "Все новости"\n\nmsgid "Topics"\nmsgstr ""\n\n#, fuzzy\nmsgid "Issues"\nmsgstr "Номера"\n'
    )
    words = load_words(tmp_path, ["ru", "fr"])
    assert words["ru"].gettext("Archive") == "Все новости"
    assert words["ru"].gettext("Topics") == "Темы", "an empty translation keeps the shipped one"
    assert words["ru"].gettext("Issues") == "Выпуски", "a fuzzy translation keeps the shipped one"
    assert words["ru"].ngettext("%(num)d story", "%(num)d stories", 5) == "5 новостей", "plural rules stay"
    assert words["fr"].gettext("Archive") == "Archives"
    assert load_words(Path("/nonexistent"), ["ru"])["ru"].gettext("Archive") == "Архив", "the shipped catalog is untouched"


def test_a_site_adds_a_language_we_do_not_ship(tmp_path):
    own_catalog(
        tmp_path,
        "eo",
        r"""msgid ""
msgstr ""
"Language: eo\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Archive"
msgstr "Arkivo"

msgid "%(num)d story"
msgid_plural "%(num)d stories"
msgstr[0] "%(num)d novaĵo"
msgstr[1] "%(num)d novaĵoj"
""",
    )
    words = load_words(tmp_path, ["eo"])["eo"]
    assert words.gettext("Archive") == "Arkivo"
    assert words.ngettext("%(num)d story", "%(num)d stories", 2) == "2 novaĵoj"
    assert words.gettext("Topics") == "Topics", "an untranslated message shows in English"
    assert load_translations("sw").gettext("Archive") == "Archive", "a language nobody translated shows English"


def test_translations_are_text_not_html(tmp_path):
    """A translation's quote or ampersand is escaped where a template prints it, like any value."""
    from test_rendering import write_project

    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    own_catalog(
        templates,
        "en",
        'msgid "Archive"\nmsgstr "Tom & Jerry\'s <b>archive</b>"\n\nmsgid "Latest issue: %(title)s"\nmsgstr "<i>Now</i>: %(title)s"\n',
    )
    site = build_site(Settings(root=str(write_project(tmp_path)), languages=("en", "ru", "fr")))
    assert not site.problems
    home = next(page for page in site.pages["en"] if page.path == "index.md")
    assert ">Tom &amp; Jerry&#39;s &lt;b&gt;archive&lt;/b&gt;</a>" in home.head + home.tail
    assert "&lt;i&gt;Now&lt;/i&gt;: Week " in home.head + home.tail
    assert {"Tom &amp; Jerry's &lt;b&gt;archive&lt;/b&gt;": "archive/index.md"} in site.nav["en"]  # Material prints it as is


# -- a real build in six languages --------------------------------------------------------------------

NEW_LANGUAGES = {
    "de": dict(
        label="KI-Chips",
        geo="Geopolitik",
        title="Satellitenbilder zeigen neue KI-Chipfabriken von Huawei",
        summary="Die Financial Times hat drei bislang unbekannte Fabriken nahe einem Huawei-Gelände entdeckt.",
        body="Laut Insidern fertigen die Werke den neuen Prozessor Ascend 910D. Der Bau begann kurz nach den "
        "ersten Sanktionen Washingtons gegen China.",
    ),
    "es": dict(
        label="Chips de IA",
        geo="Geopolítica",
        title="Imágenes por satélite revelan nuevas fábricas de chips de IA de Huawei",
        summary="El Financial Times ha identificado tres fábricas desconocidas junto a un campus de Huawei.",
        body="Según fuentes del sector, las plantas producen el nuevo procesador Ascend 910D. Las obras comenzaron "
        "poco después de las primeras sanciones de Washington contra China.",
    ),
    "ar": dict(
        label="رقائق الذكاء الاصطناعي",
        geo="الجغرافيا السياسية",
        title="صور الأقمار الصناعية تكشف مصانع جديدة لرقائق هواوي",
        summary="رصدت صحيفة فايننشال تايمز ثلاثة مصانع لم يُعلن عنها من قبل قرب مجمع لشركة هواوي.",
        body="وتقول مصادر مطلعة إن المصانع تنتج معالج أسند 910D الجديد، وقد بدأ بناؤها بعد وقت قصير من العقوبات "
        "الأمريكية الأولى على الصين.",
    ),
}
STORY = "content/2025/04/satellite-images-point-to-new-huawei-ai-chip-plants.en.md"


def english_words() -> list[str]:
    """The English text of every message, cut at its placeholders: 'Latest issue', 'read', 'stories', 'Next'."""
    words = set()
    for message in catalog("en"):
        if not message.id:
            continue
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            for piece in PLACEHOLDER.split(text)[::2]:
                piece = piece.strip(" :()→←.,")
                if re.search(r"[A-Za-z]{2}", piece):
                    words.add(piece)
    return sorted(words)


@pytest.fixture(scope="module")
def six_language_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("six"))
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("languages: [en, ru, fr]", "languages: [en, ru, fr, de, es, ar]"), encoding="utf-8"
    )
    topics = project / "content/topics.yml"
    lines = []
    for line in topics.read_text(encoding="utf-8").splitlines():
        slug = line.split(":")[0]
        labels = {lang: {"ai-chips": words["label"], "geopolitics": words["geo"]}.get(slug, slug) for lang, words in NEW_LANGUAGES.items()}
        extra = ", ".join(f'{lang}: "{label}"' for lang, label in labels.items())
        lines.append(line.rstrip("}") + ", " + extra + "}")
    topics.write_text("\n".join(lines) + "\n", encoding="utf-8")
    original = (project / STORY).read_text(encoding="utf-8")
    front = original.split("---\n")[1]
    for lang, text in NEW_LANGUAGES.items():
        fields = re.sub(r"(?m)^lang: en$", f"lang: {lang}", front)
        fields = re.sub(r"(?m)^title: .*$", f'title: "{text["title"]}"', fields)
        fields = re.sub(r"(?m)^summary: .*$", f'summary: "{text["summary"]}"', fields)
        (project / f"content/2025/04/huawei-plants.{lang}.md").write_text(f"---\n{fields}---\n\n{text['body']}\n", encoding="utf-8")
    mkdocs(project, "build", "--strict")
    return project / "site"


def visible_text(path: Path) -> str:
    """What a reader sees of our pages: the article, the header tabs, the title and the description (the rest of the
    page holds Material's own words, which Material translates)."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    parts = [soup.select_one("article.md-content__inner"), soup.select_one("nav.md-tabs"), soup.title]
    text = " ".join(part.get_text(" ") for part in parts if part is not None)
    text += " " + " ".join(meta["content"] for meta in soup.select('meta[name="description"], meta[property^="og:"]'))
    for attribute in soup.select("[aria-label]"):
        if attribute.find_parent("article") is not None:
            text += " " + attribute["aria-label"]
    return text


@pytest.mark.parametrize("lang", sorted(NEW_LANGUAGES))
def test_no_english_word_of_ours_on_the_new_languages_pages(six_language_site, lang):
    base = six_language_site / lang
    pages = {
        "home": base / "index.html",
        "topic": base / "topics/ai-chips/index.html",
        "topics": base / "topics/index.html",
        "issue": base / "issues/2025-W18/index.html",
        "issues": base / "issues/index.html",
        "story": base / "2025/04/huawei-plants/index.html",
        "archive": base / "archive/index.html",
    }
    english = english_words()
    assert {"Latest stories", "stories", "read", "Subscribe"} <= set(english)
    for name, path in pages.items():
        assert path.is_file(), f"{name}: {path} was not built"
        text = visible_text(path)
        left = [word for word in english if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]
        assert not left, f"{lang} {name} page shows English: {left}"


def test_the_new_languages_pages_show_their_own_words(six_language_site):
    assert "1 Meldung" in visible_text(six_language_site / "de/topics/index.html")
    assert "Lesezeit" in visible_text(six_language_site / "de/2025/04/huawei-plants/index.html")
    assert "1 noticia" in visible_text(six_language_site / "es/issues/index.html")
    arabic = visible_text(six_language_site / "ar/topics/index.html")
    assert "خبر واحد" in arabic and "لا توجد أخبار" in arabic
    html = (six_language_site / "ar/index.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in html and "آخر الأخبار" in html
