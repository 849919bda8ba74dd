"""The fact-sheet PDFs are printed offline: Chromium, started as the build starts it,
asks no host for anything (no DNS lookup, no connection, no request) while it prints.
Watched through Chromium's own net log (--log-net-log)."""

from __future__ import annotations

import json
import threading
import time

import pytest

from twincity.publish import pdf
from twincity.publish.chromium import CHROMIUM_ARGS, chromium_executable

# It starts Chromium through Playwright, as the browser tests do: it runs with them.
pytestmark = pytest.mark.browser

LOCAL = ("127.0.0.1", "localhost", "[::1]", "~notfound")
# Chromium's IPv6 reachability probe "connects" a UDP socket to this address to read the
# route the system would take; a UDP connect sends no packet.
IPV6_PROBE = "[2001:4860:4860::8888]:443"


def _outside(net_log: dict) -> list[str]:
    """Every DNS lookup, connection and request of the log that names a host other than this machine."""
    types = {number: name for name, number in net_log["constants"]["logEventTypes"].items()}
    sources = {number: name for name, number in net_log["constants"]["logSourceType"].items()}
    found = []
    for event in net_log["events"]:
        kind, params = types[event["type"]], event.get("params") or {}
        source = sources[event["source"]["type"]]
        target = str(params.get("url") or params.get("host") or params.get("address") or "")
        if not target or target.startswith(("file:", "data:", "about:", "blob:", "chrome")):
            continue
        local = any(f"//{host}" in target or target.startswith(host) for host in LOCAL)
        if kind.startswith("HOST_RESOLVER") or kind in ("URL_REQUEST_START_JOB", "SOCKET_CONNECT", "TCP_CONNECT"):
            if local or (kind == "SOCKET_CONNECT" and source == "UDP_CLIENT_SOCKET" and target == IPV6_PROBE):
                continue
            found.append(f"{kind} ({source}): {target}")
    return found


def test_chromium_asks_no_host_for_anything_while_it_prints_the_pdfs(tmp_path):
    from playwright.sync_api import sync_playwright

    assert pdf.unavailable() is None, pdf.unavailable()  # make test installs Playwright and Chromium
    page_file = tmp_path / "index.html"
    page_file.write_text(
        '<!doctype html><html lang="en"><head><title>Fact sheet</title>'
        '<link rel="dns-prefetch" href="https://example.org/"></head>'
        "<body><p>A fact sheet.</p></body></html>",
        "utf-8",
    )
    log = tmp_path / "net-log.json"
    failed: list[BaseException] = []

    # Started as print_pdfs starts it; Chromium's own services start within seconds of
    # its launch, so it stays open a while after printing for them to have tried. In a
    # thread of its own, as publish() prints: the browser tests' Playwright may be running
    # an event loop in this one, and the sync API refuses to start inside it.
    def work() -> None:
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium_executable(), args=[*CHROMIUM_ARGS, f"--log-net-log={log}"]
                )
                page = browser.new_page()
                page.goto(page_file.as_uri(), wait_until="load")
                assert page.pdf(format="A4").startswith(b"%PDF")
                time.sleep(8)
                browser.close()
        except BaseException as error:  # noqa: BLE001 - re-raised in the test's thread
            failed.append(error)

    thread = threading.Thread(target=work, name="net-log-pdf")
    thread.start()
    thread.join()
    if failed:
        raise failed[0]
    outside = _outside(json.loads(log.read_text("utf-8")))
    assert not outside, "Chromium reached out while printing:\n" + "\n".join(sorted(set(outside)))
