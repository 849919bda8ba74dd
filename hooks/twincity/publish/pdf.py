"""Print each language's fact sheet to PDF with Chromium, from the built page.

Why Chromium (through Playwright): the PDF is then the very page a reader prints, with
the site's own print stylesheet, SVG and system CJK fonts, and the tests already need
Chromium; WeasyPrint would be a second layout engine with its own CSS support. Chromium
writes real text with embedded font subsets; pypdf then sets the title and language.

Without Playwright or a Chromium the build goes on and says so (the PDF links then lead
nowhere), unless TWINCITY_REQUIRE_PDF is set: then it fails. `make build` and the Pages
workflow install both and set it (see README).

Printing takes Chromium several seconds, so a PDF is printed only when what it is
printed from changed: the built page's HTML, every file of the site it references
(stylesheets, scripts, pictures, and what the stylesheets reference), and the printing
itself (this module's code, Playwright's and pypdf's versions, the Chromium used). The
PDFs are kept under that key in the build cache's `factsheet-pdf/` (`.cache/` beside
mkdocs.yml: build_cache.py) and copied into the site when the key is found. Fonts
installed on the system are not part of the key: delete the folder after changing them.

TWINCITY_PDF=off skips printing (the PDF links then lead nowhere): the tests set it for
the builds that are not about the PDF. TWINCITY_REQUIRE_PDF wins over it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import re
import shutil
import threading
import unicodedata
from pathlib import Path

from ..build_cache import cache_folder
from ..config.languages import Languages
from ..config.pages import FACTSHEET
from ..pages.rendering import factsheet_pdf_name
from .chromium import CHROMIUM_ARGS, chromium_executable

log = logging.getLogger("mkdocs.hooks.twincity.publish.pdf")
A4_POINTS = (595.28, 841.89)
PRINT_SCALES = (1.0, 0.96, 0.92, 0.88)  # tried in turn until the sheet fits one page


class PdfError(Exception):
    pass


def publish(config, languages: Languages) -> list[Path]:
    """Write <language root>/factsheet/<name>.pdf for every language; log why not if it cannot."""
    site_dir = Path(config.site_dir)
    jobs = [(language.code, site_dir / language.root / FACTSHEET) for language in languages]
    jobs = [(lang, folder) for lang, folder in jobs if (folder / "index.html").exists()]
    required = bool(os.environ.get("TWINCITY_REQUIRE_PDF"))
    if os.environ.get("TWINCITY_PDF") == "off" and not required:
        log.info("Fact sheet PDFs not printed (TWINCITY_PDF=off): the PDF links are broken in this build.")
        return []
    cache = PdfCache(cache_folder(config, CACHE_NAME))
    keys = {lang: print_key(folder / "index.html", site_dir) for lang, folder in jobs}
    copied = [folder / factsheet_pdf_name(lang) for lang, folder in jobs if cache.copy(lang, keys[lang], folder)]
    jobs = [(lang, folder) for lang, folder in jobs if folder / factsheet_pdf_name(lang) not in copied]
    if copied:
        log.info("Fact sheet PDFs unchanged since last printed, copied from %s: %s", cache.folder, len(copied))
    if not jobs:
        return copied
    reason = unavailable()
    if reason:
        # TWINCITY_REQUIRE_PDF=1 (make build, the Pages workflow): a warning, so --strict fails.
        report = log.warning if required else log.info
        report(
            "Fact sheet PDFs NOT made: %s. The PDF links are broken in this build; see README (Fact sheet PDF).", reason
        )
        return copied
    result: dict[str, object] = {}

    def work() -> None:  # Playwright's sync API cannot run inside another one's loop (the tests): a thread of its own
        try:
            result["paths"] = print_pdfs(jobs)
        except Exception as error:  # noqa: BLE001 - reported below
            result["error"] = error

    thread = threading.Thread(target=work, name="factsheet-pdf")
    thread.start()
    thread.join()
    if "error" in result:
        log.warning("Fact sheet PDF: %s", result["error"])
        return copied
    paths = result["paths"]
    for (lang, _), path in zip(jobs, paths):
        cache.store(lang, keys[lang], path)
    log.info("Fact sheet PDFs written: %s", ", ".join(str(p.relative_to(config.site_dir)) for p in paths))
    return copied + paths


# -----------------------------------------------------------------------------
# The cache: a PDF per language, under the key of what it was printed from
# -----------------------------------------------------------------------------

CACHE_NAME = "factsheet-pdf"
# Files of the site a page refers to (href, src, srcset) and a stylesheet refers to (url()).
_REFERENCE = re.compile(r"""\b(?:href|src)=["']([^"'#?]+)""")
_SRCSET = re.compile(r"""\bsrcset=["']([^"']+)["']""")
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')#?]+)""")


def print_key(page: Path, site_dir: Path) -> str:
    """The sha256 of everything the PDF of `page` is printed from (see the module's docstring)."""
    digest = hashlib.sha256()
    digest.update(printing_fingerprint().encode("utf-8"))
    digest.update(page.read_bytes())
    for path in sorted(referenced_files(page, site_dir)):
        digest.update(str(path.relative_to(site_dir)).encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def referenced_files(page: Path, site_dir: Path) -> set[Path]:
    """The files of the built site the page uses, and those its stylesheets use, PDFs excepted."""
    site = site_dir.resolve()
    found: set[Path] = set()

    def add(base: Path, reference: str) -> Path | None:
        reference = reference.strip()
        if not reference or "://" in reference or reference.startswith(("data:", "mailto:", "//")):
            return None
        path = ((site if reference.startswith("/") else base) / reference.lstrip("/")).resolve()
        if path.is_file() and path.is_relative_to(site) and path.suffix != ".pdf" and path not in found:
            found.add(path)
            return path
        return None

    html = page.read_text("utf-8")
    references = _REFERENCE.findall(html)
    references += [item.split()[0] for srcset in _SRCSET.findall(html) for item in srcset.split(",") if item.split()]
    for reference in references:
        path = add(page.parent.resolve(), reference)
        if path is not None and path.suffix == ".css":
            for inner in _CSS_URL.findall(path.read_text("utf-8", errors="replace")):
                add(path.parent, inner)
    return found


def printing_fingerprint() -> str:
    """What prints the PDF: this module's code (options, scales, post-processing), the versions
    of Playwright and pypdf, and the Chromium executable."""
    parts = [Path(__file__).read_text("utf-8")]
    for package in ("playwright", "pypdf"):
        try:
            parts.append(f"{package}=={importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{package} missing")
    executable = chromium_executable()
    if executable:
        for path in {Path(executable), Path(executable).resolve()}:
            stat = path.stat()
            parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


class PdfCache:
    """PDFs in `folder`, named <language>-<key>.pdf; the most recently used per language
    are kept: a fact sheet holds its site's address, and `make build`, `make pages` and
    the tests (two sites for each of up to four workers, each for its own port) each
    build for their own. Builds at once may share the folder."""

    KEEP = 12

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, lang: str, key: str) -> Path:
        return self.folder / f"{lang}-{key}.pdf"

    def copy(self, lang: str, key: str, folder: Path) -> bool:
        """Copy the language's PDF printed under `key` into `folder`; False if there is none."""
        cached = self._path(lang, key)
        try:
            shutil.copyfile(cached, folder / factsheet_pdf_name(lang))
            os.utime(cached)  # recently used: kept (never creates the file, as touch would)
        except FileNotFoundError:  # not printed yet, or just dropped by another build
            return False
        return True

    def store(self, lang: str, key: str, pdf: Path) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            older = sorted(self.folder.glob(f"{lang}-*.pdf"), key=_modified, reverse=True)
            for old in older[self.KEEP - 1 :]:
                old.unlink(missing_ok=True)
            temporary = self._path(lang, key).with_suffix(f".{os.getpid()}.tmp")  # one a process
            shutil.copyfile(pdf, temporary)
            temporary.replace(self._path(lang, key))
        except OSError as error:  # a read-only checkout still builds, printing every time
            log.info("Fact sheet PDF not cached in %s: %s", self.folder, error)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # dropped by another build meanwhile
        return 0.0


def unavailable() -> str | None:
    try:
        import playwright  # noqa: F401
        import pypdf  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed (pip install -r requirements/dev.txt)"
    if chromium_executable() is None and not _playwright_chromium():
        return "no Chromium (apt-get install chromium fonts-noto-cjk, or python -m playwright install chromium)"
    return None


def _playwright_chromium() -> bool:
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            return Path(playwright.chromium.executable_path).exists()
    except Exception:  # noqa: BLE001 - no browser
        return False


def print_pdfs(jobs: list[tuple[str, Path]], extra_args: tuple[str, ...] = ()) -> list[Path]:
    """Print each (language, folder)'s index.html; `extra_args` go to Chromium too (a test's net log)."""
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=[*CHROMIUM_ARGS, *extra_args])
        try:
            for lang, folder in jobs:
                page = browser.new_page()
                page.goto((folder / "index.html").resolve().as_uri(), wait_until="load")
                page.evaluate("document.fonts.ready.then(() => true)")
                title = page.title()
                html_lang = page.evaluate("document.documentElement.lang") or lang
                # A language whose texts run longer (a third one, say) is printed a little smaller
                # rather than on a second page; past the last scale, finish() refuses it.
                for scale in PRINT_SCALES:
                    raw = page.pdf(
                        format="A4", print_background=True, prefer_css_page_size=True, tagged=True, scale=scale
                    )
                    if page_count(raw) == 1:
                        break
                page.close()
                path = folder / factsheet_pdf_name(lang)
                path.write_bytes(finish(raw, title=title, lang=html_lang))
                written.append(path)
        finally:
            browser.close()
    return written


def page_count(raw: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(raw)).pages)


def finish(raw: bytes, *, title: str, lang: str) -> bytes:
    """Title and language into the PDF's metadata; one A4 page or an error."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    reader = PdfReader(io.BytesIO(raw))
    if len(reader.pages) != 1:
        raise PdfError(
            f"the fact sheet ({lang}) prints on {len(reader.pages)} pages, not 1: shorten it or tighten its print CSS"
        )
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        unify_to_unicode(page)
    writer.add_metadata({"/Title": title, "/Creator": "Chromium (Playwright), pypdf"})
    root = writer._root_object
    root[NameObject("/Lang")] = TextStringObject(lang)
    preferences = DictionaryObject()
    preferences[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    root[NameObject("/ViewerPreferences")] = preferences
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# -----------------------------------------------------------------------------
# Text extraction: Chromium (Skia) maps some glyphs of Noto Sans CJK shared by an
# ideograph and a Kangxi radical to the radical (大 -> ⼤ U+2F24, 里 -> ⾥ U+2F65), so
# copied or searched text would not match. The ToUnicode maps are rewritten with each
# radical or compatibility ideograph replaced by its unified ideograph (NFKC).
# -----------------------------------------------------------------------------

_PAIR = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RANGE = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])")
_BLOCK = re.compile(r"begin(bfchar|bfrange)(.*?)end\1", re.S)


# Simplified-form radicals (no NFKC mapping) and one extension-A variant that Noto Sans CJK SC
# draws with the glyph of a common character: the character the page holds.
# (code point drawn, code point of the page's character), as numbers: no module holds text.
_SHARED_GLYPHS = {
    chr(a): chr(b)
    for a, b in (
        (0x2EC9, 0x8D1D),
        (0x2ECB, 0x8F66),
        (0x2EC5, 0x89C1),
        (0x2ED3, 0x957F),
        (0x2ED4, 0x95E8),
        (0x2ED9, 0x97E6),
        (0x2EDA, 0x9875),
        (0x2EDB, 0x98CE),
        (0x2EDC, 0x98DE),
        (0x2EE2, 0x9A6C),
        (0x2EE5, 0x9C7C),
        (0x2EE6, 0x9E1F),
        (0x2EE9, 0x9EC4),
        (0x2EEC, 0x9F50),
        (0x2EEE, 0x9F7F),
        (0x2EF0, 0x9F99),
        (0x2EF3, 0x9F9F),
        (0x2EE8, 0x9EA6),
        (0x2EE7, 0x5364),
        (0x2EC6, 0x89D2),
        (0x2EC4, 0x897F),
        (0x2ED8, 0x9752),
        (0x2ED7, 0x96E8),
        (0x2EE3, 0x9AA8),
        (0x2EE4, 0x9B3C),
        (0x2EA0, 0x6C11),
        (0x2EA9, 0x738B),
        (0x2EAE, 0x7AF9),
        (0x2EB6, 0x7F8A),
        (0x2EDD, 0x98DF),
        (0x2E9D, 0x6708),
        (0x2EBC, 0x6708),
        (0x3B35, 0x80F6),
    )
}


def _unified(text: str) -> str:
    out = []
    for char in text:
        code = ord(char)
        if char in _SHARED_GLYPHS:
            char = _SHARED_GLYPHS[char]
        elif 0x2E80 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF:
            normal = unicodedata.normalize("NFKC", char)
            char = normal if len(normal) == 1 else char
        out.append(char)
    return "".join(out)


def _utf16(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be", errors="replace")


def unify_cmap(cmap: str) -> str:
    """A ToUnicode CMap with the same codes mapped to unified ideographs, as bfchar entries."""
    mapping: dict[str, str] = {}
    width = 4
    for kind, body in _BLOCK.findall(cmap):
        if kind == "bfchar":
            for code, dst in _PAIR.findall(body):
                mapping[code.upper()] = _utf16(dst)
                width = len(code)
        else:
            for low, high, dst in _RANGE.findall(body):
                width = len(low)
                start, end = int(low, 16), int(high, 16)
                if dst.startswith("["):
                    targets = [_utf16(h) for h in re.findall(r"<([0-9A-Fa-f]+)>", dst)]
                    for offset, target in enumerate(targets[: end - start + 1]):
                        mapping[f"{start + offset:0{width}X}"] = target
                else:
                    base = _utf16(dst[1:-1])
                    for offset in range(end - start + 1):
                        mapping[f"{start + offset:0{width}X}"] = base[:-1] + chr(ord(base[-1]) + offset)
    if not mapping:
        return cmap
    items = sorted((code, _unified(text)) for code, text in mapping.items())
    blocks = []
    for i in range(0, len(items), 100):
        chunk = items[i : i + 100]
        lines = [f"<{code}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in chunk]
        blocks.append(f"{len(chunk)} beginbfchar\n" + "\n".join(lines) + "\nendbfchar")
    head = cmap[: cmap.index("endcodespacerange") + len("endcodespacerange")]
    return head + "\n" + "\n".join(blocks) + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"


def unify_to_unicode(page) -> None:
    fonts = page.get("/Resources", {}).get("/Font", {})
    for font in fonts.values():
        font = font.get_object()
        if "/ToUnicode" not in font:
            continue
        stream = font["/ToUnicode"].get_object()
        text = stream.get_data().decode("latin-1")
        fixed = unify_cmap(text)
        if fixed != text:
            stream.set_data(fixed.encode("latin-1"))
