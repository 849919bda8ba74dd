"""`make bench` keeps working: its synthetic data loads, renders and builds the whole site."""

from __future__ import annotations

import re

import yaml

from benchmarks.data_pages import main, measure
from benchmarks.stack import default_stack_config
from support.site import ROOT


def test_the_benchmark_measures_every_step_and_a_whole_build_at_small_size():
    result = measure(10, build=True)
    assert set(result) == {"load", "timeline", "agreements", "render_all", "build"}
    assert all(isinstance(value, float) and value > 0 for value in result.values()), result


def test_the_benchmark_prints_one_row_per_size(capsys):
    assert main(["--sizes", "10", "100", "--build-up-to", "0"]) == 0
    table = capsys.readouterr().out
    assert "render timeline" in table
    assert re.search(r"^\|\s+10 \|", table, re.M) and re.search(r"^\|\s+100 \|", table, re.M), table


def test_the_default_stack_is_mkdocs_yml_without_the_hook_and_the_overrides():
    """What `make bench` compares the build with: the same configuration, plugins included, less ours."""
    ours = (ROOT / "mkdocs.yml").read_text("utf-8")
    default = yaml.load(default_stack_config(ours), Loader=_Loader)  # noqa: S506 - our own mkdocs.yml
    config = yaml.load(ours, Loader=_Loader)  # noqa: S506
    assert "hooks" in config and "hooks" not in default and "watch" not in default
    assert "custom_dir" in config["theme"] and "custom_dir" not in default["theme"]
    assert {k: v for k, v in config.items() if k not in ("hooks", "watch", "theme")} == {
        k: v for k, v in default.items() if k != "theme"
    }
    assert {k: v for k, v in config["theme"].items() if k != "custom_dir"} == default["theme"]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's !ENV and !!python/name tags, read as plain values."""


_Loader.add_multi_constructor(
    "",
    lambda loader, suffix, node: (
        loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    ),
)


def test_the_suite_benchmark_runs_both_suites_in_turn_and_removes_its_worktree(tmp_path):
    """benchmarks/suite.py on a small selection: the base commit (here HEAD) checked out
    beside the checkout with its environment, each suite run in turn, the worktree gone after."""
    import subprocess

    from benchmarks.suite import compare

    def worktrees() -> str:
        return subprocess.run(["git", "-C", str(ROOT), "worktree", "list"], capture_output=True, text=True).stdout

    selection = ["tests/test_marks.py", "-p", "no:xdist", "-p", "no:cacheprovider"]
    [((then_wall, then_cpu, then_said), (now_wall, now_cpu, now_said))] = compare(
        1, "HEAD", selection, tuple(selection)
    )
    assert then_wall > 0 and now_wall > 0 and then_cpu > 0 and now_cpu > 0
    assert re.fullmatch(r"\d+ passed in [\d.]+s", then_said) and then_said.split()[0] == now_said.split()[0]
    assert str(tmp_path) not in worktrees()
