"""Chinese queries keep their last word.

Material's search worker splits a Chinese query into the words its index holds
(`segment` in Material's src/.../search/query/segment/index.ts), but its loop never
tries a slice that ends at the end of the query (`j < query.length`). The last word
is therefore lost: 海洋经济 searched for 海洋 only, 双城联动 for 双城 only. The built
worker gets the bound `<=`. The build fails when the code is not found, as after an
upgrade of Material: then check whether upstream fixed it, and update or drop this.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError

WORKERS = "assets/javascripts/workers"
# The minified loop of Material 9.8 and the same loop with the end of the query included.
LOOP = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"


def fix_query_segmentation(site_dir: Path) -> Path:
    """Patch the built search worker in place (once; a second call finds it fixed)."""
    workers = sorted((site_dir / WORKERS).glob("search.*.min.js"))
    if len(workers) != 1:
        raise ConfigError(f"{WORKERS}: expected one Material search worker, found {[w.name for w in workers]}")
    worker = workers[0]
    code = worker.read_text("utf-8")
    if FIXED in code:
        return worker
    if code.count(LOOP) != 1:
        raise ConfigError(
            f"{WORKERS}/{worker.name}: Material's query segmentation loop was not found; "
            "see hooks/twincity/search_worker.py"
        )
    worker.write_text(code.replace(LOOP, FIXED), "utf-8")
    return worker
