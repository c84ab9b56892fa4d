"""KPI definitions checked on tiny hand-built cases."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Engine, insert

from db import models as m
from db.engine import session_scope
from db.queries.coaching import follow_up_counts
from db.queries.community import members_by_month, members_to_date
from db.queries.label import certified_count


def _base(engine: Engine, artisans: int = 3) -> None:
    with engine.begin() as conn:
        for i in range(1, artisans + 1):
            conn.execute(insert(m.Artisan), {"id": i, "first_name": "A", "last_name": str(i),
                                             "language": "fr", "source": "other"})
        conn.execute(insert(m.User), {"id": 1, "username": "s", "display_name": "S",
                                      "role": "staff", "password_hash": "x"})


def _event(engine: Engine, event_id: int, day: date, action: str = "community") -> None:
    with engine.begin() as conn:
        conn.execute(insert(m.Event), {"id": event_id, "title": "E", "kind": "networking",
                                       "action": action,
                                       "starts_at": datetime(day.year, day.month, day.day, 18,
                                                             tzinfo=UTC)})


def _attend(engine: Engine, event_id: int, artisan_id: int, status: str = "attended") -> None:
    with engine.begin() as conn:
        at = datetime(2023, 1, 1, tzinfo=UTC)  # a check-in time exactly when attended
        conn.execute(insert(m.Attendance), {"event_id": event_id, "artisan_id": artisan_id,
                                            "status": status, "recorded_by": "s",
                                            "registered_at": at,
                                            "checked_in_at": at if status == "attended" else None})


def test_members_are_unique_attendees_of_community_events(engine: Engine) -> None:
    _base(engine)
    _event(engine, 1, date(2023, 1, 19))
    _event(engine, 2, date(2023, 2, 16))
    _event(engine, 3, date(2023, 2, 20), action="coaching")
    _attend(engine, 1, 1)
    _attend(engine, 2, 1)  # returning: still one member
    _attend(engine, 2, 2, "no_show")  # not a member
    _attend(engine, 3, 3)  # coaching event: not community
    with session_scope(engine) as s:
        assert members_to_date(s, date(2023, 12, 31)) == 1
        assert members_to_date(s, date(2023, 1, 1)) == 0
        growth = members_by_month(s, date(2023, 12, 31))
    assert growth["total"].tolist() == [1] and growth["month"].dt.month.tolist() == [1]


def _step(engine: Engine, artisan_id: int, state: str, day: date) -> None:
    with engine.begin() as conn:
        conn.execute(insert(m.LabelStep), {"artisan_id": artisan_id, "state": state,
                                           "occurred_on": day})


def test_certification_lasts_six_years_unless_renewed(engine: Engine) -> None:
    _base(engine)
    _step(engine, 1, "certified", date(2017, 3, 1))  # lapses on 2023-03-01
    _step(engine, 2, "certified", date(2017, 3, 1))
    _step(engine, 2, "certified", date(2023, 2, 1))  # renewed in time
    _step(engine, 3, "certified", date(2020, 5, 1))
    _step(engine, 3, "expired", date(2021, 5, 1))  # marked expired early
    with session_scope(engine) as s:
        assert certified_count(s, date(2023, 2, 28)) == 2
        assert certified_count(s, date(2023, 3, 1)) == 1
        assert certified_count(s, date(2020, 6, 1)) == 3


def test_overdue_follow_ups_are_open_and_past_due(engine: Engine) -> None:
    _base(engine)
    rows = [("open", date(2024, 1, 1), None), ("open", date(2024, 3, 1), None),
            ("done", date(2024, 1, 1), date(2024, 1, 2)), ("cancelled", date(2024, 1, 1), None)]
    with engine.begin() as conn:
        for status, due, done in rows:
            conn.execute(insert(m.FollowUp), {"artisan_id": 1, "owner_user_id": 1,
                                              "action": "x", "due_on": due, "status": status,
                                              "done_on": done})
    with session_scope(engine) as s:
        assert follow_up_counts(s, date(2024, 2, 1)) == {"open": 2, "overdue": 1}
