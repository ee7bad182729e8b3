"""Loading: a file becomes front-matter values (each with the line of its key) and a body, or problems.

Every assertion is about what the editor would see: the value they typed, the line in *their file*
(not in the YAML block), and one problem per line of output.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import Settings, load_site
from generator.front_matter import INVALID, parse_front_matter
from generator.loading import load_document, load_yaml_file, split_front_matter

PLAIN = (
    "---\n"
    "title: Huawei builds chip plants\n"
    "date: 2025-04-30\n"
    "lang: ru\n"
    "topics: [ai-chips, geopolitics]\n"
    'summary: "Три завода: один уже строится"\n'
    "---\n"
    "\n"
    "First paragraph.\n"
    "\n"
    "Second paragraph.\n"
)


def load(tmp_path: Path, data: bytes | str, name: str = "story.md"):
    """Write one file under tmp_path/content and load it; paths in problems are relative to tmp_path."""
    path = tmp_path / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return load_document(path, tmp_path)


def only_problem(problems):
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# -- encodings and line endings ---------------------------------------------------------------


@pytest.mark.parametrize("variant", ["bom", "crlf", "bom+crlf", "cr"])
def test_bom_and_line_endings_parse_like_the_plain_file(tmp_path, variant):
    plain, plain_problems = load(tmp_path, PLAIN, "plain.md")
    data = PLAIN.encode("utf-8")
    if "crlf" in variant:
        data = data.replace(b"\n", b"\r\n")
    if variant == "cr":
        data = data.replace(b"\n", b"\r")
    if "bom" in variant:
        data = b"\xef\xbb\xbf" + data
    doc, problems = load(tmp_path, data, "variant.md")

    assert plain_problems == [] and problems == []
    assert (
        doc.values
        == plain.values
        == {
            "title": "Huawei builds chip plants",
            "date": dt.date(2025, 4, 30),
            "lang": "ru",
            "topics": ["ai-chips", "geopolitics"],
            "summary": "Три завода: один уже строится",
        }
    )
    assert doc.lines == plain.lines == {"title": 2, "date": 3, "lang": 4, "topics": 5, "summary": 6}
    assert doc.body == plain.body
    assert "\r" not in doc.body and "\ufeff" not in doc.values["title"]
    assert doc.start_line == plain.start_line == 8


def test_body_and_the_line_it_starts_on(tmp_path):
    doc, problems = load(tmp_path, "---\ntitle: A\n---\nBody line one\nline two\n")
    assert problems == []
    assert doc.body == "Body line one\nline two\n"
    assert doc.start_line == 4
    assert doc.path == "content/story.md"


def test_yaml_document_end_marker_also_closes_the_front_matter(tmp_path):
    doc, problems = load(tmp_path, "---\ntitle: A\n...\nBody\n")
    assert problems == [] and doc.values == {"title": "A"} and doc.body == "Body\n"


def test_invalid_utf8_is_a_problem_with_the_line_of_the_bad_byte(tmp_path):
    doc, problems = load(tmp_path, b"---\ntitle: A\nsummary: caf\xe9 au lait\n---\n")
    assert doc is None
    problem = only_problem(problems)
    assert (problem.path, problem.line, problem.field) == ("content/story.md", 3, "file")
    assert str(problem) == "content/story.md:3: file: is not valid UTF-8 (byte 0xe9 at offset 25); save it as UTF-8"


def test_latin1_byte_on_the_first_line(tmp_path):
    doc, problems = load(tmp_path, "Économie\n---\n".encode("latin-1"))
    assert doc is None
    assert str(only_problem(problems)) == "content/story.md:1: file: is not valid UTF-8 (byte 0xc9 at offset 0); save it as UTF-8"


# -- the '---' fences -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, found",
    [
        ("title: A\n---\n", "found 'title: A'"),
        ("\n---\ntitle: A\n---\n", "found an empty line"),
        ("", "found an empty file"),
        ("# Just Markdown\n", "found '# Just Markdown'"),
    ],
)
def test_missing_front_matter(tmp_path, text, found):
    doc, problems = load(tmp_path, text)
    assert doc is None
    problem = only_problem(problems)
    assert (problem.line, problem.field) == (1, "front matter")
    assert problem.message.startswith(f"expected a '---' line opening the front matter, {found}; e.g. ")
    assert "\n" not in str(problem), "a problem is one line of output"


def test_unclosed_front_matter(tmp_path):
    doc, problems = load(tmp_path, "---\ntitle: A\nlang: en\n\nBody without a closing fence\n")
    assert doc is None
    problem = only_problem(problems)
    assert str(problem) == (
        "content/story.md:1: front matter: expected a '---' line closing the front matter opened on line 1, "
        "found none before the end of the file; e.g. put '---' on the line after the last field"
    )


def test_split_front_matter_returns_the_body_line():
    front, body, body_line, problems = split_front_matter("---\na: 1\nb: 2\n---\nbody", "x.md")
    assert (front, body, body_line, problems) == ("a: 1\nb: 2", "body", 5, [])


def test_front_matter_that_is_a_list(tmp_path):
    doc, problems = load(tmp_path, "---\n- title: A\n- lang: en\n---\nBody\n")
    assert doc is None, "with nothing readable, listing every field as missing would bury the real problem"
    problem = only_problem(problems)
    assert (problem.line, problem.field) == (2, "front matter")
    assert problem.message.startswith("expected fields as 'name: value' lines, found a list; e.g. title: ")


def test_front_matter_that_is_a_scalar(tmp_path):
    doc, problems = load(tmp_path, "---\n\nJust a sentence\n---\n")
    assert doc is None
    problem = only_problem(problems)
    assert (problem.line, problem.field) == (3, "front matter")
    assert "found a single value" in problem.message


def test_empty_front_matter_is_not_a_loading_problem(tmp_path):
    doc, problems = load(tmp_path, "---\n---\nBody\n")
    assert problems == [] and doc.values == {} and doc.body == "Body\n"


# -- invalid YAML: the line in the file -------------------------------------------------------


def test_colon_in_a_plain_value_reports_the_file_line(tmp_path):
    doc, problems = load(tmp_path, "---\ntitle: A\n\ndate: 2025-04-30\nsummary: Nvidia: a new chip\nlang: en\n---\n")
    assert doc is None
    problem = only_problem(problems)
    assert (problem.path, problem.line, problem.field) == ("content/story.md", 5, "front matter")
    assert problem.message.startswith("invalid YAML: mapping values are not allowed in this context;")
    assert "a value that holds ': ' needs quotes, e.g. title: \"Nvidia: a new chip\"" in problem.message


def test_unclosed_bracket_points_at_the_line_that_opened_it(tmp_path):
    text = "---\ntitle: A\ntopics: [ai-chips, geopolitics\nlang: en\nstory: x\n---\n"
    doc, problems = load(tmp_path, text)
    problem = only_problem(problems)
    assert problem.line == 3
    assert "while parsing a flow sequence" in problem.message
    assert "(noticed on line 4)" in problem.message


def test_unclosed_quote_points_at_the_line_that_opened_it(tmp_path):
    text = '---\ntitle: A\nsummary: "It never ends\nlang: en\nstory: x\ntopics: [a]\n---\n'
    doc, problems = load(tmp_path, text)
    problem = only_problem(problems)
    assert problem.line == 3
    assert "while scanning a quoted scalar" in problem.message


def test_bad_indentation_line(tmp_path):
    doc, problems = load(tmp_path, "---\ntitle: A\n  lang: en\n---\n")
    assert only_problem(problems).line == 3


def test_a_tab_used_for_indentation_is_named(tmp_path):
    doc, problems = load(tmp_path, "---\ntitle: A\nsource:\n\tname: FT\n---\n")
    problem = only_problem(problems)
    assert problem.line == 4
    assert "(a tab: YAML indents with spaces only)" in problem.message


def test_parse_front_matter_counts_from_first_line():
    _, _, problems = parse_front_matter("a: 1\nb: c: d", "x.yml", first_line=10)
    assert only_problem(problems).line == 11


def test_invalid_yaml_in_the_topic_registry_reports_the_file_line(tmp_path):
    path = tmp_path / "topics.yml"
    path.write_text("ai-chips: {en: AI chips}\nrobots: {en: Robots: the rise}\n", encoding="utf-8")
    values, lines, problems = load_yaml_file(path, tmp_path)
    problem = only_problem(problems)
    assert (problem.path, problem.line, problem.field) == ("topics.yml", 2, "topics")
    assert values is None


# -- values ------------------------------------------------------------------------------------


def test_each_key_has_the_line_it_is_on(tmp_path):
    doc, problems = load(tmp_path, "---\n# a comment\ntitle: A\n\nsource:\n  name: FT\n  url: https://ft.com/\nlang: en\n---\n")
    assert problems == []
    assert doc.lines == {"title": 3, "source": 5, "lang": 8}
    assert doc.values["source"] == {"name": "FT", "url": "https://ft.com/"}


def test_duplicate_keys(tmp_path):
    doc, problems = load(tmp_path, "---\ntitle: First\nlang: en\ntitle: Second\n---\n")
    problem = only_problem(problems)
    assert str(problem) == "content/story.md:4: title: is given twice (first on line 2); keep one"
    assert doc.values["title"] == "First" and doc.lines["title"] == 2


def test_python_tag_is_rejected_and_runs_nothing(tmp_path):
    marker = tmp_path / "pwned"
    text = f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\nlang: en\n---\n'
    doc, problems = load(tmp_path, text)
    problem = only_problem(problems)
    assert (problem.line, problem.field) == (2, "title")
    assert "python/object/apply:os.system" in problem.message
    assert problem.message.startswith("cannot be read: ")
    assert doc.values["title"] is INVALID and doc.values["lang"] == "en"
    assert not marker.exists()


def test_python_tag_through_the_whole_pipeline_runs_nothing(tmp_path):
    marker = tmp_path / "pwned"
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text("ai-chips: {en: AI chips}\n", encoding="utf-8")
    (tmp_path / "content" / "evil.md").write_text(
        "---\ntitle: A\ndate: 2025-04-30\nlang: en\ntopics: [ai-chips]\nstory: evil\n"
        f'source: !!python/object/apply:os.system\n  args: ["touch {marker}"]\nsummary: S\n---\n',
        encoding="utf-8",
    )
    site = load_site(Settings(root=str(tmp_path)))
    assert [(p.path, p.line, p.field) for p in site.problems] == [("content/evil.md", 7, "source")]
    assert site.stories == []
    assert not marker.exists()


def test_impossible_date_is_a_problem_of_that_field(tmp_path):
    doc, problems = load(tmp_path, "---\ntitle: A\ndate: 2025-02-30\n---\n")
    assert str(only_problem(problems)) == (
        "content/story.md:3: date: 2025-02-30 does not exist: February 2025 has 28 days; e.g. date: 2025-04-30"
    )
    assert doc.values["date"] is INVALID


def test_a_wrong_explicit_tag_is_not_called_a_date(tmp_path):
    doc, problems = load(tmp_path, "---\ntitle: !!int abc\n---\n")
    problem = only_problem(problems)
    assert problem.field == "title" and "date or time" not in problem.message.split(";")[0]


def test_yaml_dates_and_times_become_python_values(tmp_path):
    doc, problems = load(tmp_path, "---\na: 2025-04-30\nb: 2025-04-30T10:15:00+03:00\nc: '2025-04-30'\n---\n")
    assert problems == []
    assert doc.values["a"] == dt.date(2025, 4, 30)
    assert doc.values["b"] == dt.datetime(2025, 4, 30, 7, 15, tzinfo=dt.UTC)
    assert doc.values["c"] == "2025-04-30"


def test_missing_topic_registry(tmp_path):
    values, lines, problems = load_yaml_file(tmp_path / "content" / "topics.yml", tmp_path)
    problem = only_problem(problems)
    assert values is None
    assert (problem.path, problem.line, problem.field) == ("content/topics.yml", None, "file")
    assert str(problem).startswith("content/topics.yml: file: is missing; ")
