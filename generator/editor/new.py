"""`digest new`: a story file, or a translation stub of one, from the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..model import Source
from ..slugs import slug_for, story_path
from .arguments import CONFIG, Day, check_key, check_language, check_topic_names, settings_of, today, topics_of
from .scaffold import new_story, render, source_from_url, translation_stub
from .stories import existing_version, read_story, write_story


@click.command(short_help="Create a story file (or a translation stub) and print its path.")
@click.argument("title")
@click.option("--lang", help="The story's language; the site's first language when not given.")
@click.option("--topic", "topics", multiple=True, help="A topic slug from the topic registry; repeat for more.")
@click.option("--source-url", help="The address of the article the story summarises (this, --source-name or both is required).")
@click.option(
    "--source-name", help="The publication's name; alone when there is no address; with --source-url, the site's host name when not given."
)
@click.option("--summary", help="The one-sentence lede; a placeholder when not given.")
@click.option("--story", "key", help="The story key shared by every language version; made from the title when not given.")
@click.option("--date", type=Day(), help="YYYY-MM-DD; today in the site's time zone when not given.")
@click.option(
    "--translation-of",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An existing story file: copy its key, date, topics and source, and quote its text to translate.",
)
@CONFIG
def new(
    title: str,
    lang: str | None,
    topics: tuple[str, ...],
    source_url: str | None,
    source_name: str | None,
    summary: str | None,
    key: str | None,
    date: dt.date | None,
    translation_of: Path | None,
    config_file: str,
) -> None:
    """Create a story file at content/YYYY/MM/<slug>.<lang>.md and print its path.

    The slug is the title transliterated to ASCII ('Китай обходит санкции' -> kitai-obkhodit-sanktsii).
    The story starts as a draft (draft: true) that passes `digest check`. An existing file is never
    replaced: digest new exits with status 1 and names it. Unknown languages or topics are usage
    errors (status 2).

    \b
    Examples:
      digest new "Huawei builds three AI chip plants" --topic ai-chips --topic geopolitics --source-url https://www.ft.com/
      digest new "Китай обходит санкции" --lang ru --translation-of content/2025/04/huawei-chip-plants.en.md
    """
    settings = settings_of(config_file)
    registry = topics_of(settings)
    lang = check_language(lang or settings.default_language, settings)
    chosen = check_topic_names(topics, registry, settings)
    key = check_key(key)
    sources = [source_from_url(source_url, source_name)] if source_url else [Source(source_name)] if source_name else []
    if translation_of is not None:
        original = read_story(translation_of, settings, registry)
        if original.lang == lang:
            raise click.BadParameter(
                f"{original.path} is already in '{lang}'; give the translation's language, "
                f"e.g. --lang {next(code for code in settings.languages if code != lang)}",
                param_hint="--lang",
            )
        draft = translation_stub(original, original.published if original.has_time else original.date, title, lang, summary)
        draft.topics = chosen or draft.topics
        draft.sources = sources or draft.sources
    else:
        if not chosen:
            raise click.UsageError(f"give at least one --topic; the topics are: {', '.join(sorted(registry))}")
        if not sources:
            raise click.UsageError(
                "give the story's source: --source-url with the article's address (the source is then named after its site, "
                "or after --source-name), or --source-name alone when there is no address, e.g. --source-name 'Financial Times'"
            )
        draft = new_story(
            title,
            date=date or today(settings),
            lang=lang,
            topics=chosen,
            story=key or slug_for(title),
            sources=sources,
            summary=summary,
        )
    taken = existing_version(settings, draft.story, lang)
    if taken is not None:
        raise click.ClickException(f"story '{draft.story}' already has a '{lang}' version: {taken.path}")
    day = draft.date.date() if isinstance(draft.date, dt.datetime) else draft.date
    click.echo(write_story(settings, story_path(settings.content_dir, day, slug_for(title), lang), render(draft), "new"))
