"""Reporting periods: quick picks, the previous period of equal length, and changes."""

from __future__ import annotations

from datetime import date

import pytest

from db.periods import Period, change, quick_period


def test_quick_picks_run_to_today() -> None:
    today = date(2026, 11, 30)
    assert quick_period("this_month", today) == Period(date(2026, 11, 1), today)
    assert quick_period("this_quarter", today) == Period(date(2026, 10, 1), today)
    assert quick_period("this_year", today) == Period(date(2026, 1, 1), today)
    assert quick_period("plan", today) == Period(date(2023, 1, 1), date(2024, 12, 31))
    assert quick_period("this_quarter", date(2026, 3, 31)).start == date(2026, 1, 1)
    with pytest.raises(ValueError):
        quick_period("custom", today)


def test_the_previous_period_has_the_same_length_and_may_cross_new_year() -> None:
    january = Period(date(2026, 1, 1), date(2026, 1, 10))
    assert january.previous() == Period(date(2025, 12, 22), date(2025, 12, 31))
    assert january.previous().days == january.days == 10
    plan = quick_period("plan", date(2026, 1, 1))
    assert plan.previous() == Period(date(2020, 12, 31), date(2022, 12, 31))  # 731 days each
    with pytest.raises(ValueError):
        Period(date(2026, 1, 2), date(2026, 1, 1))


def test_changes_in_percent_points_and_n_a() -> None:
    assert change(150, 100).value == 50.0 and not change(150, 100).points
    assert change(50, 100).value == -50.0
    assert change(10, 0).value is None  # n/a
    assert change(0.25, 0.20, rate=True).value == pytest.approx(5.0)
    assert change(0.25, 0.20, rate=True).points
    assert change(0.1, 0.0, rate=True).value is None  # the previous value is 0: n/a
    assert change(None, 3).value is None
