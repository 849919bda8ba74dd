"""The browser tests' folder is left uncollected only when `-m` can select none of them
(tests/conftest.py, support/marks.py): whatever else a test carries, an expression that
could take a browser test keeps the folder."""

from __future__ import annotations

import pytest

from support.marks import selects_some

OTHERS = {"hypothesis", "parametrize", "skip"}


@pytest.mark.parametrize(
    ("markexpr", "selects"),
    [
        ("", True),
        ("browser", True),
        ("not browser", False),
        ("not (browser or hypothesis)", False),
        ("hypothesis and not browser", False),
        ("browser and not hypothesis", True),
        ("hypothesis", True),  # a browser test may carry it too
        ("not browser or not hypothesis", True),  # a browser test without it
        ("not browser and not skip or browser and skip", True),
        ("browser(reason=1)", True),  # arguments: not worked out here, so collected
    ],
)
def test_an_expression_selects_some_browser_test_exactly_when_one_set_of_marks_passes(markexpr, selects):
    assert selects_some(markexpr, "browser", OTHERS) is selects


def test_the_first_phase_of_make_test_does_not_collect_the_browser_tests(pytestconfig):
    from support.marks import may_select

    assert may_select("browser", "browser", pytestconfig)
    assert not may_select("not browser", "browser", pytestconfig)
