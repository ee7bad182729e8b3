"""Deterministic output: two builds of the same content give byte-identical files, whatever the time zone, the
locale, the project's folder and the order in which the file system lists the stories.

Two kinds of file are named exceptions, and the test checks that they differ in nothing else:
- MkDocs' own per-language sitemaps (ru/sitemap.xml, fr/sitemap.xml and their .gz) give the build date as
  <lastmod>, as the sitemap format intends; SOURCE_DATE_EPOCH pins it. The site-wide sitemap.xml the digest
  writes dates each page by its stories instead, so it never changes between builds.
- Pagefind writes the language map of pagefind/pagefind-entry.json in a random (hash) order: the same JSON,
  not the same bytes.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BUILD_ENV, MKDOCS, ROOT

NEW_YEAR_2026 = 1767225600  # after every sample story, so none is held back as scheduled
BUILD_DAY_FILES = {"ru/sitemap.xml", "ru/sitemap.xml.gz", "fr/sitemap.xml", "fr/sitemap.xml.gz"}
UNORDERED_JSON = {"pagefind/pagefind-entry.json"}


def copy_in_order(target: Path, reverse: bool) -> Path:
    """The sample project, its files created one by one in sorted or reverse order (so the directory order differs)."""
    for name in ("content", "templates"):
        files = sorted((ROOT / name).rglob("*"), reverse=reverse)
        for source in files:
            if source.is_file():
                destination = target / source.relative_to(ROOT)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, destination)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def build(project: Path, epoch: int, **env: str) -> dict[str, bytes]:
    environment = {**BUILD_ENV, "SOURCE_DATE_EPOCH": str(epoch), **env}
    result = subprocess.run([*MKDOCS, "build", "--strict"], cwd=project, env=environment, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def differing(a: dict[str, bytes], b: dict[str, bytes]) -> set[str]:
    assert sorted(a) == sorted(b), "the two builds wrote different files"
    return {path for path in a if a[path] != b[path]}


def without_build_day(path: str, data: bytes) -> str:
    text = gzip.decompress(data).decode("utf-8") if path.endswith(".gz") else data.decode("utf-8")
    return re.sub(r"<lastmod>[^<]*</lastmod>", "<lastmod/>", text)


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> dict[str, bytes]:
    return build(copy_in_order(tmp_path_factory.mktemp("first"), reverse=False), NEW_YEAR_2026, TZ="UTC", LC_ALL="C.UTF-8")


def test_time_zone_locale_folder_and_file_order_change_no_byte(first, tmp_path):
    """UTC against UTC+14 (Kiritimati, where the date is already tomorrow), C.UTF-8 against POSIX with a Russian
    LANG, another folder, files created in reverse order."""
    second = build(
        copy_in_order(tmp_path / "elsewhere", reverse=True), NEW_YEAR_2026, TZ="Pacific/Kiritimati", LC_ALL="POSIX", LANG="ru_RU.UTF-8"
    )
    assert len(first) > 100
    changed = differing(first, second)
    assert changed <= UNORDERED_JSON, sorted(changed)
    for path in changed:
        assert json.loads(first[path]) == json.loads(second[path])


def test_a_build_on_another_day_changes_only_the_build_date_of_mkdocs_sitemaps(first, tmp_path):
    later = build(copy_in_order(tmp_path / "later", reverse=False), NEW_YEAR_2026 + 3 * 86400, TZ="America/Los_Angeles")
    changed = differing(first, later)
    assert changed <= BUILD_DAY_FILES | UNORDERED_JSON, sorted(changed)
    assert {"ru/sitemap.xml", "fr/sitemap.xml"} <= changed, "the build date is what makes them differ"
    for path in changed & BUILD_DAY_FILES:
        assert without_build_day(path, first[path]) == without_build_day(path, later[path]), path
    assert b"<lastmod>2026-01-04</lastmod>" in later["ru/sitemap.xml"]
    assert first["sitemap.xml"] == later["sitemap.xml"], "the site-wide sitemap is dated by the stories"


def test_the_default_language_built_by_one_process_or_two_is_the_same_site(first, tmp_path):
    """The sample's English stories are fewer than `split_from` (200): one process builds all of English. With
    split_from: 1 its stories build in a process of their own beside its index pages; not a byte changes."""
    project = copy_in_order(tmp_path / "split", reverse=False)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("timezone: Europe/Paris", "timezone: Europe/Paris\n      split_from: 1"),
        encoding="utf-8",
    )
    split = build(project, NEW_YEAR_2026, TZ="UTC", LC_ALL="C.UTF-8")
    changed = differing(first, split)
    assert changed <= UNORDERED_JSON, sorted(changed)
    for path in changed:
        assert json.loads(first[path]) == json.loads(split[path])
