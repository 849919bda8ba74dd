"""Every page is usable with assistive technology and the keyboard, in both colour schemes."""

from __future__ import annotations

import pytest
import yaml

from support.site import LANGUAGES, PAGE_IDS, PAGES, ROOT, page_slugs
from tools.audit import axe_violations

# prefers-color-scheme -> Material's scheme for it in mkdocs.yml
SCHEMES = {"light": "default", "dark": "slate"}
# A word every language's search finds: the glossary's name of the city, in each language.
GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text("utf-8"))
SEARCH_QUERY = next(entry["term"] for entry in GLOSSARY if entry["id"] == "dalian")


def _open(page, url: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(url, wait_until="load")
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]


def _focused(page) -> dict:
    return page.evaluate(
        """() => {
          const e = document.activeElement;
          return {
            tag: e.tagName.toLowerCase(),
            cls: e.className || "",
            href: e.getAttribute("href") || "",
            hreflang: e.getAttribute("hreflang") || "",
            inSelect: !!e.closest(".md-select"),
            inNav: !!e.closest(".md-nav--primary"),
            inContent: !!e.closest(".md-content"),
          };
        }"""
    )


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_page_has_no_wcag_violation(page, site_server, built_site, slug, lang, scheme):
    _open(page, built_site.page_url(slug, lang), scheme)
    assert axe_violations(page) == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_search_dialog_with_results_has_no_wcag_violation(page, site_server, built_site, lang, scheme):
    _open(page, built_site.page_url("agreements", lang), scheme)
    page.click("input.md-search__input")
    page.fill("input.md-search__input", SEARCH_QUERY[lang])
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator('.md-search[role="dialog"]').get_attribute("aria-label")
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tab_reaches_skip_link_language_switch_search_and_navigation(page, site_server, built_site, lang):
    page.goto(built_site.page_url("history", lang), wait_until="load")
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(_focused(page))
    assert "md-skip" in reached[0]["cls"], "the skip link is not the first stop"
    assert any(stop["inSelect"] for stop in reached), "the language switch is not reachable"
    assert {stop["hreflang"] for stop in reached if stop["inSelect"]} >= set(LANGUAGES)
    assert any("md-search__input" in stop["cls"] for stop in reached), "search is not reachable"
    nav_links = [stop for stop in reached if stop["inNav"] and stop["tag"] == "a"]
    assert len(nav_links) >= len(page_slugs()), "not every navigation link is reachable"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_enter_on_skip_link_moves_focus_to_the_content(page, site_server, built_site, lang):
    page.goto(built_site.page_url("history", lang), wait_until="load")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert skip.is_visible(), "the focused skip link is not shown"
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash !== ''")
    assert page.evaluate("location.hash") == target
    page.keyboard.press("Tab")
    assert _focused(page)["inContent"], "Tab after the skip link does not continue in the content"


# Every control a mouse user can see and use, numbered so Tab stops can be matched to it.
_NUMBER_VISIBLE_CONTROLS = """() => {
  const controls = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")]
    .filter(e => {
      const box = e.getBoundingClientRect(), style = getComputedStyle(e);
      for (let a = e; a; a = a.parentElement) if (getComputedStyle(a).opacity === "0") return false;
      return box.width > 1 && box.height > 1 && style.visibility !== "hidden" && style.display !== "none"
        && !e.closest("[hidden], [inert], details:not([open]) > :not(summary)");
    });
  controls.forEach((e, i) => e.setAttribute("data-control", i));
  return controls.map(e => e.outerHTML.slice(0, 80));
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", ["", "agreements", "timeline"])
def test_every_visible_control_is_reached_by_tab(page, site_server, built_site, slug, lang):
    """Keyboard users reach every link, button, field and expandable source excerpt
    a mouse user can use, in order, without a trap."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(built_site.page_url(slug, lang), wait_until="load")
    controls = page.evaluate(_NUMBER_VISIBLE_CONTROLS)
    assert controls
    reached: set[str] = set()
    for _ in range(3 * len(controls) + 30):  # Tab also stops on focusable elements that are not shown
        page.keyboard.press("Tab")
        number = page.evaluate("document.activeElement.getAttribute('data-control')")
        if number is not None:
            reached.add(number)
        if len(reached) == len(controls):
            break
    missed = [controls[int(i)] for i in sorted(set(map(str, range(len(controls)))) - reached, key=int)]
    assert not missed, f"{len(missed)} of {len(controls)} visible controls are not reached by Tab: {missed[:5]}"
