"""A seeded synthetic digest of N story files in our format, for the benchmark.

    python bench/corpus.py N OUT_DIR [--seed S]

writes a complete project into OUT_DIR: content/ (N story files and topics.yml), a copy of the repository's
templates/ and its mkdocs.yml (same theme and plugin settings, same site_url). The same N and seed always give
the same files. N counts story files (language versions), so N is also the number of story pages a build makes.

- languages of the files: en 60 %, ru 25 %, fr 15 % (exact shares, rounded);
- 12 topics with labels in en, ru and fr; each story has one to three;
- one story key in five has one or two translations (same `story` key, same date, same topics);
- bodies of about 250 words: paragraphs, a `###` heading, a bullet list and links, in the file's language;
- dates spread over two years that have passed (2024 and 2025); one story in three has a date-time with an offset.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script from a checkout: the generator package is beside bench/
    sys.path.insert(0, str(REPO))

from generator.slugs import slug_for  # noqa: E402 - after the path is set

LANGUAGE_SHARES = {"en": 0.60, "ru": 0.25, "fr": 0.15}
TRANSLATED_EVERY = 5  # one story key in five has translations
BODY_WORDS = 250
FIRST_DAY = dt.date(2024, 1, 1)
DAYS = 731  # 2024-01-01 .. 2025-12-31: two years, all in the past, so `mkdocs build` publishes every story
OFFSETS = ["+00:00", "+01:00", "+02:00", "+03:00", "+05:30", "+08:00", "-05:00", "-08:00"]

TOPICS = {
    "ai-chips": {"en": "AI chips", "ru": "ИИ-чипы", "fr": "Puces d'IA"},
    "geopolitics": {"en": "Geopolitics", "ru": "Геополитика", "fr": "Géopolitique"},
    "robotics": {"en": "Robotics", "ru": "Робототехника", "fr": "Robotique"},
    "ai-safety": {"en": "AI safety", "ru": "Безопасность ИИ", "fr": "Sécurité de l'IA"},
    "ai-models": {"en": "AI models", "ru": "ИИ-модели", "fr": "Modèles d'IA"},
    "business": {"en": "Business", "ru": "Бизнес", "fr": "Économie"},
    "data-centres": {"en": "Data centres", "ru": "Дата-центры", "fr": "Centres de données"},
    "energy": {"en": "Energy", "ru": "Энергетика", "fr": "Énergie"},
    "regulation": {"en": "Regulation", "ru": "Регулирование", "fr": "Réglementation"},
    "research": {"en": "Research", "ru": "Исследования", "fr": "Recherche"},
    "startups": {"en": "Startups", "ru": "Стартапы", "fr": "Jeunes pousses"},
    "semiconductors": {"en": "Semiconductors", "ru": "Полупроводники", "fr": "Semi-conducteurs"},
}

WORDS = {
    "en": """chip model data centre cluster training inference memory wafer factory export rule sanction market
        share price investor revenue startup founder engineer researcher paper benchmark accuracy latency power
        grid energy cooling server rack network cloud contract deal government ministry regulator safety audit
        risk policy agreement partner supplier customer demand supply shortage capacity plant fab node process
        design software compiler framework library robot arm sensor camera vehicle drone agent assistant
        language vision speech translation dataset weights license release launch update version roadmap
        quarter forecast growth loss profit budget subsidy tariff border trade talks summit report study survey
        analyst source interview statement announcement plan project prototype test trial result record
        milestone competitor rival leader team lab university student talent hiring layoff office campus city
        region country province port shipment order backlog price-cut discount upgrade outage incident fix
        patch security breach lawsuit court ruling fine investigation hearing committee minister
        president""".split(),
    "ru": """чип модель центр кластер обучение вывод память пластина завод экспорт правило санкции рынок доля
        цена инвестор выручка стартап основатель инженер исследователь статья тест точность задержка мощность
        сеть энергия охлаждение сервер стойка облако контракт сделка правительство министерство регулятор
        безопасность аудит риск политика соглашение партнёр поставщик клиент спрос предложение дефицит
        производство фабрика процесс проект программа компилятор библиотека робот манипулятор датчик камера
        автомобиль дрон агент помощник язык зрение речь перевод набор веса лицензия выпуск запуск обновление
        версия план квартал прогноз рост убыток прибыль бюджет субсидия пошлина граница торговля переговоры
        саммит отчёт исследование опрос аналитик источник интервью заявление объявление прототип испытание
        результат рекорд конкурент лидер команда лаборатория университет студент найм сокращение офис город
        регион страна провинция порт поставка заказ скидка модернизация сбой инцидент исправление защита утечка
        иск суд решение штраф расследование слушание комитет министр президент компания технология
        разработка""".split(),
    "fr": """puce modèle centre grappe entraînement inférence mémoire plaquette usine exportation règle sanction
        marché part prix investisseur chiffre jeune-pousse fondateur ingénieur chercheur article banc précision
        latence puissance réseau énergie refroidissement serveur baie nuage contrat accord gouvernement
        ministère régulateur sécurité audit risque politique partenaire fournisseur client demande offre
        pénurie capacité fonderie gravure procédé conception logiciel compilateur bibliothèque robot bras
        capteur caméra véhicule drone agent assistant langue vision parole traduction données poids licence
        sortie lancement version feuille trimestre prévision croissance perte bénéfice budget subvention
        droit frontière commerce négociation sommet rapport étude enquête analyste source entretien déclaration
        annonce projet prototype essai résultat record étape concurrent rival dirigeant équipe laboratoire
        université étudiant talent embauche licenciement bureau campus ville région pays province port
        livraison commande remise panne incident correctif faille procès tribunal décision amende audience
        commission ministre président entreprise technologie développement""".split(),
}
HEADINGS = {
    "en": ["Why it matters", "What comes next", "Background", "The numbers", "What analysts say"],
    "ru": ["Почему это важно", "Что дальше", "Предыстория", "Цифры", "Мнение аналитиков"],
    "fr": ["Pourquoi c'est important", "Et ensuite", "Contexte", "Les chiffres", "Ce qu'en disent les analystes"],
}
SOURCES = [
    ("Financial Times", "https://www.ft.com/"),
    ("Reuters", "https://www.reuters.com/"),
    ("Le Monde", "https://www.lemonde.fr/"),
    ("Коммерсантъ", "https://www.kommersant.ru/"),
    ("Nikkei Asia", "https://asia.nikkei.com/"),
    ("Les Échos", "https://www.lesechos.fr/"),
    ("РБК", "https://www.rbc.ru/"),
    ("The Information", "https://www.theinformation.com/"),
]


@dataclass
class Group:
    """One story key and the languages of its versions; the first language is the original's."""

    key: str
    langs: list[str]
    published: str = ""  # the front-matter date, the same in every version
    topics: list[str] = field(default_factory=list)


def language_slots(n: int) -> dict[str, int]:
    """How many files of each language N files hold: the shares rounded, the remainder to the default language."""
    counts = {lang: round(n * share) for lang, share in LANGUAGE_SHARES.items() if lang != "en"}
    counts = {"en": n - sum(counts.values()), **counts}
    return counts


def group_languages(n: int, rng: random.Random) -> list[list[str]]:
    """Split the N language slots into story keys: every fifth key takes two or three languages, the rest one."""
    left = language_slots(n)
    groups: list[list[str]] = []
    while sum(left.values()):
        available = [lang for lang, count in left.items() if count]
        wanted = rng.choice((2, 3)) if len(groups) % TRANSLATED_EVERY == 0 else 1
        langs: list[str] = []
        for _ in range(min(wanted, len(available))):
            choices = [lang for lang in available if lang not in langs]
            langs.append(rng.choices(choices, weights=[left[lang] for lang in choices])[0])
        for lang in langs:
            left[lang] -= 1
        groups.append(langs)
    rng.shuffle(groups)
    return groups


def date_value(rng: random.Random) -> str:
    """A plain date, or (one time in three) a date-time with an offset, as editors write them."""
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    if rng.random() < 1 / 3:
        return f"{day.isoformat()}T{rng.randrange(6, 23):02d}:{rng.choice((0, 15, 30, 45)):02d}:00{rng.choice(OFFSETS)}"
    return day.isoformat()


def words(rng: random.Random, lang: str, count: int) -> list[str]:
    return [rng.choice(WORDS[lang]) for _ in range(count)]


def sentence(rng: random.Random, lang: str, low: int = 8, high: int = 16) -> str:
    text = " ".join(words(rng, lang, rng.randint(low, high)))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, lang: str, count: int) -> str:
    """About `count` words in sentences, with a link every so often."""
    parts, total = [], 0
    while total < count:
        text = sentence(rng, lang)
        if rng.random() < 0.3:
            word = rng.choice(WORDS[lang])
            text = text[:-1] + f" [{word}](https://example.org/{lang}/{rng.randrange(10_000)})."
        parts.append(text)
        total += len(text.split())
    return " ".join(parts)


def body(rng: random.Random, lang: str) -> str:
    """About 250 words: two paragraphs, a ### heading over a four-item list, a closing paragraph."""
    items = [f"- {sentence(rng, lang, 6, 10)}" for _ in range(4)]
    return (
        "\n\n".join(
            [
                paragraph(rng, lang, 80),
                paragraph(rng, lang, 50),
                f"### {rng.choice(HEADINGS[lang])}",
                "\n".join(items),
                paragraph(rng, lang, 60),
            ]
        )
        + "\n"
    )


def quoted(text: str) -> str:
    """A YAML double-quoted scalar: our words hold no quote or backslash, but a title may hold ': '."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def story_file(group: Group, lang: str, rng: random.Random, number: int) -> tuple[str, str]:
    """(path relative to content/, text) of one language version of a story."""
    title = " ".join(words(rng, lang, rng.randint(5, 9)))
    title = title[0].upper() + title[1:]
    # The key's number keeps file names, and so addresses, unique however the random words fall.
    slug = f"{slug_for(title)[:60].rstrip('-')}-{number}"
    name, url = rng.choice(SOURCES)
    day = dt.date.fromisoformat(group.published[:10])
    text = "\n".join(
        [
            "---",
            f"title: {quoted(title)}",
            f"date: {group.published}",
            f"lang: {lang}",
            f"topics: [{', '.join(group.topics)}]",
            f"story: {group.key}",
            f'source: {{name: {quoted(name)}, url: "{url}"}}',
            f"summary: {quoted(sentence(rng, lang, 12, 22))}",
            "---",
            "",
            body(rng, lang),
        ]
    )
    return f"{day:%Y}/{day:%m}/{slug}.{lang}.md", text


def write_corpus(n: int, out: Path, seed: int = 7) -> Path:
    """Write a whole project of n story files into out (which must not hold a content/ folder yet)."""
    rng = random.Random(seed)
    content = out / "content"
    content.mkdir(parents=True)
    (content / "topics.yml").write_text(
        "".join(
            f"{slug}: {{en: {quoted(labels['en'])}, ru: {quoted(labels['ru'])}, fr: {quoted(labels['fr'])}}}\n"
            for slug, labels in TOPICS.items()
        ),
        encoding="utf-8",
    )
    slugs = list(TOPICS)
    for number, langs in enumerate(group_languages(n, rng), start=1):
        group = Group(f"story-{number}", langs, date_value(rng), rng.sample(slugs, rng.choice((1, 1, 2, 2, 3))))
        for lang in langs:
            path, text = story_file(group, lang, rng, number)
            target = content / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    shutil.copytree(REPO / "templates", out / "templates")
    shutil.copy(REPO / "mkdocs.yml", out / "mkdocs.yml")
    return out


def write_extra_story(out: Path, seed: int) -> Path:
    """One more story in the project's content/, written as write_corpus writes them (English, dated in the corpus'
    years, with a key of its own): an editor's next story. Returns its file."""
    rng = random.Random(f"extra-{seed}")
    group = Group(f"extra-{seed}", ["en"], date_value(rng), rng.sample(list(TOPICS), 2))
    path, text = story_file(group, "en", rng, 10**9 + seed)
    target = out / "content" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, help="how many story files (language versions) to write")
    parser.add_argument("out", type=Path, help="the project folder to create")
    parser.add_argument("--seed", type=int, default=7, help="the same seed gives the same corpus (default 7)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    if (args.out / "content").exists():
        parser.error(f"{args.out / 'content'} already exists; choose an empty folder")
    write_corpus(args.n, args.out, args.seed)
    print(args.out / "content")


if __name__ == "__main__":
    main()
