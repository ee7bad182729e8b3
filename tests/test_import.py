"""`digest import` on articles copied from six made-up news sites in five languages, each with its own page junk."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, copy_project
from generator.editor.arguments import topics_of as read_topics
from generator.editor.cli import main
from generator.editor.importer.article import clean
from generator.editor.importer.datelines import date_in
from generator.editor.importer.junk import is_end, is_junk
from generator.editor.importer.summarizing import sentences
from generator.editor.importer.teasers import trim_tail
from generator.loading import load_document
from generator.mkdocs_plugin.config import read_settings
from generator.slugs import slug_for
from generator.validation import check_story

ARTICLES = ROOT / "tests" / "fixtures" / "articles"
CASES = sorted(p.name.removesuffix(".txt") for p in ARTICLES.glob("*.txt") if not p.name.endswith(".expected.txt"))

# What an editor reads off each page: headline, language, dateline, source address, publication named in the headline.
META = {
    "en-techwire": (
        "Dutch lithography maker warns of slower orders as export rules tighten",
        "en",
        dt.date(2025, 3, 4),
        "https://techwire.example.com/chips/dutch-lithography-orders-export-rules",
        None,
    ),
    "ru-novosti": (
        "Российский стартап показал складского робота, который сам меняет себе аккумулятор",
        "ru",
        dt.date(2025, 3, 12),
        None,
        None,
    ),
    "fr-journal": (
        "Un laboratoire parisien publie un modèle de langage ouvert entraîné sur des textes francophones",
        "fr",
        dt.date(2025, 2, 5),
        None,
        None,
    ),
    "de-zeitung": ("Chiphersteller plant neues Werk in Sachsen trotz gestrichener Subventionen", "de", dt.date(2025, 5, 7), None, None),
    "es-diario": (
        "Una empresa española lanza un asistente de voz para personas mayores que funciona sin conexión",
        "es",
        dt.date(2025, 6, 18),
        None,
        "Diario Tecnológico",
    ),
    "en-robot-blog": ("Humanoid robots learn to fold laundry in a home trial", "en", None, None, None),
}


def raw(name: str) -> str:
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")


def expected(name: str) -> str:
    return (ARTICLES / f"{name}.expected.txt").read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    project = copy_project(tmp_path)
    monkeypatch.chdir(project)
    return project


def digest(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_every_fixture_has_expected_text_and_metadata():
    assert set(CASES) == set(META) and len(CASES) >= 6
    assert {META[name][1] for name in CASES} >= {"en", "ru", "fr", "de", "es"}


@pytest.mark.parametrize("name", CASES)
def test_text_only_prints_the_article_without_headline_or_junk(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # --text-only needs no project
    result = digest("import", str(ARTICLES / f"{name}.txt"), "--text-only")
    assert result.exit_code == 0, result.output
    assert result.stdout == expected(name)
    assert META[name][0] not in result.stdout


@pytest.mark.parametrize("name", CASES)
def test_headline_language_date_and_source_are_found(name):
    article = clean(raw(name))
    title, lang, date, url, site = META[name]
    assert (article.title, article.lang, article.date, article.url, article.site) == (title, lang, date, url, site)


def test_bom_crlf_and_non_breaking_spaces_change_nothing(tmp_path):
    messy = "\ufeff" + raw("en-techwire").replace("\n\n", "\n\u00a0\n").replace("\n", "\r\n")
    path = tmp_path / "messy.txt"
    path.write_bytes(messy.encode("utf-8"))
    assert digest("import", str(path), "--text-only").stdout == expected("en-techwire")
    assert digest("import", "-", "--text-only", input=messy.encode("utf-8")).stdout == expected("en-techwire")


def test_utf16_with_its_byte_order_mark_is_read(tmp_path):
    """What Windows PowerShell's `Get-Clipboard > article.txt` and Notepad's 'Unicode' save: UTF-16 with a byte-order
    mark, little- or big-endian, reads as the same text; cut off in the middle of a character, it is refused by name."""
    for name, data in (("le.txt", raw("en-techwire").encode("utf-16")), ("be.txt", b"\xfe\xff" + raw("en-techwire").encode("utf-16-be"))):
        (tmp_path / name).write_bytes(data)
        assert digest("import", str(tmp_path / name), "--text-only").stdout == expected("en-techwire")
    (tmp_path / "cut.txt").write_bytes(raw("en-techwire").encode("utf-16") + b"\x00")
    result = digest("import", str(tmp_path / "cut.txt"), "--text-only")
    assert result.exit_code == 1 and "cut.txt: is not valid UTF-16" in result.output


def test_text_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Un été à Paris, où les puces coûtent cher.\n".encode("latin-1"))
    result = digest("import", str(path), "--text-only")
    assert result.exit_code == 1 and "is not valid UTF-8" in result.output


def validate(project: Path, rel: str):
    settings = read_settings(str(project / "mkdocs.yml"))
    document, problems = load_document(project / rel, project)
    story, found = check_story(document, settings, read_topics(settings))
    return story, problems + found


def test_draft_with_a_source_address_passes_check(project):
    result = digest("import", str(ARTICLES / "en-techwire.txt"))
    assert result.exit_code == 0, result.output
    rel = result.stdout.strip()
    assert rel == "content/2025/03/dutch-lithography-maker-warns-of-slower-orders-as-export-rules-tighten.en.md"
    story, problems = validate(project, rel)
    assert problems == []
    assert story.draft and story.lang == "en" and story.published.date() == dt.date(2025, 3, 4)
    assert story.topics == ("ai-chips", "geopolitics")
    assert [(s.name, s.url) for s in story.sources] == [("techwire.example.com", META["en-techwire"][3])]
    assert story.summary == expected("en-techwire").split("\n\n")[0]  # the lede: the first paragraph is one sentence
    body_sentences = [s for s in story.body.split("-->")[1].strip().split(". ") if s]
    assert 1 <= len(body_sentences) <= 3 and all(s.rstrip(".") in expected("en-techwire") for s in body_sentences)
    assert digest("check").exit_code == 0


def test_draft_without_address_gets_a_placeholder_that_check_reports(project):
    result = digest("import", str(ARTICLES / "ru-novosti.txt"))
    assert result.exit_code == 0, result.output
    rel = result.stdout.strip()
    assert rel == f"content/2025/03/{slug_for(META['ru-novosti'][0])}.ru.md"
    assert "note: the text has no source address" in result.stderr
    text = (project / rel).read_text(encoding="utf-8")
    assert "topics: [robotics]" in text and "lang: ru" in text and "draft: true" in text
    assert "Московский стартап представил складского робота" in text  # lede in the article's language
    check = digest("check")
    assert check.exit_code == 1
    assert check.stdout.startswith(f"{rel}:7: source: expected the url to start with https:// or http://, got 'FILL IN")


def test_options_override_what_the_text_lacks(project):
    result = digest(
        "import",
        str(ARTICLES / "en-robot-blog.txt"),
        "--date",
        "2025-07-01",
        "--source-url",
        "https://blog.example.org/laundry",
        "--topic",
        "robotics",
        "--topic",
        "business",
        "--story",
        "laundry-robot-trial",
    )
    assert result.exit_code == 0, result.output
    assert "no date" not in result.stderr and "no source address" not in result.stderr
    assert "no date" not in (project / result.stdout.strip()).read_text(encoding="utf-8")
    story, problems = validate(project, result.stdout.strip())
    assert problems == []
    assert (story.key, story.topics, story.published.date(), story.sources[0].url) == (
        "laundry-robot-trial",
        ("robotics", "business"),
        dt.date(2025, 7, 1),
        "https://blog.example.org/laundry",
    )
    bad = digest("import", str(ARTICLES / "en-robot-blog.txt"), "--topic", "robotic")
    assert bad.exit_code == 2 and "did you mean 'robotics'" in bad.output


def test_article_outside_the_site_languages_is_drafted_and_flagged(project):
    result = digest("import", str(ARTICLES / "de-zeitung.txt"), "--source-url", "https://tagesblick.example.de/a")
    assert result.exit_code == 0, result.output
    assert "the article is in 'de', which is not a site language" in result.stderr
    assert "no topic suggested itself" in result.stderr
    problems = [line.split(": ")[1] for line in digest("check").stdout.splitlines()]
    assert problems == ["lang", "topics"]


def test_a_known_story_is_pointed_out(project):
    (project / "seed.txt").write_text(
        "Huawei starts shipping Ascend 910B clusters to Chinese customers\n\n"
        "Huawei has started to deliver computing clusters built on its Ascend 910B chip to large customers in China, "
        "people familiar with the deliveries said. US export controls keep Nvidia's best GPUs out of China, "
        "so the Ascend clusters are the main domestic alternative for training AI models.\n",
        encoding="utf-8",
    )
    result = digest("import", "seed.txt")
    assert result.exit_code == 0, result.output
    # The story is already in English: filing the draft under its key would make a second English version.
    original = "content/2025/04/huawei-ships-ascend-910b-computing-clusters-to-chinese-customers.en.md"
    assert f"probably a duplicate of {original} (story 'huawei-ascend-910b-clusters' already has a 'en' version" in result.stderr
    assert "use story: huawei-ascend-910b-clusters" not in result.stderr
    (project / result.stdout.strip()).unlink()
    as_russian = digest("import", "seed.txt", "--lang", "ru")
    assert as_russian.exit_code == 0, as_russian.output
    assert "it may be the same news as story 'huawei-ascend-910b-clusters'" in as_russian.stderr
    assert "use story: huawei-ascend-910b-clusters" in as_russian.stderr


ARTICLE_NAMING_FT = (
    "Samsung doubles its HBM orders from Nvidia\n\n"
    "Samsung Electronics has doubled the memory it will deliver to Nvidia next year, the Financial Times reported on Monday, "
    "citing people familiar with the contract. The deal covers high-bandwidth memory for the Blackwell accelerators.\n"
)


def test_a_publication_the_text_names_gives_the_source(project):
    (project / "ft.txt").write_text(ARTICLE_NAMING_FT, encoding="utf-8")
    result = digest("import", "ft.txt")
    assert result.exit_code == 0, result.output
    story, problems = validate(project, result.stdout.strip())
    assert problems == [] and [(s.name, s.url) for s in story.sources] == [("Financial Times", "https://www.ft.com/")]
    assert "note: source: the text names Financial Times" in result.stderr and "no source address" not in result.stderr
    (project / result.stdout.strip()).unlink()
    with_address = digest("import", "ft.txt", "--source-url", "https://www.ft.com/content/abc")
    assert with_address.exit_code == 0, with_address.output
    story, _ = validate(project, with_address.stdout.strip())
    assert [(s.name, s.url) for s in story.sources] == [("Financial Times", "https://www.ft.com/content/abc")]


def test_publications_are_the_editors_list(project):
    (project / "ft.txt").write_text(ARTICLE_NAMING_FT.replace("Financial Times", "Daily Chip"), encoding="utf-8")
    publications = project / "content/publications.yml"
    publications.write_text('Daily Chip: {url: "https://dailychip.example/", also: [DC]}\n', encoding="utf-8")
    result = digest("import", "ft.txt")
    assert result.exit_code == 0, result.output
    assert "source: {name: Daily Chip, url: 'https://dailychip.example/'}" in (project / result.stdout.strip()).read_text(encoding="utf-8")
    (project / result.stdout.strip()).unlink()
    publications.write_text("Daily Chip: [no address]\n", encoding="utf-8")
    broken = digest("import", "ft.txt")
    assert broken.exit_code == 1 and "content/publications.yml: Daily Chip: expected its home page" in broken.output
    publications.unlink()
    without = digest("import", "ft.txt")
    assert without.exit_code == 0 and "no source address" in without.stderr


@pytest.mark.parametrize(
    "line, junk, end",
    [
        ("Post Thumbnail", True, False),
        ("Photo: Reuters", True, False),
        ("Фото: пресс-служба", True, False),
        ("4 min read", True, False),
        ("Lesezeit: 3 Min.", True, False),
        ("Start Trading", True, False),
        ("Publicité", True, False),
        ("Share on LinkedIn", True, False),
        ("Поделиться", True, False),
        ("Compartir en Facebook", True, False),
        ("Read also: Memory prices climb", True, False),
        ("Читайте также: Роботы-курьеры", True, False),
        ("By Jane Holloway", True, False),
        ("Von Jonas Brandt, Dresden", True, False),
        ("Tags: robotics, home", True, False),
        ("Latest News", False, True),
        ("Почитать из последнего", False, True),
        ("À lire aussi", False, True),
        ("Mehr zum Thema", False, True),
        ("Noticias relacionadas", False, True),
        ("Your comment", False, True),
        ("Contact Us", False, True),
        ("Deja tu comentario", False, True),
        ("© 2025 TechWire Daily. All rights reserved.", False, True),
        ("Strategic Response to Technology Restrictions", False, False),
        ("Get ready: analysts expect the new chips to ship in volume next year.", False, False),
    ],
)
def test_junk_and_end_markers(line, junk, end):
    assert (is_junk(line), is_end(line)) == (junk, end)


@pytest.mark.parametrize(
    "line, kept",
    [
        ("The plant opens next year. (abc/xyz)", "The plant opens next year."),
        ("The plant opens next year. NEWSWIRE", "The plant opens next year."),
        ("The plant opens next year. Updated 10:42", "The plant opens next year."),
        ("工厂明年投产。（记者 王明 李华）", "工厂明年投产。"),
        ("工場は来年稼働する。(c)通信社/山田太郎", "工場は来年稼働する。"),
        ("工厂明年投产。这是一个相当长的第二句子但是作者忘记了在最后加上句号所以没有标点", None),
        ("He said so twice (in public).", None),
        ("Production starts in 2026. The second line of the plan is still being negotiated by the two companies involved", None),
    ],
)
def test_a_signature_credit_or_time_glued_after_the_last_sentence_goes(line, kept):
    """By shape: short, after the last sentence's stop, itself no sentence. A longer tail is a sentence without its stop."""
    assert trim_tail(line) == (kept or line)


@pytest.mark.parametrize(
    "text, lang, date",
    [
        ("30 April 2025", "en", dt.date(2025, 4, 30)),
        ("12 марта 2025 г., 09:40", "ru", dt.date(2025, 3, 12)),
        ("1er juin 2025", "fr", dt.date(2025, 6, 1)),
        ("Aktualisiert am 7. Mai 2025", "de", dt.date(2025, 5, 7)),
        ("5 de marzo de 2025", "es", dt.date(2025, 3, 5)),
        ("March 4, 2025", "en", dt.date(2025, 3, 4)),
        ("04/05/2025", "en", dt.date(2025, 4, 5)),
        ("04/05/2025", "fr", dt.date(2025, 5, 4)),
        ("2025-02-30", "en", None),
        ("नई दिल्ली, 12 मार्च 2025", "hi", dt.date(2025, 3, 12)),
        ("2025年3月12日 10:30", "ja", dt.date(2025, 3, 12)),
        ("2025년 3월 12일", "ko", dt.date(2025, 3, 12)),
        ("12 Mart 2025", "tr", dt.date(2025, 3, 12)),
        ("12. listopada 2025.", "hr", dt.date(2025, 10, 12)),  # Croatian: October
        ("12 listopada 2025", "pl", dt.date(2025, 11, 12)),  # Polish: November
        ("ב-12 במרץ 2025", "he", dt.date(2025, 3, 12)),  # Hebrew writes 'in March'
        ("۱۲ مارس ۲۰۲۵", "fa", dt.date(2025, 3, 12)),  # Persian digits
        ("چهارشنبه ۲۲ اسفند ۱۴۰۳ - ۱۰:۳۰", "fa", dt.date(2025, 3, 12)),  # Iran's Solar Hijri calendar
        ("۱ فروردین ۱۴۰۴", "fa", dt.date(2025, 3, 21)),  # its new year
        ("۳۱ اسفند ۱۴۰۳", "fa", None),  # the last month has 29 or 30 days
        ("12 آذار 2025", "ar", dt.date(2025, 3, 12)),  # the Levant's name of March
        ("Thứ Tư, 12/3/2025", "vi", dt.date(2025, 3, 12)),
        ("Cập nhật ngày 12 tháng 3 năm 2025", "vi", dt.date(2025, 3, 12)),
        ("12 Mac 2025", "ms", dt.date(2025, 3, 12)),
        ("১২ মার্চ ২০২৫", "bn", dt.date(2025, 3, 12)),  # Bengali digits
        ("12 மார்ச், 2025", "ta", dt.date(2025, 3, 12)),
        ("2025 m. kovo 12 d.", "lt", dt.date(2025, 3, 12)),  # the year first
        ("Frissítve: 2025. márc. 12.", "hu", dt.date(2025, 3, 12)),
        ("입력 2025.03.12 10:30", "ko", dt.date(2025, 3, 12)),  # numbers, the year first
        ("2025. 3. 12. 오전 10:30", "ko", dt.date(2025, 3, 12)),
        ("2025/03/12 22:27", "ja", dt.date(2025, 3, 12)),
        ("version 2025.1.2.3", "en", None),
        ("公開日：令和7年3月12日（水）", "ja", dt.date(2025, 3, 12)),  # Japan's era: Reiwa 7
        ("令和元年5月1日", "ja", dt.date(2019, 5, 1)),  # its first year
        ("114年3月12日", "zh", dt.date(2025, 3, 12)),  # Taiwan's year 114
        ("2025 թ. մարտի 12", "hy", dt.date(2025, 3, 12)),
        ("12. март 2025.", "sr", dt.date(2025, 3, 12)),
        ("12-mart, 2025", "uz", dt.date(2025, 3, 12)),
        ("Marso 12, 2025", "fil", dt.date(2025, 3, 12)),
        ("12. märts 2025", "et", dt.date(2025, 3, 12)),
    ],
)
def test_dates_in_datelines(text, lang, date):
    found = date_in(text, lang)
    assert (found[0] if found else None) == date


def test_sentences_respect_abbreviations_in_each_language():
    assert sentences("Mr. Smith paid $1.5 million. U.S. officials said no.", "en") == [
        "Mr. Smith paid $1.5 million.",
        "U.S. officials said no.",
    ]
    assert len(sentences("Компания выросла в 2 раза. Эксперты довольны.", "ru")) == 2


BREADCRUMB_PAGE = """Harbour Times
Home
World
Business
Sport
HomeWorld NewsFerry operator doubles night crossings after the bridge closes for repairs
Ferry operator doubles night crossings after the bridge closes for repairs
By Ana Ribeiro
14 March 2025

The regional ferry operator will run twice as many night crossings from Monday, after engineers closed the old bridge.

Commuters have been asked to leave their cars at the park-and-ride and take the ferry, which can carry four hundred.

The council said the repairs could not wait any longer, because inspectors found cracks in two of the bridge's supports during the winter.

Related stories
Bridge inspections to be published every year
"""


def test_a_breadcrumb_trail_glued_to_the_headline_is_left_out():
    """A browser copies a breadcrumb trail and the <h1> inside it as one line ('HomeWorld NewsThe headline'); the
    headline alone is the line just below, which that line ends with."""
    article = clean(BREADCRUMB_PAGE)
    assert article.title == "Ferry operator doubles night crossings after the bridge closes for repairs"
    assert article.paragraphs[0].startswith("The regional ferry operator")


FORMS_PAGE = """Новости
Главная
Синоптики пообещали жару до конца недели
Иван Петров
В Киеве открыли новый мост через Днепр

По словам синоптиков, жаркая погода продержится в столице всю эту неделю, сообщили в гидрометцентре во вторник.

Температура днём поднимется до тридцати пяти градусов, а ночью не опустится ниже двадцати, добавили в центре.

Врачи советуют пить больше воды и не выходить на солнце в самые жаркие часы дня.
"""


def test_the_headline_is_the_line_whose_words_the_article_uses_in_other_forms():
    """'синоптики … недели' above, 'синоптиков … неделю' in the lede: the same words, inflected. The teaser of another
    story, nearer the text, shares none of them."""
    article = clean(FORMS_PAGE)
    assert article.title == "Синоптики пообещали жару до конца недели"
    assert article.paragraphs[0].startswith("По словам синоптиков")


HINDI_PAGE = """होम
देश
विदेश
खेल
दिल्ली में मेट्रो की नई लाइन शुरू, रोज़ाना एक लाख यात्रियों को मिलेगा फायदा
नई दिल्ली, 12 मार्च 2025
शेयर करें

दिल्ली मेट्रो ने बुधवार को शहर के पूर्वी हिस्से में एक नई लाइन शुरू की, जिससे हर दिन लगभग एक लाख यात्रियों का सफर आसान होने की उम्मीद है।

अधिकारियों के अनुसार नई लाइन पर कुल बारह स्टेशन हैं और पूरी यात्रा में लगभग पच्चीस मिनट लगते हैं।

मेट्रो प्रबंधन ने कहा कि शुरुआती दिनों में ट्रेनें हर पाँच मिनट पर चलेंगी और भीड़ बढ़ने पर यह अंतराल कम किया जाएगा।

यात्रियों ने इस फैसले का स्वागत किया, लेकिन कुछ लोगों ने स्टेशनों तक बेहतर बस सेवा की माँग भी की।

ये भी पढ़ें
मुंबई में बारिश से यातायात प्रभावित
कोलकाता में नया पुल जनता के लिए खोला गया
"""


def test_a_hindi_article_is_read_whole_words_and_danda():
    """Devanagari words carry their vowel signs (combining marks, which a regular expression's \\w leaves out), and a
    Hindi sentence ends with a danda (।), not a full stop: the headline, the first and the last paragraph are found."""
    article = clean(HINDI_PAGE)
    assert article.lang == "hi"
    assert article.title == "दिल्ली में मेट्रो की नई लाइन शुरू, रोज़ाना एक लाख यात्रियों को मिलेगा फायदा"
    assert article.paragraphs[0].startswith("दिल्ली मेट्रो ने बुधवार को")
    assert article.paragraphs[-1].endswith("बेहतर बस सेवा की माँग भी की।")
    assert len(article.paragraphs) == 4


OTHER_SCRIPTS = {
    "th": """หน้าแรก
ข่าว
เศรษฐกิจ
กีฬา
กรุงเทพฯ เปิดรถไฟฟ้าสายใหม่ คาดผู้โดยสารวันละแสนคน
12 มีนาคม 2568
แชร์

กรุงเทพมหานครเปิดให้บริการรถไฟฟ้าสายใหม่ในฝั่งตะวันออกของเมืองเมื่อวันพุธ คาดว่าจะมีผู้โดยสารใช้บริการประมาณหนึ่งแสนคนต่อวัน

เจ้าหน้าที่ระบุว่าเส้นทางใหม่มีทั้งหมดสิบสองสถานี และใช้เวลาเดินทางตลอดสายประมาณยี่สิบห้านาที

ผู้ให้บริการกล่าวว่าในช่วงแรกรถไฟจะวิ่งทุกห้านาที และจะลดระยะเวลารอเมื่อมีผู้โดยสารมากขึ้น

ประชาชนต่างยินดีกับการตัดสินใจครั้งนี้ แต่บางส่วนเรียกร้องให้เพิ่มรถโดยสารประจำทางไปยังสถานี

ข่าวที่เกี่ยวข้อง
ฝนตกหนักทำให้การจราจรติดขัดในเชียงใหม่
เปิดสะพานใหม่ในนนทบุรี
""",
    "ar": """الرئيسية
أخبار
اقتصاد
رياضة
افتتاح خط جديد للمترو في القاهرة يخدم مئة ألف راكب يوميا
القاهرة، 12 مارس 2025
شارك

افتتحت السلطات في القاهرة يوم الأربعاء خطا جديدا للمترو في شرق المدينة، ومن المتوقع أن يستخدمه نحو مئة ألف راكب كل يوم.

وقال المسؤولون إن الخط الجديد يضم اثنتي عشرة محطة، وإن الرحلة الكاملة تستغرق نحو خمس وعشرين دقيقة.

وأضافت إدارة المترو أن القطارات ستعمل كل خمس دقائق في الأيام الأولى، وأن الفاصل سيقل مع زيادة عدد الركاب.

ورحب الركاب بالقرار، لكن بعضهم طالب بخدمة حافلات أفضل للوصول إلى المحطات.

اقرأ أيضا
أمطار غزيرة تعطل حركة المرور في الإسكندرية
افتتاح جسر جديد في الجيزة
""",
    "ko": """홈
뉴스
경제
스포츠
서울에 새 지하철 노선 개통, 하루 10만 명 이용 전망
2025년 3월 12일 10:30
공유하기

서울시는 수요일 도시 동쪽 지역에 새로운 지하철 노선을 개통했으며, 하루 약 10만 명의 승객이 이용할 것으로 예상된다고 밝혔다.

관계자에 따르면 새 노선에는 모두 열두 개의 역이 있으며 전체 구간을 이동하는 데 약 25분이 걸린다.

운영사는 개통 초기에는 5분 간격으로 열차를 운행하고 승객이 늘어나면 간격을 더 줄일 계획이라고 말했다.

시민들은 이번 결정을 환영했지만 일부는 역까지 가는 버스 노선을 늘려 달라고 요구했다.

관련 기사
부산에 폭우로 교통 혼잡
인천에 새 다리 개통
""",
}


@pytest.mark.parametrize(
    "lang, title, first, last, date",
    [
        ("ar", "افتتاح خط جديد للمترو في القاهرة يخدم مئة ألف راكب يوميا", "افتتحت السلطات", "للوصول إلى المحطات.", dt.date(2025, 3, 12)),
        ("ko", "서울에 새 지하철 노선 개통, 하루 10만 명 이용 전망", "서울시는 수요일", "늘려 달라고 요구했다.", dt.date(2025, 3, 12)),
        # no spaces between words, no stop at a sentence's end, and the year 2568 of the Buddhist era
        ("th", "กรุงเทพฯ เปิดรถไฟฟ้าสายใหม่ คาดผู้โดยสารวันละแสนคน", "กรุงเทพมหานครเปิดให้บริการ", "ไปยังสถานี", dt.date(2025, 3, 12)),
    ],
)
def test_arabic_korean_and_thai_articles_are_read_whole(lang, title, first, last, date):
    """Right to left, words of Hangul between spaces, or Thai with no spaces between words: the headline, the
    dateline's date, and the four paragraphs between the share button and the related stories."""
    article = clean(OTHER_SCRIPTS[lang])
    assert (article.lang, article.title, article.date) == (lang, title, date)
    assert article.paragraphs[0].startswith(first) and article.paragraphs[-1].endswith(last)
    assert len(article.paragraphs) == 4


SELECTED_ARTICLE = """Huawei plans new AI chip factories in three cities

Huawei is building three new plants to make its Ascend AI chips, according to people familiar with the plans, \
as the company tries to meet demand from Chinese cloud providers.

The plants, in Shenzhen, Wuhan and Dongguan, are expected to start production next year, the people said.

A worker inspects a wafer at a plant in Shenzhen. Photo: Example Agency

Huawei declined to comment on the plans, which have not been made public, and the city governments did not reply to questions.

Analysts said the move would help the company reduce its reliance on a single contract manufacturer, \
whose capacity is limited by export rules on chipmaking equipment.

Two of the plants are being built on land that belonged to a display maker, according to filings seen by the newspaper.
"""


def test_an_article_selected_alone_keeps_its_last_paragraphs():
    """A reader who selects just the article copies no footer: its last paragraphs end the text. The models, fitted
    on whole pages, take the end of a page for junk; when all that follows the end they pick is running text, the
    text goes on to its end. Hard-wrapped, as an e-mail or a plain-text copy is, the same."""
    article = clean(SELECTED_ARTICLE)
    assert article.title == "Huawei plans new AI chip factories in three cities"
    assert article.paragraphs[0].startswith("Huawei is building") and article.paragraphs[-1].startswith("Two of the plants")
    wrapped = "\n\n".join(textwrap.fill(part, 70) for part in SELECTED_ARTICLE.split("\n\n"))
    assert clean(wrapped).paragraphs[-1].endswith("seen by the newspaper.")


PRODUCT_BOX_PAGE = """Home
Reviews
Guides
Deals
Newsletter
Reviews
The best e-readers for reading the news in 2026
By Mara Lindqvist
Updated 12 March 2026

We spent six weeks reading newspapers, long features and a few novels on nine e-readers, on trains, in bed and \
on a sunny balcony, to find the one that makes the daily news pleasant to read.

Our pick is the Kobo Libra Colour: its screen is sharp enough for small print, its buttons turn pages without a \
smudge, and it opens saved articles from a read-later service without a cable.

Our pick
Kobo Libra Colour
$219.99 from Kobo
$229.00 from Best Buy
Pros
Page-turn buttons
Waterproof
Colour for charts
Cons
Colour dims the page
No audiobooks
Also great
Kindle Paperwhite
$159.99 from Amazon
Pros
Long battery

Why you should trust us

The reviewer has tested reading devices since the first ones arrived in shops, and for this guide she read the \
same three newspapers on every device each morning, noting how long it took to reach the first story.

How we tested

Each e-reader downloaded the same morning edition over the same network, and we timed how long it took to open, \
how easily a reader could jump between sections, and how the page looked at the smallest type size.

We also left every device on a shelf for a week with its wireless on, to see how much battery a quiet week \
costs, because a reader who forgets to charge should still find the morning paper waiting.

The Kindle Paperwhite lasted longest, but the Kobo was the only one that kept a long feature's photographs and \
charts readable, which matters when the news is about numbers.

If you read mostly books, the Paperwhite is the cheaper choice and its store is larger; if you read the news \
every morning, the Libra Colour is worth the extra money.

Share this article
Facebook
X
Email
More from Reviews
The best headphones for a noisy commute
Our favourite travel kettles
About us
Contact
Privacy policy
© 2026 Gadget Review
"""


def test_product_boxes_between_the_intro_and_the_body_keep_the_intro():
    """A buying guide prints its picks (names, prices, pros and cons: a dozen short lines) between the intro and the
    rest. That stretch reads like a list of links and used to bar the article's run, which then began below it: the
    intro, the first two paragraphs, was lost. The run now begins where it would begin unbarred, when a likelier
    headline sits above it there; the footer's list of links still ends the text."""
    article = clean(PRODUCT_BOX_PAGE)
    assert article.title == "The best e-readers for reading the news in 2026"
    assert article.paragraphs[0].startswith("We spent six weeks reading newspapers")
    assert article.paragraphs[1].startswith("Our pick is the Kobo Libra Colour")
    assert article.paragraphs[-1].endswith("the Libra Colour is worth the extra money.")


GUIDE_PAGE = """Home
Reviews
Guides
Deals
The three e-readers worth buying for the daily news

By Mara Lindqvist, 12 March 2026

We read the same three newspapers every morning for six weeks on a dozen e-readers, and these three are the \
ones we would buy with our own money.

Each is good at something different, so read what each does well before you choose: size, battery or a voice \
that reads the news to you.

1. Kobo Clara BW

The Clara is the small one: it fits in a coat pocket, weighs less than a paperback and turns a newspaper's \
pages quickly enough that you never wait for the next story.

Its screen is sharp but black and white, so photographs in the news look flat, and charts with colours lose the \
difference between their lines.

Pros
Light
Fast page turns
Long battery
Cons
No colour
No audio
Starting at $139.99
Buy the Kobo Clara BW
Compare prices
Check the price

2. Kindle Paperwhite

The Paperwhite has the longest battery of all the readers we tried: after a month of the morning paper and a \
novel at night it still showed a third of its charge.

Amazon's store is the largest, but newspapers cost more there than on the publishers' own apps, and you cannot \
load a paper bought elsewhere without a cable.

Pros
Light
Fast page turns
Long battery
Cons
No colour
No audio
Starting at $179.99
Buy the Kindle Paperwhite
Compare prices
Check the price

3. PocketBook Era

The Era is the one to buy if you also listen to the news: it reads articles aloud through a Bluetooth speaker, \
in a voice that is slow but clear.

Its menus are crowded and its store is small, so most readers will send articles to it from a read-later \
service rather than buy them on the device.

Pros
Light
Fast page turns
Long battery
Cons
No colour
No audio
Starting at $219.99
Buy the PocketBook Era
Compare prices
Check the price

Whichever you choose, turn off the wireless at night: every reader we tried lost more charge to it than to reading.

Related reviews
The best headphones for a noisy commute
Our favourite travel kettles
About us
Contact
© 2026 Gadget Review
"""


def test_the_text_goes_on_past_a_product_box_to_the_next_product():
    """A buying guide follows each product's paragraphs with its box (pros, cons, prices, shop links: a dozen short
    lines), which bars the article's run: the text ended with the first product. It now goes on as far as the run
    would reach unbarred, to the second product at least, and never into the list of other reviews after the end."""
    article = clean(GUIDE_PAGE)
    assert article.paragraphs[0].startswith("We read the same three newspapers")
    assert any(paragraph.startswith("The Paperwhite has the longest battery") for paragraph in article.paragraphs)
    assert not any("headphones" in paragraph for paragraph in article.paragraphs)


TABLE_PAGE = """News
Politics
Business
Sport
City council election: Greens win the most seats for the first time
Published 9 May 2026

The Greens became the largest party on the city council on Sunday, winning fourteen of the forty-five seats \
after a campaign that turned on bus fares, flats and the future of the old harbour.

Turnout rose to 58 percent, six points above the last election, with the biggest increase in the districts \
along the river, where the harbour plans would change the most streets.

Party\tSeats\tChange
Greens\t14\t+5
Social Democrats\t11\t-2
Christian Democrats\t9\t-3
Liberals\t5\t+1
Left\t3\t0
Free Voters\t2\t0
Pirates\t1\t-1
Total\t45
Source: city election office

Results by party

The Social Democrats, who had led the council for twelve years, lost two seats and said they would talk to \
every party except the far right before the council meets in June.

The Greens' leader, Lena Hoffmann, said her party wanted a coalition that would freeze bus fares for two years \
and put the harbour plans to a vote of the residents.

The Christian Democrats had their worst result since the war and their leader said he would step down at the \
party's meeting next month.

The new council meets for the first time on 2 June, when it must elect a mayor from among its members.

Share
Comments
Most read
Bus fares to rise in August
Harbour plan: what we know
© 2026 City Post
"""


def test_a_table_inside_the_article_does_not_end_it():
    """A table's rows, as a browser copies them (cells between tabs, one row a line), are short and no sentences, but
    no list of links: the paragraphs after the table are the article's too."""
    article = clean(TABLE_PAGE)
    assert article.paragraphs[0].startswith("The Greens became the largest party")
    assert article.paragraphs[-1].startswith("The new council meets for the first time on 2 June")
    assert len(article.paragraphs) == 6


@pytest.mark.parametrize("text", [TABLE_PAGE, SELECTED_ARTICLE], ids=["whole page", "article selected alone"])
def test_paragraphs_with_no_blank_line_between_them_are_read_one_a_line(text):
    """Text from a word processor or a mail, or a page whose paragraphs are not <p>s, has no blank line between its
    paragraphs: each line is one. It was read as a page of menus and captions, the article's lines judged by a
    blank line that none had (the text ended a paragraph or two in), and its paragraphs came out as one."""
    packed = "\n".join(line for line in text.split("\n") if line) + "\n"
    assert clean(packed).paragraphs == clean(text).paragraphs


@pytest.mark.parametrize(
    "line_break, paragraph_break",
    [("\r\r\n", "\r\r\n\r\r\n"), ("\u2028", "\u2029"), ("\v", "\f"), ("\r", "\r\r")],
    ids=["CR CR LF (converted twice)", "Unicode separators", "Word's line break and page break", "CR (classic Mac)"],
)
def test_every_kind_of_line_break_is_one(line_break, paragraph_break):
    """Text from other tools breaks its lines otherwise than with LF: the article reads the same."""
    text = TABLE_PAGE.replace("\n\n", "\0").replace("\n", line_break).replace("\0", paragraph_break)
    assert clean(text).paragraphs == clean(TABLE_PAGE).paragraphs
    assert clean(text).title == clean(TABLE_PAGE).title


def test_a_double_spaced_copy_reads_as_the_page():
    """A tool that makes each line break two (a blank line between any two lines, three between paragraphs) gave a
    page of one-line paragraphs whose menus read like text: the copy is spaced as it was before."""
    doubled = TABLE_PAGE.replace("\n", "\n\n")
    assert clean(doubled).paragraphs == clean(TABLE_PAGE).paragraphs
    assert clean(doubled).title == clean(TABLE_PAGE).title


CLIPPED_ARTICLE = """---
title: "City council election: Greens win the most seats for the first time"
source: "https://citypost.example/politics/2026/05/10/greens-win-council"
author:
  - "[[Lena Vogt]]"
published: 2026-05-10
created: 2026-05-11
description: "The Greens are the largest party on the city council for the first time."
tags:
  - "clippings"
---
![Greens supporters celebrate at the party's election night event in the old harbour \
hall](https://citypost.example/img/greens.jpg)

Greens supporters celebrate on election night. Photo: Anna Berg

The Greens became the largest party on the city council on Sunday, winning fourteen of the forty-five seats \
after a campaign that turned on bus fares, flats and the future of the [old harbour](https://citypost.example/harbour).

Turnout rose to **58 percent**, six points above the [last election](https://citypost.example/2021-election), \
with the biggest increase in the districts along the river, where the harbour plans would change the most streets.

## What comes next

The Social Democrats, who had led the council for twelve years, lost two seats and said they would talk to \
every party except the far right before the council meets in June.

The Greens' leader, Lena Hoffmann, said her party wanted a coalition that would *freeze bus fares* for two \
years and put the harbour plans to a vote of the residents.

| Party | Seats | Change |
| --- | --- | --- |
| Greens | 14 | +5 |
| Social Democrats | 11 | -2 |

The new council meets for the first time on 2 June, when it must elect a mayor from among its members.
"""


def test_an_article_clipped_as_markdown_is_read_as_the_page_shows_it():
    """Obsidian's Web Clipper (and MarkDownload, with its front matter on) saves the article as Markdown under a
    front matter: the title, the address ('source') and the date ('published', not 'created', the day it was
    clipped) come from it, and the text is read as the page shows it: a link's words, no picture, no marks."""
    article = clean(CLIPPED_ARTICLE)
    assert article.title == "City council election: Greens win the most seats for the first time"
    assert article.url == "https://citypost.example/politics/2026/05/10/greens-win-council"
    assert article.date == dt.date(2026, 5, 10)
    assert article.paragraphs[0].startswith("The Greens became the largest party")
    assert article.paragraphs[0].endswith("the future of the old harbour.")
    assert article.paragraphs[-1].startswith("The new council meets for the first time")
    assert "What comes next" in article.paragraphs
    assert not any(mark in article.text for mark in ("**", "](", "![", "## ", "*freeze"))


def test_a_clippers_heading_is_the_headline():
    """MarkDownload's own template writes the title as the first heading and an excerpt under it, with no front
    matter: the heading is the headline, and the text has no address or date it does not say."""
    body = CLIPPED_ARTICLE.split("---\n", 2)[2]
    heading = "# The Greens win the [city council](https://citypost.example/council)\n\n"
    clipped = heading + "> ## Excerpt\n> The Greens are the largest party.\n\n---\n\n" + body
    article = clean(clipped)
    assert article.title == "The Greens win the city council"
    assert article.paragraphs[0].startswith("The Greens became the largest party")
    assert article.url is None and article.date is None


@pytest.mark.parametrize(
    "front", ["title: [unclosed\n", "- a list\n", "a: " + "[" * 5000 + "\n"], ids=["not YAML", "no mapping", "nested deep"]
)
def test_a_front_matter_that_says_nothing_is_read_as_text(front):
    """A block between '---' lines that is no YAML mapping (or nests past what the parser allows) is no front matter:
    the text is read as it stands, and nothing fails."""
    article = clean("---\n" + front + "---\n" + TABLE_PAGE)
    assert article.paragraphs == clean(TABLE_PAGE).paragraphs


SAVED_PAGE = """<!DOCTYPE html>
<!-- saved from url=(0058)https://harbourtimes.example/city/2026/05/ferry-strike-ends -->
<html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Ferry strike ends after two weeks | Harbour Times</title>
<link rel="canonical" href="https://harbourtimes.example/city/2026/05/ferry-strike-ends">
<meta property="article:published_time" content="2026-05-12T08:30:00+02:00">
<style>.menu { display: flex } body { font-family: serif }</style>
<script>window.dataLayer = [{"page": "article", "section": "city"}];</script>
</head>
<body>
<a href="#main">Skip to content</a>
<nav><ul>
  <li><a href="/">Home</a></li>
  <li><a href="/city">City</a></li>
  <li><a href="/sport">Sport</a></li>
  <li><a href="/opinion">Opinion</a></li>
</ul></nav>
<div class="cookie" style="display: none">We use cookies to improve your experience on our site.</div>
<main id="main"><article>
<h1>Ferry strike ends after two weeks</h1>
<p class="byline">By Nora Lind · 12 May 2026</p>
<figure><img src="ferry.jpg" alt="A ferry at the quay">
<figcaption>The morning ferry leaves the quay. Photo: Harbour Times</figcaption></figure>
<p>The ferry crews returned to work on Tuesday morning after the operator and the union agreed on a new
   contract that raises wages by six percent over two years and limits night shifts to three a week.</p>
<p>Commuters from the islands had spent two weeks on replacement buses that took an hour longer, and several
   shops on the islands said their <em>deliveries</em> had arrived late or not at all during the strike.</p>
<p>The first boats were full by seven o'clock, and the operator said the timetable would be back to normal by
   the end of the week, once the crews had checked the engines of the boats that had stood still.</p>
</article>
<aside><h2>More from City</h2><ul><li><a href="/a">New bridge opens in June</a></li><li><a href="/b">Harbour
  festival returns</a></li></ul></aside></main>
<footer><p>© 2026 Harbour Times</p><ul><li>About us</li><li>Contact</li><li>Privacy</li></ul></footer>
<script>track("pageview");</script>
</body></html>
"""


def test_a_page_saved_from_the_browser_is_read_as_its_text():
    """A page saved with "Save page as…" is HTML. It is read as a browser's innerText gives it (no scripts, no styles, nothing the
    page hides; a paragraph a block), and its markup gives what a copied text lacks: the canonical address and the
    publication time. Measured on the corpus's pages whose HTML is at hand, the importer reads the saved pages about as
    well as the copied ones (see the README)."""
    article = clean(SAVED_PAGE)
    assert article.title == "Ferry strike ends after two weeks"
    assert article.url == "https://harbourtimes.example/city/2026/05/ferry-strike-ends"
    assert article.date == dt.date(2026, 5, 12)
    assert article.paragraphs[0].startswith("The ferry crews returned to work on Tuesday morning")
    assert "raises wages by six percent over two years" in article.paragraphs[0]  # one line: white space collapsed
    assert "their deliveries had arrived late" in article.paragraphs[1]
    assert article.paragraphs[-1].endswith("the boats that had stood still.")
    assert not any(word in article.text for word in ("dataLayer", "font-family", "cookies", "track("))
    xhtml = '<?xml version="1.0" encoding="UTF-8"?>\n' + SAVED_PAGE  # XHTML opens with an XML prolog
    assert clean(xhtml).paragraphs == article.paragraphs


def test_a_saved_page_in_its_own_character_set_is_read(tmp_path):
    """A page saved from a site that is not in UTF-8 declares its character set in a <meta>: it is read in it. A text
    in another character set with no such declaration is still refused, as before."""
    page = SAVED_PAGE.replace("charset=UTF-8", "charset=windows-1252").replace("Nora Lind", "Nóra Lind")
    path = tmp_path / "page.html"
    path.write_bytes(page.replace("six percent", "six per cent, café owners said,").encode("cp1252"))
    result = digest("import", str(path), "--text-only")
    assert result.exit_code == 0, result.output
    assert "six per cent, café owners said, over two years" in result.stdout


GLUED_TRAIL_PAGE = """Recipes
Crafts
Home Recipes Slow-Cooker Apple Butter for Cold Mornings
This post may contain affiliate links.
RECIPES
SLOW-COOKER APPLE BUTTER FOR COLD MORNINGS
written by Ann

Apple butter is what happens when apples cook long enough for their sugar to turn dark and thick, and a slow cooker does most of the work.

Peel and slice four pounds of apples, add a cup of brown sugar and a spoon of cinnamon, and let them cook on low for ten hours.

Blend the apples smooth, cook them one more hour with the lid off, and spoon the butter into clean jars while it is still hot.

Share this post
You may also like
"""


def test_a_breadcrumb_glued_to_the_headline_is_cut():
    """The page prints the trail and the headline as one line ('Home Recipes Slow-Cooker Apple Butter …') and the
    headline again in capitals (a style's text-transform): the headline is the line's end that the capitals repeat,
    as the line writes it."""
    article = clean(GLUED_TRAIL_PAGE)
    assert article.title == "Slow-Cooker Apple Butter for Cold Mornings"
    assert article.paragraphs[0].startswith("Apple butter is") and len(article.paragraphs) == 3


KOREAN_PAGE = """본문 바로가기
정치 경제 사회 국제 문화 연예 스포츠 오피니언
사회
서울 동부에 새 지하철 노선 개통…하루 10만 명 이용 전망
송고시간 2025-03-12 10:30
홍길동 기자

서울 지하철 새 노선 열차가 역에 들어서고 있다. [서울시 제공]

(서울=연합뉴스) 홍길동 기자 = 서울시는 12일 도시 동쪽 지역을 잇는 새 지하철 노선을 개통했으며, \
하루 약 10만 명의 승객이 이용할 것으로 예상된다고 밝혔다.

관계자에 따르면 새 노선에는 모두 열두 개의 역이 있으며 전체 구간을 이동하는 데 약 25분이 걸린다.

기사 공유하기
글자크기 변경
프린트 하기

운영사는 개통 초기에는 5분 간격으로 열차를 운행하고 승객이 늘어나면 간격을 더 줄일 계획이라고 말했다.

시민들은 이번 결정을 환영했지만 일부는 역까지 가는 버스 노선을 늘려 달라고 요구했다.

저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지

관련 뉴스
부산 도심에 폭우…출근길 교통 혼잡 이어져
인천 송도에 새 다리 개통…주민들 "통행 편해졌다"
"""


def test_a_korean_share_bar_and_photo_caption_go():
    """Korean puts spaces between its words: 'share the article', 'change the text size', 'print' are a menu's
    short entries, as in any spaced language, not lines of five words each (two syllables count as one word, and
    the word is not counted again), so the bar between two paragraphs goes and all four paragraphs stay. The
    caption above the lede goes too: '[서울시 제공]' (provided by the city) is its credit."""
    article = clean(KOREAN_PAGE)
    assert article.title == "서울 동부에 새 지하철 노선 개통…하루 10만 명 이용 전망"
    assert [p.split()[0] for p in article.paragraphs] == ["(서울=연합뉴스)", "관계자에", "운영사는", "시민들은"]


BIO_PAGE = """Home
Science
Space
Station crew fixes a leaking radiator on a six-hour walk
By Jane Roe
March 4, 2025

Two astronauts spent six hours outside the station on Tuesday to replace a radiator valve that had been leaking coolant for weeks.

The crew had prepared for the walk since January, rehearsing each step in a pool at the training centre near the launch site.

Engineers on the ground said the new valve held its pressure through the night, and the crew will resume their experiments on Thursday.

Jane Roe covers spaceflight and planetary science for the paper. She lives near the coast and writes a weekly column about the night sky.

Share this article
Related stories
"""


def test_the_authors_bio_after_the_article_is_left_out():
    """The byline above the article names its author; the paragraph after the article that begins with that name is her
    bio, not the article's last paragraph, however much it reads like prose."""
    article = clean(BIO_PAGE)
    assert article.paragraphs[-1].endswith("the crew will resume their experiments on Thursday.")
    assert "Jane Roe" not in article.text
    quoted = BIO_PAGE.replace("By Jane Roe\n", "")  # no byline: a paragraph that names someone stays
    assert "Jane Roe covers spaceflight" in clean(quoted).text
    from generator.editor.importer.boundary import authors

    dated = ["Updated Dec 5, 2024", "Published November 3, 2025", "Korin MillerPublished: Jun 2, 2025"]
    assert authors(dated, 3) == {"korin miller"}  # a date line's words are no author, and what the copy glued goes


JAPANESE_PAGE = """ホーム
ニュース
テクノロジー
図書館が夜間の貸し出しを始める、市内三か所で来月から
2025年3月12日

市の図書館は来月から、市内の三つの分館で夜九時まで本の貸し出しを続けると発表した。仕事帰りの利用者の声に応えたという。

これが初めての試み。
利用は予約制になる。
返却は翌朝でもよい。
館長は「夜に本を借りたい人は多い」と話した。

市は利用者の数を半年ごとに調べ、ほかの分館にも広げるかどうかを決める方針だ。

関連記事
ランキング
"""


def test_short_japanese_sentences_on_lines_of_their_own_are_kept():
    """Four short sentences in a row, each ending in '。': a Japanese paragraph written line by line, not a menu of
    four short entries (before, all four went, and half of some Japanese articles with them)."""
    article = clean(JAPANESE_PAGE)
    assert article.title == "図書館が夜間の貸し出しを始める、市内三か所で来月から"
    for sentence in ("これが初めての試み。", "利用は予約制になる。", "返却は翌朝でもよい。"):
        assert sentence in article.text
    assert article.paragraphs[-1].endswith("決める方針だ。")
    assert "ランキング" not in article.text


def test_a_japanese_draft_gets_its_lede_and_a_summary(project, tmp_path):
    """The lede is the first paragraph's first sentence (not a later one, as when a paragraph without a Latin full stop
    passed for a subheading), and the drafted body holds the article's central sentences (none, when every Japanese
    sentence counted as one word and so as too short to pick)."""
    page = tmp_path / "ja.txt"
    page.write_text(JAPANESE_PAGE, encoding="utf-8")
    result = digest("import", str(page), "--source-url", "https://news.example.jp/library")
    assert result.exit_code == 0, result.output
    text = (project / result.stdout.strip()).read_text(encoding="utf-8")  # ja is not a language of the sample site
    assert "lang: ja" in text
    assert "\nsummary: 市の図書館は来月から、市内の三つの分館で夜九時まで本の貸し出しを続けると発表した。  #" in text
    drafted = text.split("-->")[1]
    assert "館長は「夜に本を借りたい人は多い」と話した。" in drafted and "決める方針だ。" in drafted


@pytest.mark.parametrize(
    "sentence, summary",
    [
        ("WASHINGTON (Reuters) - The Senate passed the chip bill on Tuesday.", "The Senate passed the chip bill on Tuesday."),
        ("HAYWARD, Calif. (AP) — A train was stopped for an hour on Tuesday.", "A train was stopped for an hour on Tuesday."),
        ("LONDON — Britain's economy grew faster than expected.", "Britain's economy grew faster than expected."),
        (
            "МОСКВА, 12 марта. /ТАСС/. Правительство утвердило новый план развития метро.",
            "Правительство утвердило новый план развития метро.",
        ),
        ("(서울=연합뉴스) 홍길동 기자 = 서울시는 12일 새 지하철 노선을 개통했다.", "서울시는 12일 새 지하철 노선을 개통했다."),
        ("【エルサレム＝酒井圭吾】ガザから邦人１０人が退避した。", "ガザから邦人１０人が退避した。"),
        ("新华社北京3月12日电（记者 张三）国家卫生健康委发布通知，要求加强监测。", "国家卫生健康委发布通知，要求加强监测。"),
        # no dateline: a company's ticker, an aside between dashes, acronyms, a tip in capitals with an en dash
        ("Apple (AAPL) — the company said it would buy back shares.", None),
        ("The plant — the largest in Europe — opens next year.", None),
        ("U.S. — China talks resume in Geneva next week.", None),
        ("LIGHTEN YOUR LOAD – Start by weeding out the thin plants.", None),
    ],
)
def test_a_drafts_summary_has_no_wire_dateline(sentence, summary):
    """Where and which agency is no part of what happened: the draft's summary starts at the lede's first word."""
    from generator.editor.importer.summarizing import without_dateline

    assert without_dateline(sentence) == (summary or sentence)


def test_an_agency_story_is_drafted_without_its_dateline(project, tmp_path):
    page = tmp_path / "wire.txt"
    lines = ["World", "Huawei to ship new AI chip next year, sources say", "March 12, 2025", ""]
    paragraphs = [
        "SHENZHEN, China (Reuters) - Huawei plans to start mass shipments of its newest AI chip early next year, "
        "two people familiar with the matter said.",
        "The chip is meant to replace parts that US export rules have kept from Chinese customers since 2022.",
        "Huawei declined to comment on the plans, and the people asked not to be named because the talks are private.",
    ]
    page.write_text("\n".join(lines) + "\n\n".join(paragraphs) + "\n\nRelated stories\n", encoding="utf-8")
    result = digest("import", str(page), "--source-url", "https://www.reuters.com/technology/huawei-chip")
    assert result.exit_code == 0, result.output
    story, _ = validate(project, result.stdout.strip())
    assert story.summary == paragraphs[0].removeprefix("SHENZHEN, China (Reuters) - ")


def test_a_topic_label_in_chinese_or_japanese_is_found_in_the_text(project, tmp_path):
    """'図書館' in the text names the topic whose Japanese label it is, though no space sets it apart from the words
    around it as spaces set 'Robotics' apart."""
    topics = project / "content" / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8") + "libraries: {en: Libraries, ja: 図書館}\n", encoding="utf-8")
    page = tmp_path / "ja.txt"
    page.write_text(JAPANESE_PAGE, encoding="utf-8")
    result = digest("import", str(page), "--source-url", "https://news.example.jp/library")
    assert result.exit_code == 0, result.output
    assert "topics: [libraries]  # suggested by digest import" in (project / result.stdout.strip()).read_text(encoding="utf-8")


CHINESE_PAGE = """首页
新闻
短缺药品监测预警工作进一步加强
2023年11月17日 10:30

2023年11月17日，国家卫生健康委发布通知，要求各地加强短缺药品的监测和预警工作。

通知指出，各地要及时掌握药品供应情况，发现短缺苗头时尽快协调生产企业增加供应。

相关新闻
"""


def test_a_chinese_lede_that_begins_with_a_date_is_no_dateline():
    """The dateline above goes; the lede, a sentence that opens with the date, stays: it is prose."""
    article = clean(CHINESE_PAGE)
    assert article.date == dt.date(2023, 11, 17)
    assert article.paragraphs[0] == "2023年11月17日，国家卫生健康委发布通知，要求各地加强短缺药品的监测和预警工作。"
    assert article.paragraphs[-1].startswith("通知指出")


def test_a_chinese_headline_reads_as_one_when_no_line_model_is_asked():
    """find_title, the fallback when the line model finds no headline, measures a line as the models do: fourteen
    Chinese characters are seven words, not one."""
    from generator.editor.importer.article import find_title

    lines = ["短缺药品监测预警工作进一步加强", "", "国家卫生健康委发布通知，要求各地加强短缺药品的监测和预警工作，及时掌握药品供应情况。"]
    assert find_title(lines) == (0, 1)
    assert find_title(["首页", "新闻", *lines]) == (2, 3)  # a menu's one-word entries are no headline


def test_the_month_names_are_babels():
    """months.json holds Babel's month names of the 68 locales, as bench/month_names.py writes them: a new Babel
    that names a month otherwise makes this fail until the file is written again."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(ROOT / "bench" / "month_names.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


# Vietnamese, Turkish, Indonesian, Hebrew, Persian, Greek, Czech, Romanian, Swedish, Hungarian (the year first) and
# Finnish: a headline, a dateline, four paragraphs, menus above and related
# stories below, each as a news page lays them out. (headline, date as written, paragraphs, menu, related) Persian
# writes with the zero-width non-joiner ('می‌شود', 'ایستگاه‌ها'), which the text keeps.
MORE_LANGUAGES = {
    "vi": (
        "Hà Nội khai trương tuyến tàu điện mới phục vụ một trăm nghìn khách mỗi ngày",
        "12/03/2025",
        [
            "Thành phố Hà Nội đã đưa vào hoạt động một tuyến tàu điện mới ở phía đông vào thứ Tư, dự kiến phục "
            "vụ khoảng một trăm nghìn lượt khách mỗi ngày.",
            "Các quan chức cho biết tuyến mới có mười hai nhà ga và một chuyến đi trọn tuyến mất khoảng hai mươi lăm phút.",
            "Đơn vị vận hành nói rằng trong những ngày đầu, tàu sẽ chạy năm phút một chuyến và sẽ tăng tần suất khi lượng khách tăng lên.",
            "Người dân hoan nghênh quyết định này, nhưng một số người muốn có thêm xe buýt đến các nhà ga.",
        ],
        ["Trang chủ", "Tin tức", "Kinh tế"],
        ["Tin liên quan", "Mưa lớn gây tắc đường ở Đà Nẵng"],
    ),
    "tr": (
        "İstanbul'da yeni metro hattı açıldı, günde yüz bin yolcu bekleniyor",
        "12 Mart 2025",
        [
            "İstanbul'un doğusunda yeni bir metro hattı çarşamba günü hizmete girdi ve hattın her gün yaklaşık "
            "yüz bin yolcu taşıması bekleniyor.",
            "Yetkililer yeni hatta on iki istasyon bulunduğunu ve uçtan uca yolculuğun yaklaşık yirmi beş dakika sürdüğünü söyledi.",
            "İşletmeci şirket, ilk günlerde trenlerin beş dakikada bir çalışacağını ve yolcu sayısı arttıkça bu "
            "sürenin kısalacağını açıkladı.",
            "Yolcular karardan memnun olduklarını söyledi, ancak bazıları istasyonlara daha fazla otobüs seferi istedi.",
        ],
        ["Ana Sayfa", "Haberler", "Ekonomi"],
        ["İlgili Haberler", "İzmir'de sağanak yağış trafiği durdurdu"],
    ),
    "id": (
        "Jakarta buka jalur MRT baru untuk seratus ribu penumpang per hari",
        "12 Maret 2025",
        [
            "Pemerintah Jakarta meresmikan jalur MRT baru di bagian timur kota pada hari Rabu, yang diperkirakan "
            "melayani sekitar seratus ribu penumpang setiap hari.",
            "Para pejabat mengatakan jalur baru itu memiliki dua belas stasiun dan perjalanan dari ujung ke "
            "ujung memakan waktu sekitar dua puluh lima menit.",
            "Operator menyatakan bahwa pada hari-hari pertama kereta akan berangkat setiap lima menit dan "
            "jaraknya akan diperpendek jika penumpang bertambah.",
            "Warga menyambut baik keputusan itu, tetapi sebagian meminta lebih banyak bus menuju stasiun.",
        ],
        ["Beranda", "Berita", "Ekonomi"],
        ["Berita Terkait", "Hujan deras bikin macet di Bandung"],
    ),
    "he": (
        "קו רכבת קלה חדש נפתח בתל אביב וצפוי לשרת מאה אלף נוסעים ביום",
        "12.03.2025",
        [
            "עיריית תל אביב פתחה ביום רביעי קו רכבת קלה חדש במזרח העיר, וצפוי שכמאה אלף נוסעים ישתמשו בו מדי יום.",
            "לדברי הפקידים, בקו החדש שתים עשרה תחנות, ונסיעה מקצה לקצה נמשכת כעשרים וחמש דקות.",
            "המפעילה מסרה כי בימים הראשונים הרכבות ייצאו כל חמש דקות, והתדירות תגדל ככל שיגדל מספר הנוסעים.",
            "התושבים בירכו על ההחלטה, אך חלקם ביקשו קווי אוטובוס נוספים אל התחנות.",
        ],
        ["ראשי", "חדשות", "כלכלה"],
        ["כתבות נוספות", "גשם כבד שיבש את התנועה בחיפה"],
    ),
    "fa": (
        "خط جدید مترو در تهران افتتاح شد و روزانه صد هزار مسافر خواهد داشت",
        "12/03/2025",
        [
            "شهرداری تهران روز چهارشنبه یک خط جدید مترو را در شرق شهر افتتاح کرد و پیش‌بینی می‌شود روزانه حدود "
            "صد هزار مسافر از آن استفاده کنند.",
            "مسئولان گفتند خط جدید دوازده ایستگاه دارد و سفر از ابتدا تا انتهای آن حدود بیست و پنج دقیقه طول می‌کشد.",
            "شرکت بهره‌بردار اعلام کرد که در روزهای نخست قطارها هر پنج دقیقه حرکت می‌کنند و با افزایش مسافران فاصله کمتر می‌شود.",
            "مسافران از این تصمیم استقبال کردند، اما برخی خواستار اتوبوس‌های بیشتری به سمت ایستگاه‌ها شدند.",
        ],
        ["صفحه اصلی", "اخبار", "اقتصاد"],
        ["مطالب مرتبط", "باران شدید ترافیک اصفهان را مختل کرد"],
    ),
    "el": (
        "Νέα γραμμή μετρό άνοιξε στην Αθήνα και αναμένεται να εξυπηρετεί εκατό χιλιάδες επιβάτες",
        "12 Μαρτίου 2025",
        [
            "Η Αθήνα έθεσε σε λειτουργία την Τετάρτη μια νέα γραμμή μετρό στα ανατολικά της πόλης, η οποία "
            "αναμένεται να εξυπηρετεί περίπου εκατό χιλιάδες επιβάτες την ημέρα.",
            "Σύμφωνα με τους αρμόδιους, η νέα γραμμή έχει δώδεκα σταθμούς και η διαδρομή από άκρη σε άκρη "
            "διαρκεί περίπου είκοσι πέντε λεπτά.",
            "Η εταιρεία που τη λειτουργεί ανέφερε ότι τις πρώτες ημέρες οι συρμοί θα περνούν κάθε πέντε λεπτά "
            "και ότι η συχνότητα θα αυξηθεί όσο αυξάνονται οι επιβάτες.",
            "Οι κάτοικοι χαιρέτισαν την απόφαση, αν και ορισμένοι ζήτησαν περισσότερα λεωφορεία προς τους σταθμούς.",
        ],
        ["Αρχική", "Ειδήσεις", "Οικονομία"],
        ["Σχετικά άρθρα", "Ισχυρή βροχή προκάλεσε κυκλοφοριακό χάος στη Θεσσαλονίκη"],
    ),
    "cs": (
        "V Praze otevřeli novou linku metra, denně má přepravit sto tisíc lidí",
        "12. března 2025",
        [
            "Praha ve středu zprovoznila novou linku metra ve východní části města, která by podle odhadů měla "
            "denně přepravit zhruba sto tisíc cestujících.",
            "Podle představitelů města má nová linka dvanáct stanic a cesta z jednoho konce na druhý trvá přibližně pětadvacet minut.",
            "Dopravní podnik uvedl, že v prvních dnech budou soupravy jezdit každých pět minut a že interval "
            "zkrátí, jakmile cestujících přibude.",
            "Obyvatelé rozhodnutí přivítali, někteří ale žádají více autobusů, které by je ke stanicím dovezly.",
        ],
        ["Úvod", "Zprávy", "Ekonomika"],
        ["Související články", "Silný déšť ochromil dopravu v Brně"],
    ),
    "ro": (
        "O nouă linie de metrou a fost deschisă la București și va transporta o sută de mii de oameni pe zi",
        "12 martie 2025",
        [
            "Bucureștiul a pus în funcțiune miercuri o nouă linie de metrou în estul orașului, care ar urma să "
            "transporte aproximativ o sută de mii de călători pe zi.",
            "Potrivit oficialilor, noua linie are douăsprezece stații, iar o călătorie de la un capăt la altul "
            "durează aproximativ douăzeci și cinci de minute.",
            "Operatorul a anunțat că în primele zile trenurile vor circula la fiecare cinci minute și că "
            "intervalul va scădea pe măsură ce crește numărul de pasageri.",
            "Locuitorii au salutat decizia, dar unii au cerut mai multe autobuze care să ajungă la stații.",
        ],
        ["Acasă", "Știri", "Economie"],
        ["Articole similare", "Ploile puternice au blocat traficul în Cluj"],
    ),
    "sv": (
        "Ny tunnelbanelinje öppnad i Stockholm, väntas ta hundratusen resenärer om dagen",
        "12 mars 2025",
        [
            "Stockholm öppnade på onsdagen en ny tunnelbanelinje i stadens östra delar, och den väntas användas "
            "av omkring hundratusen resenärer varje dag.",
            "Enligt tjänstemännen har den nya linjen tolv stationer och en resa från ände till ände tar ungefär tjugofem minuter.",
            "Operatören meddelade att tågen under de första dagarna går var femte minut och att turtätheten ökar när fler börjar resa.",
            "Invånarna välkomnade beslutet, men en del vill ha fler bussar som går till stationerna.",
        ],
        ["Hem", "Nyheter", "Ekonomi"],
        ["Relaterade artiklar", "Kraftigt regn stoppade trafiken i Göteborg"],
    ),
    "hu": (
        "Új metróvonalat adtak át Budapesten, naponta százezer utast várnak",
        "2025. március 12.",
        [
            "Budapest szerdán átadta a város keleti részén épült új metróvonalat, amelyet a számítások szerint "
            "naponta mintegy százezer utas fog használni.",
            "A tisztviselők szerint az új vonalon tizenkét állomás van, és a teljes útvonal bejárása körülbelül huszonöt percig tart.",
            "Az üzemeltető közölte, hogy az első napokban ötpercenként indulnak a szerelvények, és a követési "
            "időt csökkentik, ha nő az utasok száma.",
            "A lakók üdvözölték a döntést, de néhányan több buszjáratot kértek az állomásokhoz.",
        ],
        ["Címlap", "Hírek", "Gazdaság"],
        ["Kapcsolódó cikkek", "Felhőszakadás bénította meg a közlekedést Debrecenben"],
    ),
    "fi": (
        "Helsinkiin avattiin uusi metrolinja, päivittäin odotetaan satatuhatta matkustajaa",
        "12. maaliskuuta 2025",
        [
            "Helsinki avasi keskiviikkona uuden metrolinjan kaupungin itäosiin, ja sitä arvioidaan käyttävän "
            "noin satatuhatta matkustajaa päivässä.",
            "Virkamiesten mukaan uudella linjalla on kaksitoista asemaa, ja matka päästä päähän kestää noin kaksikymmentäviisi minuuttia.",
            "Liikennöitsijä kertoi, että ensimmäisinä päivinä junat kulkevat viiden minuutin välein ja "
            "vuoroväliä tihennetään, kun matkustajia tulee lisää.",
            "Asukkaat ottivat päätöksen vastaan hyvin, mutta osa toivoo lisää busseja asemille.",
        ],
        ["Etusivu", "Uutiset", "Talous"],
        ["Aiheeseen liittyvät", "Rankkasade sekoitti liikenteen Tampereella"],
    ),
}


@pytest.mark.parametrize("lang", sorted(MORE_LANGUAGES))
def test_articles_in_more_languages_import_whole(lang):
    """The headline, the date, every paragraph and nothing of the menus or the related stories, and a draft's lede
    and summary, in languages the corpus has no page of."""
    from generator.editor.importer.summarizing import lede, summary

    title, date, paragraphs, menu, related = MORE_LANGUAGES[lang]
    article = clean("\n".join([*menu, title, date, ""]) + "\n\n".join(paragraphs) + "\n\n" + "\n".join(related) + "\n")
    assert (article.lang, article.title, article.date) == (lang, title, dt.date(2025, 3, 12))
    assert article.paragraphs == paragraphs
    first = lede(article.paragraphs, lang)
    assert paragraphs[0].startswith(first) and len(summary(article.paragraphs, lang, skip=first)) == 3
