"""The Nu HTML Checker (vnu, the W3C's validator) finds no error of ours on any page of any language.

vnu comes from npm (`vnu-jar`, pinned in tests/tools/package.json and its lock; `make test` runs `npm ci` there)
and runs on the machine's Java. Either missing fails the test with what to install: never a skip. One run of vnu
checks every page, the email editions too (a JVM start costs seconds). Material's own markup has a few errors on
every site it builds; those are listed below by message, each with the reason it is Material's, and left out, as
are two mail-client conventions in the email editions. Everything else fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT

VNU_JAR = Path(os.environ.get("DIGEST_VNU_JAR") or ROOT / "tests/tools/node_modules/vnu-jar/build/dist/vnu.jar")

# Material's errors, not ours: (message, text the flagged markup holds, why it is Material's).
MATERIAL = [
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        'type="checkbox"',
        "Material's drawer and search toggles (base.html) are checkboxes with autocomplete=off, so that Firefox does"
        " not restore their state on going back",
    ),
    (
        "Bad value “” for attribute “tabindex” on element “label”",
        'class="md-nav__link',
        "Material's nav-item.html writes tabindex=\"{{ tabindex }}\" on a section's label, empty for the section of"
        " the page shown (the Topics tab on the topic pages)",
    ),
    (
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
        'for="__toc"',
        "Material's toc.html labels the __toc toggle, which nav-item.html writes only in the nav entry of the page"
        " shown; stories are not in the nav (README, Design notes), so a story with headings has the label alone",
    ),
]
# The email editions (issues/<week>/email.html, templates/email/) follow mail clients' conventions, which HTML and
# CSS do not know: these two, and only in those files.
EMAIL_CLIENTS = [
    (
        "Element “meta” is missing one or more of the following attributes",
        'name="x-apple-disable-message-reformatting"',
        "Apple Mail's switch that keeps it from rescaling the message",
    ),
    ("CSS: “mso-hide”: Property “mso-hide” doesn't exist.", "mso-hide", "Outlook's property that hides the preheader"),
]


@dataclass
class Message:
    page: str
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message}\n    {' '.join(self.extract.split())}"


def material_reason(message: Message) -> str | None:
    """Why a message is Material's (or a mail client's, in an email edition), or None: then it is ours."""
    known = MATERIAL + (EMAIL_CLIENTS if message.page.endswith("email.html") else [])
    return next((why for text, markup, why in known if text in message.message and markup in message.extract), None)


def java_and_vnu() -> list[str]:
    """The command that runs vnu, or a failure that says what to install."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "the HTML checker needs Java, and `java` is not on PATH: install it (Debian, Ubuntu: sudo apt-get install"
            " default-jre-headless; macOS: brew install openjdk), or run .ci/run, which does",
            pytrace=False,
        )
    if not VNU_JAR.is_file():
        pytest.fail(
            f"the Nu HTML Checker is missing: {VNU_JAR} is not there. Run `npm ci --ignore-scripts` in tests/tools"
            " (make test does; it needs Node.js and npm: sudo apt-get install nodejs npm), or set DIGEST_VNU_JAR",
            pytrace=False,
        )
    return [java, "-jar", str(VNU_JAR)]


def vnu(files: list[Path], root: Path) -> list[Message]:
    """Every error vnu finds in `files`, by path relative to root (or the file's name outside it)."""
    result = subprocess.run(
        [*java_and_vnu(), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        report = json.loads(result.stderr)  # vnu writes its report to stderr, and exits 1 when it finds errors
    except json.JSONDecodeError:
        raise AssertionError(f"vnu did not report in JSON (exit {result.returncode}):\n{result.stdout}\n{result.stderr}") from None
    messages = []
    for m in report["messages"]:
        path = Path(unquote(urlsplit(m.get("url", "")).path))
        page = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        messages.append(Message(page, m.get("lastLine", 0), m["message"], m.get("extract", "")))
    return messages


@pytest.fixture(scope="module")
def checked(built_site: Path, tmp_path_factory) -> tuple[list[Path], list[Message]]:
    """Every built page, and a page with known errors to show vnu does find them, in one run of vnu."""
    canary = tmp_path_factory.mktemp("vnu") / "canary.html"
    canary.write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body><p><div>block in a p</div>'
        '<input type="checkbox" id="t"><label for="t" aria-label="named twice">t</label></body></html>',
        encoding="utf-8",
    )
    pages = sorted(built_site.rglob("*.html"))
    return pages, vnu([*pages, canary], built_site.resolve())


def test_vnu_finds_errors(checked):
    """The check below can fail: the canary page's aria-label on a label (our old header's error) is reported."""
    _, messages = checked
    canary = [m.message for m in messages if m.page == "canary.html"]
    assert any("aria-label" in text and "label" in text for text in canary), canary
    assert all(material_reason(m) is None for m in messages if m.page == "canary.html")


def test_every_page_of_every_language_was_checked(checked, built_site):
    pages, _ = checked
    paths = {page.relative_to(built_site).as_posix() for page in pages}
    for lang in ("", "ru/", "fr/"):
        assert {f"{lang}index.html", f"{lang}404.html", f"{lang}archive/index.html", f"{lang}topics/index.html"} <= paths, lang
        assert any(re.match(rf"{lang}\d{{4}}/\d\d/[^/]+/index.html$", path) for path in paths), lang


def test_no_html_error_but_materials_own(checked):
    pages, messages = checked
    ours = [m for m in messages if m.page != "canary.html" and material_reason(m) is None]
    assert not ours, f"vnu: {len(ours)} errors in our pages:\n" + "\n".join(map(str, ours))
    left_out = Counter(material_reason(m)[:60] for m in messages if m.page != "canary.html")  # type: ignore[index]
    print(f"\nvnu: {len(pages)} pages, no error of ours; left out, Material's and mail clients': {dict(left_out)}")
