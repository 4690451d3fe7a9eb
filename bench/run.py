"""The scale benchmark: generate a synthetic hub of N articles, build it cold in four ways,
interleaved, and report medians and spread. See bench/README.md.

    python bench/run.py --sizes 500 2000 5000            # all sizes, 3 rounds each
    python bench/run.py --sizes 2000 --rounds 5 --extras # + page weight, search, preview

Each round builds every variant once, in an order that rotates from round to round, so
that machine noise hits all of them alike. The first round builds the hub first: its
generated pages are then the "same pages" the other variants build. Results go to
bench/out/results-n<N>.json and are printed as a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import time
from dataclasses import asdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import variants  # noqa: E402
from generate import BUILD_DATE, generate  # noqa: E402
from measure import Measurement, artifact_size, run, tree_size  # noqa: E402

OUT = BENCH / "out"
ROOT = BENCH.parent
# The last full run, committed with the code it measured (issue 17's shape; see record()).
RECORDED = BENCH / "recorded.json"
BIN = Path(sys.executable).parent
SITE_URL = "https://example.org/hub/"
VARIANTS = ("hub", "bare", "floor", "hugo")
# For the decisions in bench/README.md: the hub in one process, and with each mode of
# extra.hub.fallback_pages whatever mkdocs.yml sets.
OPTIONAL = ("hub-seq", "hub-full", "hub-summary")
# The hub's build as `make build` runs it; the timing wrapper only switches its stage log on.
HUB_COMMAND = ["mkdocs", "build", "--strict"]


def env_for(project: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("HUB_ONLY_LANGUAGE", "GITHUB_ACTIONS", "HUB_SITE_DIR"):
        env.pop(name, None)
    env.update(
        NO_MKDOCS_2_WARNING="1",
        HUB_BUILD_DATE=BUILD_DATE,
        HUB_SITE_URL=SITE_URL,
        PYTHONPATH=str(project / "hooks"),
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
    )
    return env


def command(variant: str, folder: Path, site: Path) -> tuple[list[str], Path]:
    """(argv, cwd) of one variant."""
    python = sys.executable
    if variant == "hub":
        return [python, str(BENCH / "timed.py"), *HUB_COMMAND, "-d", str(site)], folder / "hub"
    if variant == "hub-seq":
        return [python, str(BENCH / "timed.py"), *HUB_COMMAND, "-d", str(site)], folder / "hub"
    if variant in ("hub-full", "hub-summary"):
        mode = variant.removeprefix("hub-")
        config = folder / "hub" / f"mkdocs.fallback-{mode}.yml"
        text = (folder / "hub" / "mkdocs.yml").read_text(encoding="utf-8")
        config.write_text(re.sub(r"(?m)^(\s*fallback_pages:) *\w+", rf"\1 {mode}", text), encoding="utf-8")
        return [python, str(BENCH / "timed.py"), *HUB_COMMAND, "-f", str(config), "-d", str(site)], folder / "hub"
    if variant == "bare":
        return [python, "-m", "mkdocs", "build", "-d", str(site)], folder / "bare"
    if variant == "floor":
        return [python, str(BENCH / "floor.py"), str(folder / "floor")], folder
    if variant == "hugo":
        hugo = BIN / "hugo"
        return [str(hugo), "--quiet", "-s", str(folder / "hugo"), "-d", str(site)], folder
    raise ValueError(variant)


def stage_times(log: Path) -> dict[str, float]:
    times: dict[str, float] = {}
    for match in re.finditer(r"hub timing: (.+?): ([0-9.]+) s", log.read_text(encoding="utf-8", errors="replace")):
        times[match.group(1)] = times.get(match.group(1), 0.0) + float(match.group(2))
    return times


def build_once(variant: str, folder: Path, round_no: int) -> dict:
    site = folder / f"site-{variant}"
    shutil.rmtree(site, ignore_errors=True)
    if variant.startswith("hub"):
        variants.remove_generated(folder / "hub")  # a fresh clone has no generated pages
    argv, cwd = command(variant, folder, site)
    log = folder / "logs" / f"{variant}-{round_no}.log"
    env = env_for(folder / "hub")
    if variant == "hub-seq":
        env["HUB_BUILD_WORKERS"] = "1"
    load = os.getloadavg()[0]
    m: Measurement = run(argv, cwd=cwd, env=env, log=log)
    if m.returncode != 0:
        raise SystemExit(f"{variant} failed ({m.returncode}); see {log}:\n" + log.read_text()[-3000:])
    size, files = tree_size(site) if site.exists() else (0, 0)
    load_after = os.getloadavg()[0]
    artifact = artifact_size(site) if files else 0  # after the timing: the deploy's upload, compressed
    result = {"variant": variant, "round": round_no, **asdict(m), "log": str(log), "bytes": size, "files": files,
              "artifact_bytes": artifact, "load_before": load, "load_after": load_after}
    if variant.startswith("hub"):
        result["stages"] = stage_times(log)
    print(f"  round {round_no} {variant:8} {m.wall:7.1f} s wall {m.cpu:7.1f} s cpu "
          f"{m.peak_tree_rss / 2**20:6.0f} MiB tree ({m.peak_tree_pss / 2**20:.0f} MiB shared pages once) "
          f"{size / 2**20:7.1f} MiB {files} files "
          f"({artifact / 2**20:.1f} MiB as the deploy's artifact; load {load:.1f})", flush=True)
    return result


def prepare(folder: Path, n: int, regenerate: bool) -> None:
    project = folder / "hub"
    if regenerate or not (project / "mkdocs.yml").exists():
        start = time.perf_counter()
        plan = generate(project, n)
        print(f"generated n={n} in {time.perf_counter() - start:.0f} s: {plan}", flush=True)
    else:
        refresh_code(project)


def refresh_code(project: Path) -> None:
    """Measure the hub as it is now: code, templates and settings from the repository,
    content as generated."""
    from sitebuild import _ignore_generated

    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("hooks", "overrides"):
        shutil.rmtree(project / name, ignore_errors=True)
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    # The repository's own pages and records too (the synthetic ones stay).
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, project / name, ignore=_ignore_generated, dirs_exist_ok=True)


def prepare_others(folder: Path, wanted: list[str]) -> None:
    project = folder / "hub"
    if "bare" in wanted:
        variants.prepare_bare(project, folder / "bare")
    if "floor" in wanted:
        variants.prepare_floor(project, folder / "floor")
    if "hugo" in wanted:
        variants.prepare_hugo(project, folder / "hugo")


def summarise(runs: list[dict]) -> dict[str, dict]:
    summary: dict[str, dict] = {}
    for variant in (*VARIANTS, *OPTIONAL):
        mine = [r for r in runs if r["variant"] == variant]
        if not mine:
            continue
        walls = [r["wall"] for r in mine]
        entry = {
            "rounds": len(mine),
            "wall": statistics.median(walls),
            "wall_min": min(walls),
            "wall_max": max(walls),
            "cpu": statistics.median(r["cpu"] for r in mine),
            "peak_tree_rss": statistics.median(r["peak_tree_rss"] for r in mine),
            "max_process_rss": statistics.median(r["max_process_rss"] for r in mine),
            "peak_tree_pss": statistics.median(r.get("peak_tree_pss", 0) for r in mine),
            "bytes": statistics.median(r["bytes"] for r in mine),
            "files": statistics.median(r["files"] for r in mine),
            "artifact_bytes": statistics.median(r.get("artifact_bytes", 0) for r in mine),
            "load": statistics.median(r.get("load_before", 0.0) for r in mine),
        }
        if variant.startswith("hub"):
            names = {name for r in mine for name in r.get("stages", {})}
            entry["stages"] = {
                name: statistics.median(r.get("stages", {}).get(name, 0.0) for r in mine) for name in sorted(names)
            }
        summary[variant] = entry
    return summary


def table(n: int, summary: dict[str, dict]) -> str:
    mib = 2**20
    lines = [
        f"N = {n}",
        "",
        "| variant | wall median (min–max) | CPU median | peak RSS, tree | peak PSS, tree | peak RSS, one process "
        "| output | deploy artifact | load |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for variant, s in summary.items():
        lines.append(
            f"| {variant} ({s['rounds']}×) | {s['wall']:.1f} s ({s['wall_min']:.1f}–{s['wall_max']:.1f}) "
            f"| {s['cpu']:.1f} s | {s['peak_tree_rss'] / mib:.0f} MiB | {s.get('peak_tree_pss', 0) / mib:.0f} MiB "
            f"| {s['max_process_rss'] / mib:.0f} MiB "
            f"| {s['bytes'] / mib:.1f} MiB, {int(s['files'])} files | {s.get('artifact_bytes', 0) / mib:.1f} MiB "
            f"| {s['load']:.1f} |"
        )
    hub = summary.get("hub")
    if hub:
        ratios = [f"(a)/({k}) {hub['wall'] / summary[v]['wall']:.2f}"
                  for k, v in (("b", "bare"), ("c", "floor"), ("d", "hugo")) if v in summary]
        cpu = [f"(a)/({k}) {hub['cpu'] / summary[v]['cpu']:.2f}"
               for k, v in (("b", "bare"), ("c", "floor"), ("d", "hugo")) if v in summary]
        lines += ["", "Ratios of wall medians: " + ", ".join(ratios), "Ratios of CPU medians: " + ", ".join(cpu)]
        if hub.get("stages"):
            lines += ["", "Hub stages (median seconds): " + ", ".join(
                f"{name} {seconds:.2f}" for name, seconds in hub["stages"].items())]
    return "\n".join(lines)


def recorded_figures(summary: dict[str, dict]) -> dict[str, dict]:
    """Medians of the four variants in recorded.json's units (optional variants are left out:
    they are for the decisions, not the record)."""
    mib = 2**20
    return {
        variant: {
            "wall_s": round(s["wall"], 1),
            "cpu_s": round(s["cpu"], 1),
            "peak_tree_mib": round(s["peak_tree_rss"] / mib),
            "peak_tree_pss_mib": round(s.get("peak_tree_pss", 0) / mib),
            "output_mib": round(s["bytes"] / mib, 1),
            "files": int(s["files"]),
            "artifact_mib": round(s["artifact_bytes"] / mib, 1),
        }
        for variant, s in summary.items()
        if variant in VARIANTS
    }


def machine(loads: list[float]) -> str:
    """What the figures were measured on, and how busy it was (the machine may be shared)."""
    memory = 0
    with open("/proc/meminfo", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024
    system = "Linux"
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                system = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    load = f"load average {min(loads):.1f}–{max(loads):.1f} at the start of the builds" if loads else ""
    return ", ".join(part for part in (
        f"{os.cpu_count()} cores", f"{memory / 2**30:.0f} GiB", system, f"Python {sys.version.split()[0]}", load,
    ) if part)


def commit() -> str:
    """The commit measured (with "+changes" when the checkout differs from it)."""
    import subprocess

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "HEAD") or "unknown"
    return head + ("+changes" if git("status", "--porcelain", "--", "hooks", "overrides", "mkdocs.yml") else "")


def record(results: dict[int, dict], path: Path = RECORDED) -> dict:
    """Write the run's medians to recorded.json. Sizes run again on the same commit replace
    their figures and keep the others (N = 20,000 is run on its own); another commit starts
    the file afresh."""
    measured = commit()
    runs: dict[str, dict] = {}
    if path.exists():
        earlier = json.loads(path.read_text(encoding="utf-8"))
        if earlier.get("commit") == measured:
            runs = earlier.get("runs", {})
    loads = [r["load_before"] for result in results.values() for r in result["runs"]]
    for n, result in results.items():
        figures = recorded_figures(result["summary"])
        if figures:
            runs[str(n)] = figures
    document = {"date": time.strftime("%Y-%m-%d"), "commit": measured, "machine": machine(loads),
                "runs": dict(sorted(runs.items(), key=lambda kv: int(kv[0])))}
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=(*VARIANTS, *OPTIONAL))
    parser.add_argument("--regenerate", action="store_true", help="write the synthetic hub again")
    parser.add_argument("--extras", action="store_true", help="also page weight, search bytes, preview time")
    parser.add_argument("--no-record", dest="record", action="store_false",
                        help=f"do not write the medians to {RECORDED.relative_to(ROOT)}")
    parser.add_argument("--report", action="store_true",
                        help="only print the table of the runs already recorded for --sizes")
    args = parser.parse_args()
    if args.report:
        for n in args.sizes:
            candidates = [OUT / f"results-n{n}.json", OUT / f"results-n{n}.partial.json"]
            latest = max((p for p in candidates if p.exists()), key=lambda p: p.stat().st_mtime)
            recorded = json.loads(latest.read_text(encoding="utf-8"))
            print(table(n, summarise(recorded["runs"])) + "\n")
        return
    results: dict[int, dict] = {}
    for n in args.sizes:
        folder = OUT / f"n{n}"
        prepare(folder, n, args.regenerate)
        runs: list[dict] = []
        order = [v for v in (*VARIANTS, *OPTIONAL) if v in args.variants]
        for round_no in range(1, args.rounds + 1):
            if round_no == 1 and "hub" in order:
                # The hub first: the others build the pages it generates.
                runs.append(build_once("hub", folder, round_no))
                prepare_others(folder, order)
                rest = [v for v in order if v != "hub"]
            else:
                shift = (round_no - 1) % len(order)
                rest = order[shift:] + order[:shift]
            for variant in rest:
                runs.append(build_once(variant, folder, round_no))
                # Kept as it goes: a long run that is stopped still leaves its figures.
                partial = OUT / f"results-n{n}.partial.json"
                partial.write_text(json.dumps({"n": n, "runs": runs}, indent=2, default=str), encoding="utf-8")
        summary = summarise(runs)
        result = {"n": n, "date": time.strftime("%Y-%m-%d"), "cores": os.cpu_count(), "summary": summary,
                  "runs": runs}
        if args.extras:
            import extras

            result["extras"] = extras.measure_all(folder, env_for(folder / "hub"))
            print(json.dumps(result["extras"], indent=2), flush=True)
        (OUT / f"results-n{n}.json").write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
        print(table(n, summary), flush=True)
        results[n] = result
    if args.record:
        record(results)
        print(f"recorded in {RECORDED.relative_to(ROOT)}", flush=True)


if __name__ == "__main__":
    main()
