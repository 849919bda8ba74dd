"""The site's build against the default stack, side by side in one run, and the start-up of
the Chinese segmenters.

    make bench            # or: .venv/bin/python -m benchmarks.stack [--repeat N]

"Ours" is `properdocs build` of the project as it is, without printing the fact-sheet
PDFs (TWINCITY_PDF=off; with the PDF cache a build prints only when the fact sheet
changed). "Default stack" is the same pages with Material and mkdocs-static-i18n alone: a
copy of mkdocs.yml without `hooks:`, the theme's `custom_dir` and `watch:` (the twincity
markers are then left in the pages as HTML comments), in a temporary folder whose `docs`
is the project's. Neither is built with --strict (the default stack warns on links to
anchors that only the hook makes).

Each is timed twice. As builds after the first run: ours with the project's build cache
(`.cache/`: compiled templates), the default stack with jieba's dictionary cache (in the
system's temporary folder; Material's search segments Chinese with jieba). And as the
first build on a fresh machine: each with those caches empty (a new TWINCITY_CACHE and
TMPDIR every time), compared with each other.

Every build is a process of its own, as a person runs it (start-up and imports
included); they alternate, and the best of `--repeat` is kept, for wall-clock and CPU
time (user + system of the process). On a shared machine CPU time is the steadier
figure. Goal (issue 16): ours at most 1.2x.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SITE_URL = "http://127.0.0.1:8000/"
GOAL = 1.2
DEFAULT, DEFAULT_FIRST = "default stack", "default stack, first build"
# A sentence of the site's kind, segmented once so that each segmenter loads its dictionary.
SEGMENT = "烟台大连双城联动"


def default_stack_config(text: str) -> str:
    """mkdocs.yml without the hook, the theme overrides and the watched folders."""
    text = re.sub(r"(?m)^(hooks|watch):\n(?:[ \t]+-.*\n|[ \t]*#.*\n)*", "", text)
    text = re.sub(r"(?m)^[ \t]+custom_dir:.*\n", "", text)
    return text


def _run(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one child process; it must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compare_builds(repeat: int) -> dict[str, tuple[float, float]]:
    env = dict(os.environ, SITE_URL=SITE_URL, TWINCITY_PDF="off", NO_MKDOCS_2_WARNING="1")
    env.pop("TWINCITY_REQUIRE_PDF", None)
    env.pop("TWINCITY_CACHE", None)
    env.pop("TMPDIR", None)
    properdocs = str(BIN / "properdocs")
    best: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="twincity-stack-") as tmp:
        folder = Path(tmp)
        (folder / "docs").symlink_to(ROOT / "docs")
        default_config = folder / "mkdocs.yml"
        default_config.write_text(default_stack_config((ROOT / "mkdocs.yml").read_text("utf-8")), "utf-8")
        ours = [properdocs, "build", "-f", str(ROOT / "mkdocs.yml"), "-d", str(folder / "ours")]
        default = [properdocs, "build", "-f", str(default_config), "-d", str(folder / "default")]
        builds = {  # name: (command, folder, first build on a fresh machine)
            DEFAULT: (default, folder, False),
            "ours, no PDF": (ours, ROOT, False),
            DEFAULT_FIRST: (default, folder, True),
            "ours, no PDF, first build": (ours, ROOT, True),
        }
        _run(ours, env, ROOT)  # the project's cache as a second build finds it
        _run(default, env, folder)  # and jieba's
        for run in range(repeat):
            for number, (name, (command, cwd, first)) in enumerate(builds.items()):
                extra = {}
                if first:  # caches as a fresh machine has them: none
                    fresh = folder / f"fresh-{run}-{number}"
                    (fresh / "tmp").mkdir(parents=True)
                    extra = {"TWINCITY_CACHE": str(fresh / "cache"), "TMPDIR": str(fresh / "tmp")}
                wall, cpu = _run(command, env | extra, cwd)
                old = best.get(name, (float("inf"), float("inf")))
                best[name] = (min(old[0], wall), min(old[1], cpu))
    return best


def segmenter_start_up(repeat: int) -> dict[str, tuple[float, float]]:
    """A process that imports the segmenter and segments one sentence, less an empty one."""
    programs = {
        "python alone": "pass",
        "jieba 0.42.1": f"import jieba; jieba.setLogLevel(60); list(jieba.cut({SEGMENT!r}))",
        "rjieba (ours)": (
            "import sys; sys.path.insert(0, 'hooks'); from twincity.publish import segmentation; "
            f"list(segmentation.cut({SEGMENT!r}))"
        ),
    }
    best: dict[str, tuple[float, float]] = {}
    for _ in range(repeat):
        for name, program in programs.items():
            wall, cpu = _run([sys.executable, "-c", program], dict(os.environ), ROOT)
            old = best.get(name, (float("inf"), float("inf")))
            best[name] = (min(old[0], wall), min(old[1], cpu))
    return best


def _table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stack", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind, alternating (default 3)")
    args = parser.parse_args(argv)
    print(f"Load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    builds = compare_builds(args.repeat)
    rows = []
    for name, (wall, cpu) in builds.items():  # a first build against the default stack's first build
        base_wall, base_cpu = builds[DEFAULT_FIRST if name.endswith("first build") else DEFAULT]
        rows.append((name, f"{wall:.2f} s", f"{cpu:.2f} s", f"{wall / base_wall:.2f}x", f"{cpu / base_cpu:.2f}x"))
    print(f"\nWhole build of the site's pages, best of {args.repeat} (goal: ours at most {GOAL}x the default stack)")
    print(_table(rows, ("build", "wall", "CPU", "wall ratio", "CPU ratio")))
    start = segmenter_start_up(args.repeat)
    base_wall, base_cpu = start["python alone"]
    rows = [
        (name, f"{wall:.2f} s", f"{cpu:.2f} s", f"{max(wall - base_wall, 0):.2f} s", f"{max(cpu - base_cpu, 0):.2f} s")
        for name, (wall, cpu) in start.items()
    ]
    print(f"\nSegmenter start-up: import + first sentence, in a process of its own, best of {args.repeat}")
    print(_table(rows, ("process", "wall", "CPU", "wall less python", "CPU less python")))
    print(f"\nLoad average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
