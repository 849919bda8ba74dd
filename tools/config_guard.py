"""Refuse a configuration file with YAML anchors or aliases before MkDocs reads it:

    python -m tools.config_guard mkdocs.yml

Every project command runs this first (make serve, build, pages, addresses; the tests'
builds): MkDocs walks the whole configuration while loading it, so an alias bomb would
grow memory without bound before any hook could stop it. The rule and its reasons:
hooks/twincity/config/yaml_aliases.py. Prints each problem and exits 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from twincity.config.yaml_aliases import alias_problems  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    problems = alias_problems(Path(argv[0]))
    for problem in problems:
        print(f"ERROR   -  {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
