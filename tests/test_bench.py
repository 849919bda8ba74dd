"""`make bench` keeps working: its synthetic data loads, renders and builds the whole site."""

from __future__ import annotations

import re

from benchmarks.data_pages import main, measure


def test_the_benchmark_measures_every_step_and_a_whole_build_at_small_size():
    result = measure(10, build=True)
    assert set(result) == {"load", "timeline", "agreements", "render_all", "build"}
    assert all(isinstance(value, float) and value > 0 for value in result.values()), result


def test_the_benchmark_prints_one_row_per_size(capsys):
    assert main(["--sizes", "10", "100", "--build-up-to", "0"]) == 0
    table = capsys.readouterr().out
    assert "render timeline" in table
    assert re.search(r"^\|\s+10 \|", table, re.M) and re.search(r"^\|\s+100 \|", table, re.M), table
