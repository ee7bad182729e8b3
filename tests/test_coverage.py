"""`digest coverage`: which story is in which language, and which translation is older than its original."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import BUILD_ENV, copy_project
from generator.editor.cli import main
from generator.editor.coverage import coverage
from generator.editor.todo import to_do_list
from generator.model import Source, Story

UTC = dt.UTC
EN = "content/2025/04/satellite-images-point-to-new-huawei-ai-chip-plants.en.md"
RU = "content/2025/04/sputnikovye-snimki-ukazali-na-novye-zavody-huawei-po-vypusku-ii-chipov.ru.md"
FR = "content/2025/04/des-images-satellite-revelent-de-nouvelles-usines-de-puces-d-ia-chez-huawei.fr.md"


def story(key: str, lang: str, day: int = 1, draft: bool = False) -> Story:
    return Story(
        path=f"content/{key}.{lang}.md",
        title=key,
        published=dt.datetime(2025, 4, day, tzinfo=UTC),
        has_time=False,
        lang=lang,
        topics=("ai-chips",),
        key=key,
        sources=(Source("X"),),
        summary="S.",
        body="",
        slug=key,
        draft=draft,
    )


def at(hour: int) -> tuple[dt.datetime, str]:
    return dt.datetime(2025, 5, 1, hour, tzinfo=UTC), "git"


def test_statuses_and_percent():
    stories = [
        story("a", "en"),
        story("a", "ru"),
        story("a", "fr"),  # ru older than its original, fr newer
        story("b", "ru", day=2),
        story("b", "fr", day=3, draft=True),  # no English: the earliest version is the original
        story("c", "fr", day=5),
        story("c", "ru", day=4),
    ]
    changed = {
        "content/a.en.md": at(10),
        "content/a.ru.md": at(9),
        "content/a.fr.md": at(11),
        "content/b.ru.md": at(1),
        "content/b.fr.md": at(2),
        "content/c.fr.md": at(1),
        "content/c.ru.md": at(1),
    }
    report = coverage(stories, ("en", "ru", "fr"), changed)
    assert [(row.key, row.original, {lang: cell.status for lang, cell in row.cells.items()}) for row in report.rows] == [
        ("c", "ru", {"en": "missing", "ru": "original", "fr": "ok"}),  # newest original first
        ("b", "ru", {"en": "missing", "ru": "original", "fr": "draft"}),
        ("a", "en", {"en": "original", "ru": "stale", "fr": "ok"}),
    ]
    assert report.percent == pytest.approx(100 * 5 / 9)
    text = to_do_list(report, dt.date(2025, 5, 2))
    assert "stale: content/a.ru.md (git 2025-05-01 09:00) is older than content/a.en.md (git 2025-05-01 10:00)" in text
    assert "5 of 9 versions up to date (55.6%): 1 stale, 1 draft, 2 missing" in text
    assert "add updated: 2025-05-02" in text


def test_a_story_with_drafts_only_is_no_original_and_not_counted():
    stories = [story("a", "en"), story("d", "ru", day=9, draft=True), story("d", "fr", day=9, draft=True)]
    report = coverage(stories, ("en", "ru", "fr"), {})
    assert [row.key for row in report.rows] == ["a"] and report.count("original") == 1
    assert [(row.key, row.original, [c.status for c in row.cells.values()]) for row in report.drafts] == [
        ("d", None, ["missing", "draft", "draft"])
    ]
    text = to_do_list(report, dt.date(2025, 5, 2))
    drafts = text.split("Drafts only, not yet published (not counted in the coverage):")[1]
    assert "content/d.fr.md (story d)" in drafts and "en missing · ru draft · fr draft" in drafts
    assert "to do: digest new" not in drafts  # nothing to translate until the story is published
    assert report.as_dict()["drafts"][0]["story"] == "d"


def test_the_to_do_list_runs_newest_first_with_the_command_for_each_missing_translation(project):
    result = digest("coverage")
    assert result.exit_code == 0
    dates = [line[:10] for line in result.stdout.splitlines() if line[:4].isdigit() and line[10:12] == "  "]
    stories = json.loads(digest("coverage", "--format", "json").stdout)["stories"]
    assert dates == sorted(dates, reverse=True) == [story["date"] for story in stories] and len(dates) == 13
    xpeng = "content/2025/11/xpeng-predstavila-chelovekopodobnogo-robota-iron-novogo-pokoleniia.ru.md"
    command = f'digest new "XPeng представила человекоподобного робота IRON нового поколения" --lang fr --translation-of {xpeng}'
    assert f"to do: {command}" in result.stdout
    assert "en missing · ru original · fr missing" in result.stdout
    assert "mark it reviewed: add updated: " in result.stdout
    assert '"UBTech wins \\$37 million deal' in result.stdout  # quoted for the shell
    # The command works as printed (title and path as the to-do list gives them).
    started = CliRunner().invoke(main, ["new", "XPeng показала робота", "--lang", "fr", "--translation-of", xpeng])
    assert started.exit_code == 0, started.output
    assert "fr draft" in digest("coverage").stdout


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    project = copy_project(tmp_path)
    monkeypatch.chdir(project)
    return project


def digest(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def cells(key: str) -> dict[str, str]:
    report = json.loads(digest("coverage", "--format", "json").stdout)
    row = next(r for r in report["stories"] if r["story"] == key)
    return {lang: (v["status"], v["known_by"]) for lang, v in row["versions"].items()}


def touch(path: Path, when: dt.datetime) -> None:
    os.utime(path, (when.timestamp(), when.timestamp()))


def test_file_times_make_a_translation_stale_and_updated_wins(project):
    """Outside git, the file's modification time tells; an `updated:` field beats it."""
    for rel in (EN, RU, FR):
        touch(project / rel, dt.datetime(2025, 5, 1, tzinfo=UTC))
    assert cells("huawei-ascend-910d") == {"en": ("original", "mtime"), "ru": ("ok", "mtime"), "fr": ("ok", "mtime")}
    touch(project / EN, dt.datetime(2025, 6, 1, tzinfo=UTC))
    assert cells("huawei-ascend-910d") == {"en": ("original", "mtime"), "ru": ("stale", "mtime"), "fr": ("stale", "mtime")}
    fr = project / FR
    fr.write_text(fr.read_text(encoding="utf-8").replace("lang: fr", "lang: fr\nupdated: 2025-06-02", 1), encoding="utf-8")
    touch(fr, dt.datetime(2025, 5, 1, tzinfo=UTC))
    assert cells("huawei-ascend-910d")["fr"] == ("ok", "updated")
    result = digest("coverage")
    assert result.exit_code == 0
    assert f"stale: {RU} (mtime 2025-05-01 00:00) is older than {EN} (mtime 2025-06-01 00:00)" in result.stdout
    block = result.stdout.split(f"{EN} (story huawei-ascend-910d)")[1]
    assert block.splitlines()[1].split() == ["en", "original", "·", "ru", "stale", "·", "fr", "ok"]


def test_fail_under(project):
    report = json.loads(digest("coverage", "--format", "json").stdout)
    counts, stories = report["counts"], report["stories"]
    assert sum(counts.values()) == 3 * len(stories) and counts["missing"] > 0  # the sample lacks some translations
    percent = report["percent"]
    assert percent == round(100 * (counts["original"] + counts["ok"]) / (3 * len(stories)), 1)
    assert digest("coverage", "--fail-under", str(percent - 1)).exit_code == 0
    below = digest("coverage", "--fail-under", str(percent + 1))
    assert below.exit_code == 1 and f"translation coverage {percent:.1f}% is below --fail-under {percent + 1:g}%" in below.stderr
    assert digest("coverage", "--fail-under", "101").exit_code == 2


def git(project: Path, *args: str, when: str | None = None) -> None:
    env = {
        **BUILD_ENV,
        "GIT_AUTHOR_NAME": "Ed",
        "GIT_AUTHOR_EMAIL": "ed@example.com",
        "GIT_COMMITTER_NAME": "Ed",
        "GIT_COMMITTER_EMAIL": "ed@example.com",
    }
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def test_git_history_decides_in_a_repository(project):
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "all", when="2025-05-01T10:00:00+00:00")
    assert cells("huawei-ascend-910d") == {"en": ("original", "git"), "ru": ("ok", "git"), "fr": ("ok", "git")}
    en = project / EN
    en.write_text(en.read_text(encoding="utf-8") + "\nA correction.\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "correct the original", when="2025-05-03T10:00:00+00:00")
    assert cells("huawei-ascend-910d") == {"en": ("original", "git"), "ru": ("stale", "git"), "fr": ("stale", "git")}
    ru = project / RU  # an edit not yet committed: the file's own time counts
    ru.write_text(ru.read_text(encoding="utf-8") + "\nИсправление.\n", encoding="utf-8")
    assert cells("huawei-ascend-910d")["ru"] == ("ok", "mtime")
