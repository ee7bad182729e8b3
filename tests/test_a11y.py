"""Accessibility: axe-core (axe-playwright-python, which bundles it) finds no serious or critical violation on any
page the generator writes, in every language: home, topics, topic, archive, weekly issues, stories and 404.
Every page is checked in the light scheme; each kind of page once more in the dark one."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from serving import Reader

LANGS = {"en": "", "ru": "ru/", "fr": "fr/"}
BLOCKING = {"serious", "critical"}
KINDS = [
    ("404", re.compile(r"404\.html$")),
    ("home", re.compile(r"^$")),
    ("topics", re.compile(r"^topics/$")),
    ("topic", re.compile(r"^topics/[^/]+/$")),
    ("archive", re.compile(r"^archive/$")),
    ("issues", re.compile(r"^issues/$")),
    ("issue", re.compile(r"^issues/[^/]+/$")),
    ("story", re.compile(r"^\d{4}/\d{2}/[^/]+/$")),
]


@dataclass
class Violation:
    page: str
    scheme: str
    rule: str
    impact: str
    help: str
    targets: list[str]

    def __str__(self) -> str:
        return f"{self.page} ({self.scheme}): {self.impact}: {self.rule}: {self.help}: {', '.join(self.targets[:3])}"


def kind(path: str) -> str:
    return next((name for name, pattern in KINDS if pattern.search(path)), "other")


def pages_of(site: Path, lang: str) -> list[str]:
    """Paths (under the language's folder) of every HTML page built for one language."""
    root = site / LANGS[lang].rstrip("/") if LANGS[lang] else site
    others = [site / prefix.rstrip("/") for prefix in LANGS.values() if prefix]
    paths = []
    for page in sorted(root.rglob("*.html")):
        if lang == "en" and any(folder in page.parents for folder in others):
            continue
        relative = page.relative_to(root).as_posix()
        paths.append(relative.removesuffix("index.html") if page.name == "index.html" else relative)
    return paths


@pytest.fixture(scope="module")
def audit(chromium, served_site, built_site) -> dict[str, tuple[list[str], list[Violation]]]:
    """lang -> (pages checked, every violation axe reported there, of any impact)."""
    axe, results = Axe(), {}
    for lang, prefix in LANGS.items():
        paths, found = pages_of(built_site, lang), []
        dark_done: set[str] = set()
        for scheme in ("light", "dark"):
            tab = Reader(chromium, served_site[0], viewport={"width": 1280, "height": 900}, color_scheme=scheme)
            try:
                for path in paths:
                    if scheme == "dark":
                        if kind(path) in dark_done:
                            continue
                        dark_done.add(kind(path))
                    tab.page.goto(tab.base + prefix + path)  # waits for `load`: every script has run
                    if scheme == "dark":  # Material follows the reader's system scheme until they pick one
                        assert tab.page.locator("body").get_attribute("data-md-color-scheme") == "slate"
                    for v in axe.run(tab.page).response["violations"]:
                        found.append(
                            Violation(
                                prefix + path,
                                scheme,
                                v["id"],
                                v.get("impact") or "?",
                                v["help"],
                                [" ".join(map(str, n["target"])) for n in v["nodes"]],
                            )
                        )
                assert tab.foreign_requests() == []
            finally:
                tab.close()
        results[lang] = (paths, found)
    return results


@pytest.mark.parametrize("lang", LANGS)
def test_no_serious_or_critical_violation_on_any_page(audit, lang):
    paths, found = audit[lang]
    blocking = [str(v) for v in found if v.impact in BLOCKING]
    assert not blocking, "\n".join(blocking)
    impacts = Counter(v.impact for v in found)
    print(
        f"\naxe {lang}: {len(paths)} pages (+ one of each kind dark): {dict(impacts) or 'no violations'};"
        f" rules: {sorted({v.rule for v in found})}"
    )


def test_every_kind_of_page_was_checked_in_every_language(audit, built_site):
    for lang in LANGS:
        kinds = Counter(kind(path) for path in audit[lang][0])
        assert {"home", "topics", "topic", "archive", "story", "404"} <= set(kinds), (lang, kinds)
        if (built_site / LANGS[lang] / "issues").is_dir():
            assert {"issues", "issue"} <= set(kinds), (lang, kinds)
        print(f"\naxe {lang}: pages checked by kind: {dict(kinds)}")


def test_axe_does_report_serious_problems(chromium, served_site):
    """The check above can fail: a page with an unlabelled image and faint text has critical and serious ones."""
    tab = Reader(chromium, served_site[0])
    try:
        tab.page.set_content(
            '<html lang="en"><head><title>t</title></head><body><main>'
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
            '<p style="color:#bbb;background:#fff">faint text</p></main></body></html>'
        )
        found = {v["id"]: v["impact"] for v in Axe().run(tab.page).response["violations"]}
    finally:
        tab.close()
    assert found.get("image-alt") == "critical" and found.get("color-contrast") == "serious", found
