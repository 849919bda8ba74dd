"""The tests' commands forked from a preloaded server (support/processes.py) behave as the
same commands started as new processes: exit status, output, a traceback for an uncaught
exception, the working folder, the environment, PYTHONPATH and sys.path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.processes import NOT_PRELOADED, run_command
from support.site import copy_project

PROGRAM = """
import os, sys
print("args", sys.argv[1:])
print("cwd", os.getcwd())
print("env", os.environ.get("PROBE"), "HOME" in os.environ)
print("path0", sys.path[0] == os.getcwd())
print("early", sorted(n for n in sys.modules if n.split(".")[0] in {not_preloaded!r}))
print("to stderr", file=sys.stderr)
what = sys.argv[1]
if what == "crash":
    raise ValueError("boom")
if what == "status":
    sys.exit(3)
if what == "message":
    sys.exit("stopped: a message")
"""


@pytest.fixture
def program(tmp_path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "probe_program.py").write_text(PROGRAM.format(not_preloaded=set(NOT_PRELOADED)), "utf-8")
    work = tmp_path / "work"
    work.mkdir()
    env = {"PATH": os.environ["PATH"], "PROBE": "yes", "PYTHONPATH": str(tmp_path / "lib")}
    return work, env


@pytest.mark.parametrize("what", ["fine", "crash", "status", "message"])
def test_a_forked_command_behaves_as_a_new_process(program, what):
    work, env = program
    command = [sys.executable, "-m", "probe_program", what]
    forked = run_command(command, cwd=work, env=env, timeout=30)
    plain = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=30)
    assert forked.returncode == plain.returncode == {"fine": 0, "crash": 1, "status": 3, "message": 1}[what]
    assert forked.stdout == plain.stdout
    assert "env yes False\npath0 True\nearly []\n" in forked.stdout  # only the given environment
    if what == "crash":
        for result in (forked, plain):
            assert result.stderr.startswith("to stderr\nTraceback (most recent call last):\n")
            assert result.stderr.endswith("ValueError: boom\n")
    else:
        assert forked.stderr == plain.stderr


def test_a_command_running_too_long_is_stopped(tmp_path):
    (tmp_path / "sleeper.py").write_text("import time\ntime.sleep(30)\n", "utf-8")
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(tmp_path)}
    with pytest.raises(subprocess.TimeoutExpired):
        run_command([sys.executable, "-m", "sleeper"], cwd=tmp_path, env=env, timeout=0.5)
    # and the server goes on
    assert run_command([sys.executable, "-m", "platform"], cwd=tmp_path, env=env, timeout=30).returncode == 0


PROPERDOCS = [str(Path(sys.executable).with_name("properdocs"))]


@pytest.mark.parametrize(
    "args",
    [["--version"], ["build", "--no-such-option"], ["build", "-f", "no-such.yml"]],
    ids=["version", "usage error", "missing configuration"],
)
def test_a_forked_properdocs_says_what_the_real_one_says(tmp_path, args):
    """The console script every build test runs: the same words, warnings included, and status."""
    env = {"PATH": os.environ["PATH"], "NO_MKDOCS_2_WARNING": "1"}
    forked = run_command(PROPERDOCS + args, cwd=tmp_path, env=env, timeout=60)
    plain = subprocess.run(PROPERDOCS + args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert (forked.returncode, forked.stdout, forked.stderr) == (plain.returncode, plain.stdout, plain.stderr)
    assert forked.returncode == (0 if args == ["--version"] else 2) or "no-such.yml" in forked.stderr


def test_a_build_of_the_project_stops_saying_what_a_real_one_says(tmp_path):
    """Every line, from the plugins' on import (the i18n plugin's warning) to the hook's
    message on a data mistake, as most build tests see it."""
    project = copy_project(tmp_path / "project")
    (project / "data" / "agreements.yml").write_text("- {broken\n", "utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TWINCITY_PDF="off", SITE_URL="http://127.0.0.1:8000/")
    command = [*PROPERDOCS, "build", "-f", "mkdocs.yml", "-d", str(tmp_path / "site")]
    forked = run_command(command, cwd=project, env=env, timeout=300)
    plain = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert forked.returncode == plain.returncode == 1, forked.stderr[-2000:]
    assert (forked.stdout, forked.stderr) == (plain.stdout, plain.stderr)
    assert "Unable to detect lunr languages" in forked.stderr and "data/agreements.yml" in forked.stderr
