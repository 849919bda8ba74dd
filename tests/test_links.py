"""Every link resolves: every href, src and srcset of every built page (raw HTML in
Markdown included, which MkDocs' validation does not look at), with anchors. The build
itself checks them once every language is written (publish/link_check.py, warnings that
stop --strict); tools/link_check.py runs the same check over a built site."""

from __future__ import annotations

import pytest

from support.site import copy_project
from support.site import run_build as mkdocs_build
from tools.link_check import check_site
from twincity.publish.link_check import parse_page

LOCAL = "http://127.0.0.1:8000/"


def test_every_address_of_the_built_site_resolves(built_site):
    problems, count = check_site(built_site.dir, built_site.url)
    assert count > 1000, f"only {count} addresses found: is the parser still reading the pages?"
    assert not problems, f"{len(problems)} broken addresses:\n" + "\n".join(problems)


RAW_HTML_MISTAKES = """

<p class="made-mistake">
<a href="../no-such-page/">a page that does not exist</a>
<a href="../agreements/#no-such-agreement">an anchor that does not exist</a>
<a href="#no-such-heading">an anchor on the same page that does not exist</a>
<img src="../assets/images/no-such-picture.png" alt="">
<a href="../agreements/#agreement-index">a good link, for contrast</a>
</p>
<script src="https://cdn.example.com/tracker.js"></script>
"""


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory):
    """A copy of the project whose Chinese history page carries broken raw-HTML links:
    the build itself stops, one warning a link (MkDocs' own validation said nothing)."""
    project = copy_project(tmp_path_factory.mktemp("broken-links"))
    page = project / "docs" / "history.md"
    page.write_text(page.read_text("utf-8") + RAW_HTML_MISTAKES, "utf-8")
    result = mkdocs_build(project, "--strict")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output[-3000:]
    return [
        line.split("broken link in the built site: ", 1)[1]
        for line in output.splitlines()
        if "broken link in the built site: " in line
    ]


@pytest.mark.parametrize(
    "expected",
    [
        '<a href="../no-such-page/">: no such page or file in the built site',
        "<a href=\"../agreements/#no-such-agreement\">: agreements/index.html has no id 'no-such-agreement'",
        "<a href=\"#no-such-heading\">: history/index.html has no id 'no-such-heading'",
        '<img src="../assets/images/no-such-picture.png">: no such page or file in the built site',
        '<script src="https://cdn.example.com/tracker.js">: loads a resource from another site',
    ],
)
def test_a_broken_raw_html_link_in_a_page_is_caught_with_its_page_and_line(broken_build, expected):
    matches = [p for p in broken_build if expected in p]
    assert len(matches) == 1, "\n".join(broken_build)
    assert matches[0].startswith("history/index.html:")
    assert matches[0].endswith("(from docs/history.md, raw HTML or a generated block)")


def test_only_the_mistakes_are_reported(broken_build):
    assert len(broken_build) == 5, "\n".join(broken_build)
    assert not [p for p in broken_build if "agreement-index" in p]


def test_an_update_concerning_an_anchor_its_page_lacks_stops_the_build(tmp_path):
    """`sources#corections` was published as a link to nowhere."""
    import yaml

    project = copy_project(tmp_path / "project")
    path = project / "data" / "updates.yml"
    updates = yaml.safe_load(path.read_text("utf-8"))
    updates[0]["concerns"] = [*updates[0].get("concerns", []), "sources#corections"]
    path.write_text(yaml.safe_dump(updates, allow_unicode=True, sort_keys=False), "utf-8")
    result = mkdocs_build(project, "--strict")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    n = len(updates[0]["concerns"]) - 1
    assert (
        f"data/updates.yml: entry '{updates[0]['id']}' (#1): concerns[{n}]: no anchor #corections on the page 'sources'"
        in output
    )


PAGE = b"""<!doctype html>
<html><head><base href="/sub/">
<meta property="og:image" content=" https://example.org/a.png ">
<link rel="preload" as="image" imagesrcset="x1.png 1x, x2.png 2x">
</head><body>
<!-- <a href="in-a-comment/">not a link</a> -->
<p id="top">\xe7\x83\x9f\xe5\x8f\xb0 <a name="old-anchor" href="page/?q=1&amp;r=2#top">x</a></p>
<img srcset="small.png 320w,  large.png 1280w" src="">
<svg><use href="#icon"></use></svg>
</body></html>"""


def test_a_page_is_read_for_its_ids_and_every_kind_of_address():
    """What the built-site check reads of a page: each kind of address with its line, and the ids."""
    parsed = parse_page(PAGE, "sub/index.html")
    assert parsed.ids == {"top", "old-anchor"}
    assert parsed.base == "/sub/"
    found = [(r.line, r.tag, r.attribute, r.value) for r in parsed.references]
    assert found == [
        (2, "base", "href", "/sub/"),
        (3, "meta", "content", "https://example.org/a.png"),
        (4, "link", "imagesrcset", "x1.png"),
        (4, "link", "imagesrcset", "x2.png"),
        (7, "a", "href", "page/?q=1&r=2#top"),
        (8, "img", "srcset", "small.png"),
        (8, "img", "srcset", "large.png"),
        (8, "img", "src", ""),
        (9, "use", "href", "#icon"),
    ]
    assert {r.page for r in parsed.references} == {"sub/index.html"}


def test_an_empty_page_has_no_ids_and_no_addresses():
    for text in (b"", b"  \n"):
        parsed = parse_page(text, "empty.html")
        assert (parsed.ids, parsed.references, parsed.base) == (set(), [], None)


def test_what_the_parser_cannot_read_is_reported_not_skipped():
    """A link after </html> (a browser shows it) or in a page too deep to read is never silently unchecked."""
    after = parse_page(b"<html><body><p>x</p></body></html>\n<a href='nowhere/'>late</a>\n", "late.html")
    assert after.unread == ["late.html:1: text after </html>, which the check does not read"]
    for depth, read in ((300, True), (3000, False)):  # libxml2 reads 2048 levels at most
        page = b"<html><body>" + b"<div>" * depth + b"<a href='x/'>deep</a>" + b"</div>" * depth + b"</body></html>"
        parsed = parse_page(page, "deep.html")
        assert [r.value for r in parsed.references] == (["x/"] if read else [])
        assert bool(parsed.unread) is not read, parsed.unread
    assert parse_page(PAGE, "sub/index.html").unread == []
