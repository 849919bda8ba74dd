"""A site built for publishing cannot carry this machine's address (tools/site_url.py).

mkdocs.yml has no default site_url; `make serve`/`make build` pass the local address;
`make pages` (the Pages workflow's build) refuses a missing or loopback SITE_URL before
building and checks the built site after."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from support.site import ROOT
from test_data_build import copy_project
from tools.site_url import SiteURLError, built_site_problems, check_url


@pytest.mark.parametrize("url", [None, "", "  "])
def test_a_missing_address_is_refused(url):
    with pytest.raises(SiteURLError, match="SITE_URL is missing"):
        check_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/",
        "http://127.1.2.3/",
        "http://localhost:8000/",
        "https://LOCALHOST/",
        "http://docs.localhost/",
        "http://[::1]:8000/",
        "http://0.0.0.0:8000/",
    ],
)
def test_a_loopback_address_is_refused(url):
    with pytest.raises(SiteURLError, match="this machine's address"):
        check_url(url)


@pytest.mark.parametrize("url", ["/twin/", "127.0.0.1:8000", "ftp://example.org/"])
def test_a_relative_or_odd_address_is_refused(url):
    with pytest.raises(SiteURLError, match="not an absolute http"):
        check_url(url)


def test_an_address_without_its_final_slash_is_refused():
    with pytest.raises(SiteURLError, match="must end with '/'"):
        check_url("https://owner.github.io/repo")


@pytest.mark.parametrize(
    "url", ["https://owner.github.io/repo/", "https://twincity.example.cn/", "http://example.org/"]
)
def test_a_published_address_passes(url):
    assert check_url(url) == url


def _run_tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tools.site_url", *args], cwd=ROOT, capture_output=True, text=True)


def test_the_command_exits_1_with_the_reason():
    result = _run_tool("check", "http://127.0.0.1:8000/")
    assert result.returncode == 1
    assert "error: SITE_URL 'http://127.0.0.1:8000/' is this machine's address" in result.stderr


def test_the_local_test_build_is_caught_as_not_built_for_publishing(built_site):
    """The tests' own build uses a loopback address: the after-build check names where."""
    problems = built_site_problems(built_site.dir, "https://owner.github.io/repo/")
    assert any(p.startswith("sitemap.xml: ") and "is not under https://owner.github.io/repo/" in p for p in problems)
    assert any(
        re.match(r"en/index\.html:\d+: names the loopback address 'http://127\.0\.0\.1:\d+'", p) for p in problems
    )


def test_mkdocs_yml_has_no_default_address():
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    line = next(l for l in text.splitlines() if l.startswith("site_url:"))
    assert line.split("#")[0].strip() == "site_url: !ENV SITE_URL", line
    assert "127.0.0.1" not in line and "localhost" not in line


def _recipe(makefile: str, target: str) -> list[str]:
    block = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert block, f"no {target} target"
    return [line.strip() for line in block.group(1).splitlines()]


def test_make_pages_checks_the_address_before_and_the_site_after_building():
    recipe = _recipe((ROOT / "Makefile").read_text("utf-8"), "pages")
    assert recipe[0] == '$(BIN)/python -m tools.site_url check "$(SITE_URL)"'
    # Built into a new directory, checked there, and only then made site/ (tools/site_swap.py).
    build = next(i for i, line in enumerate(recipe) if "properdocs build -f mkdocs.yml --strict" in line)
    assert "-d $(NEW_SITE)" in recipe[build]
    assert recipe[build + 1].startswith('&& $(BIN)/python -m tools.site_url built $(NEW_SITE) "$(SITE_URL)"')
    assert recipe[-1] == "$(BIN)/python -m tools.site_swap replace $(NEW_SITE) site"


@pytest.mark.parametrize("site_url", [None, "http://127.0.0.1:8000/"])
def test_make_pages_refuses_to_build_for_no_or_a_loopback_address(tmp_path, site_url):
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "MAKEFLAGS", "MAKELEVEL")}
    command = ["make", "--no-print-directory", "pages", f"BIN={os.path.dirname(sys.executable)}"]
    if site_url:
        command.append(f"SITE_URL={site_url}")
    # A copy, so that the real site/ is never touched.
    project = copy_project(tmp_path)
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    shutil.copytree(ROOT / "tools", project / "tools", ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    shutil.copytree(ROOT / "requirements", project / "requirements")
    (project / ".venv").mkdir()  # stamps newer than requirements/: make installs nothing
    for stamp in (".site", ".dev"):
        (project / ".venv" / stamp).touch()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    expected = "SITE_URL is missing" if site_url is None else "is this machine's address"
    assert expected in result.stderr, result.stderr
    assert not (project / "site").exists(), "the build started"


def test_a_build_without_site_url_stops(tmp_path):
    project = copy_project(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    properdocs = os.path.join(os.path.dirname(sys.executable), "properdocs")
    result = subprocess.run(
        [properdocs, "build", "-f", "mkdocs.yml", "-d", str(tmp_path / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "site_url must be set" in result.stderr
    assert not (tmp_path / "site" / "sitemap.xml").exists()
