"""Readers can follow and trust the site: a record of updates with an Atom feed per
language, a last-updated date from git on every page, a report-an-error link, an
accessibility statement, the licence of the site's own text and data, schema.org
descriptions in every page's language, and a citation of every page."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urljoin, urlsplit

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup

from support.data import DataCopy
from support.site import LANGUAGES, PAGE_IDS, PAGES, ROOT, copy_project, page_slugs, run_build, site_languages
from twincity.config import report
from twincity.data.loading import load_site_data
from twincity.errors import ConfigError, DataError
from twincity.head import last_updated
from twincity.pages.updates import TrustContext, newest_first
from twincity.publish.feeds import entry_id, feed_id, render_feed

DEFAULT, OTHER = LANGUAGES[0], LANGUAGES[1]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as written: an !ENV value is its list [VARIABLE, default]."""


_Loader.add_constructor(
    "!ENV",
    lambda loader, node: (
        loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    ),
)
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
LICENCE = CONFIG["extra"]["twincity"]["licence"]
UPDATES = yaml.safe_load((ROOT / "data" / "updates.yml").read_text("utf-8"))
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _root(site, lang: str) -> Path:
    return site.dir / site_languages()[lang].root


def _feed(site, lang: str):
    return feedparser.parse((_root(site, lang) / "feed.xml").read_bytes())


def _json_ld(soup: BeautifulSoup) -> dict:
    scripts = soup.head.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def _graph(soup: BeautifulSoup) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for node in _json_ld(soup)["@graph"]:
        found.setdefault(node["@type"], []).append(node)
    return found


def _trust_context(site_dir: Path = ROOT) -> TrustContext:
    config = SimpleNamespace(extra={"twincity": {"licence": LICENCE, "report": {}}})
    return TrustContext(report.trust_settings(config), site_dir / "docs", DEFAULT)


# -----------------------------------------------------------------------------
# 1. Updates: the page, the feeds
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_languages_feed_is_valid_atom_in_its_language(built_site, lang):
    feed = _feed(built_site, lang)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    assert feed.feed.id == feed_id(lang)
    language = site_languages()[lang]
    assert feed.feed.title == language.texts["updates.feed_title"].format(site_name=language.site_name)
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [built_site.url + site_languages()[lang].root + "feed.xml"]


def _newest_first(updates: list[dict]) -> list[dict]:
    """The order readers get: newest day first, one day's updates by id (whatever the file's order)."""
    return sorted(sorted(updates, key=lambda u: u["id"]), key=lambda u: u["date"], reverse=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feed_entries_are_the_updates_newest_first_linking_to_what_changed(built_site, lang):
    feed = _feed(built_site, lang)
    updates = _newest_first(UPDATES)
    assert [e.id for e in feed.entries] == [entry_id(u["id"], lang) for u in updates]
    assert [e.title for e in feed.entries] == [u["title"][lang] for u in updates]
    assert [e.updated[:10] for e in feed.entries] == [u["date"] for u in updates]
    updates_page = built_site.page_url("updates", lang)
    for entry, update in zip(feed.entries, updates):
        assert entry.link == f"{updates_page}#{update['id']}"
        related = [link.href for link in entry.links if link.rel == "related"]
        expected = []
        for address in update["concerns"]:
            slug, _, anchor = address.partition("#")
            expected.append(
                built_site.page_url("" if slug == "index" else slug, lang) + (f"#{anchor}" if anchor else "")
            )
        assert related == expected
        assert entry.summary == update["summary"][lang]


def test_the_first_update_records_the_first_publication_and_every_page_has_its_update(built_site):
    first = min(UPDATES, key=lambda u: u["date"])
    assert first["id"] == "first-publication"
    # Every page of the site arrived with the first publication or with a later update.
    concerned = {("" if a == "index" else a).split("#")[0] for u in UPDATES for a in u["concerns"]}
    assert concerned >= set(page_slugs())


def test_feed_ids_survive_a_reordering_of_the_data(tmp_path):
    data = DataCopy(tmp_path)
    for name in ("updates",):
        shutil.copy(ROOT / "data" / f"{name}.yml", data.dir / f"{name}.yml")
    languages = site_languages()
    before = load_site_data(data.dir, LANGUAGES, use_cache=False)
    data.write("updates", list(reversed(data.read("updates"))))
    after = load_site_data(data.dir, LANGUAGES, use_cache=False)
    assert [u.id for u in before.updates] != [u.id for u in after.updates]
    context = _trust_context()
    for language in languages:
        assert render_feed(language, languages, before, context) == render_feed(language, languages, after, context)
    # The id depends on the update's id and the language only: not on position or address.
    assert entry_id("first-publication", DEFAULT) == entry_id("first-publication", DEFAULT)
    assert len({entry_id(u["id"], lang) for u in UPDATES for lang in LANGUAGES}) == len(UPDATES) * len(LANGUAGES)


def test_moving_the_site_keeps_the_feed_ids(built_site):
    moved = site_languages("https://elsewhere.example/twin/")
    data = load_site_data(ROOT / "data", LANGUAGES, use_cache=False)
    for language in moved:
        text = render_feed(language, moved, data, _trust_context())
        ids = re.findall(r"<id>(urn:uuid:[0-9a-f-]+)</id>", text)
        assert ids == [feed_id(language.code)] + [entry_id(u.id, language.code) for u in newest_first(data.updates)]


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_every_page_announces_its_languages_feed(built_site, slug, lang):
    links = built_site.soup(slug, lang).head.find_all("link", rel="alternate", type="application/atom+xml")
    assert [link["href"] for link in links] == [built_site.url + site_languages()[lang].root + "feed.xml"]
    assert links[0]["title"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_updates_page_lists_every_update_newest_first(built_site, lang):
    soup = built_site.soup("updates", lang)
    ids = [h["id"] for h in soup.select("article h2[id]") if h["id"] in {u["id"] for u in UPDATES}]
    assert ids == [u["id"] for u in _newest_first(UPDATES)]
    days = [t["datetime"] for t in soup.select(".twincity-update__date time")]
    assert days == sorted(days, reverse=True)


def test_an_update_with_a_wrong_day_or_page_names_file_entry_and_field(tmp_path):
    data = DataCopy(tmp_path)
    data.edit("updates", "first-publication", date="2026-11")
    with pytest.raises(DataError) as raised:
        load_site_data(data.dir, LANGUAGES, use_cache=False)
    assert "data/updates.yml: entry 'first-publication' (#1): date: " in str(raised.value)
    assert "is not a day" in str(raised.value)
    from twincity.pages.updates import check_updates

    data.edit("updates", "first-publication", date="2026-11-28", concerns=["agreements", "no-such-page#x"])
    with pytest.raises(DataError) as raised:
        check_updates(load_site_data(data.dir, LANGUAGES, use_cache=False), ROOT / "docs")
    assert str(raised.value).endswith(
        "data/updates.yml: entry 'first-publication' (#1): concerns[1]: no page 'no-such-page' (docs/no-such-page.md)"
    )


# -----------------------------------------------------------------------------
# 2. Last updated, from git
# -----------------------------------------------------------------------------


def _git(repo: Path, *args: str, date: str | None = None) -> str:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.invalid",
    )
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True, text=True).stdout


def _repository(path: Path) -> Path:
    (path / "docs").mkdir(parents=True)
    (path / "data").mkdir()
    (path / "docs" / "page.md").write_text("# Page\n", "utf-8")
    (path / "data" / "shown.yml").write_text("[]\n", "utf-8")
    (path / "data" / "other.yml").write_text("[]\n", "utf-8")
    _git(path, "init", "-q")
    _git(path, "add", "-A")
    _git(path, "commit", "-qm", "first", date="2024-05-06T10:00:00+08:00")
    (path / "data" / "shown.yml").write_text("[] # edited\n", "utf-8")
    _git(path, "commit", "-qam", "data", date="2024-07-08T23:30:00+08:00")
    (path / "data" / "other.yml").write_text("[] # edited\n", "utf-8")
    _git(path, "commit", "-qam", "other", date="2024-09-10T09:00:00+08:00")
    return path


def test_last_updated_is_the_newest_commit_touching_the_page_or_its_data(tmp_path):
    repo = _repository(tmp_path / "repo")
    last_updated.forget()
    history = last_updated.history_of(repo)
    page, shown = Path("docs/page.md"), Path("data/shown.yml")
    assert history.last_updated((page,)).iso == "2024-05-06"
    # The day is the commit's own, in the time zone it was committed in (not UTC's 2024-07-08 15:30).
    assert history.last_updated((page, shown)).iso == "2024-07-08"
    (repo / "docs" / "new.md").write_text("# New\n", "utf-8")
    assert history.last_updated((Path("docs/new.md"),)) == last_updated.LastUpdated(None, "uncommitted")


def test_a_shallow_clone_or_an_export_gives_no_date_rather_than_a_wrong_one(tmp_path):
    repo = _repository(tmp_path / "repo")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    export = tmp_path / "export"
    shutil.copytree(repo, export, ignore=shutil.ignore_patterns(".git"))
    last_updated.forget()
    assert last_updated.history_of(shallow).last_updated((Path("docs/page.md"),)) == last_updated.LastUpdated(
        None, "shallow"
    )
    assert last_updated.history_of(export).last_updated((Path("docs/page.md"),)) == last_updated.LastUpdated(
        None, "no-git"
    )


@pytest.fixture(scope="module")
def dated_build(tmp_path_factory):
    """The project in a git repository of its own: everything committed on one day, then
    data/quotes.yml changed on a later day."""
    project = copy_project(tmp_path_factory.mktemp("dated") / "project")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "all", date="2024-05-06T12:00:00+08:00")
    quotes = project / "data" / "quotes.yml"
    quotes.write_text(quotes.read_text("utf-8") + "\n# edited\n", "utf-8")
    _git(project, "commit", "-qam", "quotes", date="2024-07-08T12:00:00+08:00")
    last_updated.forget()
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return project


def _shown_date(site_dir: Path, slug: str, lang: str) -> str | None:
    root = site_dir / site_languages()[lang].root
    soup = BeautifulSoup(
        (root / slug / "index.html" if slug else root / "index.html").read_text("utf-8"), "html.parser"
    )
    shown = soup.select_one(".twincity-page-info [data-twincity-updated]")
    return shown.get("datetime") if shown.name == "time" else None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_date_shown_is_that_of_the_page_or_the_data_it_shows(dated_build, lang):
    site = dated_build / "site"
    # quotes.yml is shown on the quotes page, in the agreements' links, and in the quotations on history and outlook.
    for slug in ("quotes", "agreements", "history", "outlook", "sources"):
        assert _shown_date(site, slug, lang) == "2024-07-08", slug
    for slug in ("", "timeline", "cooperation", "glossary", "updates", "accessibility"):
        assert _shown_date(site, slug, lang) == "2024-05-06", slug
    soup = BeautifulSoup(
        (site / site_languages()[lang].root / "quotes" / "index.html").read_text("utf-8"), "html.parser"
    )
    shown = soup.select_one(".twincity-page-info time").get_text()
    texts = site_languages()[lang].texts  # the day in the language's own date pattern
    assert shown == texts["dates.day"].format(year=2024, month=7, day=8, month_name=texts["dates.month_names"][6])
    assert _graph(soup)["WebPage"][0]["dateModified"] == "2024-07-08"


@pytest.fixture(scope="module")
def exported_build(tmp_path_factory):
    """The project without git (an export), built where the repository's address is known."""
    project = copy_project(tmp_path_factory.mktemp("export") / "project")
    env_before = os.environ.get("REPO_URL")
    os.environ["REPO_URL"] = "https://example.invalid/owner/site"
    try:
        result = run_build(project, "--strict")
    finally:
        if env_before is None:
            os.environ.pop("REPO_URL", None)
        else:
            os.environ["REPO_URL"] = env_before
    assert result.returncode == 0, result.stderr[-3000:]
    return project, result.stdout + result.stderr


def test_a_build_without_git_works_and_says_the_dates_are_unknown(exported_build):
    project, output = exported_build
    assert "last-updated dates are not shown" in output and "not in a git repository" in output
    for slug in page_slugs():
        for lang in LANGUAGES:
            assert _shown_date(project / "site", slug, lang) is None
    soup = BeautifulSoup((project / "site" / "index.html").read_text("utf-8"), "html.parser")
    assert (
        soup.select_one('[data-twincity-updated="unknown"]').get_text()
        == site_languages()[DEFAULT].texts["page_info.updated_unknown"]
    )
    assert "dateModified" not in _graph(soup)["WebPage"][0]


def test_the_built_site_shows_its_own_git_dates(built_site):
    shallow = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"], capture_output=True, text=True
    ).stdout.strip()
    for slug, lang in PAGES:
        shown = _shown_date(built_site.dir, slug, lang)
        assert (shown is None) if shallow == "true" else DATE.fullmatch(shown or ""), (slug, lang)


# -----------------------------------------------------------------------------
# 3. Report an error
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_report_links_open_an_issue_with_the_pages_title_and_address(exported_build, lang):
    project, _ = exported_build
    for slug in page_slugs():
        root = project / "site" / site_languages()[lang].root
        soup = BeautifulSoup(((root / slug) if slug else root).joinpath("index.html").read_text("utf-8"), "html.parser")
        [link] = soup.select("a[data-twincity-report]")
        assert link["data-twincity-report"] == "issues"
        parts = urlsplit(link["href"])
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://example.invalid/owner/site/issues/new"
        query = parse_qs(parts.query)
        canonical = soup.head.find("link", rel="canonical")["href"]
        title = soup.find("meta", property="og:title")["content"]
        assert canonical in query["body"][0] and title in query["body"][0]
        assert title in query["title"][0]


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_without_a_report_address_the_link_leads_to_how_to_report_and_invents_none(built_site, slug, lang):
    [link] = built_site.soup(slug, lang).select("a[data-twincity-report]")
    assert link["data-twincity-report"] == "none"
    assert "://" not in link["href"]
    assert (
        urljoin(built_site.page_url(slug, lang), link["href"])
        == built_site.page_url("sources", lang) + "#report-an-error"
    )
    assert "github.com" not in str(built_site.soup(slug, lang))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_how_to_report_says_what_the_report_links_of_the_build_do(built_site, exported_build, lang):
    """The sources page's section on reporting errors follows the setting the footers follow:
    it promises a link that opens an issue only in a build whose footers have one."""
    texts = site_languages()[lang].texts
    label = texts["page_info.report"]
    project, _ = exported_build
    root = project / "site" / site_languages()[lang].root
    exported = BeautifulSoup((root / "sources" / "index.html").read_text("utf-8"), "html.parser")
    for soup in (built_site.soup("sources", lang), exported):
        [link] = soup.select("a[data-twincity-report]")
        kind = link["data-twincity-report"]
        [how] = soup.select("#report-an-error ~ [data-twincity-report-how]")
        assert how["data-twincity-report-how"] == kind
        assert how.get_text() == texts[f"report.how.{kind}"].format(link=label)
        assert (label in how.get_text()) == (kind != "none"), kind


def test_report_address_reads_repository_or_email_and_refuses_nonsense():
    texts = site_languages()[OTHER].texts
    email = report.ReportAddress("", "errors@example.invalid").link("Timeline", "https://x.example/en/timeline/", texts)
    assert (
        email.startswith("mailto:errors@example.invalid?subject=")
        and "https%3A%2F%2Fx.example%2Fen%2Ftimeline%2F" in email
    )
    assert report.ReportAddress("", "").link("T", "u", texts) is None
    for address, message in (
        ({"repository": "git@github.com:o/r"}, "https address"),
        ({"email": "nobody"}, "not an e-mail"),
    ):
        config = SimpleNamespace(extra={"twincity": {"licence": LICENCE, "report": address}})
        with pytest.raises(ConfigError, match=message):
            report.trust_settings(config)
    with pytest.raises(ConfigError, match="extra.twincity.licence needs id"):
        report.trust_settings(SimpleNamespace(extra={"twincity": {}}))


# -----------------------------------------------------------------------------
# 4. Accessibility statement
# -----------------------------------------------------------------------------


def test_the_accessibility_statement_exists_in_both_languages_and_names_its_review_date(built_site):
    reviewed = {}
    for lang in LANGUAGES:
        soup = built_site.soup("accessibility", lang)
        article = soup.select_one("article")
        text = article.get_text(" ")
        assert "WCAG" in text and "2.1" in text and "AA" in text
        for anchor in ("standard", "compliance", "testing", "known-issues", "report", "preparation"):
            assert article.find(id=anchor), (lang, anchor)
        [time] = article.select("time[data-twincity-reviewed]")
        assert DATE.fullmatch(time["datetime"])
        reviewed[lang] = time["datetime"]
        assert article.select_one('#report ~ p a[href$="sources/#report-an-error"]')
    assert len(set(reviewed.values())) == 1


# -----------------------------------------------------------------------------
# 5. Licence
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_the_footer_states_the_licence_of_the_sites_own_text_and_data(built_site, slug, lang):
    line = built_site.soup(slug, lang).select_one(".md-copyright .twincity-licence")
    link = line.select_one('a[rel="license"]')
    assert link["href"] == LICENCE["url"] and link.get_text() == LICENCE["name"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sources_page_gives_the_licence_beside_the_open_data(built_site, lang):
    soup = built_site.soup("sources", lang)
    heading = soup.find(id="open-data-licence")
    assert heading is not None
    link = heading.find_next("p").select_one('a[rel="license"]')
    assert link["href"] == LICENCE["url"]


def test_the_published_data_files_and_feeds_carry_the_licence(built_site):
    for path in sorted((built_site.dir / "data").glob("*.json")):
        licence = json.loads(path.read_text("utf-8"))["licence"]
        assert (licence["id"], licence["url"]) == (LICENCE["id"], LICENCE["url"]), path.name
        assert set(licence["terms"]) == set(LANGUAGES)
    for lang in LANGUAGES:
        feed = _feed(built_site, lang)
        assert LICENCE["name"] in feed.feed.rights
        assert [link.href for link in feed.feed.links if link.rel == "license"] == [LICENCE["url"]]


# -----------------------------------------------------------------------------
# 6. schema.org
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_every_page_describes_the_site_itself_and_its_breadcrumb_in_its_language(built_site, slug, lang):
    soup = built_site.soup(slug, lang)
    assert "</" not in soup.head.find("script", type="application/ld+json").string
    graph = _graph(soup)
    [site] = graph["WebSite"]
    assert site["inLanguage"] == list(LANGUAGES) and site["name"] == site_languages()[lang].site_name
    [webpage] = graph["WebPage"]
    assert webpage["inLanguage"] == lang and webpage["url"] == built_site.page_url(slug, lang)
    assert webpage["license"] == LICENCE["url"]
    [crumbs] = graph["BreadcrumbList"]
    items = crumbs["itemListElement"]
    assert items[0]["item"] == built_site.page_url("", lang)
    assert items[-1]["item"] == built_site.page_url(slug, lang) and len(items) == (1 if not slug else 2)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_conference_is_an_event_in_dalian_organised_by_the_two_city_governments(built_site, lang):
    data = load_site_data(ROOT / "data", LANGUAGES)
    framework = data.agreement["framework-agreement"]
    for slug in ("agreements", "timeline"):
        [event] = _graph(built_site.soup(slug, lang))["Event"]
        assert event["startDate"] == "2025-02-17"
        assert event["name"] == data.event["conference-2025"].title[lang]
        assert event["location"]["name"] == framework.signed.place[lang]
        assert [o["name"] for o in event["organizer"]] == [
            framework.parties.dalian[lang],
            framework.parties.yantai[lang],
        ]
        assert event["url"] == built_site.page_url("timeline", lang) + "#conference-2025"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quotations_name_their_speaker_and_the_report_as_their_source(built_site, lang):
    data = load_site_data(ROOT / "data", LANGUAGES)
    quotations = _graph(built_site.soup("quotes", lang))["Quotation"]
    quoted = [q for q in data.quotes if q.kind == "quoted"]
    assert [q["text"] for q in quotations] == [q.text[lang] for q in quoted]
    for node, quote in zip(quotations, quoted):
        assert node["inLanguage"] == lang
        assert node["creator"]["name"] == data.person[quote.speaker].name[lang]
        assert node["isBasedOn"]["@type"] == "NewsArticle" and node["isBasedOn"]["inLanguage"] == DEFAULT
        assert node["isBasedOn"]["author"]["name"] == data.person["li-nannan"].name[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_glossary_is_a_defined_term_set_and_the_open_data_a_dataset(built_site, lang):
    data = load_site_data(ROOT / "data", LANGUAGES)
    [terms] = _graph(built_site.soup("glossary", lang))["DefinedTermSet"]
    names = [t["name"] for t in terms["hasDefinedTerm"]]
    assert names == [p.name[lang] for p in data.people] + [t.term[lang] for t in data.glossary]
    [dataset] = _graph(built_site.soup("sources", lang))["Dataset"]
    assert dataset["license"] == LICENCE["url"]
    published = sorted(p.relative_to(built_site.dir).as_posix() for p in (built_site.dir / "data").iterdir())
    assert sorted(d["contentUrl"].removeprefix(built_site.url) for d in dataset["distribution"]) == published


# -----------------------------------------------------------------------------
# 7. Cite this page
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_every_page_offers_a_citation_of_itself_with_its_address_and_date(built_site, slug, lang):
    soup = built_site.soup(slug, lang)
    code = soup.select_one(".twincity-cite .copy pre code")
    text = code.get_text()
    url = built_site.page_url(slug, lang)
    assert url in text
    title = soup.find("meta", property="og:title")["content"]
    language = site_languages()[lang]
    texts = language.texts
    # The language's citation style (its catalogue's `cite`): GB/T 7714—2015 in Chinese,
    # APA 7 in English. A style with an accessed date has a gap the reader's browser fills.
    accessed = code.select_one("[data-twincity-accessed]")
    assert bool(accessed) == ("{accessed}" in texts["cite.with_date"])
    date = soup.select_one(".twincity-page-info time[datetime]")
    if date is not None:
        y, m, d = (int(x) for x in date["datetime"].split("-"))
        month = texts["dates.month_names"][m - 1]
        updated = texts["cite.date"].format(year=y, month=m, day=d, month_name=month)
        pattern = texts["cite.with_date"]
        if accessed:  # until the reader's day is put in, the page's own day stands there
            assert accessed.get_text() == date["datetime"]
    else:
        updated, pattern = "", texts["cite.without_date"]
    values = dict(site_name=language.site_name, title=title, url=url, updated=updated)
    assert text == pattern.format(**values, accessed=accessed.get_text() if accessed else "")


# -----------------------------------------------------------------------------
# 8. The Pages workflow gives what these need
# -----------------------------------------------------------------------------


def test_the_pages_workflow_checks_out_the_whole_history_and_passes_the_repository():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    checkouts = [
        step
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts and all(step["with"].get("fetch-depth") == 0 for step in checkouts)
    [build] = [step for step in workflow["jobs"]["build"]["steps"] if "make pages" in step.get("run", "")]
    assert build["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert CONFIG["extra"]["twincity"]["report"]["repository"] == ["REPO_URL", ""]
