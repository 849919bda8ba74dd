"""A shared site (support/shared.py) is built once per run, whichever pytest-xdist worker
asks first; the others read it, and a failed build is not taken for a finished one."""

from __future__ import annotations

import threading
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

from support.shared import serving, shared_site

# Stand-ins for pytest's config: of a pytest-xdist worker (xdist gives it `workerinput`), of a run without.
WORKER, ALONE = SimpleNamespace(workerinput={}), SimpleNamespace()


class _Worker:
    """A stand-in for one process's tmp_path_factory: its own folder in the run's, given
    to it as --basetemp when xdist started it."""

    def __init__(self, run: Path, name: str, given: bool = True) -> None:
        self.base = run / f"popen-{name}"
        self.base.mkdir(parents=True, exist_ok=True)
        self._given_basetemp = self.base if given else None

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


def test_workers_of_one_run_share_one_build(tmp_path):
    builds: list[str] = []
    sites = []
    threads = [
        threading.Thread(
            target=lambda name=name: sites.append(
                shared_site(WORKER, _Worker(tmp_path, name), "site", 0, _counting_build(builds, 0.2))
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


def test_a_failed_build_is_built_again_by_the_next_worker(tmp_path):

    def failing(folder: Path, url: str):
        (folder / "half-written").write_text("", "utf-8")
        raise RuntimeError("the build stopped")

    with pytest.raises(RuntimeError, match="the build stopped"):
        shared_site(WORKER, _Worker(tmp_path, "gw0"), "site", 0, failing)
    builds: list[str] = []
    site = shared_site(WORKER, _Worker(tmp_path, "gw1"), "site", 0, _counting_build(builds))
    assert len(builds) == 1 and site.listener is not None
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["built.json", "out"]
    site.listener.close()


@pytest.mark.parametrize(
    ("config", "given"),
    [(ALONE, False), (ALONE, True), (WORKER, False)],
    ids=["no xdist", "no xdist, --basetemp given", "xdist worker without its own --basetemp"],
)
def test_outside_an_xdist_run_s_own_folder_each_session_builds_its_own(tmp_path, monkeypatch, config, given):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")  # leaked from an outer run: not enough to share
    builds: list[str] = []
    first = shared_site(config, _Worker(tmp_path / "one", "main", given), "site", 0, _counting_build(builds))
    second = shared_site(config, _Worker(tmp_path / "two", "main", given), "site", 0, _counting_build(builds))
    assert len(builds) == 2 and first.dir != second.dir
    for site in (first, second):
        site.listener.close()


def test_a_worker_that_did_not_build_the_site_serves_a_copy_of_its_own(tmp_path):
    builds: list[str] = []
    shared = shared_site(WORKER, _Worker(tmp_path, "gw0"), "site", 0, _counting_build(builds))
    reader = shared_site(WORKER, _Worker(tmp_path, "gw1"), "site", 0, _counting_build(builds))
    assert reader.listener is None and len(builds) == 1
    serving_it = serving(reader, _Worker(tmp_path, "gw1"), "site", _counting_build(builds))
    url = next(serving_it)
    with urllib.request.urlopen(url + "index.html", timeout=5) as response:  # noqa: S310 - loopback
        assert response.read().decode("utf-8") == url == builds[1]
    serving_it.close()
    with pytest.raises(OSError):
        urllib.request.urlopen(url + "index.html", timeout=5)  # noqa: S310 - loopback
    shared.listener.close()
