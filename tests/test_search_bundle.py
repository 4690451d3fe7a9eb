"""The search bundle made one language at a time (hub.engine.search): each language's index
in a Pagefind process of its own that has ended before the next language's starts, and the
parts merged into the very bundle one index of every language gives, byte for byte."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import pytest
from hub.engine import search
from hub.stack import PagefindError, PagefindService

TEXTS = {
    "zh": ("news/a/index.html", "成都与友好城市的合作", "友好城市在成都相聚，讨论教育和文化交流。"),
    "en": ("en/news/a/index.html", "Sister cities in Chengdu", "Sister cities meet in Chengdu to talk about schools."),
    "fr": ("fr/news/a/index.html", "Les villes jumelles", "Les villes jumelles se retrouvent à Chengdu."),
    "ja": ("ja/news/a/index.html", "成都の姉妹都市", "姉妹都市の代表が成都で教育と文化について話し合った。"),
}
ORDER = ("zh", "en", "fr", "ja")  # as the build gives them: this process's, then the worker's


def page(lang: str, title: str, text: str, number: int = 0) -> str:
    """A built page as the build hands it over: its lang, title and marked body, with
    parts the index leaves out (a byline)."""
    return (f'<!doctype html><html lang="{lang}"><head><title>{title} {number}</title></head><body>'
            f'{search.BODY_START}<article><h1>{title} {number}</h1><p class="hub-byline">2026-01-0{number + 1}</p>'
            f"<p>{text} {number}</p></article></div></body></html>")


def older(lang: str, year: int) -> str:
    return f"{lang}: before {year} too"


def pages() -> list[tuple[str, str, str]]:
    """(language, path, html) of two pages in each language, in the order built."""
    return [(lang, TEXTS[lang][0].replace("/a/", f"/a{number}/"), page(lang, *TEXTS[lang][1:], number))
            for lang in ORDER for number in range(2)]


@cache
def one_index_for_every_language() -> dict[str, bytes]:
    """The reference: every page in one service, its entry's languages sorted (as the
    build wrote it before it indexed one language at a time)."""
    service = search.start_index()
    for _lang, path, html in pages():
        service.add(path, html)
    files = service.files()
    entry = json.loads(files[search.ENTRY_FILE])
    entry["languages"] = dict(sorted(entry["languages"].items()))
    files[search.ENTRY_FILE] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return files


def test_one_index_per_language_gives_the_bundle_of_one_index_for_all() -> None:
    indexes = search.LanguageIndexes()
    for lang, path, html in pages():
        indexes.add(lang, path, html)
    indexes.finish_language()
    assert list(indexes.bundles) == [(lang, 1) for lang in ORDER]
    merged = search.merge_bundles(indexes.bundles.values())
    reference = one_index_for_every_language()
    assert sorted(merged) == sorted(reference)
    assert [name for name in merged if merged[name] != reference[name]] == []
    entry = json.loads(merged[search.ENTRY_FILE])
    assert list(entry) == ["version", "languages", "include_characters"]  # Pagefind's order of keys
    assert list(entry["languages"]) == ["en", "fr", "ja", "zh"]
    assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == dict.fromkeys(ORDER, 2)
    assert b'","languages":{"en":{' in merged[search.ENTRY_FILE]  # compact, as Pagefind writes it


def one_service_at_a_time(monkeypatch: pytest.MonkeyPatch) -> list[PagefindService]:
    """The Pagefind services the index starts, in order; starting one while another still
    runs fails the test."""
    started: list[PagefindService] = []

    def start() -> PagefindService:
        assert all(service._process.poll() is not None for service in started), "an index process still runs"
        started.append(PagefindService(exclude_selectors=search.EXCLUDED_SELECTORS))
        return started[-1]

    monkeypatch.setattr(search, "start_index", start)
    return started


def test_each_language_s_pagefind_process_has_ended_before_the_next_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    started = one_service_at_a_time(monkeypatch)
    indexes = search.LanguageIndexes()
    for lang, path, html in pages():
        indexes.add(lang, path, html)
    assert len(started) == 4
    assert started[-1]._process.poll() is None  # ja's, until it is finished
    indexes.finish_language()
    assert all(service._process.poll() is not None for service in started)
    indexes.finish_language()  # nothing left to finish
    assert len(indexes.bundles) == 4


def test_a_language_indexed_twice_is_an_error() -> None:
    indexes = search.LanguageIndexes()
    (lang, path, html), (_, other, other_html) = pages()[2:4]  # en
    indexes.add(lang, path, html)
    indexes.finish_language()
    with pytest.raises(PagefindError, match=f"after the index of {lang} was made"):
        indexes.add(lang, other, other_html)
    with pytest.raises(PagefindError, match=f"two indexes of the language '{lang}'"):
        search.merge_bundles([indexes.bundles[lang, 1], indexes.bundles[lang, 1]])


def test_a_language_s_pagefind_that_stops_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[PagefindService] = []
    monkeypatch.setattr(search, "start_index", lambda: started.append(PagefindService(exclude_selectors=[]))
                        or started[-1])
    indexes = search.LanguageIndexes()
    lang, path, html = pages()[2]  # en
    indexes.add(lang, path, html)
    started[0]._process.kill()
    started[0]._process.wait()
    with pytest.raises(PagefindError, match="Pagefind stopped"):
        indexes.finish_language()
    assert indexes.bundles == {}


def test_bundles_that_disagree_are_not_merged() -> None:
    indexes = search.LanguageIndexes()
    for lang, path, html in pages()[2:6]:  # en and fr
        indexes.add(lang, path, html)
    indexes.finish_language()
    en, fr = indexes.bundles["en", 1], indexes.bundles["fr", 1]
    with pytest.raises(PagefindError, match=r"pagefind\.js differs"):
        search.merge_bundles([en, {**fr, "pagefind.js": b"// another version"}])
    other_version = json.loads(fr[search.ENTRY_FILE]) | {"version": "0.0.1"}
    with pytest.raises(PagefindError, match="different settings"):
        search.merge_bundles([en, {**fr, search.ENTRY_FILE: json.dumps(other_version).encode()}])
    with pytest.raises(PagefindError, match=r"^no index to merge$"):
        search.merge_bundles([])


def test_closed_indexes_make_nothing_and_a_forked_worker_adds_nothing() -> None:
    indexes = search.LanguageIndexes()
    pid = os.fork()
    if pid == 0:  # a language worker holds a copy: no service may start there
        lang, path, html = pages()[0]
        indexes.add(lang, path, html)
        indexes.finish_language()
        os._exit(0 if not indexes.bundles and not indexes._open else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    lang, path, html = pages()[0]
    indexes.add(lang, path, html)
    indexes.close()
    indexes.finish_language()
    assert indexes.bundles == {}
    indexes.close()  # twice is no error


def test_the_site_s_bundle_takes_other_processes_pages_from_disk(tmp_path: Path) -> None:
    """zh and en given as built (this process), fr and ja read from the site folder (the
    worker's); Pagefind's ready-made interfaces are not published; a previous build's
    chunks are gone."""
    by_lang: dict[str, list[str]] = {}
    indexes = search.LanguageIndexes()
    for lang, path, html in pages():
        by_lang.setdefault(lang, []).append(path)
        if lang in ("zh", "en"):
            indexes.add(lang, path, html)
            if path.startswith("en/") and len(by_lang[lang]) == 2:
                indexes.finish_language()
        else:
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(html.replace("<!doctype html>", "<!doctype html>\n"), encoding="utf-8")
    stale = tmp_path / search.BUNDLE_DIR / "index" / "zh_0000000.pf_index"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"from an earlier build")
    written = search.write_index(indexes, tmp_path, by_lang, older=older)
    assert written.pages == dict.fromkeys(ORDER, 2)
    assert written.describe() == "en 2, fr 2, ja 2, zh 2"
    bundle = tmp_path / search.BUNDLE_DIR
    published = {path.relative_to(bundle).as_posix(): path.read_bytes() for path in bundle.rglob("*") if path.is_file()}
    reference = {name: content for name, content in one_index_for_every_language().items()
                 if name not in search.UNUSED_UI_FILES}
    assert published.pop(search.ARCHIVE_LIST) == b"{}"  # no language has older parts
    assert sorted(published) == sorted(reference)
    assert [name for name in published if published[name] != reference[name]] == []


def test_a_site_without_indexed_pages_still_gets_pagefind_s_scripts(tmp_path: Path) -> None:
    written = search.write_index(search.LanguageIndexes(), tmp_path, {}, older=older)
    assert written.pages == {}
    assert written.describe() == "no pages"
    assert (tmp_path / search.BUNDLE_DIR / "pagefind.js").is_file()
    assert json.loads((tmp_path / search.BUNDLE_DIR / search.ENTRY_FILE).read_bytes())["languages"] == {}
