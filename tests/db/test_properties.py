"""Property-based checks of small rules that everything else relies on."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from components.i18n import fmt_number
from db.passwords import MAX_BYTES, password_problem
from db.privacy import MIN_CELL, suppress_small
from seed.common import enterprise_number


@given(st.integers(min_value=0, max_value=99_999_999))
def test_generated_enterprise_numbers_pass_mod97(body: int) -> None:
    number = enterprise_number(body)
    assert len(number) == 10 and number.isdigit()
    assert int(number[8:]) == 97 - int(number[:8]) % 97


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=30))
def test_no_visible_count_is_between_one_and_four(counts: list[int]) -> None:
    out = suppress_small(pd.DataFrame({"count": counts}))
    visible = out["count"].dropna()
    assert ((visible == 0) | (visible >= MIN_CELL)).all()
    small = sum(1 for c in counts if 0 < c < MIN_CELL)
    assert (out["hidden_as"] == "small").sum() == small
    nonzero = sum(1 for c in counts if c > 0)
    if small and nonzero > 1:  # never one hidden cell alone: the total would reveal it
        assert out["suppressed"].sum() >= 2


@given(st.text(min_size=1, max_size=120))
def test_password_rules_never_crash_and_respect_bcrypt(password: str) -> None:
    problem = password_problem(password)
    if problem is None:
        assert len(password.encode("utf-8")) <= MAX_BYTES


@given(st.integers(min_value=-10**9, max_value=10**9))
def test_belgian_number_format_groups_with_dots(value: int) -> None:
    french, english = fmt_number(value, "fr"), fmt_number(value, "en")
    assert french.replace(".", "") == english.replace(",", "") == str(value)
