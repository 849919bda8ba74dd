"""Search in Chromium: a Chinese page finds Chinese pages only, an English page English
pages only, each from its own language's index."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

# (query, pages the first result may be on). Chinese words sit inside sentences:
# jieba split them when the index was built.
ZH_QUERIES = [
    ("协议", {"agreements"}),
    ("闯关东", {"history", "timeline"}),
    ("渤海轮渡", {"cooperation", "sources", "glossary"}),
    ("长岛", {"agreements", "cooperation", "timeline", "glossary"}),
    ("大事记", {"timeline"}),
]
EN_QUERIES = [
    ("agreement", {"agreements"}),
    ("agreements", {"agreements"}),
    ("ferry", {"cooperation", "sources", "glossary", "history"}),
    ("Dengzhou", {"history", "timeline", "glossary", "sources"}),
    ("migration", {"history", "timeline", "glossary"}),
]


def _search(page, query: str) -> list[str]:
    """Type a query into Material's search box; the result links, best first."""
    box = page.locator("input.md-search__input")
    box.click()  # opens the search at desktop width and starts loading the index
    box.fill(query)
    box.press("End")  # Material searches on keyup
    page.wait_for_function(
        """query => {
            const meta = document.querySelector(".md-search-result__meta");
            return document.querySelector("input.md-search__input").value === query
                && meta && !/键入|Type to start/.test(meta.textContent)
                && document.querySelectorAll(".md-search-result__item").length > 0;
        }""",
        arg=query,
    )
    return page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")


def _page_and_language(url: str) -> tuple[str, str]:
    """('agreements', 'en') for http://host/en/agreements/#x; '' is the home page."""
    path = urlsplit(url).path.strip("/")
    lang = "en" if path == "en" or path.startswith("en/") else "zh"
    path = path.removeprefix("en").strip("/")
    return path, lang


def _first_result_text(page) -> str:
    return page.locator(".md-search-result__item").first.inner_text().replace("\u200b", "")


@pytest.mark.parametrize(("query", "pages"), ZH_QUERIES, ids=[q for q, _ in ZH_QUERIES])
def test_chinese_search_finds_chinese_pages_only(page, site_server, built_site, query, pages):
    page.goto(built_site.page_url("history", "zh"))
    results = _search(page, query)
    assert {_page_and_language(url)[1] for url in results} == {"zh"}
    assert _page_and_language(results[0])[0] in pages
    assert query in _first_result_text(page)


@pytest.mark.parametrize(("query", "pages"), EN_QUERIES, ids=[q for q, _ in EN_QUERIES])
def test_english_search_finds_english_pages_only(page, site_server, built_site, query, pages):
    page.goto(built_site.page_url("history", "en"))
    results = _search(page, query)
    assert {_page_and_language(url)[1] for url in results} == {"en"}
    assert _page_and_language(results[0])[0] in pages
    assert query.lower() in _first_result_text(page).lower()


# Queries of two words run together, as readers type them: Material's segmenter used to
# drop the last word (see hooks/twincity/search_worker.py); both must be highlighted.
ZH_COMPOUNDS = [("海洋经济", ("海洋", "经济")), ("双城联动", ("双城", "联动")), ("渤海轮渡", ("渤海", "轮渡"))]


@pytest.mark.parametrize(("query", "words"), ZH_COMPOUNDS, ids=[q for q, _ in ZH_COMPOUNDS])
def test_chinese_search_keeps_every_word_of_the_query(page, site_server, built_site, query, words):
    page.goto(built_site.page_url("history", "zh"))
    _search(page, query)
    marked = set(page.locator(".md-search-result__item mark").all_inner_texts())
    assert set(words) <= marked, marked


# (query, word of another form the first result must hold): the site never writes
# "ferries", "islands" or "cooperated", and Material's query only matches word starts.
EN_OTHER_FORMS = [
    ("ferries", "ferry"),
    ("islands", "island"),
    ("cooperated", "cooperate"),
]


@pytest.mark.parametrize(("query", "word"), EN_OTHER_FORMS, ids=[q for q, _ in EN_OTHER_FORMS])
def test_english_search_finds_a_word_in_its_other_forms(page, site_server, built_site, query, word):
    page.goto(built_site.page_url("history", "en"))
    results = _search(page, query)
    assert {_page_and_language(url)[1] for url in results} == {"en"}
    text = _first_result_text(page).lower()
    assert query not in text and word in text


def test_chinese_words_on_an_english_page_find_english_pages(page, site_server, built_site):
    # English pages give Chinese terms in brackets; they are found, on English pages only.
    page.goto(built_site.page_url("", "en"))
    results = _search(page, "闯关东")
    assert {_page_and_language(url)[1] for url in results} == {"en"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_language_loads_only_its_own_index(page, site_server, built_site, lang):
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(built_site.page_url("timeline", lang))
    _search(page, "协议" if lang == "zh" else "agreement")
    indexes = [path for path in requested if path.endswith("search_index.json")]
    assert indexes == (["/search/search_index.json"] if lang == "zh" else ["/en/search/search_index.json"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_search_result_opens_its_page(page, site_server, built_site, lang):
    page.goto(built_site.page_url("", lang))
    _search(page, "协议" if lang == "zh" else "agreement")
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == lang
    assert _page_and_language(page.url) == ("agreements", lang)


@pytest.mark.parametrize(("lang", "query"), [("zh", "闯关东"), ("en", "Dengzhou")])
def test_search_results_screenshot(page, site_server, built_site, artifacts_dir, lang, query):
    page.goto(built_site.page_url("", lang))
    _search(page, query)
    path = artifacts_dir / "search" / f"results-{lang}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    assert page.locator(".md-search-result__item").first.is_visible()
    assert path.stat().st_size > 10_000
