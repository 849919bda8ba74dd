"""The address a published build carries: never missing, never this machine's.

`mkdocs.yml` takes `site_url` from SITE_URL and has no default, so a build without it
stops (the hook needs it for canonical, hreflang and 404 links). `make serve` and
`make build` pass the local address explicitly; `make pages`, the publishing build of the
Pages workflow, runs this tool before and after building:

    python -m tools.site_url check "$SITE_URL"       # refuse a missing, relative or loopback address
    python -m tools.site_url built site "$SITE_URL"  # refuse a built site that names another address

Each prints what is wrong and exits 1.
"""

from __future__ import annotations

import ipaddress
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

# Absolute URLs that point at this machine, in any text of the built site.
LOOPBACK_IN_TEXT = re.compile(
    r"(?:https?:)?//(?:localhost|[a-z0-9-]+\.localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])(?::\d+)?(?=[/\"'<\s?#]|$)",
    re.I,
)
# The files of the build that can carry the site's own address (not Material's bundles).
SCANNED_SUFFIXES = {".html", ".xml", ".json", ".txt"}


class SiteURLError(ValueError):
    pass


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def check_url(url: str | None) -> str:
    """The publishing address, or SiteURLError saying why it cannot be one."""
    if not url or not url.strip():
        raise SiteURLError(
            "SITE_URL is missing: a build for publishing needs the address it is published at "
            "(the Pages workflow takes it from actions/configure-pages)"
        )
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SiteURLError(f"SITE_URL {url!r} is not an absolute http(s) address")
    if is_loopback_host(parts.hostname):
        raise SiteURLError(
            f"SITE_URL {url!r} is this machine's address: a published site would point its "
            "canonical, hreflang and sitemap links there"
        )
    if not url.endswith("/"):
        raise SiteURLError(f"SITE_URL {url!r} must end with '/' (the site is a folder)")
    return url


def built_site_problems(site_dir: Path, url: str) -> list[str]:
    """Every place in a built site that names a loopback address or another site address."""
    problems: list[str] = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in SCANNED_SUFFIXES or not path.is_file():
            continue
        text = path.read_text("utf-8", errors="replace")
        for match in LOOPBACK_IN_TEXT.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"{path.relative_to(site_dir)}:{line}: names the loopback address {match.group(0)!r}")
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.exists():
        problems.append("sitemap.xml is missing")
    else:
        namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        for loc in ET.parse(sitemap).getroot().iterfind("s:url/s:loc", namespace):
            if not (loc.text or "").startswith(url):
                problems.append(f"sitemap.xml: {loc.text!r} is not under {url}")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        if len(args) in (1, 2) and args[0] == "check":
            print(f"site_url: {check_url(args[1] if len(args) == 2 else None)}")
            return 0
        if len(args) in (2, 3) and args[0] == "built":
            url = check_url(args[2] if len(args) == 3 else None)
            problems = built_site_problems(Path(args[1]), url)
            for problem in problems[:50]:
                print(f"error: {problem}", file=sys.stderr)
            if problems:
                print(
                    f"error: the site in {args[1]} is not built for {url} ({len(problems)} problems)", file=sys.stderr
                )
                return 1
            print(f"{args[1]}: every absolute address is under {url}")
            return 0
    except SiteURLError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
