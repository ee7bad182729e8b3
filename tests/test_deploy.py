"""`mkdocs gh-deploy --force` as people who publish by hand run it, against a local bare repository as the remote:
the gh-pages branch holds every language's pages and .nojekyll, main is untouched, and a second deploy works."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BUILD_ENV, MKDOCS, ROOT, copy_project

GIT_ENV = {
    **BUILD_ENV,
    "GIT_AUTHOR_NAME": "Digest Tests",
    "GIT_AUTHOR_EMAIL": "tests@digest.invalid",
    "GIT_COMMITTER_NAME": "Digest Tests",
    "GIT_COMMITTER_EMAIL": "tests@digest.invalid",
    # The machine's own git settings (signing, hooks, default branch) must not change what is tested.
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
REMOTE = "publish"


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, env=GIT_ENV, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"git {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout.strip()


def gh_deploy(project: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [*MKDOCS, "gh-deploy", "--force", "--strict", "--remote-name", REMOTE],
        cwd=project,
        env=GIT_ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"mkdocs gh-deploy failed:\n{result.stdout}\n{result.stderr}"
    return result


def published(remote: Path) -> set[str]:
    return set(git(remote, "ls-tree", "-r", "--name-only", "gh-pages").splitlines())


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> tuple[Path, Path]:
    """A clone of the sample project with one commit on main, and an empty bare repository as its remote."""
    if shutil.which("git") is None:
        pytest.fail("git is missing: .ci/run installs it")
    base = tmp_path_factory.mktemp("deploy")
    project = copy_project(base / "project")
    shutil.copy(ROOT / ".gitignore", project / ".gitignore")
    # A site published at its own address: with the sample's example.github.io, gh-deploy warns, and --strict stops.
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("https://example.github.io/", "https://newsroom.example.org/"), encoding="utf-8"
    )
    remote = base / "remote.git"
    git(base, "init", "--quiet", "--bare", "--initial-branch=main", str(remote))
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "add", "-A")
    git(project, "commit", "--quiet", "-m", "The sample digest")
    git(project, "remote", "add", REMOTE, str(remote))
    git(project, "push", "--quiet", REMOTE, "main")
    return project, remote


def test_gh_deploy_publishes_every_language_and_leaves_main_alone(repo, built_site):
    project, remote = repo
    main_before = git(project, "rev-parse", "main")
    gh_deploy(project)
    files = published(remote)
    assert ".nojekyll" in files
    assert git(remote, "cat-file", "-s", "gh-pages:.nojekyll") == "0"
    built = {path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html")}
    assert {"index.html", "ru/index.html", "fr/index.html", "ru/archive/index.html", "fr/topics/index.html"} <= built
    assert built <= files, f"pages missing from gh-pages: {sorted(built - files)[:10]}"
    # main is untouched, locally and on the remote, and the work tree is clean (site/ is git-ignored).
    assert git(project, "rev-parse", "main") == main_before == git(remote, "rev-parse", "main")
    assert git(project, "symbolic-ref", "--short", "HEAD") == "main"
    assert git(project, "status", "--porcelain") == ""
    assert main_before[:7] in git(remote, "log", "-1", "--format=%s", "gh-pages"), "gh-deploy names the commit it published"


def test_a_second_deploy_publishes_the_change(repo):
    project, remote = repo
    published_main = git(remote, "rev-parse", "main")
    story = sorted(project.glob("content/**/*.en.md"))[0]
    marker = "Added before the second deploy."
    story.write_text(story.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
    git(project, "commit", "--quiet", "-am", "Add a sentence to a story")
    first = git(remote, "rev-parse", "gh-pages")
    gh_deploy(project)
    assert git(remote, "rev-parse", "gh-pages") != first
    assert git(remote, "rev-list", "--count", "gh-pages") == "2"
    changed = git(remote, "grep", "-l", marker, "gh-pages", "--", "*.html").splitlines()
    assert len(changed) == 1 and not changed[0].startswith(("gh-pages:ru/", "gh-pages:fr/")), changed
    assert {".nojekyll", "ru/index.html", "fr/index.html"} <= published(remote)
    assert git(remote, "rev-parse", "main") == published_main, "gh-deploy pushes gh-pages only"


def test_gh_deploy_stops_at_the_samples_address_under_strict(tmp_path):
    """Publishing with site_url still https://example.github.io/digest/ warns, and --strict makes that a stop."""
    project = copy_project(tmp_path / "project")
    result = subprocess.run(
        [*MKDOCS, "gh-deploy", "--strict", "--remote-name", "nowhere"],
        cwd=project,
        env=GIT_ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode != 0
    assert "digest: site_url is still the sample's https://example.github.io/digest/" in result.stderr
