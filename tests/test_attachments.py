"""Pictures and files beside a story: published with it in every language that links to them, sized, lazy,
shared as the story's picture, and checked (a missing file or a picture without alt text names the story's file
and line). Read back from a real `mkdocs build --strict`, and seen in Chromium under /<repo>/."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, mkdocs
from generator.attachments import links, sized_images

EN = "content/2025/04/satellite-images-point-to-new-huawei-ai-chip-plants.en.md"
RU = "content/2025/04/sputnikovye-snimki-ukazali-na-novye-zavody-huawei-po-vypusku-ii-chipov.ru.md"
EN_URL = "2025/04/satellite-images-point-to-new-huawei-ai-chip-plants/"
RU_URL = "ru/2025/04/sputnikovye-snimki-ukazali-na-novye-zavody-huawei-po-vypusku-ii-chipov/"
OTHER = "huawei-ships-ascend-910b-computing-clusters-to-chinese-customers"


def png(width: int, height: int) -> bytes:
    """A real PNG file of that size, one red pixel row after another."""
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def append(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8").rstrip() + "\n\n" + text + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("attachments"))
    (project / "content/2025/04/chart.png").write_bytes(png(640, 320))
    folder = project / "content/2025/04/satellite-images-point-to-new-huawei-ai-chip-plants"  # a folder named after the story
    folder.mkdir()
    (folder / "plants.png").write_bytes(png(300, 200))
    (folder / "report.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    append(project, EN, "![Output of the three plants by year](chart.png)\n\n"
                        "![The plants seen from above](satellite-images-point-to-new-huawei-ai-chip-plants/plants.png)\n\n"
                        "Read [the full report](satellite-images-point-to-new-huawei-ai-chip-plants/report.pdf) "
                        f"and [the story before it]({OTHER}.en.md).")  # fmt: skip
    append(project, RU, "![Выпуск трёх заводов по годам](chart.png)")
    return project


@pytest.fixture(scope="module")
def site(project) -> Path:
    mkdocs(project, "build", "--strict")
    return project / "site"


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_files_a_story_links_to_are_published_with_it_in_each_language(site):
    assert (site / EN_URL / "chart.png").read_bytes() == (site / RU_URL / "chart.png").read_bytes()
    assert (site / EN_URL / "satellite-images-point-to-new-huawei-ai-chip-plants/plants.png").is_file()
    assert (site / EN_URL / "satellite-images-point-to-new-huawei-ai-chip-plants/report.pdf").is_file()
    assert not (site / "2025/04/chart.png").exists()  # only what a page links to, where the page links it


def test_pictures_get_their_size_and_load_lazily(site):
    images = {img["src"]: img for img in soup(site, EN_URL).select("article img")}
    chart = images["chart.png"]
    assert (chart["width"], chart["height"], chart["loading"]) == ("640", "320", "lazy")
    plants = images["satellite-images-point-to-new-huawei-ai-chip-plants/plants.png"]
    assert (plants["width"], plants["height"]) == ("300", "200")


def test_the_first_picture_is_the_one_shared_with_the_link(site):
    page = soup(site, RU_URL)
    image = f"https://example.github.io/digest/{RU_URL}chart.png"
    assert page.find("meta", property="og:image")["content"] == image
    assert page.find("meta", attrs={"name": "twitter:image"})["content"] == image
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


def test_the_feed_entry_carries_the_picture(site):
    import feedparser

    feed = feedparser.parse((site / "ru" / "feed.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith(RU_URL))
    enclosures = [link for link in entry.links if link.rel == "enclosure"]
    assert [(e.href, e.type) for e in enclosures] == [(f"https://example.github.io/digest/{RU_URL}chart.png", "image/png")]
    assert int(enclosures[0].length) == len(png(640, 320))
    rss = feedparser.parse((site / "ru" / "rss.xml").read_bytes())
    assert next(e for e in rss.entries if e.link.endswith(RU_URL)).enclosures[0].href.endswith("chart.png")


def test_a_link_to_another_story_file_goes_to_its_page(site):
    link = soup(site, EN_URL).find("a", string="the story before it")
    assert link["href"] == f"../{OTHER}/"


def test_pictures_load_in_chromium_under_a_project_path(site, chromium):
    from serving import Reader, serve

    with serve(site, "/digest/") as (base, _):
        tab = Reader(chromium, base)
        try:
            page = tab.open(RU_URL)
            image = page.locator("article img").first
            image.scroll_into_view_if_needed()
            page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle(), timeout=10_000)
            assert image.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [640, 320]
            assert tab.errors == [] and tab.foreign_requests() == []
        finally:
            tab.close()


def test_a_missing_file_and_a_picture_without_alt_text_name_the_story_file_and_line(tmp_path):
    project = copy_project(tmp_path)
    path = project / EN
    lines = path.read_text(encoding="utf-8").rstrip().split("\n")
    append(project, EN, "![](chart.png)\n\n[The data](data/plants.csv)")
    result = mkdocs(project, "build", "--strict", check=False)
    assert result.returncode != 0
    assert f"{EN}:{len(lines) + 2}: body: the image chart.png has no alt text" in result.stderr
    assert f"{EN}:{len(lines) + 2}: body: links to chart.png, but there is no chart.png in content/2025/04/" in result.stderr
    assert f"{EN}:{len(lines) + 4}: body: links to data/plants.csv, but there is no data/plants.csv in content/2025/04/" in result.stderr
    assert "index.md" not in result.stderr  # never MkDocs' virtual path


def test_mkdocs_warnings_about_a_story_name_its_file(tmp_path):
    project = copy_project(tmp_path)
    draft = project / "content/2025/04/unfinished.en.md"
    draft.write_text((project / EN).read_text(encoding="utf-8").replace("story: huawei-ascend-910d", "story: unfinished\ndraft: true"))
    append(project, EN, "See [the draft](unfinished.en.md).")  # a draft has no page in a build: MkDocs warns
    result = mkdocs(project, "build", "--strict", check=False)
    assert result.returncode != 0
    assert f"Doc file '{EN}' contains a link 'unfinished.en.md'" in result.stderr
    assert "2025/04/satellite-images-point-to-new-huawei-ai-chip-plants/index.md" not in result.stderr


def test_links_are_found_with_their_lines_and_code_is_left_alone():
    body = "Text\n\n![A](a.png)\n\n`[no](code.png)`\n\n```\n![no](block.png)\n```\n\n[ref]: doc.pdf\n<img src='b.png' alt=''>\n"
    assert [(link.target, link.line, link.image, link.alt) for link in links(body, 10)] == [
        ("a.png", 12, True, "A"),
        ("doc.pdf", 20, False, None),
        ("b.png", 21, True, ""),
    ]


def test_sized_images_leaves_web_images_and_given_sizes_alone():
    html = '<p><img alt="a" src="x.png" /><img src="https://e.org/y.png" alt="b"><img src="x.png" width="5" alt="c"></p>'
    sized = sized_images(html, "2025/04/s/", {"2025/04/s/x.png": (10, 20)})
    assert sized.count('loading="lazy"') == 3
    assert sized.count('width="10" height="20"') == 1 and 'width="5"' in sized
