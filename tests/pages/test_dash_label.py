"""The label uptake dashboard through AppTest: filters read from the address, the figures follow
a label step at once, the target is drawn, and partners get the disclosed, region-wide
version."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from db import clock
from db.engine import session_scope
from db.models import KpiTarget
from db.permissions import SYSTEM
from db.queries.artisans import create_artisan
from db.queries.label import record_label_step
from tests.conftest import actor
from tests.pages.dash_harness import cards, open_page

NAMES = itertools.count(1)  # each artisan a name of their own (no duplicate offer)


def _open(role: str = "manager", lang: str = "en", **params: str) -> AppTest:
    return open_page("pages/dash_label.py", role, lang, **params)


def _cards(at: AppTest) -> dict[str, str]:
    return cards(at)


def _certify(engine: Engine, day: date, postcode: str | None = None) -> int:
    """A new artisan whose file, submitted 30 days before `day`, is certified on `day`."""
    with session_scope(engine) as s:
        who = create_artisan(session=s, actor=SYSTEM, fields={
            "first_name": "Ana", "last_name": f"Lopez {next(NAMES)}", "postcode": postcode})
        for state, on in (("submitted", day - timedelta(days=30)), ("certified", day)):
            record_label_step(session=s, actor=actor("staff"), artisan_id=who.id, state=state,
                              occurred_on=on)
        return who.id


def test_a_shared_link_opens_on_its_filters(demo_users: Engine) -> None:
    at = _open(period="custom", **{"from": "2025-12-01", "to": "2026-01-31"}, sector="wood")
    assert at.selectbox(key="filter_period").value == "custom"
    assert at.date_input(key="filter_days").value == (date(2025, 12, 1), date(2026, 1, 31))
    assert at.selectbox(key="filter_sector").value == "wood"
    assert "No certified artisan" in " ".join(i.value for i in at.info)


def test_the_figures_follow_a_label_step(demo_users: Engine) -> None:
    today = clock.today()
    at = _open()
    assert _cards(at)["Certified artisans"] == "0"
    _certify(demo_users, today)
    _certify(demo_users, today)
    at.run()
    cards = _cards(at)
    assert cards["Certified artisans"] == "2" and cards["Artisans in the registry"] == "2"
    assert cards["Uptake rate"] == "100 %" and cards["New labels"] == "2"
    assert cards["Days to a decision (median)"] == "30"
    assert "Certified artisans: " in " ".join(c.value for c in at.caption)


def test_the_target_is_drawn_on_the_certified_line(demo_users: Engine) -> None:
    today = clock.today()
    _certify(demo_users, today, postcode="1050")
    with session_scope(demo_users) as s:
        s.add(KpiTarget(indicator="certified_artisans", period_start=date(today.year, 1, 1),
                        period_end=date(today.year, 12, 31), target_value=153))
    at = _open()
    # the charts' rows travel as Arrow bytes, where text stays plain UTF-8
    data = b"".join(d.data.data for c in at.get("vega_lite_chart") for d in c.proto.datasets)
    assert b"Target: 153" in data
    ixelles = _open(commune="21009")  # a region-wide target is not drawn over one commune
    assert ixelles.get("vega_lite_chart")
    assert b"Target" not in b"".join(d.data.data for c in ixelles.get("vega_lite_chart")
                                     for d in c.proto.datasets)


