"""The fix of Material's Chinese query segmentation in the built search worker."""

from __future__ import annotations

import pytest

from twincity.errors import ConfigError
from twincity.publish.search_worker import FIXED, LOOP, WORKERS, fix_query_segmentation


def _worker(site_dir, name="search.abc.min.js", code=f"function fe(t,e){{{LOOP};}}"):
    folder = site_dir / WORKERS
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(code, "utf-8")
    return folder / name


def test_the_loop_is_patched_once(tmp_path):
    worker = _worker(tmp_path)
    assert fix_query_segmentation(tmp_path) == worker
    assert worker.read_text("utf-8") == f"function fe(t,e){{{FIXED};}}"
    fix_query_segmentation(tmp_path)  # a second pass (mkdocs serve) leaves it as it is
    assert worker.read_text("utf-8") == f"function fe(t,e){{{FIXED};}}"


def test_a_worker_without_the_loop_stops_the_build(tmp_path):
    _worker(tmp_path, code="function fe(t,e){/* upgraded */}")
    with pytest.raises(ConfigError, match="segmentation loop was not found"):
        fix_query_segmentation(tmp_path)


def test_no_worker_or_two_workers_stop_the_build(tmp_path):
    with pytest.raises(ConfigError, match="expected one"):
        fix_query_segmentation(tmp_path)
    _worker(tmp_path, "search.a.min.js")
    _worker(tmp_path, "search.b.min.js")
    with pytest.raises(ConfigError, match="expected one"):
        fix_query_segmentation(tmp_path)


def test_the_built_site_ships_the_fixed_worker(built_site):
    (worker,) = (built_site.dir / WORKERS).glob("search.*.min.js")
    code = worker.read_text("utf-8")
    assert FIXED in code and LOOP not in code
