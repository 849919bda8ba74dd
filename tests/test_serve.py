"""`make serve` is live: an edit to a hook module and to a correction shows on the next
rebuild without a restart, and a data mistake leaves its message on the console."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from support.site import copy_project
from tools.pages_server import free_port

SOURCES_PAGE = "sources/"
_LOG: list[Path] = []  # the running server's output, shown when a page never changes


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - the server on 127.0.0.1 only
        return response.read().decode("utf-8")


def _wait_for(url: str, wanted: str, seconds: float = 90) -> str:
    """The page at `url` once it holds `wanted` (the server rebuilds after an edit)."""
    deadline = time.monotonic() + seconds
    text = ""
    while time.monotonic() < deadline:
        try:
            text = _get(url)
        except OSError:
            text = ""
        if wanted in text:
            return text
        time.sleep(0.1)
    raise AssertionError(f"{url} never showed {wanted!r}; the server said:\n{_LOG[0].read_text('utf-8')[-3000:]}")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One served copy for the module's tests (starting a server is a whole build): each
    test's edits are of its own, and a test that breaks the data puts it back."""
    tmp_path = tmp_path_factory.mktemp("serve")
    project = copy_project(tmp_path / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=url, TWINCITY_PDF="off")
    log = (tmp_path / "serve.log").open("w")
    _LOG[:] = [tmp_path / "serve.log"]
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("properdocs")),
            "serve",
            "-f",
            "mkdocs.yml",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(url + SOURCES_PAGE, "</html>", seconds=120)
        yield project, url, tmp_path / "serve.log"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_an_edited_module_and_correction_show_on_the_next_rebuild(served):
    project, url, _ = served
    # A module: the licence block gains a mark of the edit.
    module = project / "hooks" / "twincity" / "pages" / "updates.py"
    text = module.read_text("utf-8")
    call = 'return render_template("licence.html"'
    assert call in text
    module.write_text(text.replace(call, 'return "<!-- edited-while-serving -->\\n" + render_template("licence.html"'))
    # A correction: its reason in every language.
    corrections = project / "data" / "corrections.yml"
    entries = yaml.safe_load(corrections.read_text("utf-8"))
    entries[0]["reason"] = {lang: f"{text} (edited while serving)" for lang, text in entries[0]["reason"].items()}
    corrections.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")
    page = _wait_for(url + SOURCES_PAGE, "edited while serving")
    page = _wait_for(url + SOURCES_PAGE, "edited-while-serving")
    assert "edited while serving" in page


def test_a_data_mistake_while_serving_shows_on_the_console_and_in_the_browser_and_then_clears(served):
    project, url, log = served
    corrections = project / "data" / "corrections.yml"
    good = corrections.read_text("utf-8")
    entries = yaml.safe_load(good)
    entries[0]["colour"] = "red"
    corrections.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")
    page = _wait_for(url + SOURCES_PAGE, "The build stopped")  # every page shows it, this one among them
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "data/corrections.yml: entry 'headline-inside-sentence' (#1): colour:" in text
    output = log.read_text("utf-8")
    assert "data/corrections.yml: entry 'headline-inside-sentence' (#1): colour:" in output
    assert "Traceback" not in output and "appear stuck" not in output
    corrections.write_text(good, "utf-8")
    _wait_for(url + SOURCES_PAGE, "twincity-corrections")
