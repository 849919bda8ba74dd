"""The site makes no request to any other host, and its pages load without errors."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from support.site import LANGUAGES, PAGE_IDS, PAGES

SEARCH_QUERY = {"zh": "大连", "en": "Dalian"}


class _Recorder:
    """Every request, failed response and console error of one page."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", self._response)
        page.on("requestfailed", lambda request: self.failures.append(f"{request.url} failed"))
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _response(self, response):
        if response.status >= 400:
            self.failures.append(f"{response.url} {response.status}")

    def foreign(self, site_url: str) -> list[str]:
        own = urlsplit(site_url).netloc
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != own
        ]


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_page_requests_nothing_from_other_hosts_and_logs_no_error(page, site_server, built_site, slug, lang):
    recorder = _Recorder(page)
    page.goto(built_site.page_url(slug, lang), wait_until="networkidle")
    assert recorder.requests, "no request was recorded"
    assert recorder.foreign(site_server) == []
    assert recorder.failures == []
    assert recorder.errors == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_requests_nothing_from_other_hosts(page, site_server, built_site, lang):
    recorder = _Recorder(page)
    page.goto(built_site.page_url("agreements", lang), wait_until="networkidle")
    page.click("input.md-search__input")
    page.fill("input.md-search__input", SEARCH_QUERY[lang])
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/search/search_index.json") for url in recorder.requests)
    assert recorder.foreign(site_server) == []
    assert recorder.failures == []
    assert recorder.errors == []
