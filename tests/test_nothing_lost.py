"""Nothing is lost: a build that fails, or is stopped half-way, leaves the site/ built before exactly as it was,
and leaves no temporary folder and no process behind. No `digest` command writes into content/ but `new` and
`import`.

The builds are real `mkdocs build --strict` runs. To stop one half-way at a known point, a test adds an MkDocs
hook that, in every process of the build (the default language and each language's child), writes a marker file
and then waits; the test signals the build once every process is waiting.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import BUILD_ENV, MKDOCS, copy_project, mkdocs
from generator.mkdocs_plugin import staging

HOOK = '''\
"""Test hook: every process of the build says it got here, then waits to be stopped."""
import multiprocessing
import time
from pathlib import Path


def on_post_build(config):
    name = multiprocessing.current_process().name
    Path(__file__).with_name(f"waiting-{name}").write_text("")
    for _ in range(6000):
        time.sleep(0.1)
'''


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder`, with a hash of each file's bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
        for p in sorted(folder.rglob("*"))
    }


def old_site(project: Path) -> dict[str, str]:
    """A site/ as a previous build (or a Pages checkout) left it: pages, and a hidden .git folder."""
    site = project / "site"
    (site / "2024" / "old-story").mkdir(parents=True)
    (site / "index.html").write_text("<p>the site built yesterday</p>", encoding="utf-8")
    (site / "2024" / "old-story" / "index.html").write_text("<p>old story</p>", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    return snapshot(site)


def leftovers(project: Path) -> list[str]:
    """Staging folders beside site/."""
    return sorted(p.name for p in project.iterdir() if staging.staging_name(project / "site").match(p.name))


def session_processes(session: int) -> list[int]:
    """Processes still running in a session (a build and its children), zombies aside."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[3]) == session and fields[0] != "Z":
                found.append(int(entry.name))
    return found


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


# -- a finished build ----------------------------------------------------------------------------------


def test_a_build_replaces_site_and_keeps_its_hidden_entries(project):
    old_site(project)
    os.chmod(project / "site", 0o755)
    mkdocs(project, "build", "--strict")
    site = project / "site"
    assert "the site built yesterday" not in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "2024" / "old-story").exists(), "pages of the old build are gone, as MkDocs' own cleaning does"
    assert (site / "ru" / "index.html").is_file() and (site / "fr" / "index.html").is_file()
    assert (site / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n", "MkDocs keeps hidden entries: so do we"
    assert (site.stat().st_mode & 0o777) == 0o755, "the new site/ keeps the old one's permissions"
    assert leftovers(project) == []


def test_what_a_build_replaced_is_removed_by_the_next_one(project):
    """The site and the warm cache a build replaces wait in .digest/trash/ (not beside site/, where `git add .`
    would find them); the next build removes them, and leaves its own."""
    old_site(project)
    trash = project / ".digest" / "trash"
    mkdocs(project, "build", "--strict")
    first = sorted(p.name for p in trash.iterdir())
    assert len(first) == 1  # yesterday's site (there was no warm cache yet)
    assert "the site built yesterday" in next(trash.rglob("index.html")).read_text(encoding="utf-8")
    mkdocs(project, "build", "--strict")
    second = sorted(p.name for p in trash.iterdir())
    assert len(second) == 2 and not set(first) & set(second)  # the first build's site and cache; yesterday's is gone
    assert leftovers(project) == [] and sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == [".digest"]


def test_the_first_build_makes_a_site_a_web_server_can_read(project):
    """A staging folder is made private (0700); the site it becomes gets the mode a new folder gets."""
    mask = os.umask(0)
    os.umask(mask)
    mkdocs(project, "build", "--strict")
    assert (project / "site").stat().st_mode & 0o777 == 0o777 & ~mask
    assert leftovers(project) == []


def test_a_staging_folder_left_by_a_killed_build_is_removed_by_the_next(project):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale = project / f".site.staging-{dead}-abc123"
    (stale / "ru").mkdir(parents=True)
    mkdocs(project, "build", "--strict")
    assert not stale.exists()
    assert leftovers(project) == []


def test_abort_removes_the_staging_folder_and_leaves_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    stage = staging.Stage()
    temp = Path(stage.begin(str(site)))
    assert temp.parent == tmp_path and temp != site and temp.is_dir()
    (temp / "index.html").write_text("half", encoding="utf-8")
    stage.abort()
    assert not temp.exists() and (site / "index.html").read_text(encoding="utf-8") == "old"
    assert stage.commit("unchanged") == "unchanged", "nothing is left to commit after an abort"


def test_a_site_folder_that_is_a_symbolic_link_is_built_in_place(tmp_path):
    """A rename would replace the link itself with a folder: such a site is not staged."""
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "site").symlink_to(tmp_path / "elsewhere")
    stage = staging.Stage()
    assert stage.begin(str(tmp_path / "site")) == str(tmp_path / "site")
    assert leftovers(tmp_path) == []


# -- a build that fails --------------------------------------------------------------------------------


def test_a_build_that_fails_while_rendering_leaves_site_as_it_was(project):
    """The content is fine, so MkDocs starts and would have emptied site/; a template error stops it later."""
    before = old_site(project)
    main = project / "templates" / "overrides" / "main.html"
    main.write_text(
        main.read_text(encoding="utf-8").replace("{{ super() }}", "{{ super() }}{{ digest_no_such_thing.at_all }}", 1), encoding="utf-8"
    )
    result = mkdocs(project, "build", "--strict", check=False)
    assert result.returncode != 0
    assert "digest_no_such_thing" in result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_warnings_in_strict_mode_leave_site_as_it_was(project):
    """MkDocs counts warnings and aborts only after every plugin's post-build step: the swap waits for that."""
    before = old_site(project)
    story = next((project / "content").rglob("*.en.md"))
    draft = story.with_name("unfinished-page.en.md")  # a draft has no page in a build: MkDocs warns about a link to it
    draft.write_text(story.read_text(encoding="utf-8").replace("\nstory: ", "\ndraft: true\nstory: unfinished-", 1), encoding="utf-8")
    story.write_text(story.read_text(encoding="utf-8") + "\nSee [the other page](unfinished-page.en.md).\n", encoding="utf-8")
    result = mkdocs(project, "build", "--strict", check=False)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "unfinished-page.en.md" in log and "Aborted with 1 warnings in strict mode" in log, log
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_a_content_error_leaves_site_and_no_staging_folder(project):
    before = old_site(project)
    (project / "content" / "broken.en.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    result = mkdocs(project, "build", "--strict", check=False)
    assert result.returncode != 0 and "content/broken.en.md:2: front matter" in result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


# -- a build that is stopped -----------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["SIGINT to every process, as Ctrl-C sends it", "SIGTERM to the mkdocs process alone"])
def test_a_stopped_build_leaves_site_no_staging_folder_and_no_process(project, how):
    before = old_site(project)
    (project / "hooks").mkdir()
    (project / "hooks" / "wait.py").write_text(HOOK, encoding="utf-8")
    with open(project / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - hooks/wait.py\n")

    build = subprocess.Popen(
        [*MKDOCS, "build", "--strict"],
        cwd=project,
        env=BUILD_ENV,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        waiting = {project / "hooks" / f"waiting-{name}" for name in ("MainProcess", "digest-ru", "digest-fr")}
        for _ in range(6000):  # the build is paused, not timed: this only gives up on a build that never gets there
            if all(marker.exists() for marker in waiting) or build.poll() is not None:
                break
            time.sleep(0.1)
        assert build.poll() is None, f"the build ended before it was stopped:\n{build.stdout.read()}"
        assert all(marker.exists() for marker in waiting), "the build never reached the hook in every process"
        staged = leftovers(project)
        # the other languages build into hidden folders of the staged site, moved to ru/ and fr/ at the end
        assert len(staged) == 1 and (project / staged[0] / ".digest-ru" / "index.html").is_file(), "stopped half-way, with pages written"
        assert len(session_processes(build.pid)) >= 3, "mkdocs and its two language builds are running"

        if how.startswith("SIGINT"):
            os.killpg(build.pid, signal.SIGINT)
        else:
            os.kill(build.pid, signal.SIGTERM)
        output, _ = build.communicate(timeout=600)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()

    assert build.returncode != 0, output
    assert snapshot(project / "site") == before, output
    assert leftovers(project) == [], output
    for _ in range(300):  # an ended child may take a moment to be reaped by init: wait for that, not for a time
        if not session_processes(build.pid):
            break
        time.sleep(0.1)
    assert session_processes(build.pid) == [], f"a language build is still running after mkdocs stopped:\n{output}"


# -- commands do not write into content/ ----------------------------------------------------------------------


def test_no_digest_command_but_new_and_import_writes_into_content(project, monkeypatch):
    """Every command of `digest`, run as an editor would (and `import --text-only`, which promises to write
    nothing): content/ is byte for byte the same afterwards. So is it after a build."""
    from generator.editor.cli import main

    before = snapshot(project / "content")
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    runner = CliRunner()
    ran = []
    for name, command in sorted(main.commands.items()):
        if name in ("new", "import"):
            continue
        for args in ([], ["--format", "json"]) if any(p.name == "fmt" for p in command.params) else ([],):
            runner.invoke(main, [name, *args], catch_exceptions=False)
            ran.append(" ".join([name, *args]))
    article = project / "article.txt"
    article.write_text("Huawei builds three AI chip plants\n\nShenzhen, April 30 - Huawei is building three plants.\n", encoding="utf-8")
    runner.invoke(main, ["import", "--text-only", str(article)], catch_exceptions=False)
    mkdocs(project, "build", "--strict")
    assert "check" in ran
    assert snapshot(project / "content") == before, f"after: {ran}, import --text-only and mkdocs build"


def test_a_full_disk_is_one_line_naming_the_path_and_loses_nothing(tmp_path):
    """RLIMIT_FSIZE makes every write past 100 KB fail as a full disk does (Python ignores SIGXFSZ, so the write
    raises OSError): the build says so in one line that names the file, with no traceback from any process."""
    import resource

    project = copy_project(tmp_path)
    before = old_site(project)

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    run = subprocess.run([*MKDOCS, "build"], cwd=project, env=BUILD_ENV, capture_output=True, text=True, timeout=600,
                         preexec_fn=small_files)  # fmt: skip
    assert run.returncode != 0
    output = run.stdout + run.stderr  # MkDocs prints an Abort's message on stdout, the log on stderr
    assert "Traceback" not in output and "KeyboardInterrupt" not in output, output[-3000:]
    # Which process writes past the limit first depends on timing: MkDocs copying a theme file, or Pagefind (a Rust
    # binary, which SIGXFSZ stops). Either way each line that says why names the file or folder.
    lines = [line for line in output.splitlines() if "File too large" in line or "SIGXFSZ" in line]
    assert lines and all(str(project) in line for line in lines), output[-3000:]
    assert snapshot(project / "site") == before
    assert leftovers(project) == []
