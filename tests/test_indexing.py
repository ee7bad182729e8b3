"""Indexing: newest first with a stable tie-break, by topic, by month, by language, translations."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from generator.indexing import group_by_language, group_by_month, group_by_topic, newest_first, sort_stories, translations
from generator.model import Story

UTC = dt.UTC


def make(
    key: str, lang: str = "en", when: str = "2025-04-30T12:00", topics=("ai-chips",), path: str | None = None, tz: dt.tzinfo = UTC
) -> Story:
    published = dt.datetime.fromisoformat(when)
    if published.tzinfo is None:
        published = published.replace(tzinfo=tz)
    return Story(
        path=path or f"content/{key}.{lang}.md",
        title=key.title(),
        published=published,
        has_time=True,
        lang=lang,
        topics=tuple(topics),
        key=key,
        sources=(),
        summary="",
        body="",
        slug=key,
    )


def names(stories) -> list[str]:
    return [f"{s.key}.{s.lang}" for s in stories]


def test_newest_first():
    stories = [make("old", when="2025-01-01T00:00"), make("new", when="2025-05-01T00:00"), make("mid", when="2025-03-01T00:00")]
    assert names(sort_stories(stories)) == ["new.en", "mid.en", "old.en"]


def test_time_of_day_counts_across_time_zones():
    # 09:00 in Moscow is 06:00 UTC, earlier than 08:00 UTC on the same day.
    moscow = make("moscow", when="2025-04-30T09:00+03:00")
    london = make("london", when="2025-04-30T08:00+00:00")
    assert names(sort_stories([moscow, london])) == ["london.en", "moscow.en"]


def test_same_instant_in_different_zones_is_a_tie():
    a = make("b-story", when="2025-04-30T12:00+02:00")
    b = make("a-story", when="2025-04-30T10:00+00:00")
    assert names(sort_stories([a, b])) == ["a-story.en", "b-story.en"]


def test_ties_broken_by_key_then_lang_then_path():
    same = "2025-04-30T12:00"
    stories = [
        make("b", "en", same),
        make("a", "ru", same),
        make("a", "en", same, path="content/z/a.en.md"),
        make("a", "en", same, path="content/a/a.en.md"),
        make("a", "fr", same),
    ]
    ordered = sort_stories(stories)
    assert [(s.key, s.lang, s.path) for s in ordered] == [
        ("a", "en", "content/a/a.en.md"),
        ("a", "en", "content/z/a.en.md"),
        ("a", "fr", "content/a.fr.md"),
        ("a", "ru", "content/a.ru.md"),
        ("b", "en", "content/b.en.md"),
    ]


def test_order_does_not_depend_on_input_order():
    stories = [make(f"s{i % 4}", lang, f"2025-04-{10 + i % 3}T12:00") for i in range(12) for lang in ("en", "ru")]
    expected = sort_stories(stories)
    for seed in range(5):
        shuffled = stories[:]
        random.Random(seed).shuffle(shuffled)
        assert sort_stories(shuffled) == expected


def test_newest_first_is_a_sort_key():
    assert newest_first(make("a", when="2025-04-30T12:00")) < newest_first(make("a", when="2025-04-29T12:00"))


def test_group_by_topic_lists_a_story_under_every_topic():
    chips = make("chips", topics=("ai-chips", "geopolitics"), when="2025-04-30T12:00")
    robots = make("robots", topics=("robotics",), when="2025-05-01T12:00")
    sanctions = make("sanctions", topics=("geopolitics", "ai-chips"), when="2025-05-02T12:00")
    index = group_by_topic([chips, robots, sanctions])
    assert list(index) == ["ai-chips", "geopolitics", "robotics"], "topics in slug order"
    assert names(index["ai-chips"]) == ["sanctions.en", "chips.en"]
    assert names(index["geopolitics"]) == ["sanctions.en", "chips.en"]
    assert names(index["robotics"]) == ["robots.en"]


def test_group_by_topic_leaves_out_topics_without_stories():
    assert group_by_topic([]) == {}
    assert "robotics" not in group_by_topic([make("chips")])


def test_group_by_month_newest_month_first_stories_newest_first():
    stories = [
        make("march", when="2025-03-15T12:00"),
        make("april-early", when="2025-04-01T00:00"),
        make("april-late", when="2025-04-30T23:59"),
        make("december", when="2024-12-31T12:00"),
    ]
    months = group_by_month(stories)
    assert [(month, names(group)) for month, group in months] == [
        (dt.date(2025, 4, 1), ["april-late.en", "april-early.en"]),
        (dt.date(2025, 3, 1), ["march.en"]),
        (dt.date(2024, 12, 1), ["december.en"]),
    ]


def test_group_by_month_uses_the_date_the_editor_wrote():
    # 23:30 on 30 April in Paris is already 1 May in UTC, but the story belongs to April.
    late = make("late", when="2025-04-30T23:30", tz=ZoneInfo("Europe/Paris"))
    assert group_by_month([late])[0][0] == dt.date(2025, 4, 1)


def test_group_by_language():
    stories = [make("a", "ru", "2025-04-01T00:00"), make("b", "en"), make("c", "ru", "2025-04-02T00:00")]
    index = group_by_language(stories)
    assert {lang: names(group) for lang, group in index.items()} == {"ru": ["c.ru", "a.ru"], "en": ["b.en"]}


def test_translations_map_each_key_to_its_language_versions():
    en, ru, fr = make("chips", "en"), make("chips", "ru"), make("chips", "fr")
    other = make("robots", "en")
    index = translations([en, ru, other, fr])
    assert index == {"chips": {"en": en, "ru": ru, "fr": fr}, "robots": {"en": other}}


def test_translations_of_nothing():
    assert translations([]) == {}
