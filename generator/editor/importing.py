"""`digest import`: an article copied from a news page -> a draft story file, with notes on what to fill in."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
from typing import Any

import click

from ..model import Story
from ..slugs import slug_for, story_path
from .arguments import CONFIG, Day, check_key, check_language, check_topic_names, settings_of, today, topics_of
from .coverage import read_versions
from .publications import Publication, read_publications, source_for
from .scaffold import render
from .stories import write_story


@click.command("import", short_help="Turn an article copied from a news page into a draft story.")
@click.argument("file", type=click.File("rb"))
@click.option("--text-only", is_flag=True, help="Print the cleaned article text (no headline) and write nothing.")
@click.option("--lang", help="The draft's language, when the detected one is wrong.")
@click.option("--topic", "topics", multiple=True, help="A topic slug to use instead of the suggested ones; repeat for more.")
@click.option("--source-url", help="The article's address, when the text has none.")
@click.option("--story", "key", help="File the draft under an existing story key, as a new language version.")
@click.option("--date", type=Day(), help="YYYY-MM-DD, instead of the text's dateline (or today when it has none).")
@click.option("--sentences", default=3, show_default=True, type=click.IntRange(1, 10), help="How many sentences the drafted body gets.")
@CONFIG
def import_(
    file,
    text_only: bool,
    lang: str | None,
    topics: tuple[str, ...],
    source_url: str | None,
    key: str | None,
    date: dt.date | None,
    sentences: int,
    config_file: str,
) -> None:
    """Turn an article copied from a news page (FILE, or - for stdin) into a draft story.

    FILE may also be the page saved from the browser as HTML, or the Markdown a web clipper saved.

    Drops page junk (image captions, 'Latest news' and 'Related' blocks, ads, share buttons, comment,
    subscription and contact forms, author bios, footers), detects the language offline, finds the headline,
    the date and the source address when the text has them, and writes a draft (draft: true) with the lede,
    a short extractive summary in the article's language and suggested topics. Prints the draft's path;
    notes on what to fill in go to stderr. An existing file is never replaced.

    \b
    Examples:
      digest import article.txt
      digest import article.txt --text-only
      digest import "Saved page.html"
      pbpaste | digest import - --source-url https://www.ft.com/content/abc --topic ai-chips
    """
    try:
        from .importer import clean, draft_story
    except ImportError as err:  # the importer's extra is not installed: MissingExtra says what to install
        raise click.ClickException(str(err)) from None

    article = clean(read_text(file))
    if text_only:
        click.echo(article.text)
        return
    if not article.text.strip():
        raise click.ClickException(f"{file.name}: no article text is left once the page junk is dropped")
    settings = settings_of(config_file)
    registry = topics_of(settings)
    if lang is not None:
        check_language(lang, settings)
    chosen = check_topic_names(topics, registry, settings)
    key = check_key(key)
    versions = read_versions(settings)
    imported = draft_story(
        article,
        today=today(settings),
        topics=registry,
        stories=versions,
        lang=lang,
        chosen_topics=chosen,
        key=key,
        source_url=source_url,
        date=date,
        sentences=sentences,
    )
    draft = imported.draft
    known = source_for(source_url or imported.article.url, imported.article.title + "\n" + imported.article.text, publications_of(settings))
    if known is not None:
        draft.sources, draft.comments["source"] = [known[0]], known[1]
        imported.notes[:] = [n for n in imported.notes if not n.startswith("the text has no source address")]
        if not (source_url or imported.article.url):
            imported.notes.append(f"source: {known[1]}")
    taken = next((s for s in versions if s.key == draft.story and s.lang == draft.lang), None)
    if taken is not None:
        raise click.ClickException(f"story '{draft.story}' already has a '{draft.lang}' version: {taken.path}")
    path = write_story(settings, story_path(settings.content_dir, draft.date, slug_for(draft.title), draft.lang), render(draft), "import")
    click.echo(path)
    click.echo(f"{article.lang} ({article.confidence:.0%} sure), dated {draft.date}, topics: {', '.join(draft.topics) or 'none'}", err=True)
    for note in notes_on(imported, settings.languages, key, versions):
        click.echo(f"note: {note}", err=True)


def read_text(file: Any) -> str:
    """The file's text, or exit 1 when it is not UTF-8 (a byte-order mark is dropped). A UTF-16 file is read too when
    its byte-order mark says so: Windows PowerShell's `Get-Clipboard > article.txt` and Notepad's 'Unicode' write it;
    and a saved page in the character set its <meta charset> declares."""
    data = file.read()
    encoding = "UTF-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "UTF-8"
    try:
        return data.decode("utf-16" if encoding == "UTF-16" else "utf-8-sig")
    except UnicodeDecodeError as err:
        from .importer.saved_page import declared_charset  # the import command has loaded the importer already

        with contextlib.suppress(LookupError, UnicodeDecodeError):  # a page saved from a site in windows-1251, Shift_JIS…
            return data.decode(declared_charset(data) or "")
        raise click.ClickException(
            f"{file.name}: is not valid {encoding} (byte {data[err.start]:#04x} at offset {err.start}); save it as UTF-8"
        ) from None


def publications_of(settings: Any) -> list[Publication]:
    try:
        return read_publications(settings)
    except ValueError as err:
        raise click.ClickException(str(err)) from None


def notes_on(imported: Any, languages: tuple[str, ...], key: str | None, versions: list[Story]) -> list[str]:
    """What the editor should look at in the draft: the importer's notes, a language the site lacks, and the
    existing stories that may be the same news (a duplicate, when that story is already in the draft's language)."""
    draft, notes = imported.draft, list(imported.notes)
    if draft.lang not in languages:
        notes.append(
            f"the article is in '{draft.lang}', which is not a site language ({', '.join(languages)}): "
            "translate the draft and set lang:, or import again with --lang"
        )
    if key is None:
        similar = {story.key: (score, story) for score, story in reversed(imported.suggestion.similar)}  # best per key
        for score, story in sorted(similar.values(), key=lambda pair: -pair[0])[:3]:
            same = next((s for s in versions if s.key == story.key and s.lang == draft.lang), None)
            if same is not None:
                notes.append(
                    f"probably a duplicate of {same.path} (story '{story.key}' already has a '{draft.lang}' version, "
                    f"{score:.0%} alike): compare them, and delete the draft if it is the same news"
                )
            else:
                notes.append(
                    f"it may be the same news as story '{story.key}' ({story.path}, {score:.0%} alike): "
                    f"to file it as the '{draft.lang}' version of that story, use story: {story.key}"
                )
    return notes
