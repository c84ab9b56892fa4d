"""KPI targets: writes by managers and admins only, validated, audited, refused when stale;
each indicator's value by domain.md on a hand-built data set; the pace projection by hand."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, insert, select

from db import models as m
from db.engine import session_scope
from db.errors import ValidationError
from db.permissions import PermissionDenied
from db.queries.pace import projection
from db.queries.progress import (
    artisans_coached,
    impressions_between,
    indicator_value,
    indicator_values,
    progress,
)
from db.queries.targets import Target, delete_target, set_target, target_for, targets_table
from db.versioning import data_versions
from tests.conftest import actor

MANAGER, ADMIN, STAFF, PARTNER = (actor("manager"), actor("admin"), actor("staff"),
                                  actor("partner"))
Y2024 = {"indicator": "certified_artisans", "period_start": date(2024, 1, 1),
         "period_end": date(2024, 12, 31)}


def _set(engine: Engine, value: Any = 150, seen: float | None = None, who: Any = MANAGER,
         **changes: Any) -> Target:
    with session_scope(engine) as s:
        return set_target(session=s, actor=who, **(Y2024 | changes), target_value=value,
                          seen=seen)


def _refused(engine: Engine, **kwargs: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as refused:
        _set(engine, **kwargs)
    return refused.value.errors


def _rows(engine: Engine) -> list[tuple[str, date, date, float]]:
    with session_scope(engine) as s:
        frame = targets_table(s)
    return [tuple(r) for r in frame[["indicator", "period_start", "period_end",
                                     "target_value"]].itertuples(index=False)]


def _audit(engine: Engine) -> list[tuple[str, str, dict | None, dict | None]]:
    with session_scope(engine) as s:
        rows = s.execute(select(m.AuditEntry.username, m.AuditEntry.action,
                                m.AuditEntry.before_json, m.AuditEntry.after_json)
                         .where(m.AuditEntry.entity == "kpi_targets")
                         .order_by(m.AuditEntry.id)).all()
    return [(u, a, b and json.loads(b), f and json.loads(f)) for u, a, b, f in rows]


def test_a_manager_sets_a_target(demo_users: Engine) -> None:
    _set(demo_users, 150)
    assert _rows(demo_users) == [("certified_artisans", date(2024, 1, 1), date(2024, 12, 31),
                                  150.0)]
    [(who, action, before, after)] = _audit(demo_users)
    assert (who, action, before, after["target_value"]) == ("manager", "create", None, 150.0)


def test_an_admin_changes_the_value_it_saw(demo_users: Engine) -> None:
    _set(demo_users, 150)
    _set(demo_users, 160, seen=150, who=ADMIN)
    assert _rows(demo_users)[0][3] == 160.0
    assert [(a, b and b["target_value"], f["target_value"]) for _, a, b, f in
            _audit(demo_users)] == [("create", None, 150.0), ("update", 150.0, 160.0)]


def test_a_change_from_a_stale_form_is_refused(demo_users: Engine) -> None:
    _set(demo_users, 150)
    _set(demo_users, 160, seen=150)  # another tab
    assert _refused(demo_users, value=170, seen=150) == {"_form": "targets.changed_meanwhile"}
    assert _refused(demo_users, value=170, seen=None) == {"_form": "targets.changed_meanwhile"}
    assert _rows(demo_users)[0][3] == 160.0 and len(_audit(demo_users)) == 2


def test_a_form_that_saw_a_target_since_deleted_is_refused(demo_users: Engine) -> None:
    target = _set(demo_users, 150)
    with session_scope(demo_users) as s:
        delete_target(session=s, actor=MANAGER, target_id=target.id, seen=150)
    assert _refused(demo_users, value=170, seen=150) == {"_form": "targets.changed_meanwhile"}
    assert _rows(demo_users) == []


def test_a_delete_is_audited_and_refused_when_stale(demo_users: Engine) -> None:
    target = _set(demo_users, 150)
    with pytest.raises(ValidationError), session_scope(demo_users) as s:
        delete_target(session=s, actor=MANAGER, target_id=target.id, seen=140)
    with session_scope(demo_users) as s:
        delete_target(session=s, actor=ADMIN, target_id=target.id, seen=150)
    assert _rows(demo_users) == []
    assert _audit(demo_users)[-1][:2] == ("admin", "delete")
    with pytest.raises(ValidationError), session_scope(demo_users) as s:
        delete_target(session=s, actor=ADMIN, target_id=target.id, seen=150)


def test_every_write_bumps_the_targets_version(demo_users: Engine) -> None:
    def version() -> int:
        with session_scope(demo_users) as s:
            return data_versions(s)["targets"]

    first = version()
    target = _set(demo_users, 150)
    _set(demo_users, 151, seen=150)
    with session_scope(demo_users) as s:
        delete_target(session=s, actor=MANAGER, target_id=target.id, seen=151)
    assert version() == first + 3


@pytest.mark.parametrize("who", [STAFF, PARTNER])
def test_staff_and_partners_may_not_write_targets(demo_users: Engine, who: Any) -> None:
    with session_scope(demo_users) as s:
        before = data_versions(s)["targets"]
    with pytest.raises(PermissionDenied):
        _set(demo_users, 150, who=who)
    target = _set(demo_users, 150)
    with pytest.raises(PermissionDenied), session_scope(demo_users) as s:
        delete_target(session=s, actor=who, target_id=target.id, seen=150)
    with session_scope(demo_users) as s:
        assert data_versions(s)["targets"] == before + 1  # the manager's write only
    assert len(_rows(demo_users)) == 1


@pytest.mark.parametrize(("changes", "errors"), [
    ({"indicator": "happiness"}, {"indicator": "targets.indicator_unknown"}),
    ({"period_end": date(2023, 12, 31)}, {"period_end": "targets.end_before_start"}),
    ({"period_start": date(1999, 12, 31)}, {"period_start": "targets.date_out_of_range"}),
    ({"period_end": date(2101, 1, 1)}, {"period_end": "targets.date_out_of_range"}),
    ({"period_end": date(2029, 1, 1)}, {"period_end": "targets.period_too_long"}),
    ({"period_start": datetime(2024, 1, 1, tzinfo=UTC)},
     {"period_start": "targets.date_invalid"}),
    ({"period_start": None}, {"period_start": "form.required"}),
    ({"value": -1}, {"target_value": "targets.value_negative"}),
    ({"value": float("nan")}, {"target_value": "targets.value_invalid"}),
    ({"value": float("inf")}, {"target_value": "targets.value_invalid"}),
    ({"value": "150"}, {"target_value": "targets.value_invalid"}),
    ({"value": 150.5}, {"target_value": "targets.value_whole"}),
    ({"value": 10**11}, {"target_value": "targets.value_too_large"}),
])
def test_wrong_input_is_refused_at_its_field(demo_users: Engine, changes: dict[str, Any],
                                              errors: dict[str, str]) -> None:
    assert _refused(demo_users, **changes) == errors
    assert _rows(demo_users) == [] and _audit(demo_users) == []


def test_five_years_less_a_day_is_the_longest_period(demo_users: Engine) -> None:
    _set(demo_users, 200, period_end=date(2028, 12, 31))
    assert _rows(demo_users)[0][2] == date(2028, 12, 31)


def test_a_period_overlapping_another_of_the_same_indicator_is_refused(
        demo_users: Engine) -> None:
    _set(demo_users, 150)
    assert _refused(demo_users, period_start=date(2024, 12, 31), period_end=date(2025, 12, 31)
                    ) == {"period_start": "targets.period_overlaps"}
    _set(demo_users, 10, indicator="coaching_sessions")  # another indicator may
    _set(demo_users, 165, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    assert len(_rows(demo_users)) == 3


def test_the_target_of_a_day(demo_users: Engine) -> None:
    _set(demo_users, 150)
    _set(demo_users, 165, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    with session_scope(demo_users) as s:
        assert target_for(s, "certified_artisans", date(2024, 12, 31)).target_value == 150
        assert target_for(s, "certified_artisans", date(2025, 1, 1)).target_value == 165
        assert target_for(s, "certified_artisans", date(2026, 1, 1)) is None
        assert target_for(s, "coaching_sessions", date(2024, 6, 1)) is None


# -- indicator values on a hand-built data set ----------------------------------------------

def _programme(engine: Engine) -> None:
    """4 artisans around New Year 2024: events, labels, coaching sessions, campaign figures."""
    with engine.begin() as conn:
        for i in range(1, 5):
            conn.execute(insert(m.Artisan), {"id": i, "first_name": "A", "last_name": str(i),
                                             "language": "fr", "source": "other"})
        conn.execute(insert(m.User), {"id": 1, "username": "s", "display_name": "S",
                                      "role": "staff", "password_hash": "x"})
        for event_id, day in ((1, date(2023, 12, 20)), (2, date(2024, 1, 10)),
                              (3, date(2024, 2, 14))):
            conn.execute(insert(m.Event), {
                "id": event_id, "title": "E", "kind": "networking", "action": "community",
                "starts_at": datetime(day.year, day.month, day.day, 17, tzinfo=UTC)})
        at = datetime(2023, 12, 1, tzinfo=UTC)
        for event_id, artisan_id, status in ((1, 1, "attended"), (2, 2, "attended"),
                                             (2, 1, "attended"), (3, 3, "no_show")):
            conn.execute(insert(m.Attendance), {
                "event_id": event_id, "artisan_id": artisan_id, "status": status,
                "recorded_by": "s", "registered_at": at,
                "checked_in_at": at if status == "attended" else None})
        for artisan_id, day in ((1, date(2018, 1, 15)), (2, date(2023, 6, 1)),
                                (3, date(2024, 1, 20))):  # the first lapses on 15 Jan 2024
            conn.execute(insert(m.LabelStep), {"artisan_id": artisan_id, "state": "certified",
                                               "occurred_on": day})
        for artisan_id, day in ((1, date(2023, 12, 28)), (1, date(2024, 1, 5)),
                                (1, date(2024, 1, 20)), (2, date(2024, 1, 31)),
                                (3, date(2024, 2, 1))):
            conn.execute(insert(m.CoachingSession), {
                "artisan_id": artisan_id, "coach_user_id": 1, "held_on": day,
                "duration_min": 60, "format": "office", "topic": "pricing"})
        conn.execute(insert(m.Campaign), {"id": 1, "name": "C", "starts_on": date(2023, 12, 1),
                                          "ends_on": date(2024, 2, 29)})
        for channel, start, end, shown in (
                ("posters", date(2023, 12, 25), date(2023, 12, 31), 100),
                ("posters", date(2024, 1, 1), date(2024, 1, 7), 200),
                ("radio", date(2024, 1, 29), date(2024, 2, 4), 400)):  # ends in February
            conn.execute(insert(m.CampaignMetric), {
                "campaign_id": 1, "channel": channel, "period_start": start,
                "period_end": end, "impressions": shown})


JANUARY = (date(2024, 1, 1), date(2024, 1, 31))


@pytest.mark.parametrize(("indicator", "period", "expected"), [
    ("community_members", JANUARY, 2),  # unique attendees to date; a no-show is no member
    ("community_members", (date(2023, 1, 1), date(2023, 12, 31)), 1),
    ("certified_artisans", (date(2024, 1, 1), date(2024, 1, 14)), 2),
    ("certified_artisans", (date(2024, 1, 1), date(2024, 1, 15)), 1),  # 6 years are over
    ("certified_artisans", JANUARY, 2),
    ("campaign_impressions", JANUARY, 200),  # a figure counts in the period it ends in
    ("campaign_impressions", (date(2023, 12, 1), date(2024, 1, 31)), 300),
    ("campaign_impressions", (date(2024, 2, 1), date(2024, 2, 29)), 400),
    ("artisans_coached", JANUARY, 2),  # unique artisans, not sessions
    ("artisans_coached", (date(2023, 12, 1), date(2024, 2, 29)), 3),
    ("coaching_sessions", JANUARY, 3),
    ("coaching_sessions", (date(2023, 12, 1), date(2024, 2, 29)), 5),
])
def test_indicator_values_follow_the_definitions(engine: Engine, indicator: str,
                                                 period: tuple[date, date],
                                                 expected: int) -> None:
    _programme(engine)
    with session_scope(engine) as s:
        assert indicator_value(s, indicator, *period) == expected


def test_each_read_binds_its_own_periods(engine: Engine) -> None:
    """The flows' statements are built once (per number of periods asked), the periods bound
    at each read: reads of as many periods, one after the other, each count their own."""
    _programme(engine)
    december = (date(2023, 12, 1), date(2023, 12, 31))
    winter = (date(2023, 12, 1), date(2024, 2, 29))
    flows = ("coaching_sessions", "artisans_coached", "campaign_impressions")
    with session_scope(engine) as s:

        def read(*wanted: tuple[str, date, date]) -> list[int]:
            values = indicator_values(s, wanted)
            return [values[w] for w in wanted]

        # one period at a time, then two of each flow (one statement per flow), twice
        assert [read((f, *p)) for p in (december, JANUARY, winter) for f in flows] == [
            [1], [1], [100], [3], [2], [200], [5], [3], [700]]
        assert read(*((f, *p) for f in flows for p in (december, JANUARY))) == [
            1, 3, 1, 2, 100, 200]
        assert read(*((f, *p) for f in flows for p in (JANUARY, winter))) == [
            3, 5, 2, 3, 200, 700]
        # artisans coached: the first session since each first day, by each end
        assert read(*(("artisans_coached", date(2023, 12, 1), end) for end in (
            date(2023, 12, 31), date(2024, 1, 31), date(2024, 2, 29)))) == [1, 2, 3]
        assert read(*(("artisans_coached", date(2024, 1, 21), end) for end in (
            date(2024, 1, 31), date(2024, 2, 29)))) == [1, 2]
        assert read(("artisans_coached", date(2024, 1, 21), date(2024, 1, 20))) == [0]
        assert [(impressions_between(s, *p), artisans_coached(s, *p))
                for p in (december, JANUARY, winter)] == [(100, 1), (200, 2), (700, 3)]


def test_progress_of_a_running_and_an_ended_target(engine: Engine) -> None:
    _programme(engine)
    with session_scope(engine) as s:
        for indicator, start, end, value in (
                ("community_members", date(2024, 1, 1), date(2024, 12, 31), 10),
                ("coaching_sessions", date(2023, 12, 1), date(2023, 12, 31), 4),
                ("artisans_coached", date(2024, 2, 1), date(2024, 2, 29), 0),
                ("campaign_impressions", date(2024, 3, 1), date(2024, 3, 31), 1000)):
            s.add(m.KpiTarget(indicator=indicator, period_start=start, period_end=end,
                              target_value=value))
    with session_scope(engine) as s:
        frame = progress(s, date(2024, 1, 31)).set_index("indicator")
    members = frame.loc["community_members"]
    # 1 member on 31 Dec, 2 on 31 Jan: +1 in 31 days, over 366 days
    assert (members["status"], members["value"], members["share"]) == ("running", 2, 0.2)
    assert members["projection"] == pytest.approx(1 + 366 / 31)
    sessions = frame.loc["coaching_sessions"]  # over: the actual value at its end
    assert (sessions["status"], sessions["value"], sessions["projection"]) == ("ended", 1, 1)
    coached = frame.loc["artisans_coached"]  # starts tomorrow; a target of 0 has no share
    assert coached["status"] == "upcoming"
    assert pd.isna(coached["projection"]) and pd.isna(coached["share"])


# -- the pace projection, by hand ------------------------------------------------------------

TEN_DAYS = {"start": date(2024, 1, 1), "end": date(2024, 1, 10)}
CROSSING = {"start": date(2023, 7, 1), "end": date(2024, 6, 30)}  # 366 days (29 Feb 2024)


def _pace(cumulative: bool, today: date, now: float, at_start: float = 0,
          period: dict[str, date] | None = None) -> float | None:
    return projection(cumulative=cumulative, today=today, at_start=at_start, now=now,
                      **(period or TEN_DAYS))


def test_no_pace_before_the_period_or_on_its_first_day() -> None:
    assert _pace(False, date(2023, 12, 31), 0) is None
    assert _pace(True, date(2024, 1, 1), 105, at_start=100) is None
    assert _pace(False, date(2024, 1, 1), 3) is None


def test_on_the_last_day_and_after_it_the_actual_value() -> None:
    assert _pace(False, date(2024, 1, 10), 17) == 17
    assert _pace(True, date(2024, 3, 1), 130, at_start=100) == 130
    one_day = {"start": date(2024, 5, 1), "end": date(2024, 5, 1)}
    assert _pace(False, date(2024, 5, 1), 4, period=one_day) == 4


def test_a_flow_extrapolates_its_count_over_the_whole_period() -> None:
    assert _pace(False, date(2024, 1, 5), 7) == 14  # 7 in 5 of 10 days


def test_a_stock_extrapolates_its_gain_since_the_start() -> None:
    assert _pace(True, date(2024, 1, 5), 110, at_start=100) == 120  # +10 in 5 of 10 days


def test_a_period_crossing_new_year() -> None:
    # 1 Jan 2024 is day 185 of 366: 184 days from July to December, plus this one
    assert _pace(False, date(2024, 1, 1), 370, period=CROSSING) == 732
    assert _pace(True, date(2024, 1, 1), 137, at_start=100, period=CROSSING) == pytest.approx(
        100 + 37 * 366 / 185)


def test_when_nothing_happened_nothing_moves() -> None:
    assert _pace(False, date(2024, 1, 5), 0) == 0
    assert _pace(True, date(2024, 1, 5), 100, at_start=100) == 100


def test_a_falling_stock_is_projected_falling_but_never_below_zero() -> None:
    assert _pace(True, date(2024, 1, 5), 95, at_start=100) == 90
    assert _pace(True, date(2024, 1, 2), 5, at_start=10) == 0
