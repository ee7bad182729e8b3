"""Topics for a new article, from the registry's labels and from the stories the digest already has.

Two signals, both offline and in any language: a topic's label or slug written in the article ('AI chips',
'ИИ-чипы', 'puces d'IA'), and the topics of the existing stories that share the most rare words with it.
Names travel across languages (Huawei, Nvidia, Ascend 910B), so a German article finds English stories.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from .model import Story, Topic
from .summarizing import stems

MAX_TOPICS = 3
NEIGHBOURS = 5
SIMILAR = 0.25  # cosine above which an existing story is probably the same news


@dataclass(frozen=True)
class Suggestion:
    topics: list[str]
    similar: list[tuple[float, Story]]  # existing stories that look like the same news, most alike first


def normal(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def label_scores(text: str, topics: dict[str, Topic]) -> Counter[str]:
    """How often each topic's label (in any language) or slug is written in the text."""
    plain = normal(text)
    found: Counter[str] = Counter()
    for slug, topic in topics.items():
        for label in {slug.replace("-", " "), *topic.labels.values()}:
            phrase = normal(label)
            if phrase.strip():
                found[slug] += plain.count(phrase)
    return found


def vector(text: str, idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(stems(text))
    vec = {stem: (1 + math.log(tf)) * idf.get(stem, 0.0) for stem, tf in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {stem: v / norm for stem, v in vec.items()}


def neighbours(text: str, stories: list[Story]) -> list[tuple[float, Story]]:
    """Existing stories by TF-IDF cosine similarity to the text, most alike first."""
    documents = [f"{s.title}\n{s.summary}\n{s.body}" for s in stories]
    df = Counter(stem for doc in documents + [text] for stem in set(stems(doc)))
    n = len(documents) + 1
    idf = {stem: math.log(n / k) for stem, k in df.items()}
    mine = vector(text, idf)
    scored = []
    for story, doc in zip(stories, documents):
        other = vector(doc, idf)
        scored.append((sum(v * other.get(stem, 0.0) for stem, v in mine.items()), story))
    return sorted(scored, key=lambda pair: (-pair[0], pair[1].path))


def suggest(text: str, topics: dict[str, Topic], stories: Iterable[Story]) -> Suggestion:
    """Up to three topic slugs, best first, and the existing stories that may be this same news."""
    ranked = neighbours(text, list(stories))
    near = [(score, story) for score, story in ranked[:NEIGHBOURS] if score > 0.05]
    votes: Counter[str] = Counter()
    for score, story in near:
        for slug in story.topics:
            if slug in topics:
                votes[slug] += score
    labels = label_scores(text, topics)
    top_vote = max(votes.values(), default=0.0)
    combined = {slug: (votes[slug] / top_vote if top_vote else 0.0) + min(1.0, labels[slug] / 2)
                for slug in topics if votes[slug] or labels[slug]}
    chosen = [slug for slug, score in sorted(combined.items(), key=lambda kv: (-kv[1], kv[0])) if score >= 0.6][:MAX_TOPICS]
    similar = [(score, story) for score, story in ranked if score >= SIMILAR]
    return Suggestion(chosen, similar)
