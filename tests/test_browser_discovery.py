"""tests/browser.py finds the browser the way Playwright users expect, and says what to install when there is none."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from browser import LAUNCH_ARGS, NAMES, BrowserMissing, find_chromium
from conftest import ROOT


def fake_browser(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


def test_a_chrome_reachable_only_as_google_chrome_on_path_is_found_and_launches(tmp_path, playwright):
    """A machine with Google Chrome and no `chromium`: the real browser behind a `google-chrome` link, and a PATH
    that holds nothing else, so that `chromium` cannot be what is found."""
    real = find_chromium(playwright=playwright)
    only_chrome = tmp_path / "bin"
    only_chrome.mkdir()
    (only_chrome / "google-chrome").symlink_to(real)

    found = find_chromium(environ={}, path=str(only_chrome), use_playwright=False)
    assert found == str(only_chrome / "google-chrome")

    # Debian's /usr/bin/chromium is a shell script that calls uname, grep and find: the system folders stay on PATH
    # for the launch, after the folder that has only google-chrome.
    env = {**os.environ, "PATH": os.pathsep.join([str(only_chrome), "/usr/bin", "/bin"])}
    browser = playwright.chromium.launch(executable_path=found, args=LAUNCH_ARGS, env=env)
    try:
        page = browser.new_page()
        page.set_content("<title>found</title><p id=p>google-chrome</p>")
        assert page.title() == "found"
        assert page.inner_text("#p") == "google-chrome"
        assert "Chrome" in page.evaluate("navigator.userAgent")
    finally:
        browser.close()


def test_with_no_browser_the_error_names_what_to_install(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BrowserMissing) as missing:
        find_chromium(environ={}, path=str(empty), use_playwright=False)
    message = str(missing.value)
    for advice in (
        "sudo apt-get install chromium",
        "brew install --cask chromium",
        "playwright install chromium",
        "DIGEST_CHROMIUM",
        "CHROME_PATH",
    ):
        assert advice in message, advice


def test_the_names_on_path_are_tried_in_order(tmp_path):
    folders = [tmp_path / str(i) for i in range(len(NAMES))]
    # Each name in its own folder, the least preferred first on PATH: the order of the names wins, not of PATH.
    for folder, name in zip(folders, reversed(NAMES), strict=True):
        fake_browser(folder, name)
    path = os.pathsep.join(map(str, folders))
    assert find_chromium(environ={}, path=path, use_playwright=False) == str(folders[-1] / "chromium")
    (folders[-1] / "chromium").unlink()
    assert find_chromium(environ={}, path=path, use_playwright=False) == str(folders[-2] / "chromium-browser")


@pytest.mark.parametrize("var", ["DIGEST_CHROMIUM", "CHROME_PATH"])
def test_the_environment_variable_comes_first(tmp_path, var):
    chosen = fake_browser(tmp_path / "chosen", "my-chrome")
    on_path = fake_browser(tmp_path / "bin", "chromium")
    assert find_chromium(environ={var: str(chosen)}, path=str(on_path.parent)) == str(chosen)


def test_digest_chromium_wins_over_chrome_path(tmp_path):
    ours = fake_browser(tmp_path, "ours")
    theirs = fake_browser(tmp_path, "theirs")
    assert find_chromium(environ={"DIGEST_CHROMIUM": str(ours), "CHROME_PATH": str(theirs)}, path="") == str(ours)


def test_a_variable_naming_no_browser_is_an_error_not_a_fallback(tmp_path):
    fake_browser(tmp_path / "bin", "chromium")
    with pytest.raises(BrowserMissing, match="DIGEST_CHROMIUM=/nowhere/chrome is not an executable"):
        find_chromium(environ={"DIGEST_CHROMIUM": "/nowhere/chrome"}, path=str(tmp_path / "bin"))


def test_the_command_prints_the_path_make_test_checks():
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "browser.py")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).is_file()


def test_a_missing_browser_fails_the_browser_tests_never_skips_them(tmp_path):
    """The `chromium` fixture, run by pytest itself with a browser that is not there: one error that says what to do."""
    (tmp_path / "test_needs_a_browser.py").write_text("def test_it(chromium):\n    pass\n")
    env = {**os.environ, "DIGEST_CHROMIUM": str(tmp_path / "no-chrome"), "PYTHONPATH": str(ROOT / "tests")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "conftest",
            "-p",
            "no:cacheprovider",
            "-q",
            "-rA",
            str(tmp_path / "test_needs_a_browser.py"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 error" in result.stdout and "skipped" not in result.stdout, result.stdout
    assert "no-chrome is not an executable file" in result.stdout
