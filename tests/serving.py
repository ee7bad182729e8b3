"""The built site as readers get it: served under /<repo>/ on 127.0.0.1, as GitHub Pages serves a project
site, and a browser tab to read it with (tests/browser.py finds the browser). Used by the crawl, browser and
accessibility tests."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

HOST = "127.0.0.1"


def site_prefix(site: Path) -> str:
    """The sub-path the site is published under: the path of site_url, read from the home's canonical link."""
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    canonical = soup.select_one("link[rel=canonical]")
    path = urlsplit(canonical["href"]).path if canonical else "/"
    return path if path.endswith("/") else path + "/"


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serves `directory` under `prefix` only, like a GitHub Pages project site: /<repo>/x -> site/x;
    anything outside the prefix is a 404, and a missing page gets the site's 404.html with status 404."""

    prefix = "/"
    requests: list[str]

    def __init__(self, *args, prefix: str, requests: list[str], **kwargs):
        self.prefix, self.requests = prefix, requests
        super().__init__(*args, **kwargs)

    def send_head(self):
        self.requests.append(self.path)
        if not unquote(urlsplit(self.path).path).startswith(self.prefix):
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        inside = unquote(urlsplit(path).path)[len(self.prefix) - 1 :]
        return super().translate_path(inside)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(site: Path, prefix: str) -> Iterator[tuple[str, list[str]]]:
    """Serve `site` at http://127.0.0.1:<free port><prefix>; yields that base URL and the log of request paths."""
    requests: list[str] = []
    handler = partial(SubPathHandler, directory=str(site), prefix=prefix, requests=requests)
    server = ThreadingHTTPServer((HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}{prefix}", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class Reader:
    """One browser tab of a reader: records console errors, and blocks and records every request to a host
    other than 127.0.0.1 (the pages must ask nothing of other hosts; links to them are fine)."""

    def __init__(self, browser, base: str, **context_options):
        self.base = base
        self.context = browser.new_context(**context_options)
        self.requests: list[str] = []  # every request the pages made, to any host
        self.foreign: list[str] = []  # those to a host other than 127.0.0.1, aborted
        self.errors: list[str] = []  # console errors and uncaught exceptions
        self.context.route("**/*", self._route)
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(f"{self.page.url}: {message.text}"))
        self.page.on("pageerror", lambda error: self.errors.append(f"{self.page.url}: {error}"))

    def _route(self, route) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in ("data", "blob") or url.hostname == HOST:
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort()

    def open(self, path: str = ""):
        """Open a page of the site (a path under /<repo>/); fails on anything but HTTP 200."""
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == 200, f"{self.base + path}: HTTP {response and response.status}"
        return self.page

    def close(self) -> None:
        self.context.close()

    def foreign_requests(self) -> list[str]:
        """Requests to hosts other than 127.0.0.1, whether routed or seen only as requests (workers)."""
        seen = [url for url in self.requests if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).hostname != HOST]
        return sorted(set(self.foreign) | set(seen))
