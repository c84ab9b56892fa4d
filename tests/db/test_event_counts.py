"""event_counts, kept by the database's triggers (migration 0013), always equals what the
attendances say: per event, attended (walk-ins included), walk-ins, registrations not
cancelled, no-shows and cancelled, by community_kpis' own counts (_counts), after every kind of
write, on SQLite and PostgreSQL, two writers at one event at once; and its triggers are there
(a SQLite table rebuild in a later migration would drop them)."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, and_, delete, insert, inspect, select, update

from db import models as m
from db.queries.community_kpis import _counts
from tests.db.test_community_members import (
    START,
    _artisan,
    _attend,
    _event,
    _pg_only,
    _status,
    _waits_for,
    trigger_tables,
)

COLUMNS = ("attended", "walk_ins", "registrations", "no_shows", "cancelled")


def _computed(conn: Connection) -> dict[int, tuple[int, ...]]:
    """Every event's counts from its attendances, as the dashboard counts a commune's."""
    a = m.Attendance
    rows = conn.execute(select(m.Event.id, *_counts(a.status, a.walk_in)).select_from(m.Event)
                        .outerjoin(a, a.event_id == m.Event.id).group_by(m.Event.id))
    return {r[0]: tuple(int(n) for n in r[1:]) for r in rows}


def _stored(conn: Connection) -> dict[int, tuple[int, ...]]:
    c = m.EventCount
    rows = conn.execute(select(c.event_id, *(getattr(c, name) for name in COLUMNS)))
    return {r[0]: tuple(r[1:]) for r in rows}


def _counted(engine: Engine) -> dict[int, tuple[int, ...]]:
    with engine.connect() as conn:
        stored = _stored(conn)
        assert stored == _computed(conn)
    return stored


def _walk_in(conn: Connection, event_id: int, artisan_id: int) -> None:
    conn.execute(insert(m.Attendance), {
        "event_id": event_id, "artisan_id": artisan_id, "status": "attended", "walk_in": True,
        "recorded_by": "s", "registered_at": None, "checked_in_at": START})


@pytest.fixture
def two(engine: Engine) -> Engine:
    """Four artisans, a community evening (1) and a coaching one (2)."""
    with engine.begin() as conn:
        for artisan_id in (1, 2, 3, 4):
            _artisan(conn, artisan_id)
        _event(conn, 1, 0)
        _event(conn, 2, 5, "coaching")
    return engine


def test_each_kind_of_write_moves_its_events_counts(two: Engine) -> None:
    assert _counted(two) == {1: (0, 0, 0, 0, 0), 2: (0, 0, 0, 0, 0)}  # a row from the start
    with two.begin() as conn:
        _attend(conn, 1, 1)  # registered, then checked in
        _attend(conn, 1, 2, "registered")
        _attend(conn, 1, 3, "cancelled")
        _walk_in(conn, 1, 4)
    assert _counted(two)[1] == (2, 1, 2, 0, 1)  # (attended, walk-ins, registrations, ...)
    with two.begin() as conn:
        _status(conn, 1, 2, "no_show")  # the evening is over
        _status(conn, 1, 3, "registered")  # a cancellation taken back
    assert _counted(two)[1] == (2, 1, 3, 1, 0)
    with two.begin() as conn:  # a walk-in recorded by mistake: a registration after all
        conn.execute(update(m.Attendance).where(m.Attendance.artisan_id == 4).values(
            walk_in=False, registered_at=START - timedelta(days=1)))
        conn.execute(update(m.Attendance).where(m.Attendance.artisan_id == 1)
                     .values(event_id=2))  # a row put on another event
    assert _counted(two) == {1: (1, 0, 3, 1, 0), 2: (1, 0, 1, 0, 0)}
    with two.begin() as conn:
        conn.execute(delete(m.Attendance).where(m.Attendance.artisan_id == 2))
        _event(conn, 3, 10)
    assert _counted(two) == {1: (1, 0, 2, 0, 0), 2: (1, 0, 1, 0, 0), 3: (0, 0, 0, 0, 0)}
    with two.begin() as conn:
        conn.execute(delete(m.Event).where(m.Event.id == 1))  # its attendances and counts go
    assert _counted(two) == {2: (1, 0, 1, 0, 0), 3: (0, 0, 0, 0, 0)}


def test_random_writes_keep_the_counts(engine: Engine) -> None:
    rng = random.Random(2026)
    with engine.begin() as conn:
        for artisan_id in range(1, 13):
            _artisan(conn, artisan_id)
        for event_id in range(1, 7):
            _event(conn, event_id, rng.randrange(0, 400))
    pairs: set[tuple[int, int]] = set()
    for _ in range(150):
        with engine.begin() as conn:
            kind = rng.randrange(5)
            event_id, artisan_id = rng.randrange(1, 7), rng.randrange(1, 13)
            if kind == 0 and (event_id, artisan_id) not in pairs:
                if rng.random() < 0.3:
                    _walk_in(conn, event_id, artisan_id)
                else:
                    _attend(conn, event_id, artisan_id, rng.choice(["attended", "registered"]))
                pairs.add((event_id, artisan_id))
            elif kind == 1 and pairs:  # a registration's status (walk-ins stay attended)
                event_id, artisan_id = rng.choice(sorted(pairs))
                conn.execute(update(m.Attendance).where(
                    m.Attendance.event_id == event_id, m.Attendance.artisan_id == artisan_id,
                    m.Attendance.walk_in.is_(False)).values(
                    status=(status := rng.choice(["attended", "no_show", "cancelled",
                                                  "registered"])),
                    checked_in_at=START if status == "attended" else None))
            elif kind == 2 and pairs:
                event_id, artisan_id = rng.choice(sorted(pairs))
                conn.execute(delete(m.Attendance).where(m.Attendance.event_id == event_id,
                                                        m.Attendance.artisan_id == artisan_id))
                pairs.discard((event_id, artisan_id))
            elif kind == 3 and pairs:  # a row moved to an event where its artisan is not
                old, artisan_id = rng.choice(sorted(pairs))
                if (event_id, artisan_id) not in pairs:
                    conn.execute(update(m.Attendance).where(
                        m.Attendance.event_id == old, m.Attendance.artisan_id == artisan_id)
                        .values(event_id=event_id))
                    pairs.discard((old, artisan_id))
                    pairs.add((event_id, artisan_id))
            elif kind == 4:  # one statement on many rows: an evening's registrations no-shows
                conn.execute(update(m.Attendance).where(and_(
                    m.Attendance.event_id == event_id, m.Attendance.status == "registered"))
                    .values(status="no_show"))
        _counted(engine)  # equal after every write


def test_the_triggers_are_there(engine: Engine) -> None:
    assert trigger_tables(engine, "event_counts_") == {"attendances", "events"}
    assert "event_counts" in inspect(engine).get_table_names()


def test_two_check_ins_at_one_event_at_once_add_up(two: Engine) -> None:
    """PostgreSQL: the second write waits for the first's lock on the event's row of counts
    (0009's locks, on the event FOR SHARE and on each artisan, let two artisans' writes run
    side by side), then adds to its committed counts."""
    _pg_only(two)
    first = two.connect()
    first.begin()
    _walk_in(first, 1, 1)  # not committed yet

    def second(conn: Any) -> None:
        _walk_in(conn, 1, 2)

    _waits_for(first, second, two)
    assert _counted(two)[1] == (2, 2, 0, 0, 0)
