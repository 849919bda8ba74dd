"""Whatever is in a data file, the loader either loads it or raises the project's own
DataError: never another exception (which the build would show as a traceback)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.data import FIXTURE_DATA, load
from twincity.data.kinds import KINDS
from twincity.data.site_data import SiteData
from twincity.errors import DataError

FILES = [kind.filename for kind in KINDS]
FIXTURE_ENTRIES = {name: yaml.safe_load((FIXTURE_DATA / name).read_text("utf-8")) for name in FILES}

_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20) | st.dates()
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8) | st.integers(), inner, max_size=4),
    max_leaves=12,
)
_yaml_punctuation = st.text(alphabet=list("-:{}[],'\"#&*!|>%@`\n\t ?abc0123456789年"), max_size=120)


@st.composite
def _mutated_fixture(draw):
    """A fixture file whose entries have random keys replaced, removed or added."""
    filename = draw(st.sampled_from(FILES))
    entries = [dict(e) for e in FIXTURE_ENTRIES[filename]]
    for _ in range(draw(st.integers(1, 3))):
        entry = draw(st.sampled_from(entries))
        key = draw(st.sampled_from(sorted(entry)) | st.text(max_size=6))
        if draw(st.booleans()):
            entry[key] = draw(_values)
        else:
            entry.pop(key, None)
    return filename, yaml.safe_dump(entries, allow_unicode=True)


_documents = st.one_of(
    st.tuples(st.sampled_from(FILES), st.text(max_size=200)),
    st.tuples(st.sampled_from(FILES), _yaml_punctuation),
    st.tuples(st.sampled_from(FILES), _values.map(lambda v: yaml.safe_dump(v, allow_unicode=True))),
    _mutated_fixture(),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents)
def test_loader_loads_or_raises_its_own_data_error(document):
    filename, text = document
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        data_dir.mkdir()
        for name in FILES:
            shutil.copyfile(FIXTURE_DATA / name, data_dir / name)
        (data_dir / filename).write_text(text, "utf-8")
        try:
            result = load(data_dir)
        except DataError as error:
            assert error.problems, "a DataError always carries at least one problem"
            # Each names the file it is about: a data file, or the source read with it.
            assert all(p.file.startswith(("data/", "sources/")) and str(p).startswith(p.file) for p in error.problems)
        else:
            assert isinstance(result, SiteData)
