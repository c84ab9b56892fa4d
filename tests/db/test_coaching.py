"""Coaching: a session logged with its follow-ups all or nothing; follow-ups closed, moved and
reassigned without lost updates; "overdue" by the Brussels day; tracks with their planned
sessions, enrolment, attendance and completion; erasure of the free texts."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import clock
from db.engine import session_scope
from db.errors import ValidationError
from db.models import AuditEntry, CoachingSession, FollowUp, TrackSession, User
from db.permissions import SYSTEM, PermissionDenied
from db.queries.artisans import create_artisan
from db.queries.coaching import follow_up_counts
from db.queries.coaching_log import log_session
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
from db.reads import NotDisclosable, run_read
from db.versioning import data_versions
from tests.conftest import actor

STAFF, MANAGER, ADMIN, PARTNER = (actor("staff"), actor("manager"), actor("admin"),
                                  actor("partner"))
DAY = date(2026, 11, 16)  # a Monday


@pytest.fixture
def people(demo_users: Engine) -> dict[str, int]:
    """The demo users' ids by username, plus two artisans ("ana", "bob")."""
    with session_scope(demo_users) as s:
        ids = {u: i for i, u in s.execute(select(User.id, User.username))}
        for key, first, last in (("ana", "Ana", "Lopez"), ("bob", "Bob", "Peeters")):
            ids[key] = create_artisan(session=s, actor=SYSTEM, fields={
                "first_name": first, "last_name": last}).id
    return ids


def session_fields(people: dict[str, int], **changes: Any) -> dict[str, Any]:
    return {"artisan_id": people["ana"], "coach_user_id": people["staff"], "held_on": DAY,
            "duration_min": 90, "format": "on_site", "topic": "pricing", "topic_other": None,
            "notes": "Calcul du prix de revient revu ensemble."} | changes


def follow_up(people: dict[str, int], owner: str = "staff", due: date = DAY + timedelta(7),
              action: str = "Envoyer le modèle de calcul") -> dict[str, Any]:
    return {"action": action, "owner_user_id": people[owner], "due_on": due}


def log(engine: Engine, people: dict[str, int], follow_ups: list[dict[str, Any]] | None = None,
        who: Any = STAFF, **changes: Any) -> int:
    with session_scope(engine) as s:
        return log_session(session=s, actor=who, fields=session_fields(people, **changes),
                           follow_ups=follow_ups or [], today=DAY + timedelta(days=1)).id


def errors_of(engine: Engine, people: dict[str, int], follow_ups: list[dict[str, Any]],
              **changes: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as err:
        log(engine, people, follow_ups, **changes)
    return err.value.errors


def counts(engine: Engine) -> tuple[int, int, int]:
    with session_scope(engine) as s:
        return (s.scalar(select(func.count()).select_from(CoachingSession)) or 0,
                s.scalar(select(func.count()).select_from(FollowUp)) or 0,
                s.scalar(select(func.count()).select_from(AuditEntry).where(
                    AuditEntry.entity.in_(("coaching_sessions", "follow_ups")))) or 0)


def test_a_session_and_its_follow_ups_are_written_together(engine: Engine,
                                                           people: dict[str, int]) -> None:
    before = data_versions(Session(engine))["coaching"]
    session_id = log(engine, people, [follow_up(people), follow_up(people, "manager",
                                                                   action="Relire le dossier")])
    with session_scope(engine) as s:
        logged = s.get(CoachingSession, session_id)
        assert logged is not None and logged.created_by == "staff" and logged.topic == "pricing"
        rows = s.scalars(select(FollowUp).order_by(FollowUp.id)).all()
        assert [(f.session_id, f.owner_user_id, f.status, f.artisan_id) for f in rows] == [
            (session_id, people["staff"], "open", people["ana"]),
            (session_id, people["manager"], "open", people["ana"])]
        assert data_versions(s)["coaching"] == before + 1
    assert counts(engine) == (1, 2, 3)  # one audit entry per row


@pytest.mark.parametrize(("changes", "field", "key"), [
    ({"duration_min": 0}, "duration_min", "coaching.duration_invalid"),
    ({"duration_min": 601}, "duration_min", "coaching.duration_invalid"),
    ({"duration_min": True}, "duration_min", "coaching.duration_invalid"),
    ({"duration_min": "60"}, "duration_min", "coaching.duration_invalid"),
    ({"held_on": DAY + timedelta(days=2)}, "held_on", "coaching.held_in_future"),
    ({"held_on": date(1999, 12, 31)}, "held_on", "events.date_out_of_range"),
    ({"held_on": None}, "held_on", "form.required"),
    ({"artisan_id": 999_999}, "artisan_id", "coaching.artisan_unknown"),
    ({"artisan_id": 2**63}, "artisan_id", "coaching.artisan_unknown"),
    ({"artisan_id": None}, "artisan_id", "form.required"),
    ({"format": "carrier_pigeon"}, "format", "coaching.format_unknown"),
    ({"topic": "astrology"}, "topic", "coaching.topic_unknown"),
    ({"topic": "other", "topic_other": "  "}, "topic_other", "form.required"),
    ({"notes": "a\x00b"}, "notes", "form.control_characters"),
    ({"coach_user_id": 4}, "coach_user_id", "coaching.adviser_unknown"),  # the partner
])
def test_a_bad_session_field_writes_nothing(engine: Engine, people: dict[str, int],
                                            changes: dict[str, Any], field: str,
                                            key: str) -> None:
    if changes.get("coach_user_id") == 4:
        changes = {"coach_user_id": people["partner"]}
    assert errors_of(engine, people, [follow_up(people)], **changes)[field] == key
    assert counts(engine) == (0, 0, 0)


def test_a_bad_follow_up_refuses_the_session_too(engine: Engine, people: dict[str, int]) -> None:
    errors = errors_of(engine, people, [follow_up(people), follow_up(
        people, due=DAY - timedelta(days=1)), follow_up(people, action=" "),
        follow_up(people, owner="partner")])
    assert errors == {"follow_up_1_due_on": "coaching.due_before_session",
                      "follow_up_2_action": "form.required",
                      "follow_up_3_owner_user_id": "coaching.adviser_unknown"}
    assert counts(engine) == (0, 0, 0)


def test_a_due_date_on_the_session_day_is_fine(engine: Engine, people: dict[str, int]) -> None:
    log(engine, people, [follow_up(people, due=DAY)])
    assert counts(engine)[1] == 1


def test_an_erased_artisan_gets_no_session(engine: Engine, people: dict[str, int]) -> None:
    with session_scope(engine) as s:
        erase_artisan(session=s, actor=ADMIN, artisan_id=people["bob"])
    errors = errors_of(engine, people, [], artisan_id=people["bob"])
    assert errors == {"artisan_id": "coaching.artisan_unknown"}


def test_other_topic_keeps_its_text_and_a_listed_one_drops_it(engine: Engine,
                                                              people: dict[str, int]) -> None:
    first = log(engine, people, topic="other", topic_other="  Recherche   d'atelier ")
    second = log(engine, people, topic="pricing", topic_other="ignored")
    with session_scope(engine) as s:
        assert s.get(CoachingSession, first).topic_other == "Recherche d'atelier"  # type: ignore[union-attr]
        assert s.get(CoachingSession, second).topic_other is None  # type: ignore[union-attr]


def test_partners_write_and_read_no_coaching(engine: Engine, people: dict[str, int]) -> None:
    with pytest.raises(PermissionDenied):
        log(engine, people, who=PARTNER)
    with session_scope(engine) as s:
        for name in ("my_follow_ups", "open_follow_ups", "recent_sessions", "track_detail"):
            with pytest.raises(NotDisclosable):
                run_read(s, name, "partner", *(("partner", DAY) if name == "my_follow_ups"
                                              else (DAY,) if name == "open_follow_ups"
                                              else (1,) if name == "track_detail" else ()))


def test_the_database_refuses_a_topic_outside_the_list(session: Session,
                                                       people: dict[str, int]) -> None:
    session.add(CoachingSession(artisan_id=people["ana"], coach_user_id=people["staff"],
                                held_on=DAY, duration_min=30, format="office", topic="astrology"))
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()


# -- follow-ups ----------------------------------------------------------------------------

def open_one(engine: Engine, people: dict[str, int], owner: str = "staff",
             due: date = DAY + timedelta(days=7)) -> tuple[int, int]:
    log(engine, people, [follow_up(people, owner, due)])
    with session_scope(engine) as s:
        row = s.scalars(select(FollowUp).order_by(FollowUp.id.desc())).first()
        assert row is not None
        return row.id, row.row_version


def test_overdue_is_by_the_brussels_day(engine: Engine, people: dict[str, int],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    open_one(engine, people, due=date(2026, 11, 30))  # due "today"
    open_one(engine, people, due=date(2026, 11, 29))  # due "yesterday"

    class Late(datetime):  # 23:30 UTC on the 29th is already 00:30 on the 30th in Brussels
        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return datetime(2026, 11, 29, 23, 30, tzinfo=UTC).astimezone(tz)

    monkeypatch.setattr(clock, "datetime", Late)
    today = clock.today()
    assert today == date(2026, 11, 30)
    with session_scope(engine) as s:
        assert follow_up_counts(s, today) == {"open": 2, "overdue": 1}
        groups = [(i.due_on.day, i.group, i.days_late) for i in my_follow_ups(s, "staff", today)]
        assert groups == [(29, "overdue", 1), (30, "this_week", 0)]


def test_groups_overdue_this_week_later(engine: Engine, people: dict[str, int]) -> None:
    monday = date(2026, 11, 30)
    for due in (monday - timedelta(days=3), monday + timedelta(days=6),
                monday + timedelta(days=7)):
        open_one(engine, people, due=due)
    open_one(engine, people, owner="manager", due=monday + timedelta(days=1))
    with session_scope(engine) as s:
        mine = my_follow_ups(s, "staff", monday)
        assert [i.group for i in mine] == ["overdue", "this_week", "later"]
        assert all(i.owner == "Sofie Staff" for i in mine)
        assert len(open_follow_ups(s, monday)) == 4
        assert len(open_follow_ups(s, monday, owner_id=people["manager"])) == 1
        by_owner = open_by_owner(s, monday)
        assert list(by_owner["owner"]) == ["Sofie Staff", "Marc Manager"]
        assert list(by_owner["overdue"]) == [1, 0] and list(by_owner["open"]) == [3, 1]


def test_closing_done_with_a_note_then_again_is_refused(engine: Engine,
                                                       people: dict[str, int]) -> None:
    fu_id, version = open_one(engine, people)
    with session_scope(engine) as s:
        close_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version,
                        outcome="done", note="Envoyé par e-mail", today=DAY + timedelta(days=3))
    with session_scope(engine) as s:
        row = s.get(FollowUp, fu_id)
        assert row is not None
        assert (row.status, row.done_on, row.note, row.closed_by, row.row_version) == (
            "done", DAY + timedelta(days=3), "Envoyé par e-mail", "staff", version + 1)
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        close_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id, version=version,
                        outcome="cancelled")
    assert err.value.errors == {"_form": "coaching.follow_up_closed_meanwhile"}


def test_a_moved_follow_up_cannot_be_closed_from_an_old_screen(engine: Engine,
                                                               people: dict[str, int]) -> None:
    fu_id, version = open_one(engine, people)
    with session_scope(engine) as s:
        reschedule_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version,
                             due_on=DAY + timedelta(days=20))
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        close_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version,
                        outcome="done")
    assert err.value.errors == {"_form": "coaching.follow_up_changed_meanwhile"}
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        reschedule_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version + 1,
                             due_on=DAY - timedelta(days=1))
    assert err.value.errors == {"due_on": "coaching.due_before_session"}


def test_staff_close_only_their_own_and_managers_reassign(engine: Engine,
                                                          people: dict[str, int]) -> None:
    fu_id, version = open_one(engine, people, owner="manager")
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        close_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version,
                        outcome="done")
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        reassign_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version,
                           owner_user_id=people["staff"])
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        reassign_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id, version=version,
                           owner_user_id=people["partner"])
    assert err.value.errors == {"owner_user_id": "coaching.adviser_unknown"}
    with session_scope(engine) as s:
        reassign_follow_up(session=s, actor=MANAGER, follow_up_id=fu_id, version=version,
                           owner_user_id=people["staff"])
    with session_scope(engine) as s:
        close_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version + 1,
                        outcome="cancelled")
        row = s.get(FollowUp, fu_id)
        assert row is not None and (row.status, row.done_on) == ("cancelled", None)
        entries = s.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "follow_ups", AuditEntry.entity_id == str(fu_id))).all()
        assert entries == ["create", "update", "update"]


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"outcome": "forgotten"}, "outcome"), ({"outcome": "done", "note": "x" * 1001}, "note")])
def test_a_bad_close_is_refused(engine: Engine, people: dict[str, int], kwargs: dict[str, Any],
                                field: str) -> None:
    fu_id, version = open_one(engine, people)
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        close_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version, **kwargs)
    assert field in err.value.errors


def test_two_advisers_closing_at_once_close_it_once(engine: Engine,
                                                   people: dict[str, int]) -> None:
    fu_id, version = open_one(engine, people)
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def close(who: Any, outcome: str) -> None:
        start.wait()
        try:
            with session_scope(engine) as s:
                close_follow_up(session=s, actor=who, follow_up_id=fu_id, version=version,
                                outcome=outcome)
            outcomes.append("ok")
        except ValidationError as exc:
            outcomes.append(exc.errors["_form"])

    threads = [threading.Thread(target=close, args=(STAFF, "done")),
               threading.Thread(target=close, args=(MANAGER, "cancelled"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["coaching.follow_up_closed_meanwhile", "ok"]
    with session_scope(engine) as s:
        entries = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "follow_ups", AuditEntry.action == "update"))
        assert entries == 1


# -- tracks --------------------------------------------------------------------------------

def new_track(engine: Engine, **changes: Any) -> int:
    with session_scope(engine) as s:
        return create_track(session=s, actor=STAFF, fields={
            "title": "Parcours prix et marges", "description": None,
            "first_on": date(2026, 10, 1), "sessions": 3, "every_weeks": 2,
            "topic": "pricing"} | changes).id


def attend(engine: Engine, people: dict[str, int], track_id: int, seq: int, *who: str,
           seen: tuple[int, ...] | None = None) -> tuple[int, int]:
    with session_scope(engine) as s:
        planned = s.scalar(select(TrackSession.id).where(TrackSession.track_id == track_id,
                                                         TrackSession.seq == seq))
        assert planned is not None
        return record_attendance(session=s, actor=STAFF, track_session_id=planned,
                                 attendance=Attendance(
                                     held_on=date(2026, 10, 1) + timedelta(weeks=2 * (seq - 1)),
                                     duration_min=150, format="office",
                                     coach_user_id=people["staff"],
                                     artisan_ids=[people[w] for w in who], seen=seen),
                                 today=DAY)


def test_a_track_its_enrolment_attendance_and_completion(engine: Engine,
                                                         people: dict[str, int]) -> None:
    track_id = new_track(engine)
    with session_scope(engine) as s:
        planned = s.scalars(select(TrackSession.planned_on).where(
            TrackSession.track_id == track_id).order_by(TrackSession.seq)).all()
        assert planned == [date(2026, 10, 1), date(2026, 10, 15), date(2026, 10, 29)]
        assert enrol(session=s, actor=STAFF, track_id=track_id,
                     artisan_ids=[people["ana"], people["bob"]]) == 2
    with session_scope(engine) as s:
        assert enrol(session=s, actor=STAFF, track_id=track_id, artisan_ids=[people["ana"]]) == 0
    assert attend(engine, people, track_id, 1, "ana", "bob") == (2, 0)
    assert attend(engine, people, track_id, 2, "ana") == (1, 0)
    assert attend(engine, people, track_id, 3, "ana") == (1, 0)
    with session_scope(engine) as s:
        detail = track_detail(s, track_id)
        assert detail is not None
        assert list(detail.progress["attended"]) == [3, 1]  # Lopez, then Peeters
        assert list(detail.progress["completed"]) == [True, False]
        assert detail.completion_rate == 0.5
        assert [len(p.present) for p in detail.sessions] == [2, 1, 1]
        overview = tracks_overview(s, DAY)
        assert overview.iloc[0][["planned", "due", "enrolled", "completed"]].tolist() == [
            3, 3, 2, 1]
    # Bob no longer ticked for session 1: his coaching session goes, audited.
    assert attend(engine, people, track_id, 1, "ana") == (0, 1)
    with session_scope(engine) as s:
        withdraw(session=s, actor=STAFF, track_id=track_id, artisan_id=people["bob"])
        detail = track_detail(s, track_id)
        assert detail is not None and detail.completion_rate == 1.0


def test_track_attendance_rules(engine: Engine, people: dict[str, int]) -> None:
    track_id = new_track(engine)
    with session_scope(engine) as s:
        enrol(session=s, actor=STAFF, track_id=track_id, artisan_ids=[people["ana"]])
    with pytest.raises(ValidationError) as err:
        attend(engine, people, track_id, 1, "bob")
    assert err.value.errors == {"artisan_ids": "coaching.not_enrolled"}
    attend(engine, people, track_id, 1, "ana", seen=())
    with pytest.raises(ValidationError) as err:  # another adviser's screen, drawn before
        attend(engine, people, track_id, 1, seen=())
    assert err.value.errors == {"_form": "track.present_changed"}
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        withdraw(session=s, actor=STAFF, track_id=track_id, artisan_id=people["bob"])
    assert err.value.errors == {"_form": "track.not_enrolled"}


@pytest.mark.parametrize(("changes", "field"), [
    ({"title": ""}, "title"), ({"sessions": 0}, "sessions"), ({"sessions": 31}, "sessions"),
    ({"every_weeks": 13}, "every_weeks"), ({"topic": "x"}, "topic"),
    ({"first_on": None}, "first_on"), ({"first_on": date(2100, 12, 20)}, "sessions"),
    ({"colour": "red"}, "colour")])
def test_a_bad_track_is_refused(engine: Engine, people: dict[str, int], changes: dict[str, Any],
                                field: str) -> None:
    with pytest.raises(ValidationError) as err:
        new_track(engine, **changes)
    assert field in err.value.errors


def test_the_database_keeps_a_track_session_with_its_track(session: Session,
                                                           people: dict[str, int]) -> None:
    session.add(CoachingSession(artisan_id=people["ana"], coach_user_id=people["staff"],
                                track_id=None, track_session_id=None, held_on=DAY,
                                duration_min=30, format="office", topic="pricing"))
    session.flush()
    session.add(CoachingSession(artisan_id=people["ana"], coach_user_id=people["staff"],
                                track_id=1, track_session_id=None, held_on=DAY,
                                duration_min=30, format="office", topic="pricing"))
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()


def test_erasure_wipes_the_coaching_free_texts(engine: Engine, people: dict[str, int]) -> None:
    fu_id, version = open_one(engine, people)
    log(engine, people, topic="other", topic_other="Divorce et atelier")
    with session_scope(engine) as s:
        close_follow_up(session=s, actor=STAFF, follow_up_id=fu_id, version=version,
                        outcome="done", note="Appelé sa sœur")
    with session_scope(engine) as s:
        erase_artisan(session=s, actor=ADMIN, artisan_id=people["ana"])
    with session_scope(engine) as s:
        rows = s.execute(select(CoachingSession.topic, CoachingSession.topic_other,
                                CoachingSession.notes)).all()
        assert {tuple(r) for r in rows} == {("pricing", None, None), ("other", None, None)}
        assert s.execute(select(FollowUp.action, FollowUp.note)).all() == [("", None)]
        trail = " ".join(f"{e.before_json} {e.after_json}" for e in s.scalars(select(AuditEntry)))
        for secret in ("Divorce", "sœur", "Calcul du prix", "Envoyer le modèle"):
            assert secret not in trail
