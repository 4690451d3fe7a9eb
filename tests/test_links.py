"""Links over HTTP, at a project sub-path: the site built for http://127.0.0.1:PORT/hub/,
served there the way GitHub Pages serves a project site, and crawled by linkchecker with
anchor checking. Feeds, calendars and sitemaps, which linkchecker does not read, are
parsed here and every internal address in them is requested.
"""

from __future__ import annotations

import gzip
import html
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import Request, urlopen

import pytest
from bs4 import BeautifulSoup
from sitebuild import BuiltSite, build, copy_project
from siteserver import SiteServer, serving

pytestmark = pytest.mark.slow

PREFIX = "/hub/"
LANGUAGE_ROOTS = ("", "en/", "fr/", "ja/")
LINKCHECKER = Path(sys.executable).parent / "linkchecker"
# Bounds: the whole crawl, and each request.
CRAWL_TIMEOUT = 600
REQUEST_TIMEOUT = 20


@dataclass(frozen=True)
class Problem:
    url: str
    parent: str
    line: str
    result: str
    warning: str

    def __str__(self) -> str:
        where = f" (linked from {self.parent}, line {self.line})" if self.parent else ""
        return f"{self.url}{where}: {self.result} {self.warning}".strip()


@dataclass(frozen=True)
class Crawl:
    problems: list[Problem]
    checked: set[str]
    output: str


def linkchecker_config(port: int) -> str:
    host = re.escape(f"127.0.0.1:{port}")
    return f"""\
[checking]
threads=4
timeout={REQUEST_TIMEOUT}
aborttimeout={CRAWL_TIMEOUT}
# The server says it is a linkchecker test server (a `LinkChecker` header): no throttling.
maxrequestspersecond=1000

[filtering]
# Everything on the test host is internal, outside the sub-path too: a link that forgot
# the sub-path is then checked, and broken, instead of skipped as external.
internlinks=^https?://{host}/
checkextern=0
ignore=
  ^mailto:
  ^tel:
# "Translate this page" opens GitHub's new-file form with the text to translate in the URL,
# up to 8 KB (hub/edit_links.py); LinkChecker's advice stops at 2 KB. Only those links.
ignorewarningsforurls=
  ^https://github\\.com/[^/]+/[^/]+/new/ ^url-too-long$

[AnchorCheck]
"""


def crawl(start_urls: list[str], port: int) -> Crawl:
    """Run linkchecker over `start_urls` and return what it found wrong, and what it checked."""
    if not LINKCHECKER.exists():
        pytest.fail(f"linkchecker is not installed in {LINKCHECKER.parent}: run `make setup-test`")
    # linkchecker run as root reads its configuration, then continues as `nobody`.
    with tempfile.TemporaryDirectory(prefix="hub-linkcheck-") as folder:
        config = Path(folder) / "linkcheckerrc"
        config.write_text(linkchecker_config(port), encoding="utf-8")
        done = subprocess.run(
            [str(LINKCHECKER), "--config", str(config), "--no-status", "--verbose", "--output", "xml", *start_urls],
            capture_output=True,
            text=True,
            timeout=CRAWL_TIMEOUT + 60,
        )
    if done.returncode not in (0, 1):  # 1: problems found; 2: linkchecker itself failed
        pytest.fail(f"linkchecker failed ({done.returncode}):\n{done.stderr[-3000:]}")
    problems, checked = [], set()
    for record in ET.fromstring(done.stdout).iter("urldata"):
        url = record.findtext("realurl") or record.findtext("url") or ""
        valid = record.find("valid")
        warnings = [warning.text or "" for warning in record.iter("warning")]
        if valid is not None and valid.text == "1" and not warnings:
            checked.add(url)
            continue
        if url.startswith("data:"):
            continue
        parent = record.find("parent")
        problems.append(
            Problem(
                url,
                parent.text or "" if parent is not None else "",
                parent.get("line", "") if parent is not None else "",
                valid.get("result", "") if valid is not None else "",
                " ".join(warnings),
            )
        )
    return Crawl(problems, checked, done.stdout)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SiteServer, BuiltSite]]:
    """The repository's site, built for http://127.0.0.1:PORT/hub/ and served there."""
    site_dir = tmp_path_factory.mktemp("subpath") / "site"
    server = SiteServer(site_dir, PREFIX)
    project = copy_project(tmp_path_factory.mktemp("subpath-project"))
    built = build(project, site_dir, HUB_SITE_URL=server.url)
    assert built.result.returncode == 0, built.result.output
    with serving(server):
        yield server, built


def test_no_broken_link_or_anchor_in_any_language(served):
    server, built = served
    starts = [server.url + root for root in LANGUAGE_ROOTS] + [server.url + "sitemap.xml", server.url + "404.html"]
    result = crawl(starts, server.port)
    assert result.problems == [], "\n".join(map(str, result.problems))
    # The crawl reached every page of every language that the sitemap lists.
    listed = sitemap_pages(built, server.url)
    assert len(listed) >= 4 * len(LANGUAGE_ROOTS)
    assert listed - result.checked == set()


def sitemap_pages(built: BuiltSite, site_url: str) -> set[str]:
    root = ET.parse(built.dir / "sitemap.xml").getroot()
    return {element.text.strip() for element in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}


# ---------------------------------------------------------------------------------------
# Feeds, calendars, sitemaps and OPML: every address in them that points into the site.

URL_IN_TEXT = re.compile(r"https?://[^\s\"'<>\\]+")


def addresses_in_xml(path: Path) -> set[str]:
    found: set[str] = set()
    for element in ET.parse(path).getroot().iter():
        for value in [*element.attrib.values(), element.text or ""]:
            # Atom and RSS carry HTML as escaped text: its links are in there too.
            found.update(URL_IN_TEXT.findall(html.unescape(value)))
    return found


def addresses_in_ics(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    unfolded = re.sub(r"\r?\n[ \t]", "", text)  # RFC 5545 line folding
    unescaped = re.sub(r"\\([,;\\])", r"\1", unfolded)
    return set(URL_IN_TEXT.findall(unescaped))


def documents_with_addresses(site: Path) -> list[Path]:
    return sorted(
        path for path in site.rglob("*") if path.is_file() and path.suffix in {".xml", ".ics", ".opml"}
    )


def test_feeds_calendars_and_sitemaps_point_only_at_pages_that_exist(served):
    server, built = served
    documents = documents_with_addresses(built.dir)
    assert built.dir / "sitemap.xml" in documents
    internal: dict[str, set[str]] = {}
    elsewhere_on_this_host = []
    for document in documents:
        addresses = addresses_in_ics(document) if document.suffix == ".ics" else addresses_in_xml(document)
        for address in addresses:
            address = address.rstrip(".,;)")
            if address.startswith(server.url):
                internal.setdefault(address, set()).add(document.relative_to(built.dir).as_posix())
            elif urlsplit(address).netloc == f"127.0.0.1:{server.port}":
                elsewhere_on_this_host.append(f"{document.name}: {address}")
    assert elsewhere_on_this_host == [], "addresses on the site's host but outside its sub-path"
    assert internal, "no address of the site found in any feed, calendar or sitemap"

    with ThreadPoolExecutor(max_workers=8) as pool:
        failures = [f for f in pool.map(lambda url: check_address(url, internal[url]), sorted(internal)) if f]
    assert failures == [], "\n".join(failures)


def check_address(url: str, found_in: set[str]) -> str | None:
    page, fragment = urldefrag(url)
    try:
        with urlopen(page, timeout=REQUEST_TIMEOUT) as response:
            status, body, kind = response.status, response.read(), response.headers.get_content_type()
    except HTTPError as error:
        status, body, kind = error.code, b"", ""
    where = ", ".join(sorted(found_in))
    if status != 200:
        return f"{url} (in {where}): HTTP {status}"
    if fragment and kind == "text/html" and not has_anchor(body, fragment):
        return f"{url} (in {where}): no element with id {fragment!r}"
    return None


def has_anchor(body: bytes, fragment: str) -> bool:
    soup = BeautifulSoup(body, "html.parser")
    return soup.find(id=fragment) is not None or soup.find("a", attrs={"name": fragment}) is not None


# ---------------------------------------------------------------------------------------
# The 404 page: GitHub Pages serves it at any depth, so its links must not be relative.


def test_the_404_page_works_at_any_depth(served):
    server, _ = served
    missing = server.url + "en/no/such/page/at/all/"
    try:
        urlopen(missing, timeout=REQUEST_TIMEOUT)
        pytest.fail(f"{missing} should answer 404")
    except HTTPError as error:
        assert error.code == 404
        body = error.read()
    soup = BeautifulSoup(body, "html.parser")
    targets = {
        urljoin(missing, element.get(attribute))
        for element, attribute in [(tag, "href") for tag in soup.find_all(["a", "link"], href=True)]
        + [(tag, "src") for tag in soup.find_all(["script", "img"], src=True)]
    }
    internal = sorted(url for url in targets if urlsplit(url).netloc == f"127.0.0.1:{server.port}")
    assert len(internal) >= 5
    failures = [f for url in internal if (f := check_address(url, {"404.html"}))]
    assert failures == [], "\n".join(failures)


# ---------------------------------------------------------------------------------------
# The checker itself: shown broken links, it must report each of them.

BROKEN_PAGE = """\
---
title: links
---

<p><a href="/hub/en/nowhere/">a page that does not exist</a></p>
<p><a href="/en/">the English home without the sub-path</a></p>
<p><a href="#no-such-heading">an anchor that does not exist</a></p>
<p><a href="/hub/en/#also-missing">an anchor on another page that does not exist</a></p>
"""


def test_the_link_check_reports_broken_links_and_anchors(minimal_project, tmp_path):
    (minimal_project / "docs" / "en" / "about" / "links.md").write_text(BROKEN_PAGE, encoding="utf-8")
    site_dir = tmp_path / "site"
    server = SiteServer(site_dir, PREFIX)
    built = build(minimal_project, site_dir, strict=False, HUB_SITE_URL=server.url)
    assert built.result.returncode == 0, built.result.output
    with serving(server):
        result = crawl([server.url + "en/about/links/"], server.port)
    reported = "\n".join(map(str, result.problems))
    assert f"{server.url}en/nowhere/" in reported
    assert f"http://127.0.0.1:{server.port}/en/" in reported
    assert "no-such-heading" in reported
    assert "also-missing" in reported


def test_page_speed_server_sends_text_gzipped_as_github_pages_does(site: BuiltSite) -> None:
    """scripts/lighthouse_server.py serves with compress=True: text files gzipped with the
    same bytes inside, the cache header Pages sends, other files and a missing page as usual."""
    with serving(SiteServer(site.dir, urlsplit(site.site_url).path, compress=True)) as server:
        with urlopen(Request(server.url + "en/", headers={"Accept-Encoding": "gzip"})) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.headers["Cache-Control"] == "max-age=600"
            assert gzip.decompress(response.read()) == site.path("en/").read_bytes()
        with urlopen(server.url + "en/") as response:  # a client that does not accept gzip
            assert response.headers["Content-Encoding"] is None
            assert response.read() == site.path("en/").read_bytes()
        with pytest.raises(HTTPError) as missing:
            urlopen(Request(server.url + "no-such-page/", headers={"Accept-Encoding": "gzip"}))
        assert missing.value.code == 404
