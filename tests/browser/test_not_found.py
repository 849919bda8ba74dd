"""The 404 page: one page for both languages, served (like GitHub Pages does) for every
missing path, in the language of that path, styled and working at any depth."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from support.site import LANGUAGES, SITE_LANGUAGES, catalogues, other_language, site_languages

TEXTS = catalogues()
# (missing path, language it belongs to): under each language's root, one level and deeper.
MISSING = [
    (SITE_LANGUAGES[lang].root + path, lang)
    for lang in LANGUAGES
    for path in (
        ("no-such-page/", "history/no/such/page/") if not SITE_LANGUAGES[lang].root else ("a/b/", "does/not/exist.html")
    )
]
# One missing path a language.
ONE_EACH = [(SITE_LANGUAGES[lang].root + "no/such/page/", lang) for lang in LANGUAGES]
TITLE = {lang: TEXTS[lang]["not_found.title"] for lang in LANGUAGES}
# Languages whose own script is Han (their catalogue marks no Han as foreign): Han text
# in any other language's part of the page must be marked as one of them.
HAN_LANGUAGES = [lang for lang in LANGUAGES if TEXTS[lang]["language.foreign_han"] is None]


def _watch_errors(page) -> list:
    messages = []
    page.on("console", lambda message: messages.append(message) if message.type == "error" else None)
    page.on("pageerror", lambda error: messages.append(error))
    return messages


def _errors_but_the_pages_own_404(messages, url: str) -> list[str]:
    """Chromium logs the 404 status of the page itself as a console error: that one is the point."""
    return [
        str(getattr(m, "text", m))
        for m in messages
        if not (getattr(m, "location", {}).get("url") == url and "404" in m.text)
    ]


@pytest.mark.parametrize(("path", "lang"), MISSING)
def test_missing_page_says_so_in_the_language_of_its_path(page, site_server, built_site, path, lang):
    messages = _watch_errors(page)
    url = built_site.url + path
    response = page.goto(url)
    assert response.status == 404
    # One h1 for the page, holding its title in each language; the path's one is shown.
    assert page.locator("h1").count() == 1
    assert page.locator(f"h1 > [data-twincity-lang='{lang}']").inner_text() == TITLE[lang]
    assert page.locator(f"h1 > [data-twincity-lang='{lang}']").is_visible()
    assert not page.locator(f"h1 > [data-twincity-lang='{other_language(lang)}']").is_visible()
    assert page.locator(f"[data-twincity-not-found] > div[lang='{lang}']").is_visible()
    assert not page.locator(f"[data-twincity-not-found] > div[lang='{other_language(lang)}']").is_visible()
    assert page.locator("html").get_attribute("lang") == lang
    # The page's title, then the site's name, as the language's catalogue sets them apart.
    pattern = TEXTS[lang]["head.title_pattern"]
    assert page.title() == pattern.format(page=TITLE[lang], site=site_languages()[lang].site_name)
    assert _errors_but_the_pages_own_404(messages, url) == []


# Han text the reader can reach (shown, or shown later like the back-to-top label) that
# is not marked with a language written in Han: on another language's path it would be a leftover.
_UNMARKED_HAN = """(hanLanguages) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const owner = node.parentElement;
    if (owner.closest("script, style, [data-twincity-lang][hidden]")) continue;
    const text = node.textContent.trim();
    const lang = owner.closest("[lang]").getAttribute("lang");
    if (/[\u4e00-\u9fff]/.test(text) && !hanLanguages.includes(lang)) found.push(text);
  }
  return found;
}"""


@pytest.mark.parametrize(("path", "lang"), MISSING)
def test_only_the_paths_language_is_shown_and_the_other_is_marked(page, site_server, built_site, path, lang):
    """Every part written per language (title, text, back-to-top label, footer) shows the
    path's one; Han text that stays on purpose (a home link, the footer's other half) is marked
    with its language."""
    page.goto(built_site.url + path)
    parts = page.locator("[data-twincity-lang]").evaluate_all(
        "elements => elements.map(e => [e.getAttribute('data-twincity-lang'), e.hidden, e.textContent.trim()])"
    )
    assert {part for part, _, _ in parts} >= set(LANGUAGES)
    assert [text for part, hidden, text in parts if hidden != (part != lang)] == []
    assert page.evaluate(_UNMARKED_HAN, HAN_LANGUAGES) == []


@pytest.mark.parametrize(("path", "lang"), MISSING)
def test_missing_page_is_styled_at_any_depth(page, site_server, built_site, path, lang):
    url = built_site.url + path
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.url != url else None)
    page.goto(url)
    page.wait_for_load_state("load")
    assert failed == []
    header = page.locator("header.md-header")
    # Material's stylesheet makes the header a fixed bar in the primary colour.
    assert header.evaluate("h => getComputedStyle(h).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert header.evaluate("h => getComputedStyle(h).position") == "sticky"
    assert (
        page.evaluate("document.querySelector('.md-content') && document.querySelector('.md-content').offsetWidth") > 0
    )


@pytest.mark.parametrize(("path", "lang"), ONE_EACH)
@pytest.mark.parametrize("home", LANGUAGES)
def test_both_home_links_work_from_a_missing_page(page, site_server, built_site, path, lang, home):
    page.goto(built_site.url + path)
    link = page.locator(f"[data-twincity-not-found] > div[lang='{lang}'] a[data-twincity-home-link='{home}']")
    with page.expect_navigation() as navigation:
        link.click()
    assert navigation.value.status == 200
    assert urlsplit(page.url).path == urlsplit(built_site.page_url("", home)).path
    assert page.locator("html").get_attribute("lang") == home


@pytest.mark.parametrize(("path", "lang"), ONE_EACH)
def test_logo_leads_to_the_home_page_of_the_paths_language(page, site_server, built_site, path, lang):
    page.goto(built_site.url + path)
    assert page.locator("a.md-logo").get_attribute("href") == urlsplit(built_site.page_url("", lang)).path


@pytest.mark.parametrize(("path", "lang"), ONE_EACH)
def test_colour_scheme_toggles_are_named_in_the_paths_language(page, site_server, built_site, path, lang):
    page.goto(built_site.url + path)
    names = page.locator("[data-md-component=palette] input[aria-label]").evaluate_all(
        "inputs => inputs.map(i => i.getAttribute('aria-label'))"
    )
    assert names
    assert set(names) <= set(site_languages()[lang].palette_names), names


def test_without_scripts_both_languages_are_shown(browser, site_server, built_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        response = page.goto(built_site.url + ONE_EACH[-1][0])
        assert response.status == 404
        for lang in LANGUAGES:
            assert page.locator(f"h1 > [data-twincity-lang='{lang}']").is_visible()
            assert page.locator(f"[data-twincity-not-found] > div[lang='{lang}']").is_visible()
            assert page.locator(
                f"[data-twincity-not-found] > div[lang='{lang}'] a[data-twincity-home-link]"
            ).count() == len(LANGUAGES)
    finally:
        context.close()


@pytest.mark.parametrize(("path", "lang"), ONE_EACH)
def test_not_found_screenshot(page, site_server, built_site, artifacts_dir, path, lang):
    page.goto(built_site.url + path)
    target = artifacts_dir / "not-found" / f"404-{lang}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), full_page=True)
    assert page.locator(f"h1 > [data-twincity-lang='{lang}']").is_visible()
    assert target.stat().st_size > 10_000


# -----------------------------------------------------------------------------
# The built file
# -----------------------------------------------------------------------------


def _not_found_soup(built_site):
    from bs4 import BeautifulSoup

    return BeautifulSoup((built_site.dir / "404.html").read_text("utf-8"), "html.parser")


def test_there_is_one_404_page_for_both_languages(built_site):
    assert [lang for lang in LANGUAGES if (built_site.dir / SITE_LANGUAGES[lang].root / "404.html").exists()] == [
        LANGUAGES[0]
    ]
    soup = _not_found_soup(built_site)
    assert {s["lang"] for s in soup.select("[data-twincity-not-found] > div[lang]")} == set(LANGUAGES)


def test_not_found_page_uses_absolute_paths_for_links_and_assets(built_site):
    soup = _not_found_soup(built_site)
    urls = [tag.get("href") for tag in soup.select("link[href], a[href]")]
    urls += [tag.get("src") for tag in soup.select("script[src], img[src]")]
    assert urls
    assert all(url.startswith("/") or url.startswith("http") for url in urls), urls


def test_not_found_page_has_no_language_switcher_search_or_alternates(built_site):
    soup = _not_found_soup(built_site)
    assert soup.select("a.md-select__link") == []
    assert soup.select("[data-md-component=search]") == []
    assert soup.select("link[rel=alternate]") == []
    assert soup.select("link[rel=canonical]") == []
