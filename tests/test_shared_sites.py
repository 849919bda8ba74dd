"""A shared site (support/shared.py) is built once per run, whichever pytest-xdist worker
asks first; the others read it, and a failed build is not taken for a finished one."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from support.shared import shared_site


class _Worker:
    """A stand-in for one worker's tmp_path_factory: its own folder in the run's."""

    def __init__(self, run: Path, name: str) -> None:
        self.base = run / f"popen-{name}"
        self.base.mkdir(parents=True, exist_ok=True)

    def getbasetemp(self) -> Path:
        return self.base

    def mktemp(self, name: str) -> Path:
        folder = self.base / f"{name}0"
        folder.mkdir()
        return folder


def _counting_build(builds: list[str], seconds: float = 0.0):
    def build(folder: Path, url: str) -> tuple[Path, list[str]]:
        builds.append(url)
        time.sleep(seconds)  # long enough for the other worker to ask meanwhile
        (folder / "out").mkdir()
        (folder / "out" / "index.html").write_text(url, "utf-8")
        return folder / "out", [f"a warning of the build for {url}"]

    return build


def test_workers_of_one_run_share_one_build(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    builds: list[str] = []
    sites = []
    threads = [
        threading.Thread(
            target=lambda name=name: sites.append(
                shared_site(_Worker(tmp_path, name), "site", 0, _counting_build(builds, 0.2))
            )
        )
        for name in ("gw0", "gw1", "gw2")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1 and len(sites) == 3
    assert {(site.dir, site.url, tuple(site.warnings)) for site in sites} == {
        (tmp_path / "site" / "out", builds[0], (f"a warning of the build for {builds[0]}",))
    }
    holders = [site for site in sites if site.listener is not None]
    assert len(holders) == 1, "only the builder holds the site's port"
    assert holders[0].listener.getsockname()[1] == int(builds[0].rsplit(":", 1)[1].strip("/"))
    holders[0].listener.close()


def test_a_failed_build_is_built_again_by_the_next_worker(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")

    def failing(folder: Path, url: str):
        (folder / "half-written").write_text("", "utf-8")
        raise RuntimeError("the build stopped")

    with pytest.raises(RuntimeError, match="the build stopped"):
        shared_site(_Worker(tmp_path, "gw0"), "site", 0, failing)
    builds: list[str] = []
    site = shared_site(_Worker(tmp_path, "gw1"), "site", 0, _counting_build(builds))
    assert len(builds) == 1 and site.listener is not None
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["built.json", "out"]
    site.listener.close()


def test_without_xdist_each_session_builds_its_own(tmp_path, monkeypatch):
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    builds: list[str] = []
    first = shared_site(_Worker(tmp_path / "one", "main"), "site", 0, _counting_build(builds))
    second = shared_site(_Worker(tmp_path / "two", "main"), "site", 0, _counting_build(builds))
    assert len(builds) == 2 and first.dir != second.dir
    for site in (first, second):
        site.listener.close()
