"""Story files as the commands meet them: read one, find a language version, create one that is not there yet."""

from __future__ import annotations

from pathlib import Path

import click

from ..build import load_story
from ..model import Settings, Story, Topic
from .coverage import read_versions
from .scaffold import create_story, relative


def existing_version(settings: Settings, key: str, lang: str) -> Story | None:
    return next((s for s in read_versions(settings) if s.key == key and s.lang == lang), None)


def write_story(settings: Settings, rel: str, text: str, command: str) -> str:
    """Create the file, or exit 1 naming the file that is already there (it is never replaced)."""
    try:
        path = create_story(Path(settings.root), rel, text)
    except FileExistsError:
        raise click.ClickException(
            f"{rel}: already exists; digest {command} never overwrites a file: rename or move that file, or choose another title"
        ) from None
    return relative(path, Path.cwd()) if Path.cwd() in path.parents else str(path)


def read_story(path: Path, settings: Settings, topics: dict[str, Topic]) -> Story:
    """A valid story file, or exit 1 with its problems."""
    story, problems = load_story(path.resolve(), Path(settings.root), settings, topics)
    if story is None:
        raise click.ClickException("\n".join(str(p) for p in problems))
    return story
