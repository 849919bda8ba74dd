"""Published addresses never break: every page, stable anchor and data file the site has
published, in both languages, is listed in tests/published_addresses.txt, and each build
is checked against that list (tests/test_published.py).

    python -m tools.published check  SITE_DIR   # what the list promises, against a build
    python -m tools.published update SITE_DIR   # add new addresses to the list
    make addresses                              # build, then update the list

The list holds one address a line, relative to the site root (`/agreements/`,
`/en/timeline/#signing-ceremony-2025`, `/data/agreements.csv`), and moved pages as
`/old/ -> /new/`. Rules:

- an address in the list that the build no longer has fails (a disappeared page, anchor
  or data file);
- a deliberate move of a page needs, in the same commit, a redirect page (mkdocs.yml,
  plugin `redirects`, `redirect_maps: {old.md: new.md}`) and the line `/old/ -> /new/`
  in the list; the old page's anchors then resolve on the new page;
- a new page, stable anchor or data file that is not in the list fails too, until
  `make addresses` adds it (review the diff, commit it with the page).

Stable anchors are the ASCII ids (`agreement-index`, `maritime-affairs`) of the page
content; generated ones (`_1`, `115`) and the theme's (`__drawer`) are not promised.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
LIST = ROOT / "tests" / "published_addresses.txt"
STABLE_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# Published files that are not pages: the data downloads, the sitemap and the feeds of updates.
FILE_PATTERNS = ("data/**/*", "sitemap.xml", "feed.xml", "*/feed.xml")
NOT_ADDRESSES = {"404.html"}  # served for every missing path, not an address of its own
HEADER = """\
# Every address the site has published, in both languages: pages, stable anchors, data
# files. tests/test_published.py fails when a build loses one, or has one not listed.
# New page or anchor: run `make addresses`, review the diff, commit it with the change.
# Moved page: add a redirect (mkdocs.yml, redirects: redirect_maps: {old.md: new.md})
# and replace its line with `/old/ -> /new/`, in the same commit. See tools/published.py.
"""


@dataclass
class Build:
    """What a built site publishes: pages with their stable anchors, files, redirects."""

    pages: dict[str, set[str]] = field(default_factory=dict)  # "/en/timeline/" -> ids
    files: set[str] = field(default_factory=set)  # "/data/agreements.csv"
    redirects: dict[str, str] = field(default_factory=dict)  # "/history/" -> "/roots/"

    def addresses(self) -> set[str]:
        found = set(self.files)
        for page, ids in self.pages.items():
            found.add(page)
            found.update(f"{page}#{i}" for i in ids)
        return found


def _address(site_dir: Path, path: Path) -> str:
    relative = path.relative_to(site_dir).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + relative


def read_build(site_dir: Path) -> Build:
    site_dir = Path(site_dir).resolve()
    build = Build()
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative in NOT_ADDRESSES:
            continue
        address = _address(site_dir, path)
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
        if refresh is not None:
            target = str(refresh.get("content", "")).split("url=", 1)[-1].strip()
            build.redirects[address] = urlsplit(urljoin(address, target)).path
            continue
        content = soup.select_one("article.md-content__inner") or soup.body or soup
        build.pages[address] = {
            str(element["id"]) for element in content.select("[id]") if STABLE_ID.fullmatch(str(element["id"]))
        }
    for pattern in FILE_PATTERNS:
        build.files.update(_address(site_dir, p) for p in site_dir.glob(pattern) if p.is_file())
    return build


@dataclass
class Listed:
    addresses: list[str]
    moves: dict[str, str]


def read_list(path: Path = LIST) -> Listed:
    addresses, moves = [], {}
    for number, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):  # a comment: addresses start with '/'
            continue
        if "->" in line:
            old, new = (part.strip() for part in line.split("->", 1))
            if not (old.startswith("/") and new.startswith("/")):
                raise ValueError(f"{path.name}:{number}: a move is `/old/ -> /new/`: {raw!r}")
            moves[old] = new
        elif line.startswith("/"):
            addresses.append(line)
        else:
            raise ValueError(f"{path.name}:{number}: an address starts with '/': {raw!r}")
    return Listed(addresses, moves)


def _split(address: str) -> tuple[str, str]:
    page, _, fragment = address.partition("#")
    return unquote(page), unquote(fragment)


def problems(build: Build, listed: Listed) -> list[str]:
    found: list[str] = []
    how_to_move = (
        "restore it, or move it deliberately: a redirect in mkdocs.yml "
        "(redirects: redirect_maps: {old.md: new.md}) and, in tests/published_addresses.txt, "
        "the line `OLD -> NEW`, in the same commit"
    )
    for old, new in listed.moves.items():
        if old not in build.redirects:
            found.append(
                f"{old} -> {new}: the list records a move, but the build has no redirect page at {old} ({how_to_move})"
            )
        elif build.redirects[old] != new:
            found.append(f"{old} -> {new}: the redirect page at {old} leads to {build.redirects[old]}, not {new}")
        if new not in build.pages:
            found.append(f"{old} -> {new}: {new} is not a page of the build")
    for address in listed.addresses:
        page, fragment = _split(address)
        if page in listed.moves:
            page = listed.moves[page]  # the redirect page keeps the #fragment
        if page in build.pages:
            if fragment and fragment not in build.pages[page]:
                where = "" if page == _split(address)[0] else f" (moved to {page})"
                found.append(
                    f"{address}: published anchor disappeared: {page} has no id '{fragment}'{where}; "
                    f"{how_to_move.split(',')[0]}, or keep the id"
                )
        elif page in build.files and not fragment:
            continue
        elif page in build.redirects:
            found.append(
                f"{address}: {page} is now a redirect page to {build.redirects[page]}: record the move in "
                f"tests/published_addresses.txt as `{page} -> {build.redirects[page]}`"
            )
        else:
            found.append(f"{address}: published address disappeared from the build; {how_to_move}")
    known = set(listed.addresses) | set(listed.moves)
    new = sorted(build.addresses() - known - _moved_addresses(listed), key=_sort_key)
    if new:
        found.append(
            f"{len(new)} published addresses are not in tests/published_addresses.txt: run `make addresses`, "
            "review the diff and commit it with the change:\n    "
            + "\n    ".join(new[:40])
            + ("\n    ..." if len(new) > 40 else "")
        )
    return found


def _moved_addresses(listed: Listed) -> set[str]:
    """The new addresses that listed lines of moved pages already stand for."""
    moved = set(listed.moves.values())
    for address in listed.addresses:
        page, fragment = _split(address)
        if page in listed.moves:
            moved.add(listed.moves[page] + (f"#{fragment}" if fragment else ""))
    return moved


def _sort_key(address: str) -> tuple:
    page, _, fragment = address.partition("#")
    return (page.startswith("/en/"), page.removeprefix("/en"), page, fragment != "", fragment)


def write_list(listed: Listed, path: Path = LIST) -> None:
    lines = sorted(set(listed.addresses), key=_sort_key)
    moves = [f"{old} -> {new}" for old, new in sorted(listed.moves.items())]
    text = HEADER + ("\n# Moved pages\n" + "\n".join(moves) + "\n" if moves else "") + "\n" + "\n".join(lines) + "\n"
    path.write_text(text, "utf-8")


def update(build: Build, path: Path = LIST) -> list[str]:
    """Add the build's new addresses to the list; never drop one (that is a decision)."""
    listed = read_list(path) if path.exists() else Listed([], {})
    known = set(listed.addresses) | _moved_addresses(listed)
    added = sorted(build.addresses() - known, key=_sort_key)
    write_list(Listed(listed.addresses + added, listed.moves), path)
    return added


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] not in ("check", "update"):
        print(__doc__, file=sys.stderr)
        return 2
    build = read_build(Path(args[1]))
    if args[0] == "update":
        added = update(build)
        print(f"{LIST.relative_to(ROOT)}: {len(added)} addresses added" + "".join(f"\n  + {a}" for a in added))
    found = problems(build, read_list())
    for problem in found:
        print(f"error: {problem}", file=sys.stderr)
    print(f"{len(read_list().addresses)} published addresses, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
