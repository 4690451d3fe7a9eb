"""Pagefind alone on a built site: what indexing the pages of some languages costs, the way
the build indexes them (hub.engine.search.search_document through hub.stack.pagefind_service), with no
MkDocs beside it. Usage: pagefind_alone.py <site> [lang ...] [--first N] (default: every
language, every indexed page; `--first N`: only the first N pages, in path order).

Prints the pages indexed, the wall time, the CPU time and the resident memory of the
Pagefind process once every page is indexed and at its peak (while it makes the bundle), the
size of the bundle and the peak of this process (which receives it); it is the floor of the
build's memory for those languages. With `--first 2` on Chinese pages it shows what the
word splitting's dictionaries alone hold.
"""

from __future__ import annotations

import resource
import sys
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "hooks")]

from hub.engine.search import BODY_START, EXCLUDED_SELECTORS, search_document  # noqa: E402
from hub.stack import PagefindService  # noqa: E402
from measure import tree_rss  # noqa: E402

LANGUAGES = ("zh", "en", "fr", "ja")


def language_of(path: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in LANGUAGES[1:] else LANGUAGES[0]


def main() -> None:
    arguments = sys.argv[1:]
    first = None
    if "--first" in arguments:
        at = arguments.index("--first")
        first = int(arguments[at + 1])
        del arguments[at : at + 2]
    site = Path(arguments[0])
    wanted = set(arguments[1:]) or set(LANGUAGES)
    started = time.perf_counter()
    service = PagefindService(exclude_selectors=EXCLUDED_SELECTORS)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            peak[0] = max(peak[0], tree_rss(service._process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    pages = 0
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith("pagefind/") or language_of(relative) not in wanted:
            continue
        html = path.read_text(encoding="utf-8")
        if BODY_START in html:
            service.add(relative, search_document(html))
            pages += 1
            if pages == first:
                break
    service.wait_for_pages()
    indexed = tree_rss(service._process.pid)
    files = service.files()
    done.set()
    sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{', '.join(sorted(wanted))}: {pages} pages, {time.perf_counter() - started:.1f} s wall, "
          f"Pagefind {usage.ru_utime + usage.ru_stime:.1f} s CPU, {indexed / 2**20:.0f} MiB with every page "
          f"indexed, peak {peak[0] / 2**20:.0f} MiB; "
          f"bundle {sum(map(len, files.values())) / 2**20:.1f} MiB in {len(files)} files, "
          f"this process peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
