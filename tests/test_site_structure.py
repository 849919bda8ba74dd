"""The foundation's promises: every page in both languages, language attributes,
the language switcher, the sitemap, and a build without warnings."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest
import yaml

from support.site import LANGUAGES, ROOT, nav_pages, page_slugs, page_titles, site_languages
from twincity.config.pages import originals, translations

DOCS = ROOT / "docs"
SLUGS = page_slugs()
EXPECTED_PAGES = {
    "",
    "history",
    "agreements",
    "timeline",
    "quotes",
    "cooperation",
    "outlook",
    "glossary",
    "sources",
    "factsheet",
    "updates",
    "accessibility",
}


def _default_sources() -> set[str]:
    """The pages in the default language (docs/PAGE.md)."""
    return {p.relative_to(DOCS).as_posix() for p in originals(DOCS)}


def _translations() -> dict[str, set[str]]:
    """{language: its pages, named as the default language's (PAGE.md)}, every other language."""
    found: dict[str, set[str]] = {lang: set() for lang in LANGUAGES[1:]}
    for path, lang in translations(DOCS):
        found.setdefault(lang, set()).add(path.relative_to(DOCS).as_posix().replace(f".{lang}.md", ".md"))
    return found


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_every_default_language_page_has_a_page_in_each_language(lang):
    missing = sorted(_default_sources() - _translations()[lang])
    assert not missing, f"pages without their {lang} translation: {missing}"


def test_every_translated_page_has_a_default_language_page_and_a_language_of_the_site():
    strays = sorted(f"{lang}: {f}" for lang, pages in _translations().items() for f in pages - _default_sources())
    assert not strays, f"translations without their page in {LANGUAGES[0]}: {strays}"
    assert set(_translations()) == set(LANGUAGES[1:])


def test_every_page_is_in_nav():
    in_nav = {f for _, f in nav_pages()}
    assert _default_sources() == in_nav


def test_nav_holds_the_pages_the_site_promises():
    assert set(SLUGS) == EXPECTED_PAGES


def test_build_raised_no_warning(built_site):
    assert built_site.warnings == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_is_built_in_both_languages(built_site, slug, lang):
    assert built_site.page_path(slug, lang).is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_html_lang_matches_the_page_language(built_site, slug, lang):
    assert built_site.soup(slug, lang).html["lang"] == lang


def test_each_language_has_its_own_site_name(built_site):
    names = {lang: site_languages()[lang].site_name for lang in LANGUAGES}
    assert len(set(names.values())) == len(LANGUAGES), names
    for lang, site_name in names.items():
        assert built_site.soup("history", lang).title.string.endswith(site_name)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nav_titles_are_translated(built_site, lang):
    shown = [a.get_text(strip=True) for a in built_site.soup("", lang).select("nav.md-nav--primary a.md-nav__link")]
    titles = page_titles()
    assert all(any(t[lang] in text for text in shown) for t in titles.values())
    # No other language's title where it differs from this language's own.
    others = {t[other] for t in titles.values() for other in LANGUAGES if t[other] != t[lang]}
    assert not others & set(shown)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_language_switcher_points_to_the_same_page_in_the_other_language(built_site, slug, lang):
    page_url = built_site.page_url(slug, lang)
    links = built_site.soup(slug, lang).select("a.md-select__link[hreflang]")
    targets = {a["hreflang"]: urljoin(page_url, a["href"]).split("#")[0] for a in links}
    assert targets == {other: built_site.page_url(slug, other) for other in LANGUAGES}


def test_sitemap_lists_every_page_with_absolute_urls_in_both_languages(built_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(built_site.dir / "sitemap.xml")
    locs = {e.text for e in tree.findall(".//s:loc", ns)}
    alternates = {e.get("href") for e in tree.findall(".//x:link", ns)}
    for slug in SLUGS:
        for lang in LANGUAGES:
            assert built_site.page_url(slug, lang) in locs | alternates
    assert all(u.startswith(built_site.url) for u in locs | alternates)


# -----------------------------------------------------------------------------
# The repository: commands, CI and deployment
# -----------------------------------------------------------------------------


def test_readme_gives_the_two_commands():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "make serve" in readme and "make test" in readme


def test_makefile_targets_exist():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for target in ("serve", "build", "test", "bench", "audit"):
        assert f"\n{target}:" in makefile


def test_build_target_is_strict():
    assert "properdocs build -f mkdocs.yml --strict" in (ROOT / "Makefile").read_text("utf-8")


def test_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "set -euo pipefail" in script
    assert "apt-get install" in script and "chromium" in script
    assert script.rstrip().endswith("make test")


def test_requirements_are_pinned_exactly():
    for name in ("site.txt", "dev.txt", "site.in", "dev.in"):
        for line in (ROOT / "requirements" / name).read_text("utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-r", "--hash=")):
                assert "==" in line, f"{name}: {line} is not pinned"
    site = (ROOT / "requirements" / "site.txt").read_text("utf-8")
    assert "properdocs==1.6.7" in site and "mkdocs-static-i18n==1.3.1" in site
    assert "mkdocs-material==9.8." in site and "rjieba==" in site
    assert "[material]" not in site


def test_pages_workflow_builds_strict_and_deploys():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    triggers = workflow.get("on") or workflow.get(True)
    assert "main" in triggers["push"]["branches"]
    # Pages rights belong to the deploy job alone (tests/test_workflows.py).
    deploy_rights = workflow["jobs"]["deploy"]["permissions"]
    assert deploy_rights["pages"] == "write" and deploy_rights["id-token"] == "write"
    steps = [step for job in workflow["jobs"].values() for step in job.get("steps", [])]
    uses = [step.get("uses", "") for step in steps]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert any(u.startswith("actions/configure-pages@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    # make pages installs requirements/site.txt and runs properdocs build --strict.
    assert "make pages" in runs
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "requirements/site.txt" in makefile and "properdocs build -f mkdocs.yml --strict" in makefile
    deploy = [
        job
        for job in workflow["jobs"].values()
        if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job.get("steps", []))
    ]
    assert deploy and deploy[0]["environment"]["name"] == "github-pages"
    env_text = yaml.safe_dump(workflow)
    assert "SITE_URL" in env_text and "base_url" in env_text
