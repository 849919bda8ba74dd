"""A language is configuration: a third language, added the README's way, builds a
whole edition; a language added to mkdocs.yml alone, or any other configuration
mistake, stops the build with a message that lists what is missing and no traceback."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from support.site import LANGUAGES, SITE_LANGUAGES, SOURCE_LANGUAGE, copy_project, page_slugs, run_build
from support.third_language import ALL, CODE, PLACEHOLDER, add_language_to_config
from twincity.data.kinds import KINDS
from twincity.pages.rendering import factsheet_pdf_name
from twincity.publish import pdf

# Each language's URL root in the copy: the site's, and the added language's under its code.
ROOTS = {**{code: language.root for code, language in SITE_LANGUAGES.items()}, CODE: f"{CODE}/"}


@pytest.fixture(scope="module")
def third(third_language_site):
    return third_language_site


def _soup(site, code: str, slug: str) -> BeautifulSoup:
    root = site.dir / ROOTS[code]
    return BeautifulSoup(((root / slug) if slug else root).joinpath("index.html").read_text("utf-8"), "html.parser")


# -----------------------------------------------------------------------------
# A third language, added the README's way
# -----------------------------------------------------------------------------


def test_the_third_language_builds_without_a_warning(third):
    assert third.warnings == []


@pytest.mark.parametrize("slug", page_slugs())
def test_every_page_is_under_its_root_in_its_language(third, slug):
    soup = _soup(third, CODE, slug)
    assert soup.html["lang"] == CODE
    # Its own texts: the placeholder catalogue and data, not another language's.
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith(PLACEHOLDER)


@pytest.mark.parametrize("slug", page_slugs())
def test_hreflang_alternates_link_all_three_languages(third, slug):
    for code in ALL:
        links = {
            link["hreflang"]: link["href"] for link in _soup(third, code, slug).head.find_all("link", hreflang=True)
        }
        path = f"{slug}/" if slug else ""
        assert links == {
            **{other: third.url + ROOTS[other] + path for other in ALL},
            "x-default": third.url + ROOTS[LANGUAGES[0]] + path,
        }


def test_generated_blocks_use_the_third_languages_catalogue_and_data(third):
    soup = _soup(third, CODE, "agreements")
    total = soup.select_one(".twincity-agreement-total").get_text()
    assert total.startswith(PLACEHOLDER)
    titles = [h.get_text(" ", strip=True) for h in soup.select(".twincity-agreement__title")]
    assert titles and all(t.startswith(PLACEHOLDER) for t in titles)
    # Links between generated blocks stay in the language.
    hrefs = [a["href"] for a in soup.select(".twincity-related a")]
    roots = [f"/{ROOTS[other]}" for other in ALL if other != CODE and ROOTS[other]]
    assert hrefs and all(not h.startswith(("/", "http")) and not any(r in h for r in roots) for h in hrefs)
    # Quotations: the third language's translation beside the source's original.
    quotes = _soup(third, CODE, "quotes")
    assert quotes.select_one(".twincity-quote__original [lang]")["lang"] == SOURCE_LANGUAGE


def test_the_language_switch_offers_every_language_on_the_same_page(third):
    switch = _soup(third, CODE, "timeline").select("a.md-select__link[hreflang]")
    assert {a["hreflang"]: a["href"] for a in switch} == {
        other: "./" if other == CODE else f"../../{ROOTS[other]}timeline/" for other in ALL
    }


def test_each_language_has_its_own_search_index(third):
    indexes = {
        code: json.loads((third.dir / ROOTS[code]).joinpath("search", "search_index.json").read_text("utf-8"))
        for code in ALL
    }
    for code, index in indexes.items():
        assert index["config"]["lang"] == [code]
        assert index["docs"], code
    # The third language's index holds its pages only, located from its own root.
    docs = indexes[CODE]["docs"]
    assert {d["location"].split("#")[0] for d in docs} == {f"{s}/" if s else "" for s in page_slugs()}
    assert any(PLACEHOLDER.strip() in d["text"] for d in docs if d["location"].startswith("agreements/"))
    for code in LANGUAGES:  # the other languages' indexes hold their own pages, not the third language's
        assert {d["location"].split("#")[0] for d in indexes[code]["docs"]} == {
            f"{s}/" if s else "" for s in page_slugs()
        }


def test_the_404_page_knows_the_third_language(third):
    soup = BeautifulSoup((third.dir / "404.html").read_text("utf-8"), "html.parser")
    homes = json.loads(soup.select_one("[data-twincity-not-found]")["data-twincity-homes"])
    assert homes == {code: f"/{ROOTS[code]}" for code in ALL}
    section = soup.select_one(f'div[data-twincity-lang="{CODE}"]')
    assert section["lang"] == CODE and section.get_text().strip().startswith(PLACEHOLDER)
    assert len(soup.find_all("h1")) == 1


def test_open_data_stays_one_set_at_the_site_root_with_every_language(third):
    assert not (third.dir / CODE / "data").exists()
    published = sorted(p.name for p in (third.dir / "data").iterdir())
    assert published == sorted(f"{kind.name}.{fmt}" for kind in KINDS for fmt in kind.formats)
    agreements = json.loads((third.dir / "data" / "agreements.json").read_text("utf-8"))
    assert set(agreements["title"]) == set(ALL)
    assert all(set(item["title"]) == set(ALL) for item in agreements["items"])
    rows = list(csv.reader(io.StringIO((third.dir / "data" / "timeline.csv").read_text("utf-8-sig"))))
    assert [f"title_{code}" for code in ALL] == [c for c in rows[0] if c.startswith("title_")]
    assert [f"date_{code}" for code in ALL] == [c for c in rows[0] if re.fullmatch(r"date_[a-z]{2}", c)]


def test_the_pictures_and_the_fact_sheet_are_in_the_third_language(third):
    soup = _soup(third, CODE, "factsheet")
    assert soup.select_one("#twincity-schematic__title").get_text().startswith(PLACEHOLDER)
    assert soup.select_one("#twincity-glance__title").get_text().startswith(PLACEHOLDER)
    # The QR code leads to the language's own home page.
    assert soup.select_one(".twincity-qr figcaption a")["href"] == f"{third.url}{CODE}/"
    assert soup.select_one(".twincity-factsheet__pdf a[type='application/pdf']")["href"] == factsheet_pdf_name(CODE)
    # Its PDF is printed like the others where Chromium is at hand.
    if pdf.unavailable() is None:
        assert (third.dir / CODE / "factsheet" / factsheet_pdf_name(CODE)).stat().st_size > 10_000


# -----------------------------------------------------------------------------
# Configuration mistakes stop the build, saying what is missing
# -----------------------------------------------------------------------------


def _failed_build(project) -> str:
    result = run_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert "Traceback" not in output, output[-4000:]
    assert not (project / "site" / "index.html").exists()
    return output


def test_a_language_added_to_mkdocs_yml_alone_stops_the_build_listing_what_is_missing(tmp_path):
    project = copy_project(tmp_path / "project")
    add_language_to_config(project)
    output = _failed_build(project)
    # Its catalogue, its name in the other catalogues, a translation of every page, its data texts.
    assert f"{CODE}: no catalogue: write hooks/twincity/locales/{CODE}.yml" in output
    for code in LANGUAGES:
        assert f"language.names.{CODE}" in output.split(f"  {code}: ", 1)[1].split("\n", 1)[0]
    for slug in page_slugs():
        assert f"docs/{slug or 'index'}.{CODE}.md is missing" in output
    assert f"data/agreements.yml: entry 'framework-agreement' (#1): title.{CODE}: missing" in output
    assert "data/people.yml: entry " in output and f"name.{CODE}: missing" in output


def _edit_yaml(path, change):
    tree = yaml.safe_load(path.read_text("utf-8"))
    change(tree)
    path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), "utf-8")


def test_a_catalogue_missing_a_key_stops_the_build_naming_language_and_key(tmp_path):
    project = copy_project(tmp_path / "project")
    catalogue = project / "hooks" / "twincity" / "locales" / f"{LANGUAGES[1]}.yml"
    _edit_yaml(catalogue, lambda tree: (tree["language"].pop("og_locale"), tree["not_found"].pop("home")))
    output = _failed_build(project)
    lacking = "lacks 2 key(s): language.og_locale, not_found.home"
    assert f"  {LANGUAGES[1]}: hooks/twincity/locales/{LANGUAGES[1]}.yml {lacking}" in output


def test_a_data_field_without_a_description_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    catalogue = project / "hooks" / "twincity" / "locales" / f"{LANGUAGES[0]}.yml"
    _edit_yaml(catalogue, lambda tree: tree["fields"]["Agreement"].pop("citation"))
    output = _failed_build(project)
    assert "lacks 1 key(s): fields.Agreement.citation" in output


def _without_site_url(text: str) -> str:
    return re.sub(r"(?m)^site_url: .*$", "", text)


def _unknown_source_language(text: str) -> str:
    return text.replace(f"source_language: {SOURCE_LANGUAGE}", "source_language: xx")


def _no_footer_of_its_own(text: str) -> str:
    return re.sub(r"(?m)^          copyright: .*\n", "", text)


@pytest.mark.parametrize(
    ("mistake", "message"),
    [
        (_without_site_url, "mkdocs.yml: site_url must be set"),
        (_unknown_source_language, "extra.twincity.source_language must name the language the source is written in"),
        (
            _no_footer_of_its_own,
            f"i18n language '{LANGUAGES[1]}' needs its own copyright (else its pages show the default language's)",
        ),
    ],
    ids=["no site_url", "unknown source language", "a language without its own footer"],
)
def test_a_mistake_in_mkdocs_yml_stops_the_build_saying_what_is_wrong(tmp_path, mistake, message):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(mistake(config.read_text("utf-8")), "utf-8")
    assert message in _failed_build(project)


def test_a_page_in_a_language_the_site_does_not_have_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "history.fr.md").write_text("# Histoire\n", "utf-8")
    output = _failed_build(project)
    assert "docs/history.fr.md" in output and "a language the site does not have" in output
