"""What a build in two steps would cost: MkDocs without the search index, then one Pagefind
run per language, one after the other, once MkDocs has ended. Against the hub's build as it
is (the index made during the build), alternately, on the corpus that bench/run.py made.

    python bench/two_step.py --size 2000 --rounds 2

Prints, per round, the wall time and the peak memory of the process tree of each step.
The peak of the two-step build is that of its largest step: the steps never overlap.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "tests")]

from measure import run  # noqa: E402
from run import OUT, env_for, refresh_code  # noqa: E402

LANGUAGES = ("zh", "en", "fr", "ja")
# The build with Pagefind never started: everything else as `mkdocs build --strict` does it.
WITHOUT_SEARCH = (
    "import runpy, sys; import hub.engine.search as search; search.LanguageIndexes.add = lambda *a: None; "
    "search.write_index = lambda *a: search.SearchIndex({}); "
    "sys.argv = ['mkdocs', 'build', '--strict', '-d', sys.argv[1]]; "
    "runpy.run_module('mkdocs', run_name='__main__', alter_sys=True)"
)


def mib(value: int) -> int:
    return value >> 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=1)
    options = parser.parse_args()
    folder = OUT / f"n{options.size}"
    project = folder / "hub"
    if not (project / "mkdocs.yml").exists():
        raise SystemExit(f"no corpus in {folder}: run bench/run.py --sizes {options.size} first")
    refresh_code(project)
    env = env_for(project)
    python = sys.executable
    for round_no in range(1, options.rounds + 1):
        site = folder / "site-one-step"
        one = run([python, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project, env=env,
                  log=folder / "one-step.log")
        site = folder / "site-two-step"
        steps = {"mkdocs": run([python, "-c", WITHOUT_SEARCH, str(site)], cwd=project, env=env,
                               log=folder / "two-step-mkdocs.log")}
        for lang in LANGUAGES:
            steps[f"pagefind {lang}"] = run([python, str(BENCH / "pagefind_alone.py"), str(site), lang], cwd=project,
                                            env=env, log=folder / f"two-step-pagefind-{lang}.log")
        failed = [name for name, m in {"one step": one, **steps}.items() if m.returncode != 0]
        if failed:
            raise SystemExit(f"failed: {', '.join(failed)}; see the logs in {folder}")
        print(json.dumps({
            "round": round_no,
            "one step": {"wall": round(one.wall, 1), "peak MiB": mib(one.peak_tree_rss)},
            "two steps": {name: {"wall": round(m.wall, 1), "peak MiB": mib(m.peak_tree_rss)}
                          for name, m in steps.items()},
            "two steps, in all": {"wall": round(sum(m.wall for m in steps.values()), 1),
                                  "peak MiB": max(mib(m.peak_tree_rss) for m in steps.values())},
        }, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
