"""The door's counter after a tap comes from the tap's own transaction (no second query), and
stays live: a check-in at another door shows on this door's next run."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

import components.door_view
from db import clock
from db.engine import session_scope
from db.permissions import SYSTEM
from db.queries.artisans import create_artisan
from db.queries.events import create_event, load_event, update_event
from db.queries.registrations import register
from tests.conftest import actor, app_as


def _door(event_id: int) -> AppTest:
    at = app_as("staff", lang="en")
    at.query_params["event"] = str(event_id)
    at.run()
    at.switch_page("pages/checkin.py").run()
    assert not at.exception, at.exception
    return at


def _tap(at: AppTest, typed: str, artisan_id: int) -> None:
    at.text_input(key="door_search").input(typed).run()
    at.button(key=f"door_pick_{artisan_id}").click().run()
    assert not at.exception, at.exception


@pytest.fixture
def evening(demo_users: Engine) -> dict[str, int]:
    """Tonight's event (capacity 40) with two registered artisans, Vandamme and Zwartberg."""
    with session_scope(demo_users) as s:
        event_id = create_event(session=s, actor=actor("staff"), fields={
            "title": "Rencontre", "kind": "networking", "action": "community",
            "day": clock.today(), "time": time(18), "capacity": 40}).id
        ids = {last: create_artisan(session=s, actor=SYSTEM, fields={
            "first_name": "Lieve", "last_name": last, "email": f"{last.lower()}@x.be"}).id
            for last in ("Vandamme", "Zwartberg")}
        register(session=s, actor=actor("staff"), event_id=event_id,
                 artisan_ids=list(ids.values()))
    return {"event": event_id, **ids}


def test_the_run_after_a_tap_asks_nothing_more_for_the_counter(
        evening: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    door = _door(evening["event"])
    assert door.metric[0].value == "0 / 2 / 40"
    door.text_input(key="door_search").input("Vanda").run()
    asked: list[Any] = []
    original = components.door_view.door_counter
    monkeypatch.setattr(components.door_view, "door_counter",
                        lambda *args: asked.append(args) or original(*args))
    door.button(key=f"door_pick_{evening['Vandamme']}").click().run()
    assert door.metric[0].value == "1 / 2 / 40" and door.success
    assert asked == []  # counted in the tap's transaction, after its write


def test_a_check_in_at_the_other_door_shows_on_the_next_run(evening: dict[str, int]) -> None:
    a, b = _door(evening["event"]), _door(evening["event"])
    _tap(a, "Vanda", evening["Vandamme"])
    assert a.metric[0].value == "1 / 2 / 40"
    _tap(b, "Zwart", evening["Zwartberg"])
    assert b.metric[0].value == "2 / 2 / 40"
    a.text_input(key="door_search").input("Zw").run()  # door A's next run, no tap of its own
    assert a.metric[0].value == "2 / 2 / 40"
    _tap(a, "Zwart", evening["Zwartberg"])  # the same person at the other door: said, not added
    assert any("already checked in" in w.value for w in a.warning)
    assert a.metric[0].value == "2 / 2 / 40"


def test_an_events_write_elsewhere_is_not_hidden_by_the_tapped_counter(
        evening: dict[str, int]) -> None:
    door = _door(evening["event"])
    _tap(door, "Vanda", evening["Vandamme"])
    assert door.metric[0].value == "1 / 2 / 40"
    with session_scope() as s:  # a manager lowers the capacity meanwhile
        event = load_event(s, evening["event"])
        update_event(session=s, actor=actor("manager"), event_id=event.id,
                     expected_version=event.row_version, fields={"capacity": 30})
    door.text_input(key="door_search").input("Zw").run()
    assert door.metric[0].value == "1 / 2 / 30"
