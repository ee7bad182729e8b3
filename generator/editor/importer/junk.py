"""Page junk in text copied from a news site: what to drop from an article, line by line.

Two kinds of lines, each as whole-line patterns in the languages editors meet (en, ru, fr, de, es, it, pt):
junk lines are dropped where they stand (captions, share buttons, ads, reading times); an end marker
(a 'Latest news' or 'Related' header, comments, a contact form, an author bio, a footer) ends the article,
so everything after it goes too, once the article has begun.
"""

from __future__ import annotations

import re
import unicodedata


def _marks() -> str:
    """The combining marks of the Basic Multilingual Plane, as ranges for a character class. Python's \\w leaves them
    out, so without them 'दिल्ली' (Devanagari), 'ข่าว' (Thai) or a Tamil word falls apart into single letters."""
    found = [code for code in range(0x300, 0x10000) if unicodedata.category(chr(code)).startswith("M")]
    ranges, start = [], found[0]
    for previous, code in zip(found, [*found[1:], 0], strict=True):
        if code != previous + 1:
            ranges.append(f"{chr(start)}-{chr(previous)}" if previous > start else chr(start))
            start = code
    return "".join(ranges)


PART = rf"\w[\w{_marks()}]*"  # a word starts with a letter or digit, then letters, digits and the marks that go on them
WORD = re.compile(rf"{PART}(?:[-'’]{PART})*")


def _whole(*patterns: str) -> re.Pattern[str]:
    """Match a whole line, ignoring case, surrounding punctuation and a trailing colon or arrow."""
    return re.compile(r"^[\s\W]*(?:" + "|".join(patterns) + r")[\s:.!?»›→>…|-]*$", re.IGNORECASE)


SOCIAL = r"facebook|twitter|x|linkedin|telegram|whatsapp|vk|vkontakte|вконтакте|одноклассники|телеграм|reddit|pinterest|email|e-mail|print|copy link|mastodon|bluesky|threads"

JUNK = [
    # images and captions
    _whole(
        r"(?:post |featured |article )?(?:thumbnail|image|photo|picture)",
        r"user avatar|avatar|gallery|video|watch video",
        r"(?:photo|image|picture|credit|credits|source image|фото|изображение|иллюстрация|кадр|crédits?(?: photo)?|bild|foto|fotos|imagen|ilustración)\s*[:©/|].*",
        r".{0,80}(?:getty images|reuters/|afp via|ap photo|shutterstock|depositphotos|dpa|efe)\W*",
    ),
    # reading time, views, counters, scores
    _whole(
        r"\d+\s*(?:min(?:ute)?s?|мин(?:ут[аы]?)?|mn)\.?\s*(?:to read|read|reading|de lecture|de leitura|чтения|на чтение|lesezeit|de lectura|di lettura)",
        r"(?:reading time|время чтения|temps de lecture|lesezeit|tiempo de lectura)\W*\d+\s*\w*\.?",
        r"\d[\d\s.,k]*\s*(?:views?|comments?|shares?|likes?|просмотр\w*|комментари\w*|vues?|commentaires?|aufrufe|kommentare|visitas|comentarios|lecturas)",
        r"impact score|rating|score|рейтинг|note",
    ),
    # advertising and trading calls
    _whole(
        r"advertisement|advertising|ad|sponsored(?: content)?|promoted|partner content|реклама|на правах рекламы|publicité|sponsorisé|anzeige|werbung|publicidad|patrocinado|pubblicità",
        r"start trading|trade now|open (?:an |a free )?account|try (?:it )?(?:free|now)|invest now|get started|sign up(?: now| free)?|register now|learn more|buy now|shop now",
        r"(?:download|get|install) (?:the |our )?app.*|app for|скачать приложение|télécharger l'application|app herunterladen|descarga la app",
    ),
    # share buttons, bookmarks, tags, breadcrumbs
    _whole(
        r"share(?: this(?: article| story| post)?)?(?: on (?:" + SOCIAL + r"))?|tweet|pin it|bookmark|save|copy|" + SOCIAL,
        r"поделиться|сохранить|в закладки|partager(?: sur \w+)?|enregistrer|teilen|merken|compartir(?: en \w+)?|guardar|condividi",
        r"(?:tags?|topics?|теги|метки|тэги|mots[- ]clés|étiquettes|schlagwörter|schlagworte|themen|etiquetas|temas)\s*:.*",
        r"(?:home|main|главная|accueil|startseite|inicio|início)\s*[>/»›|].*",
    ),
    # newsletter prompts and the fields of their forms
    _whole(
        r"(?:subscribe|sign up|join|get)\b.{0,60}\b(?:newsletter|updates|inbox|digest)\b.{0,60}",
        r"subscribe(?: now| here| today| for free)?|newsletter",
        r"(?:подпи(?:шитесь|саться)|оформить подписку).{0,80}",
        r"(?:abonnez-vous|s'abonner|inscrivez-vous).{0,80}",
        r"(?:abonnieren|jetzt abonnieren|newsletter abonnieren)\b.{0,80}",
        r"(?:suscríbete|suscribirse|suscríbase|regístrate)\b.{0,80}",
        r".{0,40}(?:your e-?mail|e-?mail address|enter (?:your )?e-?mail|адрес (?:электронной )?почты|ваш e-?mail|votre (?:adresse )?e-?mail|adresse e-?mail|ihre e-?mail|e-?mail-adresse|tu (?:correo|email)|correo electrónico).{0,40}",
    ),
    # datelines and update notes (the import reads the date before the junk goes)
    _whole(
        r"(?:updated|published|posted|last modified|обновлено|опубликовано|дата публикации|publié|mis à jour|modifié|aktualisiert|veröffentlicht|stand|actualizado|publicado|aggiornato|pubblicato)\b.{0,50}",
        r"\d+ (?:minutes?|hours?|days?) ago|(?:il y a|vor|hace) \d+ \w+|\d+ (?:минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день) назад|(?:today|yesterday|сегодня|вчера|aujourd'hui|hier|heute|gestern|hoy|ayer)(?:,? \d{1,2}:\d{2})?",
    ),
    # inline 'read also' links in the middle of an article
    _whole(
        r"(?:read (?:also|more|next)|see also|also read|related|more on this|читайте (?:также|еще|ещё)|смотрите также|по теме|(?:à )?lire aussi|voir aussi|à voir|lesen sie (?:auch|mehr)|mehr (?:dazu|zum thema)|auch interessant|lee (?:también|más)|ver también|(?:también )?te puede interesar|te recomendamos|leggi anche|leia (?:também|mais))\s*[:—–-]\s*.+"
    ),
]

END = [
    # 'latest news' and 'related' blocks of other headlines
    _whole(
        r"latest(?: news| stories| posts| articles)?|related(?: articles| news| stories| posts| content| reading)?|read (?:also|more|next)|more (?:news|stories|articles|from [\w .-]{1,40})",
        r"you (?:may|might) (?:also )?(?:like|enjoy)|recommended(?: for you| articles| stories)?|trending(?: now| stories)?|popular(?: now| posts| stories)?|most (?:read|popular|viewed)|what to read next|editor'?s picks|top stories|see also|also on [\w .]{1,30}",
        r"почитать из последнего|читайте (?:также|ещё|еще)|читать также|(?:последние|свежие|другие) (?:новости|статьи|материалы)|похожие (?:статьи|новости|материалы|записи)|(?:ещё|еще) по теме|по теме|самое (?:читаемое|популярное)|популярное|рекомендуем",
        r"(?:à )?lire aussi|à lire également|sur le même (?:sujet|thème)|dernières? (?:actualités|nouvelles|infos|articles)|articles? (?:similaires|liés|connexes)|les plus lus|à la une|nos recommandations|voir aussi",
        r"weitere (?:artikel|nachrichten|meldungen|beiträge)|das könnte sie auch interessieren|mehr zum thema|neueste (?:artikel|nachrichten|beiträge)|meistgelesen|lesen sie auch|auch interessant|ähnliche artikel|aktuelle nachrichten",
        r"noticias relacionadas|(?:también )?te puede interesar|más noticias|lo más (?:leído|visto)|últimas noticias|artículos relacionados|lee también|te recomendamos|notizie correlate|leggi anche|leia também|notícias relacionadas",
    ),
    # comments
    _whole(
        r"comments?|\d+ comments?|your comment|leave a (?:comment|reply)|add (?:a )?comment|post a comment|join the (?:discussion|conversation)|discussion",
        r"комментари[иейя]|ваш комментарий|оставить комментарий|добавить комментарий|обсуждение",
        r"commentaires?|votre commentaire|laisser un commentaire|ajouter un commentaire|réagir|réactions",
        r"kommentare?|ihr kommentar|kommentar schreiben|diskussion|comentarios?|tu comentario|deja (?:un|tu) comentario|deja una respuesta|commenti|comentários",
    ),
    # contact forms
    _whole(
        r"contact(?: us| form)?|get in touch|send us a (?:message|tip)|связаться с нами|обратная связь|контакты|напишите нам|contactez-nous|nous contacter|formulaire de contact",
        r"kontakt(?:formular)?|kontaktieren sie uns|schreiben sie uns|contáctenos|contacto|formulario de contacto|escríbenos|contatti|fale conosco",
    ),
    # author bio after the article
    _whole(
        r"(?:author|about the author|written by|автор|об авторе|auteur|à propos de l'auteur|über den autor|autor(?:in)?|sobre el autor|l'autore)\b.{0,60}"
    ),
    # footers
    _whole(
        r"(?:©|\(c\)|copyright\b).*",
        r".{0,60}(?:all rights reserved|все права защищены|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati).*",
        r"privacy policy|terms (?:of (?:use|service)|and conditions)|cookie(?:s| policy| settings)?.*|политика конфиденциальности|пользовательское соглашение",
        r"mentions légales|politique de confidentialité|impressum|datenschutz(?:erklärung)?|aviso legal|política de privacidad|política de cookies",
    ),
]

# 'By Jane Doe', 'Par Marie Dubois | 3 mai', 'Von Jonas Weber, Berlin': a preposition, then capitalised names only.
BYLINE = re.compile(
    r"^(?:[Bb]y|BY|[Pp]ar|[Vv]on|[Pp]or|[Dd]i|Текст:?|Автор:?)\s+(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'’-]*\s*(?:(?:and|et|und|y|и|e)\s+)?){1,5}(?:[,|•·–—-].{0,60})?$"
)
LIST_ITEM = re.compile(r"^\s*(?:[-*•·–]|\d+[.)])\s")


def words(line: str) -> list[str]:
    return WORD.findall(line)


def is_junk(line: str) -> bool:
    """A line to drop wherever it stands; a line with no letters at all (a score, a counter) is junk too."""
    if not any(ch.isalpha() for ch in line) or BYLINE.match(line):
        return True
    return any(pattern.match(line) for pattern in JUNK)


def is_end(line: str) -> bool:
    """A line after which the rest of the page is not the article."""
    return any(pattern.match(line) for pattern in END)


# Scripts written with no space between words (Thai, Lao, Burmese, Khmer): every three letters count as a word.
UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


def word_count(line: str) -> int:
    """Words between spaces, and in Thai, Lao, Burmese and Khmer every three letters as a word."""
    return len(words(line)) + len(UNSPACED.findall(line)) // 3


CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
# the stops that end a sentence: Latin and Cyrillic; Chinese and Japanese; the danda of Hindi, Bengali, Marathi and
# Nepali; Urdu's and Arabic's full stop and question mark; Armenian, Ethiopic, Burmese and Khmer
SPACED_STOPS = ".!?…।॥۔؟։።။។"
CJK_STOPS = "。！？"
# how running text may end, loosely: a stop, or a closing quote or bracket (after a stop, or a quote ending a line)
LOOSE_ENDS = SPACED_STOPS + CJK_STOPS + '»"”)」』）'


def size(line: str) -> int:
    """Words in a line; in Chinese, Japanese and Korean, every two characters (Korean's syllables) count as a word;
    in Thai, Lao, Burmese and Khmer, every three letters. A Korean word between spaces is not counted again as a
    word (it would count once and a half more); a Chinese run between stops is, once (the models were fitted so)."""
    count = word_count(line) + len(CJK.findall(line)) // 2
    return count - sum(1 for word in words(line) if HANGUL.search(word)) if HANGUL.search(line) else count


def is_prose(line: str) -> bool:
    """A line of running text: a sentence or more, not a headline, menu entry or button."""
    count = size(line)
    return count >= 12 or (count >= 6 and line.rstrip()[-1:] in LOOSE_ENDS)


def is_short(line: str) -> bool:
    """A line of four words at most that ends no sentence: a menu's or a tag list's entry, unless a list's item."""
    return size(line) <= 4 and line.rstrip()[-1:] not in SPACED_STOPS + CJK_STOPS + ":" and not LIST_ITEM.match(line)


def strip_junk(lines: list[str]) -> list[str]:
    """The article's lines without junk lines and end markers ('Related', 'Read more', 'Comments').

    The article's ends are already found by shape (locate.py): an end marker inside it is a teaser block in
    the middle of the article, dropped where it stands. Blank lines are kept as paragraph breaks. Runs of three
    or more short lines (a menu, a tag list) are dropped too: an article's subheadings stand alone between
    paragraphs.
    """
    kept = [line.strip() for line in lines]
    return drop_menus([line if not line or not (is_junk(line) or is_end(line)) else "" for line in kept])


def drop_menus(lines: list[str]) -> list[str]:
    """Drop runs of three or more short lines, blank lines between them included."""
    result: list[str] = []
    run: list[int] = []  # indexes in result of the current run of short lines
    for line in lines + ["."]:  # a sentinel that ends the last run
        if not line:
            result.append(line)
            continue
        if is_short(line):
            run.append(len(result))
            result.append(line)
            continue
        if len(run) >= 3:
            for index in run:
                result[index] = ""
        run = []
        result.append(line)
    return result[:-1]


def paragraphs(lines: list[str], each: bool = False) -> list[str]:
    """Lines grouped into paragraphs at blank lines; with each, every line is a paragraph."""
    found: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if line:
            current.append(line)
        if current and (each or not line):
            found.append("\n".join(current))
            current = []
    return found
