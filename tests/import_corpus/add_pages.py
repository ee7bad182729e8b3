"""Add pages to the import corpus without rebuilding it: the pages already there keep their text, truth and half.

NOT run by the tests. Same environment as build_corpus.py (its helpers are reused: rendering in Chromium with
JavaScript off, truth from trafilatura checked by the rules there). It adds, from adbar/htmldate's date-annotated
test pages (tests/test_set, tests/eval; Apache-2.0), the pages listed in EXTRA, chosen for their languages
(Russian, Ukrainian, Italian and others the corpus lacked). Their truth was made by trafilatura and then read
by hand against the copied text: OVERRIDE in build_corpus.py style holds what reading changed.

    /work/tmp-venv/bin/python tests/import_corpus/add_pages.py [--mirrors DIR]
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_corpus as bc

HERE = Path(__file__).resolve().parent
TITLES = bc.title_candidates
REPO, FOLDER = "adbar/htmldate", "adbar+htmldate"
TRUTH = "trafilatura 2.x extraction, first/last sentence and headline read by hand against the copied text"
# (language expected, path in adbar/htmldate)
EXTRA = [tuple(line.split()) for line in (HERE / "extra_pages.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
# Pages read and found wanting: path -> why
ONLY_ONE = "the only page in its language: a language needs a page in each half"
EXCLUDE: dict[str, str] = {
    "tests/test_set/1740081165.html": ONLY_ONE,  # bg
    "tests/test_set/1509819104.html": ONLY_ONE,  # cs
    "tests/test_set/1619092544.html": ONLY_ONE,  # sv
    "tests/test_set/1783862633.html": ONLY_ONE,  # tr
    "tests/eval/n.news.naver.com-607.html": "Korean: the article's end not established by reading",
    "tests/test_set/1694328145.html": "Korean: the article's end not established by reading",
    "tests/eval/bmel.de-zukunftsforum.html": "the same page as adbar/trafilatura's copy, already here (de-bmel-de-1)",
    "tests/eval/banyuetan.org.1000200033136171577956287380194268_1.html": "the same page as adbar/trafilatura's copy, already here",
}
# Truth set by reading the copied text, where trafilatura's was wrong: path -> fields. 'lead' is a paragraph
# trafilatura missed at the top of the body, 'tail' paragraphs it missed at the end, 'cut' junk it kept at the end,
# 'drop_lead' the number of paragraphs at the top it kept that are not article (a subtitle, a photo's caption).
OVERRIDE: dict[str, dict[str, str]] = {
    "tests/test_set/1582946828.html": {  # it, ilmattino.it: the update time and copyright line are not article
        "last_sentence": "Sono tutti alimenti con spiccate proprietà irritanti sul basso tratto urinario (prostata e vescica).",
        "cut": " Ultimo aggiornamento: 22:07 © RIPRODUZIONE RISERVATA",
    },
    "tests/eval/lastampa.it.temperature.html": {  # it: the h1, not the menu's heading
        "headline": "Perturbazione polare al Centro e al Sud. Il Nord, scavalcato, mantiene temperature alte",
    },
    "tests/eval/football.ua.podolski.html": {  # ru: the lead paragraph under the headline
        "lead": "Ветеран сборной Германии Лукаш Подольски принял решение прекратить выступления за Бундестим.",
    },
    "tests/test_set/1784458132.html": {  # ru, inform.kz: the splitter cut at 'ПЕТРОПАВЛОВСК.' and 'М.'
        "first_sentence": "ПЕТРОПАВЛОВСК. КАЗИНФОРМ – Бройлерную птицефабрику и молочно-товарную ферму на три тысячи голов скота построят в Северо-Казахстанской области, передает корреспондент МИА «Казинформ».",  # noqa: E501
        "last_sentence": "Реализуя такие проекты, мы будем полностью обеспечивать население области качественными продуктами, наращивать экспорт», - заявил М. Тасмаганбетов.",  # noqa: E501
    },
    "tests/test_set/1719330438.html": {  # ru, mk.ru: the lead; the closing 'Читайте материал' link is a teaser
        "lead": "Лукашенко тайно вступил в должность президента Белоруссии. Тайно можно кого-то отравить, что-то украсть, теоретически можно тайно жениться. Проще говоря, тайно делают что-то неприглядное. Разве вступление в должность президента страны — это гадость какая-то?",  # noqa: E501
        "last_sentence": "Диктатор, не утративший чувства стыда, — это еще не настоящий диктатор.",
        "cut": '\n\nЧитайте материал "Гости инаугурации Лукашенко раскрыли ее странное закулисье"',
    },
    "tests/test_set/1810559448.html": {  # ru, mk.ru: the lead
        "lead": "Неожиданное решение приняли присяжные по делу об убийстве антикоррупционера Дмитрия Грибова в прошлом году в подмосковном Воскресенске. Обвиняемый в смертельном избиении на днях был оправдан, прокуратура готовит апелляцию.",  # noqa: E501
    },
    "tests/test_set/1647262025.html": {  # ru, tass.ru: the dateline is part of the first sentence
        "first_sentence": "МОСКВА, 29 июня. /ТАСС/. Движение от Можайского до Новорижского шоссе на пятом пусковом комплексе Центральной кольцевой автодороги (ЦКАД) открывается в понедельник.",  # noqa: E501
    },
    "tests/test_set/1716561772.html": {  # ru, ukrinform.ru: the lead paragraph under the date
        "lead": 'Полиция Киева завершила досудебное расследование и направила в суд материалы уголовного дела на 26-летнего правонарушителя, который летом "заминировал" станцию \u200b\u200bметро "Вокзальная".',  # noqa: E501
    },
    "tests/test_set/1628285861.html": {  # uk, zaxid.net: the deck is not the first sentence; trafilatura stopped two paragraphs early
        "first_sentence": "Синоптики обіцяють українцям з наступного тижня сильну спеку, яка, в частині областей, буде перериватись короткотривалими грозами.",  # noqa: E501
        "last_sentence": "Окрім того, якщо на території західних областей все ще будуть можливі опади, то погода на сході України очікується безхмарною.",  # noqa: E501
        "drop_first": "Спеку синоптики обіцяють як мінімум до вихідних",
        "tail": "Щодо середи, 10 червня, то в цей день температура не спадатиме: на українців чекатимуть все ті ж 13-19 градусів вночі, 23-27 градусів тепла вдень на заході і за +30 в південних та східних областях. Також на території західних областей вдень дощитиме.\n\nТаку спеку синоптики обіцяють як мінімум до вихідних. 11-12 червня температура повітря вдень досягатиме +27 на заході, а в деяких зі східних областей перетне позначку +34. Окрім того, якщо на території західних областей все ще будуть можливі опади, то погода на сході України очікується безхмарною.",  # noqa: E501
    },
    "tests/test_set/1542250510.html": {  # pt, g1.globo.com: a photo's caption at each end of the body
        "drop_lead": "1",
        "cut": "\n\nCachorro com deficiência e abandonado em Porto Velho ganhou um lar. — Foto: Mayara Subtil/G1",
        "last_sentence": 'Me apaixonei por ele", disse a estudante.',
    },
    "tests/test_set/1548435131.html": {  # pt, noticias.uol.com.br: the newsletter's plug is not article
        "cut": "\n\nPara começar e terminar o dia bem informado.",
        "last_sentence": "O presidente dos EUA, Donald Trump, restabeleceu sanções contra setores vitais do Irã, incluindo petróleo, depois de retirar os Estados Unidos de um acordo nuclear de 2015 entre o Irã e seis potências mundiais.",  # noqa: E501
    },
    "tests/test_set/1594316187.html": {  # pt, revistaforum.com.br: the subtitle (no full stop, over a credit and a byline)
        "drop_lead": "1",
    },
    "tests/test_set/1793766917.html": {  # pt, otempo.com.br: the subtitle over the byline, then three photos' captions
        "drop_lead": "4",
    },
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args()
    git = bc.Git(args.mirrors / FOLDER / "repo")
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    pages = manifest["pages"]
    known = {(p["source"]["repo"], p["source"]["path"]) for p in pages}
    pool = []
    for lang, path in EXTRA:
        if (REPO, path) in known or path in EXCLUDE:
            continue
        raw = git.show(path)
        url = bc.page_url(raw)
        pool.append(dict(repo=git, repo_name=REPO, path=path, url=url, raw=raw, body=None, kind="reviewed", want=lang))
    bc.render(pool)
    added = []
    for rec in pool:
        why = derive(rec)
        fix(rec, OVERRIDE.get(rec["path"], {}))
        if why or rec["lang"] != rec["want"]:
            print("dropped", rec["path"], why or f"language {rec['lang']}", file=sys.stderr)
            continue
        rec["site"] = bc.host(rec["url"], rec["path"])
        added.append(rec)
    deal(pages, added)
    numbers = collections.Counter((p["language"], p["site"]) for p in pages)
    for rec in sorted(added, key=lambda r: (r["lang"], r["site"], r["path"])):
        numbers[(rec["lang"], rec["site"])] += 1
        slug = re.sub(r"[^a-z0-9]+", "-", rec["site"].lower()).strip("-")
        page_id = f"{rec['lang']}-{slug}-{numbers[(rec['lang'], rec['site'])]}"
        (HERE / "pages" / f"{page_id}.txt").write_text(rec["copied"], encoding="utf-8")
        source = {
            "repo": REPO,
            "path": rec["path"],
            "commit": git.commit,
            "url": rec["url"],
            "truth": TRUTH + (f"; set by reading: {', '.join(rec['reviewed'])}" if rec.get("reviewed") else ""),
        }
        pages.append(
            {
                "id": page_id,
                "language": rec["lang"],
                "site": rec["site"],
                "split": rec["split"],
                "source": source,
                "text": f"pages/{page_id}.txt",
                "headline": rec["headline"],
                "first_sentence": rec["first_sentence"],
                "last_sentence": rec["last_sentence"],
                "body": rec["body"],
            }
        )
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(added), "added;", len(pages), "pages", file=sys.stderr)


def derive(rec: dict) -> str | None:
    """build_corpus.derive, with two repairs these pages need: titles read from the page decoded as UTF-8
    (lxml reads undeclared bytes as Latin-1), and a headline that trafilatura put at the top of the body
    taken out of the body again."""
    from lxml import html as lh

    try:
        rec["raw"].decode("utf-8")
        doc = lh.fromstring(rec["raw"], parser=lh.HTMLParser(encoding="utf-8"))
        titles = TITLES(lh.tostring(doc, encoding="ascii"), None)  # character references: no charset to guess
    except UnicodeDecodeError:
        titles = TITLES(rec["raw"], None)
    bc.title_candidates = lambda raw, given, titles=titles: titles  # type: ignore[assignment]
    why = bc.derive(rec)
    body = rec.get("body") or ""
    first = body.split("\n\n", 1)[0]
    if first in titles and "\n\n" in body:
        rec["headline"] = first
        rec["body"] = body.split("\n\n", 1)[1]
        rec["first_sentence"] = bc.sentences(rec["body"].split("\n\n", 1)[0])[0]
        flat, lines = bc.norm(rec["copied"]), [bc.norm(line) for line in rec["copied"].split("\n")]
        if bc.norm(first) in lines and flat.find(bc.norm(first)) < flat.find(bc.norm_end(rec["first_sentence"])):
            why = None if why in (None, "no headline found as a line before the text") else why
    if rec["path"] in OVERRIDE and why == "no headline found as a line before the text":
        why = None
    return why


def fix(rec: dict, override: dict[str, str]) -> None:
    """Apply what reading the page settled."""
    body = rec.get("body") or ""
    if "drop_first" in override and body.startswith(override["drop_first"]):
        body = body.split("\n\n", 1)[1]
    if "drop_lead" in override:  # that many paragraphs at the top are not article (a subtitle, a caption)
        body = "\n\n".join(body.split("\n\n")[int(override["drop_lead"]) :])
        rec["first_sentence"] = bc.sentences(body.split("\n\n", 1)[0])[0]
    if "cut" in override and body.endswith(override["cut"]):
        body = body[: -len(override["cut"])]
    if "lead" in override:
        body = override["lead"] + "\n\n" + body
        rec["first_sentence"] = bc.sentences(override["lead"])[0]
    if "tail" in override:
        body = body + "\n\n" + override["tail"]
    rec["body"] = body
    rec.update({k: v for k, v in override.items() if k in ("headline", "first_sentence", "last_sentence")})
    if override:
        rec["reviewed"] = sorted(override)


def deal(pages: list[dict], added: list[dict]) -> None:
    """The builder's rule: a site keeps its half; new sites, by sha256 of the name, go to the smaller half of their language."""
    split = {p["site"]: p["split"] for p in pages}
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for site, half in split.items():
        for lang in {p["language"] for p in pages if p["site"] == site}:
            counts[lang][half] += 1
    for rec in sorted(added, key=lambda r: hashlib.sha256(r["site"].encode()).hexdigest()):
        if rec["site"] not in split:
            c = counts[rec["lang"]]
            split[rec["site"]] = "dev" if c["dev"] <= c["heldout"] else "heldout"
            c[split[rec["site"]]] += 1
        rec["split"] = split[rec["site"]]


if __name__ == "__main__":
    main()
