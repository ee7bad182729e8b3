"""The same site from ProperDocs, the maintained fork of MkDocs 1.x: a way forward if MkDocs 1.6 stops installing.

ProperDocs goes into its own virtual environment, .venv-properdocs/ (git-ignored, reused while pyproject.toml is
unchanged), with MkDocs removed from it, so the build there cannot have used MkDocs. The project's .venv is
never touched: ProperDocs answers `import mkdocs` with itself, and installing it beside MkDocs is not our call.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_ENV, ROOT, copy_project

PROPERDOCS = "properdocs>=1.6.7,<2"
VENV = ROOT / ".venv-properdocs"
PYTHON = VENV / "bin" / "python"


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=900, **kwargs)
    assert result.returncode == 0, f"{' '.join(map(str, args))}:\n{result.stdout}\n{result.stderr}"
    return result


def main_venv_packages() -> str:
    return run(sys.executable, "-m", "pip", "freeze", "--all").stdout


@pytest.fixture(scope="module")
def properdocs_venv() -> dict[str, str]:
    """Create (or reuse) .venv-properdocs; report the main venv's packages before and after."""
    before = main_venv_packages()
    wanted = hashlib.sha256((PROPERDOCS + (ROOT / "pyproject.toml").read_text(encoding="utf-8")).encode()).hexdigest()
    stamp = VENV / ".digest-stamp"
    if not (PYTHON.exists() and stamp.exists() and stamp.read_text() == wanted):
        shutil.rmtree(VENV, ignore_errors=True)
        run(sys.executable, "-m", "venv", VENV)
        # Editable, so the generator is the one in this work tree; then MkDocs goes, which Material pulled in.
        run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", PROPERDOCS, "-e", ROOT)
        run(PYTHON, "-m", "pip", "uninstall", "--yes", "--quiet", "mkdocs")
        stamp.write_text(wanted)
    return {"before": before, "after": main_venv_packages()}


def page_titles(site: Path, path: str) -> list[str]:
    soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    return [a.get_text(strip=True) for a in soup.select("article.md-content__inner .digest-card__title a")]


def test_properdocs_builds_the_sample_strict_without_mkdocs(properdocs_venv, tmp_path, built_site):
    no_mkdocs = subprocess.run([PYTHON, "-c", "import mkdocs"], capture_output=True, text=True)
    assert no_mkdocs.returncode != 0 and "No module named 'mkdocs'" in no_mkdocs.stderr
    project = copy_project(tmp_path)
    result = subprocess.run(
        [VENV / "bin" / "properdocs", "build", "--strict", "-f", "mkdocs.yml"],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    expected = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert pages == expected, "ProperDocs and MkDocs build different pages"
    assert {"index.html", "ru/index.html", "fr/index.html"} <= pages
    for path in sorted(p for p in pages if p.endswith("index.html") and "/20" not in "/" + p):
        assert page_titles(site, path) == page_titles(built_site, path), path
    generator = BeautifulSoup((site / "ru" / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("meta[name=generator]")
    assert "ProperDocs" in generator["content"], generator


def test_properdocs_leaves_the_projects_venv_alone(properdocs_venv):
    assert properdocs_venv["after"] == properdocs_venv["before"]
    version = run(sys.executable, "-m", "mkdocs", "--version", env=BUILD_ENV).stdout
    assert version.startswith("python -m mkdocs, version 1.") or version.startswith("mkdocs, version 1."), version
    assert Path(VENV).resolve() != Path(sys.prefix).resolve()
