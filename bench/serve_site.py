"""Serve a built site on 127.0.0.1 as a reader's host would: under the path of site_url, text compressed.

    python bench/serve_site.py site/ --port 8765        # http://127.0.0.1:8765/digest/ for the sample digest

For measuring pages by hand (Lighthouse, see bench/README.md): Python's own http.server sends every file as it
is, and a page's weight and load time without compression say little about a published digest (GitHub Pages
and most hosts gzip HTML, CSS, JavaScript, JSON, XML and SVG). A text response is gzipped (level 6) when the
request accepts gzip; Pagefind's index files are already compressed and go as they are. A missing page gets the
site's 404.html with status 404, as on GitHub Pages. Connections are kept alive (HTTP/1.1). Only the standard library; it stops on Ctrl-C.
"""

from __future__ import annotations

import argparse
import gzip
import re
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

TEXT = re.compile(r"^(text/|application/(javascript|json|xml|rss\+xml|atom\+xml)|image/svg\+xml)")


def site_prefix(site: Path) -> str:
    """The path of site_url, read from the home's canonical link ("/" when there is none)."""
    found = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    path = urlsplit(found.group(1)).path if found else "/"
    return path if path.endswith("/") else path + "/"


class Handler(SimpleHTTPRequestHandler):
    """/<prefix>/x -> site/x; gzip for text when the client accepts it; the site's 404.html for what is missing."""

    protocol_version = "HTTP/1.1"  # connections kept alive, as hosts do (every response says its length)
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "application/javascript", ".mjs": "application/javascript"}

    def __init__(self, *args, prefix: str, **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        inside = unquote(urlsplit(path).path)
        if not inside.startswith(self.prefix):
            return str(Path(self.directory) / "404.html" / "outside")  # no such file: a 404
        return super().translate_path(inside[len(self.prefix) - 1 :])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the redirect to the folder's URL with a slash
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not path.is_file() or not TEXT.match(kind) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

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


class _Body:
    """What send_head returns for SimpleHTTPRequestHandler to copy to the client: the compressed bytes."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--prefix", help="the path the site is served under (default: the path of site_url)")
    args = parser.parse_args()
    prefix = args.prefix or site_prefix(args.site)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), partial(Handler, directory=str(args.site), prefix=prefix))
    print(f"serving {args.site} at http://127.0.0.1:{args.port}{prefix} (gzip for text), Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
