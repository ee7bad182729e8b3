"""Digest: a static-site generator for multilingual news digests."""

from .build import build_site, load_site
from .model import Page, Problem, Settings, Site, Story, Topic

__version__ = "0.1.0"
__all__ = ["build_site", "load_site", "Page", "Problem", "Settings", "Site", "Story", "Topic", "__version__"]
