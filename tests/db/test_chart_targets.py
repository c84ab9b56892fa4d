"""The targets the dashboards' charts draw: an indicator's targets over a period, and a flow's
progress towards its target by month end, checked by hand."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.models import KpiTarget, User
from db.permissions import SYSTEM
from db.queries.artisans import create_artisan
from db.queries.chart_targets import indicator_targets, target_progress
from db.queries.coaching_log import log_session
from tests.conftest import actor


def _sessions(s: Session, *days: date) -> None:
    """One artisan coached on each day."""
    coach = s.scalar(select(User.id).where(User.username == "staff"))
    who = create_artisan(session=s, actor=SYSTEM, fields={"first_name": "Ana",
                                                          "last_name": "Lopez"})
    for day in days:
        log_session(session=s, actor=actor("staff"), fields={
            "artisan_id": who.id, "coach_user_id": coach, "held_on": day, "duration_min": 60,
            "format": "office", "topic": "pricing", "topic_other": None, "notes": None})


def test_only_the_targets_overlapping_the_period_are_read(session: Session) -> None:
    for year, value in ((2023, 100), (2024, 200)):
        session.add(KpiTarget(indicator="coaching_sessions", period_start=date(year, 1, 1),
                              period_end=date(year, 12, 31), target_value=value))
    session.add(KpiTarget(indicator="artisans_coached", period_start=date(2024, 1, 1),
                          period_end=date(2024, 12, 31), target_value=9))
    session.flush()
    frame = indicator_targets(session, "coaching_sessions", date(2024, 3, 1), date(2025, 1, 1))
    assert frame.to_dict("records") == [{"period_start": date(2024, 1, 1),
                                         "period_end": date(2024, 12, 31), "target_value": 200.0}]


def test_a_flow_counts_from_its_targets_first_day_to_each_month_end(demo_users: Engine,
                                                                     session: Session) -> None:
    session.add(KpiTarget(indicator="coaching_sessions", period_start=date(2024, 1, 15),
                          period_end=date(2024, 12, 31), target_value=50))
    _sessions(session, date(2024, 1, 10), date(2024, 1, 20), date(2024, 1, 31),
              date(2024, 3, 2), date(2024, 4, 20))
    session.flush()
    # the period starts in February, today is 15 April: the count still starts on 15 January
    frame = target_progress(session, "coaching_sessions", date(2024, 2, 1), date(2024, 6, 30),
                            date(2024, 4, 15))
    assert [f"{m:%m}" for m in frame["month"]] == ["02", "03", "04"]
    assert list(frame["value"]) == [2, 3, 3]
    assert set(frame["target_value"]) == {50.0}


def test_the_indicator_and_the_period_are_bound_at_each_read(session: Session) -> None:
    """The targets' statement is built once, the indicator and the period bound at each read;
    a period's first and last days are in it."""
    for indicator, year, value in (("coaching_sessions", 2023, 100),
                                   ("coaching_sessions", 2024, 200),
                                   ("artisans_coached", 2024, 9)):
        session.add(KpiTarget(indicator=indicator, period_start=date(year, 1, 1),
                              period_end=date(year, 12, 31), target_value=value))
    session.flush()

    def values(indicator: str, start: date, end: date) -> list[float]:
        return list(indicator_targets(session, indicator, start, end)["target_value"])

    assert values("coaching_sessions", date(2023, 6, 1), date(2023, 6, 30)) == [100.0]
    assert values("coaching_sessions", date(2024, 6, 1), date(2024, 6, 30)) == [200.0]
    assert values("coaching_sessions", date(2023, 12, 31), date(2024, 1, 1)) == [100.0, 200.0]
    assert values("artisans_coached", date(2023, 12, 31), date(2024, 1, 1)) == [9.0]
    assert values("artisans_coached", date(2023, 1, 1), date(2023, 12, 31)) == []


def test_each_flow_and_period_counts_its_own_months(demo_users: Engine,
                                                    session: Session) -> None:
    """The flows' statements are built once (per number of months, for the sessions), the
    months bound at each read: two flows, and two periods of as many months, read one after
    the other each get their own counts."""
    for indicator in ("coaching_sessions", "artisans_coached"):
        session.add(KpiTarget(indicator=indicator, period_start=date(2024, 1, 1),
                              period_end=date(2024, 12, 31), target_value=10))
    _sessions(session, date(2024, 1, 10), date(2024, 1, 20), date(2024, 3, 2))
    _sessions(session, date(2024, 2, 5), date(2024, 4, 20))  # a second artisan
    session.flush()

    def values(indicator: str, start: date, end: date) -> list[int]:
        return list(target_progress(session, indicator, start, end, date(2024, 12, 31))["value"])

    winter, spring = (date(2024, 1, 1), date(2024, 2, 29)), (date(2024, 3, 1), date(2024, 4, 30))
    assert [values(i, *p) for p in (winter, spring)
            for i in ("coaching_sessions", "artisans_coached")] == [[2, 3], [1, 2], [4, 5], [2, 2]]
