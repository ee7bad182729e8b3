"""The GitHub workflows: linted offline by actionlint and zizmor, and read for what they promise. Pages: install
the build's lock, `mkdocs build --strict`, deploy with GitHub's Pages actions, least permissions. Latest: every
week, the tests against the newest releases, in Debian with its Chromium, reading nothing but the repository."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
LATEST = ROOT / ".github" / "workflows" / "latest.yml"
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def tool(name: str) -> str:
    """A linter installed from PyPI with the test extras, in this virtual environment."""
    path = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert path, f"{name} is not installed: pip install -e '.[test]'"
    return path


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([tool("actionlint"), "-no-color", *map(str, paths)], capture_output=True, text=True, timeout=120)


def zizmor(*paths: Path) -> subprocess.CompletedProcess:
    # --offline: no GitHub API (this machine has none); --pedantic: the strictest persona.
    return subprocess.run(
        [tool("zizmor"), "--offline", "--pedantic", "--no-progress", *map(str, paths)], capture_output=True, text=True, timeout=120
    )


def read(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); BaseLoader keeps every key and value a string.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.fixture(scope="module")
def workflow() -> dict:
    return read(WORKFLOW)


@pytest.fixture(scope="module")
def latest() -> dict:
    return read(LATEST)


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_actionlint_finds_nothing():
    result = actionlint(*sorted(WORKFLOW.parent.glob("*.y*ml")))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_even_pedantic():
    result = zizmor(WORKFLOW.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linters_do_catch_a_broken_workflow(tmp_path):
    """The two checks above can fail: a misspelt input, an injectable expression and a tag pin are caught."""
    text = WORKFLOW.read_text(encoding="utf-8")
    broken = tmp_path / ".github" / "workflows" / "pages.yml"
    broken.parent.mkdir(parents=True)
    text = re.sub(r"actions/checkout@[0-9a-f]{40}", "actions/checkout@v7", text)
    text = text.replace("persist-credentials:", "persist_credentials:")
    text = text.replace(
        "run: .venv/bin/mkdocs build --strict", "run: .venv/bin/mkdocs build --strict && echo ${{ github.event.head_commit.message }}"
    )
    broken.write_text(text, encoding="utf-8")
    lint = actionlint(broken)
    assert lint.returncode != 0 and "persist_credentials" in lint.stdout and "head_commit.message" in lint.stdout
    audit = zizmor(broken)
    assert audit.returncode != 0 and "unpinned-uses" in audit.stdout and "template-injection" in audit.stdout


def test_it_publishes_main_from_the_build_lock_with_a_strict_build(workflow):
    assert workflow["on"]["push"]["branches"] == ["main"]
    runs = [step["run"] for step in steps(workflow) if "run" in step]
    install = next(run for run in runs if "requirements/build.txt" in run)
    assert "--require-hashes -r requirements/build.txt" in install and "--no-deps -e ." in install
    assert "requirements/dev.txt" not in " ".join(runs), "a build installs no test tools"
    python = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip" and python["with"]["cache-dependency-path"] == "requirements/build.txt"
    assert any(re.search(r"\bmkdocs build --strict\b", run) for run in runs)
    uses = [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    upload = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"


@pytest.mark.parametrize("path", [WORKFLOW, LATEST], ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit(path):
    uses = [step["uses"] for step in steps(read(path)) if "uses" in step]
    assert uses and all(PINNED.match(ref) for ref in uses), uses


def test_permissions_are_the_least_each_job_needs(workflow):
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    build = next(job for job in jobs.values() if any("upload-pages-artifact" in s.get("uses", "") for s in job["steps"]))
    deploy = next(job for job in jobs.values() if any("deploy-pages" in s.get("uses", "") for s in job["steps"]))
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["needs"] in ("build", ["build"]) and "build" in jobs
    checkout = next(step for step in steps(workflow) if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["persist-credentials"] == "false"


def test_latest_runs_the_tests_against_the_newest_releases_every_week(latest):
    assert latest["on"]["schedule"][0]["cron"] and "workflow_dispatch" in latest["on"]
    assert latest["permissions"] == {}
    (job,) = latest["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    assert job["container"].startswith("debian:"), "Debian's Chromium, as .ci/run installs it"
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert ".ci/run test-latest" in runs
    assert re.search(r"^test-latest:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "missing+=(chromium)" in ci and 'make "$target"' in ci
    checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["persist-credentials"] == "false"


def test_the_last_builds_pages_are_kept_between_runs(workflow):
    """.digest/warm/ is cached, under a key a changed lock, package, template or mkdocs.yml changes (the build also
    checks its own key); each run saves its own entry and restores the newest of the same inputs."""
    build = steps(workflow)
    cache = next(step for step in build if step.get("uses", "").startswith("actions/cache@"))
    run = next(index for index, step in enumerate(build) if re.search(r"\bmkdocs build\b", step.get("run", "")))
    assert build.index(cache) < run, "restored before the build"
    assert cache["with"]["path"] == ".digest/warm"
    key = cache["with"]["key"]
    for inputs in ("requirements/build.txt", "pyproject.toml", "generator/**", "templates/**", "mkdocs.yml"):
        assert f"'{inputs}'" in key and "hashFiles(" in key, inputs
    assert key.endswith("-${{ github.run_id }}"), "a cache entry is never updated: each run saves a new one"
    assert cache["with"]["restore-keys"].strip().splitlines() == [key.removesuffix("${{ github.run_id }}")]
