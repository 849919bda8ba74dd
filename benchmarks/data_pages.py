"""How the data pages scale: load+validate, render, and whole-build times for synthetic
data of 10, 100, 1,000 and 10,000 timeline events and agreements.

    make bench            # or: .venv/bin/python -m benchmarks.data_pages [--build-up-to N]

Rendering must grow linearly (the ratio column stays near 10 for 10x more data) and
10,000 events must render in well under a second. Whole builds run in-process
(`load_config` + `build`) on a temporary copy of the project with the synthetic data;
by default only up to 1,000 entries, since a build of 10,000 takes about a minute and a
half (`--build-up-to 10000` to include it).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT), str(ROOT / "tests")]

import properdocs.replacement  # noqa: F401,E402 - ProperDocs serves the hook's `mkdocs.*` imports

from support.site import PROJECT_PARTS, copy_project, page_slugs, site_languages  # noqa: E402
from twincity.data.loading import load_site_data  # noqa: E402
from twincity.pages.links import PageLinks  # noqa: E402
from twincity.pages.markers import MARKER  # noqa: E402
from twincity.pages.rendering import RenderContext, render_agreement_index, render_quotes, render_timeline  # noqa: E402

SIZES = (10, 100, 1_000, 10_000)
# The project without its data: the synthetic data takes its place.
BUILD_PARTS = tuple(part for part in PROJECT_PARTS if part != "data")
GROUPS = ("sector", "district", "enterprise")
CATEGORIES = ("history", "policy", "cooperation", "conference", "goal")


# -----------------------------------------------------------------------------
# Synthetic data
# -----------------------------------------------------------------------------


def _text(zh: str, en: str) -> dict[str, str]:
    """A text in every language of the site: the Chinese one in the default language, the English one in the others."""
    codes = site_languages().codes
    return {codes[0]: zh, **{code: en for code in codes[1:]}}


def _date(i: int) -> Any:
    """A mix of every date form: eras, years, months, days and spans."""
    year = 1900 + i % 130
    form = i % 5
    if form == 0 and i % 50 == 0:
        return {"era": _text(f"时期{i}", f"Era {i}"), "sort_year": year}
    if form == 1:
        return str(year)
    if form == 2:
        return f"{year}-{i % 12 + 1:02d}"
    if form == 3:
        return {"from": str(year), "to": f"{year + 1}-{i % 12 + 1:02d}"}
    return f"{year}-{i % 12 + 1:02d}-{i % 28 + 1:02d}"


def _site_entries(name: str) -> list[dict[str, Any]]:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text("utf-8"))


# The build checks every citation against the source: the synthetic entries cite the
# site's own excerpts, in turn.
CITATIONS = [entry["citation"] for name in ("agreements", "timeline", "quotes") for entry in _site_entries(name)]


def _citation(i: int) -> str:
    return CITATIONS[i % len(CITATIONS)]


def synthetic_data(n: int) -> dict[str, list[dict[str, Any]]]:
    """n timeline events and n agreements (one framework), n // 10 + 2 people and quotes, n glossary terms,
    and the site's own corrections of the source (which the sources page lists) and updates (its updates page)."""
    people = [
        {"id": f"person-{i}", "name": _text(f"人物{i}", f"Person {i}"), "title": _text(f"职务{i}", f"Title {i}")}
        for i in range(n // 10 + 2)
    ]
    # The reporter the source's description names (sources/source.yml, author).
    author = yaml.safe_load((ROOT / "sources" / "source.yml").read_text("utf-8"))["author"]
    people += [p for p in _site_entries("people") if p["id"] == author]
    quotes = [
        {
            "id": f"quote-{i}",
            "speaker": f"person-{i % len(people)}",
            "kind": ("quoted", "reported", "suggested", "report")[i % 4],
            "occasion": _text("会议上", "at the conference"),
            "text": _text(f"观点{i}。", f"Statement {i}."),
            "citation": _citation(i),
        }
        for i in range(n // 10 + 2)
    ]
    agreements = []
    for i in range(n):
        agreements.append(
            {
                "id": f"agreement-{i}",
                "group": "framework" if i == 0 else GROUPS[i % 3],
                "title": _text(f"协议{i}", f"Agreement {i}"),
                "description": _text(f"说明{i}", f"About agreement {i}"),
                "parties": {"dalian": _text("大连方", "Dalian side"), "yantai": _text("烟台方", "Yantai side")},
                "signed": {"date": "2025-02-17", "place": _text("大连", "Dalian")},
                "signatories": ["person-0", "person-1"] if i == 0 else [],
                "related_events": list(dict.fromkeys([f"event-{i}", f"event-{(i * 7) % n}"])),  # each once
                "related_quotes": [f"quote-{i % len(quotes)}"],
                "citation": _citation(i),
            }
        )
    events = [
        {
            "id": f"event-{i}",
            "date": _date(i),
            "title": _text(f"大事{i}", f"Event {i}"),
            "summary": _text(f"摘要{i}", f"Summary {i}"),
            "category": CATEGORIES[i % 5],
            "citation": _citation(i),
            "related_agreements": [f"agreement-{(i * 3) % n}"],
        }
        for i in range(n)
    ]
    glossary = [{"id": f"term-{i}", "kind": "concept", "term": _text(f"术语{i}", f"term {i}")} for i in range(n)]
    # n // 10 + 1 pairs of places (at most n - 1), each named by one specific agreement.
    places = []
    for j in range(1, min(n // 10 + 2, n)):
        pair = []
        for side, lon in (("dalian", 121 + j / n), ("yantai", 120 + j / n)):
            pair.append(f"place-{side}-{j}")
            places.append(
                {
                    "id": pair[-1],
                    "name": _text(f"地点{j}", f"Place {j}"),
                    "side": side,
                    "kind": "district-county",
                    "position": {"lon": lon, "lat": 38.0, "source": {"geonames": j, "name": f"Place {j}"}},
                }
            )
        agreements[j]["places"] = pair
    return {
        "people": people,
        "agreements": agreements,
        "timeline": events,
        "quotes": quotes,
        "glossary": glossary,
        "corrections": _site_entries("corrections"),
        "places": places,
        "updates": _site_entries("updates"),
    }


def with_page_quotations(data: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """The synthetic data plus the site's own quotations that prose pages give with
    <!-- twincity:quote ID --> (and their speakers): a whole build needs them."""
    ids = {
        m.group(3)
        for page in (ROOT / "docs").glob("*.md")
        for m in MARKER.finditer(page.read_text("utf-8"))
        if m.group(2) == "quote"
    }
    quotes = [q for q in _site_entries("quotes") if q["id"] in ids]
    speakers = {q["speaker"] for q in quotes}
    people = [p for p in _site_entries("people") if p["id"] in speakers]
    # The fact sheet's key dates (<!-- twincity:factsheet-dates ID ... -->) name timeline events.
    event_ids = {
        i
        for page in (ROOT / "docs").glob("*.md")
        for m in MARKER.finditer(page.read_text("utf-8"))
        if m.group(2) == "factsheet-dates"
        for i in m.group(3).split()
    }
    # The corrections (the site's own) name timeline entries in `see`; the build checks those anchors.
    event_ids |= {
        see.partition("#")[2]
        for correction in _site_entries("corrections")
        for see in correction.get("see", [])
        if see.startswith("timeline#")
    }
    events = [dict(e, related_agreements=[]) for e in _site_entries("timeline") if e["id"] in event_ids]
    return dict(
        data, quotes=data["quotes"] + quotes, people=data["people"] + people, timeline=data["timeline"] + events
    )


def write_data(folder: Path, data: dict[str, list[dict[str, Any]]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, entries in data.items():
        text = yaml.dump(
            entries, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False
        )
        (folder / f"{name}.yml").write_text(text, "utf-8")


# -----------------------------------------------------------------------------
# Measurements
# -----------------------------------------------------------------------------


def _best_of(repeat: int, action) -> float:
    """Best CPU time of this process over `repeat` runs: on a shared machine, wall-clock
    time mostly measures the other processes."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        action()
        best = min(best, time.process_time() - start)
    return best


def _context(data, code: str, page: str) -> RenderContext:
    """What a page of `page` in language `code` renders with, its links as MkDocs' files give them."""
    languages = site_languages()
    language = languages[code]
    targets = {slug or "index": language.root + (f"{slug}/" if slug else "") for slug in page_slugs()}
    return RenderContext(
        data=data,
        texts=language.texts,
        catalogues={lang.code: lang.texts for lang in languages},
        source=languages.source,
        links=PageLinks(page_url=language.root + f"{page}/", targets=targets),
        src=f"docs/{page}.md",
    )


def measure(n: int, build: bool) -> dict[str, float | None]:
    languages = site_languages()
    default = languages.default.code
    with tempfile.TemporaryDirectory(prefix="twincity-bench-") as tmp:
        project = Path(tmp)
        write_data(project / "data", with_page_quotations(synthetic_data(n)))
        repeat = 3 if n <= 1_000 else 1
        load = _best_of(
            repeat,
            lambda: load_site_data(project / "data", languages.codes, sources_dir=ROOT / "sources", use_cache=False),
        )
        data = load_site_data(project / "data", languages.codes, sources_dir=ROOT / "sources", use_cache=False)
        timeline = _best_of(repeat, lambda: [render_timeline(_context(data, lang, "timeline")) for lang in (default,)])
        agreements = _best_of(
            repeat, lambda: [render_agreement_index(_context(data, lang, "agreements")) for lang in (default,)]
        )
        everything = _best_of(
            repeat,
            lambda: [
                (render_timeline(ctx), render_agreement_index(ctx), render_quotes(ctx))
                for lang in languages.codes
                for ctx in [_context(data, lang, "x")]
            ],
        )
        whole = _whole_build(project) if build else None
    return {"load": load, "timeline": timeline, "agreements": agreements, "render_all": everything, "build": whole}


def _whole_build(project: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    copy_project(project, BUILD_PARTS)
    os.environ["TWINCITY_PDF"] = "off"  # the build's own work: printing is timed by neither stack
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # the prose pages link to ids the synthetic data lacks
    try:
        start = time.perf_counter()
        config = load_config(
            str(project / "mkdocs.yml"), site_dir=str(project / "site"), site_url="http://127.0.0.1:8000/"
        )
        build(config)
        return time.perf_counter() - start
    finally:
        logger.setLevel(level)  # as it was: the tests that run next read INFO messages


# -----------------------------------------------------------------------------
# Report
# -----------------------------------------------------------------------------


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.data_pages", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--build-up-to", type=int, default=1_000, help="largest size to time a whole build for (default 1000)"
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args(argv)

    print(
        "Synthetic data: N timeline events and N agreements (1 framework), N glossary terms, N/10+2 people and quotes."
    )
    print("Render: one language; 'all pages' = timeline + agreement index + quotes in both languages.")
    print("Load and render: CPU time of this process (best of 3 up to N=1,000); whole build: wall-clock time.\n")
    header = (
        "N",
        "load+validate",
        "render timeline",
        "render agreements",
        "render all pages",
        "x prev (all)",
        "whole build",
    )
    rows = []
    previous = None
    for n in args.sizes:
        result = measure(n, build=n <= args.build_up_to)
        ratio = f"{result['render_all'] / previous:.1f}" if previous else "—"
        previous = result["render_all"]
        rows.append(
            (
                f"{n:,}",
                _seconds(result["load"]),
                _seconds(result["timeline"]),
                _seconds(result["agreements"]),
                _seconds(result["render_all"]),
                ratio,
                _seconds(result["build"]),
            )
        )
        print(f"  measured N={n:,}", file=sys.stderr, flush=True)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda cells: "| " + " | ".join(str(c).rjust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(line(row))
    if args.build_up_to < max(args.sizes):
        print(f"\nWhole builds were timed up to N={args.build_up_to:,} ('—' above); pass --build-up-to to time more.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
