"""Our words in the theme's own pages, those MkDocs renders with no page of ours: 404.html, in the build's language.

Material prints its own interface in the build's language (`lang.t`); the words we add to its templates
(templates/overrides/404.html) come from our gettext catalogs, like the pages the core renders. MkDocs' theme
environment has Jinja's i18n extension, so `_()` calls the `gettext` we put in its globals.
"""

from __future__ import annotations

from typing import Any

from .. import urls
from ..rendering import Renderer


def install(env: Any, renderer: Renderer, lang: str) -> Any:
    """The language's gettext, ngettext ... for the theme's templates, and `digest_url(name)`: the address of one
    of the language's index pages ('home', 'archive' ...) inside its folder, for the `url` filter."""
    settings = renderer.settings
    prefix = settings.language_prefix(lang)
    env.globals.update(renderer.strings[lang].template_globals())
    env.globals["digest_url"] = lambda name: urls.page_url(settings, lang, name)[len(prefix) :]
    return env
