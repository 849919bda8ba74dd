"""Published addresses never break (tools/published.py, tests/published_addresses.txt).

The cities' outreach links to pages, anchors (agreement and timeline ids, main headings)
and data files. Every one of them, in both languages, is in the committed list; a build
that loses one fails, a deliberate move needs a redirect page and the list changed in the
same commit, and a new page or anchor must join the list (`make addresses`)."""

from __future__ import annotations

import re
import shutil

import pytest

from support.site import LANGUAGES, SITE_LANGUAGES, copy_project, page_source
from support.site import run_build as mkdocs_build
from tools.published import LIST, Listed, problems, read_build, read_list, update

HOW_TO_MOVE = "redirects: redirect_maps: {old.md: new.md}"
# Each language's root as an address starts: '' for the default language, '/en'.
ROOTS = ["/" + SITE_LANGUAGES[lang].root.rstrip("/") if SITE_LANGUAGES[lang].root else "" for lang in LANGUAGES]


def test_the_build_keeps_every_published_address_and_the_list_has_every_new_one(built_site):
    found = problems(read_build(built_site.dir), read_list())
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "address",
    [
        f"{root}{path}"
        for root in ROOTS
        for path in (
            "/",
            "/agreements/",
            "/agreements/#agreement-index",
            "/agreements/#maritime-affairs",
            "/timeline/#signing-ceremony-2025",
        )
    ]
    + ["/data/agreements.csv", "/data/timeline.json"],
)
def test_the_list_holds_pages_anchors_and_data_files_in_every_language(address):
    assert address in read_list().addresses


def test_generated_and_theme_ids_are_not_promised():
    listed = read_list().addresses
    assert not [a for a in listed if "#_" in a or "#__" in a or a.endswith("#115")]


def _rename_page(project, old, new):
    for lang in LANGUAGES:
        page_source(old, lang, project).rename(page_source(new, lang, project))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(f": {old}.md", f": {new}.md"), "utf-8")
    for page in (project / "docs").glob("*.md"):  # the site's own links follow the move
        page.write_text(page.read_text("utf-8").replace(f"({old}.md", f"({new}.md"), "utf-8")
    corrections = project / "data" / "corrections.yml"  # and so do the data's links to pages
    corrections.write_text(corrections.read_text("utf-8").replace(f"{old}#", f"{new}#"), "utf-8")
    updates = project / "data" / "updates.yml"  # and so do the pages the updates concern
    updates.write_text(re.sub(rf"\b{old}\b(?=[#,\]])", new, updates.read_text("utf-8")), "utf-8")


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """A copy where an anchor was renamed and a page moved without a redirect."""
    project = copy_project(tmp_path_factory.mktemp("published-broken"))
    for lang in LANGUAGES:
        page = page_source("agreements", lang, project)
        page.write_text(page.read_text("utf-8").replace("{#agreement-index}", "{#agreement-list}"), "utf-8")
    _rename_page(project, "history", "roots")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    (project / "site" / "data" / "agreements.csv").unlink()  # a data file no longer published
    return problems(read_build(project / "site"), read_list())


@pytest.mark.parametrize("lang", ROOTS)
def test_a_disappeared_anchor_fails_with_its_message(broken, lang):
    expected = (
        f"{lang}/agreements/#agreement-index: published anchor disappeared: "
        f"{lang}/agreements/ has no id 'agreement-index'"
    )
    assert any(p.startswith(expected) for p in broken), "\n".join(broken)


@pytest.mark.parametrize("lang", ROOTS)
def test_a_page_moved_without_a_redirect_fails_and_says_how_to_move_it(broken, lang):
    [problem] = [p for p in broken if p.startswith(f"{lang}/history/: ")]
    assert "published address disappeared from the build" in problem
    assert HOW_TO_MOVE in problem and "`OLD -> NEW`" in problem
    assert any(p.startswith(f"{lang}/history/#") for p in broken)


def test_a_data_file_that_is_no_longer_published_fails(broken):
    assert any(p.startswith("/data/agreements.csv: published address disappeared") for p in broken)


def test_a_new_page_or_anchor_must_join_the_list_and_the_message_says_how(broken):
    [problem] = [p for p in broken if "are not in tests/published_addresses.txt" in p]
    assert "run `make addresses`" in problem
    for address in [f"{root}{path}" for root in ROOTS for path in ("/roots/", "/agreements/#agreement-list")]:
        assert f"\n    {address}\n" in problem + "\n"


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    """A copy where history moved to roots on purpose, with a redirect in mkdocs.yml."""
    project = copy_project(tmp_path_factory.mktemp("published-moved"))
    _rename_page(project, "history", "roots")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "      redirect_maps: {}\n" in text
    config.write_text(
        text.replace("      redirect_maps: {}\n", "      redirect_maps:\n        history.md: roots.md\n"), "utf-8"
    )
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr[-2000:]
    return read_build(project / "site")


def test_a_move_with_a_redirect_but_no_change_to_the_list_fails_and_names_the_line(moved):
    found = problems(moved, read_list())
    assert any(
        p.startswith("/history/: /history/ is now a redirect page to /roots/: record the move")
        and "`/history/ -> /roots/`" in p
        for p in found
    ), "\n".join(found)


def test_a_deliberate_move_with_a_redirect_and_the_list_changed_passes(moved):
    listed = read_list()
    changed = Listed(listed.addresses, {f"{root}/history/": f"{root}/roots/" for root in ROOTS})
    found = problems(moved, changed)
    # Every side passes: mkdocs-redirects writes the default language's redirect page, the
    # hook (twincity/publish/redirects.py) the other languages' ones, and /history/#…,
    # /en/history/#… resolve on the new pages.
    assert found == [], "\n".join(found)


def test_update_adds_new_addresses_and_never_drops_one(broken, tmp_path, built_site):
    copy = tmp_path / "list.txt"
    shutil.copy2(LIST, copy)
    text = copy.read_text("utf-8")
    address = f"{ROOTS[-1]}/agreements/#maritime-affairs"
    copy.write_text(text.replace(f"{address}\n", ""), "utf-8")
    added = update(read_build(built_site.dir), copy)
    assert added == [address]
    assert copy.read_text("utf-8") == text
