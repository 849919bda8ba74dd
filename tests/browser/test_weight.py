"""The first view of every page is light: at most 100 KB transferred, gzip-compressed as GitHub Pages does."""

from __future__ import annotations

import gzip

import pytest

from support.site import PAGE_IDS, PAGES
from tools.pages_server import COMPRESSED

BUDGET = 100 * 1024
SEARCH_ASSETS = ("/search/search_index.json", "/workers/search.", "/lunr/")


@pytest.fixture(scope="module")
def weights(artifacts_dir):
    """Figures of every page, written to test-artifacts/weight.txt at the end."""
    figures: dict[str, str] = {}
    yield figures
    lines = [f"{key:<16} {value}" for key, value in sorted(figures.items())]
    (artifacts_dir / "weight.txt").write_text(
        "First view, gzip level 6 (budget 100 KB)\n" + "\n".join(lines) + "\n", "utf-8"
    )
    print("\n" + "\n".join(lines))


def _transferred(body: bytes, content_type: str) -> int:
    if content_type.startswith(COMPRESSED):
        return len(gzip.compress(body, compresslevel=6))
    return len(body)


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_first_view_weighs_at_most_100_kb_and_leaves_search_for_later(
    browser, site_server, built_site, weights, slug, lang
):
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # empty cache
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(built_site.page_url(slug, lang), wait_until="networkidle")
        sizes = {}
        for response in responses:
            body = response.body() if response.status < 300 else b""
            sizes[response.url] = _transferred(body, response.headers.get("content-type", ""))
    finally:
        context.close()
    total = sum(sizes.values())
    weights[f"{lang}:{slug or 'home'}"] = f"{total / 1024:6.1f} KB in {len(sizes)} responses"
    assert [url for url in sizes if any(asset in url for asset in SEARCH_ASSETS)] == []
    assert len(sizes) >= 4, "the page, its stylesheets and script should have been recorded"
    assert total <= BUDGET, f"{total / 1024:.1f} KB: " + ", ".join(
        f"{u.rsplit('/', 2)[-2:]}={s}" for u, s in sizes.items()
    )
