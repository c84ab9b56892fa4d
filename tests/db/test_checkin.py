"""Registrations and the door: register, cancel, check in once, walk-ins with the duplicate
check, the search as one types, the live counter, no-shows, and the attendee list."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.clock import BRUSSELS
from db.engine import session_scope
from db.errors import ValidationError
from db.models import Artisan, Attendance, AuditEntry
from db.permissions import SYSTEM
from db.queries.artisans import DuplicatesFound, create_artisan
from db.queries.checkin import (
    OTHERS_SHOWN,
    CheckIn,
    DoorCounter,
    check_in,
    checkin_candidates,
    door_counter,
    walk_in,
)
from db.queries.erasure import erase_artisan
from db.queries.event_lists import event_attendees, event_detail, todays_events
from db.queries.event_series import create_series
from db.queries.events import create_event
from db.queries.registrations import (
    cancel_registration,
    mark_no_shows,
    register,
    register_to_series,
)
from db.versioning import data_versions
from tests.conftest import TODAY, actor

STAFF, MANAGER = actor("staff"), actor("manager")
EVENING = datetime.combine(TODAY, time(18, 42), tzinfo=BRUSSELS)
PEOPLE = (("Éloïse", "Dupré", "Céramique Dupré", "eloise@atelier.be"),
          ("Jan", "Peeters", "Houtatelier Jan", "jan@hout.be"),
          ("Marc", "Janssens", None, "marc@noir.be"),
          ("Sofia", "Jansen", "Verre Jansen", "sofia@verre.be"))


def event(s: Session, day: date = TODAY, capacity: int | None = 40) -> int:
    return create_event(session=s, actor=STAFF, fields={
        "title": "Rencontre", "kind": "networking", "action": "community", "day": day,
        "time": time(18), "capacity": capacity}).id


@pytest.fixture
def door(demo_users: Engine) -> dict[str, int]:
    """Tonight's event (TODAY) and four artisans by first name; Éloïse and Jan registered."""
    with session_scope(demo_users) as s:
        ids = {first: create_artisan(session=s, actor=SYSTEM, fields={
            "first_name": first, "last_name": last, "business_name": business or "",
            "email": email}).id for first, last, business, email in PEOPLE}
        ids["event"] = event(s)
        register(session=s, actor=STAFF, event_id=ids["event"],
                 artisan_ids=[ids["Éloïse"], ids["Jan"]], today=TODAY)
    return ids


def _errors(call: Any, **kwargs: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as err, session_scope() as s:  # rolled back
        call(session=s, **kwargs)
    return err.value.errors


def _row(artisan_id: int) -> Attendance:
    with session_scope() as s:
        return s.scalars(select(Attendance).where(Attendance.artisan_id == artisan_id)).one()


def _audits(entity: str = "attendances") -> int:
    with session_scope() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)
                            .where(AuditEntry.entity == entity)) or 0)


def test_register_counts_only_new_registrations(door: dict[str, int]) -> None:
    with session_scope() as s:
        added = register(session=s, actor=STAFF, event_id=door["event"], today=TODAY,
                         artisan_ids=[door["Éloïse"], door["Marc"], door["Marc"]])
    assert added == 1 and _audits() == 3


def test_a_cancelled_registration_is_reopened(door: dict[str, int]) -> None:
    with session_scope() as s:
        cancel_registration(session=s, actor=STAFF, event_id=door["event"],
                            artisan_id=door["Jan"])
    assert _row(door["Jan"]).status == "cancelled"
    with session_scope() as s:
        assert register(session=s, actor=STAFF, event_id=door["event"], today=TODAY,
                        artisan_ids=[door["Jan"]]) == 1
    assert _row(door["Jan"]).status == "registered"


def test_only_a_registration_can_be_cancelled(door: dict[str, int]) -> None:
    assert _errors(cancel_registration, actor=STAFF, event_id=door["event"],
                   artisan_id=door["Marc"]) == {"_form": "events.not_registered"}


def test_registering_to_a_past_event_is_refused(door: dict[str, int]) -> None:
    assert _errors(register, actor=STAFF, event_id=door["event"], artisan_ids=[door["Marc"]],
                   today=TODAY + timedelta(days=1)) == {"_form": "events.registration_past"}


def test_registering_beyond_capacity_writes_nothing(door: dict[str, int]) -> None:
    with session_scope() as s:
        small = event(s, TODAY + timedelta(days=7), capacity=2)
        register(session=s, actor=STAFF, event_id=small, artisan_ids=[door["Jan"]], today=TODAY)
    assert _errors(register, actor=STAFF, event_id=small, today=TODAY,
                   artisan_ids=[door["Marc"], door["Sofia"]]) == {"_form": "events.capacity_full"}
    with session_scope() as s:
        assert event_detail(s, small).registered == 1  # type: ignore[union-attr]


def test_an_unknown_or_erased_artisan_cannot_be_registered(door: dict[str, int]) -> None:
    with session_scope() as s:
        erase_artisan(session=s, actor=actor("admin"), artisan_id=door["Marc"])
    for who in (door["Marc"], 999_999):
        assert _errors(register, actor=STAFF, event_id=door["event"], artisan_ids=[who],
                       today=TODAY) == {"_form": "artisans.not_found"}


@pytest.mark.parametrize(("ids", "problem"), [
    ([], "form.required"), ("1", "form.invalid_value"), ([1, True], "form.invalid_value"),
    ([2**31], "form.invalid_value")])
def test_artisan_ids_must_be_a_list_of_ids(door: dict[str, int], ids: Any,
                                          problem: str) -> None:
    assert _errors(register, actor=STAFF, event_id=door["event"], artisan_ids=ids,
                   today=TODAY) == {"artisan_ids": problem}


def test_a_series_registration_covers_every_event_from_today(door: dict[str, int]) -> None:
    with session_scope() as s:
        series = create_series(session=s, actor=STAFF, fields={
            "title": "Atelier", "kind": "workshop_visit", "action": "coaching",
            "time": time(14)}, first_day=TODAY - timedelta(days=7),
            last_day=TODAY + timedelta(days=14), rule="weekly").id
    with session_scope() as s:
        made = register_to_series(session=s, actor=STAFF, series_id=series, today=TODAY,
                                  artisan_ids=[door["Marc"], door["Sofia"]])
    assert made == 6  # two artisans at TODAY, a week and two weeks later (not a week before)


def test_check_in_of_a_registered_artisan(door: dict[str, int]) -> None:
    with session_scope() as s:
        done = check_in(session=s, actor=STAFF, event_id=door["event"],
                        artisan_id=door["Jan"], now=EVENING)
    assert done == CheckIn(door["Jan"], False, EVENING, "Sofie Staff")
    row = _row(door["Jan"])
    assert (row.status, row.walk_in, row.checked_in_by) == ("attended", False, "staff")


def test_an_unregistered_artisan_checked_in_is_a_walk_in(door: dict[str, int]) -> None:
    with session_scope() as s:
        check_in(session=s, actor=STAFF, event_id=door["event"], artisan_id=door["Marc"],
                 now=EVENING)
    row = _row(door["Marc"])
    assert (row.status, row.walk_in, row.registered_at) == ("attended", True, None)


def test_a_second_check_in_says_when_and_by_whom_and_writes_nothing(
        door: dict[str, int]) -> None:
    with session_scope() as s:
        check_in(session=s, actor=STAFF, event_id=door["event"], artisan_id=door["Jan"],
                 now=EVENING)
    audits = _audits()
    with session_scope() as s:
        again = check_in(session=s, actor=MANAGER, event_id=door["event"],
                         artisan_id=door["Jan"], now=EVENING + timedelta(minutes=20))
    assert again == CheckIn(door["Jan"], True, EVENING, "Sofie Staff")
    assert _audits() == audits and _row(door["Jan"]).recorded_by == "staff"


def test_check_in_opens_on_the_event_day(door: dict[str, int]) -> None:
    assert _errors(check_in, actor=STAFF, event_id=door["event"], artisan_id=door["Jan"],
                   now=EVENING - timedelta(days=1)) == {"_form": "checkin.event_not_started"}
    assert _errors(check_in, actor=STAFF, event_id=door["event"], artisan_id=door["Jan"],
                   now=datetime(2026, 11, 29, 18)) == {"now": "form.invalid_value"}


def test_a_walk_in_joins_the_registry_and_is_checked_in(door: dict[str, int]) -> None:
    with session_scope() as s:
        done = walk_in(session=s, actor=STAFF, event_id=door["event"], now=EVENING,
                       fields={"first_name": "Nour", "last_name": "Haddad",
                               "email": "nour@atelier.be"})
    with session_scope() as s:
        artisan = s.get_one(Artisan, done.artisan_id)
    assert (artisan.source, artisan.email, done.already) == ("event", "nour@atelier.be", False)
    assert _row(done.artisan_id).walk_in


def test_a_walk_in_already_known_is_offered_and_nothing_is_written(
        door: dict[str, int]) -> None:
    with pytest.raises(DuplicatesFound) as found, session_scope() as s:
        walk_in(session=s, actor=STAFF, event_id=door["event"], now=EVENING,
                fields={"first_name": "Marc", "last_name": "J.", "email": "MARC@noir.be"})
    assert [d.id for d in found.value.duplicates] == [door["Marc"]]
    with session_scope() as s:
        assert s.scalar(select(func.count()).select_from(Artisan)) == len(PEOPLE)
        assert door_counter(s, door["event"]).attended == 0


def test_the_search_shows_registered_artisans_first(door: dict[str, int]) -> None:
    with session_scope() as s:
        found = checkin_candidates(s, door["event"], "jan")
    assert [p.label for p in found.people] == ["Peeters Jan — Houtatelier Jan",
                                               "Jansen Sofia — Verre Jansen", "Janssens Marc"]
    assert [p.registered for p in found.people] == [True, False, False]
    assert [p.status for p in found.people] == ["registered", None, None]
    assert not found.more


def test_the_search_shows_a_few_others_and_says_more_match(door: dict[str, int]) -> None:
    with session_scope() as s:
        for i in range(OTHERS_SHOWN + 1):
            create_artisan(session=s, actor=SYSTEM, fields={
                "first_name": f"Jana{i}", "last_name": f"Janvier{i}"})
    with session_scope() as s:
        found = checkin_candidates(s, door["event"], "jan")
    assert [p.registered for p in found.people] == [True] + [False] * OTHERS_SHOWN
    assert found.more


def test_the_search_finds_an_email_and_ignores_one_letter(door: dict[str, int]) -> None:
    with session_scope() as s:
        assert [p.artisan_id for p in checkin_candidates(
            s, door["event"], "verre.be").people] == [door["Sofia"]]
        assert checkin_candidates(s, door["event"], " j ").people == ()


def test_the_search_says_who_checked_in_and_skips_the_erased(door: dict[str, int]) -> None:
    with session_scope() as s:
        check_in(session=s, actor=STAFF, event_id=door["event"], artisan_id=door["Jan"],
                 now=EVENING)
        erase_artisan(session=s, actor=actor("admin"), artisan_id=door["Marc"])
    with session_scope() as s:
        found = checkin_candidates(s, door["event"], "jan")
    assert [p.artisan_id for p in found.people] == [door["Jan"], door["Sofia"]]
    first = found.people[0]
    assert (first.status, first.checked_in_by, first.checked_in_at) == (
        "attended", "Sofie Staff", EVENING)


def test_the_counter_counts_every_registration_not_cancelled(door: dict[str, int]) -> None:
    with session_scope() as s:
        register(session=s, actor=STAFF, event_id=door["event"], today=TODAY,
                 artisan_ids=[door["Marc"]])
        cancel_registration(session=s, actor=STAFF, event_id=door["event"],
                            artisan_id=door["Marc"])
        for who in (door["Jan"], door["Sofia"]):  # Sofia walks in
            check_in(session=s, actor=STAFF, event_id=door["event"], artisan_id=who,
                     now=EVENING)
    with session_scope() as s:
        assert door_counter(s, door["event"]) == DoorCounter(2, 2, 40)
        assert door_counter(s, 999) == DoorCounter(0, 0, None)


def test_door_writes_mark_attendance_changed_and_leave_the_events_cached(
        door: dict[str, int]) -> None:
    with session_scope() as s:
        before = data_versions(s)
        check_in(session=s, actor=STAFF, event_id=door["event"], artisan_id=door["Jan"],
                 now=EVENING)
        walk_in(session=s, actor=STAFF, event_id=door["event"], now=EVENING,
                fields={"first_name": "Nour", "last_name": "Haddad"})
        register(session=s, actor=STAFF, event_id=door["event"], today=TODAY,
                 artisan_ids=[door["Marc"]])
    with session_scope() as s:
        after = data_versions(s)
    assert after["attendance"] == before["attendance"] + 3
    assert after["events"] == before["events"] + 1  # the registration only


def test_no_shows_are_marked_once_the_day_has_begun(door: dict[str, int]) -> None:
    assert _errors(mark_no_shows, actor=STAFF, event_id=door["event"],
                   today=TODAY - timedelta(days=1)) == {"_form": "events.not_started"}
    with session_scope() as s:
        check_in(session=s, actor=STAFF, event_id=door["event"], artisan_id=door["Jan"],
                 now=EVENING)
        assert mark_no_shows(session=s, actor=STAFF, event_id=door["event"], today=TODAY) == 1
    assert _row(door["Éloïse"]).status == "no_show" and _row(door["Jan"]).status == "attended"


def test_the_attendee_list_names_who_checked_in(door: dict[str, int]) -> None:
    with session_scope() as s:
        check_in(session=s, actor=STAFF, event_id=door["event"], artisan_id=door["Jan"],
                 now=EVENING)
        erase_artisan(session=s, actor=actor("admin"), artisan_id=door["Éloïse"])
    with session_scope() as s:
        rows = event_attendees(s, door["event"])
    assert list(rows["last_name"]) == ["Peeters", ""]  # the erased row stays, nameless
    assert list(rows["checked_in_by"]) == ["Sofie Staff", None]
    assert rows["checked_in_at"][0] == EVENING and rows["email"][1] is None


def test_todays_events_follow_the_brussels_day(door: dict[str, int]) -> None:
    with session_scope() as s:
        late = create_event(session=s, actor=STAFF, fields={
            "title": "Nocturne", "kind": "other", "action": "community", "day": TODAY,
            "time": time(23, 30)}).id
        event(s, TODAY + timedelta(days=1))
    with session_scope() as s:
        assert list(todays_events(s, TODAY)["id"]) == [door["event"], late]


@pytest.mark.parametrize("row", [
    {"status": "attended", "registered_at": datetime(2026, 11, 1, tzinfo=UTC)},
    {"status": "registered", "checked_in_at": datetime(2026, 11, 29, 18, tzinfo=UTC),
     "registered_at": datetime(2026, 11, 1, tzinfo=UTC)},
    {"status": "registered"}])
def test_the_database_holds_the_attendance_rules(door: dict[str, int],
                                                 row: dict[str, Any]) -> None:
    with pytest.raises(IntegrityError), session_scope() as s:
        s.execute(sa.insert(Attendance), {"event_id": door["event"], "artisan_id": door["Marc"],
                                          "recorded_by": "staff", **row})
