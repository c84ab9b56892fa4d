"""The community dashboard through AppTest: filters read from the address, the figures follow a
check-in at once and compare with the previous period, staff see each event, and partners get
the disclosed, region-wide version per month."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import Engine, insert
from streamlit.testing.v1 import AppTest

from db import clock
from db import models as m
from db.clock import BRUSSELS
from db.engine import session_scope
from db.permissions import SYSTEM
from db.queries.artisans import create_artisan
from db.queries.checkin import check_in
from db.queries.events import create_event
from tests.conftest import actor
from tests.pages.dash_harness import cards, open_page

NAMES = itertools.count(1)  # each artisan a name of their own (no duplicate offer)


def _open(role: str = "manager", lang: str = "en", **params: str) -> AppTest:
    return open_page("pages/dash_community.py", role, lang, **params)


def _cards(at: AppTest) -> dict[str, str]:
    return cards(at)


def _artisan(engine: Engine, postcode: str | None = None) -> int:
    with session_scope(engine) as s:
        return create_artisan(session=s, actor=SYSTEM, fields={
            "first_name": "Ana", "last_name": f"Lopez {next(NAMES)}", "postcode": postcode}).id


def _tonight(engine: Engine) -> int:
    """A community evening today, from midnight (so it has begun whenever the test runs)."""
    with session_scope(engine) as s:
        return create_event(session=s, actor=actor("staff"), fields={
            "title": "Apéro des artisan·e·s", "kind": "networking", "action": "community",
            "day": clock.today(), "time": time(0, 0), "capacity": None}).id


def _check_in(engine: Engine, event_id: int, artisan_id: int) -> None:
    with session_scope(engine) as s:
        check_in(session=s, actor=actor("staff"), event_id=event_id, artisan_id=artisan_id)


def _attended_long_ago(engine: Engine, artisan_id: int) -> None:
    """A community evening 400 days ago that the artisan attended (recorded afterwards)."""
    day = clock.today() - timedelta(days=400)
    moment = datetime.combine(day, time(19), tzinfo=BRUSSELS).astimezone(UTC)
    with engine.begin() as conn:
        event_id = conn.execute(insert(m.Event).returning(m.Event.id), {
            "title": "Rencontre", "kind": "networking", "action": "community",
            "starts_at": moment}).scalar_one()
        conn.execute(insert(m.Attendance), {
            "event_id": event_id, "artisan_id": artisan_id, "status": "attended",
            "recorded_by": "staff", "registered_at": moment, "checked_in_at": moment})


def test_a_shared_link_opens_on_its_filters(demo_users: Engine) -> None:
    at = _open(period="plan", commune="21004", sector="wood")
    assert at.title[0].value == "Community"
    assert at.selectbox(key="filter_period").value == "plan"
    assert at.selectbox(key="filter_commune").value == "21004"
    assert at.selectbox(key="filter_sector").value == "wood"
    assert "No member up to the end of this period" in " ".join(i.value for i in at.info)


def test_the_figures_follow_a_check_in_and_compare_with_the_previous_period(
        demo_users: Engine) -> None:
    ana, bob = _artisan(demo_users), _artisan(demo_users)
    _attended_long_ago(demo_users, ana)
    evening = _tonight(demo_users)
    at = _open()
    cards = _cards(at)
    assert cards["Members to date"] == "1" and cards["Events held"] == "1"
    assert cards["Attendances"] == "0" and cards["Repeat rate"] == "n/a"
    _check_in(demo_users, evening, ana)
    _check_in(demo_users, evening, bob)
    at.run()
    cards = _cards(at)
    assert cards["Members to date"] == "2" and cards["New members"] == "1"
    assert cards["Returning members"] == "1" and cards["Walk-ins"] == "2"
    assert re.fullmatch(r"0(\.0)? %", cards["Repeat rate"])  # nobody came twice this period
    members = next(mt for mt in at.metric if mt.label == "Members to date")
    assert members.delta is not None and members.delta.startswith("+100")


def test_staff_see_new_and_returning_per_event(demo_users: Engine) -> None:
    ana, bob = _artisan(demo_users), _artisan(demo_users)
    _attended_long_ago(demo_users, ana)
    evening = _tonight(demo_users)
    _check_in(demo_users, evening, ana)
    _check_in(demo_users, evening, bob)
    at = _open()
    assert "New and returning, per event" in [h.value for h in at.subheader]
    table = next(d.value for d in at.dataframe if "Event" in d.value.columns)
    row = table[table["Event"] == "Apéro des artisan·e·s"].iloc[0]
    assert (row["New"], row["Returning"], row["Walk-ins"]) == ("1", "1", "2")


