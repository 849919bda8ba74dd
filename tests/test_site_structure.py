"""The foundation's promises: every page in both languages, language attributes,
the language switcher, the sitemap, and a build without warnings."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest
import yaml

from support.site import LANGUAGES, ROOT, nav_pages, page_slugs

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


def _zh_sources() -> set[str]:
    return {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md")}


def _en_sources() -> set[str]:
    return {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.en.md")}


def test_every_zh_page_has_an_en_page():
    missing = sorted(f for f in _zh_sources() if f.removesuffix(".md") + ".en.md" not in _en_sources())
    assert not missing, f"Chinese pages without an English twin: {missing}"


def test_every_en_page_has_a_zh_page():
    missing = sorted(f for f in _en_sources() if f.removesuffix(".en.md") + ".md" not in _zh_sources())
    assert not missing, f"English pages without a Chinese twin: {missing}"


def test_every_page_is_in_nav():
    in_nav = {f for _, f in nav_pages()}
    assert _zh_sources() == in_nav


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


@pytest.mark.parametrize(("lang", "site_name"), [("zh", "烟大双城记"), ("en", "Yantai–Dalian Twin-City Linkage")])
def test_each_language_has_its_own_site_name(built_site, lang, site_name):
    title = built_site.soup("history", lang).title.string
    assert title.endswith(site_name)


def test_nav_titles_are_translated(built_site):
    zh = [a.get_text(strip=True) for a in built_site.soup("", "zh").select("nav.md-nav--primary a.md-nav__link")]
    en = [a.get_text(strip=True) for a in built_site.soup("", "en").select("nav.md-nav--primary a.md-nav__link")]
    zh_titles = [title for title, _ in nav_pages()]
    assert all(any(t in text for text in zh) for t in zh_titles)
    assert "Shared roots" in " ".join(en) and "同根同源" not in " ".join(en)


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
