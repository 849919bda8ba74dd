"""The generated blocks: escaped, in the page's language, anchorable, with working relative links."""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup

from support.data import DataCopy, load
from support.data import text as in_languages
from support.rendering import page_links, render_context
from support.site import LANGUAGES, catalogues
from twincity.errors import PageError
from twincity.pages.markers import fill_markers, heading_level_below
from twincity.pages.rendering import (
    RenderContext,
    render_agreement_index,
    render_glossary,
    render_quotes,
    render_timeline,
)

DATA = load()
CATALOGUES = catalogues()


def context(lang: str, data=DATA, url: str | None = None, src: str = "docs/x.md") -> RenderContext:
    return render_context(lang, data, url=url, src=src)


def to_html(text: str) -> BeautifulSoup:
    """Markdown as the site converts it (the extensions of mkdocs.yml that matter here)."""
    html = markdown.markdown(text, extensions=["attr_list", "md_in_html", "toc", "tables", "admonition"])
    return BeautifulSoup(html, "html.parser")


def page(slug: str, lang: str, data=DATA, marker: str | None = None) -> BeautifulSoup:
    marker = (
        marker
        or {"agreements": "agreement-index", "timeline": "timeline", "quotes": "quotes", "glossary": "glossary"}[slug]
    )
    source = f"# Title\n\nIntro.\n\n<!-- twincity:{marker} -->\n\nAfter.\n"
    url = ("" if lang == LANGUAGES[0] else f"{lang}/") + f"{slug}/"
    filled = fill_markers(source, page_slug=slug, ctx=context(lang, data, url, f"docs/{slug}.md"))
    return to_html(filled)


# -----------------------------------------------------------------------------
# Escaping
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_title_with_html_is_shown_as_text(tmp_path, lang):
    copy = DataCopy(tmp_path)
    evil = "<script>alert(1)</script> *bold* {: #x }"
    copy.edit("agreements", "maritime-affairs", title=in_languages(evil), description=in_languages(evil))
    copy.edit("timeline", "goal", title=in_languages(evil))
    copy.edit("quotes", "ann-quoted", text=in_languages(evil))
    copy.edit("people", "bo-example", name=in_languages(evil))
    data = load(copy.dir)
    for slug in ("agreements", "timeline", "quotes", "glossary"):
        soup = page(slug, lang, data)
        assert soup.find("script") is None
        assert soup.find("strong") is None and soup.find("em") is None
        assert "<script>alert(1)</script>" in soup.get_text()
    heading = page("agreements", lang, data).find(id="maritime-affairs")
    assert heading.get_text() == evil


def test_chinese_in_english_text_is_marked_and_still_escaped(tmp_path):
    copy = DataCopy(tmp_path)
    summary = "The programme “Across the Sea” (《海那边》) <b>and</b> 烟、大 & co."
    copy.edit("timeline", "goal", summary=in_languages("目标《海那边》", summary))
    data = load(copy.dir)
    en = page("timeline", "en", data).find(id="goal").find(class_="twincity-event__summary")
    assert [span.get_text() for span in en.find_all("span", lang="zh")] == ["《海那边》", "烟、大"]
    assert en.find("b") is None and en.get_text() == summary
    zh = page("timeline", "zh", data).find(id="goal").find(class_="twincity-event__summary")
    assert zh.find("span") is None and zh.get_text() == "目标《海那边》"


# -----------------------------------------------------------------------------
# Agreement index
# -----------------------------------------------------------------------------


def test_agreement_index_puts_the_framework_agreement_first_then_groups_with_counts():
    soup = page("agreements", "zh")
    ids = [h["id"] for h in soup.find_all(["h2", "h3"]) if h.get("id")]
    assert ids == [
        "group-framework",
        "framework-agreement",
        "group-sector",
        "maritime-affairs",
        "group-district",
        "changdao-changhai",
    ]
    assert soup.find(id="group-sector").get_text() == "市直部门牵头的行业协议（1个）"
    # One measure word for agreements (个); the groups apart with ；, as their names hold 、.
    assert "共3个协议：1个合作框架协议和2个专项合作协议（行业协议1个；区县协议1个）。" in soup.get_text()


def test_agreement_index_in_english_counts_from_the_data():
    soup = page("agreements", "en")
    assert soup.find(id="group-district").get_text() == "District and county agreements (1)"
    # Numbers under ten spelled out, the list joined with "and".
    assert (
        "three agreements in all: one framework agreement and two specific agreements "
        "(one sector agreement and one district and county agreement)."
    ) in soup.get_text()


@pytest.mark.parametrize(
    ("lang", "signed", "signatory"),
    [
        ("zh", "2025年2月17日，大连", "甲市市长安示例"),
        ("en", "17 February 2025, Dalian", "An Shili, Mayor of City A"),
    ],
)
def test_framework_agreement_shows_signatories_date_and_place(lang, signed, signatory):
    soup = page("agreements", lang)
    body = soup.find(id="framework-agreement").find_next_sibling("div")
    assert signed in body.get_text()
    assert body.find("time")["datetime"] == "2025-02-17"
    assert signatory in [dd.get_text() for dd in body.find_all("dd")]
    assert body.find("a", href="../glossary/#ann-example")


def test_agreement_links_to_related_events_both_ways_and_to_quotes():
    soup = page("agreements", "en")
    framework = soup.find(id="framework-agreement").find_next_sibling("div")
    assert framework.find("a", href="../timeline/#conference")
    assert framework.find("a", href="../quotes/#ann-quoted")
    # maritime-affairs is named by the event (related_agreements), not the other way round
    maritime = soup.find(id="maritime-affairs").find_next_sibling("div")
    assert maritime.find("a", href="../timeline/#conference")


@pytest.mark.parametrize(("lang", "label"), [("zh", "安示例（原话）"), ("en", "An Shili (quotation)")])
def test_links_to_statements_name_speaker_and_kind_without_cutting_the_words(lang, label):
    links = page("agreements", lang).find(id="framework-agreement").find_next_sibling("div").select("a[href*='quotes']")
    assert [a.get_text() for a in links] == [label]


def test_links_to_two_statements_of_one_speaker_are_told_apart(tmp_path):
    copy = DataCopy(tmp_path)
    copy.edit("agreements", "maritime-affairs", related_quotes=["ann-quoted", "ann-reported", "report-after-bo"])
    copy.edit("quotes", "ann-reported", kind="quoted")
    soup = page("agreements", "en", load(copy.dir))
    links = soup.find(id="maritime-affairs").find_next_sibling("div").select("a[href*='quotes']")
    assert [a.get_text() for a in links] == [
        "An Shili (quotation) 1",
        "An Shili (quotation) 2",
        "Bo Shili (from the report)",
    ]


def test_parties_are_shown_only_as_far_as_the_data_names_them():
    soup = page("agreements", "zh")
    district = soup.find(id="changdao-changhai").find_next_sibling("div")
    assert "烟台方：长岛" in district.get_text() and "大连方" not in district.get_text()
    sector = soup.find(id="maritime-affairs").find_next_sibling("div")
    assert "双方" not in sector.get_text()


def test_english_citation_is_labelled_as_chinese_source_text():
    soup = page("agreements", "en")
    citation = soup.find(id="maritime-affairs").find_next_sibling("div").find("details")
    assert citation.summary.get_text() == "Chinese source text"
    assert citation.blockquote["lang"] == "zh"
    assert citation.blockquote.get_text() == "海事等6个市直部门牵头的行业协议"


# -----------------------------------------------------------------------------
# Timeline
# -----------------------------------------------------------------------------


def test_timeline_is_chronological_with_eras_first():
    soup = page("timeline", "zh")
    assert [li["id"] for li in soup.select("ol.twincity-timeline > li")] == [
        "ming",
        "since-2023",
        "year-event",
        "month-event",
        "conference",
        "goal",
    ]


def test_timeline_is_grouped_by_era_and_year():
    soup = page("timeline", "en")
    assert [(h["id"], h.get_text()) for h in soup.find_all("h2")] == [
        ("period-1368", "Ming dynasty"),
        ("year-2023", "2023"),
        ("year-2024", "2024"),
        ("year-2025", "2025"),
        ("year-2035", "2035"),
    ]
    assert all(h.find_next_sibling().name == "ol" for h in soup.find_all("h2"))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "zh",
            {
                "conference": ("2025-02-17", "2025年2月17日"),
                "month-event": ("2024-03", "2024年3月"),
                "year-event": ("2024", "2024年"),
                "since-2023": ("2023/2025-02", "2023年—2025年2月"),
            },
        ),
        (
            "en",
            {
                "conference": ("2025-02-17", "17 February 2025"),
                "month-event": ("2024-03", "March 2024"),
                "year-event": ("2024", "2024"),
                "since-2023": ("2023/2025-02", "2023 – February 2025"),
            },
        ),
    ],
)
def test_timeline_dates_are_time_elements_in_the_page_language(lang, expected):
    soup = page("timeline", lang)
    for event_id, (iso, text) in expected.items():
        # One <time> per date, or one for each end of a span (HTML has no date intervals).
        date = soup.find(id=event_id).find(class_="twincity-event__date")
        assert ("/".join(time["datetime"] for time in date.find_all("time")), date.get_text()) == (iso, text)


def test_era_entry_has_no_machine_date():
    item = page("timeline", "en").find(id="ming")
    assert item.find("time") is None
    assert "Ming dynasty" in item.get_text()


def test_timeline_shows_category_and_links_related_agreements_both_ways():
    item = page("timeline", "zh").find(id="conference")
    assert "会议" in item.select_one(".twincity-tag").get_text()
    hrefs = {a["href"] for a in item.select(".twincity-related a")}
    assert hrefs == {"../agreements/#maritime-affairs", "../agreements/#framework-agreement"}


# -----------------------------------------------------------------------------
# Quotes
# -----------------------------------------------------------------------------


def test_quotes_are_grouped_by_speaker_with_title():
    soup = page("quotes", "zh")
    assert [h["id"] for h in soup.find_all("h2")] == ["ann-example", "bo-example"]
    assert soup.find(id="bo-example").find_next_sibling("p").get_text() == "乙市副市长（当时的职务）"


def test_only_quoted_words_are_in_quotation_marks():
    soup = page("quotes", "zh")
    assert soup.find(id="ann-quoted").blockquote.get_text(strip=True) == "“我们携手前行。”"
    reported = soup.find(id="ann-reported")
    statement = reported.select_one(".twincity-quote__text")
    assert statement.name == "p" and "“" not in statement.get_text()


def test_report_sentences_are_shown_as_the_report_not_as_a_quote():
    for lang, lead in (("zh", "报道接着写道："), ("en", "The report continues (translated from the Chinese):")):
        item = page("quotes", lang).find(id="report-after-bo")
        statement = item.select_one(".twincity-quote__text")
        text = statement.get_text()
        assert statement.name == "p"
        assert text.startswith(lead) and "“" not in text


def test_english_quote_is_marked_as_translation_beside_the_chinese_original():
    item = page("quotes", "en").find(id="ann-reported")
    assert item.select_one(".twincity-quote__text").get_text().startswith("Translation:")
    original = item.select_one(".twincity-quote__original [lang=zh]")
    assert original.get_text() == "合作很重要。"


def test_quote_links_back_to_the_agreements_that_cite_it():
    item = page("quotes", "en").find(id="ann-quoted")
    assert [a["href"] for a in item.select(".twincity-related a")] == ["../agreements/#framework-agreement"]


# -----------------------------------------------------------------------------
# Glossary
# -----------------------------------------------------------------------------


def test_glossary_lists_people_and_terms_by_kind_in_a_definition_list():
    soup = page("glossary", "en")
    assert [h["id"] for h in soup.find_all("h2")] == ["people", "terms-place", "terms-concept"]
    assert soup.find("table") is None
    bohai = soup.find(id="bohai-rim")
    assert bohai.name == "dt" and bohai.get_text() == "Bohai Rim"
    details = " ".join(dd.get_text() for dd in bohai.find_next_siblings("dd")[:3])
    assert "环渤海" in details and "Huán Bóhǎi" in details and "Circum-Bohai" in details
    assert soup.find(id="ann-example").get_text() == "An Shili"


# -----------------------------------------------------------------------------
# Markers
# -----------------------------------------------------------------------------


def test_page_without_its_marker_is_an_error():
    with pytest.raises(PageError, match=r"docs/timeline.en.md: the marker <!-- twincity:timeline --> is missing"):
        fill_markers("# Timeline\n", page_slug="timeline", ctx=context("en", src="docs/timeline.en.md"))


def test_unknown_marker_is_an_error():
    with pytest.raises(PageError, match=r"docs/history.md: unknown marker <!-- twincity:timelime -->"):
        fill_markers("<!-- twincity:timelime -->\n", page_slug="history", ctx=context("zh", src="docs/history.md"))


def test_marker_given_twice_is_an_error():
    with pytest.raises(PageError, match="given 2 times"):
        fill_markers(
            "<!-- twincity:quotes -->\n<!-- twincity:quotes -->\n",
            page_slug="quotes",
            ctx=context("zh", src="docs/quotes.md"),
        )


def _prose_page(lang: str, body: str, data=DATA) -> BeautifulSoup:
    url = "history/" if lang == "zh" else "en/history/"
    filled = fill_markers(
        f"# History\n\n{body}\n", page_slug="history", ctx=context(lang, data, url, "docs/history.md")
    )
    return to_html(filled)


def test_a_quotation_marker_gives_the_words_from_data_in_each_language():
    zh = _prose_page("zh", "安说：\n\n<!-- twincity:quote ann-quoted -->\n\nAfter.").find("blockquote")
    assert zh.p.get_text() == "“我们携手前行。”"
    assert zh.find(class_="twincity-quotation__source").get_text() == "—— 安示例（各方观点）"
    assert zh.find("a")["href"] == "../quotes/#ann-quoted"
    en = _prose_page("en", "<!-- twincity:quote ann-quoted -->").find("blockquote")
    translation, original, source = en.find_all("p")
    assert translation.get_text() == "Translation: “We go forward together.”"
    assert original.find("span", lang="zh").get_text() == "“我们携手前行。”"
    assert source.get_text() == "– An Shili (What they said)" and source.a["href"] == "../quotes/#ann-quoted"


def test_a_quotation_may_be_given_on_several_pages_and_twice_on_one():
    page = _prose_page("zh", "<!-- twincity:quote ann-quoted -->\n\nText.\n\n<!-- twincity:quote ann-quoted -->")
    assert len(page.find_all("blockquote")) == 2


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        ("<!-- twincity:quote -->", r"docs/history.md: the marker <!-- twincity:quote --> needs an id"),
        (
            "<!-- twincity:quote no-such-quote -->",
            r"docs/history.md: <!-- twincity:quote no-such-quote -->: no statement 'no-such-quote' in data/quotes.yml",
        ),
        (
            "<!-- twincity:quote ann-reported -->",
            r"the statement is of kind 'reported'; only quotations \(kind 'quoted'\)",
        ),
        (
            "<!-- twincity:timeline 2025 -->",
            r"docs/history.md: the marker <!-- twincity:timeline --> takes no id \(given '2025'\)",
        ),
    ],
)
def test_a_wrong_quotation_marker_is_an_error(marker, message):
    with pytest.raises(PageError, match=message):
        _prose_page("zh", marker)


def test_a_quotation_is_escaped(tmp_path):
    copy = DataCopy(tmp_path)
    copy.edit("quotes", "ann-quoted", text=in_languages("<b>粗</b>", "<b>bold</b>"))
    data = load(copy.dir)
    for lang in LANGUAGES:
        block = _prose_page(lang, "<!-- twincity:quote ann-quoted -->", data).find("blockquote")
        assert block.find("b") is None and "<b>" in block.get_text()


def test_pages_without_markers_are_left_alone():
    text = "# History\n\n<!-- an ordinary comment -->\n"
    assert fill_markers(text, page_slug="history", ctx=context("zh", src="docs/history.md")) == text


@pytest.mark.parametrize(
    ("before", "level"),
    [("# Title\n\nText\n", 2), ("# T\n\n## Index\n\n", 3), ("# T\n\n```\n## not a heading\n```\n", 2), ("", 2)],
)
def test_generated_headings_sit_one_level_below_the_heading_before_the_marker(before, level):
    assert heading_level_below(before) == level


@pytest.mark.parametrize(
    ("url", "lang", "timeline", "data_file"),
    [
        ("agreements/", "zh", "../timeline/#conference", "../data/agreements.json"),
        ("en/agreements/", "en", "../timeline/#conference", "../../data/agreements.json"),
    ],
)
def test_relative_links_work_from_both_languages(url, lang, timeline, data_file):
    links = page_links(url, lang)
    assert links.page("timeline", "conference") == timeline
    assert links.site_file("data/agreements.json") == data_file


def test_generated_html_has_no_blank_lines_inside_its_blocks():
    # A blank line inside a raw HTML block could end it early in some Markdown parsers.
    text = render_quotes(context("en")) + render_timeline(context("zh"))
    text += render_agreement_index(context("zh")) + render_glossary(context("en"))
    for block in re.split(r"\n\n+", text):
        assert block.startswith(("#", "<")), block[:80]
