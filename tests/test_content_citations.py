"""Every citation in the data and every attributed Chinese quotation on the pages
is the source article's own words (with its documented corrections)."""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from support.data import project_source
from support.site import LANGUAGES, ROOT, SOURCE_LANGUAGE, page_slugs

DATA = ROOT / "data"
SOURCE = project_source()
occurs_in_source, where_it_differs = SOURCE.occurs, SOURCE.where_it_differs
CITED_FILES = ("agreements.yml", "timeline.yml", "quotes.yml")
SLUGS = page_slugs()

# Attribution around a quotation: “…”……说 (within one clause) or 说：“…”.
_QUOTE_THEN_SPEAKER = re.compile(r"“([^“”]{2,})”(?=[^，。；！？“”\n]{0,40}说)")
_SPEAKER_THEN_QUOTE = re.compile(r"(?:说|话说|表示|指出)[：:]\s*“([^“”]{2,})”")
# Inside a quotation block, these hold the attribution, not the quoted words.
_ATTRIBUTION = "footer, cite, figcaption, .twincity-attribution"


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _entries(name: str) -> list[dict]:
    path = DATA / name
    assert path.is_file(), f"data/{name} is missing"
    entries = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(entries, list) and entries, f"data/{name} holds no entries"
    return entries


def _not_in_source(label: str, excerpt) -> str | None:
    if not isinstance(excerpt, str) or not excerpt.strip():
        return f"{label}: no excerpt"
    if occurs_in_source(excerpt):
        return None
    return f"{label}: {excerpt!r} is not in the source — {where_it_differs(excerpt)}"


def _report(problems: list[str]) -> str:
    return f"{len(problems)} excerpt(s) not in the source:\n  " + "\n  ".join(problems)


def _quoted_words(block) -> str:
    """The words of a quotation block, without its attribution line."""
    block = copy.copy(block)
    for element in block.select(_ATTRIBUTION):
        element.decompose()
    # A paragraph that opens with a dash is the attribution line: “……” / —— 陈绍旺
    for paragraph in block.find_all("p"):
        if paragraph.get_text().lstrip()[:1] in "—–-":
            paragraph.decompose()
    return block.get_text(" ", strip=True)


def _is_chinese(element) -> bool:
    return (element.get("lang") or "").split("-")[0] == SOURCE_LANGUAGE


def _outermost_chinese(block) -> list:
    """Elements marked with the source's language inside `block` that are not inside another one."""
    found = []
    for element in block.find_all(_is_chinese):
        ancestors = []
        for parent in element.parents:
            if parent is block:
                break
            ancestors.append(parent)
        if not any(_is_chinese(a) for a in ancestors):
            found.append(element)
    return found


def _article(built_site, slug, lang):
    article = built_site.soup(slug, lang).select_one("article.md-content__inner")
    assert article is not None, f"{_url(slug, lang)} has no main content"
    return article


def _url(slug: str, lang: str) -> str:
    return "/" + ("en/" if lang == "en" else "") + (f"{slug}/" if slug else "")


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", CITED_FILES)
def test_every_citation_in_the_data_is_verbatim_from_the_source(name):
    problems = [
        p
        for entry in _entries(name)
        if (p := _not_in_source(f"data/{name} {entry.get('id')!r} citation", entry.get("citation")))
    ]
    assert not problems, _report(problems)


def test_every_quote_shows_words_that_are_in_the_source():
    problems = [
        p
        for entry in _entries("quotes.yml")
        if (
            p := _not_in_source(
                f"data/quotes.yml {entry.get('id')!r} text.{SOURCE_LANGUAGE}",
                (entry.get("text") or {}).get(SOURCE_LANGUAGE),
            )
        )
    ]
    assert not problems, _report(problems)


def test_the_citation_check_fails_on_a_changed_character():
    # The check above is only worth something if one wrong character is caught.
    for name in CITED_FILES:
        citation = _entries(name)[0]["citation"]
        middle = len(citation) // 2
        changed = citation[:middle] + "〇" + citation[middle + 1 :]
        assert _not_in_source(name, citation) is None
        assert _not_in_source(name, changed) is not None, changed


# -----------------------------------------------------------------------------
# Pages
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_quotation_block_comes_from_data(built_site, slug, lang):
    """A quotation is written once, in data/quotes.yml, and given on prose pages with
    <!-- twincity:quote ID -->, so that its English translation reads the same everywhere."""
    generated = ("twincity-quotation", "twincity-quote__text")
    typed = [
        block.get_text(" ", strip=True)[:60]
        for block in _article(built_site, slug, lang).find_all("blockquote")
        if not set(block.get("class") or []) & set(generated) and not block.find_parent("details")
    ]
    assert not typed, f"{_url(slug, lang)}: quotations typed into the page, not taken from data: {typed}"


@pytest.mark.parametrize("slug", SLUGS)
def test_quotation_blocks_on_chinese_pages_quote_the_source(built_site, slug):
    problems = [
        p
        for block in _article(built_site, slug, SOURCE_LANGUAGE).find_all("blockquote")
        if (p := _not_in_source(f"{_url(slug, 'zh')} blockquote", _quoted_words(block)))
    ]
    assert not problems, _report(problems)


@pytest.mark.parametrize("slug", SLUGS)
def test_chinese_originals_beside_english_quotations_quote_the_source(built_site, slug):
    article = _article(built_site, slug, "en")
    problems = []
    for block in article.find_all("blockquote"):
        for original in _outermost_chinese(block):
            problem = _not_in_source(f"{_url(slug, 'en')} blockquote [lang=zh]", _quoted_words(original))
            if problem:
                problems.append(problem)
    assert not problems, _report(problems)


@pytest.mark.parametrize("slug", SLUGS)
def test_quotations_attributed_to_a_speaker_in_chinese_prose_quote_the_source(built_site, slug):
    article = _article(built_site, slug, SOURCE_LANGUAGE)
    problems = []
    for paragraph in article.find_all(["p", "li", "td", "dd"]):
        if paragraph.find_parent("blockquote"):
            continue  # checked as a block above
        text = paragraph.get_text()
        for pattern in (_QUOTE_THEN_SPEAKER, _SPEAKER_THEN_QUOTE):
            for match in pattern.finditer(text):
                problem = _not_in_source(f"{_url(slug, 'zh')} quotation", match.group(1))
                if problem and problem not in problems:
                    problems.append(problem)
    assert not problems, _report(problems)


def test_the_page_quotation_rule_finds_attributed_quotations():
    # The two patterns above, on the shapes the source itself uses.
    text = (
        "用大连市委副书记、市长陈绍旺的话说：“烟台和大连海相连、人相亲、心相通。”"
        "“烟台、大连分别处于‘双半岛’。”鲁东大学环渤海发展研究院教授刘良忠说，合则两利。"
        "本站把“双城联动”译作twin-city linkage。"
    )
    found = [m.group(1) for p in (_QUOTE_THEN_SPEAKER, _SPEAKER_THEN_QUOTE) for m in p.finditer(text)]
    assert sorted(found) == sorted(["烟台和大连海相连、人相亲、心相通。", "烟台、大连分别处于‘双半岛’。"])


def test_the_attribution_line_of_a_quotation_block_is_not_part_of_the_quote():
    from bs4 import BeautifulSoup

    block = BeautifulSoup(
        "<blockquote><p>“合则两利，联则双赢。”</p><p>—— 刘良忠</p><footer>鲁东大学</footer></blockquote>", "html.parser"
    ).blockquote
    assert _quoted_words(block) == "“合则两利，联则双赢。”"
