"""Compiled Jinja templates kept between builds.

Jinja compiles a template to Python before rendering it. mkdocs-static-i18n builds
every language with a Jinja environment of its own, so the theme's templates (Material's,
about fifty, and overrides/) were compiled again for each language, and every build
compiled them and our blocks' templates (`hooks/twincity/templates/`) anew: about a
fifth of a build's time. The hook gives both environments this cache, which keeps the
compiled code in memory for the process (every language, every rebuild of
`make serve`) and in the build cache's `jinja/` (`.cache/` beside mkdocs.yml:
build_cache.py) for the next build.

Nothing stale is used. A compiled template is kept under its name and the checksum of
its source (so copies of the project share it, and an edited template is compiled
anew), and Jinja checks it against that checksum and against its own and Python's
versions. What else shapes the compiled code names the folder it is kept in: the
environment's syntax and whitespace options, autoescape, finalize and extensions, and
each filter and test: its name (Jinja checks it while compiling), what Jinja passes it
(the context or not) and the file it is defined in (the optimizer calls a filter on a
constant while compiling). An environment set up differently, or whose filters' code
changed, never reads another's code. A cache that cannot be written makes the build
slower, not different.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import pickle
from pathlib import Path

import jinja2

log = logging.getLogger("mkdocs.hooks.twincity")

CACHE_NAME = "jinja"  # in the build cache


def environment_fingerprint(env: jinja2.Environment) -> str:
    """The environment's settings and functions that change the code Jinja compiles a template to."""
    parts = [
        jinja2.__version__,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        str(env.line_statement_prefix),
        str(env.line_comment_prefix),
        str(env.trim_blocks),
        str(env.lstrip_blocks),
        env.newline_sequence,
        str(env.keep_trailing_newline),
        str(env.optimized),
        str(env.is_async),
        _identity(env.autoescape),
        _identity(env.finalize),
        *sorted(env.extensions),
    ]
    # Each filter and test as the compiled code depends on it: its name, what it is passed
    # (the context or not: the call Jinja writes), and the code that defines it (the
    # optimizer calls a filter on a constant while compiling and keeps the result).
    for kind, functions in (("filter", env.filters), ("test", env.tests)):
        parts += [f"{kind} {name}: {_identity(function)}" for name, function in sorted(functions.items())]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]


def _identity(value: object) -> str:
    """A function by name, what Jinja passes it, and the sha256 of the file it is defined in."""
    if not callable(value):
        return repr(value)
    function = inspect.unwrap(value)
    name = f"{getattr(function, '__module__', '?')}.{getattr(function, '__qualname__', type(function).__name__)}"
    passes = getattr(value, "jinja_pass_arg", None)
    try:
        source = inspect.getsourcefile(function)
    except TypeError:  # built into Python: its version is Jinja's cache header's
        source = None
    digest = hashlib.sha256(Path(source).read_bytes()).hexdigest()[:16] if source and Path(source).is_file() else ""
    return f"{name} {passes} {digest}"


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode cache, in memory and in a folder (None: memory only)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._compiled: dict[str, bytes] = {}
        self._disk = jinja2.FileSystemBytecodeCache(str(folder), "%s.jinja") if folder else None
        self._write_failed = False

    def get_bucket(self, environment, name, filename, source) -> jinja2.bccache.Bucket:
        """The template's entry, keyed by its name and source rather than by its file."""
        checksum = self.get_source_checksum(source)
        bucket = jinja2.bccache.Bucket(environment, self.get_cache_key(f"{name}|{checksum}"), checksum)
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)
        elif self._disk is not None:
            try:  # Jinja leaves the bucket empty when the entry is absent or stale
                self._disk.load_bytecode(bucket)
            except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):  # unreadable, cut short
                bucket.reset()
            if bucket.code is not None:  # the next language's environment finds it in memory
                self._compiled[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()
        if self._disk is None or self._write_failed:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._disk.dump_bytecode(bucket)  # written to a temporary file, then renamed
        except OSError as error:  # a read-only checkout: compiled again next build
            self._write_failed = True
            log.info("Compiled templates not kept in %s: %s", self.folder, error)


_CACHES: dict[tuple[str, Path | None], CompiledTemplates] = {}


def keep_compiled(env: jinja2.Environment, cache: Path | None) -> jinja2.Environment:
    """Give `env` the cache of its settings, in `cache` (the build cache's jinja/; None: this process only)."""
    fingerprint = environment_fingerprint(env)
    folder = cache / fingerprint if cache is not None else None
    if (fingerprint, folder) not in _CACHES:
        _CACHES[fingerprint, folder] = CompiledTemplates(folder)
    env.bytecode_cache = _CACHES[fingerprint, folder]
    return env
