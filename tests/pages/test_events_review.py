"""Hostile review of the events pages and the door (issue 7), through AppTest: the failing
tests are findings; the others pin attacks that are correctly defended."""

from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from db import clock
from db.engine import session_scope
from db.models import Attendance, Event
from db.permissions import SYSTEM
from db.queries.artisans import create_artisan
from db.queries.erasure import erase_artisan
from db.queries.events import create_event, update_event
from db.queries.registrations import register
from tests.conftest import actor, app_as

STAFF = actor("staff")


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


def _evening(engine: Engine, title: str = "Rencontre", at: time = time(18),
             last: str = "Vandamme") -> tuple[int, int]:
    """An event today with one registered artisan (first name Lieve): (event, artisan)."""
    with session_scope(engine) as s:
        event_id = create_event(session=s, actor=STAFF, fields={
            "title": title, "kind": "networking", "action": "community",
            "day": clock.today(), "time": at, "capacity": 40}).id
        person = create_artisan(session=s, actor=SYSTEM, fields={
            "first_name": "Lieve", "last_name": last, "email": f"e{event_id}@x.be"}).id
        register(session=s, actor=STAFF, event_id=event_id, artisan_ids=[person])
    return event_id, person


def _checked_in_at_a_then_switched_to_b(engine: Engine) -> AppTest:
    a, person = _evening(engine, "Apéro A", time(18))
    b, _ = _evening(engine, "Apéro B", time(20), last="Zwartberg")
    at = _open("pages/checkin.py")
    at.selectbox(key="door_event").set_value(a).run()
    at.text_input(key="door_search").input("Vanda").run()
    at.button(key=f"door_pick_{person}").click().run()
    assert any("Vandamme" in s.value for s in at.success), _texts(at)
    at.text_input(key="door_search").input("Vanda").run()
    at.selectbox(key="door_event").set_value(b).run()
    assert not at.exception, at.exception
    return at


# Findings -------------------------------------------------------------------------------------

def test_switching_the_door_to_another_event_drops_the_last_result(demo_users: Engine) -> None:
    # "Vandamme Lieve: welcome! Checked in at 18:02." stays on screen under event B, where
    # she is not checked in.
    at = _checked_in_at_a_then_switched_to_b(demo_users)
    assert not at.success and not at.warning, _texts(at)


def test_switching_the_door_to_another_event_clears_the_search(demo_users: Engine) -> None:
    at = _checked_in_at_a_then_switched_to_b(demo_users)
    assert at.text_input(key="door_search").value == ""


def test_an_edit_refused_as_stale_can_be_made_after_reopening_the_event(
        demo_users: Engine) -> None:
    # The form's version is kept in the session once (setdefault) and never refreshed: after
    # another tab's save, every later save of this event in this session is refused, even
    # after leaving and reopening the event, which shows the new values.
    event_id, _ = _evening(demo_users)
    at = _open("pages/event.py", id=str(event_id))
    with session_scope(demo_users) as s:
        update_event(session=s, actor=actor("manager"), event_id=event_id,
                     fields={"venue": "Elsewhere"}, expected_version=1)
    form = f"event_edit_{event_id}"
    at.text_input(key=f"{form}_title").input("Rencontre d'hiver")
    at.button(key=f"FormSubmitter:{form}-Save changes").click().run()
    assert "Someone changed this event" in _texts(at)  # right: refused once
    at.switch_page("pages/events.py").run()
    at.query_params["id"] = str(event_id)
    at.switch_page("pages/event.py").run()
    assert at.text_input(key=f"{form}_venue").value == "Elsewhere"  # reloaded values
    at.text_input(key=f"{form}_title").input("Rencontre d'hiver")
    at.button(key=f"FormSubmitter:{form}-Save changes").click().run()
    assert "Someone changed this event" not in _texts(at)
    with session_scope(demo_users) as s:
        assert s.scalar(select(Event.title).where(Event.id == event_id)) == "Rencontre d'hiver"


# Defended -------------------------------------------------------------------------------------

def test_markdown_in_titles_and_names_shows_as_typed(demo_users: Engine) -> None:
    event_id, person = _evening(demo_users, "**Gras** [lien](https://evil.example) :red[x]",
                                last="*Vanda* <b>x</b> :material/home:")
    at = _open("pages/checkin.py")
    at.text_input(key="door_search").input("Vanda").run()
    button = at.button(key=f"door_pick_{person}")
    assert button.label.startswith(r"\*Vanda\* \<b\>x\<\/b\> \:material\/home\:")
    button.click().run()
    assert at.success[0].value.startswith(r"\*Vanda\* \<b\>x\<\/b\>")
    at = _open("pages/event.py", id=str(event_id))
    assert at.title[0].value == r"\*\*Gras\*\* \[lien\]\(https\:\/\/evil\.example\) \:red\[x\]"


def test_a_tap_on_someone_erased_meanwhile_says_so_and_writes_nothing(
        demo_users: Engine) -> None:
    event_id, person = _evening(demo_users)
    at = _open("pages/checkin.py")
    at.text_input(key="door_search").input("Vanda").run()
    with session_scope(demo_users) as s:
        erase_artisan(session=s, actor=actor("admin"), artisan_id=person)
    at.button(key=f"door_pick_{person}").click().run()
    assert not at.exception, at.exception
    assert "does not exist or their data was erased" in _texts(at)
    with session_scope(demo_users) as s:
        assert s.scalar(select(Attendance.status).where(
            Attendance.event_id == event_id)) == "registered"


def test_a_tap_after_the_event_moved_to_tomorrow_writes_nothing(demo_users: Engine) -> None:
    event_id, person = _evening(demo_users)
    at = _open("pages/checkin.py")
    at.text_input(key="door_search").input("Vanda").run()
    with session_scope(demo_users) as s:
        update_event(session=s, actor=actor("manager"), event_id=event_id,
                     fields={"day": clock.today() + timedelta(days=1)}, expected_version=1)
    at.button(key=f"door_pick_{person}").click().run()
    assert not at.exception, at.exception
    with session_scope(demo_users) as s:
        assert s.scalar(select(Attendance.status).where(
            Attendance.event_id == event_id)) == "registered"


def test_partners_have_no_events_pages(demo_users: Engine) -> None:
    at = app_as("partner", lang="en")
    at.run()
    for page in ("pages/checkin.py", "pages/events.py", "pages/event.py"):
        try:
            at.switch_page(page).run()
        except ValueError:
            continue
        raise AssertionError(f"a partner reached {page}")
