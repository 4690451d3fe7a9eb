"""Where the bytes of a published site are: by kind of file and by top folder, and what an
article page is made of. GitHub Pages refuses sites over 1 GB; this says what to cut.

    python bench/bytes.py bench/out/n2000/site-hub
    python bench/bytes.py bench/out/n2000/site-hub --json    # the same, for a script

Kinds: article pages (news and policy explainers) in their own language, fallback copies
(the page shows another language's text, `hub-fallback` notice), news listings (pages,
archive, topics, partner cities' news), record pages (cities, opportunities, events), other
pages, feeds (per city apart), calendars, the search index, social cards, other assets.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

LANGUAGES = ("en", "fr", "ja")  # zh is the root
_FALLBACK = b'class="admonition hub-fallback"'
_ARTICLE = re.compile(r"^(news/\d{4}/|policies/[^/]+/)")
_LISTING = re.compile(r"^news/(page|archive|topics|cities)/|^news/index\.html$")
_RECORD = re.compile(r"^(cities|opportunities|events)/")
# Pieces of an article page, by the markup Material and the hub write around them.
PARTS = {
    "head": r"<head>.*?</head>",
    "header (logo, language switcher, search)": r'<header class="md-header.*?</header>',
    "tabs": r'<nav class="md-tabs.*?</nav>',
    "navigation (sidebar, phone drawer)":
        r'<div class="md-sidebar md-sidebar--primary.*?'
        r'(?=<div class="md-sidebar md-sidebar--secondary|<div class="md-content)',
    "table of contents": r'<div class="md-sidebar md-sidebar--secondary.*?(?=<div class="md-content)',
    "article": r"<article.*?</article>",
    "QR code": r'<details class="hub-share">.*?</details>',
    "related articles": r'<section class="hub-related".*?</section>',
    "edit or translate link": r'<p class="hub-edit">.*?</p>',
    "footer and scripts": r"<footer.*",
}


def kind_of(rel: str) -> str:
    """The kind of a published file, from its path (inside the site) and, for pages, its bytes."""
    parts = rel.split("/")
    inner = "/".join(parts[1:]) if parts[0] in LANGUAGES else rel
    if inner.startswith("pagefind/"):
        return "search index"
    if inner.startswith("assets/cards/"):
        return "social cards"
    if inner.startswith("assets/"):
        return "other assets"
    if inner.startswith("feeds/cities/"):
        return "feeds, per city"
    if inner.startswith("feeds/") and not inner.endswith(".html"):
        return "feeds, others"
    if inner.startswith("calendars/") or inner.endswith(".ics"):
        return "calendars"
    if not inner.endswith(".html"):
        return "other files"
    if _LISTING.search(inner):
        return "news listings"
    if _ARTICLE.search(inner):
        return "article pages"  # refined by the caller: fallback copies
    if _RECORD.search(inner):
        return "record pages"
    return "other pages"


def measure(site: Path) -> dict:
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    folders: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        size = path.stat().st_size
        kind = kind_of(rel)
        if kind == "article pages" and _FALLBACK in path.read_bytes():
            kind = "fallback copies"
        kinds[kind][0] += size
        kinds[kind][1] += 1
        parts = rel.split("/")
        top = "/".join(parts[:2]) if parts[0] in LANGUAGES and len(parts) > 2 else parts[0] if len(parts) > 1 else "."
        folders[top][0] += size
        folders[top][1] += 1
    return {"kinds": dict(kinds), "folders": dict(folders), "article": article_parts(site)}


def article_parts(site: Path) -> dict[str, int]:
    """Bytes of each part of one en article page (the median size of the middle year)."""
    years = sorted(p for p in (site / "en" / "news").glob("[0-9]*") if p.is_dir())
    if not years:
        return {}
    pages = sorted((p.stat().st_size, p) for p in years[len(years) // 2].glob("*/index.html"))
    if not pages:
        return {}
    html = pages[len(pages) // 2][1].read_text(encoding="utf-8")
    parts = {"whole page": len(html.encode())}
    for name, pattern in PARTS.items():
        found = re.search(pattern, html, re.S)
        parts[name] = len(found.group(0).encode()) if found else 0
    parts["blank space at line starts"] = sum(len(m.group(0)) - 1 for m in re.finditer(r"\n[ \t]+", html))
    return parts


def report(found: dict) -> str:
    mib = 2**20
    total = sum(size for size, _ in found["kinds"].values())
    files = sum(count for _, count in found["kinds"].values())
    lines = [f"{total / mib:.1f} MiB in {files} files", "", "| kind | MiB | files | KB a file |", "|---|---|---|---|"]
    for kind, (size, count) in sorted(found["kinds"].items(), key=lambda kv: -kv[1][0]):
        lines.append(f"| {kind} | {size / mib:.1f} | {count} | {size / count / 1000:.1f} |")
    lines += ["", "| folder | MiB | files |", "|---|---|---|"]
    for folder, (size, count) in sorted(found["folders"].items(), key=lambda kv: -kv[1][0]):
        if size >= mib:
            lines.append(f"| {folder} | {size / mib:.1f} | {count} |")
    if found["article"]:
        lines += ["", "| an en article page | KB |", "|---|---|"]
        lines += [f"| {name} | {size / 1000:.1f} |" for name, size in found["article"].items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.site.is_dir():
        sys.exit(f"{args.site}: no such folder (build the site first)")
    found = measure(args.site)
    print(json.dumps(found, indent=2) if args.json else report(found))


if __name__ == "__main__":
    main()
