"""`digest` driven as an editor would, in a copy of the sample project: help, new, check, exit codes, no file lost."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import BUILD_ENV, ROOT, copy_project
from generator.editor.arguments import topics_of as read_topics
from generator.editor.cli import main
from generator.loading import load_document
from generator.mkdocs_plugin.config import read_settings
from generator.validation import check_story

ORIGINAL = "content/2025/04/satellite-images-point-to-new-huawei-ai-chip-plants.en.md"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    project = copy_project(tmp_path)
    monkeypatch.chdir(project)
    return project


def digest(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def validate(project: Path, rel: str):
    """The written file through the build's own loader and validator: (story or None, problems)."""
    settings = read_settings(str(project / "mkdocs.yml"))
    document, problems = load_document(project / rel, project)
    assert document is not None, problems
    story, found = check_story(document, settings, read_topics(settings))
    return story, problems + found


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Command line" in readme
    for name, command in main.commands.items():
        result = digest(name, "--help")
        assert result.exit_code == 0, result.output
        assert command.help and "Example" in result.output and f"digest {name}" in result.output, name
        assert f"digest {name}" in readme, f"README.md does not mention `digest {name}`"
    assert "Example" in digest("--help").output


def test_new_writes_a_transliterated_story_that_passes_check(project):
    result = digest(
        "new",
        "Китай обходит санкции",
        "--lang",
        "ru",
        "--topic",
        "ai-chips",
        "--topic",
        "geopolitics",
        "--source-url",
        "https://www.ft.com/content/abc",
        "--date",
        "2025-04-29",
    )
    assert result.exit_code == 0, result.output
    rel = "content/2025/04/kitai-obkhodit-sanktsii.ru.md"
    assert result.stdout.strip() == rel
    story, problems = validate(project, rel)
    assert problems == []
    assert (story.title, story.lang, story.topics, story.key, story.draft) == (
        "Китай обходит санкции",
        "ru",
        ("ai-chips", "geopolitics"),
        "kitai-obkhodit-sanktsii",
        True,
    )
    assert [(s.name, s.url) for s in story.sources] == [("ft.com", "https://www.ft.com/content/abc")]
    check = digest("check")
    assert check.exit_code == 0, check.output


def test_new_never_overwrites_and_names_the_file(project):
    args = ["new", "Nvidia opens a lab in Paris", "--topic", "business", "--source-url", "https://example.com/a", "--date", "2025-05-02"]
    first = digest(*args)
    assert first.exit_code == 0
    path = project / first.stdout.strip()
    path.write_text(path.read_text(encoding="utf-8") + "\nThe editor's own words.\n", encoding="utf-8")
    edited = path.read_bytes()
    again = digest(*args[:-2], "--story", "another-key", "--date", "2025-05-02")
    assert again.exit_code == 1
    assert f"{first.stdout.strip()}: already exists" in again.output and "never overwrites" in again.output
    same_key = digest(*args)
    assert same_key.exit_code == 1 and first.stdout.strip() in same_key.output
    assert path.read_bytes() == edited


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--topic", "ai-chip"], "unknown topic 'ai-chip' (did you mean 'ai-chips'?)"),
        (["--topic", "ai-chips", "--lang", "fe"], "'fe' is not one of the site's languages (en, ru, fr) (did you mean 'fr'?)"),
        (["--topic", "ai-chips", "--story", "Not A Key"], "expected a key of lowercase letters"),
        ([], "give at least one --topic"),
    ],
)
def test_new_usage_errors_exit_2_and_write_nothing(project, args, expected):
    before = snapshot(project)
    result = digest("new", "A headline", "--source-url", "https://example.com/", *args)
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert snapshot(project) == before


def test_translation_of_copies_key_date_topics_and_source(project):
    result = digest("new", "Des usines de puces Huawei vues de l'espace", "--lang", "fr", "--translation-of", ORIGINAL)
    assert result.exit_code == 1  # the sample already has a French version of this story
    assert "already has a 'fr' version" in result.output
    (project / "content/2025/04/des-images-satellite-revelent-de-nouvelles-usines-de-puces-d-ia-chez-huawei.fr.md").unlink()

    result = digest("new", "Des usines de puces Huawei vues de l'espace", "--lang", "fr", "--translation-of", ORIGINAL)
    assert result.exit_code == 0, result.output
    rel = result.stdout.strip()
    assert rel == "content/2025/04/des-usines-de-puces-huawei-vues-de-l-espace.fr.md"
    story, problems = validate(project, rel)
    original, _ = validate(project, ORIGINAL)
    assert problems == []
    assert (story.key, story.published, story.topics, story.sources) == (
        original.key,
        original.published,
        original.topics,
        original.sources,
    )
    assert story.draft and story.lang == "fr"
    text = (project / rel).read_text(encoding="utf-8")
    assert f"<!-- Translate from {ORIGINAL} (en)" in text and original.body.splitlines()[0] in text
    same_lang = digest("new", "Same", "--lang", "en", "--translation-of", ORIGINAL)
    assert same_lang.exit_code == 2 and "already in 'en'" in same_lang.output


def test_check_exit_codes_0_1_2(project):
    assert digest("check").exit_code == 0
    assert digest("check", "--format", "yaml").exit_code == 2
    assert digest("check", "-f", "missing.yml").exit_code == 2
    bad = project / "content/2025/bad.en.md"
    bad.write_text(
        "---\ntitle: T\ndate: 2025-01-01\nlang: en\ntopics: [ai-chip]\nstory: bad\nsource: {name: X}\nsummary: S.\n---\n", encoding="utf-8"
    )
    result = digest("check", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {
            "path": "content/2025/bad.en.md",
            "line": 5,
            "field": "topics",
            "message": "unknown topic 'ai-chip' (did you mean 'ai-chips'?); the topics are listed in content/topics.yml",
            "severity": "error",
        }
    ]


def test_check_prints_a_missing_topic_label_as_a_warning_and_fails_on_it_only_with_strict(project):
    topics = project / "content/topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace(", fr: Robotique}", "}"), encoding="utf-8")
    result = digest("check")
    line = next(n for n, text in enumerate(topics.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("robotics:"))
    assert result.exit_code == 0, result.output
    assert f"warning: content/topics.yml:{line}: robotics: no label in fr; fr pages show the en label 'Robotics'" in result.stdout
    assert "1 warning(s)" in result.stderr
    assert digest("check", "--strict").exit_code == 1
    [warning] = json.loads(digest("check", "--format", "json").stdout)
    assert warning["severity"] == "warning" and warning["line"] == line and warning["field"] == "robotics"


def test_installed_script_runs_every_command_and_loses_no_editor_file(tmp_path):
    """Through the real `digest` entry point: every command, failing ones too, leaves existing files byte for byte."""
    project = copy_project(tmp_path)
    article = ROOT / "tests/fixtures/articles/en-techwire.txt"
    before = snapshot(project / "content")
    script = [sys.executable, "-c", "from generator.editor.cli import main; main()"]

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([*script, *args], cwd=project, env=BUILD_ENV, input=stdin, capture_output=True, text=True, timeout=300)

    runs = [
        run("check"),
        run("coverage"),
        run("coverage", "--fail-under", "99"),
        run("new", "Huawei ships clusters", "--topic", "ai-chips", "--source-url", "https://example.com/", "--date", "2025-04-30"),
        run(
            "new",
            "Huawei ships clusters",
            "--topic",
            "ai-chips",
            "--source-url",
            "https://example.com/",
            "--date",
            "2025-04-30",
            "--story",
            "x-2",
        ),
        run("new", "Nope", "--topic", "nope", "--source-url", "https://example.com/"),
        run("import", str(article)),
        run("import", str(article)),
        run("import", "-", stdin=article.read_text(encoding="utf-8")),
        run("import", str(article), "--text-only"),
    ]
    assert [r.returncode for r in runs] == [0, 0, 1, 0, 1, 2, 0, 1, 1, 0], [r.stderr for r in runs]
    after = snapshot(project / "content")
    assert {path: digest for path, digest in after.items() if path in before} == before
    assert sorted(set(after) - set(before)) == [
        "2025/03/dutch-lithography-maker-warns-of-slower-orders-as-export-rules-tighten.en.md",
        "2025/04/huawei-ships-clusters.en.md",
    ]


@pytest.mark.parametrize(
    "date, expected",
    [
        ("2025-04-31", "2025-04-31 does not exist: April 2025 has 30 days"),
        ("2025-02-29", "2025-02-29 does not exist: February 2025 has 28 days"),
        ("2025-13-01", "2025-13-01 does not exist: the month must be 01 to 12"),
        ("30.04.2025", "expected a date as YYYY-MM-DD, got '30.04.2025'; e.g. 2025-04-30"),
    ],
)
def test_an_impossible_date_is_named_and_nothing_is_written(project, date, expected):
    before = snapshot(project)
    result = digest("new", "A headline", "--topic", "ai-chips", "--source-name", "FT", "--date", date)
    assert result.exit_code == 2
    assert expected in result.output
    assert snapshot(project) == before
    assert digest("new", "A headline", "--topic", "ai-chips", "--source-name", "FT", "--date", "2024-02-29").exit_code == 0


def test_new_names_every_way_to_give_the_source(project):
    result = digest("new", "A headline", "--topic", "ai-chips")
    assert result.exit_code == 2
    assert "--source-url" in result.output and "--source-name alone" in result.output
    named = digest("new", "A headline", "--topic", "ai-chips", "--source-name", "Financial Times", "--date", "2025-05-01")
    assert named.exit_code == 0, named.output
    story, problems = validate(project, named.stdout.strip())
    assert problems == [] and [(s.name, s.url) for s in story.sources] == [("Financial Times", None)]
