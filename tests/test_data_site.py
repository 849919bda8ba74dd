"""The data pages of the built site: every agreement, event, statement and term in both
languages, links between them that resolve, and the open-data files at the site root."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urljoin, urlsplit

import pytest

from support.data import load
from support.site import LANGUAGES, ROOT, SITE_LANGUAGES, SOURCE_LANGUAGE, catalogues
from twincity.data.kinds import KINDS
from twincity.publish.open_data import csv_columns

DATA = load(ROOT / "data")
JSON_DATASETS = [kind.name for kind in KINDS if "json" in kind.formats]
CSV_DATASETS = [kind.name for kind in KINDS if "csv" in kind.formats]
GEOJSON_DATASETS = [kind.name for kind in KINDS if "geojson" in kind.formats]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_agreements_page_shows_all_sixteen_agreements(built_site, lang):
    soup = built_site.soup("agreements", lang)
    assert len(DATA.agreements) == 16
    for agreement in DATA.agreements:
        heading = soup.find(id=agreement.id)
        assert heading is not None and heading.name in {"h2", "h3", "h4", "h5"}, agreement.id
        assert agreement.title[lang] in heading.get_text()
    assert len(soup.select(".twincity-agreement")) == 16


@pytest.mark.parametrize("lang", LANGUAGES)
def test_agreements_page_total_is_derived_from_data(built_site, lang):
    text = built_site.soup("agreements", lang).select_one(".twincity-agreement-total").get_text()
    specific = sum(a.group != "framework" for a in DATA.agreements)
    assert str(len(DATA.agreements)) in text and str(specific) in text
    # The sentence as written in Chinese and in English editions (by their catalogue's locale).
    expected = {
        "zh": "共16个协议：1个合作框架协议和15个专项合作协议",
        "en": (
            "16 agreements in all: one framework agreement and 15 specific agreements (six sector agreements, "
            "four district and county agreements, and five involving industrial parks"
        ),
    }.get(catalogues()[lang]["language.og_locale"].split("_")[0], text)
    assert text.startswith(expected)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_page_shows_every_event_in_order(built_site, lang):
    soup = built_site.soup("timeline", lang)
    shown = [li["id"] for li in soup.select("ol.twincity-timeline > li")]
    assert shown == [event.id for event in DATA.timeline]
    assert shown[0] == "dengzhou-prefecture"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quotes_page_shows_every_statement(built_site, lang):
    soup = built_site.soup("quotes", lang)
    speakers = list(dict.fromkeys(q.speaker for q in DATA.quotes))  # in order of their first statement
    expected = [q.id for speaker in speakers for q in DATA.quotes if q.speaker == speaker]
    assert [div["id"] for div in soup.select("div.twincity-quote")] == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_page_shows_every_person_and_term(built_site, lang):
    soup = built_site.soup("glossary", lang)
    ids = {dt.get("id") for dt in soup.select("dl.twincity-glossary dt")}
    assert ids == {p.id for p in DATA.people} | {t.id for t in DATA.glossary}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_citations_are_marked_in_the_language_of_the_source(built_site, lang):
    for slug in ("agreements", "timeline", "quotes"):
        citations = built_site.soup(slug, lang).select("details.twincity-citation")
        assert citations
        label = catalogues()[lang]["citation"]
        assert all(c.blockquote["lang"] == SOURCE_LANGUAGE and c.summary.get_text() == label for c in citations)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", ["agreements", "timeline", "quotes", "sources"])
def test_links_in_generated_blocks_reach_their_target(built_site, slug, lang):
    soup = built_site.soup(slug, lang)
    page_url = built_site.page_url(slug, lang)
    links = soup.select(".twincity-related a, .twincity-agreement a, .twincity-open-data a")
    assert links or slug == "quotes"
    for link in links:
        target = urlsplit(urljoin(page_url, link["href"]))
        assert target.netloc == urlsplit(built_site.url).netloc, link["href"]
        path = built_site.dir / target.path.lstrip("/")
        path = path / "index.html" if target.path.endswith("/") else path
        assert path.is_file(), link["href"]
        if target.fragment:
            assert f'id="{target.fragment}"' in path.read_text("utf-8"), link["href"]


# -----------------------------------------------------------------------------
# Open data
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", JSON_DATASETS)
def test_open_data_json_matches_the_data(built_site, name):
    document = json.loads((built_site.dir / "data" / f"{name}.json").read_text("utf-8"))
    entries = DATA.entries(name)
    assert document["dataset"] == name and document["count"] == len(entries)
    assert document["items"] == [e.model_dump(mode="json", by_alias=True) for e in entries]
    assert all(set(text) == set(LANGUAGES) for text in document["fields"].values())


@pytest.mark.parametrize("name", CSV_DATASETS)
def test_open_data_csv_parses_and_matches_the_data(built_site, name):
    raw = (built_site.dir / "data" / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == [column.name for column in csv_columns(name, catalogues())]
    assert [row["id"] for row in rows] == [e.id for e in DATA.entries(name)]
    first = DATA.entries(name)[0]
    assert all(rows[0][f"title_{lang}"] == first.title[lang] for lang in LANGUAGES)


def test_open_data_is_written_once_at_the_site_root(built_site):
    assert sorted(p.name for p in (built_site.dir / "data").iterdir()) == sorted(
        [f"{n}.json" for n in JSON_DATASETS]
        + [f"{n}.csv" for n in CSV_DATASETS]
        + [f"{n}.geojson" for n in GEOJSON_DATASETS]
    )
    assert GEOJSON_DATASETS == ["places"]
    assert not [lang for lang in LANGUAGES[1:] if (built_site.dir / SITE_LANGUAGES[lang].root / "data").exists()]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sources_page_documents_every_open_data_file_and_field(built_site, lang):
    soup = built_site.soup("sources", lang)
    page_url = built_site.page_url("sources", lang)
    files = {urljoin(page_url, a["href"]) for a in soup.select(".twincity-open-data a")}
    expected = (
        [f"data/{n}.json" for n in JSON_DATASETS]
        + [f"data/{n}.csv" for n in CSV_DATASETS]
        + [f"data/{n}.geojson" for n in GEOJSON_DATASETS]
    )
    assert files == {built_site.url + path for path in expected}
    fields = soup.find(id="open-data-agreements-json")
    assert [code.get_text() for code in fields.select("dt code")][:3] == ["id", "group", "title"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", ["agreements", "timeline", "quotes", "glossary", "sources"])
def test_every_anchor_on_a_data_page_is_unique(built_site, slug, lang):
    ids = [element["id"] for element in built_site.soup(slug, lang).select("article [id]")]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
