"""Direct timings of parts of the per-page work (bench/README.md, "Less CPU per page, the
same site, continued"): process CPU time, best of 3 rounds, so that a busy machine skews them
less than whole builds.

    python bench/page_parts.py i18n CORPUS        the i18n plugin's files of each language
    python bench/page_parts.py qr [--hooks DIR]   a page's QR code, of the code in DIR/hooks
    python bench/page_parts.py frame CORPUS [--unkept header-]
    python bench/page_parts.py summary CORPUS

CORPUS is a project made by `bench/generate.py N --out CORPUS` (absolute path); `frame` and
`summary` build it (one process, the bench's build date and site URL, the repository's
hooks/, overrides/ and mkdocs.yml put in place). `frame`: Material's page template rendered
with the parts the hub keeps per language and depth, and with the parts named by --unkept
(prefixes of their names in hub.site.fragments) rendered each time, on every page, same
output checked. `summary`: the sanitiser on the summary copies' HTML as the build gives it,
with the class the template no longer writes and without.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import runpy
import string
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["zh", "en", "fr", "ja"]


def best_of_3(items: Iterable[Any], work: Callable[[Any], Any]) -> float:
    """Process CPU seconds of `work` over `items`, the best of 3 rounds, per item."""
    items = list(items)
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for item in items:
            work(item)
        best = min(best, time.process_time() - started)
    return best / len(items)


def i18n(corpus: Path) -> None:
    from hub.stack import i18n_files
    from mkdocs.structure.files import File

    docs = corpus / "docs"
    config = SimpleNamespace(docs_dir=str(docs), site_dir=str(corpus / "site"), use_directory_urls=True)
    files = [File(path.relative_to(docs).as_posix(), str(docs), config.site_dir, True)
             for path in sorted(docs.rglob("*")) if path.is_file()]
    calls = [(file, lang) for lang in LANGUAGES for file in files]

    def measure(make: Callable[..., Any], relative: Callable[[Any, Any], bool]) -> float:
        return best_of_3(calls, lambda call: (relative(call[0].abs_src_path, config.docs_dir),
                                              make(call[0], call[1], "zh", LANGUAGES, config)))

    plugin = measure(i18n_files._original_make_file, i18n_files._original_is_relative_to)
    strings = measure(i18n_files.make_file, i18n_files.is_relative_to)
    print(f"{len(files)} files x {len(LANGUAGES)} languages: the plugin's {plugin * 1e6:.1f} µs a file, "
          f"the hub's {strings * 1e6:.1f} µs")


def qr() -> None:
    from hub.graphics.share_qr import qr_svg

    rng = random.Random(3)
    addresses = [f"https://example.org/hub/{rng.choice(['', 'en/', 'fr/', 'ja/'])}news/{rng.randint(2015, 2026)}/"
                 + "".join(rng.choices(string.ascii_lowercase + "-", k=rng.randint(5, 200))) + "/"
                 for _ in range(600)]
    print(f"qr_svg of {len(addresses)} addresses: {best_of_3(addresses, lambda url: qr_svg(url, 'x')) * 1e3:.3f} ms "
          "a code")


def build(corpus: Path, mode: str, *extra: str) -> None:
    """Build the corpus with this file run as the build's own process in `mode`."""
    sys.path.insert(0, str(ROOT / "bench"))
    import variants

    for name in ("hooks", "overrides"):
        subprocess.run(["rm", "-rf", str(corpus / name)], check=True)
        subprocess.run(["cp", "-r", str(ROOT / name), str(corpus / name)], check=True)
    subprocess.run(["cp", str(ROOT / "mkdocs.yml"), str(corpus / "mkdocs.yml")], check=True)
    variants.remove_generated(corpus)
    env = {**os.environ, "HUB_BUILD_WORKERS": "1", "HUB_BUILD_DATE": "2026-06-01", "NO_MKDOCS_2_WARNING": "1",
           "HUB_SITE_URL": "https://example.org/hub/", "PYTHONPATH": str(corpus / "hooks")}
    subprocess.run([sys.executable, __file__, f"in-build-{mode}", str(corpus), *extra], cwd=corpus, env=env,
                   check=True)


def run_mkdocs(corpus: Path) -> None:
    sys.argv = ["mkdocs", "build", "--strict", "-d", str(corpus / "site-parts")]
    try:
        runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
    except SystemExit as done:
        if done.code:
            raise


def frame_in_build(corpus: Path, unkept: tuple[str, ...]) -> None:
    import jinja2.environment
    from hub.site.fragments import RenderedFragments

    class Unkept(RenderedFragments):
        def get(self, partial: str, key: str) -> str | None:
            return None if partial.startswith(unkept) else super().get(partial, key)

        def kept(self, partial: str, key: str, render: Callable[[], str]) -> str:
            return render() if partial.startswith(unkept) else super().kept(partial, key, render)

    render = jinja2.environment.Template.render
    totals = {"kept": 0.0, "each time": 0.0, "pages": 0, "differ": 0}

    def timed(template: Any, context: dict[str, Any]) -> tuple[float, str]:
        best, out = float("inf"), ""
        for _ in range(3):
            started = time.process_time()
            out = render(template, context)
            best = min(best, time.process_time() - started)
        return best, out

    def measured(self: Any, *args: Any, **kwargs: Any) -> str:
        out = render(self, *args, **kwargs)
        context = args[0] if args and isinstance(args[0], dict) else None
        hub = context.get("hub") if context else None
        if isinstance(hub, dict) and hub.get("fragments") is not None and context.get("page") is not None:
            kept = hub["fragments"]
            with_kept, out_kept = timed(self, context)
            hub["fragments"] = Unkept(kept._html)
            each_time, out_each = timed(self, context)
            hub["fragments"] = kept
            totals["kept"] += with_kept
            totals["each time"] += each_time
            totals["pages"] += 1
            totals["differ"] += out_kept != out_each
        return out

    jinja2.environment.Template.render = measured
    run_mkdocs(corpus)
    pages = totals["pages"]
    print(f"{pages} pages ({totals['differ']} different): Material's page template "
          f"{totals['kept'] / pages * 1e3:.3f} ms a page with the parts kept, "
          f"{totals['each time'] / pages * 1e3:.3f} ms with {', '.join(unkept)} rendered each time")


def summary_in_build(corpus: Path) -> None:
    from hub.safety import sanitize

    seen: list[str] = []
    clean_html = sanitize.clean_html

    def kept_input(content: str) -> Any:
        seen.append(content)
        return clean_html(content)

    sanitize.clean_html = kept_input
    run_mkdocs(corpus)
    sanitize.clean_html = clean_html
    # A summary copy's text as overrides/hub/fallback_article.html writes it.
    summary = re.compile(r'<div>\n<p>[^<]*</p>\n<p lang="[a-z]+"><a href="[^"]*" hreflang="[a-z]+">')
    summaries = [html for html in seen if summary.search(html)]
    with_class = [summary.sub(lambda m: m.group(0).replace("<div>", '<div class="hub-fallback-summary">', 1), html,
                              count=1) for html in summaries]
    assert all(clean_html(a)[0] == clean_html(b)[0] for a, b in zip(with_class, summaries, strict=True))
    assert all(clean_html(a)[1] and not clean_html(b)[1] for a, b in zip(with_class, summaries, strict=True))
    print(f"{len(summaries)} summary copies of {len(seen)} pages through the sanitiser: "
          f"{best_of_3(with_class, clean_html) * 1e3:.3f} ms a page with the class, "
          f"{best_of_3(summaries, clean_html) * 1e3:.3f} ms without")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("part", choices=["i18n", "qr", "frame", "summary", "in-build-frame", "in-build-summary"])
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--hooks", type=Path, default=ROOT, help="the tree whose hooks/ to measure (qr, i18n)")
    parser.add_argument("--unkept", default="header-", help="comma-separated prefixes of kept parts (frame)")
    args = parser.parse_args()
    if args.part in ("i18n", "qr"):
        sys.path.insert(0, str(args.hooks / "hooks"))
    if args.part == "i18n":
        i18n(args.corpus)
    elif args.part == "qr":
        qr()
    elif args.part == "frame":
        build(args.corpus, "frame", "--unkept", args.unkept)
    elif args.part == "summary":
        build(args.corpus, "summary")
    elif args.part == "in-build-frame":
        frame_in_build(args.corpus, tuple(args.unkept.split(",")))
    else:
        summary_in_build(args.corpus)


if __name__ == "__main__":
    main()
