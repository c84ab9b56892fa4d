"""Two doors at once: the same artisan checked in by two advisers is checked in once, and the
last seat goes to one registration (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import time
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select

from db.engine import run_write, session_scope
from db.errors import ValidationError
from db.models import Attendance, AuditEntry
from db.permissions import SYSTEM
from db.queries.artisans import create_artisan
from db.queries.checkin import CheckIn, check_in
from db.queries.events import create_event
from db.queries.registrations import register
from tests.conftest import TODAY, actor
from tests.db.test_checkin import EVENING


@pytest.fixture
def evening(demo_users: Engine) -> dict[str, int]:
    """Tonight's event with one seat left of three, and two artisans not yet registered."""
    with session_scope(demo_users) as s:
        ids = [create_artisan(session=s, actor=SYSTEM, fields={
            "first_name": f"P{i}", "last_name": f"N{i}"}).id for i in range(4)]
        event_id = create_event(session=s, actor=actor("staff"), fields={
            "title": "Rencontre", "kind": "networking", "action": "community", "day": TODAY,
            "time": time(18), "capacity": 3}).id
        register(session=s, actor=actor("staff"), event_id=event_id, artisan_ids=ids[:2],
                 today=TODAY)
    return {"event": event_id, "first": ids[2], "second": ids[3]}


@contextmanager
def _meet_at_the_deciding_read(engine: Engine) -> Iterator[None]:
    """Hold each writer at its first read of attendances (what it decides on) until the other
    arrives too, at most a second: without the events lock both would read before either
    writes. With it, the second writer waits for the lock, so the first waits here in vain."""
    barrier = threading.Barrier(2, timeout=1.0)
    waited = threading.local()

    def hold(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        text = statement.lstrip().upper()
        # the door reads its attendance row joined to the event ("JOIN ATTENDANCES")
        if text.startswith("SELECT") and " ATTENDANCES" in text and not getattr(
                waited, "done", False):
            waited.done = True
            try:
                barrier.wait()
            except threading.BrokenBarrierError:
                pass

    event.listen(engine, "before_cursor_execute", hold)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", hold)


def _race(*units: Callable[[], Any]) -> list[Any]:
    """Run the units at the same moment, each as a form's write; what each returned or raised."""
    start = threading.Barrier(len(units))
    outcomes: list[Any] = [None] * len(units)

    def run(i: int, unit: Callable[[], Any]) -> None:
        start.wait()
        try:
            outcomes[i] = run_write(unit)
        except Exception as exc:  # the outcome is what the test checks
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i, u)) for i, u in enumerate(units)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def _check_in(engine: Engine, who: str, event_id: int, artisan_id: int) -> Callable[[], Any]:
    def unit() -> CheckIn:
        with session_scope(engine) as s:
            return check_in(session=s, actor=actor(who), event_id=event_id,
                            artisan_id=artisan_id, now=EVENING)
    return unit


def _register(engine: Engine, event_id: int, artisan_id: int) -> Callable[[], Any]:
    def unit() -> int:
        with session_scope(engine) as s:
            return register(session=s, actor=actor("staff"), event_id=event_id,
                            artisan_ids=[artisan_id], today=TODAY)
    return unit


def test_two_doors_checking_in_the_same_artisan_check_in_once(
        demo_users: Engine, evening: dict[str, int]) -> None:
    with _meet_at_the_deciding_read(demo_users):
        outcomes = _race(_check_in(demo_users, "staff", evening["event"], evening["first"]),
                         _check_in(demo_users, "manager", evening["event"], evening["first"]))
    assert all(isinstance(o, CheckIn) for o in outcomes), outcomes
    assert sorted(o.already for o in outcomes) == [False, True]
    assert len({(o.at, o.by) for o in outcomes}) == 1  # the second is told of the first
    with session_scope(demo_users) as s:
        rows = s.scalars(select(Attendance.status).where(
            Attendance.artisan_id == evening["first"])).all()
        audits = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "attendances", AuditEntry.action == "create",
            AuditEntry.after_json.like(f'%"artisan_id": {evening["first"]},%')))
    assert rows == ["attended"] and audits == 1


def test_two_registrations_for_the_last_seat_leave_one_refused(
        demo_users: Engine, evening: dict[str, int]) -> None:
    with _meet_at_the_deciding_read(demo_users):
        outcomes = _race(_register(demo_users, evening["event"], evening["first"]),
                         _register(demo_users, evening["event"], evening["second"]))
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert sorted(map(str, outcomes)).count("1") == 1, outcomes
    assert len(refused) == 1 and refused[0].errors == {"_form": "events.capacity_full"}
    with session_scope(demo_users) as s:
        seats = s.scalar(select(func.count()).select_from(Attendance).where(
            Attendance.event_id == evening["event"], Attendance.status == "registered"))
    assert seats == 3


def test_a_registration_and_a_check_in_of_the_same_artisan_at_once_leave_one_row(
        demo_users: Engine, evening: dict[str, int]) -> None:
    # The door's writes take the "attendance" lock, registrations "events" and "attendance":
    # either order is fine, a unique-constraint error is not.
    with _meet_at_the_deciding_read(demo_users):
        outcomes = _race(_register(demo_users, evening["event"], evening["first"]),
                         _check_in(demo_users, "staff", evening["event"], evening["first"]))
    assert not any(isinstance(o, Exception) for o in outcomes), outcomes
    with session_scope(demo_users) as s:
        rows = s.scalars(select(Attendance.status).where(
            Attendance.event_id == evening["event"],
            Attendance.artisan_id == evening["first"])).all()
    assert rows == ["attended"]
