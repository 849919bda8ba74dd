"""Run the Nu HTML Checker (vnu.jar, pinned in tools/vnu/) once over many HTML files.

    python -m tools.nu_check site/        # every page of a built site, one JVM

Prints the project's errors and warnings (Material's known ones are in
tools/vnu/allowlist.py, each with its reason) and the counts, ours / Material's, and
exits 1 when the project has any. `make test` runs the same check (tests/test_html_valid.py).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tools.vnu.allowlist import Allowed, allowed_by

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Where the project's own messages usually come from: printed beside them.
HINTS = (
    (
        "for attribute “datetime” on element “time”",
        "the <time datetime> of a date span: hooks/twincity/templates/timeline.html (models.py date_iso)",
    ),
    ("“h1” element as a top-level heading", "two h1 on one page: overrides/404.html"),
    ("Article lacks heading", "an <article> without heading: overrides/404.html"),
    (
        "Duplicate “dt” name",
        "two glossary entries with one English form: hooks/twincity/templates (glossary) / data/glossary.yml",
    ),
)


# How the JVM runs the checker: one short run over a few dozen files, where the JVM's own
# work outweighs the checking. Only the quick compiler (C1) and one garbage collector
# thread: half the CPU time of the defaults (4.3 s to 2.0 s over the site's 25 pages, the
# same report). C1's code needs a deeper stack than the default 1 MB on the HTML schema
# (a StackOverflowError at 1 MB; 1.5 MB was enough), so the stack is set well above that.
JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m")


class NuCheckerMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Message:
    file: str
    line: int | None
    kind: str  # "error" or "warning"
    text: str
    markup: str
    allowed: Allowed | None

    def __str__(self) -> str:
        hint = next((h for key, h in HINTS if key in self.text), None)
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.kind}: {self.text}\n    markup: {self.markup}" + (
            f"\n    likely from: {hint}" if hint else ""
        )


def java() -> str:
    found = shutil.which("java")
    if not found:
        raise NuCheckerMissing(
            "the Nu HTML checker needs a Java runtime: apt-get install default-jre-headless (.ci/run does)"
        )
    return found


def check(files: list[Path], base: Path) -> list[Message]:
    """Errors and warnings of vnu over `files` (one JVM), file names relative to `base`."""
    if not VNU_JAR.exists():
        raise NuCheckerMissing(f"{VNU_JAR.relative_to(ROOT)} is missing: `make test` installs it (npm ci in tools/vnu)")
    if not files:
        raise ValueError("no HTML files to check")
    result = subprocess.run(
        [
            java(),
            *JVM_OPTIONS,
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        raise RuntimeError(f"vnu failed ({result.returncode}): {result.stderr[-2000:]}")
    messages = []
    for raw in json.loads(result.stdout)["messages"]:
        kind = raw["type"]
        if kind == "info":
            if raw.get("subType") != "warning":
                continue  # plain information, e.g. "The first occurrence of … was here."
            kind = "warning"
        elif kind != "error":
            kind = "error"  # non-document-error: a file vnu could not read
        extract, start = raw.get("extract", ""), raw.get("hiliteStart", 0)
        markup = extract[start : start + raw.get("hiliteLength", 0)]
        url = raw.get("url", "")
        path = Path(url.removeprefix("file:")) if url.startswith("file:") else None
        try:
            name = str(path.resolve().relative_to(base.resolve())) if path else url
        except ValueError:
            name = url
        messages.append(
            Message(name, raw.get("lastLine"), kind, raw["message"], markup, allowed_by(raw["message"], markup))
        )
    return messages


def html_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def summary(messages: list[Message]) -> str:
    def count(items, kind):
        return sum(1 for m in items if m.kind == kind)

    ours = [m for m in messages if m.allowed is None]
    theirs = [m for m in messages if m.allowed is not None]
    return (
        f"Nu HTML checker: project {count(ours, 'error')} errors, {count(ours, 'warning')} warnings; "
        f"Material (allowlisted) {count(theirs, 'error')} errors, {count(theirs, 'warning')} warnings"
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(args[0])
    messages = check(html_files(site), site)
    for message in messages:
        if message.allowed is None:
            print(message)
    print(summary(messages))
    return 1 if any(m.allowed is None for m in messages) else 0


if __name__ == "__main__":
    sys.exit(main())
