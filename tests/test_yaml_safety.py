"""YAML safety: front matter can build nothing but plain values, and no small file can stand for a huge one.

Tags that would construct Python objects are refused with a problem and run nothing. Alias bombs (a few lines
of anchors and aliases that stand for a billion strings) are refused before any value is built, with memory
to spare; so are values that contain themselves and lists nested thousands deep.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from generator import Settings, load_site
from generator.front_matter import parse_front_matter
from generator.loading import load_document
from generator.yaml_limits import MAX_VALUES

FIELDS = "date: 2025-04-30\nlang: en\ntopics: [ai-chips]\nstory: chips\nsource: {name: FT}\nsummary: Three plants.\n"
TOPICS = 'ai-chips: {en: AI chips, ru: ИИ-чипы, fr: "Puces d\'IA"}\n'


def billion_laughs(levels: int = 9, width: int = 10) -> str:
    """The classic: each level lists the previous one `width` times, so the last stands for width**levels strings."""
    lines = ["lol0: &lol0 lol"]
    lines += [f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * width)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def write_story(root: Path, front: str, name: str = "story.en.md") -> Path:
    path = root / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\nBody.\n", encoding="utf-8")
    (root / "content" / "topics.yml").write_text(TOPICS, encoding="utf-8")
    return path


def problems_of(root: Path) -> list[str]:
    return [str(p) for p in load_site(Settings(root=str(root), languages=("en", "ru", "fr"))).problems]


# -- tags --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!!python/module:os",
        "!!python/object:pathlib.Path {{}}",
    ],
)
def test_python_tags_are_refused_and_run_nothing(tmp_path, tag):
    marker = tmp_path / "ran"
    write_story(tmp_path, f"title: {tag.format(marker=marker)}\n{FIELDS}")
    found = problems_of(tmp_path)
    assert len(found) == 1, found
    assert found[0].startswith("content/story.en.md:2: title: cannot be read: could not determine a constructor for the tag ")
    assert found[0].endswith("write plain text, numbers, lists or maps without '!!' tags, e.g. title: plain text")
    assert not marker.exists(), "the tag ran a command"


def test_a_custom_tag_is_refused(tmp_path):
    write_story(tmp_path, f"title: !headline Huawei builds chip plants\n{FIELDS}")
    assert problems_of(tmp_path) == [
        "content/story.en.md:2: title: cannot be read: could not determine a constructor for the tag '!headline'; "
        "write plain text, numbers, lists or maps without '!!' tags, e.g. title: plain text"
    ]


@pytest.mark.parametrize(
    "value, shown",
    [
        ("!!binary aGVsbG8=", "b'hello' (bytes)"),
        ("!!set {b, a}", "{'a', 'b'} (a set)"),
    ],
)
def test_safe_tags_that_give_no_text_are_reported_as_such(tmp_path, value, shown):
    write_story(tmp_path, f"title: {value}\n{FIELDS}")
    assert problems_of(tmp_path) == [
        f"content/story.en.md:2: title: expected text, got {shown}; e.g. title: Huawei builds three AI chip plants near its campus"
    ]


# -- alias bombs -------------------------------------------------------------------------------------


def test_billion_laughs_is_refused_with_little_memory(tmp_path):
    """10**9 strings in ten lines: refused on the first line that expands too far, building almost nothing."""
    path = write_story(tmp_path, billion_laughs() + f"title: *lol9\n{FIELDS}")
    tracemalloc.start()
    try:
        document, found = load_document(path, tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000, f"loading the bomb took {peak:,} bytes"
    lines = {p.line: p for p in found}
    # lol0 is on line 2; lol4 (11,111 values) to lol9 and the title stand for more than MAX_VALUES.
    assert 1_111 < MAX_VALUES < 11_111
    assert sorted(lines) == [6, 7, 8, 9, 10, 11, 12], [str(p) for p in found]
    assert str(lines[6]) == (
        "content/story.en.md:6: lol4: is too big: it stands for more than 10,000 values or 1,000,000 characters (each YAML "
        "alias, *name, repeats a whole value, so a few lines can stand for gigabytes); shorten it, and write it out "
        "without '&' anchors and '*' aliases"
    )
    assert lines[12].field == "title"


def test_aliases_of_a_long_text_are_refused(tmp_path):
    """Few values but many characters: one 100,000-character text repeated by 20 aliases."""
    front = 'long: &long "' + "x" * 100_000 + '"\n' + "copies: [" + ", ".join(["*long"] * 20) + "]\n"
    values, lines, found = parse_front_matter(front, "s.md")
    assert values["long"] == "x" * 100_000
    assert [(p.line, p.field) for p in found] == [(3, "copies")]
    assert "is too big" in found[0].message


def test_the_whole_pipeline_survives_a_bomb_in_the_topic_registry(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "topics.yml").write_text(billion_laughs() + TOPICS, encoding="utf-8")
    found = problems_of(tmp_path)
    assert any(p.startswith("content/topics.yml:5: lol4: is too big") for p in found), found
    assert any(p.startswith("content/topics.yml:10: lol9: is too big") for p in found), found


def test_a_value_that_contains_itself_is_refused(tmp_path):
    values, lines, found = parse_front_matter("me: &me [a, *me]\ntitle: ok\n", "s.md")
    assert [str(p) for p in found] == [
        "s.md:2: me: contains itself through a YAML alias (*name); write the value out in full, without '&' anchors and '*' aliases"
    ]
    assert values["title"] == "ok"


def test_lists_nested_thousands_deep_are_refused_not_a_crash(tmp_path):
    for depth in (100, 100_000):
        values, lines, found = parse_front_matter("title: " + "[" * depth + "]" * depth + "\n", "s.md")
        assert len(found) == 1 and found[0].line == 2, [str(p) for p in found]
        assert "nested" in found[0].message


@pytest.mark.parametrize("parser", ["libyaml", "python"])
def test_nesting_at_any_depth_gets_our_message_from_either_parser(monkeypatch, parser):
    """libyaml (PyYAML 6.0.4+) stops past about 1,000 levels with its own error; the editor still gets ours."""
    import yaml

    import generator.front_matter as front_matter
    import generator.yaml_limits as limits

    if parser == "python":
        monkeypatch.setattr(front_matter, "Loader", yaml.SafeLoader)
        monkeypatch.setattr(limits, "Loader", yaml.SafeLoader)
    elif not yaml.__with_libyaml__:
        pytest.fail("this PyYAML was built without libyaml; install a PyYAML wheel to test both parsers")
    for front in ("title: " + "[" * 3000 + "]" * 3000 + "\n", "title:\n" + "".join("  " * i + "- \n" for i in range(1500))):
        _, _, found = parse_front_matter(front, "s.md")
        assert [p.message.split(";")[0] for p in found] == ["lists or maps are nested more than 64 deep"], [str(p) for p in found]
    _, _, found = parse_front_matter("title: [a, b\n", "s.md")  # any other broken YAML keeps its own message
    assert len(found) == 1 and "invalid YAML" in found[0].message


def test_ordinary_anchors_and_merge_keys_still_work(tmp_path):
    """A small alias is fine: the limits are far above what any real front matter needs."""
    front = "ft: &ft {name: Financial Times, url: 'https://www.ft.com/'}\nsource: [*ft, {<<: *ft, name: FT Asia}]\n"
    values, lines, found = parse_front_matter(front, "s.md")
    assert found == []
    assert values["source"] == [
        {"name": "Financial Times", "url": "https://www.ft.com/"},
        {"name": "FT Asia", "url": "https://www.ft.com/"},
    ]


# -- characters YAML refuses, and where lines begin ------------------------------------------------------


def test_a_control_character_is_named_on_its_own_line(tmp_path):
    values, lines, found = parse_front_matter("title: A\nsummary: B\x07C\n", "s.md")
    assert [str(p) for p in found] == [
        "s.md:3: front matter: contains U+0007 (a control character), which YAML does not allow; delete it "
        "(text copied from web pages often carries invisible characters)"
    ]


def test_an_invisible_line_separator_is_named(tmp_path):
    values, lines, found = parse_front_matter("title: Huawei\u2028builds plants\nlang: en\n", "s.md")
    assert len(found) == 1
    assert "(the text holds U+2028 LINE SEPARATOR, an invisible line break; delete it or quote the value)" in found[0].message


def test_key_lines_count_only_real_line_breaks(tmp_path):
    """YAML also ends lines at U+0085, U+2028 and U+2029; the editor's editor does not, and the lines we report
    are the editor's."""
    front = 'title: "Huawei\u2028builds\x85plants"\nsummary: [a,\u2029b]\nlang: en\n'
    values, lines, found = parse_front_matter(front, "s.md")
    assert found == []
    assert lines == {"title": 2, "summary": 3, "lang": 4}


def test_a_lone_surrogate_passed_in_as_text_is_a_problem(tmp_path):
    values, lines, found = parse_front_matter("title: ok\nsummary: a\ud800b\n", "s.md")
    assert [(p.line, p.field) for p in found] == [(3, "front matter")]
    assert "U+D800" in found[0].message
