"""What social cards cost: a batch of cards with the bench corpus's titles, drawn into an
empty cache (cold), then published again from that cache (cached), in one process.

    .venv/bin/python bench/cards.py --count 500

Prints the cost per card and what it comes to for the cards of the bench corpus at
N = 2,000 and 20,000 (see bench/README.md): every page with its own text in each language
gets one; fallback pages, further pages of the news listing and news articles older than
`extra.hub.card_days` (--card-days) reuse another's.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import Writer  # noqa: E402
from generate import EARLIEST, LATEST  # noqa: E402
from hub.graphics import card_fonts  # noqa: E402
from hub.graphics.card_draw import Card  # noqa: E402
from hub.graphics.card_fonts import FONT_DIRS  # noqa: E402
from hub.graphics.cards import Cards  # noqa: E402
from hub.site.dates import long_date  # noqa: E402

KICKERS = {"zh": "新闻", "en": "News", "fr": "Actualité", "ja": "ニュース"}
SITES = {"zh": "成都国际友城合作枢纽", "en": "Chengdu Global Hub", "fr": "Chengdu Global Hub",
         "ja": "成都グローバルハブ"}


def cards_at(n: int, card_days: int = 365) -> int:
    """Cards of the bench corpus at N articles (bench/corpus.py, generate.py): articles in
    zh and en, a fifth also in fr and ja, spread evenly from 2016-01-01 to 2026-05-31, of
    which those within `card_days` of the newest have a card of their own (the others show
    the news section's: extra.hub.card_days); N/100 explainers likewise, all with cards;
    250 cities, 300 opportunities and 300 events in all four languages; listings, archive
    and topic pages (about 60 per language)."""
    recent = min(1.0, card_days / (LATEST - EARLIEST).days)
    return round(n * 2.4 * recent + n / 100 * 2.4 + (250 + 300 + 300) * 4 + 60 * 4)


def batch(count: int) -> list[Card]:
    writer = Writer(random.Random(2000))
    langs = ("zh", "en", "fr", "ja")
    cards = []
    for index in range(count):
        lang = langs[index % 4]
        city = writer.name()
        name = {"zh": city.zh, "ja": city.ja}.get(lang, city.en)
        day = date(2025, 1, 1) + timedelta(days=index % 365)
        cards.append(Card(lang, writer.title(lang, name), KICKERS[lang], SITES[lang], long_date(day, lang)))
    return cards


def run(cards: list[Card], cache: Path, site: Path) -> tuple[float, float, Cards]:
    """(wall seconds, CPU seconds, the maker): on a shared machine the CPU time is the
    figure that holds."""
    maker = Cards(SimpleNamespace(), site, cache, FONT_DIRS)
    card_fonts.codepoint_cache = cache
    wall, cpu = time.perf_counter(), time.process_time()
    for index, card in enumerate(cards):
        maker._publish(card, f"assets/cards/{card.lang}/{index}.png")
    return time.perf_counter() - wall, time.process_time() - cpu, maker


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--n", type=int, nargs="+", default=[2000, 20000], help="corpus sizes to extrapolate to")
    parser.add_argument("--card-days", type=int, default=365, help="extra.hub.card_days")
    args = parser.parse_args()
    cards = batch(args.count)
    work = Path(tempfile.mkdtemp(prefix="hub-cards-"))
    try:
        cold_wall, cold, _ = run(cards, work / "cache", work / "site-1")
        sizes = [path.stat().st_size for path in (work / "site-1").rglob("*.png")]
        cached_wall, cached, again = run(cards, work / "cache", work / "site-2")
        assert again.drawn == 0 and again.from_cache == len(cards)
    finally:
        shutil.rmtree(work)
    print(f"{len(cards)} cards, CPU time: cold {cold:.1f} s ({cold / len(cards) * 1000:.1f} ms a card), "
          f"cached {cached:.2f} s ({cached / len(cards) * 1000:.2f} ms a card); "
          f"wall time {cold_wall:.1f} s and {cached_wall:.2f} s; load average {os.getloadavg()[0]:.1f}")
    print(f"sizes: mean {sum(sizes) / len(sizes) / 1024:.1f} KB, largest {max(sizes) / 1024:.1f} KB")
    for n in args.n:
        for days in sorted({args.card_days, 100_000}):
            total = cards_at(n, days)
            print(f"N = {n}, " + (f"card_days {days}" if days < 100_000 else "a card for every article")
                  + f": {total} cards, cold {total * cold / len(cards):.0f} s of CPU "
                  f"(about half that in wall time on two cores), cached {total * cached / len(cards):.1f} s; "
                  f"{total * sum(sizes) / len(sizes) / 2**20:.0f} MiB published")


if __name__ == "__main__":
    main()
