"""The topic registry (content/topics.yml): slug -> label in every site language, read and checked in one place.

A label missing in a language other than the default one is a warning, not an error: that language's pages show
the default language's label until someone translates it (`mkdocs build --strict` and `digest check --strict`
fail on warnings). The default language's label is required: there is nothing to fall back to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .fields import SLUG, Invalid, describe, text
from .front_matter import INVALID, shown_key
from .loading import load_yaml_file
from .model import WARNING, Problem, Settings, Topic

EXAMPLE = 'ai-chips: {en: AI chips, ru: ИИ-чипы, fr: "Puces d\'IA"}'


def read_topics(settings: Settings) -> tuple[dict[str, Topic], list[Problem]]:
    """The topic registry, checked: slug -> Topic, and the problems (errors and warnings) found in the file."""
    root = Path(settings.root)
    values, lines, problems = load_yaml_file(root / settings.topics_file, root)
    topics, found = check_topics(values, lines, settings)
    return topics, problems + found


def check_topics(values: Any, lines: dict[str, int], settings: Settings) -> tuple[dict[str, Topic], list[Problem]]:
    """The topic registry: every slug well-formed, with a label in the default language (and a warning for each
    other site language that has none)."""
    path = settings.topics_file
    topics: dict[str, Topic] = {}
    problems: list[Problem] = []
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
                    f"expected a topic slug of lowercase letters, digits and hyphens, got '{shown_key(slug)}'; e.g. {EXAMPLE}",
                )
            )
            continue
        # A topic with bad labels is still registered, so stories that list it are not told it is unknown.
        topics[slug] = Topic(slug, {})
        if labels is INVALID:
            continue
        if not isinstance(labels, dict):
            problems.append(Problem(path, line, slug, f"expected a map of language code to label, got {describe(labels)}; e.g. {EXAMPLE}"))
            continue
        topic, found = check_labels(slug, labels, path, line, settings)
        problems += found
        if topic is not None:
            topics[slug] = topic
    if not values and not problems:
        problems.append(Problem(path, None, "topics", f"no topics are defined; add at least one, e.g. {EXAMPLE}"))
    return topics, problems


def check_labels(slug: str, labels: dict, path: str, line: int | None, settings: Settings) -> tuple[Topic | None, list[Problem]]:
    """One topic's labels: the default language's is required; another language without one gets the default
    language's label, with a warning."""
    default = settings.default_language
    missing = [lang for lang in settings.languages if not isinstance(labels.get(lang), str) or not labels[lang].strip()]
    if default in missing:
        message = f"expected a label in {default}, the default language, whose label the others fall back to; e.g. {EXAMPLE}"
        return None, [Problem(path, line, slug, message)]
    try:
        found = {lang: text(label) for lang, label in labels.items() if isinstance(label, str) and lang not in missing}
    except Invalid as err:
        return None, [Problem(path, line, slug, f"a label {err}")]
    warnings = [
        Problem(
            path,
            line,
            slug,
            f"no label in {lang}; {lang} pages show the {default} label '{found[default]}' instead (add {lang}: <label> to this line)",
            severity=WARNING,
        )
        for lang in missing
    ]
    return Topic(slug, {**found, **{lang: found[default] for lang in missing}}), warnings
