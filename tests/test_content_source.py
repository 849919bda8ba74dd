"""The source article: the project's copy is the article as received, excerpts are
compared with it the documented way, and every correction is shown to readers."""

from __future__ import annotations

import hashlib
import re

import pytest

from support.data import DataCopy, load, project_source
from support.site import LANGUAGES
from twincity.data.source import normalise
from twincity.errors import DataError

# The source as the build loads it, with the project's data (loading.load_site_data).
SOURCE = project_source()
CORRECTIONS = SOURCE.corrections
FRAMEWORK_AGREEMENT_NAMES = SOURCE.info.framework_agreement_names
HEADLINE, SUBHEADLINE, BYLINE = SOURCE.info.headline, SOURCE.info.subheadline, SOURCE.info.byline
occurs_in_source, where_it_differs = SOURCE.occurs, SOURCE.where_it_differs


def corrected_source() -> str:
    return SOURCE.corrected


def load_source() -> str:
    return SOURCE.text


# -----------------------------------------------------------------------------
# The copy of the article
# -----------------------------------------------------------------------------


def test_source_copy_is_the_article_as_received():
    assert hashlib.sha256(SOURCE.path.read_bytes()).hexdigest() == SOURCE.info.sha256, (
        "sources/source-article.zh.txt differs from the article as received; "
        "corrections belong in data/corrections.yml, not in the copy"
    )


def test_source_is_read_from_the_project_copy():
    text = load_source()
    assert SOURCE.path.parent.name == "sources"
    assert text.lstrip().startswith("2月17日,大连市和烟台市")
    assert BYLINE in text


def test_sources_readme_records_the_same_checksum():
    readme = (SOURCE.path.parent / "README.md").read_text("utf-8")
    assert SOURCE.info.sha256 in readme


# -----------------------------------------------------------------------------
# normalise()
# -----------------------------------------------------------------------------


def test_normalise_removes_all_whitespace():
    assert normalise(" 李楠楠 烟台报道\n\n两市\t签署\u3000") == "李楠楠烟台报道两市签署"


@pytest.mark.parametrize(
    ("ascii_mark", "full_width"),
    [(",", "，"), (":", "："), (";", "；"), ("(", "（"), (")", "）"), ("?", "？"), ("!", "！")],
)
def test_normalise_reads_ascii_punctuation_as_full_width(ascii_mark, full_width):
    assert normalise(f"烟台{ascii_mark}大连") == normalise(f"烟台{full_width}大连") == f"烟台{full_width}大连"


@pytest.mark.parametrize("dash", ["-", "–", "—", "——", "－", "‐"])
def test_normalise_unifies_dashes(dash):
    assert normalise(f"烟台{dash}大连") == "烟台—大连"


def test_normalise_reads_full_width_digits_and_signs_as_ascii():
    assert normalise("“１＋１５”") == "“1+15”"


def test_normalise_keeps_chinese_quotation_marks_apart():
    # “” and ‘’ are different marks in the source; a quote must keep the ones it has.
    assert normalise("‘闯关东’") != normalise("“闯关东”")


# -----------------------------------------------------------------------------
# The corrections and the corrected article
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("correction", CORRECTIONS, ids=lambda c: c.id)
def test_each_correction_matches_the_article_as_often_as_documented(correction):
    assert load_source().count(correction.wrong) == correction.times


@pytest.mark.parametrize("correction", CORRECTIONS, ids=lambda c: c.id)
def test_corrected_article_no_longer_has_the_wrong_form(correction):
    assert correction.wrong not in corrected_source()
    assert correction.right in corrected_source()


def test_corrections_are_data_with_reasons_in_every_language():
    for correction in CORRECTIONS:
        for lang in LANGUAGES:
            assert correction.reason[lang].strip(), (correction.id, lang)


def test_the_three_yantai_for_yanda_corrections_are_marked_probable():
    probable = {c.wrong for c in CORRECTIONS if not c.certain}
    assert probable == {"烟台大客滚", "烟台一家亲", "烟台携手"}


def test_headline_is_moved_out_of_the_sentence_it_was_pasted_into():
    text = corrected_source()
    assert text.startswith(HEADLINE)
    assert occurs_in_source("在经略海洋上强强联合，深化两市在产业、港口、生态等方面合作")
    assert not occurs_in_source("在经略海跨越山海牵手")
    assert normalise(text).count(normalise(SUBHEADLINE)) == 1


def test_a_changed_byte_of_the_article_stops_loading_by_name(tmp_path):
    data = DataCopy(tmp_path)
    article = data.sources / SOURCE.path.name
    article.write_text(load_source().replace("宁和", "宁合"), "utf-8")
    with pytest.raises(DataError) as error:
        load(data.dir)
    assert f"sources/{SOURCE.path.name}: its SHA-256 is" in str(error.value)
    assert "sources/source.yml, sha256" in str(error.value)


def test_a_correction_that_no_longer_matches_the_article_is_reported_by_name(tmp_path):
    data = DataCopy(tmp_path)
    article = data.sources / SOURCE.path.name
    changed = load_source().replace("宁和", "宁合").encode("utf-8")
    article.write_bytes(changed)
    description = data.sources / "source.yml"
    description.write_text(
        description.read_text("utf-8").replace(SOURCE.info.sha256, hashlib.sha256(changed).hexdigest()), "utf-8"
    )
    with pytest.raises(DataError) as error:
        load(data.dir)
    (problem,) = error.value.problems
    assert (problem.file, problem.field) == ("data/corrections.yml", "wrong")
    assert "'ning-he'" in problem.entry and "found 0" in problem.message


# -----------------------------------------------------------------------------
# occurs_in_source()
# -----------------------------------------------------------------------------


def test_a_sentence_of_the_article_is_found():
    assert occurs_in_source("两市仅有59海里（109公里）的一峡之隔，比多数同省份城市距离还要近")


def test_a_sentence_written_with_the_articles_ascii_punctuation_is_found_too():
    assert occurs_in_source("两市仅有59海里(109公里)的一峡之隔,比多数同省份城市距离还要近")


def test_a_sentence_with_one_changed_character_is_not_found():
    assert not occurs_in_source("两市仅有58海里（109公里）的一峡之隔")
    assert not occurs_in_source("大连市委副书记、市长陈少旺")


def test_an_added_character_is_not_found():
    assert not occurs_in_source("2月17日，大连市和烟台市“双城联动”交流合作会议在大连隆重成功举行")


def test_a_rejoined_layout_split_is_found():
    assert occurs_in_source("海事部门共同推动海上数智化“高速公路”建设")
    assert occurs_in_source("而山东在加工业、制造业和外贸出口等方面发展较为突出")


# Layout splits differ only in whitespace, which the comparison ignores anyway.
_CHANGES_TEXT = [c for c in CORRECTIONS if normalise(c.wrong) != normalise(c.right)]


@pytest.mark.parametrize("correction", _CHANGES_TEXT, ids=lambda c: c.id)
def test_the_wrong_form_of_a_correction_is_not_accepted(correction):
    right_at = corrected_source().index(correction.right)
    context = corrected_source()[max(0, right_at - 4) : right_at + len(correction.right) + 4]
    assert occurs_in_source(context)
    misprinted = context.replace(correction.right, correction.wrong)
    assert not occurs_in_source(misprinted), misprinted


def test_the_corrected_dash_may_be_written_as_any_dash():
    assert occurs_in_source("打造烟台—大连海洋经济协调发展试验区")
    assert occurs_in_source("打造烟台——大连海洋经济协调发展试验区")
    assert occurs_in_source("推动烟台-大连双城联动")
    assert not occurs_in_source("打造烟台一大连海洋经济协调发展试验区")


def test_an_empty_excerpt_quotes_nothing():
    assert not occurs_in_source("")
    assert not occurs_in_source(" \n")


def test_a_mismatch_is_explained_where_it_starts():
    message = where_it_differs("两市仅有58海里")
    assert "两市仅有5" in message and "8海里" in message


# -----------------------------------------------------------------------------
# The sources page shows every correction, in both languages
# -----------------------------------------------------------------------------


def _sources_page_text(built_site, lang: str) -> str:
    article = built_site.soup("sources", lang).select_one("article.md-content__inner")
    assert article is not None, f"sources page ({lang}) has no main content"
    return normalise(article.get_text())


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("correction", CORRECTIONS, ids=lambda c: c.id)
def test_every_correction_is_listed_on_the_sources_page(built_site, correction, lang):
    text = _sources_page_text(built_site, lang)
    for form in (correction.printed, correction.corrected):
        assert normalise(form) in text, (
            f"/{'en/' if lang == 'en' else ''}sources/ does not show {form!r} of correction {correction.id!r}"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sources_page_shows_both_names_of_the_framework_agreement(built_site, lang):
    text = _sources_page_text(built_site, lang)
    for name in FRAMEWORK_AGREEMENT_NAMES:
        assert normalise(name) in text, f"sources page ({lang}) lacks {name}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sources_page_gives_headline_subheadline_and_byline(built_site, lang):
    text = _sources_page_text(built_site, lang)
    for part in (HEADLINE, SUBHEADLINE, BYLINE):
        assert normalise(part) in text, f"sources page ({lang}) lacks {part}"


@pytest.mark.parametrize(
    ("lang", "phrases"),
    [
        ("zh", ["2025年2月17日", "胶东在线", "2025年4月20日", "推断"]),
        ("en", ["17 February 2025", "Jiaodong Online", "20 April 2025", "inference"]),
    ],
)
def test_sources_page_says_how_the_year_was_established_and_names_the_outside_source(built_site, lang, phrases):
    article = built_site.soup("sources", lang).select_one("article.md-content__inner").get_text()
    missing = [p for p in phrases if p not in article]
    assert not missing, f"sources page ({lang}) lacks {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sources_page_has_the_open_data_section_and_how_to_report_an_error(built_site, lang):
    soup = built_site.soup("sources", lang)
    ids = {h["id"] for h in soup.select("article.md-content__inner h2[id]")}
    assert {"article", "date", "corrections", "claims", "open-data", "report-an-error"} <= ids


def test_sources_page_headings_have_the_same_ids_in_both_languages(built_site):
    zh, en = (
        [h.get("id") for h in built_site.soup("sources", lang).select("article.md-content__inner h2")]
        for lang in ("zh", "en")
    )
    assert zh == en
    assert all(i and re.fullmatch(r"[a-z0-9-]+", i) for i in zh), zh
