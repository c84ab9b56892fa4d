"""Outside review of the coaching programme (issue 9), through the write and read functions:
wrong types straight to the writes, stale row versions, two users at once, a partner hunting
for persons, staff acting on someone else's follow-up, erased artisans, deactivated
advisers, huge lists and the 0006 upgrade of existing data."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text, update
from sqlalchemy.orm import Session

from db.engine import run_write, session_scope, upgrade_to_head
from db.errors import ValidationError
from db.models import (
    AuditEntry,
    CoachingSession,
    FollowUp,
    TrackEnrolment,
    TrackSession,
    User,
)
from db.permissions import SYSTEM, PermissionDenied, SessionEnded
from db.queries.artisans import create_artisan
from db.queries.coaching import follow_up_counts
from db.queries.coaching_log import log_session, recent_sessions, session_detail
from db.queries.erasure import erase_artisan
from db.queries.follow_ups import (
    close_follow_up,
    my_follow_ups,
    open_by_owner,
    open_follow_ups,
    reassign_follow_up,
    reschedule_follow_up,
)
from db.queries.tracks import (
    Attendance,
    create_track,
    enrol,
    record_attendance,
    track_detail,
    tracks_overview,
    withdraw,
)
from db.reads import READS, NotDisclosable, run_read
from db.versioning import data_versions
from tests.conftest import actor

STAFF, MANAGER, ADMIN, PARTNER = (actor("staff"), actor("manager"), actor("admin"),
                                  actor("partner"))
DAY = date(2026, 11, 16)  # a Monday
TODAY = DAY + timedelta(days=1)


@pytest.fixture
def people(demo_users: Engine) -> dict[str, int]:
    """The demo users' ids by username, two artisans ("ana", "bob") and a second adviser."""
    from db.queries.users import create_user

    with session_scope(demo_users) as s:
        create_user(session=s, actor=SYSTEM, username="coach2", display_name="Coach Two",
                    role="staff", password="a long enough password 1")
        ids = {u: i for i, u in s.execute(select(User.id, User.username))}
        for key, first, last in (("ana", "Ana", "Lopez"), ("bob", "Bob", "Peeters")):
            ids[key] = create_artisan(session=s, actor=SYSTEM, fields={
                "first_name": first, "last_name": last}).id
    return ids


def fields_of(people: dict[str, int], **changes: Any) -> dict[str, Any]:
    return {"artisan_id": people["ana"], "coach_user_id": people["staff"], "held_on": DAY,
            "duration_min": 60, "format": "office", "topic": "pricing", "topic_other": None,
            "notes": "Secret de la note"} | changes


def fu(people: dict[str, int], owner: str = "staff", due: object = DAY + timedelta(days=3),
       action: object = "Action secrète") -> dict[str, Any]:
    return {"action": action, "owner_user_id": people[owner], "due_on": due}


def log(engine: Engine, people: dict[str, int], follow_ups: Any = (), who: Any = STAFF,
        fields: Any = None, **changes: Any) -> int:
    with session_scope(engine) as s:
        return log_session(session=s, actor=who, fields=fields if fields is not None
                           else fields_of(people, **changes), follow_ups=follow_ups,
                           today=TODAY).id


def written(engine: Engine) -> tuple[int, int, int, int]:
    """Sessions, follow-ups, audit entries and the coaching data version."""
    with session_scope(engine) as s:
        return (s.scalar(select(func.count()).select_from(CoachingSession)) or 0,
                s.scalar(select(func.count()).select_from(FollowUp)) or 0,
                s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
                data_versions(s)["coaching"])


def one_follow_up(engine: Engine, people: dict[str, int], owner: str = "staff",
                  due: date = DAY + timedelta(days=3)) -> tuple[int, int]:
    log(engine, people, [fu(people, owner, due)])
    with session_scope(engine) as s:
        row = s.scalars(select(FollowUp).order_by(FollowUp.id.desc())).first()
        assert row is not None
        return row.id, row.row_version


def state_of(engine: Engine, fu_id: int) -> tuple[Any, ...]:
    with session_scope(engine) as s:
        row = s.get(FollowUp, fu_id)
        assert row is not None
        return row.status, row.row_version, row.owner_user_id, row.due_on, row.note


def deactivate(engine: Engine, username: str) -> None:
    with engine.begin() as conn:
        conn.execute(update(User).where(User.username == username).values(active=False))


# -- wrong types and bad values straight to log_session -----------------------------------

@pytest.mark.parametrize(("kwargs", "field"), [
    ({"fields": ["artisan_id"]}, "_form"),
    ({"follow_ups": None}, "_form"),
    ({"follow_ups": "not a list"}, "_form"),
    ({"follow_ups": ["row"]}, "_form"),
    ({"follow_ups": [{}] * 11}, "_form"),
    ({"duration_min": 60.0}, "duration_min"),
    ({"duration_min": -5}, "duration_min"),
    ({"duration_min": 10**20}, "duration_min"),
    ({"held_on": datetime(2026, 11, 16, 10, 0, tzinfo=UTC)}, "held_on"),
    ({"held_on": "2026-11-16"}, "held_on"),
    ({"artisan_id": "1"}, "artisan_id"),
    ({"artisan_id": True}, "artisan_id"),
    ({"artisan_id": -1}, "artisan_id"),
    ({"coach_user_id": None}, "coach_user_id"),
    ({"coach_user_id": 2**40}, "coach_user_id"),
    ({"notes": ["list"]}, "notes"),
    ({"notes": "x" * 5001}, "notes"),
    ({"notes": "bidi \u202e override"}, "notes"),
    ({"topic": "other", "topic_other": "a\u200bb"}, "topic_other"),
    ({"topic": "other", "topic_other": "x" * 151}, "topic_other"),
    ({"topic": None}, "topic"),
    ({"format": ["office"]}, "format"),
])
def test_a_wrong_type_to_log_session_writes_nothing(engine: Engine, people: dict[str, int],
                                                    kwargs: dict[str, Any],
                                                    field: str) -> None:
    before = written(engine)
    follow_ups = kwargs.pop("follow_ups", [fu(people)])
    with pytest.raises(ValidationError) as err:
        log(engine, people, follow_ups, **kwargs)
    assert field in err.value.errors
    assert written(engine) == before


@pytest.mark.parametrize(("row", "field"), [
    ({"due_on": datetime(2026, 11, 20, tzinfo=UTC)}, "due_on"),
    ({"due_on": "2026-11-20"}, "due_on"),
    ({"due_on": None}, "due_on"),
    ({"due_on": date(2101, 1, 1)}, "due_on"),
    ({"due_on": DAY - timedelta(days=1)}, "due_on"),
    ({"action": None}, "action"),
    ({"action": 42}, "action"),
    ({"action": "x" * 301}, "action"),
    ({"action": "nul\x00here"}, "action"),
    ({"owner_user_id": True}, "owner_user_id"),
    ({"owner_user_id": "2"}, "owner_user_id"),
    ({"session_id": 1}, "session_id"),
])
def test_a_wrong_follow_up_value_refuses_all(engine: Engine, people: dict[str, int],
                                             row: dict[str, Any], field: str) -> None:
    before = written(engine)
    with pytest.raises(ValidationError) as err:
        log(engine, people, [fu(people), fu(people) | row])
    assert f"follow_up_1_{field}" in err.value.errors
    assert written(engine) == before


def test_a_deactivated_coach_or_owner_is_refused(engine: Engine, people: dict[str, int]) -> None:
    deactivate(engine, "coach2")
    with pytest.raises(ValidationError) as err:
        log(engine, people, [fu(people, owner="coach2")], coach_user_id=people["coach2"])
    assert err.value.errors == {"coach_user_id": "coaching.adviser_unknown",
                                "follow_up_0_owner_user_id": "coaching.adviser_unknown"}


def test_a_deactivated_adviser_writes_nothing(engine: Engine, people: dict[str, int]) -> None:
    fu_id, version = one_follow_up(engine, people, owner="coach2")
    deactivate(engine, "coach2")
    with pytest.raises(SessionEnded), session_scope(engine) as s:
        close_follow_up(session=s, actor=actor("coach2", "staff"), follow_up_id=fu_id,
                        version=version, outcome="done")
    with pytest.raises(SessionEnded):
        log(engine, people, who=actor("coach2", "staff"))
    assert state_of(engine, fu_id)[:2] == ("open", version)


def test_an_erased_artisan_is_refused_everywhere(engine: Engine, people: dict[str, int]) -> None:
    track_id = new_track(engine)
    with session_scope(engine) as s:
        erase_artisan(session=s, actor=ADMIN, artisan_id=people["bob"])
    with pytest.raises(ValidationError) as err:
        log(engine, people, artisan_id=people["bob"])
    assert err.value.errors == {"artisan_id": "coaching.artisan_unknown"}
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        enrol(session=s, actor=STAFF, track_id=track_id,
              artisan_ids=[people["ana"], people["bob"]])
    assert err.value.errors == {"artisan_ids": "coaching.artisan_unknown"}
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(TrackEnrolment)) == 0


# -- follow-ups: wrong types, stale versions, other people's ------------------------------

@pytest.mark.parametrize("kwargs", [
    {"follow_up_id": "1"}, {"follow_up_id": None}, {"follow_up_id": True},
    {"follow_up_id": 2**40}, {"follow_up_id": 999_999}, {"version": "1"}, {"version": None},
    {"outcome": None}, {"outcome": "open"}, {"note": 7}, {"note": "nul\x00"}])
def test_a_wrong_close_changes_nothing(engine: Engine, people: dict[str, int],
                                       kwargs: dict[str, Any]) -> None:
    fu_id, version = one_follow_up(engine, people)
    before = written(engine)
    call: dict[str, Any] = {"follow_up_id": fu_id, "version": version, "outcome": "done"}
    with pytest.raises(ValidationError), session_scope(engine) as s:
        close_follow_up(session=s, actor=STAFF, **(call | kwargs))
    assert state_of(engine, fu_id)[:2] == ("open", version)
    assert written(engine) == before


@pytest.mark.parametrize("due", [None, "2026-12-01", datetime(2026, 12, 1, tzinfo=UTC),
                                 date(1999, 1, 1), date(2101, 1, 1)])
def test_a_wrong_new_due_date_changes_nothing(engine: Engine, people: dict[str, int],
                                              due: Any) -> None:
    fu_id, version = one_follow_up(engine, people)
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        reschedule_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version,
                             due_on=due)
    assert "due_on" in err.value.errors
    assert state_of(engine, fu_id)[1] == version


@pytest.mark.parametrize("owner", [True, "1", None, 0, 2**40])
def test_a_wrong_new_owner_changes_nothing(engine: Engine, people: dict[str, int],
                                           owner: Any) -> None:
    fu_id, version = one_follow_up(engine, people)
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        reassign_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id, version=version,
                           owner_user_id=owner)
    assert err.value.errors == {"owner_user_id": "coaching.adviser_unknown"}
    assert state_of(engine, fu_id)[1:3] == (version, people["staff"])


def test_no_reassignment_to_a_deactivated_adviser(engine: Engine,
                                                  people: dict[str, int]) -> None:
    fu_id, version = one_follow_up(engine, people)
    deactivate(engine, "coach2")
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        reassign_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id, version=version,
                           owner_user_id=people["coach2"])
    assert err.value.errors == {"owner_user_id": "coaching.adviser_unknown"}


def test_a_deactivated_owners_follow_ups_stay_visible_and_movable(
        engine: Engine, people: dict[str, int]) -> None:
    fu_id, version = one_follow_up(engine, people, owner="coach2")
    deactivate(engine, "coach2")
    with session_scope(engine) as s:
        assert [i.owner for i in open_follow_ups(s, TODAY)] == ["Coach Two"]
        assert list(open_by_owner(s, TODAY)["owner"]) == ["Coach Two"]
        reassign_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id, version=version,
                           owner_user_id=people["staff"])
    assert state_of(engine, fu_id)[2] == people["staff"]


@pytest.mark.parametrize("write", ["close", "cancel", "reschedule", "reassign"])
def test_staff_cannot_touch_another_advisers_follow_up(engine: Engine, people: dict[str, int],
                                                       write: str) -> None:
    fu_id, version = one_follow_up(engine, people, owner="coach2")
    before = written(engine)
    calls: dict[str, Callable[[Session], None]] = {
        "close": lambda s: close_follow_up(session=s, actor=STAFF, follow_up_id=fu_id,
                                           version=version, outcome="done"),
        "cancel": lambda s: close_follow_up(session=s, actor=STAFF, follow_up_id=fu_id,
                                            version=version, outcome="cancelled", note="x"),
        "reschedule": lambda s: reschedule_follow_up(session=s, actor=STAFF, follow_up_id=fu_id,
                                                     version=version, due_on=DAY + timedelta(9)),
        "reassign": lambda s: reassign_follow_up(session=s, actor=STAFF, follow_up_id=fu_id,
                                                 version=version,
                                                 owner_user_id=people["staff"])}
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        calls[write](s)
    assert state_of(engine, fu_id)[:3] == ("open", version, people["coach2"])
    assert written(engine) == before


def test_a_partner_writes_no_follow_up_change(engine: Engine, people: dict[str, int]) -> None:
    fu_id, version = one_follow_up(engine, people)
    for call in (lambda s: close_follow_up(session=s, actor=PARTNER, follow_up_id=fu_id,
                                           version=version, outcome="done"),
                 lambda s: create_track(session=s, actor=PARTNER, fields={}),
                 lambda s: enrol(session=s, actor=PARTNER, track_id=1, artisan_ids=[1])):
        with pytest.raises(PermissionDenied), session_scope(engine) as s:
            call(s)
    assert state_of(engine, fu_id)[:2] == ("open", version)


def test_a_stale_tab_after_a_reassignment_cannot_close_or_move(
        engine: Engine, people: dict[str, int]) -> None:
    fu_id, version = one_follow_up(engine, people)
    with session_scope(engine) as s:  # a manager gives it to coach2 and back
        reassign_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id, version=version,
                           owner_user_id=people["coach2"])
        reassign_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id, version=version + 1,
                           owner_user_id=people["staff"])
    for call in (lambda s: close_follow_up(session=s, actor=STAFF, follow_up_id=fu_id,
                                           version=version, outcome="done"),
                 lambda s: reschedule_follow_up(session=s, actor=STAFF, follow_up_id=fu_id,
                                                version=version, due_on=DAY + timedelta(30))):
        with pytest.raises(ValidationError) as err, session_scope(engine) as s:
            call(s)
        assert err.value.errors == {"_form": "coaching.follow_up_changed_meanwhile"}
    assert state_of(engine, fu_id)[:2] == ("open", version + 2)


def test_a_closed_follow_up_cannot_be_moved_or_reassigned(engine: Engine,
                                                          people: dict[str, int]) -> None:
    fu_id, version = one_follow_up(engine, people)
    with session_scope(engine) as s:
        close_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version,
                        outcome="done")
    for call in (lambda s: reschedule_follow_up(session=s, actor=STAFF, follow_up_id=fu_id,
                                                version=version + 1, due_on=DAY),
                 lambda s: reassign_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id,
                                              version=version + 1,
                                              owner_user_id=people["coach2"])):
        with pytest.raises(ValidationError) as err, session_scope(engine) as s:
            call(s)
        assert err.value.errors == {"_form": "coaching.follow_up_closed_meanwhile"}


def test_every_follow_up_write_is_audited_and_bumps_the_version(
        engine: Engine, people: dict[str, int]) -> None:
    fu_id, version = one_follow_up(engine, people)
    steps = [lambda s: reschedule_follow_up(session=s, actor=STAFF, follow_up_id=fu_id,
                                            version=version, due_on=DAY + timedelta(days=20)),
             lambda s: reassign_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id,
                                          version=version + 1, owner_user_id=people["coach2"]),
             lambda s: close_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id,
                                       version=version + 2, outcome="cancelled", note="n")]
    for step in steps:
        _, _, audits, coaching = written(engine)
        with session_scope(engine) as s:
            step(s)
        assert written(engine)[2:] == (audits + 1, coaching + 1)


# -- overdue by the Brussels day ----------------------------------------------------------

def test_due_today_is_not_overdue_anywhere(engine: Engine, people: dict[str, int]) -> None:
    one_follow_up(engine, people, due=TODAY)
    one_follow_up(engine, people, due=TODAY - timedelta(days=1))
    with session_scope(engine) as s:
        assert follow_up_counts(s, TODAY) == {"open": 2, "overdue": 1}
        assert [(i.group, i.days_late) for i in my_follow_ups(s, "staff", TODAY)] == [
            ("overdue", 1), ("this_week", 0)]
        row = open_by_owner(s, TODAY).iloc[0]
        assert (int(row["open"]), int(row["overdue"]), int(row["this_week"])) == (2, 1, 1)


def test_sunday_is_still_this_week(engine: Engine, people: dict[str, int]) -> None:
    sunday = date(2026, 11, 22)
    one_follow_up(engine, people, due=sunday)
    one_follow_up(engine, people, due=sunday + timedelta(days=1))
    with session_scope(engine) as s:
        assert [i.group for i in my_follow_ups(s, "staff", sunday)] == ["this_week", "later"]


# -- two users at once --------------------------------------------------------------------

def race(*units: Callable[[], object]) -> list[str]:
    """Run write units at once, as two browser sessions would (through run_write)."""
    outcomes: list[str] = []
    start = threading.Barrier(len(units))

    def go(unit: Callable[[], object]) -> None:
        start.wait()
        try:
            run_write(unit)
            outcomes.append("ok")
        except ValidationError as exc:
            outcomes.append(next(iter(exc.errors.values())))
        except Exception as exc:  # noqa: BLE001 - any other error is the finding
            outcomes.append(type(exc).__name__)

    threads = [threading.Thread(target=go, args=(u,)) for u in units]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_two_managers_reassigning_at_once_move_it_once(engine: Engine,
                                                       people: dict[str, int]) -> None:
    fu_id, version = one_follow_up(engine, people)

    def give(to: str) -> Callable[[], None]:
        def unit() -> None:
            with session_scope(engine) as s:
                reassign_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id,
                                   version=version, owner_user_id=people[to])
        return unit

    assert race(give("coach2"), give("admin")) == ["coaching.follow_up_changed_meanwhile", "ok"]
    assert state_of(engine, fu_id)[1] == version + 1


def test_a_close_and_a_reschedule_at_once_keep_one(engine: Engine,
                                                   people: dict[str, int]) -> None:
    fu_id, version = one_follow_up(engine, people)

    def close() -> None:
        with session_scope(engine) as s:
            close_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version,
                            outcome="done")

    def move() -> None:
        with session_scope(engine) as s:
            reschedule_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version,
                                 due_on=DAY + timedelta(days=40))

    outcomes = race(close, move)
    assert outcomes[-1] == "ok" and outcomes[0].startswith("coaching.follow_up_")
    assert state_of(engine, fu_id)[1] == version + 1


def test_two_advisers_ticking_attendance_at_once_lose_nothing(engine: Engine,
                                                              people: dict[str, int]) -> None:
    track_id = new_track(engine)
    with session_scope(engine) as s:
        enrol(session=s, actor=STAFF, track_id=track_id,
              artisan_ids=[people["ana"], people["bob"]])
        planned = s.scalar(select(TrackSession.id).where(TrackSession.track_id == track_id,
                                                         TrackSession.seq == 1))
    assert planned is not None

    def tick(who: str) -> Callable[[], object]:
        def unit() -> object:
            with session_scope(engine) as s:
                return record_attendance(
                    session=s, actor=STAFF, track_session_id=planned, today=TODAY,
                    attendance=Attendance(held_on=date(2026, 10, 1), duration_min=60,
                                          format="office", coach_user_id=people["staff"],
                                          artisan_ids=[people[who]], seen=()))
        return unit

    assert race(tick("ana"), tick("bob")) == ["ok", "track.present_changed"]
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(CoachingSession)) == 1


def test_two_tabs_enrolling_the_same_artisan_enrol_once(engine: Engine,
                                                        people: dict[str, int]) -> None:
    track_id = new_track(engine)

    def unit() -> None:
        with session_scope(engine) as s:
            enrol(session=s, actor=STAFF, track_id=track_id, artisan_ids=[people["ana"]])

    assert race(unit, unit) == ["ok", "ok"]
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(TrackEnrolment)) == 1


def test_an_erasure_during_a_session_log_leaves_no_notes(engine: Engine, people: dict[str, int],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """An adviser saves a session for Ana while an admin erases her: either the session is
    refused, or its notes are wiped; never notes kept for an erased person."""
    import db.queries.coaching_log as coaching_log

    erased = threading.Event()
    original = coaching_log.bump

    def slow_bump(session: Session, *areas: str) -> None:
        erased.wait(timeout=1.5)  # checks done; the erasure gets in here if it can
        original(session, *areas)

    monkeypatch.setattr(coaching_log, "bump", slow_bump)

    def save() -> None:
        log(engine, people, notes="Note intime")

    def erase() -> None:
        time.sleep(0.2)
        with session_scope(engine) as s:
            erase_artisan(session=s, actor=ADMIN, artisan_id=people["ana"])
        erased.set()

    outcomes = race(save, erase)
    assert "ok" in outcomes
    with session_scope(engine) as s:
        assert s.scalars(select(CoachingSession.notes).where(
            CoachingSession.notes.is_not(None))).all() == []


# -- a partner hunting for persons --------------------------------------------------------

COACHING_MODULES = ("db.queries.coaching_log", "db.queries.follow_ups", "db.queries.tracks")


def test_every_coaching_read_is_refused_to_partners(engine: Engine,
                                                    people: dict[str, int]) -> None:
    log(engine, people, [fu(people)])
    names = [n for n, r in READS.items() if r.query.__module__ in COACHING_MODULES]
    assert {"advisers", "recent_sessions", "session_detail", "my_follow_ups",
            "open_follow_ups", "follow_ups_by_owner", "tracks_overview",
            "track_detail"} <= set(names)
    args: dict[str, tuple[Any, ...]] = {
        "session_detail": (1,), "my_follow_ups": ("staff", TODAY), "open_follow_ups": (TODAY,),
        "follow_ups_by_owner": (TODAY,), "tracks_overview": (TODAY,), "track_detail": (1,)}
    with session_scope(engine) as s:
        for name in [*names, "artisan_timeline"]:
            assert READS[name].disclosure is None, name
            with pytest.raises(NotDisclosable):
                run_read(s, name, "partner", *args.get(name, (people["ana"],)))
            with pytest.raises(NotDisclosable):  # a role added later is no exception
                run_read(s, name, "auditor", *args.get(name, (people["ana"],)))


def test_the_latest_sessions_never_carry_notes(engine: Engine, people: dict[str, int]) -> None:
    log(engine, people, notes="Secret de la note")
    with session_scope(engine) as s:
        frame = recent_sessions(s)
    assert "notes" not in frame.columns
    assert "Secret de la note" not in frame.to_csv()


# -- erasure ------------------------------------------------------------------------------

def test_erasure_wipes_every_coaching_text_also_after_changes(
        engine: Engine, people: dict[str, int]) -> None:
    fu_id, version = one_follow_up(engine, people)
    log(engine, people, topic="other", topic_other="Sujet intime", notes="Note intime")
    with session_scope(engine) as s:
        reschedule_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version,
                             due_on=DAY + timedelta(days=20))
        reassign_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id, version=version + 1,
                           owner_user_id=people["coach2"])
        close_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id, version=version + 2,
                        outcome="done", note="Clôture intime")
    before = written(engine)[3]
    with session_scope(engine) as s:
        erase_artisan(session=s, actor=ADMIN, artisan_id=people["ana"])
    with session_scope(engine) as s:
        assert data_versions(s)["coaching"] > before
        dump = " ".join(str(v) for row in s.execute(text(
            "SELECT notes, topic_other FROM coaching_sessions UNION ALL "
            "SELECT action, note FROM follow_ups")) for v in row)
        trail = " ".join(f"{e.before_json} {e.after_json}" for e in s.scalars(select(AuditEntry)))
        for secret in ("Sujet intime", "Note intime", "Action secrète", "Clôture intime",
                       "Secret de la note", "Lopez"):
            assert secret not in dump and secret not in trail, secret
        detail = session_detail(s, s.scalar(select(func.max(CoachingSession.id))) or 0)
        assert detail is not None and detail.notes is None and detail.topic_other is None


def test_erasure_keeps_the_anonymous_facts(engine: Engine, people: dict[str, int]) -> None:
    fu_id, _ = one_follow_up(engine, people, due=DAY)
    with session_scope(engine) as s:
        figures = follow_up_counts(s, TODAY)
        erase_artisan(session=s, actor=ADMIN, artisan_id=people["ana"])
    with session_scope(engine) as s:
        assert follow_up_counts(s, TODAY) == figures
        assert [(i.id, i.action) for i in open_follow_ups(s, TODAY)] == [(fu_id, "")]


def test_no_new_personal_text_for_an_erased_artisan(engine: Engine,
                                                    people: dict[str, int]) -> None:
    fu_id, version = one_follow_up(engine, people)
    with session_scope(engine) as s:
        erase_artisan(session=s, actor=ADMIN, artisan_id=people["ana"])
    with session_scope(engine) as s:  # still closable (it counts as open), but wordless
        close_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version,
                        outcome="done", note="Appelé sa sœur au 0470 12 34 56")
    with session_scope(engine) as s:
        trail = " ".join(f"{e.before_json} {e.after_json}" for e in s.scalars(select(AuditEntry)))
        assert state_of(engine, fu_id)[4] is None and "sœur" not in trail


# -- tracks -------------------------------------------------------------------------------

def new_track(engine: Engine, **changes: Any) -> int:
    with session_scope(engine) as s:
        return create_track(session=s, actor=STAFF, fields={
            "title": "Parcours", "description": None, "first_on": date(2026, 10, 1),
            "sessions": 3, "every_weeks": 2, "topic": "pricing"} | changes).id


@pytest.mark.parametrize(("changes", "field"), [
    ({"sessions": True}, "sessions"), ({"sessions": 3.0}, "sessions"),
    ({"sessions": "3"}, "sessions"), ({"every_weeks": 0}, "every_weeks"),
    ({"every_weeks": False}, "every_weeks"), ({"first_on": "2026-10-01"}, "first_on"),
    ({"first_on": datetime(2026, 10, 1, tzinfo=UTC)}, "first_on"),
    ({"first_on": date(1999, 12, 31)}, "first_on"), ({"title": ["t"]}, "title"),
    ({"title": "x" * 151}, "title"), ({"description": "x" * 2001}, "description"),
    ({"description": 5}, "description"), ({"title": "a\x1bb"}, "title")])
def test_a_wrong_track_writes_nothing(engine: Engine, people: dict[str, int],
                                      changes: dict[str, Any], field: str) -> None:
    before = written(engine)
    with pytest.raises(ValidationError) as err:
        new_track(engine, **changes)
    assert field in err.value.errors
    assert written(engine) == before


@pytest.mark.parametrize("ids", [[True], ["1"], [1.0], "1", None, [0], [2**40],
                                 list(range(1, 502))])
def test_wrong_enrolment_ids_enrol_nobody(engine: Engine, people: dict[str, int],
                                          ids: Any) -> None:
    track_id = new_track(engine)
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        enrol(session=s, actor=STAFF, track_id=track_id, artisan_ids=ids)
    assert "artisan_ids" in err.value.errors
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(TrackEnrolment)) == 0


def planned_id(engine: Engine, track_id: int, seq: int = 1) -> int:
    with session_scope(engine) as s:
        found = s.scalar(select(TrackSession.id).where(TrackSession.track_id == track_id,
                                                       TrackSession.seq == seq))
        assert found is not None
        return found


@pytest.mark.parametrize(("changes", "field"), [
    ({"held_on": TODAY + timedelta(days=1)}, "held_on"),
    ({"held_on": datetime(2026, 10, 1, tzinfo=UTC)}, "held_on"),
    ({"duration_min": 0}, "duration_min"), ({"duration_min": 601}, "duration_min"),
    ({"duration_min": "60"}, "duration_min"), ({"format": "x"}, "format"),
    ({"coach_user_id": True}, "coach_user_id"), ({"artisan_ids": [True]}, "artisan_ids"),
    ({"artisan_ids": "12"}, "artisan_ids")])
def test_wrong_attendance_writes_nothing(engine: Engine, people: dict[str, int],
                                         changes: dict[str, Any], field: str) -> None:
    track_id = new_track(engine)
    with session_scope(engine) as s:
        enrol(session=s, actor=STAFF, track_id=track_id, artisan_ids=[people["ana"]])
    values: dict[str, Any] = {"held_on": date(2026, 10, 1), "duration_min": 60,
                              "format": "office", "coach_user_id": people["staff"],
                              "artisan_ids": [people["ana"]]} | changes
    before = written(engine)
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        record_attendance(session=s, actor=STAFF, track_session_id=planned_id(engine, track_id),
                          attendance=Attendance(**values), today=TODAY)
    assert field in err.value.errors
    assert written(engine) == before


def test_attendance_of_an_unknown_planned_session(engine: Engine,
                                                  people: dict[str, int]) -> None:
    for planned in (None, "1", True, 999_999):
        with pytest.raises(ValidationError) as err, session_scope(engine) as s:
            record_attendance(session=s, actor=STAFF, track_session_id=planned,  # type: ignore[arg-type]
                              attendance=Attendance(held_on=DAY, duration_min=60,
                                                    format="office",
                                                    coach_user_id=people["staff"]),
                              today=TODAY)
        assert err.value.errors == {"_form": "coaching.track_not_found"}


def test_unticking_a_session_that_made_a_follow_up_is_refused(
        engine: Engine, people: dict[str, int]) -> None:
    track_id = new_track(engine)
    planned = planned_id(engine, track_id)
    with session_scope(engine) as s:
        enrol(session=s, actor=STAFF, track_id=track_id, artisan_ids=[people["ana"]])
        record_attendance(session=s, actor=STAFF, track_session_id=planned, today=TODAY,
                          attendance=Attendance(held_on=date(2026, 10, 1), duration_min=60,
                                                format="office", coach_user_id=people["staff"],
                                                artisan_ids=[people["ana"]]))
        logged = s.scalar(select(CoachingSession.id))
        s.add(FollowUp(artisan_id=people["ana"], session_id=logged, owner_user_id=people["staff"],
                       action="Suite", due_on=DAY, status="open", row_version=1))
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        record_attendance(session=s, actor=STAFF, track_session_id=planned, today=TODAY,
                          attendance=Attendance(held_on=date(2026, 10, 1), duration_min=60,
                                                format="office", coach_user_id=people["staff"],
                                                artisan_ids=[]))
    assert err.value.errors == {"artisan_ids": "coaching.attendance_has_follow_ups"}


def test_a_future_track_has_nothing_due_and_no_completion(engine: Engine,
                                                          people: dict[str, int]) -> None:
    track_id = new_track(engine, first_on=TODAY + timedelta(days=14))
    with session_scope(engine) as s:
        enrol(session=s, actor=STAFF, track_id=track_id, artisan_ids=[people["ana"]])
        row = tracks_overview(s, TODAY).iloc[0]
        assert (int(row["due"]), int(row["enrolled"]), int(row["completed"])) == (0, 1, 0)
        detail = track_detail(s, track_id)
        assert detail is not None and detail.completion_rate == 0.0


def test_a_withdrawn_artisan_keeps_their_sessions(engine: Engine,
                                                  people: dict[str, int]) -> None:
    track_id = new_track(engine, sessions=1)
    planned = planned_id(engine, track_id)
    with session_scope(engine) as s:
        enrol(session=s, actor=STAFF, track_id=track_id, artisan_ids=[people["ana"]])
        record_attendance(session=s, actor=STAFF, track_session_id=planned, today=TODAY,
                          attendance=Attendance(held_on=date(2026, 10, 1), duration_min=60,
                                                format="office", coach_user_id=people["staff"],
                                                artisan_ids=[people["ana"]]))
        withdraw(session=s, actor=STAFF, track_id=track_id, artisan_id=people["ana"])
    with session_scope(engine) as s:
        assert s.scalar(select(func.count()).select_from(CoachingSession)) == 1
        detail = track_detail(s, track_id)
        assert detail is not None and detail.completion_rate is None


def test_the_enrolled_count_agrees_after_an_erasure(engine: Engine,
                                                    people: dict[str, int]) -> None:
    """The track list and the track's own screen must count the same enrolled artisans."""
    track_id = new_track(engine)
    with session_scope(engine) as s:
        enrol(session=s, actor=STAFF, track_id=track_id,
              artisan_ids=[people["ana"], people["bob"]])
    with session_scope(engine) as s:
        erase_artisan(session=s, actor=ADMIN, artisan_id=people["bob"])
    with session_scope(engine) as s:
        listed = int(tracks_overview(s, TODAY).iloc[0]["enrolled"])
        detail = track_detail(s, track_id)
        assert detail is not None
        assert detail.enrolled == listed == 2  # pages/track.py shows detail.enrolled
        assert len(detail.progress) == 1  # the table lists whom it can name


# -- huge lists ---------------------------------------------------------------------------

def test_the_latest_sessions_are_bounded(engine: Engine, people: dict[str, int]) -> None:
    with session_scope(engine) as s:
        s.add_all([CoachingSession(artisan_id=people["ana"], coach_user_id=people["staff"],
                                   held_on=DAY - timedelta(days=i % 300), duration_min=30,
                                   format="office", topic="pricing") for i in range(600)])
    with session_scope(engine) as s:
        assert len(recent_sessions(s)) == 50
        assert len(recent_sessions(s, limit=10**9)) == 500
        assert len(recent_sessions(s, limit=-3)) == 1


# -- the 0006 upgrade on existing data ----------------------------------------------------

def test_an_erasure_after_the_upgrade_wipes_old_free_text_topics(engine: Engine) -> None:
    """Before 0006 a session's topic was free text (erasure blanked it, and `topic` in the
    audit trail); the upgrade moves it to topic_other. An artisan erased after the upgrade
    must lose that text everywhere, the audit entries written under 0005 included."""
    from alembic import command

    from db.migrations.config import alembic_config

    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
        conn.execute(text(
            "INSERT INTO users (id, username, display_name, role, password_hash) "
            "VALUES (1, 'admin', 'Admin', 'admin', 'x')"))
        conn.execute(text(
            "INSERT INTO artisans (id, first_name, last_name, language, source, "
            "consent_contact, consent_newsletter, name_key, search_text) "
            "VALUES (1, 'Ana', 'Lopez', 'fr', 'other', false, false, 'ana lopez', '')"))
        conn.execute(text(
            "INSERT INTO coaching_sessions (id, artisan_id, coach_user_id, held_on, "
            "duration_min, format, topic) VALUES "
            "(1, 1, 1, '2024-04-01', 60, 'office', 'Divorce de Mme X')"))
        conn.execute(text(  # as 0005's log of the session wrote it
            "INSERT INTO audit_log (username, action, entity, entity_id, after_json) VALUES "
            "('staff', 'create', 'coaching_sessions', '1', :after)"), {"after": (
                '{"id": 1, "artisan_id": 1, "coach_user_id": 1, "track_id": null, '
                '"held_on": "2024-04-01", "duration_min": 60, "format": "office", '
                '"topic": "Divorce de Mme X", "notes": null}')})
    upgrade_to_head(engine)
    with session_scope(engine) as s:
        erase_artisan(session=s, actor=actor("admin", "admin"), artisan_id=1)
    with engine.connect() as conn:
        assert tuple(conn.execute(text("SELECT topic, topic_other FROM coaching_sessions"))
                     .one()) == ("other", None)
        trail = " ".join(str(r) for r in conn.execute(text(
            "SELECT before_json, after_json FROM audit_log")))
    assert "Divorce" not in trail
