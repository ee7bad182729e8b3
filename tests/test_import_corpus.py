"""The import corpus (tests/import_corpus/, issue 13) is well-formed. No thresholds on the importer's scores here:
bench/import_score.py measures those."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "import_corpus"
FIELDS = ("id", "language", "site", "split", "source", "text", "headline", "first_sentence", "last_sentence", "body")


@pytest.fixture(scope="module")
def pages() -> list[dict]:
    return json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))["pages"]


def test_every_page_has_its_fields_and_its_copied_text(pages):
    for page in pages:
        assert all(page.get(name) for name in FIELDS), page.get("id")
        assert page["split"] in ("dev", "heldout"), page["id"]
        assert {"repo", "path", "commit"} <= set(page["source"]), page["id"]
        assert len(page["source"]["commit"]) == 40, page["id"]
        text = (CORPUS / page["text"]).read_text(encoding="utf-8")
        assert text.strip(), page["id"]


def test_ids_are_unique_and_every_text_file_is_listed(pages):
    ids = [page["id"] for page in pages]
    assert len(ids) == len(set(ids))
    listed = {page["text"] for page in pages}
    on_disk = {f"pages/{path.name}" for path in (CORPUS / "pages").glob("*.txt")}
    assert listed == on_disk


def test_both_halves_and_no_site_in_both(pages):
    halves = defaultdict(set)
    for page in pages:
        halves[page["site"]].add(page["split"])
    assert all(len(splits) == 1 for splits in halves.values()), [s for s, h in halves.items() if len(h) > 1]
    assert {page["split"] for page in pages} == {"dev", "heldout"}
    by_language = defaultdict(set)
    for page in pages:
        by_language[page["language"]].add(page["split"])
    assert all(splits == {"dev", "heldout"} for splits in by_language.values()), dict(by_language)


def test_the_truth_is_in_the_copied_text(pages):
    """The first and last sentences were checked against the copied text when the corpus was built."""
    import re
    import unicodedata

    def flat(text):
        return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).casefold()

    for page in pages:
        text = flat((CORPUS / page["text"]).read_text(encoding="utf-8"))
        assert flat(page["headline"]) in text, page["id"]
        assert flat(page["first_sentence"]).rstrip(".!?。！？ ")[:60] in text, page["id"]


def test_the_corpus_is_big_and_varied_enough(pages):
    """Issue 13: at least 150 pages from 60 sites in 10 languages, Russian, Ukrainian and Italian among them."""
    languages = {page["language"] for page in pages}
    assert len(pages) >= 150
    assert len({page["site"] for page in pages}) >= 60
    assert len(languages) >= 10
    assert {"en", "ru", "uk", "fr", "de", "es", "it", "pt", "zh"} <= languages


def test_the_importers_model_is_the_fit_on_the_development_half():
    """The weights in generator/editor/importer/model.py are what bench/fit_import_model.py fits on the dev half."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "fit_import_model.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "model.py matches a fresh fit" in result.stdout


def test_every_correction_of_the_truth_names_a_page_a_field_and_a_reason(pages):
    """corrections.json corrects plainly wrong truth (bench/import_score.py prints both figures): each entry is a
    page of the manifest, corrects a headline, first or last sentence with text that is in the copied page, and says why."""
    import re
    import unicodedata

    def flat(text):
        return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).casefold()

    by_id = {page["id"]: page for page in pages}
    fixes = json.loads((CORPUS / "corrections.json").read_text(encoding="utf-8"))["pages"]
    for name, fix in fixes.items():
        assert name in by_id, name
        assert fix.get("reason"), name
        fields = set(fix) - {"reason"}
        assert fields and fields <= {"headline", "first_sentence", "last_sentence"}, name
        text = flat((CORPUS / by_id[name]["text"]).read_text(encoding="utf-8"))
        for field in fields:
            assert fix[field] != by_id[name][field], name
            assert flat(fix[field]) in text, (name, field)
