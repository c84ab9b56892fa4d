"""A partner hunting for a person through the dashboard pages and the report (AppTest as
"partner", after an outside review): filters smuggled in the address, odd or custom dates, and
free text (names, titles, notes) in anything a partner's screen or report shows."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

import pandas as pd
import pytest
from sqlalchemy import Engine, insert, select
from streamlit.testing.v1 import AppTest

from db import clock
from db import models as m
from db.clock import BRUSSELS
from db.engine import session_scope
from db.queries.campaign_figures import record_figures
from db.queries.campaigns import create_campaign
from tests.conftest import actor
from tests.pages.dash_harness import open_page
from tests.pages.test_partner_privacy import _everything_shown, chart_data

IXELLES, UCCLE = "21009", "21016"
DASHBOARDS = ["pages/dash_community.py", "pages/dash_coaching.py", "pages/dash_label.py",
              "pages/dash_campaign.py"]
# Free text that no partner may ever read (a person's name among it).
SECRETS = {"first": "Zoltanne", "last": "Quibbleworth", "event": "Soiree-chez-Zoltanne",
           "track": "Parcours-Quibbleworth", "other": "Topic-Zoltanne-divorce",
           "notes": "Session-note-Quibbleworth", "action": "Call-Zoltanne-back",
           "closing": "Closing-note-Zoltanne", "step": "Label-note-Quibbleworth",
           "business": "Atelier-Quibbleworth", "email": "zoltanne@example.org",
           "phone": "+32470999111"}
CAMPAIGN = "Campagne-Portrait-Mme-X"  # staff free text; could name an artisan
SLOGAN = "Slogan-Portrait-Mme-X"


NUMBER = re.compile(r"^-?\d[\d.]*(,\d+)?$")  # French: 1.234 or 4,5
NOT_A_NUMBER = {"< 5", "n.d.", "non communiqué", ""}


def _undisclosed(at: AppTest) -> list[object]:
    """Every figure on a partner's page that is neither 0, a multiple of 5, "< 5", "n.d." nor
    a rate or a median in days (their bases are checked in tests/db): cards, chart data
    (a bar's rank aside), tables."""
    texts: list[str] = [mt.value for mt in at.metric if "médiane" not in mt.label]
    numbers: list[float] = []
    for frame in [*chart_data(at), *(table.value for table in at.dataframe)]:
        for column in frame.columns:
            values = frame[column]
            if pd.api.types.is_datetime64_any_dtype(values) or column == "rank":
                continue
            if pd.api.types.is_numeric_dtype(values):
                numbers += [float(v) for v in values.dropna()]
            else:
                texts += [str(v) for v in values]
    bad: list[object] = [n for n in numbers if n % 5]
    for text in texts:
        if text in NOT_A_NUMBER or text.endswith("%") or not NUMBER.match(text):
            continue
        if float(text.replace(".", "").replace(",", ".")) % 5:
            bad.append(text)
    return bad


def _day() -> date:
    return clock.today() - timedelta(days=10)


def _window() -> dict[str, str]:
    """A partner's period holding the fixture's day (this year, unless it is early January)."""
    return {"period": "this_year" if _day().year == clock.today().year else "plan"}


@pytest.fixture
def people(demo_users: Engine) -> Engine:
    """7 artisans of Ixelles and 6 of Uccle (one of them carries every secret), each at one
    community evening, coached once, certified, signed up through the campaign; a campaign
    with a week of social media figures."""
    day = _day()
    with session_scope(demo_users) as s:
        coach = s.scalar(select(m.User.id).where(m.User.username == "staff"))
        track = m.CoachingTrack(title=SECRETS["track"], description=SECRETS["notes"],
                                starts_on=day, planned_sessions=1)
        s.add(track)
        s.flush()
        planned = m.TrackSession(track_id=track.id, seq=1, planned_on=day, topic="pricing")
        s.add(planned)
        s.flush()
        evening = datetime.combine(day, time(19), tzinfo=BRUSSELS)
        s.execute(insert(m.Event), {"id": 1, "title": SECRETS["event"], "kind": "networking",
                                    "action": "community",
                                    "starts_at": evening.astimezone(UTC)})
        created = datetime.combine(day - timedelta(days=2), time(12), tzinfo=UTC)
        for number in range(13):
            commune = IXELLES if number < 7 else UCCLE
            secret = number == 12
            s.execute(insert(m.Artisan), {
                "id": number + 1, "first_name": SECRETS["first"] if secret else "Anon",
                "last_name": SECRETS["last"] if secret else f"Person{number}",
                "business_name": SECRETS["business"] if secret else None,
                "email": SECRETS["email"] if secret else None,
                "phone": SECRETS["phone"] if secret else None, "language": "fr",
                "source": "campaign", "commune_nis": commune,
                "postcode": "1050" if commune == IXELLES else "1180", "created_at": created})
            s.execute(insert(m.Attendance), {
                "event_id": 1, "artisan_id": number + 1, "status": "attended",
                "walk_in": False, "recorded_by": "s",
                "registered_at": created, "checked_in_at": evening})
            held = m.CoachingSession(
                artisan_id=number + 1, coach_user_id=coach, held_on=day, duration_min=47,
                format="office", topic="other", topic_other=SECRETS["other"],
                notes=SECRETS["notes"], track_id=track.id if secret else None,
                track_session_id=planned.id if secret else None)
            s.add(held)
            s.flush()
            s.add(m.FollowUp(artisan_id=number + 1, session_id=held.id, owner_user_id=coach,
                             action=SECRETS["action"], due_on=day + timedelta(days=3),
                             status="done", done_on=day + timedelta(days=1),
                             note=SECRETS["closing"],
                             closed_at=datetime.combine(day, time(12), tzinfo=UTC)))
            for state, back in (("submitted", 4), ("certified", 1)):
                s.add(m.LabelStep(artisan_id=number + 1, state=state,
                                  occurred_on=day - timedelta(days=back), note=SECRETS["step"]))
        campaign = create_campaign(session=s, actor=actor("staff"), fields={
            "name": CAMPAIGN, "slogan": SLOGAN, "starts_on": day - timedelta(days=7),
            "ends_on": day + timedelta(days=7), "budget_eur": 1000}).id
        record_figures(session=s, actor=actor("staff"), campaign_id=campaign,
                       today=clock.today(), fields={
                           "channel": "social", "period_start": day - timedelta(days=6),
                           "period_end": day, "impressions": 1234, "reach": 567,
                           "clicks": 89, "spend_eur": 50})
    return demo_users


def _open(page: str, role: str = "partner", **params: str) -> AppTest:
    return open_page(page, role, None, **params)  # in French


def _cards(at: AppTest) -> dict[str, tuple[str, str]]:
    return {mt.label: (mt.value, str(mt.proto.body)) for mt in at.metric}


@pytest.mark.parametrize("page", DASHBOARDS)
def test_a_commune_and_sector_in_the_address_change_nothing_for_a_partner(
        people: Engine, page: str) -> None:
    plain = _open(page, **_window())
    smuggled = _open(page, **_window(), commune=IXELLES, sector="wood")
    assert not [s for s in smuggled.selectbox if s.key in ("filter_commune", "filter_sector")]
    assert _cards(smuggled) == _cards(plain) and _cards(plain)
    assert [str(c.proto) for c in smuggled.get("vega_lite_chart")] == \
        [str(c.proto) for c in plain.get("vega_lite_chart")]
    # ... where a manager gets the commune's own figures from the same address
    if page == "pages/dash_coaching.py" and _day().year == clock.today().year:
        manager = _open(page, role="manager", **_window(), commune=UCCLE)
        assert manager.metric[1].value == "6"
    # and the partner's periods are this year and the plan only: no custom days
    [period] = [s for s in smuggled.selectbox if s.key == "filter_period"]
    assert period.options == ["Cette année", "Le plan 2023-2024"]


def _report(role: str, **params: str) -> str:
    """The report's HTML as the report page makes it (filters read from the address)."""

    def script(role: str) -> None:  # run as a script of its own
        import streamlit as st

        from components.period_filter import filters
        from components.report import report_html
        from components.report_contents import report_for
        from db import clock
        from db.reads import sees_exact

        today = clock.today()
        scope = filters(today, sees_exact(role))
        st.session_state["html"] = report_html(report_for(scope, today, role))

    at = AppTest.from_function(script, args=(role,), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, at.exception
    html: str = at.session_state["html"]
    return html


def test_a_partner_s_report_is_region_wide_whatever_the_address(people: Engine) -> None:
    plain = _report("partner", **_window())
    assert _report("partner", **_window(), commune=IXELLES, sector="wood") == plain
    assert _report("manager", **_window(), commune=IXELLES) != _report("manager", **_window())


def _secrets_in(text: str) -> list[str]:
    return [name for name, value in SECRETS.items() if value in text]


def test_a_partner_s_report_holds_no_name_title_or_note(people: Engine) -> None:
    page = _report("partner", **_window())
    assert _secrets_in(page) == []
    manager = _report("manager", **_window())
    assert SECRETS["event"] in manager  # the manager's report lists the evening


@pytest.mark.parametrize("page", DASHBOARDS)
def test_a_partner_s_dashboards_hold_no_name_title_or_note(people: Engine, page: str) -> None:
    at = _open(page, **_window())
    assert _secrets_in(_everything_shown(at)) == []


def test_a_partner_sees_no_campaign_free_text(people: Engine) -> None:
    shown = _everything_shown(_open("pages/dash_campaign.py", **_window()))
    report = _report("partner", **_window())
    assert SLOGAN not in shown and SLOGAN not in report  # read by partners, never drawn
    assert CAMPAIGN not in shown and CAMPAIGN not in report


def test_a_campaign_in_the_address_does_not_narrow_the_sign_ups(people: Engine) -> None:
    with people.connect() as conn:
        campaign = conn.scalar(select(m.Campaign.id))
    everything = _cards(_open("pages/dash_campaign.py", **_window()))
    one = _cards(_open("pages/dash_campaign.py", **_window(), campaign=str(campaign)))
    [signups] = [label for label in everything if "nscri" in label or "ign" in label]
    assert one[signups] == everything[signups]
    assert everything[signups][0] == "15"  # 13, rounded


@pytest.mark.parametrize("params", [
    {"period": "custom", "from": "2026-13-01", "to": "2026-01-01"},
    {"period": "custom", "from": "2100-01-01", "to": "1999-01-01"},
    {"period": "custom"},
    {"period": "bogus", "commune": "' OR 1=1 --", "sector": "<b>"},
])
def test_odd_dates_in_the_address_fall_back_and_stay_disclosed(people: Engine,
                                                               params: dict[str, str]) -> None:
    for page in ("pages/dash_coaching.py", "pages/dash_community.py"):
        at = _open(page, **params)
        assert _undisclosed(at) == []


@pytest.mark.parametrize("page", DASHBOARDS)
def test_a_one_day_period_in_the_address_falls_back_to_this_year(people: Engine,
                                                                  page: str) -> None:
    day = _day().isoformat()
    at = _open(page, period="custom", **{"from": day, "to": day})
    assert _cards(at) == _cards(_open(page, period="this_year"))
    assert at.query_params["period"] == "this_year" and "from" not in at.query_params
    media = page == "pages/dash_campaign.py"  # impressions, clicks, spend: as reported
    assert media or _undisclosed(at) == []
    assert _secrets_in(_everything_shown(at)) == []
