"""Serving a built site over HTTP at a sub-path, the way GitHub Pages serves a project site.

`/hub/x/` maps to `<root>/x/index.html`; anything outside the sub-path, or missing, gets the
site's 404.html with status 404 (Pages serves the project's own 404.html the same way), so a
link that forgot the sub-path is a broken link here as it would be on Pages.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


class _SubPathHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, root: Path, prefix: str, **kwargs) -> None:
        self.root = root
        self.prefix = prefix
        super().__init__(*args, directory=str(root), **kwargs)

    def _inside(self) -> bool:
        return urlsplit(self.path).path.startswith(self.prefix)

    def translate_path(self, path: str) -> str:
        # The base class unquotes and guards against "..": hand it the part after the prefix.
        return super().translate_path("/" + urlsplit(path).path[len(self.prefix) :])

    def send_head(self):  # type: ignore[override]
        if not self._inside():
            return self._not_found()
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not self.path.split("?", 1)[0].endswith("/"):
            return super().send_head()  # the usual redirect to the trailing slash
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return self._not_found()
        return super().send_head()

    def _not_found(self):
        body = (self.root / "404.html").read_bytes() if (self.root / "404.html").is_file() else b"not found"
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def end_headers(self) -> None:
        # linkchecker throttles every host to ten requests a second unless the server
        # says it is one of its own test servers with this header.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class SiteServer:
    """A threaded HTTP server on 127.0.0.1 that serves `root` at `prefix` (e.g. "/hub/").

    The port is bound when the server is made, so a site can be built for its URL first
    and then served from `root`.
    """

    def __init__(self, root: Path, prefix: str = "/") -> None:
        if not (prefix.startswith("/") and prefix.endswith("/")):
            raise ValueError(f"prefix should start and end with '/', got {prefix!r}")
        self.root = root
        self.prefix = prefix
        handler = partial(_SubPathHandler, root=root, prefix=prefix)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        """The site's address, ending with "/"."""
        return f"http://127.0.0.1:{self.port}{self.prefix}"

    def start(self) -> None:
        self._thread = threading.Thread(target=self._server.serve_forever, name="site-server", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)


@contextmanager
def serving(server: SiteServer) -> Iterator[SiteServer]:
    server.start()
    try:
        yield server
    finally:
        server.stop()
