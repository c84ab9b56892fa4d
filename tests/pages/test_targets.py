"""Targets screen through AppTest: progress and the pace projection on screen, a manager sets a
target, a refused one keeps its values, a stale change is refused, staff cannot open it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, insert, select
from streamlit.testing.v1 import AppTest

from components.i18n import fmt_date
from db import clock
from db import models as m
from db.engine import session_scope
from db.permissions import SYSTEM
from db.queries.artisans import create_artisan
from db.queries.targets import set_target, targets_table
from tests.conftest import actor, app_as

PAGE = "pages/targets.py"


def _open(role: str = "manager", lang: str = "en") -> AppTest:
    at = app_as(role, lang=lang)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def _texts(at: AppTest) -> str:
    return " ".join([m.value for m in at.markdown] + [e.value for e in at.error]
                    + [s.value for s in at.success] + [c.value for c in at.caption]
                    + [i.value for i in at.info])


def _target(engine: Engine, indicator: str, start: date, end: date, value: int,
            seen: float | None = None) -> None:
    with session_scope(engine) as s:
        set_target(session=s, actor=actor("manager"), indicator=indicator, period_start=start,
                   period_end=end, target_value=value, seen=seen)


def _rows(engine: Engine) -> list[tuple[str, date, date, float]]:
    with session_scope(engine) as s:
        frame = targets_table(s)
    return [tuple(r) for r in frame[["indicator", "period_start", "period_end",
                                     "target_value"]].itertuples(index=False)]


def _ids(engine: Engine) -> list[int]:
    with session_scope(engine) as s:
        return [int(i) for i in targets_table(s)["id"]]


def test_progress_and_the_pace_are_on_screen(demo_users: Engine) -> None:
    today = clock.today()
    start, end = today - timedelta(days=9), today + timedelta(days=10)  # day 10 of 20
    _target(demo_users, "coaching_sessions", start, end, 10)
    with session_scope(demo_users) as s:
        ana = create_artisan(session=s, actor=SYSTEM, fields={"first_name": "Ana",
                                                              "last_name": "Lopez"}).id
        coach = s.scalar(select(m.User.id).where(m.User.username == "staff"))
    with demo_users.begin() as conn:
        for days in (0, 2, 5, 9):
            conn.execute(insert(m.CoachingSession), {
                "artisan_id": ana, "coach_user_id": coach, "held_on": today - timedelta(days),
                "duration_min": 60, "format": "office", "topic": "pricing"})
    at = _open()
    assert [metric.value for metric in at.metric] == ["4"]
    texts = _texts(at)
    assert "of a target of 10 · 40% reached" in texts
    assert f"At the current pace: 8 by {fmt_date(end, 'en')}" in texts


def test_a_manager_sets_a_target_for_the_plan(demo_users: Engine) -> None:
    at = _open(lang="fr")
    at.selectbox(key="targets_set_indicator").set_value("certified_artisans").run()
    at.radio(key="targets_set_pick").set_value("plan").run()
    assert at.date_input(key="targets_set_start").value == date(2023, 1, 1)
    at.number_input(key="targets_set_value").set_value(150)
    at.button(key="targets_set_save").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == ["Objectif enregistré."]
    assert _rows(demo_users) == [("certified_artisans", date(2023, 1, 1), date(2024, 12, 31),
                                  150.0)]
    assert "Objectif actuel de cette période : 150." in _texts(at)


def test_a_refused_target_keeps_its_values(demo_users: Engine) -> None:
    _target(demo_users, "coaching_sessions", date(2024, 1, 1), date(2024, 12, 31), 330)
    at = _open()
    at.selectbox(key="targets_set_indicator").set_value("coaching_sessions").run()
    at.date_input(key="targets_set_start").set_value(date(2024, 7, 1)).run()
    at.date_input(key="targets_set_end").set_value(date(2025, 6, 30)).run()
    assert at.radio(key="targets_set_pick").value == "custom"
    at.number_input(key="targets_set_value").set_value(345)
    at.button(key="targets_set_save").click().run()
    assert "This period overlaps another target of the same indicator." in _texts(at)
    assert at.number_input(key="targets_set_value").value == 345
    assert at.date_input(key="targets_set_start").value == date(2024, 7, 1)
    assert _rows(demo_users) == [("coaching_sessions", date(2024, 1, 1), date(2024, 12, 31),
                                  330.0)]


def test_a_change_from_a_stale_screen_is_refused(demo_users: Engine) -> None:
    _target(demo_users, "community_members", date(2024, 1, 1), date(2024, 12, 31), 700)
    at = _open()
    at.selectbox(key="targets_edit_id").set_value(_ids(demo_users)[0]).run()
    at.number_input(key="targets_edit_value").set_value(750)
    _target(demo_users, "community_members", date(2024, 1, 1), date(2024, 12, 31), 720,
            seen=700)  # another manager, meanwhile
    at.button(key="targets_edit_save").click().run()
    assert "This target changed since the form was shown." in _texts(at)
    assert _rows(demo_users)[0][3] == 720.0


def test_a_manager_deletes_a_target(demo_users: Engine) -> None:
    _target(demo_users, "community_members", date(2024, 1, 1), date(2024, 12, 31), 700)
    at = _open()
    at.selectbox(key="targets_edit_id").set_value(_ids(demo_users)[0]).run()
    at.button(key="targets_edit_delete").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == ["Target deleted."]
    assert _rows(demo_users) == []


@pytest.mark.parametrize("role", ["staff", "partner"])
def test_staff_and_partners_cannot_open_the_page(demo_users: Engine, role: str) -> None:
    at = app_as(role)
    at.run()
    with pytest.raises(ValueError):
        at.switch_page(PAGE).run()
