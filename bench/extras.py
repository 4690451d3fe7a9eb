"""What a reader and an editor feel, measured on a built benchmark hub:

- page weight: an article page with the CSS and JavaScript it loads, each gzipped as a
  static host serves them (HTML, CSS, JS and SVG compress; nothing else is fetched);
- one search query: the bytes chromium fetches from the moment the reader types a query
  into the search box until the results are shown (Pagefind's entry file, its
  WebAssembly, the index chunks and the result fragments), summed from the sizes of the
  files served, with text files counted gzipped as GitHub Pages sends them; where the
  older news is searched apart, what the reader's "search older years too" adds;
- preview: `mkdocs serve` on the fast path (one language, --dirty), the time from saving
  an edited article to the served page showing the edit.

    python bench/extras.py bench/out/n2000      # after bench/run.py built it
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent / "tests"), str(BENCH.parent / "tests" / "browser")]

from browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from siteserver import SiteServer, free_port, live_preview, wait_for  # noqa: E402

COMPRESSED_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".mjs")
QUERIES = {"en": "cooperation", "zh": "合作"}


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def wire_size(path: Path) -> int:
    data = path.read_bytes()
    return gzipped(data) if path.suffix in COMPRESSED_TYPES else len(data)


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and (values.get("rel") or "") in ("stylesheet", "icon", "modulepreload"):
            self.urls.append(values.get("href") or "")
        if tag == "script" and values.get("src"):
            self.urls.append(values["src"] or "")
        if tag == "img" and values.get("src"):
            self.urls.append(values["src"] or "")


def sample_article(site: Path, lang: str = "en") -> Path:
    """A typical article page: the median size of the news pages of one year."""
    prefix = site / lang if lang != "zh" else site
    years = sorted(p for p in (prefix / "news").iterdir() if p.name.isdigit())
    pages = sorted((p / "index.html" for p in years[len(years) // 2].iterdir()), key=lambda p: p.stat().st_size)
    return pages[len(pages) // 2]


def page_weight(site: Path, page: Path, base_path: str = "/hub/") -> dict:
    """Bytes of one page and everything it loads, gzipped."""
    html = page.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    files = {"(page)": gzipped(html)}
    for url in dict.fromkeys(parser.urls):
        path = url.split("?", 1)[0].split("#", 1)[0]
        if path.startswith(base_path):
            target = site / path[len(base_path):]
        elif "://" in path or not path:
            continue
        else:
            target = (page.parent / path).resolve()
        if target.is_file():
            files[str(target.relative_to(site))] = wire_size(target)
    return {"page": str(page.relative_to(site)), "total_gzip": sum(files.values()), "files": files}


def search_bytes(site: Path, lang: str, query: str) -> dict:
    """Type `query` into the search box of the language's home page in chromium and sum
    what is fetched until the results are shown; then, on a hub whose older news is
    searched apart (hub.engine.search_parts), what asking for the older years adds."""
    from playwright.sync_api import sync_playwright

    server = SiteServer(site, "/hub/")
    server.start()
    fetched: list[str] = []
    older: list[str] = []
    older_results = None
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(server.url + ("" if lang == "zh" else f"{lang}/"), wait_until="networkidle")
            page.on("requestfinished", lambda request: fetched.append(request.url))
            page.keyboard.press("/")
            page.keyboard.type(query, delay=20)
            page.wait_for_selector('.hub-search__results[aria-busy="false"]', timeout=60_000)
            page.wait_for_load_state("networkidle")
            results = page.locator("a.hub-search__link").count()
            offer = page.locator(".hub-search__older")
            if offer.count() and offer.is_visible():
                first = len(fetched)
                offer.click()
                page.wait_for_selector(".hub-search__older", state="hidden", timeout=60_000)
                page.wait_for_selector('.hub-search__results[aria-busy="false"]', timeout=120_000)
                page.wait_for_load_state("networkidle")
                older_results = page.locator("a.hub-search__link").count()
                older, fetched = fetched[first:], fetched[:first]
            browser.close()
    finally:
        server.stop()

    def sizes(urls: list[str]) -> dict[str, int]:
        files: dict[str, int] = {}
        for url in urls:
            path = re.sub(r"^http://127\.0\.0\.1:\d+/hub/", "", url).split("?", 1)[0]
            target = site / path
            if target.is_file():
                files[path] = files.get(path, 0) + wire_size(target)
        return files

    files = sizes(fetched)
    result = {"lang": lang, "query": query, "results_shown": results, "requests": len(fetched),
              "total": sum(files.values()), "files": files}
    if older_results is not None:
        added = sizes(older)
        result["older"] = {"results_shown": older_results, "requests": len(older), "total": sum(added.values())}
    return result


def preview_latency(project: Path, env: dict[str, str], *, lang: str = "en", edits: int = 3) -> dict:
    """`mkdocs serve` on the fast path; seconds from saving an edit to seeing it served."""
    port = free_port()
    env = {**env, "HUB_ONLY_LANGUAGE": lang, "HUB_SITE_URL": f"http://127.0.0.1:{port}/"}
    args = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"]
    article = sample_article_source(project, lang)
    url = f"http://127.0.0.1:{port}/" + article.relative_to(project / "docs" / lang).as_posix()[:-3] + "/"
    original = article.read_text(encoding="utf-8")
    start = time.perf_counter()
    try:
        with live_preview(args, cwd=project, env=env, log=project.parent / "logs" / "serve.log"):
            wait_for(url, None, timeout=1800, poll=0.05)
            first = time.perf_counter() - start
            times = []
            for number in range(edits):
                time.sleep(2)  # let the watcher settle
                token = f"bench-edit-{number}-{int(time.time())}"
                article.write_text(original + f"\n\nEdited: {token}.\n", encoding="utf-8")
                saved = time.perf_counter()
                wait_for(url, token, timeout=600, poll=0.05)
                times.append(time.perf_counter() - saved)
    finally:
        article.write_text(original, encoding="utf-8")
    return {"command": " ".join(["HUB_ONLY_LANGUAGE=" + lang, "mkdocs", *args[3:]]), "page": url,
            "first_build_s": round(first, 1), "edit_to_visible_s": [round(t, 2) for t in times],
            "median_s": round(statistics.median(times), 2)}


def sample_article_source(project: Path, lang: str) -> Path:
    folder = project / "docs" / lang / "news"
    years = sorted(p for p in folder.iterdir() if p.name.isdigit())
    return sorted(years[len(years) // 2].glob("*.md"))[0]


def measure_all(folder: Path, env: dict[str, str]) -> dict:
    site = (folder / "site-hub").resolve()
    result: dict = {"page_weight": page_weight(site, sample_article(site))}
    result["search"] = [search_bytes(site, lang, query) for lang, query in QUERIES.items()]
    for item in result["search"]:
        item["files"] = dict(sorted(item["files"].items(), key=lambda kv: -kv[1])[:12])
    result["preview"] = preview_latency(folder / "hub", env)
    return result


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH))
    from run import env_for

    target = Path(sys.argv[1])
    print(json.dumps(measure_all(target, env_for(target / "hub")), indent=2, ensure_ascii=False))
