"""A statement is translated once: where a prose page gives a statement from
data/quotes.yml and links it (→ What they said), it gives the words of the data file,
in both languages, so that one sentence never reads two ways on two pages.

Quotations (kind `quoted`) are placed on pages from the data by a marker and checked
elsewhere; this covers the reported speech, suggestions and the report's own sentences
that prose pages give in running text."""

from __future__ import annotations

import re

import pytest
import yaml

from support.site import LANGUAGES, ROOT, page_slugs
from twincity.data.source import normalise

QUOTES = {q["id"]: q for q in yaml.safe_load((ROOT / "data" / "quotes.yml").read_text("utf-8"))}
# Pages whose generated blocks only link statements, without giving their words.
_GENERATED = re.compile(r"^twincity-")
_QUOTE_LINK = re.compile(r"(?:^|/)quotes/#([a-z0-9-]+)$")
# “Gao Yanjun said that, …” / “He said that …”: the page may name the speaker its own way.
_LEAD_IN = re.compile(r"^[^,.:;]{0,40}?\b(?:said|suggested)\b(?: that)?,?\s+")


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _english(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip()


def statement_words(quote: dict, lang: str) -> str:
    """The words of a statement as a page must give them, normalised for comparison."""
    if lang == "zh":
        return normalise(quote["text"]["zh"])
    return _english(_LEAD_IN.sub("", quote["text"]["en"].strip(), count=1))


def page_gives(section_text: str, quote: dict, lang: str) -> bool:
    if lang == "zh":
        # A quotation set inside the site's own “…” turns its inner “…” into ‘…’.
        return _fold_quotes(statement_words(quote, lang)) in _fold_quotes(normalise(section_text))
    return statement_words(quote, lang) in _english(section_text)


def _fold_quotes(text: str) -> str:
    return text.replace("‘", "“").replace("’", "”")


def _in_generated_block(element) -> bool:
    return any(_GENERATED.match(c) for parent in element.parents for c in (parent.get("class") or []))


def _section_text(link, article) -> str:
    """The text of the h2 section (or, before the first h2, the whole article) holding `link`."""
    heading = link.find_previous("h2")
    if heading is None or article not in heading.parents:
        return article.get_text(" ")
    parts = []
    for sibling in heading.next_siblings:
        if getattr(sibling, "name", None) == "h2":
            break
        parts.append(sibling.get_text(" ") if hasattr(sibling, "get_text") else str(sibling))
    return " ".join(parts)


def statements_on_page(built_site, slug: str, lang: str):
    """(quote id, section text) for each reported statement a prose page links."""
    article = built_site.soup(slug, lang).select_one("article.md-content__inner")
    assert article is not None
    found = []
    for link in article.find_all("a", href=True):
        match = _QUOTE_LINK.search(link["href"])
        if not match or _in_generated_block(link):
            continue
        quote = QUOTES.get(match[1])
        if quote is None or quote["kind"] == "quoted":
            continue
        found.append((match[1], _section_text(link, article)))
    return found


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------

PROSE_SLUGS = [slug for slug in page_slugs() if slug != "quotes"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", PROSE_SLUGS)
def test_a_statement_a_page_links_reads_as_in_the_data(built_site, slug, lang):
    problems = [
        f"{quote_id}: the section should contain {statement_words(QUOTES[quote_id], lang)!r}"
        for quote_id, section in statements_on_page(built_site, slug, lang)
        if not page_gives(section, QUOTES[quote_id], lang)
    ]
    assert not problems, (
        f"/{'en/' if lang == 'en' else ''}{slug}/ words a statement differently from "
        f"data/quotes.yml:\n  " + "\n  ".join(problems)
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_outlook_and_sources_give_the_statements_they_link(built_site, lang):
    # The check above is only worth something if it finds the statements these pages give.
    linked = {
        (slug, quote_id)
        for slug in ("outlook", "sources")
        for quote_id, _ in statements_on_page(built_site, slug, lang)
    }
    assert {
        ("outlook", "gao-significance"),
        ("outlook", "report-bohai-bay-strategy"),
        ("outlook", "wang-four-directions"),
        ("sources", "report-bohai-bay-strategy"),
        ("sources", "report-implementation"),
    } <= linked


def test_a_changed_word_in_a_statement_is_caught():
    quote = QUOTES["gao-significance"]
    page = "Gao said that, " + _LEAD_IN.sub("", quote["text"]["en"], count=1) + " → What they said"
    assert page_gives(page, quote, "en")
    assert not page_gives(page.replace("goes with the tide", "moves with the times"), quote, "en")
    assert page_gives("高延君说，" + quote["text"]["zh"], quote, "zh")
    assert not page_gives("高延君说，" + quote["text"]["zh"].replace("意义重大", "意义很大"), quote, "zh")
