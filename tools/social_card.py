"""Draw the site's link-preview image, docs/assets/images/social-card.png (1200×630).

An original drawing: an SVG rendered by Chromium through Playwright with the system's
CJK font (Noto Sans CJK on Debian). Run `python -m tools.social_card` after editing
the drawing and commit the PNG.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "assets" / "images" / "social-card.png"
WIDTH, HEIGHT = 1200, 630
CHROMIUM = Path("/usr/bin/chromium")

# Dalian (Liaodong Peninsula) to the north, Yantai (Shandong Peninsula) to the south,
# the Bohai Strait between them.
SVG = f"""
<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#283593"/>
      <stop offset="1" stop-color="#1a237e"/>
    </linearGradient>
  </defs>
  <rect width="{WIDTH}" height="{HEIGHT}" fill="url(#sky)"/>
  <g fill="none" stroke="#7986cb" stroke-width="3" opacity="0.55">
    <path d="M640 300 q40 -18 80 0 t80 0 t80 0 t80 0 t80 0 t80 0 t80 0"/>
    <path d="M640 340 q40 -18 80 0 t80 0 t80 0 t80 0 t80 0 t80 0 t80 0"/>
    <path d="M640 380 q40 -18 80 0 t80 0 t80 0 t80 0 t80 0 t80 0 t80 0"/>
  </g>
  <path d="M800 150 C 720 260, 720 420, 820 500" fill="none" stroke="#ffd54f"
        stroke-width="5" stroke-dasharray="14 12"/>
  <circle cx="800" cy="150" r="18" fill="#ffd54f"/>
  <circle cx="820" cy="500" r="18" fill="#ffd54f"/>
  <g font-family="Noto Sans CJK SC, Source Han Sans SC, sans-serif" fill="#ffffff">
    <text x="836" y="162" font-size="40" font-weight="700">大连 <tspan font-weight="400" font-size="30">Dalian</tspan></text>
    <text x="856" y="512" font-size="40" font-weight="700">烟台 <tspan font-weight="400" font-size="30">Yantai</tspan></text>
    <text x="872" y="438" font-size="26" fill="#c5cae9">渤海海峡 · Bohai Strait</text>
    <text x="72" y="250" font-size="92" font-weight="700">烟大双城记</text>
    <text x="72" y="320" font-size="36" fill="#e8eaf6">Yantai–Dalian</text>
    <text x="72" y="366" font-size="36" fill="#e8eaf6">Twin-City Linkage</text>
    <text x="72" y="500" font-size="28" fill="#c5cae9">“1+15”合作协议 · 2025年2月17日</text>
    <text x="72" y="542" font-size="28" fill="#c5cae9">The 1+15 agreements · 17 February 2025</text>
  </g>
</svg>
"""


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM) if CHROMIUM.exists() else None, args=["--no-sandbox"]
        )
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        page.set_content(f"<html><body style='margin:0'>{SVG}</body></html>")
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT), clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
        browser.close()
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
