"""community_members, kept by the database's triggers (migrations 0009 and 0012), always equals
what the attendances say: each member's first attended community event (its start and id:
the lowest of those beginning then) and their commune and sector,
after every kind of write (whatever path makes it), on SQLite and PostgreSQL; and its
triggers are there (a SQLite table rebuild in a later migration would drop them)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, delete, func, insert, inspect, select, text, update

from db import models as m

COMMUNES = ["21009", "21004", None]
SECTORS = ["wood", "food", None]
START = datetime(2024, 1, 1, 18, tzinfo=UTC)


def _computed(conn: Connection) -> set[tuple[Any, ...]]:
    """The members as the attendances give them (artisan, first start, commune, sector)."""
    first = (select(m.Attendance.artisan_id, func.min(m.Event.starts_at).label("first_at"))
             .join(m.Event, m.Event.id == m.Attendance.event_id)
             .where(m.Attendance.status == "attended", m.Event.action == "community")
             .group_by(m.Attendance.artisan_id).subquery())
    rows = conn.execute(select(m.Artisan.id, first.c.first_at, m.Artisan.commune_nis,
                               m.Artisan.sector).join(first, first.c.artisan_id == m.Artisan.id))
    attended = conn.execute(select(m.Attendance.artisan_id, m.Event.starts_at, m.Event.id)
                            .join(m.Event, m.Event.id == m.Attendance.event_id)
                            .where(m.Attendance.status == "attended",
                                   m.Event.action == "community")).all()
    # the first event: of the member's attended ones beginning at first_at, the lowest id
    return {(*r, min(e for a, at, e in attended if a == r[0] and at == r[1])) for r in rows}


def _stored(conn: Connection) -> set[tuple[Any, ...]]:
    c = m.CommunityMember
    return {tuple(r) for r in conn.execute(select(c.artisan_id, c.first_at, c.commune_nis,
                                                  c.sector, c.first_event_id))}


def _artisan(conn: Connection, artisan_id: int) -> None:
    conn.execute(insert(m.Artisan), {
        "id": artisan_id, "first_name": f"A{artisan_id}", "last_name": "X", "language": "fr",
        "source": "other", "commune_nis": COMMUNES[artisan_id % 3],
        "postcode": {"21009": "1050", "21004": "1000"}.get(COMMUNES[artisan_id % 3] or ""),
        "sector": SECTORS[artisan_id % 3]})


def _event(conn: Connection, event_id: int, days: int, action: str = "community") -> None:
    conn.execute(insert(m.Event), {"id": event_id, "title": f"E{event_id}", "kind": "networking",
                                   "action": action,
                                   "starts_at": START + timedelta(days=days)})


def _attend(conn: Connection, event_id: int, artisan_id: int, status: str = "attended") -> None:
    conn.execute(insert(m.Attendance), {
        "event_id": event_id, "artisan_id": artisan_id, "status": status, "walk_in": False,
        "recorded_by": "s", "registered_at": START - timedelta(days=30),
        "checked_in_at": START if status == "attended" else None})


def _status(conn: Connection, event_id: int, artisan_id: int, status: str) -> None:
    conn.execute(update(m.Attendance).where(m.Attendance.event_id == event_id,
                                            m.Attendance.artisan_id == artisan_id)
                 .values(status=status, checked_in_at=START if status == "attended" else None))


@pytest.fixture
def three(engine: Engine) -> Engine:
    """Three artisans, three community evenings (days 0, 10, 20) and a coaching one (day 5)."""
    with engine.begin() as conn:
        for artisan_id in (1, 2, 3):
            _artisan(conn, artisan_id)
        for event_id, days in ((1, 0), (2, 10), (3, 20)):
            _event(conn, event_id, days)
        _event(conn, 4, 5, "coaching")
    return engine


def _members(engine: Engine) -> dict[int, datetime]:
    with engine.connect() as conn:
        stored = _stored(conn)
        assert stored == _computed(conn)
    return {row[0]: row[1] for row in stored}


def _day(moment: datetime) -> int:
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return (moment - START).days


def test_each_kind_of_write_keeps_the_members(three: Engine) -> None:
    with three.begin() as conn:
        _attend(conn, 2, 1)  # a first attendance: a member from day 10
        _attend(conn, 4, 2)  # coaching: not a member
        _attend(conn, 3, 3, "registered")  # registered only: not yet
    assert {k: _day(v) for k, v in _members(three).items()} == {1: 10}
    with three.begin() as conn:
        _attend(conn, 1, 1)  # an earlier one: the first moves back
        _status(conn, 3, 3, "attended")  # checked in: a member
    assert {k: _day(v) for k, v in _members(three).items()} == {1: 0, 3: 20}
    with three.begin() as conn:
        _status(conn, 1, 1, "no_show")  # corrected: the first moves on again
        conn.execute(update(m.Event).where(m.Event.id == 3)
                     .values(starts_at=START + timedelta(days=15)))  # the event moved
    assert {k: _day(v) for k, v in _members(three).items()} == {1: 10, 3: 15}
    with three.begin() as conn:
        conn.execute(update(m.Event).where(m.Event.id == 4).values(action="community"))
        conn.execute(update(m.Artisan).where(m.Artisan.id == 3)
                     .values(commune_nis=None, postcode=None, sector="food"))
    assert {k: _day(v) for k, v in _members(three).items()} == {1: 10, 2: 5, 3: 15}
    with three.begin() as conn:
        conn.execute(update(m.Event).where(m.Event.id == 4).values(action="coaching"))
        conn.execute(delete(m.Attendance).where(m.Attendance.event_id == 2))
        conn.execute(update(m.Attendance).where(m.Attendance.artisan_id == 3)
                     .values(artisan_id=2))  # a row put on another artisan
    assert {k: _day(v) for k, v in _members(three).items()} == {2: 15}
    with three.begin() as conn:
        conn.execute(delete(m.Event).where(m.Event.id == 3))  # its attendances go with it
    assert _members(three) == {}


def test_the_first_event_of_two_at_one_moment_is_the_lowest_id(three: Engine) -> None:
    def first_event() -> dict[int, int]:
        _members(three)  # checked against the attendances
        with three.connect() as conn:
            return dict(conn.execute(select(m.CommunityMember.artisan_id,
                                            m.CommunityMember.first_event_id)).all())

    with three.begin() as conn:
        _event(conn, 5, 10)  # at the same moment as event 2
        _attend(conn, 5, 1)
    assert first_event() == {1: 5}
    with three.begin() as conn:
        _attend(conn, 2, 1)  # both: the lower id
    assert first_event() == {1: 2}
    with three.begin() as conn:
        conn.execute(update(m.Event).where(m.Event.id == 2)
                     .values(starts_at=START + timedelta(days=12)))  # 2 moved later
    assert first_event() == {1: 5}
    with three.begin() as conn:
        _status(conn, 5, 1, "no_show")
    assert first_event() == {1: 2}


def test_random_writes_keep_the_members(engine: Engine) -> None:
    rng = random.Random(2026)
    with engine.begin() as conn:
        for artisan_id in range(1, 13):
            _artisan(conn, artisan_id)
        for event_id in range(1, 9):
            _event(conn, event_id, rng.randrange(0, 400), rng.choice(["community"] * 3 +
                                                                      ["coaching"]))
    pairs: set[tuple[int, int]] = set()
    for step in range(150):
        with engine.begin() as conn:
            kind = rng.randrange(6)
            event_id, artisan_id = rng.randrange(1, 9), rng.randrange(1, 13)
            if kind == 0 and (event_id, artisan_id) not in pairs:
                _attend(conn, event_id, artisan_id, rng.choice(["attended", "registered"]))
                pairs.add((event_id, artisan_id))
            elif kind == 1 and pairs:
                event_id, artisan_id = rng.choice(sorted(pairs))
                _status(conn, event_id, artisan_id,
                        rng.choice(["attended", "no_show", "cancelled", "registered"]))
            elif kind == 2 and pairs:
                event_id, artisan_id = rng.choice(sorted(pairs))
                conn.execute(delete(m.Attendance).where(m.Attendance.event_id == event_id,
                                                        m.Attendance.artisan_id == artisan_id))
                pairs.discard((event_id, artisan_id))
            elif kind == 3:
                conn.execute(update(m.Event).where(m.Event.id == event_id).values(
                    starts_at=START + timedelta(days=rng.randrange(0, 400), hours=step % 5)))
            elif kind == 4:
                conn.execute(update(m.Event).where(m.Event.id == event_id).values(
                    action=rng.choice(["community", "coaching"])))
            else:
                commune = rng.choice(COMMUNES)
                conn.execute(update(m.Artisan).where(m.Artisan.id == artisan_id).values(
                    commune_nis=commune, sector=rng.choice(SECTORS),
                    postcode={"21009": "1050", "21004": "1000"}.get(commune or "")))
        _members(engine)  # equal after every write


def test_statements_on_many_rows_keep_the_members(three: Engine) -> None:
    with three.begin() as conn:
        conn.execute(insert(m.Attendance), [{
            "event_id": event_id, "artisan_id": artisan_id, "status": "attended",
            "walk_in": False, "recorded_by": "s", "registered_at": START - timedelta(days=30),
            "checked_in_at": START} for event_id in (1, 2, 3) for artisan_id in (1, 2, 3)])
    assert {k: _day(v) for k, v in _members(three).items()} == {1: 0, 2: 0, 3: 0}
    with three.begin() as conn:  # one statement: every evening before day 15 not attended
        conn.execute(update(m.Attendance).where(m.Attendance.event_id.in_(
            select(m.Event.id).where(m.Event.starts_at < START + timedelta(days=15))))
            .values(status="no_show", checked_in_at=None))
        conn.execute(update(m.Event).where(m.Event.id.in_((1, 2, 3)))  # all three moved
                     .values(starts_at=START + timedelta(days=20, hours=1)))
    assert {k: _day(v) for k, v in _members(three).items()} == {1: 20, 2: 20, 3: 20}
    with three.begin() as conn:
        conn.execute(delete(m.Attendance).where(m.Attendance.artisan_id.in_((1, 2))))
    assert set(_members(three)) == {3}


def trigger_tables(engine: Engine, prefix: str) -> set[str]:
    """The tables with a trigger whose name begins with `prefix`."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            found = {(r[0], r[1]) for r in conn.execute(text(
                "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"))}
            return {t for t, name in found if name.startswith(prefix)}
        return set(conn.execute(text(
            "SELECT DISTINCT event_object_table FROM information_schema.triggers "
            "WHERE trigger_name LIKE :prefix"), {"prefix": prefix + "%"}).scalars())


def test_the_triggers_are_there(engine: Engine) -> None:
    assert trigger_tables(engine, "community_members_") == {"attendances", "events", "artisans"}
    assert "community_members" in inspect(engine).get_table_names()


def _pg_only(engine: Engine) -> None:
    if engine.dialect.name == "sqlite":
        pytest.skip("PostgreSQL only: SQLite has one writer at a time")


def _waits_for(holder: Connection, write: Any, engine: Engine) -> None:
    """`write` in a transaction of its own, from another thread, while `holder`'s open
    transaction goes on: it must still be waiting a second later, then end without error once
    `holder` commits."""
    import threading

    done: list[BaseException | None] = []

    def run() -> None:
        try:
            with engine.begin() as conn:
                write(conn)
            done.append(None)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            done.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=1.0)
    assert worker.is_alive()  # waiting for the holder's lock
    holder.commit()
    holder.close()
    worker.join(timeout=10)
    assert done == [None]


def test_two_writes_on_one_artisan_at_once_keep_the_members(three: Engine) -> None:
    """PostgreSQL: the second write waits for the first's lock on the artisan, then refreshes
    from its committed rows (without the lock, both would insert the new member's row)."""
    _pg_only(three)
    first = three.connect()
    first.begin()
    _attend(first, 2, 1)  # a new member, not committed yet
    # the same artisan at an earlier evening, meanwhile: waits for the first write's lock
    _waits_for(first, lambda conn: _attend(conn, 1, 1), three)
    assert {k: _day(v) for k, v in _members(three).items()} == {1: 0}


def test_an_event_moved_while_someone_attends_it_keeps_the_members(three: Engine) -> None:
    """PostgreSQL: an attendance written while its event's start changes (the event's own
    trigger cannot see the new row) waits for the change, then refreshes from it."""
    _pg_only(three)
    mover = three.connect()
    mover.begin()
    mover.execute(update(m.Event).where(m.Event.id == 2)
                  .values(starts_at=START + timedelta(days=3)))  # not committed yet
    _waits_for(mover, lambda conn: _attend(conn, 2, 1), three)  # waits for the event's change
    assert {k: _day(v) for k, v in _members(three).items()} == {1: 3}


def test_a_large_write_takes_no_lock_per_artisan_in_the_lock_table(engine: Engine) -> None:
    """PostgreSQL: a refresh locks its artisan's row, not an entry of the shared lock table (an
    advisory lock per artisan ran out of shared memory on a seed of 100,000 attendances)."""
    _pg_only(engine)
    with engine.begin() as conn:
        for artisan_id in range(1, 201):
            _artisan(conn, artisan_id)
        _event(conn, 1, 0)
        conn.execute(insert(m.Attendance), [{
            "event_id": 1, "artisan_id": artisan_id, "status": "attended", "walk_in": False,
            "recorded_by": "s", "registered_at": START - timedelta(days=30),
            "checked_in_at": START} for artisan_id in range(1, 201)])
        held = conn.scalar(text("SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() "
                                "AND locktype IN ('advisory', 'tuple')"))
        assert held == 0
    assert len(_members(engine)) == 200
