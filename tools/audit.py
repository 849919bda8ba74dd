"""`make audit`: Lighthouse and axe scores of the built site, in one table.

Builds the site with `site_url` set to a local address, serves it on loopback the way
GitHub Pages does (gzip included), runs Lighthouse (mobile; the median of AUDIT_RUNS=3
runs) on a few pages in both languages and axe
(WCAG 2.1 A/AA) on every page in both languages, prints one table and exits non-zero
when a target is missed. The npm tools are pinned in tools/package-lock.json and
installed with `npm ci` when tools/node_modules is missing.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .pages_server import free_port, serve
from .site_layout import languages, page_path, page_slugs

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
sys.path.insert(0, str(ROOT / "hooks"))
from twincity.publish.chromium import CHROMIUM_ARGS, chromium_executable  # noqa: E402

LANGUAGES = tuple(language.code for language in languages())
LIGHTHOUSE_PAGES = ("", "agreements", "timeline")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Targets: every category 100, except Performance (simulated slow phone) at least 95.
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# Lighthouse's Performance score varies from run to run (more so on a busy machine);
# as Lighthouse's own docs advise, each page is run several times and the median kept.
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))
# The WCAG 2.1 A and AA rules of axe-core.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# -----------------------------------------------------------------------------
# axe (also used by tests/browser/test_a11y.py)
# -----------------------------------------------------------------------------


def axe_violations(page, context=None) -> list[str]:
    """WCAG 2.1 A/AA violations axe finds on the page, as 'rule-id: selector' lines."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, context=context, options=options)
    return [
        f"{violation['id']}: {' '.join(map(str, node['target']))}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


# -----------------------------------------------------------------------------
# Build and serve
# -----------------------------------------------------------------------------


def _build(site_dir: Path, url: str) -> None:
    import properdocs.replacement  # noqa: F401  (ProperDocs serves the `mkdocs.*` imports)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), site_url=url, strict=True))


def _page_slugs() -> list[str]:
    return page_slugs()


def _page_url(base: str, slug: str, lang: str) -> str:
    return base + page_path(slug, next(language for language in languages() if language.code == lang))


# -----------------------------------------------------------------------------
# Lighthouse
# -----------------------------------------------------------------------------


def _lighthouse_bin() -> Path:
    cli = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        print("Installing the pinned npm tools (npm ci in tools/) ...", flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=TOOLS, check=True)
    return cli


def _shell_word(flag: str) -> str:
    name, _, value = flag.partition("=")
    return f'{name}="{value}"' if " " in value else flag


def _lighthouse(cli: Path, url: str, out: Path) -> dict[str, int]:
    env = dict(os.environ)
    if chromium_executable():
        env["CHROME_PATH"] = chromium_executable()
    command = [
        "node",
        str(cli),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        "--form-factor=mobile",
        f"--only-categories={','.join(CATEGORIES)}",
        # A headless Chromium started as every Chromium of the project, offline but for this
        # machine (publish/chromium.py). Lighthouse joins the flags and splits them again
        # as a shell would: a value with spaces is quoted.
        "--chrome-flags=--headless " + " ".join(map(_shell_word, CHROMIUM_ARGS)),
        "--disable-full-page-screenshot",
    ]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    report = json.loads(out.read_text("utf-8"))
    scores = {}
    for category in CATEGORIES:
        score = report["categories"][category]["score"]
        scores[category] = -1 if score is None else round(score * 100)
    failing = [
        audit["id"]
        for category in CATEGORIES
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] and (audit := report["audits"][ref["id"]])["score"] not in (None, 1)
    ]
    scores["failing"] = failing
    return scores


# -----------------------------------------------------------------------------
# Report
# -----------------------------------------------------------------------------


@dataclass
class Row:
    page: str
    lang: str
    scores: dict = field(default_factory=dict)
    axe: list[str] = field(default_factory=list)

    def misses(self) -> list[str]:
        missed = [
            f"{category} {self.scores[category]} < {target}"
            for category, target in TARGETS.items()
            if category in self.scores and self.scores[category] < target
        ]
        if self.axe:
            missed.append(f"axe: {len(self.axe)} violation(s)")
        return missed


def _table(rows: list[Row]) -> str:
    header = ("page", "lang", "Performance", "Accessibility", "Best Practices", "SEO", "axe violations")
    lines = [header]
    for row in rows:
        scores = [str(row.scores[c]) if c in row.scores else "–" for c in CATEGORIES]
        lines.append((row.page, row.lang, *scores, str(len(row.axe))))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = ["| " + " | ".join(cell.ljust(w) for cell, w in zip(line, widths)) + " |" for line in lines]
    text.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(text)


def main() -> int:
    from playwright.sync_api import sync_playwright

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    slugs = _page_slugs()
    rows = {(slug, lang): Row(slug or "home", lang) for slug in slugs for lang in LANGUAGES}
    with tempfile.TemporaryDirectory(prefix="twincity-audit-") as tmp:
        site_dir = Path(tmp) / "site"
        print(f"Building the site for {base} ...", flush=True)
        _build(site_dir, base)
        server = serve(site_dir, port)
        try:
            cli = _lighthouse_bin()
            for slug in LIGHTHOUSE_PAGES:
                for lang in LANGUAGES:
                    url = _page_url(base, slug, lang)
                    print(f"Lighthouse {url} ({RUNS} runs) ...", flush=True)
                    runs = [_lighthouse(cli, url, Path(tmp) / "report.json") for _ in range(RUNS)]
                    failing = sorted({audit for run in runs for audit in run.pop("failing")})
                    if failing:
                        print("  audits below full marks in some run:", ", ".join(failing), flush=True)
                    print("  scores per run:", [tuple(run.values()) for run in runs], flush=True)
                    rows[(slug, lang)].scores = {
                        category: statistics.median_low(run[category] for run in runs) for category in CATEGORIES
                    }
            print("axe on every page ...", flush=True)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
                page = browser.new_page()
                for (slug, lang), row in rows.items():
                    page.goto(_page_url(base, slug, lang), wait_until="networkidle")
                    row.axe = axe_violations(page)
                browser.close()
        finally:
            server.shutdown()
            server.server_close()

    ordered = sorted(
        rows.values(), key=lambda row: (not row.scores, slugs.index("" if row.page == "home" else row.page), row.lang)
    )
    print()
    print(_table(ordered))
    misses = [(row, row.misses()) for row in ordered if row.misses()]
    for row, missed in misses:
        print(f"MISSED {row.page} ({row.lang}): {'; '.join(missed)}")
        for line in row.axe:
            print(f"    {line}")
    if not misses:
        print("\nAll targets met: Accessibility, Best Practices and SEO 100, Performance ≥ 95, no axe violation.")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
