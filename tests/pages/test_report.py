"""The report page through AppTest (staff and managers, with its download button), and the
report's contents on a small hand-built data set, exact. Partners are kept to the Overview for
now (tests/pages/test_dash_coaching.py)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from unittest.mock import patch

import pytest
import streamlit as st
from sqlalchemy import Engine, insert, select
from streamlit.testing.v1 import AppTest

from components import data
from db import models as m
from db.clock import BRUSSELS
from db.engine import session_scope
from db.models import User
from db.permissions import SYSTEM
from db.queries.artisans import create_artisan
from db.queries.campaign_figures import record_figures
from db.queries.campaigns import create_campaign
from db.queries.coaching_log import log_session
from db.queries.targets import set_target
from db.versioning import bump
from tests.conftest import actor, app_as

TODAY = date(2026, 1, 10)
EVIL = "<script>alert(1)</script>"
CAMPAIGN = "<script>alert(2)</script>"


def _open(role: str, lang: str = "en", **params: str) -> AppTest:
    at = app_as(role, lang=lang)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page("pages/report.py").run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("role", ["manager", "staff"])
def test_the_page_offers_the_report_to_download(demo_users: Engine, role: str) -> None:
    at = _open(role, period="plan")
    assert at.title[0].value == "Report"
    assert not at.get("download_button")  # no figure is read before it is asked for
    at.button(key="report_prepare").click().run()
    assert not at.exception, at.exception
    [button] = at.get("download_button")
    assert button.proto.label == "Download the report" and button.proto.ignore_rerun
    assert "report_prepare" not in [b.key for b in at.button]  # the download took its place
    assert at.success[0].value.startswith("Report ready. Contents: Plan overview, Coaching")
    communes = [s for s in at.selectbox if s.key == "filter_commune"]
    assert len(communes) == 1  # staff and up filter by commune
    at.run()  # prepared once: it stays ready while the figures and filters stay the same
    assert at.get("download_button") and "report_prepare" not in [b.key for b in at.button]


def test_a_prepared_report_is_not_offered_once_the_figures_changed(demo_users: Engine) -> None:
    at = _open("manager", period="plan")
    at.button(key="report_prepare").click().run()
    assert at.get("download_button")
    with session_scope(demo_users) as s:
        create_artisan(session=s, actor=actor("staff"), fields={
            "first_name": "Nouvelle", "last_name": "Artisane", "postcode": "1000"})
    at.run()
    assert not at.get("download_button")
    assert at.info[0].value == ("The figures have changed since the report was prepared: "
                                "prepare it again.")
    assert "report_prepare" in [b.key for b in at.button]


def test_a_prepared_report_outlives_a_login_and_the_shared_cache(demo_users: Engine) -> None:
    """A login elsewhere changes no figure (it bumps the accounts' version only), and a
    prepared report is kept in the session: neither a login nor the shared cache letting it
    go reads the figures again or drops the download."""
    at = _open("manager", period="plan")
    at.button(key="report_prepare").click().run()
    with session_scope(demo_users) as s:
        bump(s, "users")
    st.cache_data.clear()
    reads: list[str] = []
    original = data.run_read

    def counted(session: object, name: str, *args: object) -> object:
        reads.append(name)
        return original(session, name, *args)

    with patch.object(data, "run_read", counted):
        at.run()
    assert not at.exception, at.exception
    assert at.get("download_button") and not at.info
    assert reads == []


@pytest.fixture
def small(demo_users: Engine) -> Engine:
    """Three artisans: each coached once for two hours on 5 January 2026, and all three at one
    community evening on 8 January whose title is markup; a campaign (its name markup too)
    with one week of social media figures."""
    with session_scope(demo_users) as s:
        coach = s.scalar(select(User.id).where(User.username == "staff"))
        for number in range(3):
            who = create_artisan(session=s, actor=SYSTEM, fields={
                "first_name": "Ana", "last_name": f"Lopez {number}", "postcode": "1050"})
            log_session(session=s, actor=actor("staff"), fields={
                "artisan_id": who.id, "coach_user_id": coach, "held_on": date(2026, 1, 5),
                "duration_min": 120, "format": "office", "topic": "pricing", "topic_other": None,
                "notes": None})
        ids = list(s.scalars(select(m.Artisan.id)))
        campaign = create_campaign(session=s, actor=actor("staff"), fields={
            "name": CAMPAIGN, "slogan": None, "starts_on": date(2026, 1, 5),
            "ends_on": date(2026, 1, 31), "budget_eur": 1000}).id
        record_figures(session=s, actor=actor("staff"), campaign_id=campaign, today=TODAY,
                       fields={"channel": "social", "period_start": date(2026, 1, 5),
                               "period_end": date(2026, 1, 9), "impressions": 1234,
                               "reach": 567, "clicks": 89, "spend_eur": 50})
    evening = datetime(2026, 1, 8, 19, tzinfo=BRUSSELS)
    with demo_users.begin() as conn:
        conn.execute(insert(m.Event), {"id": 1, "title": EVIL, "kind": "networking",
                                       "action": "community",
                                       "starts_at": evening.astimezone(UTC)})
        for artisan_id in ids:
            conn.execute(insert(m.Attendance), {
                "event_id": 1, "artisan_id": artisan_id, "status": "attended",
                "walk_in": False, "recorded_by": "s",
                "registered_at": datetime(2025, 12, 20, tzinfo=UTC),
                "checked_in_at": evening})
    return demo_users


def _report(role: str) -> str:
    """The report's HTML for January 2026 as the role gets it (in English)."""

    def script(role: str, today: object) -> None:  # run as a script of its own: builtins only
        from datetime import date

        import streamlit as st

        from components.report import report_html
        from components.report_contents import report_for
        from db.periods import Period, Scope

        scope = Scope(Period(date(2026, 1, 1), date(2026, 1, 31)))
        st.session_state["html"] = report_html(report_for(scope, today, role))

    at = AppTest.from_function(script, args=(role, TODAY), default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception, at.exception
    html: str = at.session_state["html"]
    return html


def _figure(page: str, label: str) -> str:
    """The value of the first figure of that label in the report's figure tables."""
    found = re.search(rf'<th scope="row">{re.escape(label)}</th><td class="n">([^<]*)</td>',
                      page)
    assert found, label
    return found.group(1)


def test_a_manager_s_report_has_the_exact_figures(small: Engine) -> None:
    page = _report("manager")
    assert [_figure(page, label) for label in ("Sessions", "Artisans coached", "Hours",
                                               "Members to date")] == ["3", "3", "6", "3"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script" not in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page  # the campaign, in its reach rows
    assert _figure(page, "Impressions") == "1,234"




def test_the_report_draws_the_members_and_sessions_targets_for_managers(small: Engine) -> None:
    """The growth and sessions charts of a manager's report tell their targets, as the
    dashboards do."""
    with session_scope(small) as s:
        for indicator, value in (("community_members", 4321), ("coaching_sessions", 987)):
            set_target(session=s, actor=actor("manager"), indicator=indicator,
                       period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
                       target_value=value, seen=None)
    page = _report("manager")
    assert "Target: 4,321 from 01/01/2026 to 31/12/2026." in page
    assert "Target: 987 from 01/01/2026 to 31/12/2026." in page


def test_logging_out_drops_the_prepared_report(demo_users: Engine) -> None:
    at = _open("manager", period="plan")
    at.button(key="report_prepare").click().run()
    assert "report_ready" in at.session_state
    at.button(key="sidebar_logout").click().run()
    assert not at.exception, at.exception
    assert "report_ready" not in at.session_state
