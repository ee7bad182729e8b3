"""The topic registry (content/topics.yml): slug -> label in every site language, read and checked in one place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .fields import SLUG, Invalid, describe, text
from .front_matter import INVALID, shown_key
from .loading import load_yaml_file
from .model import Problem, Settings, Topic


def read_topics(settings: Settings) -> tuple[dict[str, Topic], list[Problem]]:
    """The topic registry, checked: slug -> Topic, and the problems found in the file."""
    root = Path(settings.root)
    values, lines, problems = load_yaml_file(root / settings.topics_file, root)
    topics, found = check_topics(values, lines, settings)
    return topics, problems + found


def check_topics(values: Any, lines: dict[str, int], settings: Settings) -> tuple[dict[str, Topic], list[Problem]]:
    """The topic registry: every slug well-formed with a label for every site language."""
    path = settings.topics_file
    topics: dict[str, Topic] = {}
    problems: list[Problem] = []
    example = 'ai-chips: {en: AI chips, ru: ИИ-чипы, fr: "Puces d\'IA"}'
    if values is None:  # the file is missing or unreadable; the loader said why
        return topics, problems
    for slug, labels in values.items():
        line = lines.get(slug)
        if not SLUG.match(slug):
            problems.append(
                Problem(
                    path,
                    line,
                    shown_key(slug),
                    f"expected a topic slug of lowercase letters, digits and hyphens, got '{shown_key(slug)}'; e.g. {example}",
                )
            )
            continue
        # A topic with bad labels is still registered, so stories that list it are not told it is unknown.
        topics[slug] = Topic(slug, {})
        if labels is INVALID:
            continue
        if not isinstance(labels, dict):
            problems.append(Problem(path, line, slug, f"expected a map of language code to label, got {describe(labels)}; e.g. {example}"))
            continue
        missing = [lang for lang in settings.languages if not isinstance(labels.get(lang), str) or not labels[lang].strip()]
        if missing:
            problems.append(
                Problem(path, line, slug, f"expected a label in every site language, missing {', '.join(missing)}; e.g. {example}")
            )
            continue
        try:
            topics[slug] = Topic(slug, {lang: text(label) for lang, label in labels.items() if isinstance(label, str)})
        except Invalid as err:
            problems.append(Problem(path, line, slug, f"a label {err}"))
    if not values and not problems:
        problems.append(Problem(path, None, "topics", f"no topics are defined; add at least one, e.g. {example}"))
    return topics, problems
