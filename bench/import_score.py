"""Score `digest import` on the corpus of real pages in tests/import_corpus/ (issue 13).

    python bench/import_score.py                 # Markdown table: each half (dev, heldout) by language
    python bench/import_score.py --pages         # also one line per page that is not right everywhere
    python bench/import_score.py --json out.json # every page's figures, for comparing two runs

It prints the table twice: on the raw truth of manifest.json, and with the documented corrections of plainly
wrong truth in tests/import_corpus/corrections.json (a site name taken for the headline, a teaser or a signature
taken for the last sentence; one reason a page), each clearly labelled.

For every page it runs the importer's read_article on the copied text (what select-all + copy gives) and
detect_language on the headline and text it kept, as `digest import` does, and compares with the truth:

  lang      the detected language is the page's language
  headline  the headline read equals the true one, or the true one without a site-name suffix
            ('Title - Site', 'Title | Site': the part before the last ' - ', ' | ', ' – ', ' — ', ' :: ')
  start     the cleaned text begins with the article's first sentence
  end       the cleaned text ends with the article's last sentence
  kept      share of the true body's words that are in the cleaned text (mean over pages)
  dropped   share of the junk words (in the copied text, not in the body or headline) that are not in the
            cleaned text (mean over pages)

Texts are compared after normalisation: Unicode NFKC; curly, low and angle quotes made straight; dashes made '-';
soft hyphens and zero-width characters removed; whitespace collapsed; case folded; and, at the end of a
headline or sentence, trailing punctuation, quotes and spaces removed. Words are runs of letters and digits
(each Chinese, Japanese or Korean character is a word), counted with their repeats.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the generator package, when run from a checkout
CORPUS = ROOT / "tests" / "import_corpus"

try:
    from generator.editor.importer import detect_language, read_article
except ImportError:
    from generator.importing import detect_language, read_article

SITE_SUFFIX = re.compile(r"^(.+?)\s+(?:[-|–—]|::)\s+[^-|–—]{1,60}$")
CJK = r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u300c\u300d]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[\u00ad\u200b-\u200d\u2060\ufeff]", "", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def norm_end(text: str) -> str:
    return re.sub(r"[\s.,;:!?…。！？\"')\]»]+$", "", norm(text))


def words(text: str) -> collections.Counter:
    return collections.Counter(re.findall(rf"[{CJK}]|[^\W_]+", norm(text)))


def headline_right(got: str, true: str) -> bool:
    got = norm_end(got)
    if got == norm_end(true):
        return True
    match = SITE_SUFFIX.match(true.strip())
    return bool(match) and got == norm_end(match.group(1))


def corrections(corpus: Path = CORPUS) -> dict[str, dict]:
    """The documented corrections of the truth, by page id: the corrected fields (and the reason)."""
    path = corpus / "corrections.json"
    return json.loads(path.read_text(encoding="utf-8"))["pages"] if path.exists() else {}


def corrected(page: dict, fixes: dict[str, dict]) -> dict:
    """The page with its truth corrected, where corrections.json corrects it."""
    fix = fixes.get(page["id"], {})
    return {**page, **{k: v for k, v in fix.items() if k in ("headline", "first_sentence", "last_sentence")}}


def body_span(lines: list[str], page: dict) -> tuple[int, int] | None:
    """Index of the line with the first sentence and of the line with the last sentence after it."""
    first, last = norm_end(page["first_sentence"]), norm_end(page["last_sentence"])
    for a, line in enumerate(lines):
        if line and first in norm(line):
            ends = [b for b in range(a, len(lines)) if lines[b] and last in norm(lines[b])]
            # a short last sentence ('More.') may be found inside an earlier line: the line it ends is the one
            whole = [b for b in ends if norm_end(lines[b]).endswith(last)]
            return (a, (whole or ends)[0]) if ends else None
    return None


def selection(lines: list[str], page: dict) -> list[str] | None:
    """What a reader copies who selects the article alone, from its headline to its last line: the headline, a blank
    line, and the page's lines from the article's first to its last (a caption or share buttons between included)."""
    span = body_span(lines, page)
    return None if span is None else [page["headline"], "", *lines[span[0] : span[1] + 1], ""]


def score_page(page: dict, raw: str, fixed: dict | None = None) -> dict:
    began = time.perf_counter()
    article = read_article(raw)
    lang, _ = detect_language("\n\n".join([article.title, article.text]))
    seconds = time.perf_counter() - began
    text = article.text
    body, copied, kept = words(page["body"]), words(raw), words(text)
    junk = copied - body - words(page["headline"])
    junk_kept = (kept - body) & junk
    return {
        "id": page["id"],
        "split": page["split"],
        "language": page["language"],
        "seconds": seconds,
        "lang": lang == page["language"],
        "headline": headline_right(article.title, page["headline"]),
        "start": norm(text).startswith(norm_end(page["first_sentence"])),
        "end": norm_end(text).endswith(norm_end(page["last_sentence"])),
        "kept": sum((kept & body).values()) / max(1, sum(body.values())),
        "dropped": 1 - sum(junk_kept.values()) / sum(junk.values()) if junk else 1.0,
        "got_headline": article.title,
        "got_lang": lang,
        "corrected": {
            "headline": headline_right(article.title, (fixed or page)["headline"]),
            "start": norm(text).startswith(norm_end((fixed or page)["first_sentence"])),
            "end": norm_end(text).endswith(norm_end((fixed or page)["last_sentence"])),
        },
    }


def table(results: list[dict]) -> str:
    head = [
        "half",
        "language",
        "pages",
        "lang right",
        "headline right",
        "start right",
        "end right",
        "body words kept",
        "junk words dropped",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for half in ("dev", "heldout"):
        rows = [r for r in results if r["split"] == half]
        groups = collections.defaultdict(list)
        for r in rows:
            groups[r["language"]].append(r)
        for name, group in [*sorted(groups.items()), ("all", rows)]:
            n = len(group)

            def count(key, group=group, n=n):
                right = sum(r[key] for r in group)
                return f"{right}/{n} ({100 * right / n:.0f}%)"

            def mean(key, group=group, n=n):
                return f"{100 * sum(r[key] for r in group) / n:.1f}%"

            label = f"**{name}**" if name == "all" else name
            lines.append(
                f"| {half} | {label} | {n} | {count('lang')} | {count('headline')} | {count('start')} | "
                f"{count('end')} | {mean('kept')} | {mean('dropped')} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pages", action="store_true", help="also list each page that is not right everywhere (corrected truth)")
    parser.add_argument("--json", type=Path, help="write every page's figures here")
    args = parser.parse_args(argv)
    manifest = json.loads((args.corpus / "manifest.json").read_text(encoding="utf-8"))
    fixes = corrections(args.corpus)
    results = []
    for page in manifest["pages"]:
        raw = (args.corpus / page["text"]).read_text(encoding="utf-8")
        results.append(score_page(page, raw, corrected(page, fixes)))
    print(
        f"Import score on {len(results)} pages from {len({p['site'] for p in manifest['pages']})} sites "
        f"({args.corpus.relative_to(ROOT) if args.corpus.is_relative_to(ROOT) else args.corpus})\n"
    )
    print("Raw truth (manifest.json):\n")
    print(table(results))
    halves = collections.Counter(page["split"] for page in manifest["pages"] if page["id"] in fixes)
    print(
        f"\nWith the truth corrected on {len(fixes)} pages ({halves['dev']} dev, {halves['heldout']} held-out; "
        "tests/import_corpus/corrections.json, one reason a page):\n"
    )
    print(table([{**r, **r["corrected"]} for r in results]))
    selected = []
    for page in manifest["pages"]:
        truth = corrected(page, fixes)
        lines = [line.strip() for line in (args.corpus / page["text"]).read_text(encoding="utf-8").split("\n")]
        if (text := selection(lines, truth)) is not None:
            result = score_page(truth, "\n".join(text), truth)
            selected.append({**result, **result["corrected"]})
    print(
        f"\nThe article selected alone ({len(selected)} pages: the true headline, a blank line and the page's lines from the "
        "article's first to its last, as a reader copies who selects just the article; corrected truth):\n"
    )
    print(table(selected))
    slowest = max(results, key=lambda r: r["seconds"])
    total = sum(r["seconds"] for r in results)
    print(
        f"\nSlowest import of one article: {slowest['seconds'] * 1000:.0f} ms ({slowest['id']}); "
        f"all {len(results)}: {total:.2f} s (read_article + detect_language)."
    )
    if args.pages:
        print()
        for r in results:
            wrong = [k for k in ("lang", "headline", "start", "end") if not {**r, **r["corrected"]}[k]]  # the corrected truth
            if wrong:
                print(
                    f"- {r['id']} ({r['split']}): wrong {', '.join(wrong)}; kept {r['kept']:.0%}, dropped {r['dropped']:.0%};"
                    f" headline read: {r['got_headline'][:80]!r}; language read: {r['got_lang']}"
                )
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
