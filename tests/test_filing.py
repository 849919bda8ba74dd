"""A copy served in mainland China shows its filing numbers in every page's footer, linked
to their registers, when ICP_FILING and PSB_FILING are set; without them nothing is shown."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from support.site import LANGUAGES, copy_project, page_slugs, run_build, site_languages

ICP = "辽ICP备00000000号-1"  # the form of a number, not a real one
PSB = "辽公网安备 21000000000000号"


@pytest.fixture(scope="module", params=("set", "unset"))
def filing_build(request, tmp_path_factory, monkeypatch_module, built_site):
    if request.param == "unset":  # the session's shared site: conftest builds it without them
        return request.param, built_site.dir
    project = copy_project(tmp_path_factory.mktemp(f"filing-{request.param}") / "project")
    for name, value in (("ICP_FILING", ICP), ("PSB_FILING", PSB)):
        monkeypatch_module.setenv(name, value)
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return request.param, project / "site"


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _pages(site):
    for lang in LANGUAGES:
        root = site / site_languages()[lang].root
        for slug in page_slugs():
            yield BeautifulSoup(
                ((root / slug) if slug else root).joinpath("index.html").read_text("utf-8"), "html.parser"
            )


def test_footer_shows_the_filing_numbers_with_their_links_only_when_set(filing_build):
    state, site = filing_build
    for soup in _pages(site):
        links = {a.get_text(strip=True): a["href"] for a in soup.select("footer a[data-twincity-filing]")}
        if state == "unset":
            assert links == {} and not soup.select(".twincity-filing")
            assert "beian" not in str(soup.select_one("footer"))
        else:
            assert links == {
                ICP: "https://beian.miit.gov.cn/",
                PSB: "https://beian.mps.gov.cn/#/query/webSearch?code=" + "".join(re.findall(r"\d", PSB)),
            }
