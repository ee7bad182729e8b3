"""Validation: each field's rules, the topic registry, and the rules between files, as the editor reads them.

Stories are written into a temporary project and read with load_site, the same path `digest check` and
the MkDocs plugin take, so the problems asserted here are exactly the lines an editor would see.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from generator import Settings, load_site
from generator.fields import describe
from generator.model import Source

TOPICS = """\
ai-chips: {en: AI chips, ru: ИИ-чипы, fr: "Puces d'IA"}
geopolitics: {en: Geopolitics, ru: Геополитика, fr: Géopolitique}
robotics: {en: Robotics, ru: Робототехника, fr: Robotique}
"""

# The fields of a valid story, in file order; line 2 is the title, line 8 the summary.
VALID = {
    "title": "Huawei builds three AI chip plants",
    "date": "2025-04-30",
    "lang": "en",
    "topics": "[ai-chips, geopolitics]",
    "story": "huawei-chip-plants",
    "source": '{name: Financial Times, url: "https://www.ft.com/"}',
    "summary": "Huawei is building three plants near its campus.",
}
LINE = {name: number for number, name in enumerate(VALID, start=2)}


def story(body: str = "Body.\n", **fields: str | None) -> str:
    """A story file: VALID with some fields replaced (None removes one; new names are added at the end)."""
    merged = {**VALID, **fields}
    front = "".join(f"{name}: {value}\n" for name, value in merged.items() if value is not None)
    return f"---\n{front}---\n{body}"


def load(tmp_path: Path, files: dict[str, str], topics: str | None = TOPICS, **settings):
    """Write content/topics.yml and the stories, then load the site as the build does."""
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    if topics is not None:
        (content / "topics.yml").write_text(topics, encoding="utf-8")
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return load_site(Settings(root=str(tmp_path), languages=settings.pop("languages", ("en", "ru", "fr")), **settings))


def problems(tmp_path: Path, files: dict[str, str], **kwargs) -> list[str]:
    return [str(p) for p in load(tmp_path, files, **kwargs).problems]


def one_story(tmp_path: Path, name: str = "chips.en.md", **fields):
    site = load(tmp_path, {name: story(**fields)})
    assert site.problems == [], [str(p) for p in site.problems]
    [found] = site.stories
    return found


def field_problem(tmp_path: Path, field: str, value: str | None, name: str = "story.md") -> str:
    """The single problem an editor sees after changing one field of a valid story."""
    found = problems(tmp_path, {name: story(**{field: value})})
    assert len(found) == 1, found
    return found[0]


# -- a valid story --------------------------------------------------------------------------


def test_a_valid_story_becomes_a_story(tmp_path):
    site = load(tmp_path, {"2025/04/huawei-chips.en.md": story(body="\n\nFirst paragraph.\n\n", extra="kept")}, timezone="Europe/Paris")
    assert site.problems == []
    [found] = site.stories
    assert found.path == "content/2025/04/huawei-chips.en.md"
    assert found.title == "Huawei builds three AI chip plants"
    assert found.published == dt.datetime(2025, 4, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert found.has_time is False
    assert found.lang == "en"
    assert found.topics == ("ai-chips", "geopolitics")
    assert found.key == "huawei-chip-plants"
    assert found.sources == (Source("Financial Times", "https://www.ft.com/"),)
    assert found.summary == "Huawei is building three plants near its campus."
    assert found.body == "First paragraph."
    assert found.slug == "huawei-chips", "the file name without its language suffix"
    assert found.draft is False
    assert found.extra == {"extra": "kept"}
    assert found.lines["summary"] == 8 and found.lines["extra"] == 9


def test_the_topic_registry_parses(tmp_path):
    site = load(tmp_path, {})
    assert site.problems == []
    assert list(site.topics) == ["ai-chips", "geopolitics", "robotics"]
    assert site.topics["ai-chips"].label("fr") == "Puces d'IA"


# -- title and summary -----------------------------------------------------------------------


@pytest.mark.parametrize("field", ["title", "summary"])
@pytest.mark.parametrize(
    "value, found",
    [
        ("", "nothing (the field is empty)"),
        ("''", "'' (a string)"),
        ("'   '", "'   ' (a string)"),
        ("[a, b]", "['a', 'b'] (a list)"),
        ("2025", "2025 (a number)"),
        ("true", "true (a boolean)"),
    ],
)
def test_text_fields(tmp_path, field, value, found):
    problem = field_problem(tmp_path, field, value)
    assert problem.startswith(f"content/story.md:{LINE[field]}: {field}: expected text, got {found}; e.g. {field}: ")


def test_title_is_stripped_and_may_hold_a_quoted_colon(tmp_path):
    assert one_story(tmp_path, title='"  Nvidia: a new chip  "').title == "Nvidia: a new chip"


# -- date ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, published, has_time",
    [
        ("2025-04-30", dt.datetime(2025, 4, 30, tzinfo=ZoneInfo("Europe/Paris")), False),
        ("'2025-04-30'", dt.datetime(2025, 4, 30, tzinfo=ZoneInfo("Europe/Paris")), False),
        ("2025-04-30T09:30:00", dt.datetime(2025, 4, 30, 9, 30, tzinfo=ZoneInfo("Europe/Paris")), True),
        ("2025-04-30 09:30", dt.datetime(2025, 4, 30, 9, 30, tzinfo=ZoneInfo("Europe/Paris")), True),
        ("'2025-04-30T09:30'", dt.datetime(2025, 4, 30, 9, 30, tzinfo=ZoneInfo("Europe/Paris")), True),
        ("2025-04-30T09:30:00+03:00", dt.datetime(2025, 4, 30, 6, 30, tzinfo=dt.UTC), True),
        ("2025-04-30T09:30:00Z", dt.datetime(2025, 4, 30, 9, 30, tzinfo=dt.UTC), True),
        ("'2025-04-30T09:30:00+03:00'", dt.datetime(2025, 4, 30, 6, 30, tzinfo=dt.UTC), True),
    ],
)
def test_dates_and_date_times(tmp_path, value, published, has_time):
    """A date without an offset is in the site's time zone; one with an offset keeps it."""
    site = load(tmp_path, {"story.md": story(date=value)}, timezone="Europe/Paris")
    assert site.problems == [], [str(p) for p in site.problems]
    [found] = site.stories
    assert found.published == published
    assert found.published.tzinfo is not None
    assert found.has_time is has_time


def test_offset_is_kept_so_the_date_is_the_editors(tmp_path):
    found = one_story(tmp_path, date="2025-04-30T23:30:00-05:00")
    assert found.published.utcoffset() == dt.timedelta(hours=-5)
    assert found.date == dt.date(2025, 4, 30)


@pytest.mark.parametrize(
    "value, message",
    [
        ("30.04.2025", "expected a date (YYYY-MM-DD) or an ISO date-time, got '30.04.2025' (a string)"),
        ("April 30, 2025", "expected a date (YYYY-MM-DD) or an ISO date-time, got 'April 30, 2025' (a string)"),
        ("'2025-4-3'", "expected a date (YYYY-MM-DD) or an ISO date-time, got '2025-4-3' (a string)"),
        ("20250430", "expected a date (YYYY-MM-DD) or an ISO date-time, got 20250430 (a number)"),
        ("", "expected a date (YYYY-MM-DD) or an ISO date-time, got nothing (the field is empty)"),
        ("'2025-02-30'", "2025-02-30 does not exist: February 2025 has 28 days"),
        ("2025-02-30", "2025-02-30 does not exist: February 2025 has 28 days"),
        ("2025-13-01", "2025-13-01 does not exist: the month must be 01 to 12"),
    ],
)
def test_bad_dates(tmp_path, value, message):
    assert field_problem(tmp_path, "date", value) == f"content/story.md:3: date: {message}; e.g. date: 2025-04-30"


# -- lang -----------------------------------------------------------------------------------


def test_lang_no_is_a_boolean_and_the_hint_says_to_quote_it(tmp_path):
    assert field_problem(tmp_path, "lang", "no") == (
        "content/story.md:4: lang: expected a language code, got false (a boolean): YAML reads unquoted no, yes, on, "
        'off as booleans; quote it: lang: "no"; e.g. lang: en'
    )


def test_lang_yes_too(tmp_path):
    assert "got true (a boolean)" in field_problem(tmp_path, "lang", "yes")
    assert 'quote it: lang: "yes"' in field_problem(tmp_path, "lang", "yes")


def test_quoted_no_is_a_language_code_but_not_one_of_the_site(tmp_path):
    assert field_problem(tmp_path, "lang", '"no"') == (
        "content/story.md:4: lang: 'no' is not one of the site's languages (en, ru, fr); fix the code or add the "
        "language to the digest plugin's languages in mkdocs.yml; e.g. lang: en"
    )


@pytest.mark.parametrize(
    "value, found",
    [
        ("english", "'english' (a string)"),
        ("e", "'e' (a string)"),
        ("12", "12 (a number)"),
        ("", "nothing (the field is empty)"),
    ],
)
def test_lang_must_be_a_two_letter_code(tmp_path, value, found):
    assert field_problem(tmp_path, "lang", value) == (
        f"content/story.md:4: lang: expected a two-letter ISO 639-1 language code, got {found}; e.g. lang: en"
    )


def test_lang_is_case_insensitive(tmp_path):
    assert one_story(tmp_path, name="story.md", lang="RU").lang == "ru"


def test_file_name_language_suffix_must_agree_with_lang(tmp_path):
    assert field_problem(tmp_path, "lang", "fr", name="chips.ru.md") == (
        "content/chips.ru.md:4: lang: the file name says 'ru' but lang is 'fr'; rename the file or fix lang, e.g. lang: ru"
    )


def test_a_suffix_that_is_not_a_site_language_is_part_of_the_slug(tmp_path):
    assert one_story(tmp_path, name="version.2.md").slug == "version.2"


# -- topics ---------------------------------------------------------------------------------


def test_topics_as_a_string(tmp_path):
    assert field_problem(tmp_path, "topics", "ai-chips") == (
        "content/story.md:5: topics: expected a list of topic slugs, got 'ai-chips' (a string); put it in brackets; "
        "e.g. topics: [ai-chips, geopolitics]"
    )


@pytest.mark.parametrize(
    "value, message",
    [
        ("[]", "expected a list of topic slugs, got [] (a list)"),
        ("", "expected a list of topic slugs, got nothing (the field is empty)"),
        ("[ai-chips, 7]", "expected a list of topic slugs, but 7 (a number) is not a slug"),
        ("{ai-chips: yes}", "expected a list of topic slugs, got {'ai-chips': True} (a map)"),
    ],
)
def test_topics_must_be_a_non_empty_list_of_slugs(tmp_path, value, message):
    assert field_problem(tmp_path, "topics", value) == (f"content/story.md:5: topics: {message}; e.g. topics: [ai-chips, geopolitics]")


def test_unknown_topic_with_did_you_mean(tmp_path):
    assert field_problem(tmp_path, "topics", "[ai-chip]") == (
        "content/story.md:5: topics: unknown topic 'ai-chip' (did you mean 'ai-chips'?); the topics are listed in content/topics.yml"
    )


def test_each_unknown_topic_is_reported(tmp_path):
    found = problems(tmp_path, {"story.md": story(topics="[geopolitcs, ai-chips, weather]")})
    assert found == [
        "content/story.md:5: topics: unknown topic 'geopolitcs' (did you mean 'geopolitics'?); the topics are listed in content/topics.yml",
        "content/story.md:5: topics: unknown topic 'weather'; the topics are listed in content/topics.yml",
    ]


def test_topics_are_deduplicated_in_order(tmp_path):
    assert one_story(tmp_path, topics="[robotics, ai-chips, robotics]").topics == ("robotics", "ai-chips")


# -- story key and slug -----------------------------------------------------------------------


@pytest.mark.parametrize("field", ["story", "slug"])
@pytest.mark.parametrize("value", ["huawei", "huawei-910d", "2025-chips", "a-b-c-1"])
def test_good_keys_and_slugs(tmp_path, field, value):
    found = one_story(tmp_path, **{field: value})
    assert (found.key if field == "story" else found.slug) == value


@pytest.mark.parametrize(
    "value, found",
    [
        ("Huawei", "'Huawei' (a string)"),
        ("huawei_chips", "'huawei_chips' (a string)"),
        ("huawei chips", "'huawei chips' (a string)"),
        ("-huawei", "'-huawei' (a string)"),
        ("huawei--chips", "'huawei--chips' (a string)"),
        ("huawei-", "'huawei-' (a string)"),
        ("чипы", "'чипы' (a string)"),
        ("910", "910 (a number)"),
        ("", "nothing (the field is empty)"),
    ],
)
@pytest.mark.parametrize("field", ["story", "slug"])
def test_bad_keys_and_slugs(tmp_path, field, value, found):
    problem = field_problem(tmp_path, field, value)
    line = 6 if field == "story" else 9
    assert problem == (
        f"content/story.md:{line}: {field}: expected a key of lowercase letters, digits and hyphens, "
        f"got {found}; e.g. {field}: huawei-ascend-910d"
    )


# -- source ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, sources",
    [
        ('{name: FT, url: "https://www.ft.com/"}', (Source("FT", "https://www.ft.com/"),)),
        ("{name: FT}", (Source("FT"),)),
        ("{name: '  FT  ', url: 'http://ft.com'}", (Source("FT", "http://ft.com"),)),
        ("[{name: FT, url: 'https://ft.com/a'}, {name: Reuters}]", (Source("FT", "https://ft.com/a"), Source("Reuters"))),
        ("\n  name: FT\n  url: https://ft.com/", (Source("FT", "https://ft.com/"),)),
        ("\n  - name: FT\n  - name: AP\n    url: https://apnews.com/", (Source("FT"), Source("AP", "https://apnews.com/"))),
    ],
)
def test_source_shapes_that_are_accepted(tmp_path, value, sources):
    assert one_story(tmp_path, source=value).sources == sources


@pytest.mark.parametrize(
    "value, message",
    [
        ("Financial Times", "expected a map with a name and a url, or a list of such maps, got 'Financial Times' (a string)"),
        ("[Financial Times]", "expected a map with a name and a url, or a list of such maps, got 'Financial Times' (a string)"),
        ("[]", "expected a source, got an empty list"),
        ("", "expected a map with a name and a url, or a list of such maps, got nothing (the field is empty)"),
        ("{url: 'https://ft.com/'}", "expected every source to have a name, got {'url': 'https://ft.com/'} (a map)"),
        ("{name: '', url: 'https://ft.com/'}", "expected every source to have a name, got {'name': '', 'url': 'https://ft.com/'} (a map)"),
        ("[{name: FT}, {title: AP}]", "expected every source to have a name, got {'title': 'AP'} (a map)"),
        (
            "{name: X, url: 'javascript:alert(1)'}",
            "expected the url to start with https:// or http://, got 'javascript:alert(1)' (a string)",
        ),
        ("{name: X, url: 'data:text/html,hi'}", "expected the url to start with https:// or http://, got 'data:text/html,hi' (a string)"),
        ("{name: X, url: 'ftp://ft.com/'}", "expected the url to start with https:// or http://, got 'ftp://ft.com/' (a string)"),
        ("{name: X, url: www.ft.com}", "expected the url to start with https:// or http://, got 'www.ft.com' (a string)"),
        ("{name: X, url: 'https:///path'}", "expected the url to start with https:// or http://, got 'https:///path' (a string)"),
        ("{name: X, url: 42}", "expected the url to start with https:// or http://, got 42 (a number)"),
    ],
)
def test_source_shapes_that_are_rejected(tmp_path, value, message):
    assert field_problem(tmp_path, "source", value) == (
        f'content/story.md:7: source: {message}; e.g. source: {{name: Financial Times, url: "https://www.ft.com/"}}'
    )


# -- draft ----------------------------------------------------------------------------------


@pytest.mark.parametrize("value, draft", [("false", False), ("no", False), ("False", False)])
def test_draft_false(tmp_path, value, draft):
    assert one_story(tmp_path, draft=value).draft is draft


def test_drafts_are_checked_but_left_out(tmp_path):
    site = load(tmp_path, {"a.md": story(draft="true"), "b.md": story(story="other")})
    assert site.problems == []
    assert [s.path for s in site.stories] == ["content/b.md"]


def test_a_draft_is_still_checked(tmp_path):
    assert problems(tmp_path, {"a.md": story(draft="true", lang="no")})[0].startswith("content/a.md:4: lang: ")


@pytest.mark.parametrize("value, found", [("'true'", "'true' (a string)"), ("1", "1 (a number)"), ("", "nothing (the field is empty)")])
def test_draft_must_be_true_or_false(tmp_path, value, found):
    assert field_problem(tmp_path, "draft", value) == (f"content/story.md:9: draft: expected true or false, got {found}; e.g. draft: true")


# -- missing fields and many problems at once --------------------------------------------------


@pytest.mark.parametrize("field", list(VALID))
def test_each_required_field_missing(tmp_path, field):
    problem = field_problem(tmp_path, field, None)
    assert problem.startswith(f"content/story.md:1: {field}: required field is missing; e.g. {field}: ")


def test_missing_fields_suggest_a_misspelt_name(tmp_path):
    text = story(topics=None, summary=None, topic="[ai-chips]", sumary="S.")
    assert problems(tmp_path, {"story.md": text}) == [
        "content/story.md:1: summary: required field is missing (did you mean 'sumary'?); e.g. summary: One sentence that tells the news.",
        "content/story.md:1: topics: required field is missing (did you mean 'topic'?); e.g. topics: [ai-chips, geopolitics]",
    ]


def test_empty_front_matter_lists_every_required_field(tmp_path):
    found = problems(tmp_path, {"story.md": "---\n---\nBody\n"})
    assert [p.split(": ")[1] for p in found] == sorted(VALID)
    assert all(p.startswith("content/story.md:1: ") for p in found)


def test_all_problems_of_one_file_are_reported_at_once(tmp_path):
    text = story(
        title="''",
        date="30.04.2025",
        lang="no",
        topics="ai-chips",
        story="Huawei Chips",
        source="{name: X, url: 'javascript:void(0)'}",
        summary=None,
        draft="'yes'",
    )
    found = problems(tmp_path, {"story.md": text})
    assert [p.split(": ")[0:2] for p in found] == [
        ["content/story.md:1", "summary"],
        ["content/story.md:2", "title"],
        ["content/story.md:3", "date"],
        ["content/story.md:4", "lang"],
        ["content/story.md:5", "topics"],
        ["content/story.md:6", "story"],
        ["content/story.md:7", "source"],
        ["content/story.md:8", "draft"],
    ]


def test_problems_of_all_files_are_reported_sorted_by_path_and_line(tmp_path):
    found = load(tmp_path, {"b.md": story(lang="xx", title="''"), "a.md": story(date="soon")}).problems
    assert [(p.path, p.line, p.field) for p in found] == [
        ("content/a.md", 3, "date"),
        ("content/b.md", 2, "title"),
        ("content/b.md", 4, "lang"),
    ]


def test_a_story_with_problems_is_not_built(tmp_path):
    site = load(tmp_path, {"a.md": story(date="2025-02-30"), "b.md": story(story="fine")})
    assert [s.path for s in site.stories] == ["content/b.md"]
    assert not site.ok


# -- the topic registry -----------------------------------------------------------------------


def test_topic_missing_a_label_for_a_site_language_falls_back_to_the_default_languages_label(tmp_path):
    site = load(tmp_path, {}, topics="ai-chips: {en: AI chips, ru: ИИ-чипы}\nrobotics: {en: Robotics, ru: '', fr: Robotique}\n")
    assert site.problems == [] and site.ok
    assert [str(w) for w in site.warnings] == [
        "content/topics.yml:1: ai-chips: no label in fr; fr pages show the en label 'AI chips' instead (add fr: <label> to this line)",
        "content/topics.yml:2: robotics: no label in ru; ru pages show the en label 'Robotics' instead (add ru: <label> to this line)",
    ]
    assert {w.severity for w in site.warnings} == {"warning"}
    assert site.topics["ai-chips"].label("fr") == "AI chips" and site.topics["robotics"].label("ru") == "Robotics"
    assert site.topics["robotics"].label("fr") == "Robotique"


def test_topic_missing_the_default_languages_label_is_an_error(tmp_path):
    assert problems(tmp_path, {}, topics="ai-chips: {ru: ИИ-чипы, fr: Puces}\n") == [
        "content/topics.yml:1: ai-chips: expected a label in en, the default language, whose label the others fall back to; "
        'e.g. ai-chips: {en: AI chips, ru: ИИ-чипы, fr: "Puces d\'IA"}'
    ]


def test_labels_are_needed_only_for_the_site_languages(tmp_path):
    site = load(tmp_path, {}, topics="ai-chips: {en: AI chips, de: KI-Chips}\n", languages=("en",))
    assert site.problems == []
    assert site.topics["ai-chips"].label("de") == "KI-Chips"


@pytest.mark.parametrize("slug", ["AI-chips", "ai_chips", "ai chips", "-ai", "ИИ"])
def test_bad_topic_slug(tmp_path, slug):
    [found] = problems(tmp_path, {}, topics=f"geopolitics: {{en: G, ru: Г, fr: G}}\n'{slug}': {{en: A, ru: A, fr: A}}\n")
    assert found.startswith(
        f"content/topics.yml:2: {slug}: expected a topic slug of lowercase letters, digits and hyphens, got '{slug}'; e.g. ai-chips: "
    )


@pytest.mark.parametrize(
    "labels, found",
    [
        ("AI chips", "'AI chips' (a string)"),
        ("", "nothing (the field is empty)"),
        ("[AI chips, ИИ-чипы]", "['AI chips', 'ИИ-чипы'] (a list)"),
    ],
)
def test_topic_labels_not_a_map(tmp_path, labels, found):
    assert problems(tmp_path, {}, topics=f"ai-chips: {labels}\n") == [
        f"content/topics.yml:1: ai-chips: expected a map of language code to label, got {found}; "
        'e.g. ai-chips: {en: AI chips, ru: ИИ-чипы, fr: "Puces d\'IA"}'
    ]


@pytest.mark.parametrize("text, kind", [("- ai-chips\n- robotics\n", "a list"), ("ai-chips\n", "a single value")])
def test_topic_registry_not_a_map(tmp_path, text, kind):
    assert problems(tmp_path, {}, topics=text) == [
        f"content/topics.yml:1: topics: expected fields as 'name: value' lines, found {kind}; e.g. ai-chips: {{en: AI chips, ru: ИИ-чипы}}"
    ]


def test_empty_topic_registry(tmp_path):
    assert problems(tmp_path, {}, topics="# nothing yet\n") == [
        'content/topics.yml: topics: no topics are defined; add at least one, e.g. ai-chips: {en: AI chips, ru: ИИ-чипы, fr: "Puces d\'IA"}'
    ]


def test_missing_topic_registry_is_one_problem_not_one_per_story(tmp_path):
    found = problems(tmp_path, {"a.md": story(), "b.md": story(story="b")}, topics=None)
    assert len(found) == 1 and found[0].startswith("content/topics.yml: file: is missing; ")


def test_a_topic_with_bad_labels_is_not_called_unknown_in_stories(tmp_path):
    topics = "ai-chips: {ru: ИИ-чипы}\ngeopolitics: Geopolitics\n"
    found = load(tmp_path, {"a.md": story()}, topics=topics).problems
    assert [(p.path, p.field) for p in found] == [("content/topics.yml", "ai-chips"), ("content/topics.yml", "geopolitics")]


def test_duplicate_topic_in_the_registry(tmp_path):
    found = problems(tmp_path, {}, topics=TOPICS + "ai-chips: {en: Chips, ru: Чипы, fr: Puces}\n")
    assert found == ["content/topics.yml:4: ai-chips: is given twice (first on line 1); keep one"]


# -- between files ------------------------------------------------------------------------------


def test_translations_share_a_story_key(tmp_path):
    site = load(tmp_path, {"chips.en.md": story(), "chipy.ru.md": story(lang="ru"), "puces.fr.md": story(lang="fr")})
    assert site.problems == []
    assert sorted(s.lang for s in site.stories) == ["en", "fr", "ru"]


def test_same_story_key_and_language_twice_names_both_files(tmp_path):
    found = problems(tmp_path, {"2025/04/chips.en.md": story(), "2025/05/chips-again.en.md": story(date="2025-05-02")})
    assert found == [
        "content/2025/05/chips-again.en.md:6: story: 'huawei-chip-plants' in 'en' is already used by "
        "content/2025/04/chips.en.md; each language version of a story needs its own language, and different "
        "stories need different keys; e.g. story: huawei-chip-plants-2"
    ]


def test_three_files_with_one_key_report_the_later_two(tmp_path):
    found = load(tmp_path, {"a.md": story(), "b.md": story(), "c.md": story()}).problems
    assert [(p.path, p.field) for p in found] == [("content/b.md", "story"), ("content/c.md", "story")]
    assert all("content/a.md" in p.message for p in found)


def test_a_draft_does_not_clash_with_its_published_version(tmp_path):
    site = load(tmp_path, {"a.md": story(), "a-draft.md": story(draft="true")})
    assert site.problems == []


def test_two_stories_at_one_url_names_both_files(tmp_path):
    found = problems(tmp_path, {"one/chips.en.md": story(story="one"), "two/chips.en.md": story(story="two")})
    assert found == [
        "content/two/chips.en.md:1: slug: would be published at /2025/04/chips/, the URL of content/one/chips.en.md; "
        "rename one file or give one its own slug, e.g. slug: chips-2"
    ]


def test_urls_clash_case_insensitively(tmp_path):
    found = load(tmp_path, {"a/Chips.md": story(story="one"), "b/chips.md": story(story="two")}).problems
    assert [(p.path, p.field) for p in found] == [("content/b/chips.md", "slug")]
    assert "/2025/04/chips/, the URL of content/a/Chips.md" in found[0].message


def test_url_clash_without_a_slug_field_points_at_line_1(tmp_path):
    found = load(tmp_path, {"a.md": story(story="one", slug="chips"), "chips.md": story(story="two")}).problems
    assert [(p.path, p.line, p.field) for p in found] == [("content/chips.md", 1, "slug")]


def test_url_clash_with_a_slug_field_points_at_the_slug_line(tmp_path):
    found = load(tmp_path, {"a.md": story(story="one"), "z.md": story(story="two", slug="a")}).problems
    assert [(p.path, p.line, p.field) for p in found] == [("content/z.md", 9, "slug")]


def test_same_slug_in_other_months_or_languages_is_fine(tmp_path):
    site = load(
        tmp_path,
        {
            "04/chips.en.md": story(story="a"),
            "05/chips.en.md": story(story="b", date="2025-05-01"),
            "04/chips.ru.md": story(story="a", lang="ru"),
        },
    )
    assert site.problems == []


def test_repeated_languages_in_the_settings(tmp_path):
    found = problems(tmp_path, {}, languages=("en", "ru", "en"))
    assert found[0] == "mkdocs.yml: languages: a language is listed twice: en, ru, en"


# -- describe: how a value looks to the editor ---------------------------------------------------


@pytest.mark.parametrize(
    "value, shown",
    [
        (False, "false (a boolean)"),
        (None, "nothing (the field is empty)"),
        ("x", "'x' (a string)"),
        (3.5, "3.5 (a number)"),
        (dt.date(2025, 4, 30), "2025-04-30 (a date)"),
        ({"a": 1}, "{'a': 1} (a map)"),
        ("x" * 100, "'" + "x" * 56 + "... (a string)"),
    ],
)
def test_describe(value, shown):
    assert describe(value) == shown
