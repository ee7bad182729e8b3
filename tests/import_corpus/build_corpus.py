"""Rebuild the import corpus (tests/import_corpus/) from public benchmark repositories.

NOT run by the tests. It needs, outside the project's own environment:
  * git mirrors of the source repositories (bare git dirs), default /work/.mirror/<owner>+<name>/repo;
    get them with `git clone --mirror https://github.com/<owner>/<name> <dir>` (see README.md);
  * a throwaway venv with trafilatura, lxml_html_clean, py3langid and playwright
    (python -m venv /work/tmp-venv && /work/tmp-venv/bin/pip install trafilatura lxml_html_clean py3langid playwright);
  * Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium).

    /work/tmp-venv/bin/python tests/import_corpus/build_corpus.py [--mirrors DIR] [--work DIR]

Stages: list candidate pages -> derive truth (headline, body, first/last sentence) -> render each page's HTML in
Chromium with JavaScript off and every request but the page itself refused, and take document.body.innerText
(what select-all + copy gives) -> keep only pages whose truth can be found in the copied text -> balance
languages and sites -> split by site into dev / heldout -> write pages/*.txt and manifest.json.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
import re
import subprocess
import sys
import unicodedata
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOS = {
    "scrapinghub/article-extraction-benchmark": "scrapinghub+article-extraction-benchmark",
    "adbar/trafilatura": "adbar+trafilatura",
    "mozilla/readability": "mozilla+readability",
    "AndyTheFactory/newspaper4k": "AndyTheFactory+newspaper4k",
}
# How many pages to keep at most, per language and per site.
LANG_CAP = {"en": 78, "de": 16, "fr": 14, "es": 14, "pl": 12, "pt": 12}
DEFAULT_CAP = 12
SITE_CAP = 2
# Pages dropped after reading them (truth not established confidently), by source path.
EXCLUDE: dict[str, str] = {}
# Hand-set truth, by source path: {"headline": ..., "first_sentence": ..., "last_sentence": ...}.
OVERRIDE: dict[str, dict[str, str]] = {}

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»”’)\]]*\s+(?=[\"'«“„(\[¿¡]?[0-9A-ZÀ-ÖØ-ÞĀ-žА-ЯЁІЇЄҐ])|(?<=[。！？])[」』”）]*")


# ---------------------------------------------------------------- helpers shared with the scorer's rules
def norm(text: str) -> str:
    """Compare form: NFKC, one kind of quote and dash, whitespace collapsed, case folded."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u300c\u300d]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[\u00ad\u200b-\u200d\u2060\ufeff]", "", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def norm_end(text: str) -> str:
    return re.sub(r"[\s.,;:!?…。！？\"')\]»]+$", "", norm(text))


def words(text: str) -> list[str]:
    """Word tokens; CJK text counts each character as a word."""
    return re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W_]+", norm(text))


def is_cjk(text: str) -> bool:
    return len(CJK.findall(text)) > len(text) / 4


def sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(paragraph) if s and s.strip()]


def prose(paragraph: str) -> bool:
    """A paragraph of running text, not a caption, byline or one-word label."""
    if is_cjk(paragraph):
        return len(CJK.findall(paragraph)) >= 12
    return len(paragraph.split()) >= 8


# ---------------------------------------------------------------- sources
class Git:
    def __init__(self, path: Path):
        self.path = path
        self.commit = self.run("rev-parse", "HEAD").decode().strip()

    def run(self, *args) -> bytes:
        return subprocess.run(["git", f"--git-dir={self.path}", *args], capture_output=True, check=True).stdout

    def show(self, path: str) -> bytes:
        return self.run("show", f"{self.commit}:{path}")

    def ls(self, path: str) -> list[str]:
        return [p for p in self.run("ls-tree", "-r", "--name-only", "-z", self.commit, path).decode().split("\0") if p]


def candidates(mirrors: Path):
    """(repo, path, url, raw html bytes, reference body or None, extra) for every candidate page."""
    git = {name: Git(mirrors / folder / "repo") for name, folder in REPOS.items()}
    sh = git["scrapinghub/article-extraction-benchmark"]
    for key, truth in json.loads(sh.show("ground-truth.json")).items():
        path = f"html/{key}.html.gz"
        yield dict(
            repo=sh,
            repo_name="scrapinghub/article-extraction-benchmark",
            path=path,
            url=truth["url"],
            raw=gzip.decompress(sh.show(path)),
            body=truth["articleBody"],
            kind="human",
        )
    tr = git["adbar/trafilatura"]
    files = {p.rsplit("/", 1)[1]: p for p in tr.ls("tests/eval") + tr.ls("tests/cache")}
    for url, v in json.loads(tr.show("tests/evaldata.json")).items():
        if v["file"] in files:
            yield dict(
                repo=tr,
                repo_name="adbar/trafilatura",
                path=files[v["file"]],
                url=url,
                raw=tr.show(files[v["file"]]),
                body=None,
                kind="trafilatura",
                title=v.get("title"),
                with_=v.get("with", []),
                without=v.get("without", []),
            )
    rd = git["mozilla/readability"]
    for path in rd.ls("test/test-pages"):
        if path.endswith("/source.html") and "/extraction/" not in path:
            folder = path.rsplit("/", 1)[0]
            meta = json.loads(rd.show(f"{folder}/expected-metadata.json") or b"{}")
            yield dict(
                repo=rd,
                repo_name="mozilla/readability",
                path=path,
                url=None,
                raw=rd.show(path),
                reference=html_text(rd.show(f"{folder}/expected.html")),
                kind="readability",
                title=meta.get("title"),
            )
    np_ = git["AndyTheFactory/newspaper4k"]
    for path in np_.ls("tests/data/metadata"):
        name = path.rsplit("/", 1)[1][:-5]
        meta = json.loads(np_.show(path))
        try:
            raw, ref = np_.show(f"tests/data/html/{name}.html"), np_.show(f"tests/data/txt/{name}.txt").decode()
        except subprocess.CalledProcessError:
            continue
        yield dict(
            repo=np_,
            repo_name="AndyTheFactory/newspaper4k",
            path=f"tests/data/html/{name}.html",
            url=meta.get("url"),
            raw=raw,
            reference=ref,
            kind="newspaper",
            title=meta.get("title"),
        )


def html_text(raw: bytes) -> str:
    from lxml import html as lh

    if not raw.strip():
        return ""
    return "\n\n".join(
        re.sub(r"\s+", " ", el.text_content()).strip() for el in lh.fromstring(raw).iter("p", "li", "h2", "h3", "blockquote", "pre")
    )


def title_candidates(raw: bytes, given: str | None) -> list[str]:
    from lxml import html as lh

    try:
        doc = lh.fromstring(raw)
    except Exception:
        return []
    found = [re.sub(r"\s+", " ", h.text_content()).strip() for h in doc.xpath("//h1")]
    found += [c.strip() for c in doc.xpath("//meta[@property='og:title']/@content")]
    found += [given] if given else []
    found += [re.sub(r"\s+", " ", t.text_content()).strip() for t in doc.xpath("//title")]
    out = []
    for title in found:
        if not title:
            continue
        out.append(title)
        for sep in (" | ", " - ", " – ", " — ", " :: ", " _ ", "_", " · "):
            if sep in title:
                out.append(title.split(sep)[0].strip())
                out.append(title.rsplit(sep, 1)[0].strip())
    return list(dict.fromkeys(out))


def page_url(raw: bytes) -> str | None:
    """The page's own address, from its canonical link or og:url, for sources that do not give one."""
    from lxml import html as lh

    try:
        doc = lh.fromstring(raw)
    except Exception:
        return None
    found = doc.xpath("//link[@rel='canonical']/@href") + doc.xpath("//meta[@property='og:url']/@content")
    return next((u.strip() for u in found if u.strip().startswith("http")), None)


def host(url: str | None, fallback: str) -> str:
    name = urllib.parse.urlsplit(url).hostname if url else None
    return re.sub(r"^(www\d?|m)\.", "", name or fallback)


# ---------------------------------------------------------------- rendering
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
PAGE_URL = "http://127.0.0.1:9/page.html"


def render(pages: list[dict]) -> None:
    """page['copied'] = document.body.innerText of the page in Chromium, JS off, every other request refused."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
        for page_rec in pages:
            raw = page_rec["raw"]
            try:
                raw.decode("utf-8")
                ctype = "text/html; charset=utf-8"
            except UnicodeDecodeError:
                ctype = "text/html"  # the page's own <meta charset> decides

            def handle(route, request, raw=raw, ctype=ctype):
                if request.url == PAGE_URL:
                    route.fulfill(status=200, body=raw, headers={"content-type": ctype})
                else:
                    route.abort()

            page = context.new_page()
            page.route("**/*", handle)
            try:
                page.goto(PAGE_URL, wait_until="load", timeout=30000)
                page_rec["copied"] = page.evaluate("document.body ? document.body.innerText : ''")
            except Exception as error:  # a page that cannot be loaded is left out
                print("render failed", page_rec["path"], error, file=sys.stderr)
                page_rec["copied"] = None
            finally:
                page.close()
        browser.close()


# ---------------------------------------------------------------- truth
def derive(rec: dict) -> str | None:
    """Fill headline, body, first_sentence, last_sentence; return why the page is dropped, or None."""
    import py3langid
    import trafilatura

    if rec["kind"] == "human":
        body = rec["body"]
    else:
        body = trafilatura.extract(rec["raw"], favor_precision=True, include_comments=False, include_tables=False, deduplicate=False) or ""
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n+", body) if p.strip()]
    keep = [i for i, p in enumerate(paragraphs) if prose(p)]
    if len(keep) < 2:
        return "too little prose"
    paragraphs = paragraphs[keep[0] : keep[-1] + 1]
    body = "\n\n".join(paragraphs)
    rec["lang"] = py3langid.classify(body)[0]
    rec["body"] = body
    rec["first_sentence"] = sentences(paragraphs[0])[0]
    rec["last_sentence"] = sentences(paragraphs[-1])[-1]
    copied = rec["copied"]
    if not copied:
        return "no copied text"
    flat = norm(copied)
    if any(mark in copied for mark in ("Ã©", "Ã¤", "Ð¾", "â€")):
        return "mojibake in copied text"
    lines = [norm(line) for line in copied.split("\n")]
    # independent checks of the derived body
    if rec["kind"] == "trafilatura":
        if not all(norm(s) in norm(body) for s in rec["with_"]) or any(norm(s) in norm(body) for s in rec["without"] if len(s) > 12):
            return "trafilatura body fails the benchmark's with/without snippets"
    if rec["kind"] in ("readability", "newspaper"):
        ref = norm(rec["reference"])
        if norm_end(rec["first_sentence"]) not in ref or norm_end(rec["last_sentence"]) not in ref:
            return "first/last sentence not in the benchmark's expected text"
    start = flat.find(norm_end(rec["first_sentence"]))
    end = flat.rfind(norm_end(rec["last_sentence"]))
    if start < 0 or end < 0 or end < start:
        return "first/last sentence not found in copied text in order"
    got = collections.Counter(words(copied))
    want = collections.Counter(words(body))
    if sum((want & got).values()) < 0.95 * sum(want.values()):
        return "body words missing from copied text"
    for title in title_candidates(rec["raw"], rec.get("title")):
        t = norm(title)
        if len(words(title)) >= 3 and t in lines and flat.find(t) < start:
            rec["headline"] = title.strip()
            break
    else:
        return "no headline found as a line before the text"
    rec.update(OVERRIDE.get(rec["path"], {}))
    return None


def split_by_site(pages: list[dict]) -> None:
    """Deal each language's sites, ordered by sha256 of the name, alternately to dev and heldout."""
    split: dict[str, str] = {}
    by_lang = collections.defaultdict(set)
    for page in pages:
        by_lang[page["lang"]].add(page["site"])
    for lang in sorted(by_lang, key=lambda lang: (len(by_lang[lang]), lang)):
        sites = sorted(by_lang[lang], key=lambda s: hashlib.sha256(s.encode()).hexdigest())
        counts = collections.Counter(split[s] for s in sites if s in split)
        for site in sites:
            if site not in split:
                split[site] = "dev" if counts["dev"] <= counts["heldout"] else "heldout"
                counts[split[site]] += 1
    for page in pages:
        page["split"] = split[page["site"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()

    pool = []
    per_lang_seen = collections.Counter()
    import py3langid
    import trafilatura

    for rec in candidates(args.mirrors):
        if rec["path"] in EXCLUDE:
            continue
        rec["url"] = rec["url"] or page_url(rec["raw"])
        rec["site"] = host(rec["url"], rec["path"].split("/")[-2])
        # cheap language guess first, so that only a sample of the large German and English pools is rendered
        guess = rec.get("body") or trafilatura.extract(rec["raw"], favor_precision=True) or ""
        rec["guess"] = py3langid.classify(guess)[0] if guess else None
        digest = hashlib.sha256(rec["path"].encode()).hexdigest()
        if rec["guess"] in (None, "la") or (rec["kind"] == "readability" and not rec["url"]):
            continue  # no text, lorem-ipsum test pages, pages with no address
        if rec["guess"] in ("de", "en") and rec["kind"] != "human" and int(digest[:2], 16) > 40:
            continue
        per_lang_seen[rec["guess"]] += 1
        pool.append(rec)
    print("candidates", len(pool), dict(per_lang_seen), file=sys.stderr)
    render(pool)
    kept, reasons = [], collections.Counter()
    for rec in sorted(pool, key=lambda r: hashlib.sha256(r["path"].encode()).hexdigest()):
        why = derive(rec)
        if why:
            reasons[why] += 1
            continue
        kept.append(rec)
    print("dropped:", dict(reasons), file=sys.stderr)
    # balance: at most SITE_CAP pages a site, LANG_CAP pages a language; languages with fewer than 3 pages go
    chosen, per_site, per_lang = [], collections.Counter(), collections.Counter()
    for rec in kept:
        if per_site[rec["site"]] >= SITE_CAP or per_lang[rec["lang"]] >= LANG_CAP.get(rec["lang"], DEFAULT_CAP):
            continue
        per_site[rec["site"]] += 1
        per_lang[rec["lang"]] += 1
        chosen.append(rec)
    chosen = [r for r in chosen if per_lang[r["lang"]] >= 3]
    split_by_site(chosen)
    pages_dir = args.out / "pages"
    pages_dir.mkdir(parents=True, exist_ok=True)
    for old in pages_dir.glob("*.txt"):
        old.unlink()
    manifest, numbers = [], collections.Counter()
    for rec in sorted(chosen, key=lambda r: (r["lang"], r["site"], r["path"])):
        numbers[(rec["lang"], rec["site"])] += 1
        page_id = f"{rec['lang']}-{re.sub(r'[^a-z0-9]+', '-', rec['site'].lower()).strip('-')}-{numbers[(rec['lang'], rec['site'])]}"
        (pages_dir / f"{page_id}.txt").write_text(rec["copied"], encoding="utf-8")
        manifest.append(
            {
                "id": page_id,
                "language": rec["lang"],
                "site": rec["site"],
                "split": rec["split"],
                "source": {
                    "repo": rec["repo_name"],
                    "path": rec["path"],
                    "commit": rec["repo"].commit,
                    "url": rec["url"],
                    "truth": {
                        "human": "the benchmark's human-made articleBody",
                        "trafilatura": "trafilatura 2.x extraction, checked against the benchmark's with/without snippets",
                        "readability": "trafilatura 2.x extraction, first/last sentence checked against Readability's expected.html",
                        "newspaper": "trafilatura 2.x extraction, first/last sentence checked against newspaper4k's expected text",
                    }[rec["kind"]],
                },
                "text": f"pages/{page_id}.txt",
                "headline": rec["headline"],
                "first_sentence": rec["first_sentence"],
                "last_sentence": rec["last_sentence"],
                "body": rec["body"],
            }
        )
    (args.out / "manifest.json").write_text(
        json.dumps({"version": 1, "pages": manifest}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    summary = collections.Counter((m["language"], m["split"]) for m in manifest)
    print(len(manifest), "pages,", len({m["site"] for m in manifest}), "sites:", dict(sorted(summary.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
