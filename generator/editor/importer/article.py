"""Raw article text, as copied from a news page, into an Article and then into a draft story.

The page's junk goes first (junk.py); then the headline, the dateline, the source's address and the
language are read, and the draft gets a lede, a short extractive summary and suggested topics.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...model import Source, Story, Topic
from ...slugs import slug_for
from ..scaffold import DRAFTED_NOTE, StoryDraft, source_from_url
from . import junk
from .blocks import is_wrapped, undoubled, unparted
from .clipped import unclipped
from .datelines import find_date, is_dateline
from .headline import unglued_title
from .language import detect_language
from .locate import locate
from .saved_page import unsaved
from .suggesting import Suggestion, suggest
from .summarizing import lede, summary, without_dateline
from .teasers import trim

URL = re.compile(r"https?://[^\s<>\"'()\[\]]+[^\s<>\"'()\[\].,;:!?»”]")
SOURCE_LINE = re.compile(
    r"^\W*(?:source|original|via|link|источник|оригинал|ссылка|quelle|fuente|fonte|lien)?\s*[:\-–—]?\s*(https?://\S+)\s*$", re.IGNORECASE
)
IMAGE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?|$)", re.IGNORECASE)
# 'Headline - FT', 'Headline | Reuters', 'Titre — Le Monde': a short, capitalised site name after a dash or bar.
SITE_SUFFIX = re.compile(r"^(?P<title>.{12,}?)\s+[-|–—]\s+(?P<site>(?:[A-ZÀ-ÖØ-ÞА-ЯЁ0-9][\w.&'’-]*\s?){1,4})$")
SOURCE_URL_PLACEHOLDER = "FILL IN: the address of the article"
SOURCE_NAME_PLACEHOLDER = "FILL IN: the publication"


@dataclass
class Article:
    """What is left of a copied page once the junk is gone."""

    title: str
    paragraphs: list[str]
    date: dt.date | None = None
    url: str | None = None
    site: str | None = None  # the publication, when the headline names it ('... - FT')
    lang: str | None = None
    confidence: float = 0.0
    dropped: list[str] = field(default_factory=list)  # lines removed before the body: the editor may want them

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def normalise(raw: str) -> list[str]:
    """Lines with a BOM, CRLF, non-breaking and zero-width spaces tidied; lines of whitespace or zero-width
    characters alone made blank. The zero-width non-joiner and joiner stay inside words: Persian spells with the
    first ('می‌خواهد'), Indic scripts and emoji with both. Every line break counts: CR LF, CR CR LF (a file converted
    twice), CR, Unicode's line and paragraph separators (a paragraph's end, as InDesign and some editors copy it), the
    vertical tab (Word's line break within a paragraph) and the form feed (a new page: a paragraph's end). Text
    double-spaced by a tool (each line break made two) is spaced as it was: see blocks.undoubled."""
    text = raw.lstrip("\ufeff").replace("\r\r\n", "\n").replace("\r\n", "\n")
    text = re.sub(r"[\u2029\f]", "\n\n", re.sub(r"[\r\u2028\u0085\v\x1c-\x1e]", "\n", text))
    text = re.sub(r"[\u200b\u2060\ufeff]", "", text).replace("\u00a0", " ").replace("\u202f", " ")
    return undoubled([line.strip().strip("\u200c\u200d").strip() for line in text.split("\n")])


SENTENCE_STOPS = (".", ":", ";", "。", "：", "；")  # a line that ends so is no headline


def is_title(line: str) -> bool:
    count = junk.size(line)
    return (
        3 <= count <= 30
        and not junk.is_junk(line)
        and not junk.is_end(line)
        and not is_dateline(line)
        and not line.rstrip().endswith(SENTENCE_STOPS)
        and not URL.search(line)
    )


def continues_title(headline: list[str], line: str) -> bool:
    """A headline wrapped onto the next line: that line reads like the rest of one, with no blank line between."""
    return (
        bool(line)
        and not headline[-1].endswith(("?", "!", "？", "！"))
        and junk.size(" ".join([*headline, line])) <= 30
        and not junk.is_junk(line)
        and not junk.is_end(line)
        and not is_dateline(line)
        and not line.rstrip().endswith(SENTENCE_STOPS)
        and not URL.search(line)
    )


def find_title(lines: list[str]) -> tuple[int, int]:
    """Where the headline starts and ends: the first line that reads like one, before the first prose.

    A line of five words or more wins over a shorter one ('НовостиТех — главное о технологиях' is a site's
    banner); a headline wrapped onto the next line is taken whole.
    """
    head = []
    for index, line in enumerate(lines):
        if line and junk.is_prose(line) and not is_title(line):
            break
        if line:
            head.append(index)
    candidates = [i for i in head if is_title(lines[i])]
    start = next((i for i in candidates if junk.size(lines[i]) >= 5), candidates[0] if candidates else (head or [0])[0])
    end = start + 1
    while end < len(lines) and continues_title(lines[start:end], lines[end]):
        end += 1
    return start, end


def article_end(lines: list[str], start: int) -> int:
    """Index of the first end marker ('Latest news', 'Comments', a footer) after the first line of prose."""
    begun = False
    for index in range(start, len(lines)):
        line = lines[index]
        if line and begun and junk.is_end(line):
            return index
        begun = begun or (bool(line) and junk.is_prose(line) and not junk.is_junk(line))
    return len(lines)


def split_site(title: str) -> tuple[str, str | None]:
    match = SITE_SUFFIX.match(title)
    return (match["title"].strip(), match["site"].strip()) if match else (title, None)


def read_article(raw: str, lang: str | None = None) -> Article:
    """Title, date, source address and clean paragraphs of a copied article; lang settles dates like 04/05/2025."""
    text, saved = unsaved(raw)
    lines, said = unclipped(normalise(text))
    said = {**said, **saved}
    found_title, begin, end = locate(lines)
    if found_title is None:
        start, after = find_title(lines)
        begin, end = max(begin, after), max(end, after)
    else:
        start, after = found_title, found_title + 1  # one line in a copied page (its <h1>); wrapped in plain text
        while is_wrapped(lines) and after < begin and continues_title(lines[start:after], lines[after]):
            after += 1
    limit = max(end, article_end(lines, end))  # the source address may follow the article, up to an end marker
    headline = " ".join(lines[start:after]) if after > start + 1 else unglued_title(lines, start)
    title, site = split_site(said.get("title") or headline)
    found = find_date([said["date"]] if "date" in said else [], lang) or find_date(lines[:end], lang)
    url = said.get("url")
    body: list[str] = []
    dropped = [line for line in lines[:start] if line]
    for index in range(begin, end):
        line = lines[index]
        source = SOURCE_LINE.match(line)
        if source:
            url = url or source.group(1).rstrip(".,;")
        elif line and (is_dateline(line) or line == headline):
            dropped.append(line)
        else:
            body.append(line)
            continue
        body.append("")
    url = url or next((m.group(1).rstrip(".,;") for line in lines[end:limit] if (m := SOURCE_LINE.match(line))), None)
    if url is None:
        urls = [u for u in URL.findall("\n".join(lines[:limit])) if not IMAGE.search(u)]
        url = urls[0] if urls else None
    paragraphs = trim(junk.paragraphs(junk.strip_junk(body), each=unparted(lines) and not is_wrapped(lines)))
    return Article(title=title, paragraphs=paragraphs, date=found[0] if found else None, url=url, site=site, dropped=dropped)


def clean(raw: str) -> Article:
    """read_article, then the language of the headline and body."""
    lang, confidence = detect_language("\n\n".join([(first := read_article(raw)).title, first.text]))
    article = read_article(raw, lang)  # again, now that '04/05/2025' can be read the way that language writes it
    article.lang, article.confidence = lang, confidence
    return article


@dataclass
class Imported:
    draft: StoryDraft
    article: Article
    suggestion: Suggestion
    notes: list[str]  # what the editor must still do, one sentence each


def draft_story(
    article: Article,
    *,
    today: dt.date,
    topics: dict[str, Topic],
    stories: Iterable[Story],
    lang: str | None = None,
    chosen_topics: list[str] | None = None,
    key: str | None = None,
    source_url: str | None = None,
    date: dt.date | None = None,
    sentences: int = 3,
) -> Imported:
    """A draft story from a cleaned article: lede, summary, suggested topics; notes for what is missing.

    The editor's own choices (lang, topics, key, source_url, date) win over what the text says.
    """
    lang = lang or article.lang or "en"
    notes: list[str] = []
    comments = {"draft": "delete this line (or set false) once the summary is yours"}
    if date is None and article.date is None:
        comments["date"] = "no date in the text: today's date"
        notes.append("the text has no date: the draft is dated today; change date: if the article is older")
    suggestion = suggest(article.title + "\n" + article.text, topics, stories)
    picked = list(chosen_topics) if chosen_topics else suggestion.topics
    if not chosen_topics:
        comments["topics"] = "suggested by digest import: check them"
        if not picked:
            notes.append(f"no topic suggested itself: fill in topics: from the topic registry ({', '.join(sorted(topics))})")
    url = source_url or article.url
    if url:
        sources = [source_from_url(url, article.site)]
    else:
        sources = [Source(article.site or SOURCE_NAME_PLACEHOLDER, SOURCE_URL_PLACEHOLDER)]
        comments["source"] = "no address in the text: fill in the source"
        notes.append("the text has no source address: fill in source: (digest check reports it until you do)")
    first = lede(article.paragraphs, lang)
    picked_sentences = summary(article.paragraphs, lang, count=sentences, skip=first)
    body = f"{DRAFTED_NOTE} from the article's own sentences: rewrite them in your own words. -->\n\n" + " ".join(picked_sentences)
    comments["summary"] = "the article's first sentence: rewrite it"
    draft = StoryDraft(
        title=article.title,
        date=date or article.date or today,
        lang=lang,
        topics=picked,
        story=key or slug_for(article.title),
        sources=sources,
        summary=without_dateline(first) or article.title,
        body=body,
        comments=comments,
    )
    return Imported(draft, article, suggestion, notes)
