"""The non-browser test suite against the suite as it was when issue 16 was filed, side by
side on one machine.

    make bench-suite      # or: .venv/bin/python -m benchmarks.suite [--pairs N] [--base REV] -- PYTEST-ARGS

"Then" is the non-browser suite of `--base` (63d4153, the commit issue 16 measured: 1,205
tests, 69 s on the machine of that day), run as it was run then: one process,
`pytest -m "not browser"`, in a worktree of that commit beside the checkout that shares its
.venv and its Nu checker. "Now" is the checkout's suite run with PYTEST-ARGS (the Makefile
passes those of `make test`'s first phase). Every run is a process of its own; they
alternate, `--pairs` times, and each pair's ratio of wall-clock times is printed with the
median. Times on a shared machine move by a tenth from one run to the next, on both sides,
so only ratios of neighbouring runs say anything. Goal (issue 16): now at most half of then.

Needs the base commit in the clone's history (not a shallow clone) and both suites passing.
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = "63d4153"
GOAL = 0.5
# What the worktree of the base commit borrows from the checkout: installed, not committed.
SHARED = (".venv", "tools/vnu/node_modules")
# The base commit's suite as `make test` ran it then (it had no pytest-xdist).
THEN = ("-m", "not browser", "-p", "no:cacheprovider", "-p", "no:xdist")


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of one pytest run, and its last line; it must pass."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    last = (result.stdout.strip().splitlines() or [""])[-1].strip("= ")
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} in {cwd} failed ({result.returncode}):\n{result.stdout[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), last


def worktree(base: str, folder: Path) -> Path:
    """The base commit checked out in `folder` (a new one), with the checkout's environment."""
    added = subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(folder), base], capture_output=True, text=True
    )
    if added.returncode != 0:
        raise SystemExit(f"cannot check out {base} (a shallow clone lacks it):\n{added.stderr}")
    for name in SHARED:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).symlink_to(ROOT / name)
    return folder


def compare(
    pairs: int, base: str, now_args: list[str], then_args: tuple[str, ...] = THEN, *, within: Path | None = None
) -> list[tuple[tuple[float, float, str], ...]]:
    """`pairs` runs of the base commit's suite and of this one, alternating; each run's wall
    and CPU seconds and the last line pytest printed. The base's worktree is made in a new
    folder (in `within`, else the system's temporary folder) and removed after."""
    python = str(ROOT / ".venv" / "bin" / "python")
    # Not what a pytest run that started this one says of itself (a test of this benchmark).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_XDIST_", "PYTEST_CURRENT_TEST"))}
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    then = [python, "-m", "pytest", *then_args, "-q"]
    now = [python, "-m", "pytest", *now_args, "-q"]
    results = []
    with tempfile.TemporaryDirectory(prefix="twincity-suite-", dir=within) as tmp:
        old = Path(tmp) / "base"
        try:
            worktree(base, old)
            # Untimed: the new worktree's first run would also compile its modules, which the
            # checkout's runs find compiled.
            _run([*then, "--collect-only"], old, env)
            for number in range(1, pairs + 1):
                pair = (_run(then, old, env), _run(now, ROOT, env))
                (then_wall, then_cpu, then_said), (now_wall, now_cpu, now_said) = pair
                print(
                    f"pair {number}: then {then_wall:5.1f} s ({then_cpu:5.1f} s CPU), "
                    f"now {now_wall:5.1f} s ({now_cpu:5.1f} s CPU): {now_wall / then_wall:.2f}",
                    flush=True,
                )
                results.append(pair)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)], capture_output=True)
            subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], capture_output=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.suite", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=3, help="runs of each suite, alternating (default 3)")
    parser.add_argument("--base", default=BASE, help=f"the commit of the suite to compare with (default {BASE})")
    parser.add_argument("now", nargs="*", default=["-m", "not browser"], help="pytest's arguments for this suite")
    args = parser.parse_args(argv)
    print(f"Load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"then: {args.base}, pytest {shlex.join(THEN)}; now: pytest {shlex.join(args.now)}")
    results = compare(args.pairs, args.base, args.now)
    (_, _, then_said), (_, _, now_said) = results[-1]
    ratio = statistics.median(now[0] / then[0] for then, now in results)
    print(f"then: {then_said}\nnow:  {now_said}")
    print(f"Median ratio of wall-clock times over {len(results)} pairs: {ratio:.2f} (goal: at most {GOAL})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
