"""The client of Pagefind's indexing service that the build streams pages into: pages in,
one bundle out with an index per language; a stopped service is a clear error."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hub.pagefind_service import PagefindError, PagefindService


def page(lang: str, text: str) -> str:
    head = f"<head><title>{text}</title></head>"
    return f'<!doctype html><html lang="{lang}">{head}<body><main>{text}</main></body></html>'


def test_pages_in_one_bundle_out(tmp_path: Path) -> None:
    service = PagefindService(exclude_selectors=[".frame"])
    service.add("en/a/index.html", page("en", "Sister cities meet in Chengdu"))
    service.add("fr/a/index.html", page("fr", "Les villes jumelles se retrouvent à Chengdu"))
    service.add("news/a/index.html", page("zh", "友好城市在成都相聚"))
    assert service.added == {"en/a/index.html", "fr/a/index.html", "news/a/index.html"}
    service.write(str(tmp_path / "pagefind"))
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == {"en": 1, "fr": 1, "zh": 1}


def test_a_forked_process_never_writes_into_the_parents_service(tmp_path: Path) -> None:
    service = PagefindService(exclude_selectors=[])
    pid = os.fork()
    if pid == 0:  # a language worker
        service.add("en/child/index.html", page("en", "From the worker"))
        os._exit(0 if not service.added else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    service.add("en/parent/index.html", page("en", "From the parent"))
    service.write(str(tmp_path / "pagefind"))
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == 1


def test_a_stopped_service_is_a_clear_error(tmp_path: Path) -> None:
    service = PagefindService(exclude_selectors=[])
    service._process.kill()
    service._process.wait()
    with pytest.raises(PagefindError, match="Pagefind stopped"):
        for number in range(50):  # the pipe takes a little before it breaks
            service.add(f"en/{number}/index.html", page("en", "x" * 10000))
        service.write(str(tmp_path / "pagefind"))
    assert not (tmp_path / "pagefind").exists()
