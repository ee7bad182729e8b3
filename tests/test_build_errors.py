"""A content error stops `mkdocs build` with every problem listed, and the site already built stays as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import copy_project, mkdocs


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_bad_story_fails_the_build_and_leaves_site_untouched(tmp_path):
    project = copy_project(tmp_path)
    mkdocs(project, "build", "--strict")
    before = snapshot(project / "site")
    assert "ru/index.html" in before and "fr/index.html" in before

    story = next((project / "content").rglob("*.en.md"))
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("topics: [", "topics: [ai-chip, ", 1).replace("lang: en", "lang: no", 1), encoding="utf-8")
    (project / "content" / "2025" / "broken.en.md").write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")

    result = mkdocs(project, "build", "--strict", check=False)
    assert result.returncode != 0
    rel = story.relative_to(project).as_posix()
    log = result.stderr
    assert f"{rel}:4: lang: expected a language code, got false (a boolean)" in log
    assert "content/2025/broken.en.md:2: front matter: invalid YAML: while parsing a flow sequence" in log
    assert "nothing was built" in log
    assert snapshot(project / "site") == before


def test_digest_check_reports_the_same_problems(tmp_path):
    import json
    import subprocess
    import sys

    project = copy_project(tmp_path)
    (project / "content" / "2025" / "bad.fr.md").write_text(
        "---\ntitle: Titre\ndate: 2025-02-30\nlang: fr\ntopics: ai-chips\nstory: bad\nsource: {name: X}\nsummary: Chapô.\n---\nTexte.\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "generator.editor.cli", "check", "--format", "json"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stderr
    problems = json.loads(run.stdout)
    assert [(p["path"], p["line"], p["field"]) for p in problems] == [
        ("content/2025/bad.fr.md", 3, "date"),
        ("content/2025/bad.fr.md", 5, "topics"),
    ]
    clean = subprocess.run(
        [sys.executable, "-m", "generator.editor.cli", "check"], cwd=Path(__file__).parents[1], capture_output=True, text=True, timeout=120
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr


def test_readme_error_example_is_what_digest_check_prints(tmp_path):
    """The README shows real output: the example story with `lang: no` and a misspelt topic."""
    import re
    import subprocess
    import sys

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"For example:\n\n```\n(.*?)```", readme, re.S).group(1).splitlines()
    project = copy_project(tmp_path)
    (project / "content" / "2025" / "04" / "chips.en.md").write_text(
        "---\ntitle: Huawei builds three AI chip plants\ndate: 2025-04-30\nlang: no\ntopics: [ai-chip]\n"
        "story: chips\nsource: {name: Financial Times}\nsummary: Three new plants.\n---\nBody.\n",
        encoding="utf-8",
    )
    run = subprocess.run([sys.executable, "-m", "generator.editor.cli", "check"], cwd=project, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert run.stdout.splitlines() == shown
