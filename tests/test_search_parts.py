"""A language with many stories is indexed by Pagefind in parts (its memory grows with what it indexes), and the
search box searches every part: a reader finds stories of each part from the one box."""

from __future__ import annotations

from pathlib import Path

from generator.mkdocs_plugin.search import part_globs


def pages(folder: Path, counts: dict[str, int]) -> None:
    for unit, count in counts.items():
        for number in range(count):
            page = folder / unit / f"story-{number}" / "index.html"
            page.parent.mkdir(parents=True)
            page.write_text("<p>text</p>", encoding="utf-8")


def test_months_are_shared_out_in_order_and_whole(tmp_path):
    pages(tmp_path, {"2024/12": 3, "2025/01": 2, "2025/02": 4, "2025/03": 1})
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text("<p>about</p>", encoding="utf-8")
    assert part_globs(str(tmp_path), 5) == [
        "{2024/12,2025/01}/**/index.html",
        "{2025/02,2025/03}/**/index.html",
        "about/**/index.html",
    ]
    assert part_globs(str(tmp_path), 2) == [  # a month with more pages than a part stays whole
        "2024/12/**/index.html",
        "2025/01/**/index.html",
        "2025/02/**/index.html",
        "{2025/03,about}/**/index.html",
    ]
    assert part_globs(str(tmp_path), 11) == ["**/index.html"]


def test_a_folder_name_a_glob_would_misread_keeps_one_part(tmp_path):
    pages(tmp_path, {"2025/01": 2, "a{b,c}": 2})
    assert part_globs(str(tmp_path), 2) == ["**/index.html"]
