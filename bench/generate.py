"""Generate a synthetic hub of N articles in the project's real content model.

    python bench/generate.py 2000            # -> bench/out/n2000/hub/
    python bench/generate.py 500 --out /tmp/hub500

The result is a full project copy (code, templates and hand-written pages from the
repository, as tests/sitebuild.copy_project makes it) with, on top of the real content:
N news articles in zh and en, about 20% of them also in fr and ja, policy explainers,
250 partner cities in all, a few hundred opportunities and events. Lengths are those of
real articles (zh 800-1500 characters, en 400-900 words), with headings, links between
articles and to partner cities, and topics. Same N and seed, same bytes.

The files are checked with the project's own `load_catalog` before the command returns.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(BENCH))

from corpus import Name, Writer  # noqa: E402
from sitebuild import copy_project  # noqa: E402

CITIES_TOTAL = 250
TRANSLATED_SHARE = 0.2  # articles also in fr and ja
EARLIEST = dt.date(2016, 1, 1)
LATEST = dt.date(2026, 5, 31)
# The benchmark builds "as of" this day, so opportunity and event statuses are stable.
BUILD_DATE = "2026-06-01"

_COUNTRIES = {
    "europe": ["FR", "GB", "DE", "IT", "ES", "PL", "HU", "CZ", "AT", "NL", "BE", "SE", "NO", "FI", "GR", "PT"],
    "asia": ["JP", "KR", "MY", "TH", "VN", "ID", "PH", "IN", "NP", "LK", "TR", "AE", "KZ", "UZ", "SG", "MN"],
    "africa": ["ZA", "EG", "KE", "NG", "ET", "MA", "GH", "TZ"],
    "north-america": ["US", "CA", "MX", "CU"],
    "south-america": ["BR", "AR", "CL", "PE", "CO"],
    "oceania": ["AU", "NZ", "FJ"],
}
_KINDS = ["incentive", "grant", "partnership", "procurement", "call-for-participation"]
_ZONES = ["Asia/Shanghai", "Europe/Paris", "Asia/Tokyo", "Europe/London", "America/New_York", "Asia/Kuala_Lumpur"]


@dataclass
class Plan:
    """What the generator made, to print and to check."""

    articles: int = 0
    policies: int = 0
    translations: dict[str, int] = field(default_factory=dict)
    cities: int = 0
    opportunities: int = 0
    events: int = 0


@dataclass(frozen=True)
class ArticleStub:
    slug: str
    year: int
    date: dt.date
    city: Name
    topics: tuple[str, ...]
    cities: tuple[str, ...]
    translated: bool


class _Dumper(yaml.SafeDumper):
    """Content files refuse YAML aliases: write every value out in full."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _dump(value: object) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


def _front(meta: dict[str, object], body: str) -> str:
    return f"---\n{_dump(meta)}---\n\n{body}\n"


def _random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _generates_city_pages(project: Path) -> bool:
    """Whether this version of the hub writes a page per partner city: article bodies link
    to those pages only if they exist, or a strict build would (rightly) fail."""
    probe = textwrap.dedent(
        """
        import sys
        from mkdocs.config import load_config
        from hub.engine.build import HubBuild
        build = HubBuild.start(load_config(config_file="mkdocs.yml"))
        uris = build.inputs.generated_uris
        print("yes" if any(u.startswith("cities/") and u != "cities/index.md" for u in uris) else "no")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=project, capture_output=True, text=True,
        env=_env(project), timeout=600,
    )
    return done.stdout.strip().endswith("yes")


def _env(project: Path) -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.update(NO_MKDOCS_2_WARNING="1", HUB_BUILD_DATE=BUILD_DATE, PYTHONPATH=str(project / "hooks"))
    env.pop("HUB_ONLY_LANGUAGE", None)
    return env


class Generator:
    def __init__(self, project: Path, n: int, seed: int) -> None:
        self.project = project
        self.n = n
        self.rng = random.Random(seed)
        self.write = Writer(self.rng)
        self.plan = Plan()
        self.topics = list(yaml.safe_load((project / "data" / "topics.yml").read_text(encoding="utf-8")))
        self.sectors = list(yaml.safe_load((project / "data" / "sectors.yml").read_text(encoding="utf-8")))
        self.city_names: dict[str, Name] = {}

    # -- data/ ---------------------------------------------------------------------------

    def cities(self) -> None:
        folder = self.project / "data" / "cities"
        existing = sorted(p.stem for p in folder.glob("*.yml"))
        for _ in range(CITIES_TOTAL - len(existing)):
            name = self.write.name()
            continent = self.rng.choice(list(_COUNTRIES))
            established = self.rng.randint(1981, 2025)
            record = {
                "name": {"zh": name.zh, "en": name.en, "fr": name.en, "ja": name.ja},
                "native_name": name.en,
                "native_language": "en",
                "country": self.rng.choice(_COUNTRIES[continent]),
                "continent": continent,
                "relationship": self.rng.choice(["sister-city", "friendship-cooperation"]),
                "chengdu_side": {"zh": "成都市", "en": "Chengdu", "fr": "Chengdu", "ja": "成都市"},
                "established": established,
                "coordinates": {
                    "lat": round(self.rng.uniform(-60, 70), 3),
                    "lon": round(self.rng.uniform(-170, 170), 3),
                },
                "summary": {
                    "zh": self.write.paragraph("zh", 3, names=[name.zh]),
                    "en": self.write.paragraph("en", 3, names=[name.en]),
                    "fr": self.write.paragraph("fr", 2, names=[name.en]),
                    "ja": self.write.paragraph("ja", 2, names=[name.ja]),
                },
            }
            (folder / f"{name.slug}.yml").write_text(_dump(record), encoding="utf-8")
            self.city_names[name.slug] = name
        self.plan.cities = len(list(folder.glob("*.yml")))

    def _localized(self, kind: str, *, city: Name, all_languages: bool) -> dict[str, str]:
        if kind == "title":
            text = {
                "zh": self.write.title("zh", city.zh)[:120],
                "en": self.write.title("en", city.en)[:200],
            }
            if all_languages:
                text["fr"] = self.write.title("fr", city.en)[:200]
                text["ja"] = self.write.title("ja", city.ja)[:120]
            return text
        text = {"zh": self.write.summary("zh", names=[city.zh]), "en": self.write.summary("en", names=[city.en])}
        if all_languages:
            text["fr"] = self.write.summary("fr", names=[city.en])
            text["ja"] = self.write.summary("ja", names=[city.ja])
        return text

    def opportunities(self, count: int) -> None:
        folder = self.project / "data" / "opportunities"
        slugs = list(self.city_names)
        for index in range(count):
            city = self.city_names[self.rng.choice(slugs)]
            published = _random_date(self.rng, dt.date(2022, 1, 1), LATEST)
            record: dict[str, object] = {
                "title": self._localized("title", city=city, all_languages=index % 3 == 0),
                "summary": self._localized("summary", city=city, all_languages=index % 3 == 0),
                "details": {"zh": self.write.paragraph("zh", 8), "en": self.write.paragraph("en", 8)},
                "issuer": {"zh": "成都市", "en": "City of Chengdu"},
                "sector": self.rng.choice(self.sectors),
                "kind": self.rng.choice(_KINDS),
                "published": published,
            }
            if self.rng.random() < 0.8:
                record["deadline"] = published + dt.timedelta(days=self.rng.randint(10, 400))
            record["source"] = {"zh": "成都市人民政府网站", "en": "Chengdu Municipal Government website"}
            record["topics"] = self.rng.sample(self.topics, 2)
            record["cities"] = [city.slug]
            (folder / f"bench-opportunity-{index:04d}.yml").write_text(_dump(record), encoding="utf-8")
        self.plan.opportunities = len(list(folder.glob("*.yml")))

    def events(self, count: int) -> None:
        folder = self.project / "data" / "events"
        slugs = list(self.city_names)
        for index in range(count):
            city = self.city_names[self.rng.choice(slugs)]
            start = _random_date(self.rng, dt.date(2022, 1, 1), dt.date(2027, 6, 30))
            record: dict[str, object] = {
                "title": self._localized("title", city=city, all_languages=index % 3 == 0),
                "summary": self._localized("summary", city=city, all_languages=index % 3 == 0),
                "description": {"zh": self.write.paragraph("zh", 6), "en": self.write.paragraph("en", 6)},
            }
            if self.rng.random() < 0.5:
                record["start"] = start
                record["end"] = start + dt.timedelta(days=self.rng.randint(0, 3))
            else:
                hour = self.rng.randint(8, 18)
                record["start"] = f"{start.isoformat()} {hour:02d}:00"
                record["end"] = f"{start.isoformat()} {hour + 2:02d}:30"
            record["timezone"] = self.rng.choice(_ZONES)
            record["place"] = {"zh": f"{city.zh}会议中心", "en": f"{city.en} Conference Centre"}
            record["cities"] = [city.slug]
            record["topics"] = self.rng.sample(self.topics, 1)
            (folder / f"bench-event-{index:04d}.yml").write_text(_dump(record), encoding="utf-8")
        self.plan.events = len(list(folder.glob("*.yml")))

    # -- docs/ ---------------------------------------------------------------------------

    def stubs(self) -> list[ArticleStub]:
        slugs = list(self.city_names)
        stubs = []
        for index in range(self.n):
            date = _random_date(self.rng, EARLIEST, LATEST)
            city = self.city_names[self.rng.choice(slugs)]
            others = self.rng.sample(slugs, self.rng.randint(0, 2))
            stubs.append(
                ArticleStub(
                    slug=f"{city.slug}-{self.rng.choice(self.topics)}-{index:05d}",
                    year=date.year,
                    date=date,
                    city=city,
                    topics=tuple(self.rng.sample(self.topics, self.rng.randint(1, 3))),
                    cities=tuple(dict.fromkeys([city.slug, *others])),
                    translated=self.rng.random() < TRANSLATED_SHARE,
                )
            )
        return stubs

    def _body(self, lang: str, stub: ArticleStub, stubs: list[ArticleStub], city_pages: bool) -> str:
        """Sections of paragraphs until the article has a realistic length."""
        rng = self.rng
        city_name = {"zh": stub.city.zh, "ja": stub.city.ja}.get(lang, stub.city.en)
        cjk = lang in ("zh", "ja")
        target = rng.randint(800, 1500) if cjk else rng.randint(400, 900)
        if lang in ("fr", "ja"):
            target = int(target * 0.9)
        blocks: list[str] = []
        size = 0
        sections = 0
        while size < target:
            if blocks and rng.random() < 0.35:
                blocks.append(f"## {self.write.heading(lang)}")
                sections += 1
            paragraph = self.write.paragraph(lang, rng.randint(2, 5), names=[city_name])
            if rng.random() < 0.3:
                other = rng.choice(stubs)
                label = {"zh": "相关报道", "en": "related report", "fr": "article lié", "ja": "関連記事"}[lang]
                paragraph += f" [{label}](../{other.year}/{other.slug}.md)"
            if city_pages and rng.random() < 0.2:
                paragraph += f" [{city_name}](../../cities/{stub.city.slug}.md)"
            if rng.random() < 0.05:
                paragraph = f"- {paragraph}\n- {self.write.sentence(lang)}\n- {self.write.sentence(lang)}"
            blocks.append(paragraph)
            size += len(paragraph) if cjk else len(paragraph.split())
        return "\n\n".join(blocks)

    def articles(self, city_pages: bool) -> None:
        stubs = self.stubs()
        docs = self.project / "docs"
        for stub in stubs:
            languages = ["zh", "en", "fr", "ja"] if stub.translated else ["zh", "en"]
            for lang in languages:
                name = {"zh": stub.city.zh, "ja": stub.city.ja}.get(lang, stub.city.en)
                meta: dict[str, object] = {
                    "title": self.write.title(lang, name)[:200],
                    "summary": self.write.summary(lang, names=[name]),
                }
                if lang == "zh":
                    meta.update(date=stub.date, topics=list(stub.topics), cities=list(stub.cities))
                path = docs / lang / "news" / str(stub.year) / f"{stub.slug}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(_front(meta, self._body(lang, stub, stubs, city_pages)), encoding="utf-8")
                self.plan.translations[lang] = self.plan.translations.get(lang, 0) + 1
        self.plan.articles = len(stubs)

    def policies(self, count: int) -> None:
        docs = self.project / "docs"
        slugs = list(self.city_names)
        for index in range(count):
            city = self.city_names[self.rng.choice(slugs)]
            issued = _random_date(self.rng, dt.date(2019, 1, 1), LATEST)
            slug = f"bench-policy-{index:03d}"
            for lang in ("zh", "en"):
                meta: dict[str, object] = {
                    "title": self.write.title(lang, city.zh if lang == "zh" else city.en)[:200],
                    "summary": self.write.summary(lang),
                }
                if lang == "zh":
                    meta.update(official_title=f"成都市{self.write.heading('zh')}办法", issued=issued,
                                date=issued, topics=self.rng.sample(self.topics, 2))
                body = "\n\n".join(
                    f"## {self.write.heading(lang)}\n\n{self.write.paragraph(lang, 5)}" for _ in range(4)
                )
                (docs / lang / "policies" / f"{slug}.md").write_text(_front(meta, body), encoding="utf-8")
        self.plan.policies = count


def generate(target: Path, n: int, *, seed: int = 8, check: bool = True) -> Plan:
    """Write a synthetic hub of `n` articles at `target` (replaced if it exists)."""
    import shutil

    if target.exists():
        shutil.rmtree(target)
    copy_project(target)
    gen = Generator(target, n, seed)
    gen.cities()
    gen.opportunities(300)
    gen.events(300)
    city_pages = _generates_city_pages(target)
    gen.policies(max(5, n // 100))
    gen.articles(city_pages)
    if check:
        check_catalog(target)
    return gen.plan


def check_catalog(project: Path) -> str:
    """Load the generated content with the project's own loader; raise on any problem."""
    probe = textwrap.dedent(
        """
        from pathlib import Path
        from hub.source.catalog import load_catalog
        from hub.errors import ContentErrors
        from hub.source.languages import TextLanguages
        try:
            c = load_catalog(Path("."), TextLanguages(("zh", "en", "fr", "ja"), ("zh", "en")))
        except ContentErrors as errors:
            raise SystemExit(errors.report())
        print(f"{len(c.news)} news, {len(c.policies)} policies, {len(c.cities)} cities, "
              f"{len(c.opportunities)} opportunities, {len(c.events)} events")
        """
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=project, capture_output=True, text=True,
                          env=_env(project), timeout=1200)
    if done.returncode != 0:
        raise SystemExit(f"generated content does not load:\n{done.stdout}{done.stderr}"[:5000])
    return done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, help="number of news articles")
    parser.add_argument("--out", type=Path, help="project folder (default bench/out/n<N>/hub)")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    target = args.out or BENCH / "out" / f"n{args.n}" / "hub"
    plan = generate(target, args.n, seed=args.seed)
    print(f"{target}: {plan}")
    print(check_catalog(target))


if __name__ == "__main__":
    main()
