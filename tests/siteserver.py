"""Serving a built site over HTTP at a sub-path, the way GitHub Pages serves a project site;
and the editor's live preview (`mkdocs serve`), started, watched and stopped.

`/hub/x/` maps to `<root>/x/index.html`; anything outside the sub-path, or missing, gets the
site's 404.html with status 404 (Pages serves the project's own 404.html the same way), so a
link that forgot the sub-path is a broken link here as it would be on Pages.
"""

from __future__ import annotations

import gzip
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

# Sent gzip-compressed when the server compresses, as GitHub Pages sends text files.
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


@cache
def _gzipped(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), mtime=0)


class _SubPathHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, root: Path, prefix: str, compress: bool, **kwargs) -> None:
        self.root = root
        self.prefix = prefix
        self.compress = compress
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
        if self.compress and target.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            return self._send_gzipped(target)
        return super().send_head()

    def _send_gzipped(self, target: Path):
        body = _gzipped(target, target.stat().st_mtime)
        return self._send(HTTPStatus.OK, self.guess_type(str(target)), body, encoding="gzip")

    def _not_found(self):
        body = (self.root / "404.html").read_bytes() if (self.root / "404.html").is_file() else b"not found"
        return self._send(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", body)

    def _send(self, status: HTTPStatus, content_type: str, body: bytes, *, encoding: str | None = None) -> None:
        """Answer with `body` whole (send_head's callers then have nothing left to copy)."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def end_headers(self) -> None:
        # linkchecker throttles every host to ten requests a second unless the server
        # says it is one of its own test servers with this header.
        self.send_header("LinkChecker", "local test server")
        if self.compress:
            self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class SiteServer:
    """A threaded HTTP server on 127.0.0.1 that serves `root` at `prefix` (e.g. "/hub/").

    The port (a free one unless given) is bound when the server is made, so a site can be
    built for its URL first and then served from `root`. `compress`: text files gzipped
    and a cache header, as GitHub Pages serves them (for page-speed audits).
    """

    def __init__(self, root: Path, prefix: str = "/", *, port: int = 0, compress: bool = False) -> None:
        if not (prefix.startswith("/") and prefix.endswith("/")):
            raise ValueError(f"prefix should start and end with '/', got {prefix!r}")
        self.root = root
        self.prefix = prefix
        handler = partial(_SubPathHandler, root=root, prefix=prefix, compress=compress)
        self._server = ThreadingHTTPServer(("127.0.0.1", port), handler)
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

    def serve_forever(self) -> None:
        self._server.serve_forever()

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


# -- the live preview ---------------------------------------------------------------------


def free_port() -> int:
    """A port nothing listens on now (never another server's)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, text: str | None, *, timeout: float, poll: float = 0.1) -> str:
    """The page at `url` once it answers (and shows `text`, if given); TimeoutError if it
    does not within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                page = response.read().decode("utf-8", "replace")
            if text is None or text in page:
                return page
        except OSError:
            pass
        time.sleep(poll)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")


@contextmanager
def live_preview(args: list[str], *, cwd: Path, env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """`args` (a `mkdocs serve` command) running in its own session, its output in `log`;
    stopped as Ctrl-C stops it, killed if it does not stop within a minute."""
    with open(log, "wb") as output:
        server = subprocess.Popen(args, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            yield server
        finally:
            os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
