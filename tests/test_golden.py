"""Golden cases: small projects and the exact problems an editor sees for them, reviewed in diffs.

Each folder under tests/golden/ is one case:

    tests/golden/<case>/content/       story .md files and topics.yml, kept byte for byte (see golden/.gitattributes)
    tests/golden/<case>/expected.txt   str(Problem) of every problem, one per line, in the order load_site
                                       returns them, then its warnings as `digest check` prints them
                                       (warning: path:line: ...); or the single line OK when there are none

The test runs load_site(Settings(root=<case>, languages=("en", "ru", "fr"))) and compares its output with
expected.txt. After a deliberate change to a message, refresh every expected.txt with one command and read
the diff before committing it:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py      (the same as: make golden)

To add a case, make a folder with a content/ folder, run that command to write its expected.txt, and check
that each line names path:line, the field, what was expected, what was found, and an example.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from generator import Settings, load_site

GOLDEN = Path(__file__).parent / "golden"
LANGUAGES = ("en", "ru", "fr")
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
CASES = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())


def problems_of(case: str) -> list:
    site = load_site(Settings(root=str(GOLDEN / case), languages=LANGUAGES))
    return site.problems + site.warnings


def output(problems: list) -> str:
    return "".join(f"{'warning: ' if problem.severity == 'warning' else ''}{problem}\n" for problem in problems) or "OK\n"


@pytest.mark.parametrize("case", CASES)
def test_golden(case):
    folder = GOLDEN / case
    assert (folder / "content").is_dir(), f"{folder} has no content/ folder"
    problems = problems_of(case)
    for problem in problems:
        assert "\n" not in str(problem), f"a problem must fit on one line of output: {problem!r}"
    actual = output(problems)
    expected_file = folder / "expected.txt"
    if UPDATE:
        if not expected_file.exists() or expected_file.read_text(encoding="utf-8") != actual:
            expected_file.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert expected_file.exists(), (
        f"{expected_file} is missing; write it with: UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py"
    )
    assert actual == expected_file.read_text(encoding="utf-8"), (
        f"the problems for {case} changed; if that is intended, refresh with UPDATE_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize("case", CASES)
def test_loading_a_case_writes_nothing(case):
    """Reading content never writes files (and the YAML tag in unsafe-yaml-tag runs nothing)."""
    before = sorted(p.relative_to(GOLDEN) for p in (GOLDEN / case).rglob("*"))
    problems_of(case)
    assert sorted(p.relative_to(GOLDEN) for p in (GOLDEN / case).rglob("*")) == before
    assert {p.name for p in (GOLDEN / case).iterdir()} <= {"content", "expected.txt"}


def test_every_message_reads_like_compiler_output():
    """path[:line]: field: message; a story's problems always carry the line."""
    shape = re.compile(r"^(?P<path>[^:\s]+)(?::(?P<line>\d+))?: (?P<field>[^:]+): (?P<message>.+)$")
    for case in CASES:
        for problem in problems_of(case):
            match = shape.match(str(problem))
            assert match, str(problem)
            if problem.path.endswith(".md"):
                assert problem.line, f"{case}: {problem}"


def test_golden_files_keep_their_bytes():
    """Guards against an editor or git normalizing the files the bom-and-crlf case is about."""
    content = GOLDEN / "bom-and-crlf" / "content"
    bom = (content / "bom.en.md").read_bytes()
    crlf = (content / "crlf.ru.md").read_bytes()
    both = (content / "bom-crlf.fr.md").read_bytes()
    topics = (content / "topics.yml").read_bytes()
    assert bom.startswith(b"\xef\xbb\xbf---\n") and b"\r" not in bom
    assert crlf.startswith(b"---\r\n") and b"\n" not in crlf.replace(b"\r\n", b"")
    assert both.startswith(b"\xef\xbb\xbf---\r\n") and b"\n" not in both.replace(b"\r\n", b"")
    assert topics.startswith(b"\xef\xbb\xbf") and b"\r\n" in topics
    latin1 = (GOLDEN / "invalid-utf8" / "content" / "latin1.fr.md").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        latin1.decode("utf-8")


def test_bom_and_crlf_stories_read_like_plain_ones():
    site = load_site(Settings(root=str(GOLDEN / "bom-and-crlf"), languages=LANGUAGES))
    assert site.problems == []
    assert sorted((s.lang, s.title) for s in site.stories) == [
        ("en", "Huawei builds three AI chip plants"),
        ("fr", "Huawei construit des usines"),
        ("ru", "Huawei строит заводы"),
    ]
    assert list(site.topics) == ["ai-chips", "geopolitics", "robotics"]
    for story in site.stories:
        assert story.body == "Huawei is building three plants near its Shanghai campus."
        assert story.lines == {"title": 2, "date": 3, "lang": 4, "topics": 5, "story": 6, "source": 7, "summary": 8}
