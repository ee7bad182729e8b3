"""Topics for a new article, from the registry's labels and from the stories the digest already has.

Two signals, both offline and in any language: a topic's label or slug written in the article ('AI chips',
'ИИ-чипы', 'puces d'IA'), and the topics of the existing stories that share the most rare words with it.
Names travel across languages (Huawei, Nvidia, Ascend 910B), so a German article finds English stories.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ...model import Story, Topic
from .junk import CJK
from .summarizing import stems

MAX_TOPICS = 3
NEIGHBOURS = 5
MIN_SIMILARITY = 0.08  # below this, stories share only common words
SIMILAR = 0.25  # cosine above which an existing story is probably the same news


@dataclass(frozen=True)
class Suggestion:
    topics: list[str]
    similar: list[tuple[float, Story]]  # existing stories that look like the same news, most alike first


def normal(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def label_scores(text: str, topics: dict[str, Topic]) -> dict[str, float]:
    """How strongly the text names each topic, 0 to 1: its label or slug in any language, or their words.

    A whole label counts twice; a label word counts by its first letters, so 'robots' finds 'Robotics' and
    'Робототехника', and 'чипов' finds 'ИИ-чипы'. Two-letter words (AI, ИИ, IA) name nothing alone. A Chinese or
    Japanese label ('人工智能', '図書館') is found anywhere: no space sets a word apart in those languages.
    """
    plain = normal(text)
    tokens = plain.split()
    found: dict[str, float] = {}
    for slug, topic in topics.items():
        labels = {slug.replace("-", " "), *topic.labels.values()}
        phrases = sum(plain.count(normal(label)) for label in labels if normal(label).strip() and not CJK.search(label))
        phrases += sum(plain.count(normal(label).strip()) for label in labels if CJK.search(label))
        prefixes = {word[: min(5, len(word) - 1)] for label in labels for word in normal(label).split() if len(word) >= 4}
        words = sum(1 for token in tokens if token.startswith(tuple(prefixes))) if prefixes else 0
        # Words alone may be another sense ('language models' in a chip story): only a whole label reaches 1.
        found[slug] = min(1.0 if phrases else 0.75, (2 * phrases + words) / 4)
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
    for story, doc in zip(stories, documents, strict=True):
        other = vector(doc, idf)
        scored.append((sum(v * other.get(stem, 0.0) for stem, v in mine.items()), story))
    return sorted(scored, key=lambda pair: (-pair[0], pair[1].path))


def suggest(text: str, topics: dict[str, Topic], stories: Iterable[Story]) -> Suggestion:
    """Up to three topic slugs, best first, and the existing stories that may be this same news."""
    ranked = neighbours(text, list(stories))
    best = ranked[0][0] if ranked else 0.0
    near = [(score, story) for score, story in ranked[:NEIGHBOURS] if score >= MIN_SIMILARITY and score >= best / 2]
    votes: dict[str, float] = defaultdict(float)
    for score, story in near:
        for slug in story.topics:
            if slug in topics:
                votes[slug] += score
    labels = label_scores(text, topics)
    top_vote = max(votes.values(), default=0.0)
    combined = {slug: (votes[slug] / top_vote if top_vote else 0.0) + labels[slug] for slug in topics}
    chosen = [slug for slug, score in sorted(combined.items(), key=lambda kv: (-kv[1], kv[0])) if score >= 0.8][:MAX_TOPICS]
    similar = [(score, story) for score, story in ranked if score >= SIMILAR]
    return Suggestion(chosen, similar)
