"""Serve a built site for Lighthouse the way GitHub Pages does: at its sub-path, with text
files gzip-compressed when the browser accepts it (Python's http.server sends them raw,
which would make every page look several times heavier on a slow phone than it is).

    python scripts/lighthouse_server.py SITE_DIR PORT [PREFIX]
"""

from __future__ import annotations

import gzip
import sys
from functools import cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


@cache
def _gzipped(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), mtime=0)


class Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args: object, root: Path, prefix: str, **kwargs: object) -> None:
        self.root, self.prefix = root, prefix
        super().__init__(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

    def translate_path(self, path: str) -> str:
        url_path = unquote(urlsplit(path).path)
        inside = url_path[len(self.prefix) - 1 :] if url_path.startswith(self.prefix) else "/\0missing"
        return super().translate_path(inside)

    def send_head(self):  # type: ignore[override]
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()
            target = target / "index.html"
        if not target.is_file():
            self.send_error(404)
            return None
        if target.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = _gzipped(target, target.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if self.command == "HEAD":
            return None
        self.wfile.write(body)
        return None

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    root, port = Path(sys.argv[1]).resolve(), int(sys.argv[2])
    prefix = sys.argv[3] if len(sys.argv) > 3 else "/"
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, root=root, prefix=prefix))
    server.serve_forever()


if __name__ == "__main__":
    main()
