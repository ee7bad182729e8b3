"""Peers of `digest import`: the same pages through HTML extractors, scored the way the importer is.

The importer reads the copied text ("select all, copy"); trafilatura, readability-lxml (a Python port of Arc90's
Readability, which Firefox's reader view grew from) and newspaper4k read the page's HTML, with its tags, classes, <h1>, <article> and
<meta>. How often each finds the headline, the article's first sentence and its last says where the issue's
targets stand against the field's tools, which have more to go on. Only pages whose truth people wrote count: the
corpus's scrapinghub pages (the benchmark's human articleBody) and WCXB's (human-reviewed main content). The
corpus's other pages took trafilatura's own extraction as their truth and would grade it against itself.

    /work/tmp-venv/bin/python bench/import_peers.py extract --out /tmp/peers.json \\
        --corpus scrapinghub/article-extraction-benchmark=/work/.mirror/scrapinghub+article-extraction-benchmark/repo \\
        --wcxb /tmp/wcxb.json=/work/.mirror/Murrough-Foley+web-content-extraction-benchmark/repo
    .venv/bin/python bench/import_peers.py score /tmp/peers.json

`extract` needs trafilatura, readability-lxml and newspaper4k (a throwaway environment, like the corpus builder's;
they are not the project's dependencies); `score` needs the project's environment: it runs the importer on the
pages' copied text beside them. `--wcxb` takes a file written by `bench/import_wcxb.py render`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
import warnings
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "import_corpus"
HUMAN = "the benchmark's human-made articleBody"
FIELDS = ("id", "split", "language", "headline", "first_sentence", "last_sentence", "body", "text")


def html_of(mirror: str, commit: str, path: str) -> bytes:
    raw = subprocess.run(["git", f"--git-dir={mirror}", "show", f"{commit}:{path}"], capture_output=True, check=True).stdout
    return gzip.decompress(raw) if path.endswith(".gz") else raw


def trafilatura_(html: bytes, url: str | None) -> tuple[str, str]:
    import trafilatura

    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    return (found.title or "", found.text or "") if found else ("", "")


def readability_(html: bytes, url: str | None) -> tuple[str, str]:
    import lxml.html
    from readability import Document

    document = Document(html, url=url)
    tree = lxml.html.fromstring(document.summary(html_partial=True))
    blocks = tree.xpath("//p|//li|//h1|//h2|//h3|//h4|//blockquote|//pre") or [tree]
    return document.short_title(), "\n".join(block.text_content() for block in blocks)


def newspaper_(html: bytes, url: str | None) -> tuple[str, str]:
    from newspaper import Article
    from trafilatura.utils import decode_file

    article = Article(url or "http://127.0.0.1/page.html", language=None, fetch_images=False)  # no network
    article.download(input_html=decode_file(html))
    article.parse()
    return article.title or "", article.text or ""


PEERS = {"trafilatura": trafilatura_, "readability-lxml": readability_, "newspaper4k": newspaper_}  # pip's names


def extract(corpus_mirrors: dict[str, str], wcxb: dict[str, str], out: Path) -> None:
    warnings.simplefilter("ignore")
    pages = []
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    for page in manifest["pages"]:
        source = page["source"]
        if source["truth"] == HUMAN and source["repo"] in corpus_mirrors:
            html = html_of(corpus_mirrors[source["repo"]], source["commit"], source["path"])
            text = (CORPUS / page["text"]).read_text(encoding="utf-8")
            pages.append(({**page, "text": text, "set": "corpus"}, html, source.get("url")))
    for path, mirror in wcxb.items():
        for page in json.loads(Path(path).read_text(encoding="utf-8")):
            pages.append(({**page, "set": "WCXB"}, html_of(mirror, page["commit"], page["path"]), page.get("url")))
    results = []
    for page, html, url in pages:
        peers = {}
        for name, run in PEERS.items():
            began = time.perf_counter()
            try:
                title, text = run(html, url)
            except Exception as error:  # a peer that fails on a page scores nothing on it, as a user would see
                title, text = "", f"[{type(error).__name__}]"
            peers[f"{name} {version(name)}"] = {"title": title, "text": text, "seconds": time.perf_counter() - began}
        saved = html.decode("utf-8", errors="replace")  # what "Save page as…" keeps, for the importer's own row
        results.append({"set": page["set"], **{field: page[field] for field in FIELDS}, "peers": peers, "html": saved})
        print(f"{len(results)}/{len(pages)} {page['id']}", file=sys.stderr)
    out.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")


def body_of(found: dict, truth: dict) -> str:
    """The peer's text without the headline it may print first (trafilatura and Readability often do): the scoring
    leans the peers' way, so that a miss is a miss of the article's first sentence, not of a convention."""
    from import_score import norm_end

    lines = found["text"].strip().split("\n")
    titles = {norm_end(found["title"]), norm_end(truth["headline"])}
    while lines and norm_end(lines[0]) in titles | {""}:
        lines.pop(0)
    return "\n".join(lines)


def score(path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from import_score import corrected, corrections, headline_right, norm, norm_end, score_page

    fixes = corrections()
    pages = json.loads(path.read_text(encoding="utf-8"))
    rows: dict[tuple[str, str, str], list[dict]] = {}
    for page in pages:
        truth = corrected(page, fixes) if page["set"] == "corpus" else page
        ours = score_page(page, page["text"], truth)
        half = "held-out" if page["split"] == "heldout" else page["split"]
        group = (page["set"], half)
        rows.setdefault((*group, "digest import (copied text)"), []).append(ours["corrected"])
        if "html" in page:  # the page saved from the browser, read by the importer (generator/editor/importer/saved_page.py)
            rows.setdefault((*group, "digest import (saved HTML)"), []).append(score_page(page, page["html"], truth)["corrected"])
        for name, found in page["peers"].items():
            rows.setdefault((*group, f"{name} (HTML)"), []).append(
                {
                    "headline": headline_right(found["title"], truth["headline"]) or headline_right(truth["headline"], found["title"]),
                    "start": norm(body_of(found, truth)).startswith(norm_end(truth["first_sentence"])),
                    "end": norm_end(found["text"]).endswith(norm_end(truth["last_sentence"])),
                }
            )
    print("| pages | half | tool | headline right | start right | end right | all three |")
    print("|---|---|---|---|---|---|---|")
    for (kind, half, tool), scored in rows.items():
        n = len(scored)
        cells = [sum(r[key] for r in scored) for key in ("headline", "start", "end")]
        cells.append(sum(r["headline"] and r["start"] and r["end"] for r in scored))
        shown = " | ".join(f"{c}/{n} ({100 * c / n:.0f}%)" for c in cells)
        print(f"| {kind} | {half} | {tool} | {shown} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("extract", help="run the HTML extractors on the pages with human truth")
    run.add_argument("--corpus", action="append", default=[], help="REPO=MIRROR: a bare clone of a corpus source")
    run.add_argument("--wcxb", action="append", default=[], help="PAGES.json=MIRROR: import_wcxb.py's pages, WCXB's clone")
    run.add_argument("--out", type=Path, required=True)
    measure = commands.add_parser("score", help="the extractors' results and the importer's, side by side")
    measure.add_argument("pages", type=Path)
    args = parser.parse_args()
    if args.command == "extract":
        pairs = lambda items: dict(item.split("=", 1) for item in items)  # noqa: E731
        extract(pairs(args.corpus), pairs(args.wcxb), args.out)
    else:
        score(args.pages)


if __name__ == "__main__":
    main()
