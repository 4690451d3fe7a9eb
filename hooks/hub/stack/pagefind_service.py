"""Pagefind's indexing service (`pagefind --service`), spoken to directly.

The service takes pages one message at a time on its stdin and indexes them while the
build goes on; at the end it hands back the bundle. The protocol is the one Pagefind's own
Python and Node packages speak: each message is JSON, base64-encoded and followed by a
comma, `{"message_id": n, "payload": {...}}`, and each answer comes back the same way on
stdout. Pagefind's Python package is not used for the talking: its client reads one
answer every 0.1 s, which would be 20 minutes for a hub of 2,000 articles.

Why here (hub.stack): Pagefind documents its command line and its Python and Node APIs,
not the service protocol under them (checked against 1.5.2), nor `pagefind.service.
get_executable`, which finds the binary of `pagefind[extended]`. On upgrade: the messages
(`NewIndex`, `AddFile`, `GetFiles`), their fields and the base64-and-comma framing are still
those of `pagefind/service/__init__.py` and its `types.py`; tests/test_pagefind_service.py
speaks to the installed binary.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from typing import Any

from pagefind.service import get_executable


class PagefindError(RuntimeError):
    """The service refused a page or a request, or stopped."""


def pagefind_binary() -> str:
    """The path of the binary `pagefind[extended]` installed; PagefindError if there is none."""
    binary = get_executable()
    if binary is None:
        raise PagefindError("the Pagefind binary is not installed (pip package pagefind[extended])")
    return str(binary)


class PagefindService:
    """One index in one service process, fed from one process (the one that started it:
    a forked language worker holds a copy of this object and must not write into the
    parent's pipe, so `add` does nothing there)."""

    def __init__(self, *, exclude_selectors: Sequence[str]) -> None:
        binary = pagefind_binary()
        self._owner = os.getpid()
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (open as long as the service runs)
        self._process = subprocess.Popen(
            [binary, "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log
        )
        self._next_id = 0
        self._answers: dict[int, dict[str, Any]] = {}
        self._waited: set[int] = set()
        self._errors: list[str] = []
        self._sent: dict[int, str] = {}  # message id -> what it was about, until answered
        self._closed = False
        self._lock = threading.Condition()
        self._reader = threading.Thread(target=self._read_answers, name="hub-pagefind", daemon=True)
        self._reader.start()
        answer = self._wait(self._send({"type": "NewIndex", "config": {"exclude_selectors": list(exclude_selectors)}},
                                       "a new index", wait=True))
        self._index_id = int(answer["index_id"])
        self.added: set[str] = set()

    @property
    def here(self) -> bool:
        """True in the process that started the service."""
        return os.getpid() == self._owner

    def add(self, path: str, html: str) -> None:
        """Index the page written to `path` (relative to the site; its URL is made from it)."""
        if not self.here or self._closed:
            return
        self._send({"type": "AddFile", "index_id": self._index_id, "file_path": path, "url": None,
                    "file_contents": html}, path)
        self.added.add(path)

    def wait_for_pages(self) -> None:
        """Until Pagefind has indexed every page sent; PagefindError with every page it refused."""
        with self._lock:
            while len(self._sent) > len(self._waited):
                if not self._reader.is_alive():
                    raise PagefindError(f"Pagefind stopped while indexing:\n{self._output()}")
                self._lock.wait(timeout=1)
            errors = list(self._errors)
        if errors:
            raise PagefindError("\n".join(errors))

    def files(self) -> dict[str, bytes]:
        """Every file of the bundle (its path in the bundle -> its bytes) once every page is
        indexed, then stop the service. The bundle comes back in the answer rather than
        through Pagefind's WriteFiles: that answers before its writes reach the disk, and the
        service exits at the end of its input without finishing them (seen: an empty
        pagefind-entry.json in a finished build)."""
        try:
            self.wait_for_pages()
            answer = self._wait(self._send({"type": "GetFiles", "index_id": self._index_id},
                                           "making the index", wait=True))
        finally:
            self.close()
        return {file["path"]: base64.b64decode(file["content"]) for file in answer["files"]}

    def close(self) -> None:
        if self._closed or not self.here:
            return
        self._closed = True
        with contextlib.suppress(OSError):
            self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log.close()

    # -- the protocol -------------------------------------------------------------------

    def _send(self, payload: dict[str, Any], about: str, *, wait: bool = False) -> int:
        with self._lock:
            self._next_id += 1
            message_id = self._next_id
            self._sent[message_id] = about
            if wait:
                self._waited.add(message_id)
        request = json.dumps({"message_id": message_id, "payload": payload}, ensure_ascii=False)
        message = base64.b64encode(request.encode("utf-8")) + b","
        try:
            self._process.stdin.write(message)
            self._process.stdin.flush()
        except OSError:
            raise PagefindError(f"Pagefind stopped while {about} was sent to it:\n{self._output()}") from None
        return message_id

    def _wait(self, message_id: int) -> dict[str, Any]:
        with self._lock:
            while message_id not in self._answers:
                if not self._reader.is_alive():
                    raise PagefindError(f"Pagefind stopped before it answered:\n{self._output()}")
                self._lock.wait(timeout=1)
            answer = self._answers.pop(message_id)
            self._waited.discard(message_id)
            about = self._sent.pop(message_id, "a request")
        if answer.get("type") == "Error":
            raise PagefindError(f"Pagefind refused {about}: {answer.get('message')}")
        return answer

    def _read_answers(self) -> None:
        stream = self._process.stdout
        parts: list[bytes] = []  # of the answer not yet ended; the bundle's answer is megabytes
        while chunk := stream.read1(1 << 16):
            *ended, rest = chunk.split(b",")
            for piece in ended:
                parts.append(piece)
                self._take(json.loads(base64.b64decode(b"".join(parts))))
                parts.clear()
            parts.append(rest)
        with self._lock:
            self._lock.notify_all()

    def _take(self, answer: dict[str, Any]) -> None:
        payload = answer.get("payload") or {}
        message_id = answer.get("message_id")
        if message_id is None and payload.get("original_message"):
            message_id = json.loads(payload["original_message"]).get("message_id")
        with self._lock:
            if message_id in self._waited:
                self._answers[message_id] = payload
            else:
                about = self._sent.pop(message_id, "a request")
                if payload.get("type") == "Error":
                    self._errors.append(f"{about}: {payload.get('message')}")
            self._lock.notify_all()

    def _output(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-3000:]
