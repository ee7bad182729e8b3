"""Publications the editors know, with their home pages: `digest import` names an article's source from them.

content/publications.yml maps a publication's name to its home page, or to a map with the home page and the
other names a text may use for it:

    Financial Times: {url: "https://www.ft.com/", also: [FT]}
    Reuters: https://www.reuters.com/
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..model import Settings, Source

FILE = "publications.yml"  # in the content folder


@dataclass(frozen=True)
class Publication:
    name: str
    url: str
    names: tuple[str, ...]  # the name and the others the text may use

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").removeprefix("www.")


def read_publications(settings: Settings) -> list[Publication]:
    """The publications of content/publications.yml; none when there is no such file. ValueError says what is wrong."""
    path = Path(settings.root) / settings.content_dir / FILE
    if not path.is_file():
        return []
    rel = f"{settings.content_dir}/{FILE}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as err:
        raise ValueError(f"{rel}: invalid YAML: {' '.join(str(err).split())}") from None
    if not isinstance(data, dict):
        raise ValueError(f'{rel}: expected lines of name: home page, e.g. Reuters: "https://www.reuters.com/"')
    return [publication(str(name), value, rel) for name, value in (data or {}).items()]


def publication(name: str, value: Any, rel: str) -> Publication:
    url, also = (value.get("url"), value.get("also", [])) if isinstance(value, dict) else (value, [])
    if not isinstance(url, str) or not re.match(r"^https?://[^\s/]+", url):
        raise ValueError(f'{rel}: {name}: expected its home page, e.g. {name}: "https://www.example.com/", got {url!r}')
    if not isinstance(also, list) or not all(isinstance(other, str) for other in also):
        raise ValueError(f"{rel}: {name}: also: expected a list of other names, e.g. also: [FT]")
    return Publication(name, url, (name, *also))


def pattern(name: str) -> re.Pattern[str]:
    """The name as a whole word; a Cyrillic name may take a case ending ('Коммерсанта', 'Ведомостям')."""
    ending = r"\w{0,3}" if re.search("[а-яё]$", name, re.IGNORECASE) else ""
    return re.compile(rf"(?<!\w){re.escape(name.rstrip('ъ'))}ъ?{ending}(?!\w)")


def named_in(text: str, publications: list[Publication]) -> Publication | None:
    """The publication the text names first ('the Financial Times reported'), or None."""
    found = [(match.start(), index) for index, p in enumerate(publications) for n in p.names if (match := pattern(n).search(text))]
    return publications[min(found)[1]] if found else None


def source_for(url: str | None, text: str, publications: list[Publication]) -> tuple[Source, str] | None:
    """A source from the known publications, and a note on where it came from; None when none fits.

    With an address, a publication whose home page is on its host names it; without one, a publication the text
    names gives its name and home page (the editor then puts the article's own address)."""
    if url:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        known = next((p for p in publications if p.host and (host == p.host or host.endswith("." + p.host))), None)
        return (Source(known.name, url), f"named after {FILE}") if known else None
    named = named_in(text, publications)
    if named is None:
        return None
    return Source(named.name, named.url), f"the text names {named.name}: its home page from {FILE}; put the article's own address"
