"""The client of Pagefind's indexing service that the build streams pages into: pages in,
one bundle out with an index per language; a stopped service is a clear error."""

from __future__ import annotations

import gzip
import json
import os

import pytest
from hub.stack import PagefindError, PagefindService


def page(lang: str, text: str) -> str:
    head = f"<head><title>{text}</title></head>"
    return f'<!doctype html><html lang="{lang}">{head}<body><main>{text}</main></body></html>'


def test_pages_in_one_bundle_out() -> None:
    service = PagefindService(exclude_selectors=[".frame"])
    service.add("en/a/index.html", page("en", "Sister cities meet in Chengdu"))
    service.add("fr/a/index.html", page("fr", "Les villes jumelles se retrouvent à Chengdu"))
    service.add("news/a/index.html", page("zh", "友好城市在成都相聚"))
    assert service.added == {"en/a/index.html", "fr/a/index.html", "news/a/index.html"}
    entry = json.loads(service.files()["pagefind-entry.json"])
    assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == {"en": 1, "fr": 1, "zh": 1}


def test_a_bundle_larger_than_one_read_comes_back_whole() -> None:
    """The bundle is one answer of megabytes, read from the pipe 64 KB at a time."""
    service = PagefindService(exclude_selectors=[])
    for number in range(400):
        words = " ".join(f"word{number}x{other}" for other in range(200))
        service.add(f"en/{number}/index.html", page("en", words))
    files = service.files()
    fragments = {name: content for name, content in files.items() if name.startswith("fragment/")}
    assert sum(map(len, files.values())) > 20 * (1 << 16)
    assert len(fragments) == 400
    texts = [gzip.decompress(content) for content in fragments.values()]
    assert all(b"word" in text for text in texts)
    assert json.loads(files["pagefind-entry.json"])["languages"]["en"]["page_count"] == 400


def test_a_forked_process_never_writes_into_the_parents_service() -> None:
    service = PagefindService(exclude_selectors=[])
    pid = os.fork()
    if pid == 0:  # a language worker
        service.add("en/child/index.html", page("en", "From the worker"))
        os._exit(0 if not service.added else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    service.add("en/parent/index.html", page("en", "From the parent"))
    entry = json.loads(service.files()["pagefind-entry.json"])
    assert entry["languages"]["en"]["page_count"] == 1


def test_a_stopped_service_is_a_clear_error() -> None:
    service = PagefindService(exclude_selectors=[])
    service._process.kill()
    service._process.wait()
    with pytest.raises(PagefindError, match="Pagefind stopped"):
        for number in range(50):  # the pipe takes a little before it breaks
            service.add(f"en/{number}/index.html", page("en", "x" * 10000))
        service.files()
