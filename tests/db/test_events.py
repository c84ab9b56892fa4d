"""Events: created at the Brussels time typed, edited without lost updates, copied, made as a
whole series; listed with counts aggregated in SQL; the schema's rules and its upgrade."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from components.messages_events import EVENTS_MESSAGES
from db.clock import BRUSSELS
from db.engine import session_scope, upgrade_to_head
from db.errors import ValidationError
from db.migrations.config import alembic_config
from db.models import Attendance, AuditEntry, Event, EventSeries
from db.permissions import SYSTEM, PermissionDenied
from db.queries.artisans import create_artisan
from db.queries.event_lists import event_detail, events_overview
from db.queries.event_series import create_series, series_dates
from db.queries.events import copy_event, create_event, update_event
from db.queries.registrations import register
from db.reads import NotDisclosable, run_read
from db.versioning import data_versions
from tests.conftest import ROOT, TODAY, actor

STAFF = actor("staff")


def fields(**changes: Any) -> dict[str, Any]:
    return {"title": "Rencontre des artisans", "kind": "networking", "action": "community",
            "day": date(2027, 3, 11), "time": time(18, 30), "venue": "BeCentral",
            "commune_nis": "21004", "capacity": 40} | changes


def new_event(s: Session, **changes: Any) -> int:
    return create_event(session=s, actor=STAFF, fields=fields(**changes)).id


def artisans(s: Session, count: int) -> list[int]:
    return [create_artisan(session=s, actor=SYSTEM, fields={
        "first_name": f"Prénom{i}", "last_name": f"Nom{i}"}).id for i in range(count)]


def utc(moment: datetime) -> datetime:
    """A stored moment in UTC (SQLite hands back naive UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _errors(call: Any, **kwargs: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as err:
        call(**kwargs)
    return err.value.errors


def test_an_event_starts_at_the_brussels_time_typed(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        winter = new_event(s, day=date(2027, 1, 14), time=time(18, 30))
        summer = new_event(s, day=date(2027, 7, 1), time=time(18, 30))
    with session_scope(demo_users) as s:
        stored = dict(s.execute(select(Event.id, Event.starts_at)).all())
        detail = event_detail(s, summer)
    assert utc(stored[winter]).hour == 17 and utc(stored[summer]).hour == 16
    assert detail is not None and detail.day == date(2027, 7, 1) and detail.time == time(18, 30)
    assert detail.starts_at == datetime(2027, 7, 1, 18, 30, tzinfo=BRUSSELS)


def test_each_wrong_field_has_its_message(demo_users: Engine) -> None:
    wrong = fields(title=" ", kind="party", action="fun", day=datetime(2027, 1, 1), time="18:00",
                   venue=7, commune_nis="99999", capacity=0, colour="red")
    with session_scope(demo_users) as s:
        errors = _errors(create_event, session=s, actor=STAFF, fields=wrong)
    assert errors == {"title": "form.required", "kind": "events.kind_unknown",
                      "action": "events.action_unknown", "day": "form.invalid_value",
                      "time": "form.invalid_value", "venue": "form.invalid_value",
                      "commune_nis": "events.commune_unknown",
                      "capacity": "events.capacity_invalid", "colour": "form.invalid_value"}


@pytest.mark.parametrize("day", [date(1999, 12, 31), date(2101, 1, 1)])
def test_a_day_outside_2000_to_2100_is_refused(demo_users: Engine, day: date) -> None:
    with session_scope(demo_users) as s:
        assert _errors(create_event, session=s, actor=STAFF,
                       fields=fields(day=day)) == {"day": "events.date_out_of_range"}


def test_the_first_and_last_minute_of_the_range_are_stored(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        new_event(s, day=date(2000, 1, 1), time=time(0, 0))
        new_event(s, day=date(2100, 12, 31), time=time(23, 59))


@pytest.mark.parametrize("moment", [datetime(1999, 12, 31, 22, 59, tzinfo=UTC),
                                    datetime(2100, 12, 31, 23, 0, tzinfo=UTC)])
def test_the_database_refuses_a_start_outside_the_range(engine: Engine,
                                                         moment: datetime) -> None:
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(sa.insert(Event), {"title": "E", "kind": "networking",
                                        "action": "community", "starts_at": moment})


def test_an_edit_changes_only_what_it_names(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        event_id = new_event(s)
    with session_scope(demo_users) as s:
        saved = update_event(session=s, actor=STAFF, event_id=event_id,
                             fields={"venue": "MAD Brussels"}, expected_version=1)
        assert (saved.row_version, saved.title, saved.capacity) == (2, fields()["title"], 40)
    with session_scope(demo_users) as s:
        detail = event_detail(s, event_id)
    assert detail is not None and detail.venue == "MAD Brussels" and detail.row_version == 2
    assert detail.time == time(18, 30)


def test_a_stale_edit_is_refused(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        event_id = new_event(s)
    with session_scope(demo_users) as s:
        update_event(session=s, actor=STAFF, event_id=event_id, fields={"capacity": 50},
                     expected_version=1)
    with session_scope(demo_users) as s:
        assert _errors(update_event, session=s, actor=STAFF, event_id=event_id,
                       fields={"capacity": 60}, expected_version=1) == {
            "_form": "events.stale_edit"}


def test_capacity_cannot_fall_below_the_seats_taken(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        event_id, people = new_event(s), artisans(s, 3)
        register(session=s, actor=STAFF, event_id=event_id, artisan_ids=people, today=TODAY)
    with session_scope(demo_users) as s:
        assert _errors(update_event, session=s, actor=STAFF, event_id=event_id,
                       fields={"capacity": 2}, expected_version=1) == {
            "capacity": "events.capacity_below_registered"}
    with session_scope(demo_users) as s:
        update_event(session=s, actor=STAFF, event_id=event_id, fields={"capacity": 3},
                     expected_version=1)


def test_a_copy_is_the_same_event_on_another_day_without_registrations(
        demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        event_id, people = new_event(s), artisans(s, 2)
        register(session=s, actor=STAFF, event_id=event_id, artisan_ids=people, today=TODAY)
        copy = copy_event(session=s, actor=STAFF, event_id=event_id, day=date(2027, 4, 8)).id
    with session_scope(demo_users) as s:
        original, copied = event_detail(s, event_id), event_detail(s, copy)
    assert original is not None and copied is not None
    assert (copied.day, copied.time, copied.registered) == (date(2027, 4, 8), time(18, 30), 0)
    assert (copied.title, copied.venue, copied.capacity) == (
        original.title, original.venue, original.capacity)


@pytest.mark.parametrize(("rule", "extra", "expected"), [
    ("weekly", {}, [date(2027, 3, 4), date(2027, 3, 11), date(2027, 3, 18), date(2027, 3, 25)]),
    ("every_two_weeks", {}, [date(2027, 3, 4), date(2027, 3, 18)]),
    ("monthly_nth_weekday", {"weekday": 3, "nth": 2}, [date(2027, 3, 11)]),
    ("monthly_nth_weekday", {"weekday": 4, "nth": -1}, [date(2027, 3, 26)]),
    ("monthly_day", {}, [date(2027, 3, 4)]),
])
def test_series_days_within_a_month(rule: str, extra: dict[str, int],
                                    expected: list[date]) -> None:
    assert series_dates(date(2027, 3, 4), date(2027, 3, 31), rule, **extra) == expected


def test_every_second_thursday_from_march_to_june() -> None:
    days = series_dates(date(2027, 3, 1), date(2027, 6, 30), "monthly_nth_weekday", 3, 2)
    assert days == [date(2027, 3, 11), date(2027, 4, 8), date(2027, 5, 13), date(2027, 6, 10)]


def test_a_monthly_day_skips_months_without_it() -> None:
    days = series_dates(date(2027, 1, 31), date(2027, 5, 31), "monthly_day")
    assert days == [date(2027, 1, 31), date(2027, 3, 31), date(2027, 5, 31)]


@pytest.mark.parametrize(("args", "errors"), [
    ((date(2027, 1, 1), date(2028, 6, 1), "weekly"), {"last_day": "events.series_too_long"}),
    ((date(2027, 3, 1), date(2027, 2, 1), "weekly"),
     {"last_day": "events.series_end_before_start"}),
    ((date(2027, 3, 1), date(2027, 6, 1), "daily"), {"rule": "events.series_rule_unknown"}),
    ((date(2027, 3, 1), date(2027, 6, 1), "monthly_nth_weekday", 7, 5),
     {"weekday": "events.series_weekday_invalid", "nth": "events.series_nth_invalid"}),
    ((date(2027, 3, 1), date(2027, 6, 1), "monthly_nth_weekday", 3, True),
     {"nth": "events.series_nth_invalid"}),
    ((date(1999, 3, 1), "2027-06-01", "weekly"),
     {"first_day": "events.date_out_of_range", "last_day": "form.invalid_value"}),
])
def test_a_wrong_series_is_refused(args: tuple[Any, ...], errors: dict[str, str]) -> None:
    assert _errors(series_dates, **dict(zip(
        ("first_day", "last_day", "rule", "weekday", "nth"), args, strict=False))) == errors


def test_sixty_events_is_the_most_a_series_holds() -> None:
    first = date(2027, 1, 1)
    assert len(series_dates(first, first + timedelta(weeks=59), "weekly")) == 60
    with pytest.raises(ValidationError):
        series_dates(first, first + timedelta(weeks=60), "weekly")


def test_a_series_makes_one_event_per_day_at_the_time_given(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        series = create_series(session=s, actor=STAFF, fields=fields(day=None),
                               first_day=date(2027, 3, 1), last_day=date(2027, 6, 30),
                               rule="monthly_nth_weekday", weekday=3, nth=2)
        series_id = series.id
    with session_scope(demo_users) as s:
        assert s.get_one(EventSeries, series_id).recurrence == "monthly_nth_weekday:2:3"
        frame = events_overview(s, TODAY, upcoming=True)
    assert list(frame["series_id"]) == [series_id] * 4
    assert [t.strftime("%d/%m %H:%M") for t in frame["starts_at"]] == [
        "11/03 18:30", "08/04 18:30", "13/05 18:30", "10/06 18:30"]


def test_a_wrong_series_reports_every_problem_and_writes_nothing(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        errors = _errors(create_series, session=s, actor=STAFF, fields=fields(title=""),
                         first_day=date(2027, 3, 1), last_day=date(2027, 3, 5),
                         rule="monthly_nth_weekday", weekday=3, nth=2)
        assert errors == {"title": "form.required"}
        assert _errors(create_series, session=s, actor=STAFF, fields=fields(),
                       first_day=date(2027, 3, 1), last_day=date(2027, 3, 5),
                       rule="monthly_nth_weekday", weekday=3, nth=2) == {
            "last_day": "events.series_empty"}
        assert s.scalar(select(func.count()).select_from(EventSeries)) == 0


def _attend(s: Session, event_id: int, artisan_id: int, status: str, walk_in: bool = False,
            ) -> None:
    moment = datetime(2026, 11, 20, 18, tzinfo=UTC)
    s.add(Attendance(event_id=event_id, artisan_id=artisan_id, status=status, walk_in=walk_in,
                     registered_at=None if walk_in else moment, recorded_by="staff",
                     checked_in_at=moment if status == "attended" else None))


def test_the_lists_count_each_status(demo_users: Engine) -> None:
    statuses = ["registered", "attended", "attended", "no_show", "cancelled", "attended"]
    with session_scope(demo_users) as s:
        past, people = new_event(s, day=date(2026, 11, 20)), artisans(s, len(statuses))
        for artisan_id, status in zip(people, statuses, strict=True):
            _attend(s, past, artisan_id, status, walk_in=artisan_id == people[-1])
        upcoming = new_event(s, day=date(2027, 1, 14))
    with session_scope(demo_users) as s:
        before = events_overview(s, TODAY, upcoming=False)
        after = events_overview(s, TODAY, upcoming=True)
    counts = before[["registered", "attended", "walk_ins", "no_shows", "cancelled"]]
    assert list(before["id"]) == [past] and list(after["id"]) == [upcoming]
    assert counts.iloc[0].tolist() == [1, 3, 1, 1, 1]
    assert after[["registered", "attended"]].iloc[0].tolist() == [0, 0]


def test_past_events_come_newest_first(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        older = new_event(s, day=date(2026, 9, 10))
        newer = new_event(s, day=date(2026, 11, 28))
        today = new_event(s, day=TODAY, time=time(9))
    with session_scope(demo_users) as s:
        assert list(events_overview(s, TODAY, upcoming=False)["id"]) == [newer, older]
        assert list(events_overview(s, TODAY, upcoming=True)["id"]) == [today]


def test_every_write_is_audited_and_versioned(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        start = data_versions(s)["events"]
        event_id = new_event(s)
        update_event(session=s, actor=STAFF, event_id=event_id, fields={"capacity": 9},
                     expected_version=1)
        copy_event(session=s, actor=STAFF, event_id=event_id, day=date(2027, 5, 6))
        create_series(session=s, actor=STAFF, fields=fields(), first_day=date(2027, 3, 4),
                      last_day=date(2027, 3, 18), rule="every_two_weeks")
        assert data_versions(s)["events"] == start + 4
        entries = s.execute(select(AuditEntry.entity, AuditEntry.action, AuditEntry.username)
                            .where(AuditEntry.entity.like("event%"))
                            .order_by(AuditEntry.id)).all()
    assert [(e, a) for e, a, _ in entries] == [
        ("events", "create"), ("events", "update"), ("events", "create"),
        ("event_series", "create"), ("events", "create"), ("events", "create")]
    assert {u for *_, u in entries} == {"staff"}


def test_a_partner_neither_writes_nor_reads_events(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        with pytest.raises(PermissionDenied):
            create_event(session=s, actor=actor("partner"), fields=fields())
        with pytest.raises(NotDisclosable):
            run_read(s, "events_overview", "partner", TODAY, True)


def test_upgrading_keeps_attendances_and_brings_them_in_line(engine: Engine) -> None:
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    when = datetime(2025, 3, 20, 17, tzinfo=UTC)
    events = sa.table("events", sa.column("id"), sa.column("title"), sa.column("kind"),
                      sa.column("action"), sa.column("starts_at", sa.DateTime(timezone=True)))
    rows = sa.table("attendances", sa.column("event_id"), sa.column("artisan_id"),
                    sa.column("status"), sa.column("recorded_by"), sa.column("walk_in"),
                    sa.column("checked_in_at", sa.DateTime(timezone=True)))
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO artisans (id, first_name, last_name, language, source)"
                             " VALUES (1, 'A', 'B', 'fr', 'other'), (2, 'C', 'D', 'fr', 'other')"))
        conn.execute(sa.insert(events), {"id": 1, "title": "E", "kind": "networking",
                                         "action": "community", "starts_at": when})
        conn.execute(sa.insert(rows), [
            {"event_id": 1, "artisan_id": 1, "status": "attended", "recorded_by": "s",
             "walk_in": False, "checked_in_at": None},
            {"event_id": 1, "artisan_id": 2, "status": "no_show", "recorded_by": "s",
             "walk_in": False, "checked_in_at": when}])
    upgrade_to_head(engine)
    with session_scope(engine) as s:
        kept = s.scalars(select(Attendance).order_by(Attendance.artisan_id)).all()
        assert [(a.status, a.checked_in_at is None, a.registered_at is None) for a in kept] == [
            ("attended", False, False), ("no_show", True, False)]
        assert s.get_one(Event, 1).row_version == 1


def test_every_message_key_of_the_events_code_is_translated() -> None:
    used: set[str] = set()
    for name in ("events", "event_series", "event_lists", "registrations", "checkin"):
        text = (ROOT / "db" / "queries" / f"{name}.py").read_text(encoding="utf-8")
        used |= set(re.findall(r"""["']((?:events|checkin)\.[a-z_]+)["']""", text))
    assert used and used - {"events.write"} <= set(EVENTS_MESSAGES)  # a permission
    for key, entry in EVENTS_MESSAGES.items():
        assert set(entry) == {"fr", "nl", "en"} and all(entry.values()), key
