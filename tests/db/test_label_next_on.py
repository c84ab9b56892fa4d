"""label_steps.next_on and certified_since, kept by the database's triggers (migration 0010),
always equal the day of each artisan's next step (by day, then id) and the day of the
certification in force on the step's day, after every kind of write, on SQLite and
PostgreSQL, as do the copies of the artisan's columns and the prior days (migration 0011);
the triggers are there; and the label funnel and the certified counts read through them equal
those worked out by hand from the rows, for any day and scope (artisans registered after the
day with a step before it included)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, delete, insert, select, text, update
from sqlalchemy.orm import Session

from db import models as m
from db.periods import Period, Scope
from db.queries.event_lists import utc_day_start
from db.queries.label import validity_start
from db.queries.label_kpis import certified_on_days, label_funnel
from db.vocab import LABEL_STATES
from tests.db.test_community_members import _artisan, _pg_only, _waits_for

DAY0 = date(2024, 1, 1)
POSTCODES = {"21009": "1050", "21004": "1000", None: None}


def _step(conn: Connection, artisan_id: int, days: int, state: str = "informed") -> int:
    return int(conn.execute(insert(m.LabelStep).returning(m.LabelStep.id), {
        "artisan_id": artisan_id, "state": state,
        "occurred_on": DAY0 + timedelta(days=days)}).scalar_one())


def _since(steps: list[Any], artisan_id: int, day: date) -> date | None:
    """The certification in force on a day by its definition: the artisan's latest on or before
    it that no expiry marked after it (by then) lapsed."""
    mine = [s for s in steps if s.artisan_id == artisan_id and s.occurred_on <= day]
    return max((c.occurred_on for c in mine if c.state == "certified" and not any(
        e.state == "expired" and e.occurred_on > c.occurred_on for e in mine)), default=None)


def _next_on(engine: Engine) -> dict[int, int | None]:
    """Each step's next_on (in days from DAY0), checked against the steps themselves, as is its
    certified_since; and its copies of the artisan's created_at, commune and sector against
    the artisan's."""
    with engine.connect() as conn:
        rows = conn.execute(select(m.LabelStep.id, m.LabelStep.artisan_id, m.LabelStep.state,
                                   m.LabelStep.occurred_on, m.LabelStep.next_on,
                                   m.LabelStep.certified_since, m.LabelStep.submitted_on,
                                   m.LabelStep.certified_before,
                                   m.LabelStep.expired_before)).all()
        copies = conn.execute(select(
            m.LabelStep.id, m.LabelStep.registered_at, m.LabelStep.commune_nis,
            m.LabelStep.sector, m.Artisan.created_at, m.Artisan.commune_nis, m.Artisan.sector)
            .join(m.Artisan, m.Artisan.id == m.LabelStep.artisan_id)).all()
    assert len(copies) == len(rows)
    for step_id, *copied in copies:
        assert copied[:3] == copied[3:], step_id
    order = sorted(rows, key=lambda r: (r.artisan_id, r.occurred_on, r.id))
    for here, after in zip(order, [*order[1:], None], strict=True):
        expected = after.occurred_on if after and after.artisan_id == here.artisan_id else None
        assert here.next_on == expected, (here, after)
        assert here.certified_since == _since(rows, here.artisan_id, here.occurred_on), here
        mine = [r for r in rows if r.artisan_id == here.artisan_id]
        assert (here.submitted_on, here.certified_before, here.expired_before) == tuple(
            max((r.occurred_on for r in mine if r.state == state and (
                r.occurred_on <= here.occurred_on if state == "submitted"
                else r.occurred_on < here.occurred_on)), default=None)
            for state in ("submitted", "certified", "expired")), here
    return {r.id: None if r.next_on is None else (r.next_on - DAY0).days for r in rows}


@pytest.fixture
def three(engine: Engine) -> Engine:
    with engine.begin() as conn:
        for artisan_id in (1, 2, 3):
            _artisan(conn, artisan_id)
    return engine


def test_each_kind_of_write_keeps_next_on(three: Engine) -> None:
    with three.begin() as conn:
        late = _step(conn, 1, 20, "interested")
        early = _step(conn, 1, 0)  # recorded after, dated before: it comes first
    assert _next_on(three) == {late: None, early: 20}
    with three.begin() as conn:
        same_day = _step(conn, 1, 20, "file_in_preparation")  # same day: by id, after `late`
        other = _step(conn, 2, 5)
    assert _next_on(three) == {early: 20, late: 20, same_day: None, other: None}
    with three.begin() as conn:
        conn.execute(update(m.LabelStep).where(m.LabelStep.id == early)
                     .values(occurred_on=DAY0 + timedelta(days=30)))  # moved last
    assert _next_on(three) == {late: 20, same_day: 30, early: None, other: None}
    with three.begin() as conn:
        conn.execute(update(m.LabelStep).where(m.LabelStep.id == same_day)
                     .values(artisan_id=2))  # put on another artisan
    assert _next_on(three) == {late: 30, early: None, other: 20, same_day: None}
    with three.begin() as conn:
        conn.execute(delete(m.LabelStep).where(m.LabelStep.id == other))
        conn.execute(update(m.LabelStep).where(m.LabelStep.id == late).values(note="kept"))
    assert _next_on(three) == {late: 30, early: None, same_day: None}


def test_each_kind_of_write_keeps_certified_since(three: Engine) -> None:
    def since() -> dict[int, int | None]:
        _next_on(three)  # checks every row against the definition too
        with three.connect() as conn:
            rows = conn.execute(select(m.LabelStep.id, m.LabelStep.certified_since)).all()
        return {i: None if d is None else (d - DAY0).days for i, d in rows}

    with three.begin() as conn:
        submitted = _step(conn, 1, 0, "submitted")
        granted = _step(conn, 1, 10, "certified")
        renewal = _step(conn, 1, 2000, "submitted")
    assert since() == {submitted: None, granted: 10, renewal: 10}
    with three.begin() as conn:  # an expiry marked the day of the certification does not lapse it
        same_day = _step(conn, 1, 10, "expired")
    assert since() == {submitted: None, granted: 10, same_day: 10, renewal: 10}
    with three.begin() as conn:  # moved after it, it does
        conn.execute(update(m.LabelStep).where(m.LabelStep.id == same_day)
                     .values(occurred_on=DAY0 + timedelta(days=500)))
    assert since() == {submitted: None, granted: 10, same_day: None, renewal: None}
    with three.begin() as conn:  # a changed state: no longer an expiry
        conn.execute(update(m.LabelStep).where(m.LabelStep.id == same_day)
                     .values(state="refused"))
    assert since() == {submitted: None, granted: 10, same_day: 10, renewal: 10}
    with three.begin() as conn:  # a renewal's certification takes over
        again = _step(conn, 1, 2100, "certified")
    assert since()[again] == 2100
    with three.begin() as conn:  # to another artisan, then deleted
        conn.execute(update(m.LabelStep).where(m.LabelStep.id == granted).values(artisan_id=2))
    assert since() == {submitted: None, granted: 10, same_day: None, renewal: None,
                       again: 2100}
    with three.begin() as conn:
        conn.execute(delete(m.LabelStep).where(m.LabelStep.id == again))
    assert since() == {submitted: None, granted: 10, same_day: None, renewal: None}


def test_statements_on_many_rows_keep_next_on(three: Engine) -> None:
    with three.begin() as conn:
        for days, state in ((5, "informed"), (0, "not_informed"), (9, "interested")):
            _step(conn, 1, days, state)
        conn.execute(text("INSERT INTO label_steps (artisan_id, state, occurred_on) "
                          "SELECT 3, state, occurred_on FROM label_steps WHERE artisan_id = 1"))
    assert sorted(_next_on(three).values(), key=str) == [5, 5, 9, 9, None, None]
    with three.begin() as conn:  # one statement moves all three steps to another artisan
        conn.execute(update(m.LabelStep).where(m.LabelStep.artisan_id == 3).values(artisan_id=2))
        conn.execute(delete(m.LabelStep).where(m.LabelStep.state == "informed"))
    assert sorted(_next_on(three).values(), key=str) == [9, 9, None, None]


def test_random_writes_keep_next_on(three: Engine) -> None:
    rng = random.Random(2026)
    with three.begin() as conn:
        conn.execute(insert(m.LabelStep), [{  # many rows, in no order
            "artisan_id": rng.randrange(1, 4), "state": state,
            "occurred_on": DAY0 + timedelta(days=rng.randrange(0, 60))}
            for state in LABEL_STATES for _ in range(3)])  # no (artisan, state, day) twice here
    _next_on(three)
    for _ in range(80):
        with three.begin() as conn:
            ids = list(conn.execute(select(m.LabelStep.id).order_by(m.LabelStep.id)).scalars())
            kind, target = rng.randrange(6), rng.choice(ids)
            if kind == 0:
                conn.execute(insert(m.LabelStep), {
                    "artisan_id": rng.randrange(1, 4), "state": rng.choice(LABEL_STATES),
                    "occurred_on": DAY0 + timedelta(days=rng.randrange(60, 400))})
            elif kind == 1:
                conn.execute(update(m.LabelStep).where(m.LabelStep.id == target).values(
                    occurred_on=DAY0 + timedelta(days=rng.randrange(400, 800))))
            elif kind == 2:
                conn.execute(update(m.LabelStep).where(m.LabelStep.id == target).values(
                    artisan_id=rng.randrange(1, 4),
                    occurred_on=DAY0 + timedelta(days=800 + rng.randrange(400))))
            elif kind == 3:
                conn.execute(update(m.LabelStep).where(m.LabelStep.id == target).values(
                    state=rng.choice(LABEL_STATES),
                    occurred_on=DAY0 + timedelta(days=1200 + rng.randrange(400))))
            elif kind == 4:
                conn.execute(delete(m.LabelStep).where(m.LabelStep.id == target))
            else:  # the artisan's copied columns, one or all (unchanged ones too)
                values = {"commune_nis": rng.choice(("21009", "21004", None)),
                          "sector": rng.choice(("wood", "food", None)),
                          "created_at": datetime(2023, 1, 1, tzinfo=UTC) + timedelta(
                              days=rng.randrange(0, 900), hours=rng.randrange(24))}
                if rng.random() < 0.5:
                    values = dict([rng.choice(list(values.items()))])
                if "commune_nis" in values:  # with a postcode of the commune (a foreign key)
                    values["postcode"] = POSTCODES[values["commune_nis"]]
                conn.execute(update(m.Artisan).where(m.Artisan.id == rng.randrange(1, 4))
                             .values(values))
        _next_on(three)  # right after every write


def test_the_triggers_are_there(engine: Engine) -> None:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            found = set(conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'label_steps'")).scalars())
            assert found == {"label_steps_next_insert", "label_steps_next_update",
                             "label_steps_next_delete", "label_steps_copy_insert",
                             "label_steps_copy_update", "label_steps_prior_insert",
                             "label_steps_prior_update", "label_steps_prior_delete"}
            assert "label_steps_artisan_update" in set(conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'artisans'")).scalars())
        else:
            found = set(conn.execute(text(
                "SELECT DISTINCT trigger_name FROM information_schema.triggers "
                "WHERE event_object_table = 'label_steps'")).scalars())
            assert found == {"label_steps_next", "label_steps_copy", "label_steps_prior"}
            assert "label_steps_artisan" in set(conn.execute(text(
                "SELECT DISTINCT trigger_name FROM information_schema.triggers "
                "WHERE event_object_table = 'artisans'")).scalars())


def test_two_steps_of_one_artisan_at_once_keep_next_on(three: Engine) -> None:
    """PostgreSQL: the second write waits for the first's lock on the artisan, then refreshes
    with its committed step (without the lock, the first step would keep next_on NULL)."""
    _pg_only(three)
    first = three.connect()
    first.begin()
    _step(first, 1, 0)  # not committed yet
    _waits_for(first, lambda conn: _step(conn, 1, 10, "interested"), three)
    assert sorted(_next_on(three).values(), key=str) == [10, None]


def test_the_copies_follow_the_artisan(three: Engine) -> None:
    with three.begin() as conn:
        first, second = _step(conn, 1, 0), _step(conn, 1, 10, "interested")
        other = _step(conn, 2, 5)
    _next_on(three)  # the copies of each step's artisan
    with three.begin() as conn:  # the artisan moves and changes trade, and is re-dated
        conn.execute(update(m.Artisan).where(m.Artisan.id == 1).values(
            commune_nis="21004", postcode="1000", sector=None,
            created_at=datetime(2022, 5, 1, 8, tzinfo=UTC)))
    with three.connect() as conn:
        assert conn.execute(select(m.LabelStep.commune_nis, m.LabelStep.sector).where(
            m.LabelStep.id.in_((first, second)))).all() == [("21004", None)] * 2
    _next_on(three)
    with three.begin() as conn:  # a step moved to another artisan takes theirs
        conn.execute(update(m.LabelStep).where(m.LabelStep.id == other).values(artisan_id=1))
    _next_on(three)


def test_a_step_written_while_its_artisan_changes_takes_the_new_values(three: Engine) -> None:
    """PostgreSQL: the step's copy waits for the artisan's change (without the lock, it would
    keep the commune it read before that change committed), and the other way round."""
    _pg_only(three)
    moving = three.connect()
    moving.begin()
    moving.execute(update(m.Artisan).where(m.Artisan.id == 1).values(commune_nis="21009",
                                                                    postcode="1050"))
    _waits_for(moving, lambda conn: _step(conn, 1, 0), three)
    _next_on(three)  # 21009, not the 21004 artisan 1 had before
    stepping = three.connect()
    stepping.begin()
    _step(stepping, 2, 0)  # not committed yet
    _waits_for(stepping, lambda conn: conn.execute(
        update(m.Artisan).where(m.Artisan.id == 2).values(sector="food")), three)
    _next_on(three)


# The funnel, against the rows


def _by_hand(conn: Connection, scope: Scope, day: date) -> dict[str, int]:
    """The funnel by its definition, from every row."""
    registered_by = utc_day_start(day + timedelta(days=1))
    artisans = conn.execute(select(m.Artisan.id, m.Artisan.created_at, m.Artisan.commune_nis,
                                   m.Artisan.sector)).all()
    steps = sorted(conn.execute(select(m.LabelStep.artisan_id, m.LabelStep.occurred_on,
                                       m.LabelStep.id, m.LabelStep.state)).all())
    counts = dict.fromkeys(LABEL_STATES, 0)
    for artisan_id, created_at, commune, sector in artisans:
        if scope.commune not in (None, commune) or scope.sector not in (None, sector):
            continue
        mine = [s for s in steps if s[0] == artisan_id and s[1] <= day]
        if mine:
            _, on, _, state = mine[-1]
            counts["expired" if state == "certified" and on <= validity_start(day)
                   else state] += 1
        elif created_at.replace(tzinfo=created_at.tzinfo or UTC) < registered_by:
            counts["not_informed"] += 1
    return counts


def _certified_by_hand(conn: Connection, scope: Scope, day: date) -> int:
    """Artisans of the scope certified on the day by the definition, from every row."""
    steps = conn.execute(select(m.LabelStep.artisan_id, m.LabelStep.state,
                                m.LabelStep.occurred_on)).all()
    artisans = conn.execute(select(m.Artisan.id, m.Artisan.commune_nis, m.Artisan.sector)).all()
    return sum(1 for artisan_id, commune, sector in artisans
               if scope.commune in (None, commune) and scope.sector in (None, sector)
               and (since := _since(steps, artisan_id, day)) is not None
               and since > validity_start(day))


def test_the_funnel_and_certified_equal_them_by_hand(engine: Engine) -> None:
    rng = random.Random(1311)
    with engine.begin() as conn:
        for artisan_id in range(1, 41):
            _artisan(conn, artisan_id)
            conn.execute(update(m.Artisan).where(m.Artisan.id == artisan_id).values(
                created_at=datetime(2023, 1, 1, tzinfo=UTC) + timedelta(
                    days=rng.randrange(0, 1500), hours=rng.randrange(24))))
        # registered at the very moment 31 December 2024 ends (Brussels): later than that day
        conn.execute(update(m.Artisan).where(m.Artisan.id == 40).values(
            created_at=utc_day_start(date(2025, 1, 1))))
        used: set[tuple[int, str, date]] = {(40, "interested", date(2020, 1, 1))}
        conn.execute(insert(m.LabelStep), {"artisan_id": 40, "state": "interested",
                                           "occurred_on": date(2020, 1, 1)})
        for _ in range(160):
            key = (rng.randrange(1, 41), rng.choice((*LABEL_STATES, "certified", "expired")),
                   date(2016, 1, 1) + timedelta(days=rng.randrange(0, 3800)))
            if key not in used:
                used.add(key)
                conn.execute(insert(m.LabelStep), {"artisan_id": key[0], "state": key[1],
                                                   "occurred_on": key[2]})
    days = [date(2016, 6, 1), date(2022, 12, 31), date(2024, 12, 31), date(2025, 7, 14),
            date(2026, 6, 30)] + [date(2016, 1, 1) + timedelta(days=rng.randrange(0, 4000))
                                  for _ in range(6)]
    scopes = [(None, None), ("21009", None), (None, "food"), ("21004", "wood"), (None, None)]
    with Session(engine) as s, engine.connect() as conn:
        for day in days:
            for commune, sector in scopes:
                scope = Scope(Period(day - timedelta(days=30), day), commune, sector)
                funnel = label_funnel(s, scope, day + timedelta(days=rng.randrange(0, 3)))
                got: dict[str, Any] = dict(zip(funnel["state"], funnel["count"], strict=True))
                assert got == _by_hand(conn, scope, day), (day, commune, sector)
        lapses = sorted(key[2].replace(year=key[2].year + 6) + timedelta(days=shift)  # 6 years on
                        for key in used if key[1] == "certified" and key[2].day < 29
                        for shift in (-1, 0))
        days += lapses[::3]
        for commune, sector in scopes:  # every day in one read
            scope = Scope(Period(days[0], days[0]), commune, sector)
            counts = certified_on_days(s, scope, days)  # one read for many days
            assert counts == [_certified_by_hand(conn, scope, day) for day in days], scope
            assert [certified_on_days(s, scope, [day])[0] for day in days] == counts  # one
            assert commune or sector or max(counts) >= 10  # certified ones to count

