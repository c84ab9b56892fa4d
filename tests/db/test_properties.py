"""Property-based checks of small rules that everything else relies on."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from components.i18n import fmt_number
from db.passwords import MAX_BYTES, password_problem
from db.privacy import SMALL, disclose_count, interval
from seed.common import enterprise_number


@given(st.integers(min_value=0, max_value=99_999_999))
def test_generated_enterprise_numbers_pass_mod97(body: int) -> None:
    number = enterprise_number(body)
    assert len(number) == 10 and number.isdigit()
    assert int(number[8:]) == 97 - int(number[:8]) % 97


@given(st.integers(min_value=0, max_value=10**9))
def test_a_disclosed_count_is_a_multiple_of_five_or_under_five_and_within_two(count: int) -> None:
    shown = disclose_count(count)
    if 0 < count < 5:
        assert shown == SMALL
    else:
        assert isinstance(shown, int) and shown % 5 == 0 and abs(shown - count) <= 2
    lo, hi = interval(shown)
    assert lo <= count <= hi


@given(st.text(min_size=1, max_size=120))
def test_password_rules_never_crash_and_respect_bcrypt(password: str) -> None:
    problem = password_problem(password)
    if problem is None:
        assert len(password.encode("utf-8")) <= MAX_BYTES


@given(st.integers(min_value=-10**9, max_value=10**9))
def test_belgian_number_format_groups_with_dots(value: int) -> None:
    french, english = fmt_number(value, "fr"), fmt_number(value, "en")
    assert french.replace(".", "") == english.replace(",", "") == str(value)


@given(st.one_of(st.integers(min_value=-10**12, max_value=10**12),
                 st.floats(min_value=-1e12, max_value=1e12),
                 st.sampled_from([float("inf"), float("-inf"), float("nan")]),
                 st.decimals(min_value=-10**6, max_value=10**6, places=3).map(float),
                 st.decimals(min_value=-10**6, max_value=10**6, places=3).map(
                     lambda d: np.float32(float(d)))),
       st.integers(min_value=0, max_value=3), st.sampled_from(["fr", "nl", "en"]))
def test_numbers_are_formatted_as_babel_formats_them(value: float, decimals: int,
                                                     lang: str) -> None:
    # fmt_number formats with Python and the locale's signs (fast); Babel is the reference,
    # half-way values (2.675, 0.125, -0.5) included through the decimals strategy
    from babel.numbers import format_decimal

    from components.i18n import NUMBER_LOCALES
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    assert fmt_number(value, lang, decimals) == format_decimal(
        value, format=pattern, locale=NUMBER_LOCALES[lang])
