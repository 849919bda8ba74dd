"""Every link of a built site resolves: each href, src and srcset of every page (raw HTML
in Markdown included, which MkDocs' own validation does not look at), absolute URLs
under site_url in <link>/<meta> and sitemap.xml, and every #anchor against the ids of
its target page.

The build runs it once every language is written (hooks/main.py, on_post_build): each
problem is a warning, so --strict (every project build) stops. The tests and
`python -m tools.link_check site/ http://127.0.0.1:8000/` run the same check.

Resolution follows GitHub Pages: `dir/` serves dir/index.html, `dir` too. A resource
loaded from another host (src, stylesheet, icon) is an error: nothing from third parties
at page load. Links to other sites are listed, not fetched (no network here).
Prints one line a problem and exits 1 when there is any.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

URL_ATTRIBUTES = {"href", "src", "poster", "data", "action", "formaction", "cite"}
# Attributes that name a URL only in some <meta>: those under site_url are checked.
META_URL_PROPERTIES = {"og:url", "og:image", "twitter:image"}
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:")


@dataclass
class Reference:
    page: str  # the page holding it, relative to the site
    line: int
    tag: str
    attribute: str
    value: str


@dataclass
class Parsed:
    ids: set[str] = field(default_factory=set)
    references: list[Reference] = field(default_factory=list)
    base: str | None = None
    url: str = ""  # where the page is served, with its <base> applied: its links resolve against it
    unread: list[str] = field(default_factory=list)  # parts of the page the check could not read


# libxml2's HTML parser, recovering from errors as a browser does; the bytes are UTF-8.
# Without its limits on depth and size (huge_tree): a page it stops reading is reported.
_HTML = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
# libxml2 drops what follows </html>; a browser shows it, so it is reported, not skipped.
_AFTER_HTML = re.compile(rb"</html\s*>(.*)\Z", re.IGNORECASE | re.DOTALL)


def parse_page(text: bytes, page: str) -> Parsed:
    """The ids and the addresses of one built page (`page`: its path in the site)."""
    result = Parsed()
    root = etree.fromstring(text, _HTML) if text.strip() else None
    fatal = [error for error in _HTML.error_log if error.level == etree.ErrorLevels.FATAL]
    if fatal:
        result.unread.append(f"{page}:{fatal[0].line}: the page could not be read to its end: {fatal[0].message}")
    after = _AFTER_HTML.search(text)
    if after and after[1].strip():
        line = text[: after.start(1)].count(b"\n") + 1
        result.unread.append(f"{page}:{line}: text after </html>, which the check does not read")
    for element in root.iter() if root is not None else ():
        tag = element.tag
        if not isinstance(tag, str):  # an entity or other node without a tag name
            continue
        attributes = element.attrib
        line = element.sourceline or 0
        if attributes.get("id"):
            result.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            result.ids.add(attributes["name"])
        if tag == "base" and attributes.get("href"):
            result.base = attributes["href"]
        for name, value in attributes.items():
            if name in URL_ATTRIBUTES:
                result.references.append(Reference(page, line, tag, name, value.strip()))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        result.references.append(Reference(page, line, tag, name, candidate.split()[0]))
        if tag == "meta" and (attributes.get("property") or attributes.get("name")) in META_URL_PROPERTIES:
            result.references.append(Reference(page, line, tag, "content", (attributes.get("content") or "").strip()))
    return result


@dataclass
class Checker:
    site_dir: Path
    site_url: str
    external: set[str] = field(default_factory=set)
    absent: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.site_dir = self.site_dir.resolve()
        self.root = urlsplit(self.site_url)
        self._parsed: dict[Path, Parsed] = {}
        self._served: dict[str, Path | None] = {}  # URL path -> file (the site does not change while checked)

    def parse(self, path: Path) -> Parsed:
        if path in self._parsed:  # as given: resolving it again costs more than a page's links
            return self._parsed[path]
        given, path = path, path.resolve()
        if path not in self._parsed:
            result = parse_page(path.read_bytes(), path.relative_to(self.site_dir).as_posix())
            page_url = self.page_url(path)
            result.url = urljoin(page_url, result.base) if result.base else page_url
            self._parsed[path] = result
        self._parsed[given] = self._parsed[path]
        return self._parsed[path]

    def page_url(self, path: Path) -> str:
        relative = path.relative_to(self.site_dir).as_posix()
        if relative == "index.html":
            relative = ""
        elif relative.endswith("/index.html"):
            relative = relative.removesuffix("index.html")
        return urljoin(self.site_url, relative)

    def target_file(self, url: str) -> Path | None:
        """The file GitHub Pages would serve for a URL under site_url, if any."""
        path = unquote(urlsplit(url).path)
        if path not in self._served:
            self._served[path] = self._serving(path)
        return self._served[path]

    def _serving(self, path: str) -> Path | None:
        base = self.root.path if self.root.path.endswith("/") else self.root.path + "/"
        if not (path + "/").startswith(base):
            return None
        relative = path[len(base) :]
        candidate = (self.site_dir / relative).resolve()
        if not candidate.is_relative_to(self.site_dir):
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def _relative(self, url: str) -> str:
        base = self.root.path if self.root.path.endswith("/") else self.root.path + "/"
        return unquote(urlsplit(url).path)[len(base) :]

    def is_ours(self, url: str) -> bool:
        parts = urlsplit(url)
        return (parts.scheme, parts.netloc) == (self.root.scheme, self.root.netloc) and (parts.path + "/").startswith(
            self.root.path if self.root.path.endswith("/") else self.root.path + "/"
        )

    def problems_of(self, reference: Reference, page_path: Path) -> list[str]:
        value = reference.value
        where = f'{reference.page}:{reference.line}: <{reference.tag} {reference.attribute}="{value}">'
        if not value:
            return [f"{where}: empty address"]
        if value.lower().startswith(SKIPPED_SCHEMES):
            return []
        url = urljoin(self.parse(page_path).url, value)
        if urlsplit(url).scheme not in ("http", "https"):
            return [f"{where}: unknown scheme"]
        if not self.is_ours(url):
            if reference.attribute == "content" and reference.tag == "meta":
                return [f"{where}: points outside the site ({self.site_url})"]
            loads = reference.attribute != "href" or reference.tag in ("link",)
            if loads:
                return [f"{where}: loads a resource from another site (nothing from third parties at page load)"]
            self.external.add(url)
            return []
        target = self.target_file(url)
        if target is None:
            if self._relative(url) in self.absent:
                return []
            return [f"{where}: no such page or file in the built site"]
        fragment = unquote(urlsplit(url).fragment)
        if fragment and target.suffix == ".html" and fragment not in self.parse(target).ids:
            return [f"{where}: {target.relative_to(self.site_dir).as_posix()} has no id '{fragment}'"]
        return []

    def check(self) -> tuple[list[str], int]:
        problems: list[str] = []
        count = 0
        for page in sorted(self.site_dir.rglob("*.html")):
            problems += self.parse(page).unread
            for reference in self.parse(page).references:
                count += 1
                problems += self.problems_of(reference, page)
        sitemap = self.site_dir / "sitemap.xml"
        if sitemap.exists():
            namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
            for loc in ET.parse(sitemap).getroot().iterfind(".//s:loc", namespace):
                count += 1
                if not (loc.text and self.is_ours(loc.text) and self.target_file(loc.text)):
                    problems.append(f"sitemap.xml: <loc>{loc.text}</loc>: no such page in the built site")
        return problems, count


def check_site(site_dir: Path, site_url: str, absent: frozenset[str] = frozenset()) -> tuple[list[str], int]:
    """(problems, number of addresses checked). `absent`: site-relative files this build is
    known not to write (the PDFs of a build without Chromium, which says so itself)."""
    return Checker(Path(site_dir), site_url, absent=set(absent)).check()
