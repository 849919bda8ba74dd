"""Mistakes the build catches itself: a citation that is not in the source, and markers
written wrong or put where they do not belong. Markers inside code are text."""

from __future__ import annotations

import pytest
import yaml

from support.data import load
from support.site import LANGUAGES, ROOT, copy_project, run_build
from twincity.catalogue import load_catalogues
from twincity.errors import PageError
from twincity.links import PageLinks
from twincity.markers import MARKERS, fill_markers
from twincity.rendering import RenderContext

CATALOGUES = load_catalogues(LANGUAGES, ROOT / "hooks" / "twincity" / "locales")
DATA = load()
SLUGS = ("agreements", "timeline", "quotes", "glossary", "sources")


def _ctx(lang: str = LANGUAGES[0]) -> RenderContext:
    root = "" if lang == LANGUAGES[0] else f"{lang}/"
    links = PageLinks(page_url=f"{root}history/", targets={slug: f"{root}{slug}/" for slug in SLUGS})
    return RenderContext(DATA, CATALOGUES[lang], CATALOGUES, LANGUAGES[0], links, "docs/history.md")


def test_a_citation_not_in_the_source_stops_the_build_showing_where_it_differs(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "agreements.yml"
    entries = yaml.safe_load(path.read_text("utf-8"))
    entry = next(e for e in entries if e["id"] == "maritime-affairs")
    entry["citation"] = entry["citation"][:12] + "（本站杜撰）"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")
    result = run_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "data/agreements.yml: entry 'maritime-affairs': citation: not in the source" in output
    assert "matches the source up to" in output and "（本站杜撰" in output
    assert not (project / "site" / "index.html").exists()


@pytest.mark.parametrize("marker", [m for m in MARKERS if m.page], ids=lambda m: m.name)
def test_a_page_marker_on_another_page_stops_the_build(marker):
    with pytest.raises(PageError, match=f"belongs on docs/{marker.page}.md"):
        fill_markers(f"# History\n\n<!-- twincity:{marker.name} -->\n", page_slug="history", ctx=_ctx())


@pytest.mark.parametrize("written", ["<!-- TwinCity:quote chen-1-plus-15 -->", "<!-- twincity:Timeline -->"])
def test_a_marker_in_the_wrong_letter_case_stops_the_build(written):
    with pytest.raises(PageError, match="must be written in lower case"):
        fill_markers(f"# History\n\n{written}\n", page_slug="history", ctx=_ctx())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_markers_inside_code_are_left_as_written(lang):
    quote = next(q.id for q in DATA.quotes if q.kind == "quoted")
    markdown = (f"# History\n\nWrite `<!-- twincity:quote {quote} -->` to quote.\n\n"
                f"```markdown\n<!-- twincity:timeline -->\n<!-- twincity:quote {quote} -->\n```\n\n"
                f"~~~\n<!-- twincity:glossary -->\n~~~\n\n<!-- twincity:quote {quote} -->\n")
    filled = fill_markers(markdown, page_slug="history", ctx=_ctx(lang))
    assert f"`<!-- twincity:quote {quote} -->`" in filled
    assert f"```markdown\n<!-- twincity:timeline -->\n<!-- twincity:quote {quote} -->\n```" in filled
    assert "~~~\n<!-- twincity:glossary -->\n~~~" in filled
    assert filled.count('class="twincity-quotation"') == 1  # the one outside code


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_corrections_table_is_rendered_from_the_data_in_the_pages_language(lang):
    from bs4 import BeautifulSoup

    source = "# Sources\n\n<!-- twincity:open-data -->\n\n## Corrections\n\n<!-- twincity:corrections -->\n"
    ctx = _ctx(lang)
    links = PageLinks(page_url=ctx.links.page_url.replace("history", "sources"), targets=ctx.links.targets,
                      titles={slug: f"{slug} title" for slug in SLUGS + ("outlook", "cooperation", "history")})
    links = PageLinks(links.page_url, {**links.targets, **{s: links.targets["timeline"].replace("timeline", s)
                                                            for s in ("outlook", "cooperation", "history")}}, links.titles)
    ctx = RenderContext(ctx.data, ctx.texts, ctx.catalogues, ctx.source, links, "docs/sources.md")
    soup = BeautifulSoup(fill_markers(source, page_slug="sources", ctx=ctx), "html.parser")
    rows = soup.select("table.twincity-corrections tbody tr")
    assert [r["id"] for r in rows] == [f"correction-{c.id}" for c in DATA.corrections]
    for row, correction in zip(rows, DATA.corrections):
        assert row.select_one(f"td span[lang='{LANGUAGES[0]}']").get_text() == correction.printed
        assert correction.reason[lang] in row.get_text()
        # '../outlook/#trend' for 'outlook#trend'
        assert [a["href"].rsplit("/", 2)[-2] + a["href"].rsplit("/", 1)[-1] for a in row.select("a")] == correction.see
