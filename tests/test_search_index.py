"""Search per language: each language root has its own index, holding only its pages.

The split itself is tested on small made-up indexes; the built site's two indexes are
checked against the pages actually built.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from support.site import LANGUAGES, ROOT, catalogues, locale_languages, page_slugs, page_titles, site_languages
from twincity.config.catalogue import load_catalogues
from twincity.errors import ConfigError
from twincity.publish.search_index import split_search_index

SITE_LANGUAGES = site_languages()
ZH, EN = SITE_LANGUAGES["zh"], SITE_LANGUAGES["en"]
PREFIX = {lang: SITE_LANGUAGES[lang].root for lang in LANGUAGES}
SEPARATOR = r"[\s\u200b\u3000\-、。，．？！；]+"


def _merged_index(*locations: str) -> dict:
    config = {
        "lang": ["en", "zh"],
        "separator": SEPARATOR,
        "pipeline": ["stemmer"],
        "fields": {"title": {"boost": 1000.0}},
    }
    return {"config": config, "docs": [{"location": loc, "title": loc or "home", "text": ""} for loc in locations]}


# -----------------------------------------------------------------------------
# The split
# -----------------------------------------------------------------------------


def test_each_page_goes_to_the_index_of_its_language():
    indexes = split_search_index(_merged_index("", "history/", "en/", "en/history/#geography"), SITE_LANGUAGES)
    assert [d["title"] for d in indexes["zh"]["docs"]] == ["home", "history/"]
    assert [d["title"] for d in indexes["en"]["docs"]] == ["en/", "en/history/#geography"]


def test_english_locations_are_relative_to_the_english_root():
    indexes = split_search_index(_merged_index("en/", "en/history/#geography"), SITE_LANGUAGES)
    assert [d["location"] for d in indexes["en"]["docs"]] == ["", "history/#geography"]


def test_a_chinese_page_whose_path_merely_starts_with_en_stays_chinese():
    indexes = split_search_index(_merged_index("english-notes/", "en/x/"), SITE_LANGUAGES)
    assert [d["location"] for d in indexes["zh"]["docs"]] == ["english-notes/"]
    assert [d["location"] for d in indexes["en"]["docs"]] == ["x/"]


def test_no_document_is_lost_or_doubled_by_the_split():
    merged = _merged_index("", "a/", "a/#b", "en/", "en/a/", "en/a/#b", "en/c/")
    indexes = split_search_index(merged, SITE_LANGUAGES)
    back = [PREFIX[lang] + d["location"] for lang in ("zh", "en") for d in indexes[lang]["docs"]]
    assert sorted(back) == sorted(d["location"] for d in merged["docs"])


def test_each_index_has_the_search_settings_of_its_language():
    indexes = split_search_index(_merged_index(""), SITE_LANGUAGES)
    assert indexes["zh"]["config"]["lang"] == ["zh"]
    assert indexes["en"]["config"]["lang"] == ["en"]
    # A stemmed English index misses exact words: Material queries "agreements*",
    # which lunr does not stem, while the index holds "agreement".
    assert "stemmer" not in indexes["en"]["config"]["pipeline"]
    # lunr's trimmer strips every non-ASCII character: Chinese words would vanish.
    assert "trimmer" not in indexes["zh"]["config"]["pipeline"]
    for index in indexes.values():
        assert index["config"]["separator"] == SEPARATOR
    assert indexes["zh"]["config"]["fields"] == {"title": {"boost": 1000.0}}
    # English sections get a field of word forms, weighted below the text.
    assert indexes["en"]["config"]["fields"] == {"title": {"boost": 1000.0}, "forms": {"boost": 0.5}}


def test_english_sections_hold_the_other_forms_of_their_words():
    merged = {
        "config": _merged_index()["config"],
        "docs": [
            {"location": "en/", "title": "Cities", "text": "Two ferries signed in Yantai."},
            {"location": "en/a/", "title": "A", "text": "The city and the ferry of Yantai sign."},
            {"location": "x/", "title": "城市", "text": "渡轮"},
        ],
    }
    indexes = split_search_index(merged, SITE_LANGUAGES)
    first, second = (set(d["forms"].split()) for d in indexes["en"]["docs"])
    assert {"city", "ferry", "sign", "signing", "signs"} <= first
    assert {"cities", "ferries", "signed"} <= second
    assert not {"ferries", "signed", "yantais", "yantai", "the", "and"} & first  # words it holds, names, stop words
    assert "forms" not in indexes["zh"]["docs"][0]


def test_a_language_without_search_settings_stops_the_build(tmp_path):
    # A language's search settings are in its catalogue, which must hold every key.
    folder = ROOT / "hooks" / "twincity" / "locales"
    for code in ("zh", "en"):
        (tmp_path / f"{code}.yml").write_text((folder / f"{code}.yml").read_text("utf-8"), "utf-8")
    french = yaml.safe_load((folder / "en.yml").read_text("utf-8"))
    del french["search"]
    french["language"]["names"]["fr"] = "Français"
    (tmp_path / "fr.yml").write_text(yaml.safe_dump(french, allow_unicode=True), "utf-8")
    with pytest.raises(ConfigError, match=r"fr: .*lacks .*search\.pipeline"):
        load_catalogues(("zh", "en", "fr"), tmp_path)


def test_an_index_of_an_unknown_shape_stops_the_build():
    with pytest.raises(ConfigError, match="unexpected keys"):
        split_search_index(dict(_merged_index(""), extra=[]), SITE_LANGUAGES)


# -----------------------------------------------------------------------------
# The base URL each page loads its index from
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page_url", "base_url", "root"),
    [
        ("", ".", "/"),
        ("history/", "..", "/"),
        ("en/", "..", "/en/"),
        ("en/agreements/", "../..", "/en/"),
        ("english-notes/", "..", "/"),
    ],
)
def test_a_page_loads_search_from_its_own_language_root(page_url, base_url, root):
    page = "http://example.org/" + page_url
    base = SITE_LANGUAGES.page_base_url(base_url, page_url)
    assert urljoin(page, base).removeprefix("http://example.org") in (root, root.rstrip("/"))
    # Material resolves "search/search_index.json" against the base it is given.
    assert (
        urljoin(urljoin(page, base), "search/search_index.json") == f"http://example.org{root}search/search_index.json"
    )


def test_language_of_a_url_follows_its_prefix():
    assert SITE_LANGUAGES.of_url("en/history/") is EN
    assert SITE_LANGUAGES.of_url("history/") is ZH
    assert SITE_LANGUAGES.of_url("") is ZH


# -----------------------------------------------------------------------------
# The built site
# -----------------------------------------------------------------------------


def _index(built_site, lang: str) -> dict:
    return json.loads((built_site.dir / PREFIX[lang] / "search" / "search_index.json").read_text("utf-8"))


def _page_file(built_site, lang: str, location: str) -> Path:
    path = location.split("#")[0]
    return built_site.dir / PREFIX[lang] / path / "index.html"


def _expected_sections(html: str) -> int:
    """How many search sections Material's parser makes of a page: one per heading
    with an id (the h1 is the page itself), plus a leading one if it does not start
    with the h1."""
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    headings = [h for h in article.find_all(re.compile(r"^h[1-6]$")) if h.get("id") or h.name == "h1"]
    return len(headings) + (1 if headings and headings[0].name != "h1" else 0)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_indexed_location_is_a_built_page_of_the_indexs_language(built_site, lang):
    docs = _index(built_site, lang)["docs"]
    assert docs
    for doc in docs:
        roots = tuple(root for root in PREFIX.values() if root)
        assert not doc["location"].startswith((*roots, "/", "http")), doc["location"]
        page = _page_file(built_site, lang, doc["location"])
        assert page.is_file(), doc["location"]
        if "#" in doc["location"]:
            anchor = doc["location"].split("#", 1)[1]
            assert f'id="{anchor}"' in page.read_text("utf-8"), doc["location"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_searchable_in_its_own_language(built_site, lang):
    pages = {d["location"].split("#")[0] for d in _index(built_site, lang)["docs"]}
    assert pages == {f"{slug}/" if slug else "" for slug in page_slugs()}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_section_of_every_page_is_indexed_once(built_site, lang):
    counts = Counter(d["location"].split("#")[0] for d in _index(built_site, lang)["docs"])
    for slug in page_slugs():
        location = f"{slug}/" if slug else ""
        html = _page_file(built_site, lang, location).read_text("utf-8")
        assert counts[location] == _expected_sections(html), f"{lang} {location or 'home'}"
    locations = [d["location"] for d in _index(built_site, lang)["docs"]]
    assert len(locations) == len(set(locations))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_index_holds_its_languages_pages(built_site, lang):
    """Every page in a language's index is that language's page: its title is the page's
    title in that language (Chinese titles hold the word breaks of segmentation)."""
    pages = {d["location"]: d["title"].replace("\u200b", "") for d in _index(built_site, lang)["docs"]}
    titles = page_titles()
    assert {slug: pages[f"{slug}/"] for slug in titles if slug} == {slug: t[lang] for slug, t in titles.items() if slug}


@pytest.mark.parametrize("lang", locale_languages("zh"))
def test_chinese_text_is_split_into_words_the_separator_keeps(built_site, lang):
    index = _index(built_site, lang)
    separator = re.compile(index["config"]["separator"])
    assert separator.fullmatch("\u200b")
    agreements = next(d for d in index["docs"] if d["location"] == "agreements/")
    words = [w for w in separator.split(agreements["text"]) if w]
    assert "协议" in words and "大连" in words


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if catalogues()[lang]["search.word_forms"]])
def test_built_english_sections_find_a_word_in_its_other_forms(built_site, lang):
    """A section that writes only "cities" is found by "city", and one that writes only
    "ferry" by "ferries" (Material's query "ferries*" matches the start of a word): in the
    languages whose catalogue asks for English word forms (`search.word_forms`)."""
    docs = _index(built_site, lang)["docs"]

    def words(doc):
        return set(re.findall(r"[a-z]+", f"{doc['title']} {doc['text']}".lower()))

    only_cities = [d for d in docs if "cities" in words(d) and "city" not in words(d)]
    only_ferry = [d for d in docs if "ferry" in words(d) and "ferries" not in words(d)]
    assert only_cities and only_ferry
    assert all("city" in d["forms"].split() for d in only_cities)
    assert all("ferries" in d["forms"].split() for d in only_ferry)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_built_index_has_its_languages_settings(built_site, lang):
    config = _index(built_site, lang)["config"]
    assert config["lang"] == [lang]
    assert "trimmer" not in config["pipeline"]
    if catalogues()[lang]["search.word_forms"]:  # word forms stand in for stemming, which wildcards defeat
        assert "stemmer" not in config["pipeline"]
