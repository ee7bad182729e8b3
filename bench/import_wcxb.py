"""Score `digest import` on a second, outside set of pages: the article pages of WCXB's test split.

WCXB (Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0, 2026) holds pages of 2025 with human-reviewed
main content; its "article" pages are mostly blogs, guides, listicles and vendors' posts in English rather than
news. Nothing of the importer was fitted or chosen on them: they say how the figures of `make import-score` carry
over to pages unlike the corpus's. The pages are not kept in the repository; make them from a mirror:

    git clone --mirror https://github.com/Murrough-Foley/web-content-extraction-benchmark /work/.mirror/wcxb/repo
    /work/tmp-venv/bin/python bench/import_wcxb.py render --mirror /work/.mirror/wcxb/repo --out /tmp/wcxb.json
    .venv/bin/python bench/import_wcxb.py score /tmp/wcxb.json

`render` needs what tests/import_corpus/build_corpus.py needs (Playwright, Debian's Chromium, trafilatura, py3langid,
lxml: a throwaway environment, see tests/import_corpus/README.md) and makes the copied text and the truth the same
way: Chromium's innerText, the body's first and last sentence, the headline as a whole line before the text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def render(mirror: str, split: str, out: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "import_corpus"))
    import build_corpus as corpus

    def git(*args: str) -> bytes:
        return subprocess.run(["git", f"--git-dir={mirror}", *args], capture_output=True, check=True).stdout

    commit = git("rev-parse", "HEAD").decode().strip()
    pages = []
    for name in git("ls-tree", "-r", "--name-only", "HEAD", f"{split}/ground-truth").decode().split():
        record = json.loads(git("show", f"HEAD:{name}"))
        truth = record.get("ground_truth") or {}
        if record.get("_internal", {}).get("page_type", {}).get("primary") != "article" or not truth.get("main_content"):
            continue
        key = name.rsplit("/", 1)[1].removesuffix(".json")
        raw = gzip.decompress(git("show", f"HEAD:{split}/html/{key}.html.gz"))
        pages.append(
            dict(
                path=f"{split}/html/{key}.html.gz",
                url=record.get("url"),
                raw=raw,
                body=truth["main_content"],
                kind="human",
                title=truth.get("title"),
                key=key,
            )
        )
    corpus.render(pages)
    kept, dropped = [], {}
    for page in pages:
        why = corpus.derive(page)
        if why:
            dropped[why] = dropped.get(why, 0) + 1
            continue
        fields = ("headline", "first_sentence", "last_sentence", "body")
        kept.append(
            dict(
                id=f"wcxb-{page['key']}",
                language=page["lang"],
                split=split,
                commit=commit,
                path=page["path"],
                url=page["url"],
                text=page["copied"],
                **{f: page[f] for f in fields},
            )
        )
    out.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    print(f"{len(pages)} article pages, {len(kept)} kept; dropped: {dropped}")


def score(path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from import_score import score_page

    pages = json.loads(path.read_text(encoding="utf-8"))
    results = [score_page(page, page["text"]) for page in pages]
    count = len(results)
    right = {key: sum(r[key] for r in results) for key in ("lang", "headline", "start", "end")}
    print(f"{count} pages: " + ", ".join(f"{key} right {n}/{count} ({100 * n / count:.0f}%)" for key, n in right.items()), end="")
    kept = 100 * sum(r["kept"] for r in results) / count
    dropped = 100 * sum(r["dropped"] for r in results) / count
    print(f"; body words kept {kept:.1f}%, junk words dropped {dropped:.1f}%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("render", help="copied text and truth of the split's article pages, as JSON")
    make.add_argument("--mirror", required=True, help="a bare clone of the WCXB repository")
    make.add_argument("--split", default="test")
    make.add_argument("--out", type=Path, required=True)
    measure = commands.add_parser("score", help="the importer on those pages")
    measure.add_argument("pages", type=Path)
    args = parser.parse_args()
    if args.command == "render":
        render(args.mirror, args.split, args.out)
    else:
        score(args.pages)


if __name__ == "__main__":
    main()
