"""Digest: a static-site generator for multilingual news digests.

The core (this package's modules and rendering/) loads, checks, indexes and renders; it imports neither MkDocs,
nor click, nor the editor's tools. mkdocs_plugin/ hands its pages to MkDocs; editor/ is the `digest` command.
"""

from importlib.metadata import PackageNotFoundError, version

from .build import build_site, load_site, prepare
from .model import Page, Problem, Settings, Site, Story, Topic

try:
    __version__ = version("mkdocs-digest")
except PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0.0.0"
__all__ = ["build_site", "load_site", "prepare", "Page", "Problem", "Settings", "Site", "Story", "Topic", "__version__"]
