"""The words of our pages in each language, from gettext message catalogs, and each language's reading speed.

Catalogs are standard gettext `.po` files, the format translators' tools (Poedit, Weblate, Crowdin) read:

    generator/locales/messages.pot                       every message, extracted from the templates and this code
    generator/locales/<lang>/LC_MESSAGES/digest.po       the shipped translation of each language
    <templates>/locales/<lang>/LC_MESSAGES/digest.po     a site's own words, merged over the shipped ones

The `.po` files are compiled in memory when a build first needs them (Babel's read_po and write_mo), so no compiled
`.mo` file is kept in the repository and there is no build step. A site's catalog only needs the messages it
changes: an empty or fuzzy translation there leaves the shipped one in place. A language with neither catalog shows
the English messages.

Templates call `_()` and `ngettext()` in Jinja's newstyle (`_("Week %(week)s, %(year)s", week=..., year=...)`).
Translations are text, not HTML: like every other value, they are escaped where a template prints them.
"""

from __future__ import annotations

import functools
import io
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from jinja2 import pass_context
from markupsafe import escape

log = logging.getLogger("mkdocs.plugins.digest")

DOMAIN = "digest"
LOCALES = Path(__file__).resolve().parent / "locales"  # the shipped catalogs
SITE_LOCALES = "locales"  # a site's own catalogs, inside its templates folder
LEGACY_STRINGS = "strings.yml"  # the words file of earlier versions, no longer read

# Average silent reading speed of adults, in words per minute, from the International Reading Speed Texts
# (Trauzettel-Klosinski, Dietz et al., "Standardized Assessment of Reading Performance: The New International
# Reading Speed Texts IReST", IOVS 53(9), 2012; the same text read in 17 languages).
READING_WPM = {
    "ar": 138,
    "de": 179,
    "en": 228,
    "es": 218,
    "fi": 161,
    "fr": 195,
    "he": 187,
    "it": 188,
    "nl": 202,
    "pl": 166,
    "pt": 181,
    "ru": 184,
    "sl": 180,
    "sv": 199,
    "tr": 166,
    # Not in IReST; estimates from the closest measured language, to be replaced by a measurement:
    "uk": 184,  # Ukrainian: as Russian (East Slavic, similar word length)
    "cs": 170,  # Czech: between Polish (166) and Slovenian (180)
    "fa": 150,  # Persian: Arabic script with shorter words than Arabic (138)
    "hi": 160,  # Hindi: no IReST text; roughly the slower IReST languages
    "id": 180,  # Indonesian: long affixed words in Latin script, as Portuguese (181)
    "ko": 160,  # Korean: space-separated eojeol carry particles, so fewer "words" than English
    "vi": 230,  # Vietnamese: every syllable is written apart, so more "words" than English
}
# Chinese and Japanese are written without spaces: IReST measured them in characters per minute.
READING_CPM = {"zh": 255, "ja": 357}
# Any other language: the mean of IReST's 17 languages (183.7 words per minute).
DEFAULT_WPM = 184

WORD = re.compile(r"\w+")
CHARACTER = re.compile(r"\w")


def reading_minutes(text: str, lang: str) -> int:
    """Minutes an average adult takes to read `text` silently, at least 1."""
    base = lang.split("-")[0].split("_")[0]
    if base in READING_CPM:
        return max(1, round(len(CHARACTER.findall(text)) / READING_CPM[base]))
    return max(1, round(len(WORD.findall(text)) / READING_WPM.get(base, DEFAULT_WPM)))


@functools.lru_cache(maxsize=256)
def _compiled(path: str, stamp: tuple[int, int], lang: str) -> bytes:
    """A .po file compiled to .mo bytes; untranslated and fuzzy messages are left out."""
    with open(path, "rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    mo = io.BytesIO()
    write_mo(mo, catalog)
    return mo.getvalue()


def compile_catalog(path: Path, lang: str) -> Translations:
    """A fresh Translations object (merge changes it) for one .po file, compiled once per version of the file."""
    info = os.stat(path)
    data = _compiled(str(path), (info.st_mtime_ns, info.st_size), lang)
    return Translations(io.BytesIO(data), domain=DOMAIN)


def empty_catalog(lang: str) -> Translations:
    """No translations, but the language's plural rule: every message shows in English."""
    mo = io.BytesIO()
    write_mo(mo, Catalog(locale=lang, domain=DOMAIN))
    return Translations(io.BytesIO(mo.getvalue()), domain=DOMAIN)


def catalog_path(folder: Path, lang: str) -> Path:
    return folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def shipped_languages() -> list[str]:
    return sorted(path.parent.parent.name for path in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def load_translations(lang: str, site_locales: Path | None = None) -> Translations:
    """The shipped catalog of the language, with the site's own catalog merged over it."""
    shipped = catalog_path(LOCALES, lang)
    own = catalog_path(site_locales, lang) if site_locales is not None else None
    translations = compile_catalog(shipped, lang) if shipped.is_file() else None
    if own is not None and own.is_file():
        if translations is None:  # a language we do not ship: the site's catalog, with its own plural rule
            return compile_catalog(own, lang)
        translations.merge(compile_catalog(own, lang))
    return translations if translations is not None else empty_catalog(lang)


@dataclass(eq=False)
class Words:
    """One language's words: gettext for code, and the callables Jinja's i18n extension resolves in templates."""

    lang: str
    translations: Translations

    def gettext(self, message: str, **variables: Any) -> str:
        return self.translations.gettext(message) % variables

    def ngettext(self, singular: str, plural: str, n: int, **variables: Any) -> str:
        variables.setdefault("num", n)
        return self.translations.ngettext(singular, plural, n) % variables

    def reading_minutes(self, text: str) -> int:
        return reading_minutes(text, self.lang)

    def key(self) -> tuple:
        """What the words are, for comparing two builds' words (a preview rebuilds every page when they differ)."""
        return (self.lang, self.translations.info().get("plural-forms"), tuple(sorted(self.translations._catalog.items(), key=repr)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Words) and self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())

    def template_globals(self) -> dict[str, Any]:
        """gettext, ngettext, pgettext and npgettext as Jinja's newstyle gettext calls them: keyword arguments fill
        %(name)s placeholders, ngettext's count fills %(num)s, and with autoescape the translation and the values
        are escaped (the translation is text, so a quote or an ampersand in it cannot break the page's HTML)."""
        translations = self.translations

        def finish(context, text: str, variables: dict[str, Any]) -> str:
            if context.eval_ctx.autoescape:
                return escape(text) % variables  # Markup % escapes each value
            return text % variables

        @pass_context
        def gettext(__context, __string: str, **variables: Any) -> str:
            return finish(__context, translations.gettext(__string), variables)

        @pass_context
        def ngettext(__context, __singular: str, __plural: str, __num: int, **variables: Any) -> str:
            variables.setdefault("num", __num)
            return finish(__context, translations.ngettext(__singular, __plural, __num), variables)

        @pass_context
        def pgettext(__context, __string_ctx: str, __string: str, **variables: Any) -> str:
            variables.setdefault("context", __string_ctx)
            return finish(__context, str(translations.pgettext(__string_ctx, __string)), variables)

        @pass_context
        def npgettext(__context, __string_ctx: str, __singular: str, __plural: str, __num: int, **variables: Any) -> str:
            variables.setdefault("context", __string_ctx)
            variables.setdefault("num", __num)
            return finish(__context, translations.npgettext(__string_ctx, __singular, __plural, __num), variables)

        return {"gettext": gettext, "ngettext": ngettext, "pgettext": pgettext, "npgettext": npgettext}


def load_words(templates: Path, languages: tuple[str, ...] | list[str]) -> dict[str, Words]:
    """Each language's words: the shipped catalog, with the site's `<templates>/locales/` catalog merged over it."""
    if (templates / LEGACY_STRINGS).is_file():
        log.warning(
            "%s is no longer read: put the words you change in %s/<lang>/LC_MESSAGES/%s.po (see README, Translating the pages)",
            templates / LEGACY_STRINGS,
            templates / SITE_LOCALES,
            DOMAIN,
        )
    site_locales = templates / SITE_LOCALES
    return {lang: Words(lang, load_translations(lang, site_locales)) for lang in languages}
