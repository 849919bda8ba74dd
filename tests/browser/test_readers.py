"""Readers the cities send, on a phone (issue 17): a home page whose first screen leads
to every main part, a reading mode (长辈模式 / Larger text) in every page's header, a
share panel with the page's QR code and a copy button, and a hint inside WeChat for
the fact sheet's PDF. Languages, pages and labels come from mkdocs.yml and the catalogues."""

from __future__ import annotations

import pytest

from support.qr import decode_png
from support.site import LANGUAGES, catalogues, page_slugs
from tools.audit import axe_violations

TEXTS = catalogues()
VIEWPORTS = {"phone": {"width": 390, "height": 800}, "desktop": {"width": 1280, "height": 900}}
SCHEMES = ("light", "dark")
# The parts the home page's first screen must lead to.
MAIN_PARTS = ("agreements", "timeline", "quotes", "factsheet")
# Pages of different kinds: home, a text page, data pages, the fact sheet.
PAGE_KINDS = ("", "history", "timeline", "glossary", "factsheet")
WECHAT_UA = (
    "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
    "Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F35) "
    "WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64"
)
READING = "button[data-twincity-reading-switch]"

# The text of a page's first paragraph: size, line height and its contrast with what is behind it.
TEXT_STYLE = """(selector) => {
  const e = document.querySelector(selector);
  const rgba = s => { const m = s.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  let bg = null;
  for (let n = e; n && !bg; n = n.parentElement) {
    const c = rgba(getComputedStyle(n).backgroundColor); if (c[3] > 0) bg = c;
  }
  bg = bg || [255, 255, 255, 1];
  const fg = rgba(getComputedStyle(e).color);
  const mix = fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3]));
  const lum = c => { const [r, g, b] = c.map(v => {
                       v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [hi, lo] = [lum(mix), lum(bg.slice(0, 3))].sort((a, b) => b - a);
  const style = getComputedStyle(e);
  return { size: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight),
           contrast: (hi + 0.05) / (lo + 0.05) };
}"""
BODY_TEXT = "article.md-typeset > p"
BODY_LINK = "article.md-typeset > p a"


def _context(browser, viewport="phone", **options):
    context = browser.new_context(viewport=VIEWPORTS[viewport] if isinstance(viewport, str) else viewport, **options)
    context.set_default_timeout(10_000)
    return context


def _settle(page) -> None:
    """Wait for what a click set moving (Material's transitions: link colours, the header's
    title sliding in once the page scrolled) to end, two frames after it: axe measures
    contrast on what is painted, and half-faded text fails it."""
    page.evaluate(
        "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
        ".then(() => Promise.race(["
        "  Promise.allSettled(document.getAnimations().map(a => a.finished)),"
        "  new Promise(done => setTimeout(done, 2000)),"  # an endless animation: measured as it is
        "]))"
    )


def _other(lang: str) -> str:
    return next(code for code in LANGUAGES if code != lang)


# -----------------------------------------------------------------------------
# The home page
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_is_at_most_four_screens_long(browser, site_server, built_site, lang, viewport):
    context = _context(browser, viewport)
    page = context.new_page()
    page.goto(built_site.page_url("", lang), wait_until="load")
    height = page.evaluate("document.documentElement.scrollHeight")
    context.close()
    assert height <= 4 * VIEWPORTS[viewport]["height"], (
        f"the home page is {height / VIEWPORTS[viewport]['height']:.1f} screens long"
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_first_screen_says_what_the_site_is_and_leads_to_the_main_parts(
    browser, site_server, built_site, lang, viewport
):
    context = _context(browser, viewport)
    page = context.new_page()
    page.goto(built_site.page_url("", lang), wait_until="load")
    screen = VIEWPORTS[viewport]["height"]
    lead = page.locator("article .twincity-lead")
    assert lead.count() == 1 and lead.bounding_box()["y"] + lead.bounding_box()["height"] <= screen
    # Every link on the first screen, with the size of what can be tapped: the card it covers.
    links = page.eval_on_selector_all(
        "article a[href]",
        """(links) => links.map(a => {
        const target = a.closest('.twincity-start li') || a;
        const r = target.getBoundingClientRect();
        return { href: a.href, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
      })""",
    )
    context.close()
    on_screen = {link["href"]: link for link in links if link["bottom"] <= screen and link["height"] > 0}
    for slug in MAIN_PARTS:
        url = built_site.page_url(slug, lang)
        assert url in on_screen, f"the first screen at {viewport} has no link to {url}"
        assert on_screen[url]["width"] >= 44 and on_screen[url]["height"] >= 44, f"the link to {slug} is hard to tap"


# -----------------------------------------------------------------------------
# The reading mode
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_reading_mode_enlarges_body_text_with_line_height_and_contrast(
    browser, site_server, built_site, lang, viewport, scheme
):
    context = _context(browser, viewport, color_scheme=scheme)
    page = context.new_page()
    page.goto(built_site.page_url("history", lang), wait_until="load")
    button = page.locator(READING)
    assert button.is_visible() and button.get_attribute("aria-pressed") == "false"
    assert button.text_content().strip() == TEXTS[lang]["readers.reading"]
    before = page.evaluate(TEXT_STYLE, BODY_TEXT)
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    # Material's links change colour in a short transition: measure where it ends.
    _settle(page)
    text, link = page.evaluate(TEXT_STYLE, BODY_TEXT), page.evaluate(TEXT_STYLE, BODY_LINK)
    context.close()
    assert text["size"] >= 1.25 * before["size"], (before, text)
    assert text["lineHeight"] >= 1.5 * text["size"], text
    assert text["contrast"] >= 7, text
    assert link["contrast"] >= 7, link


@pytest.mark.parametrize("width", (320, 390))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_reading_mode_stays_on_across_pages_without_sideways_scrolling(browser, site_server, built_site, lang, width):
    context = _context(browser, {"width": width, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(built_site.page_url("", lang), wait_until="load")
    page.click(READING)
    wide = []
    for slug in page_slugs():
        page.goto(built_site.page_url(slug, lang), wait_until="load")
        assert page.locator("html").get_attribute("data-twincity-reading") is not None, f"{slug}: reading mode lost"
        assert page.locator(READING).get_attribute("aria-pressed") == "true"
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide.append((slug or "home", scroll))
    context.close()
    assert wide == [], f"wider than {width} px in reading mode: {wide}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_reading_mode_survives_a_page_change_and_the_language_switch_and_is_set_before_scripts_run(
    browser, site_server, built_site, lang
):
    context = _context(browser)
    page = context.new_page()
    page.goto(built_site.page_url("history", lang), wait_until="load")
    page.click(READING)
    # Another page, reached by its link; then the same page in the other language, by the switcher.
    page.locator("a.md-footer__link--next").click()
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("data-twincity-reading") is not None
    other = _other(lang)
    href = page.locator(f".md-select__link[hreflang='{other}']").get_attribute("href")
    page.goto(page.evaluate("(h) => new URL(h, location.href).href", href), wait_until="load")
    assert page.locator("html").get_attribute("lang").startswith(other)
    assert page.locator("html").get_attribute("data-twincity-reading") is not None
    assert page.locator(READING).get_attribute("aria-pressed") == "true"
    # No flash of the default size: the line in <head> sets it, before any script of the page's end runs.
    page.route("**/readers.js", lambda route: route.abort())
    page.reload(wait_until="load")
    assert page.locator("html").get_attribute("data-twincity-reading") is not None
    # And off again, for every page.
    page.unroute("**/readers.js")
    page.reload(wait_until="load")
    page.click(READING)
    page.goto(built_site.page_url("", lang), wait_until="load")
    assert page.locator("html").get_attribute("data-twincity-reading") is None
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_reading_mode_switch_works_by_keyboard(browser, site_server, built_site, lang):
    context = _context(browser, "desktop")
    page = context.new_page()
    page.goto(built_site.page_url("history", lang), wait_until="load")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('button[data-twincity-reading-switch]')"):
            break
    else:
        pytest.fail("Tab never reaches the reading mode switch")
    page.keyboard.press("Enter")
    assert page.locator(READING).get_attribute("aria-pressed") == "true"
    page.keyboard.press("Space")
    assert page.locator(READING).get_attribute("aria-pressed") == "false"
    assert page.locator("html").get_attribute("data-twincity-reading") is None
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_the_page_reads_at_its_default_size_and_shows_no_dead_switch(
    browser, site_server, built_site, lang
):
    sizes = {}
    for scripts in (True, False):
        context = _context(browser, java_script_enabled=scripts)
        page = context.new_page()
        page.goto(built_site.page_url("history", lang), wait_until="load")
        sizes[scripts] = page.evaluate(TEXT_STYLE, BODY_TEXT)["size"]
        if not scripts:
            assert not page.locator(READING).is_visible()
            assert not page.locator("button[data-twincity-copy]").is_visible()
            assert page.locator("html").get_attribute("data-twincity-reading") is None
        context.close()
    assert sizes[False] == sizes[True]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_reading_mode_and_open_share_panel_have_no_wcag_violation(browser, site_server, built_site, lang, scheme):
    context = _context(browser, color_scheme=scheme)
    page = context.new_page()
    for slug in ("", "agreements"):
        page.goto(built_site.page_url(slug, lang), wait_until="load")
        if page.locator("html").get_attribute("data-twincity-reading") is None:
            page.click(READING)
        page.click(".twincity-share summary")
        _settle(page)
        assert axe_violations(page) == [], slug or "home"
    context.close()


# -----------------------------------------------------------------------------
# Passing a page on
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("slug", PAGE_KINDS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_share_panel_qr_code_scans_to_the_pages_canonical_address(browser, site_server, built_site, lang, slug):
    context = _context(browser)
    page = context.new_page()
    page.goto(built_site.page_url(slug, lang), wait_until="load")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == built_site.page_url(slug, lang)
    panel = page.locator("details.twincity-share")
    assert panel.get_attribute("open") is None, "the share panel is open before the reader asks"
    assert panel.locator("summary").text_content().strip() == TEXTS[lang]["readers.share"]
    panel.locator("summary").click()
    code = panel.locator("svg")
    box = code.bounding_box()
    assert box["width"] >= 0.8 * (VIEWPORTS["phone"]["width"] - 32) and box["width"] == box["height"]
    assert decode_png(page, code.screenshot()) == [canonical]
    context.close()


@pytest.mark.parametrize("clipboard_api", (True, False), ids=("clipboard-api", "fallback"))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_copy_link_copies_the_canonical_address(browser, site_server, built_site, lang, clipboard_api):
    context = _context(browser)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=built_site.url.rstrip("/"))
    page = context.new_page()
    if not clipboard_api:
        page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });")
    page.goto(built_site.page_url("quotes", lang), wait_until="load")
    page.click(".twincity-share summary")
    button = page.locator("button[data-twincity-copy]")
    assert button.text_content().strip() == TEXTS[lang]["readers.copy_link"]
    button.click()
    page.wait_for_function("document.querySelector('.twincity-share__status').textContent !== ''")
    assert page.locator(".twincity-share__status").text_content() == TEXTS[lang]["readers.copied"]
    reader = context.new_page()
    reader.goto(built_site.page_url("", lang), wait_until="load")
    copied = reader.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied == built_site.page_url("quotes", lang)


# -----------------------------------------------------------------------------
# WeChat's in-app browser
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("wechat", (True, False), ids=("wechat", "other-browser"))
@pytest.mark.parametrize("slug", ("", "factsheet"))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdf_links_say_how_to_open_them_inside_wechat_only(browser, site_server, built_site, lang, slug, wechat):
    options = {"user_agent": WECHAT_UA} if wechat else {}
    context = _context(browser, **options)
    page = context.new_page()
    page.goto(built_site.page_url(slug, lang), wait_until="load")
    hint = page.locator("[data-twincity-wechat]")
    assert hint.count() == 1
    if wechat:
        assert hint.is_visible()
        assert TEXTS[lang]["readers.wechat_pdf"] in hint.inner_text()
        href = hint.locator("a").get_attribute("href")
        assert page.evaluate("(h) => new URL(h, location.href).href", href) == built_site.page_url("factsheet", lang)
    else:
        assert not hint.is_visible()
    context.close()
