"""Mistakes the build catches itself: a citation that is not in the source, and markers
written wrong or put where they do not belong. Markers inside code are text."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from support.data import DEFAULT, OTHERS, load, text
from support.rendering import page_links, render_context
from support.site import LANGUAGES, ROOT, copy_project, run_build
from twincity.config.catalogue import load_catalogues
from twincity.errors import PageError
from twincity.pages.markers import MARKERS, fill_markers
from twincity.pages.rendering import RenderContext

CATALOGUES = load_catalogues(LANGUAGES, ROOT / "hooks" / "twincity" / "locales")
DATA = load()


def _ctx(lang: str = LANGUAGES[0]) -> RenderContext:
    return render_context(lang, DATA, "history")


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
    assert "data/agreements.yml: entry 'maritime-affairs' (#7): citation: not in the source" in output
    assert "matches the source up to" in output and "（本站杜撰" in output
    assert not (project / "site" / "index.html").exists()


@pytest.mark.parametrize("marker", [m for m in MARKERS if m.page], ids=lambda m: m.name)
def test_a_page_marker_on_another_page_stops_the_build(marker):
    with pytest.raises(PageError, match=f"belongs on docs/{marker.page}.md"):
        fill_markers(f"# History\n\n<!-- twincity:{marker.name} -->\n", page_slug="history", ctx=_ctx())


@pytest.mark.parametrize("marker", [m for m in MARKERS if m.page is None and not m.takes_id], ids=lambda m: m.name)
def test_a_marker_for_any_page_is_given_at_most_once(marker):
    with pytest.raises(PageError, match=f"<!-- twincity:{marker.name} --> is given 2 times; give it once"):
        fill_markers(
            f"# History\n\n<!-- twincity:{marker.name} -->\n\n<!-- twincity:{marker.name} -->\n",
            page_slug="history",
            ctx=_ctx(),
        )


def test_a_marker_taking_one_id_refuses_several():
    with pytest.raises(PageError, match="takes one id"):
        fill_markers(
            "# History\n\n<!-- twincity:quote chen-shared-roots gao-two-cities -->\n", page_slug="history", ctx=_ctx()
        )


def test_key_dates_naming_an_unknown_event_stop_the_build():
    with pytest.raises(
        PageError, match=r"docs/history.md: <!-- twincity:factsheet-dates ... -->: no timeline event 'no-such-event'"
    ):
        fill_markers(
            "# Fact sheet\n\n<!-- twincity:factsheet-qr -->\n\n<!-- twincity:factsheet-dates no-such-event -->\n",
            page_slug="factsheet",
            ctx=dataclasses.replace(_ctx(), home_url="https://example.org/"),
        )


@pytest.mark.parametrize("written", ["<!-- TwinCity:quote chen-1-plus-15 -->", "<!-- twincity:Timeline -->"])
def test_a_marker_in_the_wrong_letter_case_stops_the_build(written):
    with pytest.raises(PageError, match="must be written in lower case"):
        fill_markers(f"# History\n\n{written}\n", page_slug="history", ctx=_ctx())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_markers_inside_code_are_left_as_written(lang):
    quote = next(q.id for q in DATA.quotes if q.kind == "quoted")
    markdown = (
        f"# History\n\nWrite `<!-- twincity:quote {quote} -->` to quote.\n\n"
        f"```markdown\n<!-- twincity:timeline -->\n<!-- twincity:quote {quote} -->\n```\n\n"
        f"~~~\n<!-- twincity:glossary -->\n~~~\n\n<!-- twincity:quote {quote} -->\n"
    )
    filled = fill_markers(markdown, page_slug="history", ctx=_ctx(lang))
    assert f"`<!-- twincity:quote {quote} -->`" in filled
    assert f"```markdown\n<!-- twincity:timeline -->\n<!-- twincity:quote {quote} -->\n```" in filled
    assert "~~~\n<!-- twincity:glossary -->\n~~~" in filled
    assert filled.count('class="twincity-quotation"') == 1  # the one outside code


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_corrections_table_is_rendered_from_the_data_in_the_pages_language(lang):
    from bs4 import BeautifulSoup

    ctx = render_context(lang, DATA, "sources")
    ctx = dataclasses.replace(
        ctx, links=page_links(ctx.links.page_url, lang, titles={slug: f"{slug} title" for slug in ctx.links.targets})
    )
    from twincity.pages.rendering import render_corrections

    soup = BeautifulSoup(render_corrections(ctx), "html.parser")
    rows = soup.select(".twincity-corrections table tbody tr")
    assert [r["id"] for r in rows] == [f"correction-{c.id}" for c in DATA.corrections]
    for row, correction in zip(rows, DATA.corrections):
        assert row.select_one(f"td span[lang='{LANGUAGES[0]}']").get_text() == correction.printed
        assert correction.reason[lang] in row.get_text()
        # '../outlook/#trend' for 'outlook#trend'
        assert [a["href"].rsplit("/", 2)[-2] + a["href"].rsplit("/", 1)[-1] for a in row.select("a")] == correction.see


# -----------------------------------------------------------------------------
# No silent data mistakes: each stops the build with file, entry or line, and field
# -----------------------------------------------------------------------------


def _problems(copy) -> str:
    from twincity.errors import DataError

    with pytest.raises(DataError) as raised:
        load(copy.dir)
    return str(raised.value)


@pytest.fixture()
def copy(tmp_path):
    from support.data import DataCopy

    return DataCopy(tmp_path)


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "[]\n"])
def test_an_empty_data_file_stops_the_build(copy, text):
    copy.write_text("glossary", text)
    assert "data/glossary.yml: the file holds no entries" in _problems(copy)


def test_a_text_over_the_documented_length_stops_the_build(copy):
    copy.edit("agreements", "maritime-affairs", title=text("长" * 2001, "x"))
    assert (
        f"data/agreements.yml: entry 'maritime-affairs' (#2): title.{DEFAULT}: 2001 characters, "
        "more than the 2000 a text may hold"
    ) in _problems(copy)


def test_a_number_too_long_to_read_names_its_line(copy):
    text = (copy.dir / "people.yml").read_text("utf-8")
    copy.write_text("people", text + "- id: n\n  name: " + "9" * 5001 + "\n")
    message = _problems(copy)
    assert f"data/people.yml: line {text.count(chr(10)) + 2}: a value cannot be read" in message
    assert "put in quotes" in message


def test_a_tab_in_the_indentation_is_called_a_tab(copy):
    text = (copy.dir / "people.yml").read_text("utf-8")
    copy.write_text("people", text.replace("\n  name:", "\n\tname:", 1))
    message = _problems(copy)
    assert "data/people.yml: line " in message and "a tab: YAML indents with spaces only" in message


def test_bytes_that_are_not_utf8_are_located_by_line(copy):
    path = copy.dir / "quotes.yml"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3] + b" \xff"
    path.write_bytes(b"\n".join(lines))
    assert "data/quotes.yml: line 4, column" in _problems(copy) and "not UTF-8 text (byte 0xff)" in _problems(copy)


def test_two_glossary_entries_with_one_name_in_a_language_stop_the_build(copy):
    entries = copy.read("glossary")
    lang = OTHERS[0]
    entries[1]["term"][lang] = entries[0]["term"][lang]
    copy.write("glossary", entries)
    assert (
        f"data/glossary.yml: entry '{entries[1]['id']}' (#2): term.{lang}: '{entries[0]['term'][lang]}' "
        f"is also the name of entry '{entries[0]['id']}'"
    ) in _problems(copy)


# -----------------------------------------------------------------------------
# What the site publishes shows the data as written
# -----------------------------------------------------------------------------


def test_every_formula_start_is_neutralised_and_other_cells_are_left_alone():
    from twincity.publish.open_data import safe_cell

    # Tabs and carriage returns cannot start a data text (texts are stripped); other cells may.
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert safe_cell("烟台 = Yantai") == "烟台 = Yantai" and safe_cell("") == ""


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_cells_that_could_run_as_formulas_are_neutralised_and_json_is_unchanged(copy, start):
    import csv
    import io

    from twincity.publish.open_data import to_csv, to_json

    formula = f'{start}HYPERLINK("http://example.org","x")'
    copy.edit("agreements", "maritime-affairs", title=text(formula, "fine"))
    data = load(copy.dir)
    rows = list(csv.DictReader(io.StringIO(to_csv(data, "agreements", CATALOGUES))))
    cell = next(r for r in rows if r["id"] == "maritime-affairs")[f"title_{DEFAULT}"]
    assert cell == "'" + formula
    items = to_json(data, "agreements", CATALOGUES)["items"]
    assert next(i for i in items if i["id"] == "maritime-affairs")["title"][DEFAULT] == formula.strip()


def test_a_heading_with_quotes_shows_quotes_in_the_table_of_contents(copy):
    import markdown
    from mkdocs.structure.toc import get_toc

    title = 'The "quoted" & <b>bold</b> agreement'
    copy.edit("agreements", "maritime-affairs", title=text(title))
    ctx = _ctx(LANGUAGES[1])
    ctx = RenderContext(load(copy.dir), ctx.texts, ctx.catalogues, ctx.source, ctx.links, "docs/agreements.en.md")
    md = markdown.Markdown(extensions=["toc", "attr_list", "md_in_html"])
    md.convert(fill_markers("# Agreements\n\n<!-- twincity:agreement-index -->\n", page_slug="agreements", ctx=ctx))

    def titles(items):
        for item in items:
            yield item.title
            yield from titles(item.children)

    # Material writes toc titles as HTML: &amp; and &lt; show as & and <, a quote as a quote.
    assert 'The "quoted" &amp; &lt;b&gt;bold&lt;/b&gt; agreement' in list(titles(get_toc(md.toc_tokens)))


@pytest.mark.parametrize(
    "written",
    [
        "<!-- twincty:quote chen-1-plus-15 -->",  # a misspelt prefix: the quotation would just be missing
        "<!-- twincity quote chen-1-plus-15 -->",  # no colon
        "<!--twincity:timeline",  # never closed
        "<!-- twincity:timeline --",
        "<!-- TWINC:glossary -->",
    ],
)
def test_anything_that_looks_like_a_marker_but_is_not_one_stops_the_build(written):
    with pytest.raises(PageError) as caught:
        fill_markers(f"# History\n\nText.\n\n{written}\n\nMore text.\n", page_slug="history", ctx=_ctx())
    message = str(caught.value)
    assert message.startswith("docs/history.md: line 5: ") and "looks like a marker but is not one" in message


@pytest.mark.parametrize(
    "markdown",
    [
        "# History\n\nAs he said <!-- twincity:quote {q} --> in Dalian.\n",
        "# History\n\n<!-- twincity:quote {q} --> and then some words.\n",
        "# History\n\n- a list item <!-- twincity:quote {q} -->\n",
    ],
)
def test_a_marker_must_stand_on_a_line_of_its_own(markdown):
    quote = next(q.id for q in DATA.quotes if q.kind == "quoted")
    with pytest.raises(PageError, match=r"docs/history.md: line 3: the marker .* must stand on a line of its own"):
        fill_markers(markdown.format(q=quote), page_slug="history", ctx=_ctx())


def test_an_indented_marker_on_its_own_line_is_a_marker():
    quote = next(q.id for q in DATA.quotes if q.kind == "quoted")
    filled = fill_markers(
        f"# History\n\n!!! note\n\n    <!-- twincity:quote {quote} -->\n", page_slug="history", ctx=_ctx()
    )
    assert 'class="twincity-quotation"' in filled
