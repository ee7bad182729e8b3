"""Property-based tests: whatever bytes an editor saves, the core answers with pages or with problems.

Hypothesis writes hostile story files: every kind of Unicode (right-to-left text, combining marks, emoji,
zero-width characters, NUL and other controls, lone surrogates written into the bytes), every YAML shape
(lists where text is expected, nested maps, anchors and aliases, tags, very long values, duplicate keys),
invalid UTF-8, empty files, front matter with no body, bodies full of '---' lines. For each file the loader,
the validator and the whole pipeline must end in a Story and pages, or in problems that name the file, a line
inside it and a field, on one line of output each. An uncaught exception or a hang fails the test.

The number of examples is bounded so the suite stays fast; DIGEST_HYPOTHESIS_SCALE=10 runs ten times as
many. `pytest --hypothesis-show-statistics tests/test_properties.py` prints how many cases ran.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from generator.build import build_site
from generator.fields import FIELDS
from generator.front_matter import parse_front_matter
from generator.loading import load_document, shown_path, split_front_matter
from generator.model import Problem, Settings, Topic
from generator.urls import checked_path, story_url
from generator.validation import check_collection, check_story

TEMPLATES = str(Path(__file__).resolve().parents[1] / "templates")
LANGUAGES = ("en", "ru", "fr")
SCALE = int(os.environ.get("DIGEST_HYPOTHESIS_SCALE", "1"))


def bounded(examples: int):
    """Settings for one property: no per-example deadline, a bounded number of examples, no database folder."""
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        database=None,
        print_blob=True,
        derandomize=os.environ.get("CI") == "true",  # CI runs the same cases every time
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
            HealthCheck.filter_too_much,
        ],
    )


# -- what an editor (or a scraper) can put in a file ------------------------------------------------

HOSTILE = [
    "\u05d0\u05d1",
    "\u0627\u0644",
    "\u202e",
    "\u200f",
    "\u2066",  # Hebrew, Arabic, right-to-left override/mark, isolate
    "e\u0301",
    "\u0336",
    "\u0b95\u0bcd",  # combining marks
    "\U0001f600",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467",
    "\U0001f1eb\U0001f1f7",  # emoji, ZWJ family, flag
    "\u200b",
    "\u200c",
    "\u200d",
    "\ufeff",
    "\u2060",  # zero-width characters
    "\x00",
    "\x01",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\t",
    "\r",
    "\x0b",
    "\x0c",
    "\ud800",
    "\udfff",
    "\udc80",  # lone surrogates: invalid UTF-8 once encoded
    "\ufffe",
    "\uffff",
    "\U0010ffff",  # noncharacters
    ":",
    ": ",
    " #",
    "#",
    "-",
    "- ",
    "'",
    '"',
    "[",
    "]",
    "{",
    "}",
    ",",
    "*",
    "&",
    "!",
    "|",
    ">",
    "%",
    "@",
    "`",
    "?",
    "\\",
    "<script>alert(1)</script>",
    '"onload="alert(1)',
    "javascript:alert(1)",
    "&amp;",
    "_",
    "---",
    "...",
    "\n",
    "\n\n",
    " ",
    "  ",
]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.characters()), max_size=16).map("".join)


def showable(piece: str, spaces: str) -> bool:
    """No character a page cannot show, apart from the white space given (which becomes one space)."""
    return not any(char not in spaces and (unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff") for char in piece)


# Text that is hostile but valid: what a story may hold and must still render as typed.
LINE_BREAKS = " \t\n\r\x0b\x0c\x85\u2028\u2029"
clean_char = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff")
clean_text = st.lists(st.one_of(st.sampled_from([p for p in HOSTILE if showable(p, LINE_BREAKS)]), clean_char), max_size=16).map("".join)
clean_line = st.lists(st.one_of(st.sampled_from([p for p in HOSTILE if showable(p, "\t") and "\n" not in p]), clean_char), max_size=16).map(
    "".join
)
hostile_char = st.sampled_from(HOSTILE)


def quote_double(text: str) -> str:
    """A YAML double-quoted scalar using escapes, including ones YAML refuses (surrogates, bad codes)."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF):
            out.append(f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


scalar = st.one_of(
    hostile_text,  # plain: often not valid YAML at all
    hostile_text.map(lambda s: "'" + s.replace("'", "''") + "'"),
    hostile_text.map(quote_double),
    st.sampled_from(
        [
            "",
            "~",
            "null",
            "true",
            "no",
            "yes",
            "on",
            "0",
            "-1",
            "1e400",
            "0x1F",
            ".nan",
            "2025-04-30",
            "2025-02-30",
            "2025-04-30T09:30:00+03:00",
            "2025-04-30 25:00",
            "0001-01-01",
            "9999-12-31",
            "9999-12-31T23:59:59-12:00",
            "0001-01-01T00:00:00+14:00",
            "2025-04-30T10:00:00+99:00",
            "en",
            "ru",
            "fr",
            "de",
            "ai-chips",
            "huawei-910d",
            "https://www.ft.com/",
            "javascript:alert(1)",
            'https://a.b/"onload="x',
            "https://a b",
            "http://",
            "CON",
            "nul",
            "..",
            "../../etc",
            "C:\\Windows",
            "/etc/passwd",
            "a\\..\\b",
        ]
    ),
    st.integers(min_value=1, max_value=200_000).map(lambda n: "x" * n),  # very long values
    st.integers(min_value=0, max_value=3).map(
        lambda n: "!!python/object/apply:os.system ['true']" if n == 0 else ["!!binary aGVsbG8=", "!!set {a, b}", "!custom tag"][n - 1]
    ),
)


def flow(children):
    return st.one_of(
        st.lists(children, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(scalar, children), max_size=4).map(lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"),
        st.tuples(st.sampled_from(["a", "b", "lol"]), children).map(lambda p: f"&{p[0]} {p[1]}"),  # anchors
        st.sampled_from(["*a", "*b", "*lol", "*undefined"]),  # aliases
    )


yaml_value = st.recursive(scalar, flow, max_leaves=12)
block_value = st.one_of(
    yaml_value,
    st.lists(yaml_value, min_size=1, max_size=4).map(lambda items: "".join(f"\n  - {item}" for item in items)),
    st.lists(st.tuples(st.sampled_from(["name", "url", "en", "x"]), yaml_value), min_size=1, max_size=3).map(
        lambda pairs: "".join(f"\n  {k}: {v}" for k, v in pairs)
    ),
    st.lists(hostile_text, min_size=1, max_size=4).map(lambda lines: "|\n" + "".join(f"  {line}\n" for line in lines).rstrip("\n")),
    st.integers(min_value=0, max_value=4).map(lambda depth: "&lol [lol, lol]" if depth == 0 else "[" + ", ".join(["*lol"] * 9) + "]"),
)
key = st.one_of(st.sampled_from([*FIELDS, *FIELDS, "tags", "Title", "<<", "", "? [a]", "- item"]), hostile_text)
front_matter = st.lists(st.one_of(st.tuples(key, block_value).map(lambda kv: f"{kv[0]}: {kv[1]}"), hostile_text), max_size=12).map(
    "\n".join
)
body = st.lists(st.one_of(hostile_text, st.sampled_from(["---", "...", "--- ", "***", "# Title", "<div>", "|a|b|"])), max_size=8).map(
    "\n".join
)


@st.composite
def document_text(draw) -> str:
    """A story file as text: fences present, missing or doubled; front matter; body."""
    opening = draw(st.sampled_from(["---\n", "---\n", "--- \n", "", "\n---\n", "...\n", "----\n"]))
    closing = draw(st.sampled_from(["\n---\n", "\n---\n", "\n...\n", "\n---", "", "\n--- x\n"]))
    return opening + draw(front_matter) + closing + draw(body)


def encode(text: str, draw_choice: int) -> bytes:
    """Bytes as an editor's tool might save them: UTF-8, with a BOM, with CRLF, surrogates written out raw."""
    data = text.encode("utf-8", "surrogatepass")
    if draw_choice == 1:
        data = b"\xef\xbb\xbf" + data
    elif draw_choice == 2:
        data = data.replace(b"\n", b"\r\n")
    elif draw_choice == 3:
        data = data.replace(b"\n", b"\r")
    return data


document_bytes = st.one_of(
    st.tuples(document_text(), st.integers(0, 3)).map(lambda t: encode(*t)),
    st.deferred(lambda: st.tuples(near_valid_story(), st.integers(0, 3)).map(lambda t: encode(*t))),  # defined below
    st.binary(max_size=300),
    st.tuples(
        document_text(),
        st.integers(0, 400),
        st.sampled_from([b"\xff", b"\xed\xa0\x80", b"\xc0\xaf", b"\x00", b"\xf4\x90\x80\x80", b"\xe2\x80"]),
    ).map(lambda t: t[0].encode("utf-8", "surrogatepass")[: t[1]] + t[2] + t[0].encode("utf-8", "surrogatepass")[t[1] :]),
    st.sampled_from(
        [
            b"",
            b"\xef\xbb\xbf",
            b"---",
            b"---\n",
            b"---\n---",
            b"---\n---\n",
            b"---\ntitle: x\n---",
            b"\n",
            b"---\n---\n---\n---\n",
            b"---\r\n---\r\n",
        ]
    ),
)

# -- what every answer must look like --------------------------------------------------------------

SETTINGS = Settings(root=".", languages=LANGUAGES)
TOPICS = {slug: Topic(slug, {lang: slug for lang in LANGUAGES}) for slug in ("ai-chips", "geopolitics")}


def assert_well_formed(problem: Problem, path: str, lines: int) -> None:
    """A problem names the file, a line inside it (or none), a field, and fits on one line of printable text."""
    assert problem.path == path
    assert problem.field and isinstance(problem.field, str)
    assert problem.line is None or 1 <= problem.line <= lines + 1, (problem, lines)
    shown = str(problem)
    assert "\n" not in shown and "\r" not in shown, shown
    shown.encode("utf-8")  # no lone surrogate: the problem can be printed and written as JSON


def load_bytes(tmp: Path, data: bytes, name: str = "story.en.md"):
    path = tmp / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return load_document(path, tmp)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


@bounded(600)
@given(data=document_bytes)
@example(data=b"---\ntitle: \xed\xa0\x80\n---\n")
@example(data=b"---\ntitle: " + b"[" * 3000 + b"\n---\n")
@example(
    data=b"---\n"
    + b"".join(b"l%d: &l%d [%s]\n" % (i, i, b",".join([b"*l%d" % (i - 1)] * 9)) for i in range(1, 12)).replace(b"*l0", b"lol")
    + b"title: *l11\n---\n"
)
def test_loader_answers_every_file(scratch, data):
    """load_document gives a Document or problems with the file's path, a line and a field; never an exception."""
    document, problems = load_bytes(scratch, data)
    lines = data.count(b"\n") + data.count(b"\r") + 1
    for problem in problems:
        assert_well_formed(problem, "content/story.en.md", lines)
    event("no document" if document is None else "a document")
    for problem in problems:
        event(f"problem: {problem.field if problem.field in FIELDS else 'other field'}")
    if document is None:
        assert problems, "a file that gives no document must say why"
    else:
        assert all(1 <= line <= lines for line in document.lines.values())


@bounded(600)
@given(text=document_text())
def test_split_and_parse_answer_every_text(text):
    """The two steps the loader is made of, on text that is already decoded (surrogates included)."""
    front, rest, body_line, problems = split_front_matter(text, "s.md")
    assert (front is None) == bool(problems)
    if front is not None:
        values, lines, problems = parse_front_matter(front, "s.md")
        assert set(lines) >= set(values)
    for problem in problems:
        assert_well_formed(
            problem, "s.md", text.count("\n") + text.count("\r") + text.count("\x85") + text.count("\u2028") + text.count("\u2029") + 1
        )


@st.composite
def near_valid_story(draw, lang: str | None = None, key: str | None = None) -> str:
    """A story that is right two times in three, with hostile but valid text wherever text goes; otherwise one
    field has an odd YAML shape, is missing, or holds characters a page cannot show."""
    mode = draw(st.sampled_from(["good"] * 17 + ["odd shape", "missing", "bad characters"]))
    text = hostile_text if mode == "bad characters" else clean_text
    fields = {
        "title": quote_double(draw(text) + "x"),
        "date": draw(
            st.sampled_from(
                ["2025-04-30", "2025-04-30T23:30:00", "2025-04-30T09:30:00+14:00", "2025-01-01T00:00:00-12:00"]
                + (["0001-01-01", "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"] if mode != "good" else [])
            )
        ),
        "lang": lang or draw(st.sampled_from(LANGUAGES)),
        "topics": draw(st.sampled_from(["[ai-chips]", "[ai-chips, geopolitics]", "[geopolitics]"])),
        "story": key or draw(st.sampled_from(["k", "huawei-910d", "a-b"])),
        "source": "{name: "
        + quote_double(draw(text) + "S")
        + ", url: "
        + quote_double(draw(st.sampled_from(["https://www.ft.com/", 'https://x.y/a?b=<c>&d="e"', "http://h/#x"])))
        + "}",
        "summary": quote_double(draw(text) + "s"),
    }
    if draw(st.booleans()):
        fields["slug"] = draw(st.sampled_from(["ok-slug", "x", "a1-b2"] + (["con", "nul", "..", "a/b", "A"] if mode != "good" else [])))
    if draw(st.booleans()):
        fields["draft"] = "false"
    if mode in ("odd shape", "missing"):
        name = draw(st.sampled_from(sorted(fields)))
        if mode == "missing":
            del fields[name]
        else:
            fields[name] = draw(yaml_value)
    lines = draw(st.lists(clean_line if mode == "good" else st.one_of(hostile_text, clean_line), max_size=6))
    lines += draw(st.lists(st.sampled_from(["---", "...", "--- ", "***", "# Title", "<div>", "|a|b|", "```", "[x]: y"]), max_size=3))
    return "---\n" + "".join(f"{name}: {value}\n" for name, value in fields.items()) + "---\n" + "\n".join(draw(st.permutations(lines)))


@bounded(800)
@given(text=st.one_of(near_valid_story(), document_text()))
def test_validator_answers_every_document(scratch, text):
    """check_story gives a Story or problems pointing into the file; a Story's fields are clean text."""
    document, problems = load_bytes(scratch, encode(text, 0), "2025/story.md")
    if document is None:
        return
    story, found = check_story(document, SETTINGS, TOPICS)
    event("a story" if story else "problems")
    assert (story is None) == bool(found or problems)
    for problem in found:
        assert_well_formed(problem, "content/2025/story.md", text.count("\n") + 1)
    if story is not None:
        for value in (story.title, story.summary, *(s.name for s in story.sources)):
            assert value == value.strip() and value and "\n" not in value
            assert not any(unicodedata.category(char) in ("Cc", "Cs") for char in value)
        for problem in check_collection([story], {story: story_url(story, SETTINGS)}):  # a reserved name such as slug: con
            event("an unsafe address")
            assert problem.field == "slug"
            assert_well_formed(problem, "content/2025/story.md", text.count("\n") + 1)


# -- the whole pipeline, rendering included ---------------------------------------------------------

FILE_NAMES = st.one_of(
    st.sampled_from(
        [
            "chips",
            "Huawei Chips",
            "ÉTÉ",
            "Китай чипы",
            "caf\u00e9",
            "cafe\u0301",
            "CON",
            "nul",
            "aux.en",
            "..x",
            "a\\..\\..\\b",
            "C:\\x",
            "  ",
            "x.",
            "\U0001f600",
            "version.2",
            "-",
            "a" * 180,
            "com1",
            "lpt9.fr",
            "bell\x07",
            "new\nline",
            os.fsdecode(b"latin1-caf\xe9"),
            "zero\u200bwidth",
        ]
    ),
    st.text(alphabet=st.characters(blacklist_characters="/", blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20),
)


@pytest.fixture(scope="module")
def project_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pipeline")


def fresh_project(root: Path, files: dict[str, bytes]) -> Path:
    import shutil

    for child in root.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    (root / "content").mkdir()
    (root / "content" / "topics.yml").write_text(
        'ai-chips: {en: AI chips, ru: ИИ-чипы, fr: "Puces d\'IA"}\ngeopolitics: {en: Geo, ru: Гео, fr: Géo}\n', encoding="utf-8"
    )
    for name, data in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


@st.composite
def corpus(draw) -> list[tuple[str, str, str, str]]:
    """Up to five stories (translations of one or two keys) under hostile file names; suffixes mostly agree with lang."""
    stories = []
    for index in range(draw(st.integers(1, 5))):
        lang = draw(st.sampled_from(LANGUAGES))
        suffix = draw(st.sampled_from([f".{lang}"] * 5 + ["", "", "", ".de", ".ru"]))
        key = draw(st.sampled_from([f"story-{index}", f"story-{index}", "shared"]))
        folder = draw(st.sampled_from(["", "2025/04/", "a/b/", "Ünï/"]))
        stories.append((draw(FILE_NAMES), suffix, draw(near_valid_story(lang=lang, key=key)), folder))
    return stories


@bounded(120)
@given(stories=corpus())
def test_pipeline_ends_in_pages_or_problems(project_root, stories):
    """build_site on a project of hostile stories: every page is safe to write, or every problem names its file."""
    files: dict[str, bytes] = {}
    for name, suffix, text, folder in stories:
        if name.startswith(".") or len(os.fsencode(name + suffix)) > 200:
            continue  # hidden files are skipped by design; longer names than most file systems take
        files[f"{folder}{name}{suffix}.md"] = encode(text, 0)
    root = fresh_project(project_root, files)
    site = build_site(Settings(root=str(root), templates_dir=TEMPLATES, languages=LANGUAGES))
    known = {shown_path(f"content/{name}") for name in files} | {"content/topics.yml", "mkdocs.yml"}
    for problem in site.problems:
        assert problem.path in known, problem
        assert problem.field and "\n" not in str(problem)
        str(problem).encode("utf-8")
    event(f"{len(site.stories)} stories rendered" if site.ok else "problems")
    for problem in site.problems:
        event(f"problem: {problem.field if problem.field in FIELDS or problem.field in ('file', 'body') else 'other field'}")
    if site.problems:
        assert not site.pages
        return
    for pages in site.pages.values():
        paths = [checked_path(page.path) for page in pages]  # raises for a path that would leave the site
        assert len(set(paths)) == len(paths), "two pages share one path"
        for page in pages:
            assert all(part not in ("", ".", "..") for part in page.path.split("/"))
    for story in site.stories:
        url = story_url(story, site.settings)
        assert url.isascii() and url == url.lower() and "\\" not in url, url
        page = next(p for p in site.pages[story.lang] if p.path.endswith(url.removeprefix(f"{story.lang}/") + "index.md"))
        header = (json.dumps(page.meta, ensure_ascii=False) + page.head).split("</header>", 1)[
            0
        ]  # front matter and header: every value in them is the editor's text
        assert "<script" not in header and 'onload="' not in header, header
