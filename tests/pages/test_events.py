"""Events screens through AppTest: the lists, a new event, a series, the door check-in (search,
check in, again, walk-in) and the no-shows after the event."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from db import clock
from db.engine import session_scope
from db.models import Artisan, Attendance, Event
from db.queries.events import create_event
from db.queries.registrations import register
from tests.conftest import actor, app_as


def _open(page: str, role: str = "staff", lang: str = "en", **params: str) -> AppTest:
    at = app_as(role, lang=lang)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _texts(at: AppTest) -> str:
    return " ".join([m.value for m in at.markdown] + [e.value for e in at.error]
                    + [s.value for s in at.success] + [w.value for w in at.warning]
                    + [i.value for i in at.info])


def _tonight(engine: Engine, capacity: int | None = 40, at: time = time(18, 0)
             ) -> tuple[int, int, str]:
    """An event today (at 18:00) with one registered artisan: (event id, artisan id, name)."""
    with session_scope(engine) as s:
        event = create_event(session=s, actor=actor("staff"), fields={
            "title": "Apéro des artisan·e·s", "kind": "networking", "action": "community",
            "day": clock.today(), "time": at, "venue": "hub.brussels",
            "commune_nis": "21013", "capacity": capacity})
        person = s.scalars(select(Artisan).where(Artisan.erased_at.is_(None))
                           .order_by(Artisan.id).limit(1)).one()
        register(session=s, actor=actor("staff"), event_id=event.id, artisan_ids=[person.id])
        return event.id, person.id, person.last_name


def test_the_events_lists_show_their_counts(seeded: Engine) -> None:
    at = _open("pages/events.py")
    past = at.dataframe[1].value
    assert len(past) > 5 and past["attended"].sum() > 0
    assert {"registered", "attended", "walk_ins", "no_shows"} <= set(past.columns)


def test_a_new_event_is_created_and_opened(seeded: Engine) -> None:
    at = _open("pages/events.py", lang="nl")
    at.text_input(key="event_new_title").input("Lenteborrel")
    at.number_input(key="event_new_capacity").set_value(60)
    at.button(key="FormSubmitter:event_new-Evenement aanmaken").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Lenteborrel"


def test_a_new_event_without_title_says_so_at_the_field(seeded: Engine) -> None:
    with session_scope(seeded) as s:
        before = s.scalar(select(func.count()).select_from(Event))
    at = _open("pages/events.py")
    at.button(key="FormSubmitter:event_new-Create the event").click().run()
    assert "This field is required." in _texts(at) or "required" in _texts(at).lower()
    with session_scope(seeded) as s:
        assert s.scalar(select(func.count()).select_from(Event)) == before


def test_a_series_of_second_thursdays(seeded: Engine) -> None:
    at = _open("pages/events.py")
    at.text_input(key="event_series_title").input("Jeudis des métiers")
    at.date_input(key="event_series_first").set_value(date(2027, 3, 1))
    at.date_input(key="event_series_last").set_value(date(2027, 6, 30))
    at.radio(key="event_series_rule").set_value("monthly_nth_weekday")
    at.selectbox(key="event_series_nth").set_value(2)
    at.selectbox(key="event_series_weekday").set_value(3)
    at.button(key="FormSubmitter:event_series-Create the series").click().run()
    assert not at.exception, at.exception
    with session_scope(seeded) as s:
        days = [e.starts_at for e in s.scalars(select(Event).where(
            Event.title == "Jeudis des métiers").order_by(Event.starts_at))]
    assert [clock_day(d) for d in days] == [date(2027, 3, 11), date(2027, 4, 8),
                                            date(2027, 5, 13), date(2027, 6, 10)]


def clock_day(moment: object) -> date:
    from datetime import UTC, datetime

    assert isinstance(moment, datetime)
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(clock.BRUSSELS).date()


def test_door_check_in_then_again_then_a_walk_in(seeded: Engine) -> None:
    event_id, artisan_id, last = _tonight(seeded)
    at = _open("pages/checkin.py", event=str(event_id))
    assert at.metric[0].value == "0 / 1 / 40"  # attended / registered / capacity
    at.text_input(key="door_search").input(last[:3]).run()
    first = at.button(key=f"door_pick_{artisan_id}")
    assert "registered" in first.label
    first.click().run()
    assert any("welcome" in s.value for s in at.success), _texts(at)
    assert at.metric[0].value == "1 / 1 / 40"
    assert at.text_input(key="door_search").value == ""
    at.text_input(key="door_search").input(last[:3]).run()
    at.button(key=f"door_pick_{artisan_id}").click().run()
    assert any("already checked in" in w.value and "Sofie Staff" in w.value
               for w in at.warning), _texts(at)
    assert at.metric[0].value == "1 / 1 / 40"
    at.toggle(key="door_walk_in_open").set_value(True).run()
    at.text_input(key="door_walk_in_first_name").input("Nouvelle")
    at.text_input(key="door_walk_in_last_name").input("Venue-Test")
    at.text_input(key="door_walk_in_postcode").input("1060")
    at.button(key="FormSubmitter:door_walk_in-Add and check in").click().run()
    assert not at.exception, at.exception
    assert at.metric[0].value == "2 / 1 / 40"  # a walk-in is not a registration
    with session_scope(seeded) as s:
        rows = s.scalars(select(Attendance).where(Attendance.event_id == event_id)).all()
        assert sorted((r.status, r.walk_in) for r in rows) == [("attended", False),
                                                               ("attended", True)]


def test_after_the_event_the_rest_are_no_shows(seeded: Engine) -> None:
    event_id, artisan_id, _ = _tonight(seeded, at=time(0, 0))  # began at midnight
    at = _open("pages/event.py", id=str(event_id))
    at.button(key="event_no_shows").click().run()
    assert not at.exception, at.exception
    with session_scope(seeded) as s:
        status = s.scalar(select(Attendance.status).where(
            Attendance.event_id == event_id, Attendance.artisan_id == artisan_id))
    assert status == "no_show"


def test_before_the_event_no_one_is_marked_absent(seeded: Engine) -> None:
    event_id, _, _ = _tonight(seeded, at=time(23, 59))
    at = _open("pages/event.py", id=str(event_id))
    assert "The event has not taken place yet." in _texts(at)
    assert not [b for b in at.button if b.key == "event_no_shows"]


def test_an_unknown_event_says_so(seeded: Engine) -> None:
    at = _open("pages/event.py", id="999999")
    assert "does not exist" in at.warning[0].value


def test_register_an_artisan_from_the_event_page_then_cancel(seeded: Engine) -> None:
    with session_scope(seeded) as s:
        event = create_event(session=s, actor=actor("staff"), fields={
            "title": "Atelier ouvert", "kind": "workshop_visit", "action": "coaching",
            "day": date(2027, 2, 10), "time": time(14, 0), "venue": None,
            "commune_nis": None, "capacity": 10})
        event_id = event.id
        person = s.scalars(select(Artisan).where(Artisan.erased_at.is_(None))
                           .order_by(Artisan.id.desc()).limit(1)).one()
        person_id, last = person.id, person.last_name
    at = _open("pages/event.py", id=str(event_id))
    at.text_input(key="event_register_search").input(last).run()
    at.multiselect(key="event_register_ids").select(person_id)
    at.button(key="FormSubmitter:event_register-Register").click().run()
    assert not at.exception, at.exception
    assert "Registration(s) saved." in _texts(at)
    assert at.metric[0].value == "1"
    at.selectbox(key="event_cancel_artisan").set_value(person_id)
    at.button(key="FormSubmitter:event_cancel-Cancel the registration").click().run()
    with session_scope(seeded) as s:
        assert s.scalar(select(Attendance.status).where(
            Attendance.event_id == event_id)) == "cancelled"


def test_registering_to_a_full_event_says_so(seeded: Engine) -> None:
    event_id, _, _ = _tonight(seeded, capacity=1)
    with session_scope(seeded) as s:
        other = s.scalars(select(Artisan).where(Artisan.erased_at.is_(None))
                          .order_by(Artisan.id.desc()).limit(1)).one()
        other_id, last = other.id, other.last_name
    at = _open("pages/event.py", id=str(event_id))
    at.text_input(key="event_register_search").input(last).run()
    at.multiselect(key="event_register_ids").select(other_id)
    at.button(key="FormSubmitter:event_register-Register").click().run()
    assert not at.exception, at.exception
    with session_scope(seeded) as s:
        assert s.scalar(select(func.count()).where(Attendance.event_id == event_id)) == 1
    assert "There are not enough seats left" in _texts(at)
