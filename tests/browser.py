"""Which Chromium the browser tests drive, found the way Playwright users expect:

1. the path in $DIGEST_CHROMIUM (or $CHROME_PATH, which Lighthouse and Puppeteer tools read);
2. Playwright's own Chromium (`playwright install chromium`);
3. `chromium`, `chromium-browser`, `google-chrome` or `google-chrome-stable` on PATH;
4. on macOS, Chromium or Google Chrome in /Applications (what `brew install --cask chromium` installs).

`python tests/browser.py` prints the browser's path and exits 0, or says what to install and exits 1;
`make test` runs it to decide whether to call `playwright install chromium`.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from typing import Any

ENV_VARS = ("DIGEST_CHROMIUM", "CHROME_PATH")
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MACOS_APPS = ("/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")
# Without the background-networking flags Chromium calls Google's hosts at start, which CI machines may refuse;
# --no-sandbox because CI containers run as root.
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

INSTALL = """\
No Chrome or Chromium found for the browser tests. Install one:
  Debian/Ubuntu: sudo apt-get install chromium
  macOS:         brew install --cask chromium    (or: .venv/bin/playwright install chromium)
  anywhere:      .venv/bin/playwright install chromium
or set DIGEST_CHROMIUM (or CHROME_PATH) to the browser's executable.
Looked at: $DIGEST_CHROMIUM, $CHROME_PATH, Playwright's Chromium, {names} on PATH."""


class BrowserMissing(Exception):
    """No usable browser; the message says what to install."""


def _executable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def playwright_chromium(running: Any = None) -> str | None:
    """The Chromium that `playwright install chromium` put in Playwright's cache, if it is there. Inside a running
    Playwright, pass it: its sync API cannot be started twice in one thread."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        if running is not None:
            path = running.chromium.executable_path
        else:
            with sync_playwright() as playwright:
                path = playwright.chromium.executable_path
    except Exception:  # no driver, or called inside a running Playwright: not this lookup's business
        return None
    return path if path and _executable(path) else None


def find_chromium(
    environ: Mapping[str, str] | None = None, path: str | None = None, use_playwright: bool = True, playwright: Any = None
) -> str:
    """The browser's executable, looked up in the order of the module docstring.

    `environ` and `path` (a PATH string) default to the process's own; tests pass their own to see one step alone.
    A variable that names no executable is an error, not a reason to look elsewhere: it was set on purpose."""
    environ = os.environ if environ is None else environ
    for var in ENV_VARS:
        if value := environ.get(var, "").strip():
            found = value if _executable(value) else shutil.which(value, path=path if path is not None else environ.get("PATH"))
            if not found:
                raise BrowserMissing(f"{var}={value} is not an executable file. Point it at Chrome or Chromium, or unset it.")
            return found
    if use_playwright and (found := playwright_chromium(playwright)):
        return found
    search = path if path is not None else environ.get("PATH", os.defpath)
    for name in NAMES:
        if found := shutil.which(name, path=search):
            return found
    if sys.platform == "darwin" and path is None:
        for app in MACOS_APPS:
            if _executable(app):
                return app
    raise BrowserMissing(INSTALL.format(names=", ".join(NAMES)))


def main() -> int:
    try:
        print(find_chromium())
    except BrowserMissing as missing:
        print(missing, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
