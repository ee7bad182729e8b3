"""`digest check` tells the editor what is still unfinished (issue 16): placeholders, FILL IN marks, untranslated text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_project
from generator.editor import unfinished
from generator.editor.cli import main
from generator.editor.scaffold import SUMMARY_PLACEHOLDER

EN = "content/2025/12/openagi-launches-lux-a-computer-use-model-it-says-outpaces-rivals.en.md"
FR = "content/2025/12/openagi-devoile-lux-un-agent-de-pilotage-d-ordinateur.fr.md"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    project = copy_project(tmp_path)
    monkeypatch.chdir(project)
    return project


def digest(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def publish(project: Path, rel: str) -> None:
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")


def lines_of(project: Path, rel: str) -> list[str]:
    return (project / rel).read_text(encoding="utf-8").split("\n")


def test_the_sample_is_finished(project):
    result = digest("check")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "problem" in result.stderr and "a draft" not in result.stderr


def test_placeholders_of_digest_new_are_notes_in_a_draft_and_problems_once_published(project):
    new = digest("new", "Nvidia opens a lab in Paris", "--topic", "business", "--source-name", "Les Echos", "--date", "2025-05-02")
    assert new.exit_code == 0, new.output
    rel = new.stdout.strip()
    draft = digest("check")
    assert draft.exit_code == 0, draft.output
    assert f"note: {rel}:8: summary: still digest new's placeholder {SUMMARY_PLACEHOLDER!r}" in draft.stderr
    assert "(a draft: not a problem until it is published)" in draft.stderr

    publish(project, rel)
    body = lines_of(project, rel).index(next(line for line in lines_of(project, rel) if line.startswith("<!--"))) + 1
    published = digest("check")
    assert published.exit_code == 1
    assert published.stdout.splitlines() == [
        f"{rel}:8: summary: still digest new's placeholder {SUMMARY_PLACEHOLDER!r}; write the lede",
        f"{rel}:{body}: body: still holds digest new's placeholder comment; write the story's text and delete the comment",
    ]


def test_a_translation_left_in_the_original_language_is_reported(project):
    (project / FR).unlink()
    new = digest("new", "OpenAGI dévoile Lux", "--lang", "fr", "--translation-of", EN)
    assert new.exit_code == 0, new.output
    rel = new.stdout.strip()
    publish(project, rel)
    result = digest("check")
    assert result.exit_code == 1
    found = [line.split(": ", 2)[:2] for line in result.stdout.splitlines()]
    assert found == [[f"{rel}:8", "summary"], [f"{rel}:8", "summary"], [f"{rel}:12", "body"]], result.stdout
    assert f"summary: is the same text as the 'en' version's ({EN}); translate it into 'fr'" in result.stdout
    assert "summary: reads as 'en'" in result.stdout and "not 'fr'; translate it" in result.stdout
    assert "body: still holds the original's text to translate from" in result.stdout
    assert EN not in [line.split(":")[0] for line in result.stdout.splitlines()]  # the original is not the one to fix


def test_a_body_in_another_language_and_a_title_copied_from_the_original(project):
    fr = project / FR
    english = (project / EN).read_text(encoding="utf-8").split("---\n", 2)[2]
    text = fr.read_text(encoding="utf-8")
    head, _, _ = text.partition("\n---\n")
    head = "\n".join(
        "title: OpenAGI launches Lux, a computer-use model it says outpaces rivals" if line.startswith("title:") else line
        for line in head.split("\n")
    )
    fr.write_text(head + "\n---\n" + english, encoding="utf-8")
    result = digest("check")
    assert result.exit_code == 1
    assert f"{FR}:2: title: is the same text as the 'en' version's ({EN}); translate it into 'fr'" in result.stdout
    assert f"{FR}:11: body: reads as 'en'" in result.stdout


def test_fill_in_marks_and_an_empty_body(project):
    en = project / EN
    en.write_text(en.read_text(encoding="utf-8") + "\nFILL IN: the price per token.\n", encoding="utf-8")
    last = len(lines_of(project, EN)) - 1
    fr = project / FR
    fr.write_text(fr.read_text(encoding="utf-8").split("\n---\n")[0] + "\n---\n\n<!-- later -->\n", encoding="utf-8")
    result = digest("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{FR}:11: body: is empty; write the story's text below the front matter",
        f"{EN}:{last}: body: still has a FILL IN mark: 'FILL IN: the price per token.'; fill it in",
    ]


def test_fill_in_in_front_matter_is_reported_under_its_field(project):
    en = project / EN
    en.write_text(en.read_text(encoding="utf-8").replace("summary: Start-up", "summary: FILL IN Start-up"), encoding="utf-8")
    result = digest("check", "--format", "json")
    assert result.exit_code == 1
    assert [(p["line"], p["field"]) for p in json.loads(result.stdout)] == [(8, "summary")]


def test_without_the_importer_extra_the_language_check_is_skipped_and_said_once(project, monkeypatch):
    monkeypatch.setattr(unfinished, "language_detector", lambda: None)
    result = digest("check")
    assert result.exit_code == 0
    assert result.stderr.count("the language of summaries and bodies was not checked") == 1
    assert "mkdocs-digest[import]" in result.stderr


def test_short_texts_names_and_unsure_guesses_are_not_judged_by_language():
    from dataclasses import replace

    from generator.editor.coverage import read_versions
    from generator.mkdocs_plugin.config import read_settings

    story = next(s for s in read_versions(read_settings("mkdocs.yml")) if s.path == FR)
    sure_english = lambda text: ("en", 0.99)  # noqa: E731
    short = replace(story, summary="OpenAGI Lux: Google, OpenAI, Anthropic.", body="Lux, OpenAGI.")
    assert unfinished.wrong_language(short, sure_english) == []
    assert [p.field for p in unfinished.wrong_language(story, sure_english)] == ["summary", "body"]
    assert unfinished.wrong_language(story, lambda text: ("en", 0.9)) == []
