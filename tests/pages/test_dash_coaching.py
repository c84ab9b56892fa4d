"""The coaching dashboard through AppTest: filters read from and written to the address, the
figures follow a write at once, and partners get the disclosed, region-wide version."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from db import clock
from db.engine import session_scope
from db.models import User
from db.permissions import SYSTEM
from db.queries.artisans import create_artisan
from db.queries.coaching_log import log_session
from tests.conftest import actor
from tests.pages.dash_harness import cards, open_page

NAMES = itertools.count(1)  # each artisan a name of their own (no duplicate offer)


def _open(role: str = "manager", lang: str = "en", **params: str) -> AppTest:
    return open_page("pages/dash_coaching.py", role, lang, **params)


def _cards(at: AppTest) -> dict[str, str]:
    return cards(at)


def _log(engine: Engine, day: date, postcode: str | None = None) -> None:
    with session_scope(engine) as s:
        coach = s.scalar(select(User.id).where(User.username == "staff"))
        who = create_artisan(session=s, actor=SYSTEM, fields={
            "first_name": "Ana", "last_name": f"Lopez {next(NAMES)}", "postcode": postcode})
        log_session(session=s, actor=actor("staff"), fields={
            "artisan_id": who.id, "coach_user_id": coach, "held_on": day, "duration_min": 90,
            "format": "office", "topic": "pricing", "topic_other": None, "notes": None})


def test_a_shared_link_opens_on_its_filters(demo_users: Engine) -> None:
    at = _open(period="custom", **{"from": "2025-12-01", "to": "2026-01-31"}, commune="21004")
    assert at.selectbox(key="filter_period").value == "custom"
    assert at.date_input(key="filter_days").value == (date(2025, 12, 1), date(2026, 1, 31))
    assert at.selectbox(key="filter_commune").value == "21004"
    at.selectbox(key="filter_period").set_value("plan").run()
    assert at.query_params["period"] == "plan" and "from" not in at.query_params
    assert at.query_params["commune"] == "21004"


def test_nonsense_in_the_address_falls_back(demo_users: Engine) -> None:
    at = _open(period="forever", commune="99999", sector="<b>x</b>",
               **{"from": "2025-13-01", "to": "yesterday"})
    assert at.selectbox(key="filter_period").value == "this_year"
    assert at.selectbox(key="filter_commune").value is None


def test_the_figures_follow_a_write_and_compare_with_the_previous_period(
        demo_users: Engine) -> None:
    today = clock.today()
    _log(demo_users, today - timedelta(days=400))  # last year's period: 1 session
    at = _open()
    assert _cards(at)["Sessions"] == "0"
    assert "No session in this period" in " ".join(i.value for i in at.info)
    _log(demo_users, today)
    _log(demo_users, today)
    at.run()
    cards = _cards(at)
    assert cards["Sessions"] == "2" and cards["Artisans coached"] == "2"
    assert cards["Hours"] == "3"
